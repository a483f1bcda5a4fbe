"""Heat: witnessed offences raise it; its levels bring pursuit, backup, roadblocks, the air.

Heat is data (STYLE.md, after Driver 2): the table is ``levels/police.toml``, read by
:mod:`game.session.escalation`; this module applies it. An offence adds heat only if a
police unit or a helicopter **witnesses** it (``witnessed``), after its condition has
held its ``hold_s``, and only **once per act and sighting episode**: a Driver who keeps
speeding in front of a unit is counted once, not every few seconds; a new act (he stops
speeding and speeds again), or new eyes (they lost sight of him for ``episode_gap_s`` and
found him again), counts again, each offence no sooner than its cooldown. An act stays
witnessable for ``counts_for_s`` after it stops (the crumpled car a unit comes round the
corner to). Out of a pursuit, a unit that recognises the car from a lookout adds heat
once per episode, offence or not (in one, they know already). Heat at a level with
``pursuit`` and the Driver in sight starts a pursuit; it ends after ``lose_after_s``
with nobody seeing him. Unseen and calm for a while, heat cools. The meter emits events
(:mod:`game.session.events`); it never plays a sound.
"""

from __future__ import annotations

import numpy as np

from game.session.escalation import Escalation, load_escalation
from game.session.events import (
    CarRecognised,
    HeatLevelChanged,
    OffenceWitnessed,
    PursuitLost,
    PursuitStarted,
)
from game.session.offences import N_OFFENCES, Offence


class HeatMeter:
    """Heat, pursuit state and per-offence timers for the Driver's car."""

    def __init__(self, table: Escalation | None = None, lose_after_s: float | None = None):
        self.table = table if table is not None else load_escalation()
        self.lose_after_s = self.table.lose_after_s if lose_after_s is None else lose_after_s
        self.heat = 0.0
        self.heat_max = 0.0
        self.level = 0  #: index into table.levels
        self.pursuit = False
        self.pursuit_s = 0.0  #: seconds since the current pursuit started
        self.unseen_s = np.inf  #: seconds since any unit last saw the Driver
        self.quiet_s = 0.0  #: seconds since he was last seen or heat was last added
        self.episodes = 0  #: sighting episodes so far
        self.held_s = np.zeros(N_OFFENCES)  #: seconds each condition has held
        self.since_s = np.full(N_OFFENCES, np.inf)  #: seconds since each act last held
        self.counted = np.zeros(N_OFFENCES, dtype=bool)  #: this act counted this episode
        self.cooldown_s = np.zeros(N_OFFENCES)  #: seconds until each may count again
        self.recognised = False  #: the car was recognised in this episode
        self.episode_started_s = -np.inf  #: sim time the current sighting episode began

    @property
    def level_name(self) -> str:
        return self.table.levels[self.level].name

    def add(self, points: float) -> None:
        """Add heat directly (an alarm, a report); it does not start a pursuit by itself."""
        self.heat = float(np.clip(self.heat + points, 0.0, self.table.max_heat))
        self.quiet_s = 0.0
        self.heat_max = max(self.heat_max, self.heat)

    def update(self, dt: float, offences: np.ndarray, witnessed: bool, time: float,
               described_since: float | None = None, stranger: bool = False) -> list:
        """One tick: ``offences`` from detect_offences, ``witnessed`` if any unit or a
        helicopter sees the Driver, ``described_since`` the sim time from which his car's
        description has been out (None: it is not): a unit that sees him in an episode
        that began after that knows the car; ``time`` (sim seconds) stamps the events.
        ``stranger``: he changed cars unseen, so a sighting is of a car they do not know:
        his offences count as ever, but only one that counts makes it a sighting of him
        (keeping a pursuit, starting one, recognising the car)."""
        table, events = self.table, []
        self.held_s = np.where(offences, self.held_s + dt, 0.0)
        holding = offences & (self.held_s >= table.hold_s)
        self.since_s = np.where(holding, 0.0, self.since_s + dt)
        acting = self.since_s <= table.counts_for_s
        self.counted &= acting  # an act that is over may be counted again when repeated
        self.cooldown_s = np.maximum(self.cooldown_s - dt, 0.0)
        if witnessed and self.unseen_s >= table.episode_gap_s:
            self.episodes += 1  # new eyes: what he is doing counts again
            self.counted[:] = False
            self.recognised = False
            self.episode_started_s = time
        counts = acting & ~self.counted & (self.cooldown_s <= 0.0) & witnessed
        if counts.any():
            points = np.where(counts, table.points_pursuit if self.pursuit
                              else table.points_calm, 0.0)
            self.counted |= counts
            self.cooldown_s[counts] = table.cooldown_s[counts]
            self.add(float(points.sum()))
            events.extend(OffenceWitnessed(Offence(i).name.lower(), float(points[i]))
                          for i in np.flatnonzero(counts))
        witnessed = witnessed and (not stranger or bool(counts.any()))  # him, not a car
        known = described_since is not None and described_since < self.episode_started_s
        if witnessed and known and not self.recognised and not self.pursuit:
            self.recognised = True
            self.add(table.recognised)
            events.append(CarRecognised(time))
        self.unseen_s = 0.0 if witnessed else self.unseen_s + dt
        self.pursuit_s = self.pursuit_s + dt if self.pursuit else 0.0
        self.quiet_s = 0.0 if witnessed else self.quiet_s + dt
        if not self.pursuit:
            if witnessed and table.levels[table.level_at(self.heat)].pursuit:
                self.pursuit = True
                events.append(PursuitStarted(time))
            elif self.quiet_s >= table.cool_after_s:
                self.heat = max(0.0, self.heat - table.cool_per_s * dt)
        elif self.unseen_s >= self.lose_after_s:
            self.pursuit = False
            self.heat = min(self.heat, table.after_lost)
            events.append(PursuitLost(time))
        level = table.level_at(self.heat)
        if level != self.level:
            self.level = level
            events.append(HeatLevelChanged(level, table.levels[level].name, time))
        return events
