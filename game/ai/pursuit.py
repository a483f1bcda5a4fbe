"""Driving at a target: along the road graph when far or out of sight, straight when not.

A :class:`Pursuer` drives a set of cars (world indices) at one target, each tick, with
whole-array masks for three modes:

- *ram*: within ``ram_range_m`` and in sight: aim at it, faster than it (with
  ``side_ram``, at the rear corner on the pursuer's side: a PIT manoeuvre); not in the
  first ``ram_after_s`` of a chase, when they follow at ramming range instead;
- *intercept*: in sight, going his way (or he is nearly still), with a car-wide
  straight way clear within ``direct_range_m``:
  steer at where it will be (position plus velocity times a lead time), closing
  faster the farther it is, so that it arrives only a little faster than the target;
- *route*: otherwise drive the road graph towards the goal (the last known position),
  all pursuers sharing one cached route tree, ignoring lights (sirens) but not the
  cars ahead; at the goal with nothing in sight they stop to look round.

Who knows what is the caller's business: police only chase what they have seen
(:mod:`game.ai.police`), a hostile chaser always knows (:mod:`game.ai.chasers`).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from game.ai.driving import DrivingStyle, lane_targets
from game.ai.lanes import LaneTracker
from game.ai.perception import clear_path
from game.ai.routes import RoutePlanner, route_chooser
from game.ai.steering import Chassis, drive_to
from game.sim.controls import idle_controls
from game.sim.terrain import Terrain

PURSUIT_STYLE = DrivingStyle(
    speed_factor=1.6, lateral_accel=6.0, decel=6.0, obey_signals=False, reaction_s=0.5
)
#: ticks between route decisions (20 Hz at 60 Hz); the control law steers every tick
ROUTE_THINK_EVERY = 3
SLOW_TARGET_MS = 3.0  #: a target slower than this is gone for from any side
LOOK_ROUND_M = 15.0  #: pursuers this near the goal with the target out of sight stop there


@dataclass(frozen=True)
class PursuitParams:
    """How police chase; the mission may set its own (give_up_s especially)."""

    #: seconds unseen before the police call a pursuit off by themselves; None: never,
    #: their owner calls it off (a job: the heat meter's rule, game.session.heat)
    give_up_s: float | None = 25.0
    direct_range_m: float = 70.0  #: in sight and nearer than this: steer straight at it
    ram_range_m: float = 14.0  #: nearer than this: ram
    ram_extra_ms: float = 6.0  #: how much faster than the target a ramming unit drives
    ram_after_s: float = 0.0  #: seconds into a chase before ramming; until then they follow
    close_gain_per_s: float = 0.5  #: m/s faster still per metre beyond ramming range...
    lead_max_s: float = 1.5  #: longest look-ahead when predicting where the target will be
    chase_speed_ms: float = 40.0  #: ...up to this top speed (a unit closes, then pushes)
    replan_s: float = 1.0  #: seconds between new routes towards a moving last known spot


class Pursuer:
    """Drives cars ``units`` at a target; see the module docstring for the modes."""

    def __init__(
        self,
        planner: RoutePlanner,
        terrain: Terrain,
        units: np.ndarray,
        params: PursuitParams | None = None,
        side_ram: bool = False,
        style: DrivingStyle = PURSUIT_STYLE,
    ):
        self.planner = planner
        self.terrain = terrain
        self.units = np.asarray(units, dtype=np.intp)
        self.params = params or PursuitParams()
        self.side_ram = side_ram  #: ram the rear corner (PIT) instead of straight on
        self.style = style  #: lane driving on the route (units answering a call go slower)
        self._tracker = LaneTracker(planner.geometry, self.units.size, horizon=6)
        self._rows = np.arange(self.units.size)
        self._tree = None
        self._choose = None
        self._replan_s = 0.0
        self._started: float | None = None  #: sim time of the first tick of this chase
        self._route_targets: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None
        self._chassis: Chassis | None = None

    def reset(self) -> None:
        """Forget the route (a new chase starts from wherever the cars are)."""
        self._tree = None
        self._started = None
        self._route_targets = None

    def reattach(self, rows: np.ndarray) -> None:
        """Cars ``rows`` (of ``units``) drove elsewhere for a while: find their lane
        again at the next route decision."""
        self._tracker.offset[rows] = np.inf

    def controls(
        self, world, goal: tuple[float, float], target: int, in_sight: np.ndarray, time: float,
        rammers: np.ndarray | None = None,
    ) -> np.ndarray:
        """Control rows (len(units), 4): towards ``goal`` along the graph, and straight at
        vehicle ``target`` for the units with ``in_sight`` True. ``rammers``: per unit,
        whether it may ram (None: all may); the others keep station at ramming range."""
        if self.units.size == 0:
            return idle_controls(0)
        if self._chassis is None:
            self._chassis = Chassis.of_classes(world.vehicle_class[self.units])
        if self._started is None:
            self._started = time
        may_ram = np.full(self.units.size, time - self._started >= self.params.ram_after_s)
        if rammers is not None:
            may_ram &= rammers
        if self._route_targets is None or world.tick % ROUTE_THINK_EVERY == 0:
            self._follow_route(world, goal)
            rows = self._route_rows(world)
            hold_off = None
            if not may_ram.all():  # who may not drive up to him holds at ramming range
                u = self.units
                reach = np.hypot(world.x[u] - world.x[target], world.y[u] - world.y[target])
                hold_off = in_sight & ~may_ram & (reach < self.params.ram_range_m)
            self._route_targets = self._route_targets_now(world, rows, goal, in_sight, time,
                                                          hold_off)  # fmt: skip
        u = self.units
        tx, ty, speed = self._route_targets
        controls = drive_to(world.x[u], world.y[u], world.heading[u], world.vx[u],
                            tx, ty, speed, self._chassis)  # fmt: skip
        direct = self._direct_controls(world, target, in_sight, may_ram)
        if direct is not None:
            mask, direct_rows = direct
            controls[mask] = direct_rows
        return controls

    def _follow_route(self, world, goal: tuple[float, float]) -> None:
        """Keep one shared route tree towards the goal, replanned now and then."""
        self._replan_s -= world.dt * ROUTE_THINK_EVERY  # called once a route decision
        if self._tree is not None and self._replan_s > 0.0:
            return
        self._replan_s = self.params.replan_s
        tree = self.planner.tree_to_point(*goal, self.terrain)
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

    def _route_rows(self, world) -> np.ndarray:
        u = self.units
        lost = np.abs(self._tracker.offset) > 8.0
        if lost.any():
            rows = self._rows[lost]
            self._tracker.attach(rows, world.x[u[rows]], world.y[u[rows]],
                                 world.heading[u[rows]], self._choose)  # fmt: skip
        self._tracker.update(self._rows, world.x[u], world.y[u], self._choose)
        return self._rows

    def _route_targets_now(self, world, rows, goal, in_sight, time: float, hold_off=None):
        """(x, y, speed) per unit along the route: held between route decisions."""
        u = self.units[rows]
        targets = lane_targets(self._tracker, rows, u, world, None, time, self.style)
        # at the goal with nothing in sight: stop there and look round
        near = np.hypot(world.x[u] - goal[0], world.y[u] - goal[1]) < LOOK_ROUND_M
        stop = near & ~in_sight[rows]
        if hold_off is not None:
            stop |= hold_off[rows]
        return targets.x, targets.y, np.where(stop, 0.0, targets.speed)

    def _direct_controls(self, world, target: int, in_sight: np.ndarray, may_ram: np.ndarray):
        """(mask, rows) for units that see the target with a clear straight way, or None."""
        u = self.units
        p = self.params
        tx, ty = float(world.x[target]), float(world.y[target])
        distance = np.hypot(world.x[u] - tx, world.y[u] - ty)
        vel_x, vel_y = float(world.world_vx[target]), float(world.world_vy[target])
        target_speed = float(np.hypot(vel_x, vel_y))
        # his speed along each unit's heading: a unit that meets him head on stays on its
        # lane (a closing speed of both cars together wrecks both); behind him it goes in
        along = vel_x * np.cos(world.heading[u]) + vel_y * np.sin(world.heading[u])
        his_way = (along > 0.5 * target_speed) | (target_speed < SLOW_TARGET_MS)
        candidates = in_sight & his_way & (distance < p.direct_range_m) & ~world.wrecked[u]
        if not candidates.any():
            return None
        candidates[candidates] = clear_path(
            self.terrain, world.x[u[candidates]], world.y[u[candidates]], tx, ty, 1.2
        )
        if not candidates.any():
            return None
        c = u[candidates]
        closing = np.maximum(np.abs(world.vx[c]) - 0.5 * target_speed, 5.0)
        lead = np.clip(distance[candidates] / closing, 0.0, p.lead_max_s)
        ram = (distance[candidates] < p.ram_range_m) & may_ram[candidates]
        lead = np.where(ram, 0.3, lead)  # at ramming range aim just ahead of its nose
        aim_x, aim_y = tx + vel_x * lead, ty + vel_y * lead
        if self.side_ram:
            px, py = self._rear_corner(world, target, c)
            aim_x, aim_y = np.where(ram, px, aim_x), np.where(ram, py, aim_y)
        # close fast from afar, slow to a push near him: a unit that hits him at full
        # speed wrecks both cars; one that arrives a little faster than he goes shoves him
        # (not yet allowed to ram: they keep station at ramming range, his speed)
        beyond = distance[candidates] - p.ram_range_m
        extra = np.where(may_ram[candidates], p.ram_extra_ms, 0.0)
        speed = along[candidates] + extra + p.close_gain_per_s * beyond
        speed = np.clip(speed, 0.0, p.chase_speed_ms)
        speed = np.where(ram, target_speed + p.ram_extra_ms, speed)
        rows = drive_to(world.x[c], world.y[c], world.heading[c], world.vx[c],
                        aim_x, aim_y, speed, self._chassis.take(candidates))  # fmt: skip
        return candidates, rows

    def _rear_corner(self, world, target: int, cars: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The target's rear corner on each car's side: where a PIT push turns it round."""
        heading = world.heading[target]
        fx, fy = np.cos(heading), np.sin(heading)
        rx, ry = -fy, fx
        side = np.sign(
            (world.x[cars] - world.x[target]) * rx + (world.y[cars] - world.y[target]) * ry
        )
        side = np.where(side == 0.0, 1.0, side)
        back = 0.35 * world.params.length[target]
        half = 0.5 * world.params.width[target]
        return (world.x[target] - fx * back + side * rx * half,
                world.y[target] - fy * back + side * ry * half)  # fmt: skip
