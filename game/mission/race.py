"""The race tracker: laps, positions and lap times of a race, owned by the mission runtime.

A mission with a ``[race]`` table (levels/README.md, "Races") races the Driver against
the session's ``racer`` fleet. The tracker measures every race car (the Driver first)
along the track's lap line (:func:`game.ai.racing_line.track_lines`, s = 0 at the
start/finish line) each tick, vectorised over the cars:

* **a lap** is counted when a car crosses the line forwards (its place on the line wraps
  from the end of the lap to its start) having passed through every checkpoint zone of
  the table since it last crossed (the first crossing, off the grid, needs none: the grid
  is behind the line). Reversing over the line and back, or cutting across the infield,
  counts nothing. A lap through the pit lane counts like any other;
* **progress** is ``(crossings - 1) * lap length + s``: who is ahead of whom. A car that
  has done ``laps`` laps has finished, and finishers keep the order they finished in;
* **lap times** are the sim seconds between crossings (the first lap from the green);
* **the flag**: once the first car has done ``laps`` laps, every other car finishes the
  next time it crosses the line, however many laps down (so a lapped Driver is not kept
  racing a field that has gone home).

Before the green (:meth:`RaceTracker.go`, the ``start_race`` action) nothing counts. It
emits :class:`LapDone` and :class:`RaceFinished` events, shows the lap board
(:meth:`RaceTracker.gauge`) and judges the race (:meth:`RaceTracker.verdict`): the
Driver's place against the table's ``pay_place``. No pygame.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from game.ai.racers import RacerController
from game.ai.racing_line import track_lines
from game.level.zones import ZoneGrid
from game.mission.model import RaceTerms
from game.session.view import Gauge, GaugeLine
from game.sim.vehicles import CLASS_TABLE, VehicleClass

if TYPE_CHECKING:
    from game.level.model import Level
    from game.mission.runtime import MissionRuntime
    from game.session.drive import TickReport

WRAP_M = 60.0  #: a car's place on the line jumping from within this of the end to within
#: this of the start is a crossing of the line
DRIVER = "You"  #: the Driver's name on the lap board


@dataclass(frozen=True)
class LapDone:
    name: str  #: whose lap ("You" for the Driver)
    lap: int  #: laps done now
    lap_s: float  #: sim seconds it took


@dataclass(frozen=True)
class RaceFinished:
    place: int  #: the Driver's finishing place, 1 = first
    cars: int  #: cars in the race
    race_s: float  #: his race time, sim seconds


def ordinal(place: int) -> str:
    """1 -> "1st", 2 -> "2nd", 11 -> "11th"."""
    suffix = "th" if 10 <= place % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(place % 10, "th")
    return f"{place}{suffix}"


def format_lap(seconds: float) -> str:
    """Sim seconds -> "M:SS.s" for the lap board."""
    return f"{int(seconds // 60)}:{seconds % 60:04.1f}"


class RaceTracker:
    """Laps, positions and lap times of one race (module docstring)."""

    def __init__(self, terms: RaceTerms, level: Level) -> None:
        self.terms = terms
        top = float(CLASS_TABLE.top_speed[VehicleClass.STOCK_CAR])
        self.lap = track_lines(level, top, terms.line).lap
        self.checkpoints = ZoneGrid(level, list(terms.checkpoints))
        self.all_checkpoints = np.uint64(sum(int(b) for b in self.checkpoints.bit.values()))
        self.cars = np.zeros(0, dtype=np.intp)  #: world indices, the Driver first
        self.names: list[str] = []
        self.green_at: float | None = None  #: sim time of the start
        self.crossings = np.zeros(0, dtype=np.int32)
        self.visited = np.zeros(0, dtype=np.uint64)  #: checkpoint bits since the last crossing
        self.s = np.zeros(0)  #: metres along the line now
        self.crossed_at = np.zeros(0)  #: sim time of each car's last crossing
        self.lap_times: list[list[float]] = []
        self.finished_at = np.zeros(0)  #: sim time each finished (inf: racing)
        self.finished = False  #: the Driver has taken the flag

    # -- the start ------------------------------------------------------------------
    def go(self, runtime: MissionRuntime) -> None:
        """Lights green (the ``start_race`` action): the Driver and the session's racers
        race from here, and the racer fleet leaves the grid."""
        session = runtime.session
        world = session.world
        racers = session.vehicles_of("racer")
        names = {index: name for name, index in runtime.cast.names.items()}
        self.cars = np.concatenate([[session.player], racers]).astype(np.intp)
        self.start([DRIVER] + [names.get(int(i), f"Car {int(i)}") for i in racers],
                   world.x[self.cars], world.y[self.cars], world.time)
        fleet = session.fleets.get("racer")
        if isinstance(fleet, RacerController):
            fleet.go(world.time)

    def start(self, names: list[str], x: np.ndarray, y: np.ndarray, now: float) -> None:
        """The race begins with these cars (the Driver first) where they stand."""
        n = len(names)
        self.names = list(names)
        self.green_at = now
        self.crossings = np.zeros(n, dtype=np.int32)
        self.visited = np.zeros(n, dtype=np.uint64)
        self.s, _ = self.lap.project(x, y)
        self.crossed_at = np.full(n, now)
        self.lap_times = [[] for _ in range(n)]
        self.finished_at = np.full(n, np.inf)

    # -- every tick -----------------------------------------------------------------
    def update(self, runtime: MissionRuntime, report: TickReport) -> list:
        """This tick's events, from where the race cars are now."""
        world = runtime.session.world
        if self.green_at is None or self.finished:
            return []
        return self.observe(world.x[self.cars], world.y[self.cars], world.time)

    def observe(self, x: np.ndarray, y: np.ndarray, now: float) -> list:
        """Count crossings, checkpoints and finishes with the cars at (x, y) at sim time
        ``now`` (in the order :meth:`start` named them); the events."""
        if self.green_at is None or self.finished:
            return []
        self.visited |= self.checkpoints.masks(x, y)
        s, _ = self.lap.project(x, y)
        wrapped = (self.s > self.lap.length - WRAP_M) & (s < WRAP_M)
        complete = (self.visited & self.all_checkpoints) == self.all_checkpoints
        crossed = wrapped & ((self.crossings == 0) | complete) & ~np.isfinite(self.finished_at)
        self.s = s
        events: list = []
        for car in np.flatnonzero(crossed):  # a crossing is rare: a handful a lap
            events += self._crossing(int(car), now)
        return events

    def _crossing(self, car: int, now: float) -> list:
        self.visited[car] = 0
        self.crossings[car] += 1
        events: list = []
        if self.crossings[car] > 1:
            lap_s = now - float(self.crossed_at[car])
            self.lap_times[car].append(lap_s)
            events.append(LapDone(self.names[car], len(self.lap_times[car]), lap_s))
        self.crossed_at[car] = now
        flag_out = bool(np.isfinite(self.finished_at).any())
        if flag_out or len(self.lap_times[car]) >= self.terms.laps:
            self.finished_at[car] = now
            if car == 0:
                self.finished = True
                assert self.green_at is not None
                events.append(RaceFinished(self.place(0), len(self.names), now - self.green_at))
        return events

    # -- standings ------------------------------------------------------------------
    def progress(self) -> np.ndarray:
        """Metres raced by each car (finishers ranked by when they finished)."""
        raced = (self.crossings - 1) * self.lap.length + self.s
        return np.where(np.isfinite(self.finished_at), 1e9 - self.finished_at, raced)

    def order(self) -> np.ndarray:
        """Car numbers (0 = the Driver) from first to last."""
        return np.argsort(-self.progress(), kind="stable")

    def place(self, car: int = 0) -> int:
        """A car's place now, 1 = first."""
        return int(np.flatnonzero(self.order() == car)[0]) + 1

    def laps_done(self, car: int = 0) -> int:
        return len(self.lap_times[car]) if self.lap_times else 0

    def best_lap(self, car: int = 0) -> float | None:
        times = self.lap_times[car] if self.lap_times else []
        return min(times) if times else None

    # -- what the HUD shows and the result says -------------------------------------------
    def waypoint_zone(self) -> str | None:
        """No waypoint in a race: the lap board says where he is."""
        return None

    def gauge(self) -> Gauge:
        """The lap board: the lap, then the standings, the Driver's row lit."""
        laps = self.terms.laps
        if self.green_at is None:
            return Gauge(f"GRID  {laps} LAPS", (GaugeLine(f"Top {self.terms.pay_place} pays"),))
        lap = min(self.laps_done() + 1, laps)
        lines = []
        for rank, car in enumerate(self.order(), start=1):
            car = int(car)
            done = np.isfinite(self.finished_at[car])
            best = self.best_lap(car)
            value = "FLAG" if done else (format_lap(best) if best is not None else "")
            lines.append(GaugeLine(f"{rank}. {self.names[car]}", value, lit=car == 0))
        last = self.lap_times[0][-1] if self.lap_times and self.lap_times[0] else None
        title = f"LAP {lap}/{laps}  {ordinal(self.place())}"
        if last is not None:
            title += f"  last {format_lap(last)}"
        return Gauge(title, tuple(lines))

    def verdict(self) -> tuple[bool, str]:
        """Won (placed well enough for the pay), and the sentence that says how it went."""
        if not self.names:
            return False, "the race never started"
        place, cars = self.place(), len(self.names)
        if not self.finished:
            return False, f"did not finish: {self.laps_done()} of {self.terms.laps} laps"
        if place <= self.terms.pay_place:
            return True, f"finished {ordinal(place)} of {cars}"
        return False, (f"finished {ordinal(place)} of {cars}: the pay was for "
                       f"{ordinal(self.terms.pay_place)} or better")

    def scorecard(self) -> tuple[str, ...]:
        """Lines for the results screen: the place, the laps, the best lap."""
        best = self.best_lap()
        if not self.names:
            return ("The race never started",)
        lines = [f"Place: {ordinal(self.place())} of {len(self.names)}",
                 f"Laps: {self.laps_done()} of {self.terms.laps}"]
        if best is not None:
            lines.append(f"Best lap: {format_lap(best)}")
        return tuple(lines)

    def result_fields(self) -> dict:
        """The race's fields of the job's result."""
        return {"place": self.place() if self.names else 0,
                "lap_times": tuple(round(s, 2) for s in (self.lap_times[0] if self.lap_times
                                                         else ()))}

    def state(self) -> tuple:
        """Plain values for the session's state hash."""
        return (tuple(self.crossings.tolist()), tuple(self.finished_at.tolist()))
