"""The Detective: tails the Driver in an unmarked car, predicts his way, never gives up.

He does not chase: he keeps ``tail_gap_m`` behind, obeying lights and limits like any
driver so as not to be noticed, and drives the road graph to where the Driver is. When
he loses sight of him he does not give up: he reckons where the Driver has got to by
now, keeping on along the lane he was last seen on (the straightest way at each node)
at the speed he was doing, and drives there. :meth:`DetectiveController.roadblock_site`
gives the mission a place on that predicted way, far enough ahead, to set a roadblock.

:class:`DetectiveController` is the ``detective`` fleet of a session: one car at most
(he works alone). Whether he sees the Driver comes from the session's senses, with his
own :attr:`~DetectiveController.sight`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from game.ai.driving import DrivingStyle, lane_targets
from game.ai.lanes import LaneTracker
from game.ai.perception import SightParams
from game.ai.routes import RoutePlanner, route_chooser
from game.ai.signals import Signals
from game.ai.steering import Chassis, drive_to, hold_still
from game.sim.terrain import Terrain

if TYPE_CHECKING:
    from game.ai.driver import Senses, Setting

TAIL_STYLE = DrivingStyle(speed_factor=1.2, lateral_accel=4.0, decel=4.0)
TAIL_GAIN_PER_S = 0.3  #: m/s of speed per metre the tail gap is off its mark
GOAL_AHEAD_M = 40.0  #: he routes to this far beyond where the Driver is (or must be)
REPLAN_S = 1.0  #: seconds between new routes to the Driver (or to where he must be)


class DetectiveController:
    """Drives world vehicle ``unit`` after ``target``; call :meth:`controls` every tick."""

    role = "detective"

    def __init__(
        self,
        planner: RoutePlanner,
        terrain: Terrain,
        unit: int = -1,
        signals: Signals | None = None,
        tail_gap_m: float = 45.0,
        sight: SightParams | None = None,
    ):
        self.planner = planner
        self.terrain = terrain
        self.unit = int(unit)
        self.signals = signals
        self.tail_gap_m = tail_gap_m
        self.sight = sight or SightParams()
        self.seeing = False  #: he has the Driver in sight this tick
        self.last_seen: tuple[float, float, float, float] | None = None  #: x, y, heading, speed
        self.last_seen_time = -np.inf
        self.goal: tuple[float, float] | None = None  #: where he is driving to now
        self._straight = planner.geometry.straight_on()
        self._tracker = LaneTracker(planner.geometry, 1, horizon=6)
        self._row = np.zeros(1, dtype=np.intp)
        self._choose = None
        self._replan_s = 0.0

    @classmethod
    def in_setting(cls, setting: Setting) -> DetectiveController:
        """A session's Detective, before his car is on the map (:meth:`add`)."""
        return cls(setting.planner, setting.level.terrain, signals=setting.signals)

    @property
    def rows(self) -> np.ndarray:
        return np.array([self.unit] if self.unit >= 0 else [], dtype=np.intp)

    def add(self, rows: np.ndarray) -> None:
        """His car; a second detective is refused (ValueError): he works alone."""
        rows = np.asarray(rows, dtype=np.intp)
        if self.unit >= 0 or rows.size != 1:
            raise ValueError("a job has one detective at most")
        self.unit = int(rows[0])

    def drive(self, senses: Senses, controls: np.ndarray) -> None:
        if self.unit < 0:
            return
        if senses.player < 0:
            controls[self.unit] = hold_still(1)[0]
            return
        seeing = bool(senses.sees_player[self.unit])
        controls[self.unit] = self.controls(senses.world, senses.player, senses.time, seeing)

    def predicted_position(self, time: float) -> tuple[float, float, float] | None:
        """Where the Driver must be by ``time``, from where he was last seen (x, y, heading)."""
        if self.last_seen is None:
            return None
        x, y, heading, speed = self.last_seen
        geo = self.planner.geometry
        edge, fraction = geo.nearest_aligned_edge(x, y, heading)
        travelled = speed * max(time - self.last_seen_time, 0.0)
        return geo.walk(int(edge[0]), float(fraction[0]), travelled, self._straight)

    def roadblock_site(self, time: float, ahead_m: float = 250.0):
        """(x, y, heading) on the Driver's predicted way ``ahead_m`` beyond where he is
        reckoned to be now, for a roadblock; None before he has ever been seen."""
        now = self.predicted_position(time)
        if now is None:
            return None
        geo = self.planner.geometry
        edge, fraction = geo.nearest_aligned_edge(now[0], now[1], now[2])
        return geo.walk(int(edge[0]), float(fraction[0]), ahead_m, self._straight)

    def controls(self, world, target: int, time: float, seeing: bool) -> np.ndarray:
        """One control row for the Detective's car this tick; ``seeing``: he has the
        Driver's car ``target`` in sight now (the senses say so)."""
        u = np.array([self.unit])
        tx, ty = float(world.x[target]), float(world.y[target])
        self.seeing = seeing
        if self.seeing:
            speed = float(np.hypot(world.vx[target], world.vy[target]))
            self.last_seen = (tx, ty, float(world.heading[target]), speed)
            self.last_seen_time = time
        self._replan(world, time)
        if self._choose is None:
            return hold_still(1)[0]  # nothing known yet: wait, handbrake on
        x, y, heading = world.x[u], world.y[u], world.heading[u]
        self._tracker.update(self._row, x, y, self._choose)
        targets = lane_targets(self._tracker, self._row, u, world, self.signals, time, TAIL_STYLE)
        wanted = targets.speed
        if self.seeing:  # keep the gap: slower when close, faster when dropping back
            distance = float(np.hypot(tx - x[0], ty - y[0]))
            target_speed = self.last_seen[3]
            tail = target_speed + TAIL_GAIN_PER_S * (distance - self.tail_gap_m)
            wanted = np.minimum(wanted, max(tail, 0.0))
        chassis = Chassis.of_classes(world.vehicle_class[u])
        return drive_to(x, y, heading, world.vx[u], targets.x, targets.y, wanted, chassis)[0]

    def _replan(self, world, time: float) -> None:
        self._replan_s -= world.dt
        if self._replan_s > 0.0 and self._choose is not None:
            return
        self._replan_s = REPLAN_S
        ahead = self.roadblock_site(time, GOAL_AHEAD_M)  # a little past him: keep on his way
        if ahead is None:
            return
        self.goal = ahead[:2]
        tree = self.planner.tree_to_point(*self.goal, self.terrain)
        first = self._choose is None
        self._choose = route_chooser(self.planner.graph, tree)
        u = self.unit
        if first or abs(self._tracker.offset[0]) > 8.0:
            self._tracker.attach(
                self._row, world.x[u : u + 1], world.y[u : u + 1], world.heading[u : u + 1],
                self._choose,
            )  # fmt: skip
        else:
            self._tracker.replan(self._row, self._choose, keep=1)
