"""Heat: witnessed offences raise it; thresholds start a pursuit; unseen long enough, it ends.

Heat is data (STYLE.md, after Driver 2): the per-offence table lives in
:mod:`game.session.offences`; this module applies it. An offence adds heat only if a
police unit or the helicopter **witnesses** it (``witnessed``), at most once per
cooldown, and only after its condition has held its hold time. Heat at or above
:data:`PURSUIT_HEAT` with the Driver in sight starts a pursuit; a pursuit ends after
``lose_after_s`` seconds with nobody seeing him. The meter emits events (offence
witnessed, pursuit started, pursuit lost); it never plays a sound.
"""

from __future__ import annotations

import numpy as np

from game.session.events import OffenceWitnessed, PursuitLost, PursuitStarted
from game.session.offences import (
    COOLDOWN_S,
    HOLD_S,
    N_OFFENCES,
    POINTS_CALM,
    POINTS_PURSUIT,
    Offence,
)

PURSUIT_HEAT = 1.0  #: heat at which a unit that sees you gives chase
HELICOPTER_HEAT = 2.0  #: heat at which the helicopter joins (the job may send it sooner)
ROADBLOCK_HEAT = 3.0  #: heat at which units set roadblocks ahead
MAX_HEAT = 5.0
DECAY_PER_S = 0.02  #: heat lost per second when calm and unseen...
DECAY_AFTER_S = 30.0  #: ...once nobody has seen the Driver for this long
LOSE_AFTER_S = 12.0  #: seconds unseen that end a pursuit (a mission may change it)
HEAT_AFTER_LOST = 0.5  #: a lost pursuit leaves this much heat at most


class HeatMeter:
    """Heat, pursuit state and per-offence timers for the Driver's car."""

    def __init__(self, lose_after_s: float = LOSE_AFTER_S) -> None:
        self.lose_after_s = lose_after_s
        self.heat = 0.0
        self.heat_max = 0.0
        self.pursuit = False
        self.pursuit_s = 0.0  #: seconds since the current pursuit started
        self.unseen_s = 0.0  #: seconds since any unit last saw the Driver
        self.quiet_s = 0.0  #: seconds since he was last seen or heat was last added
        self.held_s = np.zeros(N_OFFENCES)  #: seconds each condition has held
        self.cooldown_s = np.zeros(N_OFFENCES)  #: seconds until each may count again

    def add(self, points: float) -> None:
        """Add heat directly (an alarm, a report); it does not start a pursuit by itself."""
        self.heat = float(np.clip(self.heat + points, 0.0, MAX_HEAT))
        self.quiet_s = 0.0
        self.heat_max = max(self.heat_max, self.heat)

    def update(self, dt: float, offences: np.ndarray, witnessed: bool, time: float) -> list:
        """One tick: ``offences`` from detect_offences, ``witnessed`` if any unit sees you;
        ``time`` (sim seconds) stamps the events."""
        events: list = []
        self.held_s = np.where(offences, self.held_s + dt, 0.0)
        self.cooldown_s = np.maximum(self.cooldown_s - dt, 0.0)
        counts = offences & (self.held_s >= HOLD_S) & (self.cooldown_s <= 0.0) & witnessed
        if counts.any():
            points = np.where(counts, POINTS_PURSUIT if self.pursuit else POINTS_CALM, 0.0)
            self.cooldown_s[counts] = COOLDOWN_S[counts]
            self.add(float(points.sum()))
            events.extend(
                OffenceWitnessed(Offence(i).name.lower(), float(points[i]))
                for i in np.flatnonzero(counts)
            )
        self.unseen_s = 0.0 if witnessed else self.unseen_s + dt
        self.pursuit_s = self.pursuit_s + dt if self.pursuit else 0.0
        self.quiet_s = 0.0 if witnessed else self.quiet_s + dt
        if not self.pursuit:
            if witnessed and self.heat >= PURSUIT_HEAT:
                self.pursuit = True
                events.append(PursuitStarted(time))
            elif self.quiet_s >= DECAY_AFTER_S:
                self.heat = max(0.0, self.heat - DECAY_PER_S * dt)
        elif self.unseen_s >= self.lose_after_s:
            self.pursuit = False
            self.heat = min(self.heat, HEAT_AFTER_LOST)
            events.append(PursuitLost(time))
        return events
