"""The race autopilot: the Driver's car raced like a racer, through his control row.

It is the racers' own driver (:class:`game.ai.racers.RacerController`) given the one
car, the Driver's: the same racing line and speed from its curvature, passing the
racers where there is room; a steadier pace than theirs, and no
pit stop unless the car is bent. It holds on the grid until the race tracker's green.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from game.ai.driver import Senses
from game.ai.racers import RacerController, RacerParams
from game.ai.steering import hold_still
from game.mission.race import RaceTracker
from game.mission.runtime import MissionRuntime

#: the Driver's pace: the top of the racers' range, and no planned stop
DRIVER_RACING = replace(RacerParams(), pace_range=(0.985, 0.985), pit_share=1_000_000)


class RaceAutopilot:
    """Races the Driver's car for a mission with a ``[race]`` table."""

    def __init__(self, runtime: MissionRuntime):
        self.runtime = runtime
        session = runtime.session
        self.racing = RacerController.in_setting(session.setting, DRIVER_RACING)
        self.racing.add(np.array([session.player]))

    def drive(self, senses: Senses, controls: np.ndarray) -> None:
        tracker = self.runtime.mechanic
        player = senses.player
        if not isinstance(tracker, RaceTracker) or tracker.green_at is None:
            controls[player] = hold_still(1)[0]
            return
        if self.racing.green_at is None:
            self.racing.go(tracker.green_at)
        self.racing.drive(senses, controls)
