"""The audition: a driving test scored manoeuvre by manoeuvre, scratches counted against.

A mission with an ``[audition]`` table (levels/README.md, "Auditions") has one. Every
tick of the rules phase it reads the Driver's car from the world's arrays into a
:class:`~game.mission.manoeuvres.CarSample` and feeds every manoeuvre not yet passed
(:mod:`game.mission.manoeuvres`); a manoeuvre passed is scored once, says so
(:class:`ManoeuvreDone` and a message) and the gauge lights it. A **scratch** is a touch
of a wall, a pillar or another car (a parked one included) hard enough to feel
(``SCRATCH_DV_MS`` of delta-v), counted once per touch (a car leaning on a wall is one
scratch, not one a tick); each costs the table's ``scratch_points``.

When every manoeuvre is passed it emits :class:`AuditionComplete` (the
``manoeuvres_done`` trigger); the ``judge`` action ends the job on
:meth:`Audition.verdict`: the score (the manoeuvres' points less the scratches) against
the table's ``pass_score``. No pygame.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from game.level.zones import ZoneGrid
from game.mission.events import Message
from game.mission.manoeuvres import (
    BrakeTest,
    Burnout,
    CarSample,
    Handbrake180,
    Reverse180,
    Slalom,
    Spin360,
)
from game.mission.model import AuditionTerms
from game.session.view import Gauge, GaugeLine
from game.sim.vehicles import CLASS_TABLE

if TYPE_CHECKING:
    from game.mission.runtime import MissionRuntime
    from game.session.drive import TickReport
    from game.sim import StepEvents

SCRATCH_DV_MS = 0.4  #: a contact that changes the car's speed by this much is a scratch
SCRATCH_APART_S = 0.5  #: contacts closer together than this are the same scratch
MISSED = ": missed"  #: a scorecard line's end for a manoeuvre not done


@dataclass(frozen=True)
class ManoeuvreDone:
    name: str  #: one of game.mission.model.MANOEUVRES
    points: int


@dataclass(frozen=True)
class Scratched:
    scratches: int  #: how many so far


@dataclass(frozen=True)
class AuditionComplete:
    score: int


class Audition:
    """The manoeuvres, their points and the scratches of one audition (module docstring)."""

    def __init__(self, terms: AuditionTerms, runtime: MissionRuntime) -> None:
        self.terms = terms
        session = runtime.session
        level = runtime.level
        player = session.player
        half_length = float(CLASS_TABLE.length[int(session.world.vehicle_class[player])]) / 2
        makers = {
            "burnout": Burnout,
            "slalom": lambda: Slalom(terms.slalom),
            "handbrake_180": Handbrake180,
            "reverse_180": Reverse180,
            "spin_360": Spin360,
            "brake_test": lambda: BrakeTest(level.zones[terms.brake_line].polygon, half_length),
        }
        self.detectors = {name: makers[name]() for name in terms.manoeuvres}
        self.points: dict[str, int] = {}  #: manoeuvre -> points, once passed
        self.scratches = 0
        self.zones = ZoneGrid(level, list(terms.slalom))
        self.finished = False
        self._touched_at = -np.inf

    @property
    def score(self) -> int:
        """The manoeuvres' points less the scratches (never below 0)."""
        return max(0, sum(self.points.values()) - self.scratches * self.terms.scratch_points)

    def update(self, runtime: MissionRuntime, report: TickReport) -> list:
        """Feed this tick's car to the manoeuvres still to pass; count a scratch."""
        if self.finished:
            return []
        session = runtime.session
        world, player = session.world, session.player
        x, y = float(world.x[player]), float(world.y[player])
        sample = CarSample(world.time, x, y, float(world.heading[player]),
                           float(world.vx[player]), float(world.speed[player]),
                           float(world.rear_spin[player]),
                           self.zones.names_in(self.zones.mask_at(x, y)))
        events: list = []
        for name, detector in self.detectors.items():
            if name in self.points:
                continue
            points = detector.feed(sample)
            if points is not None:
                self.points[name] = points
                events += [ManoeuvreDone(name, points),
                           Message(f"{detector.label}: {points} points", 3.0)]
        events += self._scratch(runtime, report.step)
        if len(self.points) == len(self.detectors):
            self.finished = True
            events.append(AuditionComplete(self.score))
        return events

    def _scratch(self, runtime: MissionRuntime, step: StepEvents) -> list:
        session = runtime.session
        world, player = session.world, session.player
        hits = step.collisions
        mine = (hits.a == player) | (hits.b == player)
        mass = float(CLASS_TABLE.mass[int(world.vehicle_class[player])])
        if not (mine & (hits.impulse / mass >= SCRATCH_DV_MS)).any():
            return []
        touched_before = world.time - self._touched_at < SCRATCH_APART_S
        self._touched_at = world.time
        if touched_before:
            return []
        self.scratches += 1
        return [Scratched(self.scratches),
                Message(f"Scratch: -{self.terms.scratch_points}", 2.0)]

    def waypoint_zone(self) -> str | None:
        """Where the next manoeuvre on the list is done: the slalom's next gate, the
        brake line, the spin zone; None for a burnout (it is done where the car is)."""
        for name, detector in self.detectors.items():
            if name in self.points:
                continue
            if isinstance(detector, Slalom):
                return self.terms.slalom[min(detector.next, len(self.terms.slalom) - 1)]
            if name == "brake_test":
                return self.terms.brake_line
            if name != "burnout":
                return self.terms.spin_zone or None
            return None
        return None

    def gauge(self) -> Gauge:
        """The manoeuvre list: each lit with its points once passed; the scratches."""
        lines = [GaugeLine(d.label, f"{self.points[n]}" if n in self.points else "-",
                           lit=n in self.points) for n, d in self.detectors.items()]
        lost = self.scratches * self.terms.scratch_points
        lines.append(GaugeLine("Scratches", f"{self.scratches}  -{lost}" if lost else "0"))
        return Gauge(f"AUDITION  {self.score} / {self.terms.pass_score}", tuple(lines))

    def verdict(self) -> tuple[bool, str]:
        passed, asked = len(self.points), len(self.detectors)
        tally = (f"{passed} of {asked} manoeuvres, {self.scratches} scratches, "
                 f"{self.score} points")
        if self.score >= self.terms.pass_score:
            return True, f"passed the audition: {tally}"
        missing = [d.label for n, d in self.detectors.items() if n not in self.points]
        short = f" (not done: {', '.join(missing)})" if missing else ""
        return False, (f"failed the audition: {tally}, {self.terms.pass_score} needed"
                       + short)

    def scorecard(self) -> tuple[str, ...]:
        lines = [f"{d.label}: {self.points[n]}" if n in self.points else f"{d.label}{MISSED}"
                 for n, d in self.detectors.items()]
        lost = self.scratches * self.terms.scratch_points
        lines.append(f"Scratches: {self.scratches} (-{lost})" if lost else "Scratches: none")
        lines.append(f"Score: {self.score} (pass: {self.terms.pass_score})")
        return tuple(lines)

    def result_fields(self) -> dict:
        return {"score": self.score, "manoeuvres_passed": tuple(self.points),
                "scratches": self.scratches}

    def state(self) -> tuple:
        return (tuple(sorted(self.points.items())), self.scratches)
