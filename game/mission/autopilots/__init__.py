"""Who drives a job headless (and when the player hands over with the autopilot key).

Each job's autopilot is a :class:`~game.ai.driver.Driver` that writes the Driver's
control row through the same columns a keyboard does. A mission picks one by name with
``[playtest] autopilot`` (:data:`game.mission.model.AUTOPILOT_NAMES`); without it the
job gets the Five Minutes autopilot (:class:`game.mission.autopilot.Autopilot`), which
follows a job's stages, window and getaway. :data:`AUTOPILOTS` is the whole table.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from game.ai.driver import Driver
    from game.mission.runtime import MissionRuntime


def _five_minutes(runtime: MissionRuntime) -> Driver:
    from game.mission.autopilot import Autopilot

    return Autopilot(runtime)


def _race(runtime: MissionRuntime) -> Driver:
    from game.mission.autopilots.race import RaceAutopilot

    return RaceAutopilot(runtime)


def _audition(runtime: MissionRuntime) -> Driver:
    from game.mission.autopilots.audition import AuditionAutopilot

    return AuditionAutopilot(runtime)


#: autopilot name -> how it is made for a job's runtime
AUTOPILOTS: dict[str, Callable[[MissionRuntime], Driver]] = {
    "five_minutes": _five_minutes,
    "race": _race,
    "audition": _audition,
}


def autopilot_for(runtime: MissionRuntime) -> Driver:
    """The autopilot the job's mission names (the Five Minutes one by default)."""
    return AUTOPILOTS[runtime.mission.autopilot or "five_minutes"](runtime)
