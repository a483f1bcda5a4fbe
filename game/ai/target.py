"""Targets: a car the Driver tails and takes out (Nino's, up the Pacific Coast Highway).

A target drives the road graph to where the job sends it (:meth:`TargetController.send`)
at a steady, law-abiding pace, the last :data:`APPROACH_M` straight in (a lot beside the
road), stops there and waits (a target that has made the tail does not stop); and all
the time it watches its mirrors. The mirrors are its own eyes, not the police's sight
cones: a car in the rear cone (:data:`MIRROR_HALF_ANGLE` either side of straight back)
within the mirror range, with a clear line of sight, or any car right beside it
(:data:`NOTICE_M`), makes it **suspicious**, the faster the closer; a car that hangs
back lets the suspicion fade. Headlights off at night halve the mirror range (a dark
car is a shape, not two lights).
At full suspicion it has **made** the tail and runs: the same route, as fast as it can.

The other way to fail a tail is to fall too far back: beyond :data:`LOSE_M` for
:data:`LOSE_AFTER_S` without a break, the Driver has **lost** it. The job reads
``suspicion``, ``made``, ``lost`` and ``distance_m`` (the tail meter on the HUD is made
from them) and gives orders through ``send``.

All of a fleet's targets go to one place together (a job has one); every quantity is an
array over them and a tick is whole-array operations. The Driver's car is the one the
mirrors look for (``Senses.player``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from game.ai.driving import DrivingStyle
from game.ai.perception import line_of_sight
from game.ai.pursuit import Pursuer, PursuitParams
from game.ai.routes import RoutePlanner
from game.ai.steering import hold_still, pull_in
from game.sim.terrain import Terrain

if TYPE_CHECKING:
    from game.ai.driver import Senses, Setting

#: an unhurried driver who does not want to be stopped tonight
CRUISE_STYLE = DrivingStyle(speed_factor=0.8, lateral_accel=3.0, decel=3.5)
#: a man who knows he is followed: everything the car has, lights or not
RUN_STYLE = DrivingStyle(speed_factor=1.7, lateral_accel=6.5, decel=6.5, obey_signals=False,
                         reaction_s=0.5)
MIRROR_RANGE_M = 60.0  #: metres his mirrors show a car with its lights on...
LIGHTS_OFF_FACTOR = 0.5  #: ...times this for one with its lights off
MIRROR_HALF_ANGLE = np.radians(35.0)  #: radians either side of straight back
NOTICE_M = 14.0  #: any car this close, any side, he sees
MIRROR_RATE_PER_S = 0.12  #: suspicion a second for a car at the far end of the mirrors...
CLOSE_RATE_PER_S = 0.5  #: ...plus this much more, scaled by how near it is
NOTICE_RATE_PER_S = 0.6  #: suspicion a second for a car right beside him
FADE_PER_S = 0.04  #: suspicion lost a second while nobody is in his mirrors
LOSE_M = 250.0  #: the Driver farther than this...
LOSE_AFTER_S = 8.0  #: ...for this long has lost him
ARRIVED_M = 6.0  #: this near its destination and stopped, it has arrived
APPROACH_M = 75.0  #: this near its destination it leaves the road and drives straight in...
PARK_M = 3.0  #: ...and stops this near it


class TargetController:
    """The ``target`` fleet: drives to its destination, watches its mirrors, runs."""

    role = "target"
    sight = None  #: the police's eyes are not his; his mirrors are (module docstring)

    def __init__(self, planner: RoutePlanner, terrain: Terrain, units: np.ndarray) -> None:
        self.planner = planner
        self.terrain = terrain
        self.units = np.asarray(units, dtype=np.intp)
        self.destination: tuple[float, float] | None = None  #: metres; None: it stands
        self.suspicion = np.zeros(self.units.size)  #: 0 (calm) to 1 (made), per target
        self.made = np.zeros(self.units.size, dtype=bool)  #: knows he is followed: runs
        self.in_mirror = np.zeros(self.units.size, dtype=bool)  #: the Driver is in view now
        self.distance_m = np.full(self.units.size, np.inf)  #: to the Driver's car
        self.far_s = 0.0  #: seconds the Driver has been beyond LOSE_M of every target
        self.lost = False  #: the Driver lost them
        self._pursuer = self._driver(CRUISE_STYLE)

    @classmethod
    def in_setting(cls, setting: Setting) -> TargetController:
        return cls(setting.planner, setting.level.terrain, np.zeros(0, dtype=np.intp))

    @property
    def rows(self) -> np.ndarray:
        return self.units

    def add(self, rows: np.ndarray) -> None:
        """More targets join (calm, going where the others go)."""
        rows = np.asarray(rows, dtype=np.intp)
        self.units = np.append(self.units, rows)
        self.suspicion = np.append(self.suspicion, np.zeros(rows.size))
        self.made = np.append(self.made, np.zeros(rows.size, dtype=bool))
        self.in_mirror = np.append(self.in_mirror, np.zeros(rows.size, dtype=bool))
        self.distance_m = np.append(self.distance_m, np.full(rows.size, np.inf))
        self._pursuer = self._driver(RUN_STYLE if self.made.any() else CRUISE_STYLE)

    def send(self, x: float, y: float) -> None:
        """Drive to (x, y) and wait there."""
        self.destination = (float(x), float(y))
        self._pursuer.reset()

    def arrived(self, world, x: float, y: float) -> np.ndarray:
        """(n,) bool: this target stands within ARRIVED_M of (x, y)."""
        u = self.units
        near = np.hypot(world.x[u] - x, world.y[u] - y) < ARRIVED_M
        return near & (np.abs(world.vx[u]) < 0.8)

    def _driver(self, style: DrivingStyle) -> Pursuer:
        return Pursuer(self.planner, self.terrain, self.units, PursuitParams(give_up_s=None),
                       style=style)

    def drive(self, senses: Senses, controls: np.ndarray) -> None:
        if not self.units.size or senses.player < 0:
            return
        self._watch(senses.world, senses.player, senses.cover.lights_on)
        if self.destination is None:
            controls[self.units] = hold_still(self.units.size)
            return
        world, u = senses.world, self.units
        blind = np.zeros(u.size, dtype=bool)  # route mode only: it drives, not hunts
        rows = self._pursuer.controls(world, self.destination, senses.player, blind, senses.time)
        calm = ~self.made  # the last metres off the road, straight in (a lot by the highway)
        rows[calm] = pull_in(world, u[calm], rows[calm], self.destination, APPROACH_M, PARK_M)
        controls[u] = rows

    def _watch(self, world, player: int, lights_on: bool) -> None:
        """The mirrors: suspicion up while the Driver is in them, down while not; made
        at 1 (the drive turns into a run); lost when he has hung back too far too long."""
        u, dt = self.units, world.dt
        px, py = float(world.x[player]), float(world.y[player])
        dx, dy = px - world.x[u], py - world.y[u]
        self.distance_m = np.hypot(dx, dy)
        back = world.heading[u] + np.pi
        off = np.abs(np.angle(np.exp(1j * (np.arctan2(dy, dx) - back))))
        reach = MIRROR_RANGE_M * (1.0 if lights_on else LIGHTS_OFF_FACTOR)
        candidates = (self.distance_m < reach) & (off < MIRROR_HALF_ANGLE)
        beside = self.distance_m < NOTICE_M
        seen = (candidates | beside) & ~world.wrecked[u]
        if seen.any():
            seen[seen] = line_of_sight(self.terrain, world.x[u[seen]], world.y[u[seen]], px, py)
        self.in_mirror = seen
        closeness = np.clip(1.0 - self.distance_m / reach, 0.0, 1.0)
        rate = np.where(candidates, MIRROR_RATE_PER_S + CLOSE_RATE_PER_S * closeness, 0.0)
        rate = np.maximum(rate, np.where(beside, NOTICE_RATE_PER_S, 0.0))
        rise = np.where(seen, rate * dt, -FADE_PER_S * dt)
        self.suspicion = np.clip(self.suspicion + rise, 0.0, 1.0)
        newly = (self.suspicion >= 1.0) & ~self.made
        if newly.any():
            self.made |= newly
            self._pursuer = self._driver(RUN_STYLE)
        far = bool((self.distance_m > LOSE_M).all())
        self.far_s = self.far_s + dt if far else 0.0
        self.lost |= self.far_s > LOSE_AFTER_S
