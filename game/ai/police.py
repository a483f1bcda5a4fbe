"""Police units: patrol like traffic, see with cones, and chase what they have seen.

The police know where the Driver is only when a unit sees him this tick
(:func:`game.ai.perception.sees`), when the helicopter's searchlight is on him, or when
the mission tells them (:meth:`PoliceController.dispatch`). They remember the last
known position and velocity; the pursuit ends when nobody has seen him for
``give_up_s`` seconds.

In a pursuit the units drive with a :class:`game.ai.pursuit.Pursuer`: along the road
graph to the last known position, straight at the Driver (intercept, ram) while a unit
sees him.

Out of a pursuit the units patrol as traffic (:class:`TrafficController`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

from game.ai.perception import SightParams, sees
from game.ai.pursuit import Pursuer, PursuitParams
from game.ai.routes import RoutePlanner
from game.ai.signals import Signals
from game.ai.traffic import TrafficController
from game.sim.terrain import Terrain


class PoliceEvent(NamedTuple):
    kind: str  #: "spotted" (first seen after being unseen) or "lost" (pursuit called off)
    time: float  #: sim seconds


class PoliceController:
    """Patrol, sight and pursuit for a fixed set of police cars (world indices ``units``)."""

    def __init__(
        self,
        planner: RoutePlanner,
        terrain: Terrain,
        units: np.ndarray,
        seed: int,
        signals: Signals | None = None,
        sight: SightParams | None = None,
        params: PursuitParams | None = None,
    ):
        self.planner = planner
        self.terrain = terrain
        self.units = np.asarray(units, dtype=np.intp)
        self.seed = seed
        self.signals = signals
        self.sight = sight or SightParams()
        self.params = params or PursuitParams()
        self.pursuing = False  #: a pursuit is on
        self.seen = np.zeros(self.units.size, dtype=bool)  #: per unit: sees the target now
        self.last_seen_xy: tuple[float, float] | None = None
        self.last_seen_velocity = (0.0, 0.0)  #: m/s, world frame
        self.last_seen_time = -np.inf
        self.events: list[PoliceEvent] = []  #: appended as they happen; the caller drains it
        self._patrol = self._new_patrol()
        self._pursuer = Pursuer(planner, terrain, self.units, self.params)

    def _new_patrol(self) -> TrafficController:
        return TrafficController(
            self.planner.graph, self.units, self.seed, self.signals,
            geometry=self.planner.geometry, recycle=False,
        )  # fmt: skip

    # -- senses ----------------------------------------------------------------------

    def observe(
        self,
        world,
        target: int,
        time: float,
        lights_on: bool = True,
        in_shadow: bool = False,
        in_crowd: bool = False,
        helicopter_spots: bool = False,
    ) -> np.ndarray:
        """Which units see world vehicle ``target`` now (bool per unit); call once a tick.

        Updates what the police know; a sighting by the helicopter counts as well.
        """
        u = self.units
        self.seen = sees(
            self.terrain, world.x[u], world.y[u], world.heading[u],
            float(world.x[target]), float(world.y[target]), self.sight,
            lights_on, in_shadow, in_crowd,
        ) & ~world.wrecked[u]  # fmt: skip
        if self.seen.any() or helicopter_spots:
            if time - self.last_seen_time > world.dt * 1.5:
                self.events.append(PoliceEvent("spotted", time))
            self.last_seen_xy = (float(world.x[target]), float(world.y[target]))
            cos_h, sin_h = np.cos(world.heading[target]), np.sin(world.heading[target])
            vx, vy = float(world.vx[target]), float(world.vy[target])
            self.last_seen_velocity = (vx * cos_h - vy * sin_h, vx * sin_h + vy * cos_h)
            self.last_seen_time = time
        elif self.pursuing and time - self.last_seen_time > self.params.give_up_s:
            self.call_off(time)
        return self.seen

    def sight_cones(self, world) -> np.ndarray:
        """(K, 5) per unit: x, y, heading, cone range (m), cone half angle (rad); minimap."""
        u = self.units
        return np.column_stack([
            world.x[u], world.y[u], world.heading[u],
            np.full(u.size, self.sight.cone_range_m),
            np.full(u.size, self.sight.cone_half_angle),
        ])  # fmt: skip

    # -- what the mission says -------------------------------------------------------

    def dispatch(self, x: float, y: float, time: float) -> None:
        """Tell the police where the Driver is (a witness call, an alarm)."""
        self.last_seen_xy = (float(x), float(y))
        self.last_seen_velocity = (0.0, 0.0)
        self.last_seen_time = time

    def start_pursuit(self, time: float) -> None:
        """Every unit chases (heat over the threshold); needs a known position to go to."""
        if not self.pursuing:
            self.pursuing = True
            self._pursuer.reset()

    def call_off(self, time: float) -> None:
        """End the pursuit: units go back to patrolling from where they are."""
        if self.pursuing:
            self.pursuing = False
            self.events.append(PoliceEvent("lost", time))
            self._patrol = self._new_patrol()

    # -- driving ---------------------------------------------------------------------

    def controls(self, world, target: int, time: float) -> np.ndarray:
        """Control rows (len(units), 4), in the order of ``units``; call every tick."""
        if not self.pursuing or self.last_seen_xy is None:
            return self._patrol.controls(world, time)
        return self._pursuer.controls(world, self.last_seen_xy, target, self.seen, time)


@dataclass
class Helicopter:
    """Flies over everything (no collisions) with a searchlight; x, y metres."""

    x: float
    y: float
    speed_ms: float = 35.0  #: ground speed
    light_radius_m: float = 25.0  #: searchlight spot on the ground
    orbit_radius_m: float = 30.0  #: circles a spot it was sent to while searching
    heading: float = 0.0
    _orbit_s: float = 0.0

    def fly(self, dt: float, goal: tuple[float, float] | None, tracking: bool) -> None:
        """Move towards ``goal``: straight over it while ``tracking`` a seen target,
        else circling it to search; hovers without a goal."""
        if goal is None:
            return
        gx, gy = goal
        if not tracking:
            self._orbit_s += dt
            angle = self._orbit_s * self.speed_ms / max(self.orbit_radius_m, 1.0) * 0.3
            gx += self.orbit_radius_m * np.cos(angle)
            gy += self.orbit_radius_m * np.sin(angle)
        dx, dy = gx - self.x, gy - self.y
        distance = float(np.hypot(dx, dy))
        if distance < 1e-6:
            return
        step = min(distance, self.speed_ms * dt)
        self.x += dx / distance * step
        self.y += dy / distance * step
        self.heading = float(np.arctan2(dy, dx))

    def spots(self, x: float, y: float, lights_on: bool, in_shadow: bool) -> bool:
        """Is a car at (x, y) in the searchlight? Not when it hides in shadow, lights off."""
        if in_shadow and not lights_on:
            return False
        return float(np.hypot(x - self.x, y - self.y)) <= self.light_radius_m
