"""Police units: patrol like traffic, see with cones, and chase what they have seen.

The police know where the Driver is only when a unit sees him this tick
(:func:`game.ai.perception.sees`), when the helicopter's searchlight is on him, or when
the mission tells them (:meth:`PoliceController.dispatch`). They remember the last
known position and velocity; the pursuit ends when nobody has seen him for
``give_up_s`` seconds.

In a pursuit each unit, every tick, is in one of three modes (whole-array masks):

- *ram*: the target is within ``ram_range_m`` and in sight: aim at it, faster than it;
- *intercept*: in sight and a car-wide straight way is clear within ``direct_range_m``:
  steer at where it will be (position plus velocity times a lead time);
- *route*: otherwise drive the road graph towards the last known position, all units
  sharing one cached route tree, ignoring lights (sirens) but not the cars ahead.

Out of a pursuit the units patrol as traffic (:class:`TrafficController`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

from game.ai.driving import DrivingStyle, lane_targets
from game.ai.lanes import LaneTracker
from game.ai.perception import SightParams, clear_path, sees
from game.ai.routes import RoutePlanner, route_chooser
from game.ai.signals import Signals
from game.ai.steering import Chassis, drive_to
from game.ai.traffic import TrafficController
from game.sim.terrain import Terrain
from game.sim.vehicles import CLASS_TABLE

PURSUIT_STYLE = DrivingStyle(
    speed_factor=1.6, lateral_accel=6.0, decel=6.0, obey_signals=False, reaction_s=0.5
)


@dataclass(frozen=True)
class PursuitParams:
    """How police chase; the mission may set its own (give_up_s especially)."""

    give_up_s: float = 25.0  #: seconds unseen before a pursuit is called off
    direct_range_m: float = 70.0  #: in sight and nearer than this: steer straight at it
    ram_range_m: float = 14.0  #: nearer than this: ram
    ram_extra_ms: float = 6.0  #: how much faster than the target a ramming unit drives
    lead_max_s: float = 1.5  #: longest look-ahead when predicting where the target will be
    chase_speed_ms: float = 40.0  #: top speed a unit asks for when intercepting
    replan_s: float = 1.0  #: seconds between new routes towards a moving last known spot


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
        self._tracker = LaneTracker(planner.geometry, self.units.size, horizon=6)
        self._rows = np.arange(self.units.size)
        self._tree = None
        self._choose = None
        self._replan_s = 0.0
        self._chassis: Chassis | None = None

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
            self._tree = None

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
        if self._chassis is None:
            self._chassis = Chassis.of_classes(world.vehicle_class[self.units])
        self._follow_route(world, time)
        rows = self._route_rows(world, time)
        controls = self._route_controls(world, rows, time)
        direct = self._direct_controls(world, target)
        if direct is not None:
            mask, direct_rows = direct
            controls[mask] = direct_rows
        return controls

    def _follow_route(self, world, time: float) -> None:
        """Keep one shared route tree towards the last known position, replanned now and then."""
        self._replan_s -= world.dt
        if self._tree is not None and self._replan_s > 0.0:
            return
        self._replan_s = self.params.replan_s
        tree = self.planner.tree_to_point(*self.last_seen_xy, self.terrain)
        if self._tree is not None and tree.goal_edges == self._tree.goal_edges:
            return
        first = self._tree is None
        self._tree = tree
        self._choose = route_chooser(self.planner.graph, tree)
        u = self.units
        if first:
            self._tracker.attach(self._rows, world.x[u], world.y[u], world.heading[u], self._choose)
        else:
            self._tracker.replan(self._rows, self._choose, keep=1)

    def _route_rows(self, world, time: float) -> np.ndarray:
        u = self.units
        lost = np.abs(self._tracker.offset) > 8.0
        if lost.any():
            rows = self._rows[lost]
            self._tracker.attach(rows, world.x[u[rows]], world.y[u[rows]],
                                 world.heading[u[rows]], self._choose)  # fmt: skip
        self._tracker.update(self._rows, world.x[u], world.y[u], self._choose)
        return self._rows

    def _route_controls(self, world, rows: np.ndarray, time: float) -> np.ndarray:
        u = self.units[rows]
        dims = (CLASS_TABLE.length[world.vehicle_class], CLASS_TABLE.width[world.vehicle_class])
        targets = lane_targets(self._tracker, rows, u, world, dims, None, time, PURSUIT_STYLE)
        # at the last known spot with nothing seen: drive there and stop to look round
        gx, gy = self.last_seen_xy
        near = np.hypot(world.x[u] - gx, world.y[u] - gy) < 15.0
        speed = np.where(near, 0.0, targets.speed)
        return drive_to(world.x[u], world.y[u], world.heading[u], world.vx[u],
                        targets.x, targets.y, speed, self._chassis)  # fmt: skip

    def _direct_controls(self, world, target: int) -> tuple[np.ndarray, np.ndarray] | None:
        """Units that see the target and have a clear straight way: intercept or ram."""
        u = self.units
        p = self.params
        tx, ty = float(world.x[target]), float(world.y[target])
        distance = np.hypot(world.x[u] - tx, world.y[u] - ty)
        candidates = self.seen & (distance < p.direct_range_m) & ~world.wrecked[u]
        if not candidates.any():
            return None
        candidates[candidates] = clear_path(
            self.terrain, world.x[u[candidates]], world.y[u[candidates]], tx, ty, 1.2
        )
        if not candidates.any():
            return None
        cos_h, sin_h = np.cos(world.heading[target]), np.sin(world.heading[target])
        tvx, tvy = float(world.vx[target]), float(world.vy[target])
        vel_x, vel_y = tvx * cos_h - tvy * sin_h, tvx * sin_h + tvy * cos_h
        target_speed = float(np.hypot(vel_x, vel_y))
        c = u[candidates]
        closing = np.maximum(np.abs(world.vx[c]) - 0.5 * target_speed, 5.0)
        lead = np.clip(distance[candidates] / closing, 0.0, p.lead_max_s)
        ram = distance[candidates] < p.ram_range_m
        lead = np.where(ram, 0.3, lead)  # at ramming range aim just ahead of its nose
        aim_x, aim_y = tx + vel_x * lead, ty + vel_y * lead
        speed = np.where(ram, target_speed + p.ram_extra_ms, p.chase_speed_ms)
        rows = drive_to(world.x[c], world.y[c], world.heading[c], world.vx[c],
                        aim_x, aim_y, speed, self._chassis.take(candidates))  # fmt: skip
        return candidates, rows


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
