"""Civilian traffic: cars that drive the road graph, turn at random, and keep to the rules.

Each car follows its lane (:mod:`game.ai.lanes`), picks a random successor at every node
from a generator seeded from the world seed, and drives with :func:`lane_targets`: speed
limits, slowing for turns, stopping at red lights, keeping a safe gap to whatever is in
its path (which is also how it yields to a car crossing in front of it).

Deciding costs more than steering, so it runs at ``think_hz`` (10 Hz by default),
staggered: the cars are split into groups that decide on different ticks of the
period, so a big fleet spreads its thinking over every tick. Between decisions each
car holds its target point and target speed and the control law (:func:`drive_to`)
runs every tick, which keeps the steering smooth at 60 Hz for a few array operations.

Recycling keeps a small population busy around the player: cars that have been stuck
for long, wrecked cars, cars at a road's end (about to turn round) and cars far beyond
``keep_radius_m`` from the focus (the camera) are moved with ``World.place`` to a free
lane between ``view_radius_m`` and ``keep_radius_m``, out of sight; a car is never moved
while it is inside the view.

:class:`TrafficController` is a session's ``traffic`` fleet
(:class:`~game.ai.driver.FleetDriver`); the police patrol with one of their own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from game.ai.driving import DrivingStyle, lane_targets
from game.ai.intersections import RightOfWay
from game.ai.lanes import EdgeGeometry, LaneTracker, random_chooser
from game.ai.signals import Signals
from game.ai.steering import Chassis, drive_to
from game.level.model import RoadGraph

if TYPE_CHECKING:
    from game.ai.driver import Senses, Setting

TRAFFIC_STYLE = DrivingStyle()
PLAN_HORIZON = 6  #: edges planned ahead: enough to see through a curved turn connector
CARS_PER_GROUP = 100  #: cars deciding together on one tick (see TrafficController._thinking)
STUCK_RESPAWN_S = 30.0  #: seconds standing still (not at a light) before a car is recycled
WRECK_RESPAWN_S = 8.0  #: seconds a wreck stays before it is recycled
TURN_ROUND_LOOKAHEAD = 3  #: planned edges in which a turn-round counts as "at the end"
STILL_MS = 0.5  #: below this speed a car counts as standing still
REATTACH_OFFSET_M = 8.0  #: a car pushed this far off its lane is snapped to the nearest lane
SPAWN_CLEARANCE_M = 12.0  #: a recycled car needs this much room from every other vehicle
MIN_SPAWN_EDGE_M = 10.0  #: lanes shorter than this (inside intersections) take no new cars
SPAWN_APART_M = 8.0  #: placed cars are at least this far apart, centre to centre
INTERSECTION_CLEAR_M = 20.0  #: no car is placed nearer than this to an intersection centre


class TrafficController:
    """Drives a set of world vehicles as civilian traffic."""

    role = "traffic"
    sight = None  #: civilians do not look out for the Driver

    def __init__(
        self,
        graph: RoadGraph,
        vehicles: np.ndarray,
        seed: int,
        signals: Signals | None = None,
        style: DrivingStyle = TRAFFIC_STYLE,
        think_hz: float = 10.0,
        view_radius_m: float = 110.0,
        keep_radius_m: float = 400.0,
        geometry: EdgeGeometry | None = None,
        recycle: bool = True,
    ):
        self.graph = graph
        self.geometry = geometry or EdgeGeometry(graph)
        self.vehicles = np.asarray(vehicles, dtype=np.intp)  #: world indices driven here
        self.signals = signals
        self.style = style
        self.think_hz = think_hz
        self.view_radius_m = view_radius_m
        self.keep_radius_m = keep_radius_m
        self.recycle = recycle  #: False for cars that must never be moved (police units)
        self.rng = np.random.default_rng(np.random.SeedSequence([seed, 0x7AF1C]))
        self.choose = random_chooser(self.geometry, self.rng)
        self.recycled = 0  #: cars moved so far (for the bench and tests)
        spawnable = self.geometry.length >= MIN_SPAWN_EDGE_M
        self._spawn_edges = (
            np.flatnonzero(spawnable) if spawnable.any() else np.arange(len(graph.edge_src))
        )
        self._start_over()

    def _start_over(self) -> None:
        """Per-car state for ``vehicles``, all to be attached to their lanes next tick."""
        n = self.vehicles.size
        self.tracker = LaneTracker(self.geometry, n, horizon=PLAN_HORIZON)
        self.right_of_way = RightOfWay(self.geometry, n)
        self.target_x = np.zeros(n)
        self.target_y = np.zeros(n)
        self.target_speed = np.zeros(n)
        self.waiting = np.zeros(n, dtype=bool)  #: stopped or stopping for a red light
        self.still_s = np.zeros(n)  #: seconds each car has stood still (not at a light)
        self.wreck_s = np.zeros(n)
        self._attached = False
        self._chassis: Chassis | None = None  # classes never change, nor their figures
        self._foreign_rows: np.ndarray | None = None  #: see _foreign
        self._foreign_n = -1

    @classmethod
    def in_setting(cls, setting: Setting) -> TrafficController:
        """A session's traffic, with no cars yet (they join through :meth:`add`)."""
        return cls(setting.level.roads, np.zeros(0, dtype=np.intp), setting.seed,
                   signals=setting.signals, geometry=setting.planner.geometry)  # fmt: skip

    @property
    def rows(self) -> np.ndarray:
        return self.vehicles

    def add(self, rows: np.ndarray) -> None:
        """More cars join; every car finds its lane again on the next tick."""
        self.vehicles = np.append(self.vehicles, np.asarray(rows, dtype=np.intp))
        self._start_over()

    def drive(self, senses: Senses, controls: np.ndarray) -> None:
        """Traffic's rows for this tick, recycling cars out of sight of the focus."""
        if self.vehicles.size:
            controls[self.vehicles] = self.controls(senses.world, senses.time, senses.focus)

    def _thinking(self, rows: np.ndarray, tick: int, dt: float) -> np.ndarray:
        """The slice of cars that decides on this tick.

        Cars are split into up to ``period`` groups of about CARS_PER_GROUP, spread
        evenly over the period; small fleets think together (numpy's fixed cost per
        call dominates there), large ones spread the load over every tick.
        """
        period = max(1, int(round(1.0 / (dt * self.think_hz))))
        groups = min(period, max(1, rows.size // CARS_PER_GROUP))
        slot = tick % period
        if (slot * groups) % period >= groups:
            return rows[:0]
        group = slot * groups // period
        return rows[group::groups]  # rows are 0..n-1: those with ``row % groups == group``

    def controls(self, world, time: float, focus: tuple[float, float] | None = None) -> np.ndarray:
        """Control rows (len(vehicles), N_CONTROLS) this tick, in the order of ``vehicles``.

        ``focus`` is where the camera is (metres); without it nothing is recycled for
        distance, and stuck or wrecked cars are recycled anywhere.
        """
        v = self.vehicles
        rows = np.arange(v.size)
        if not self._attached:
            self.tracker.attach(rows, world.x[v], world.y[v], world.heading[v], self.choose)
            self._attached = True
            thinking = rows
        else:
            thinking = self._thinking(rows, world.tick, world.dt)
            self._age(world, world.dt)
        if thinking.size:
            if self.recycle:
                self._recycle(world, thinking, focus)
            self._think(world, thinking, time)
        if self._chassis is None:
            self._chassis = Chassis.of_classes(world.vehicle_class[v])
        chassis = self._chassis
        return drive_to(
            world.x[v], world.y[v], world.heading[v], world.vx[v],
            self.target_x, self.target_y, self.target_speed, chassis,
        )  # fmt: skip

    def _age(self, world, dt: float) -> None:
        v = self.vehicles
        still = (np.abs(world.vx[v]) < STILL_MS) & ~self.waiting
        self.still_s = np.where(still, self.still_s + dt, 0.0)
        self.wreck_s = np.where(world.wrecked[v], self.wreck_s + dt, 0.0)

    def _think(self, world, rows: np.ndarray, time: float) -> None:
        foreign = self._foreign(world.n)
        self.right_of_way.mark_occupied(
            world.x[foreign], world.y[foreign], world.world_vx[foreign], world.world_vy[foreign]
        )
        v = self.vehicles[rows]
        x, y = world.x[v], world.y[v]
        off = np.abs(self.tracker.offset[rows]) > REATTACH_OFFSET_M
        if off.any():
            self.tracker.attach(rows[off], x[off], y[off], world.heading[v][off], self.choose)
        self.tracker.update(rows, x, y, self.choose)
        targets = lane_targets(
            self.tracker, rows, v, world, self.signals, time, self.style, self.right_of_way
        )
        self.target_x[rows] = targets.x
        self.target_y[rows] = targets.y
        self.target_speed[rows] = targets.speed
        self.waiting[rows] = targets.waiting_at_light

    def _foreign(self, n: int) -> np.ndarray:
        """World indices of the vehicles not driven here (kept until the world grows)."""
        if self._foreign_rows is None or self._foreign_n != n:
            foreign = np.ones(n, dtype=bool)
            foreign[self.vehicles] = False
            self._foreign_rows, self._foreign_n = np.flatnonzero(foreign), n
        return self._foreign_rows

    def _recycle(self, world, rows: np.ndarray, focus: tuple[float, float] | None) -> None:
        v = self.vehicles[rows]
        # the end of a road (a dead end, or the turn-round the map offers there)
        plan = np.ascontiguousarray(self.tracker.plan[rows, :TURN_ROUND_LOOKAHEAD].T)
        turn_round = self.right_of_way.movements.turn_round[plan] & (plan >= 0)
        turning_round = np.logical_or.reduce(turn_round, axis=0)  # (plan slots, cars)
        at_end = (self.tracker.plan[:, 1][rows] < 0) | turning_round
        at_end &= self.tracker.fraction[rows] > 0.5
        due = (self.still_s[rows] > STUCK_RESPAWN_S) | (self.wreck_s[rows] > WRECK_RESPAWN_S)
        due |= at_end
        if focus is not None:
            distance = np.hypot(world.x[v] - focus[0], world.y[v] - focus[1])
            due |= distance > self.keep_radius_m
            due &= distance > self.view_radius_m
        if due.any():
            self._respawn(world, rows[due], focus)

    def _respawn(self, world, rows: np.ndarray, focus: tuple[float, float] | None) -> None:
        geo = self.geometry
        edges = self._spawn_edges
        if focus is not None:
            mid = geo.start[edges] + 0.5 * geo.direction[edges] * geo.length[edges, None]
            distance = np.hypot(mid[:, 0] - focus[0], mid[:, 1] - focus[1])
            ring = (distance > self.view_radius_m + 20.0) & (distance < self.keep_radius_m)
            if not ring.any():
                return
            edges = edges[ring]
        edge = self.rng.choice(edges, size=rows.size)
        along = self.rng.uniform(0.2, 0.8, rows.size) * geo.length[edge]
        px = geo.start[edge, 0] + along * geo.direction[edge, 0]
        py = geo.start[edge, 1] + along * geo.direction[edge, 1]
        clear = clear_of_intersections(self.graph, px, py)
        rows, edge, px, py = rows[clear], edge[clear], px[clear], py[clear]
        others = np.ones(world.n, dtype=bool)
        others[self.vehicles[rows]] = False
        near = np.hypot(px[:, None] - world.x[others], py[:, None] - world.y[others])
        free = (near > SPAWN_CLEARANCE_M).all(axis=1) if others.any() else np.ones(rows.size, bool)
        # two recycled cars must not land on each other either; later ones wait a turn
        dup = np.hypot(px[:, None] - px[None, :], py[:, None] - py[None, :]) < SPAWN_CLEARANCE_M
        free &= ~np.triu(dup, k=1).any(axis=0)
        if not free.any():
            return
        rows, edge, px, py = rows[free], edge[free], px[free], py[free]
        heading = geo.heading[edge]
        speed = 0.6 * self.graph.edge_speed_limit[edge] * self.style.speed_factor
        world.place(self.vehicles[rows], px, py, heading, speed)
        self.tracker.attach(rows, px, py, heading, self.choose)
        self.still_s[rows] = 0.0
        self.wreck_s[rows] = 0.0
        self.target_x[rows], self.target_y[rows] = self.tracker.lookahead(rows, 8.0)
        self.target_speed[rows] = speed
        self.recycled += rows.size


def clear_of_intersections(graph: RoadGraph, x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """True for points farther than INTERSECTION_CLEAR_M from every intersection."""
    if len(graph.intersection_xy) == 0:
        return np.ones(np.shape(x), dtype=bool)
    ix, iy = graph.intersection_xy[:, 0], graph.intersection_xy[:, 1]
    near = np.hypot(np.asarray(x)[:, None] - ix, np.asarray(y)[:, None] - iy)
    return (near > INTERSECTION_CLEAR_M).all(axis=1)


def spawn_on_lanes(
    graph: RoadGraph,
    rng: np.random.Generator,
    count: int,
    min_spacing_m: float = 10.0,
    geometry: EdgeGeometry | None = None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(x, y, heading) of up to ``count`` points on lanes, spread out (bench, free drive).

    Lanes are cut into slots ``min_spacing_m`` long, slots inside intersections are
    dropped, and ``count`` slots are drawn at random; fewer points come back if the
    graph has no room for more.
    """
    geo = geometry or EdgeGeometry(graph)
    slots = np.floor(geo.length / min_spacing_m).astype(np.intp)
    edge = np.repeat(np.arange(slots.size), slots)
    along = np.arange(edge.size) - np.repeat(np.cumsum(slots) - slots, slots) + 0.5
    along *= min_spacing_m
    x = geo.start[edge, 0] + along * geo.direction[edge, 0]
    y = geo.start[edge, 1] + along * geo.direction[edge, 1]
    keep = np.flatnonzero(clear_of_intersections(graph, x, y))
    keep = _thin_out(rng.permutation(keep), x, y, SPAWN_APART_M)
    pick = keep[:count]
    return x[pick], y[pick], geo.heading[edge[pick]]


def _thin_out(order: np.ndarray, x: np.ndarray, y: np.ndarray, spacing: float) -> np.ndarray:
    """Candidates from ``order`` (in that order) none of which lies within ``spacing``
    of an earlier one, whatever lane it is on (merging lanes, crossing ramps)."""
    cell = np.floor(np.stack([x[order], y[order]], axis=1) / spacing).astype(np.int64)
    _, first = np.unique(cell, axis=0, return_index=True)  # one per cell, earliest wins
    chosen = order[np.sort(first)]
    cx, cy = x[chosen], y[chosen]
    gx, gy = np.floor(cx / spacing).astype(np.int64), np.floor(cy / spacing).astype(np.int64)
    close = np.zeros(chosen.size, dtype=bool)
    rank = np.arange(chosen.size)
    for dx in (-1, 0, 1):  # neighbours across cell borders; the later of a close pair goes
        for dy in (-1, 0, 1):
            if dx == dy == 0:
                continue
            key = (gx + dx) * (1 << 32) + (gy + dy)
            own = gx * (1 << 32) + gy
            sorter = np.argsort(own)
            at = np.searchsorted(own[sorter], key)
            found = (at < own.size) & (own[sorter][np.minimum(at, own.size - 1)] == key)
            other = sorter[np.minimum(at, own.size - 1)]
            near = found & (np.hypot(cx - cx[other], cy - cy[other]) < spacing)
            close |= near & (rank > other)
    return chosen[~close]
