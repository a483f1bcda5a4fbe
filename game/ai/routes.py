"""Routes on the road graph: shortest-path trees to a goal, and a driver that follows one.

A :class:`RouteTree` answers, for *every* node at once, which edge to take next to reach
the goal and how far it still is; it is one backward Dijkstra from the goal (heapq, no
scipy) and is cached per goal, so any number of cars (all police units closing on the
same last-seen position) share it. The goal is a set of edges: arriving means driving
onto one of them. :func:`route_chooser` plugs a tree into a :class:`LaneTracker`.

:class:`RouteFollower` drives one car to a point (or a zone's centre) through real
controls: it follows the tree along lanes with the same lane-driving decisions as
traffic (speed limits, corners, lights, the car ahead), leaves the road for the last
metres straight to the goal when the way there is clear, and backs off walls when stuck.
It is what the mission autopilot drives the Driver's car with.
"""

from __future__ import annotations

import heapq
from collections import OrderedDict
from typing import NamedTuple

import numpy as np

from game.ai.driving import DrivingStyle, lane_targets
from game.ai.intersections import RightOfWay
from game.ai.lanes import Chooser, EdgeGeometry, LaneTracker
from game.ai.offroad import grid_path, polyline_target
from game.ai.perception import clear_path
from game.ai.signals import Signals
from game.ai.steering import Chassis, drive_to, hold_still
from game.level.model import RoadGraph, Zone
from game.sim.controls import BRAKE, STEER, THROTTLE, empty_controls
from game.sim.terrain import Terrain

CAR_HALF_WIDTH_M = 1.3  #: half the width of the strip a car needs, with a little room
LANE_CHANGE_COST_M = 40.0  #: a route takes a lane change only if it saves this much road


class RouteTree(NamedTuple):
    """Shortest ways from every node to a goal."""

    cost: np.ndarray  #: (K,) metres from each node to the goal; inf where unreachable
    next_edge: np.ndarray  #: (K,) edge to take from each node; -1 where unreachable
    goal_edges: frozenset[int]  #: driving onto any of these edges reaches the goal


class RoutePlanner:
    """Shortest-path trees on one road graph, cached per goal."""

    def __init__(self, graph: RoadGraph, cache_size: int = 64):
        self.graph = graph
        self.geometry = EdgeGeometry(graph)
        order = np.argsort(graph.edge_dst, kind="stable")
        self._in_edges = order  # edges grouped by the node they enter
        self._in_start = np.searchsorted(graph.edge_dst[order], np.arange(len(graph.node_xy) + 1))
        self._cache: OrderedDict[frozenset[int], RouteTree] = OrderedDict()
        self._cache_size = cache_size

    def tree(self, goal_edges: frozenset[int] | set[int] | list[int]) -> RouteTree:
        """The tree of shortest ways onto any of ``goal_edges`` (cached)."""
        key = frozenset(int(e) for e in goal_edges)
        cached = self._cache.get(key)
        if cached is not None:
            self._cache.move_to_end(key)
            return cached
        tree = self._dijkstra(key)
        self._cache[key] = tree
        if len(self._cache) > self._cache_size:
            self._cache.popitem(last=False)
        return tree

    def tree_avoiding(self, goal_edges: frozenset[int], extra_m: np.ndarray) -> RouteTree:
        """The tree of shortest ways onto ``goal_edges`` when each edge costs ``extra_m``
        (E,) metres more than its length: a driver who keeps away from something (police
        he can see). Not cached: the costs change as what he avoids moves."""
        return self._dijkstra(frozenset(int(e) for e in goal_edges), extra_m)

    def _dijkstra(self, goal_edges: frozenset[int], extra_m: np.ndarray | None = None
                  ) -> RouteTree:  # fmt: skip
        g = self.graph
        n_nodes = len(g.node_xy)
        cost = np.full(n_nodes, np.inf)
        next_edge = np.full(n_nodes, -1, dtype=np.intp)
        heap: list[tuple[float, int]] = []
        for edge in goal_edges:
            node = int(g.edge_src[edge])
            if cost[node] > 0.0:
                cost[node] = 0.0
                next_edge[node] = edge
                heap.append((0.0, node))
        heapq.heapify(heap)
        geo = self.geometry
        length = geo.length + LANE_CHANGE_COST_M * geo.lane_change
        length = (length if extra_m is None else length + extra_m).tolist()
        src = g.edge_src.tolist()
        in_edges = self._in_edges.tolist()
        in_start = self._in_start.tolist()
        cost_list = cost.tolist()
        while heap:  # a graph search over nodes, run once per goal, not per tick
            d, node = heapq.heappop(heap)
            if d > cost_list[node]:
                continue
            for k in range(in_start[node], in_start[node + 1]):
                edge = in_edges[k]
                before = src[edge]
                candidate = d + length[edge]
                if candidate < cost_list[before]:
                    cost_list[before] = candidate
                    next_edge[before] = edge
                    heapq.heappush(heap, (candidate, before))
        return RouteTree(np.array(cost_list), next_edge, goal_edges)

    def goal_edges_near(
        self, x: float, y: float, terrain: Terrain | None = None, candidates: int = 12
    ) -> frozenset[int]:
        """The edge nearest the point from which the point can be seen (a clear last leg)."""
        geo = self.geometry
        px, py = x - geo.start[:, 0], y - geo.start[:, 1]
        along = np.clip(px * geo.direction[:, 0] + py * geo.direction[:, 1], 0.0, geo.length)
        foot_x = geo.start[:, 0] + along * geo.direction[:, 0]
        foot_y = geo.start[:, 1] + along * geo.direction[:, 1]
        distance = np.hypot(foot_x - x, foot_y - y)
        nearest = np.argsort(distance)[:candidates]
        if terrain is not None:
            clear = clear_path(terrain, foot_x[nearest], foot_y[nearest], x, y, CAR_HALF_WIDTH_M)
            if clear.any():
                return frozenset([int(nearest[np.argmax(clear)])])
        return frozenset([int(nearest[0])])

    def tree_to_point(self, x: float, y: float, terrain: Terrain | None = None) -> RouteTree:
        return self.tree(self.goal_edges_near(x, y, terrain))


def zone_cells(zone: Zone, terrain: Terrain) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The centres (x, y, metres) of the terrain cells over ``zone``'s bounding box, and
    which of them are open ground inside the zone."""
    size = terrain.cell_size
    (x0, y0), (x1, y1) = zone.polygon.min(axis=0), zone.polygon.max(axis=0)
    xs = np.arange(np.floor(x0 / size), np.ceil(x1 / size)) * size + size / 2
    ys = np.arange(np.floor(y0 / size), np.ceil(y1 / size)) * size + size / 2
    gx, gy = (a.ravel() for a in np.meshgrid(xs, ys))
    return gx, gy, zone.contains(gx, gy) & ~terrain.is_solid(gx, gy)


def zone_goal(zone: Zone, terrain: Terrain) -> tuple[float, float]:
    """A point to drive to for a zone: its centre when that is open ground inside it,
    else the open cell inside the zone nearest the centre (L-shaped lots, yards)."""
    cx, cy = zone.centre
    if zone.contains(np.array([cx]), np.array([cy]))[0] and not terrain.is_solid(cx, cy):
        return cx, cy
    gx, gy, ok = zone_cells(zone, terrain)
    if not ok.any():
        return cx, cy
    k = int(np.argmin(np.where(ok, np.hypot(gx - cx, gy - cy), np.inf)))
    return float(gx[k]), float(gy[k])


def route_chooser(graph: RoadGraph, tree: RouteTree) -> Chooser:
    """A chooser that follows ``tree``; -1 once a goal edge has been driven onto."""
    goal = np.zeros(len(graph.edge_src), dtype=bool)
    goal[list(tree.goal_edges)] = True

    def choose(from_edges: np.ndarray) -> np.ndarray:
        result = np.full(from_edges.shape, -1, dtype=np.intp)
        valid = from_edges >= 0
        valid[valid] &= ~goal[from_edges[valid]]
        result[valid] = tree.next_edge[graph.edge_dst[from_edges[valid]]]
        return result

    return choose


AUTOPILOT_STYLE = DrivingStyle(speed_factor=0.95, lateral_accel=4.0, decel=4.0)
FINAL_LEG_M = 40.0  #: within this distance of the goal the car leaves the lanes for it
LEG_LOOKAHEAD_M = 5.0  #: target point distance along the off-lane way
LEG_SPEED_MS = 8.0  #: top speed off the lanes (lots, garages)
LEG_RETRY_S = 1.0  #: seconds before searching again when no off-lane way was found
STUCK_S = 2.5  #: seconds wanting to move but not moving before backing up
REVERSE_S = 1.4  #: seconds spent backing up
PATIENCE_S = 8.0  #: seconds waiting at a busy crossing before edging in anyway
BLOCKED_S = 6.0  #: seconds standing behind a car that does not move before backing up
REATTACH_OFFSET_M = 8.0  #: sideways distance from the lane beyond which the car re-snaps


class RouteFollower:
    """Drives one world vehicle to a goal point along the road graph, through controls."""

    def __init__(
        self,
        planner: RoutePlanner,
        vehicle: int,
        goal_x: float,
        goal_y: float,
        terrain: Terrain | None = None,
        signals: Signals | None = None,
        style: DrivingStyle = AUTOPILOT_STYLE,
        arrive_radius_m: float = 5.0,
    ):
        self.planner = planner
        self.vehicle = vehicle
        self.goal = (float(goal_x), float(goal_y))
        self.terrain = terrain
        self.signals = signals
        self.style = style
        self.arrive_radius_m = arrive_radius_m
        self.tree = planner.tree_to_point(goal_x, goal_y, terrain)
        self._choose = route_chooser(planner.graph, self.tree)
        self.tracker = LaneTracker(planner.geometry, 1, horizon=6)
        self._row = np.zeros(1, dtype=np.intp)
        self._attached = False
        self._stuck_s = 0.0
        self._reverse_s = 0.0
        self._reverse_steer = 0.0
        self._blocked_s = 0.0
        self.right_of_way = RightOfWay(planner.geometry, 1)  #: waits for a clear crossing
        self._gave_way = False
        self._waited_s = 0.0
        self._waiting_at = -1
        self.arrived = False  #: True once the car stands inside the arrival radius
        self._leg: np.ndarray | None = None  # the off-lane way to the goal, once near
        self._leg_retry_s = 0.0

    @property
    def lane_edge(self) -> int:
        """The lane edge the car is tracked on, -1 before it has found one."""
        return int(self.tracker.current[0]) if self._attached else -1

    def reroute(self, tree: RouteTree) -> None:
        """Follow ``tree`` from now on (the same goal, another way there): the edge the
        car is on stays, the plan beyond it is drawn again."""
        self.tree = tree
        self._choose = route_chooser(self.planner.graph, tree)
        if self._attached:
            self.tracker.replan(self._row, self._choose, keep=1)

    def distance_to_goal(self, world) -> float:
        v = self.vehicle
        return float(np.hypot(world.x[v] - self.goal[0], world.y[v] - self.goal[1]))

    def _final_leg(self, world, dt: float) -> np.ndarray | None:
        """The way off the lanes to the goal (a polyline), once the car is near enough.

        Straight when a car fits through, else a way found on the grid (round pillars,
        through a gate); None while still far, or while no way is known.
        """
        if self._leg is not None:
            return self._leg
        on_goal_edge = self._attached and int(self.tracker.current[0]) in self.tree.goal_edges
        if self.distance_to_goal(world) > FINAL_LEG_M and not on_goal_edge:
            return None
        self._leg_retry_s -= dt
        if self._leg_retry_s > 0.0:
            return None
        v = self.vehicle
        here = (float(world.x[v]), float(world.y[v]))
        if self.terrain is None or clear_path(self.terrain, *here, *self.goal, CAR_HALF_WIDTH_M)[0]:
            self._leg = np.array([here, self.goal])
        else:
            self._leg = grid_path(self.terrain, here, self.goal)
            self._leg_retry_s = LEG_RETRY_S
        return self._leg

    def controls(self, world, time: float, dt: float) -> np.ndarray:
        """One control row (4,) for this tick; call every tick with the world's dt."""
        v = np.array([self.vehicle])
        x, y, heading = world.x[v], world.y[v], world.heading[v]
        chassis = Chassis.of_classes(world.vehicle_class[v])
        speed = float(world.vx[self.vehicle])
        if self._reverse_s > 0.0:
            self._reverse_s -= dt
            row = empty_controls(1)
            row[0, BRAKE] = 1.0  # held at standstill the brake reverses
            row[0, STEER] = self._reverse_steer
            return row[0]
        distance = self.distance_to_goal(world)
        if distance <= self.arrive_radius_m and abs(speed) < 1.0:
            self.arrived = True
        if self.arrived:
            return hold_still(1)[0]
        leg = self._final_leg(world, dt)
        if leg is not None:
            tx, ty, left = polyline_target(leg, float(x[0]), float(y[0]), LEG_LOOKAHEAD_M)
            room = max(left - 0.5 * self.arrive_radius_m, 0.0)
            target_speed = min(np.sqrt(2.0 * self.style.decel * room), LEG_SPEED_MS)
            row = drive_to(
                x, y, heading, world.vx[v], np.array([tx]), np.array([ty]),
                np.array([target_speed]), chassis,
            )[0]  # fmt: skip
            return self._watch_stuck(row, speed, float(target_speed), dt)
        if not self._attached or abs(self.tracker.offset[0]) > REATTACH_OFFSET_M:
            self.tracker.attach(self._row, x, y, heading, self._choose)
            self._attached = True
        self.tracker.update(self._row, x, y, self._choose)
        if self._gave_way:
            self._waited_s += dt
        if self._waited_s < PATIENCE_S:  # waits while others cross, then edges in regardless
            others = np.ones(world.n, dtype=bool)
            others[self.vehicle] = False
            self.right_of_way.mark_occupied(world.x[others], world.y[others])
        else:
            self.right_of_way.occupied[:] = False
        targets = lane_targets(
            self.tracker, self._row, v, world, self.signals, time, self.style,
            self.right_of_way,
        )  # fmt: skip
        self._gave_way = bool(targets.waiting_at_light[0]) and abs(speed) < 0.5
        if self.right_of_way.inter[0] != self._waiting_at:  # patience is per crossing
            self._waiting_at = int(self.right_of_way.inter[0])
            self._waited_s = 0.0
        row = drive_to(x, y, heading, world.vx[v], targets.x, targets.y, targets.speed, chassis)[0]
        at_light = bool(targets.waiting_at_light[0])
        blocked = bool(np.isfinite(targets.gap[0]) and targets.gap[0] < 6.0) and not at_light
        wanted = 0.0 if blocked or at_light else float(targets.speed[0])
        return self._watch_stuck(row, speed, wanted, dt, blocked)

    def _watch_stuck(
        self, row: np.ndarray, speed: float, wanted: float, dt: float, blocked: bool = False
    ) -> np.ndarray:
        """Back up for a moment when the car wants to move but has not for a while, or
        has stood nose to nose with another car for long (a jam nobody else will undo:
        traffic waits for a car that stands in its intersection)."""
        if wanted > 2.0 and abs(speed) < 0.5 and row[THROTTLE] > 0.05:
            self._stuck_s += dt
        else:
            self._stuck_s = 0.0
        self._blocked_s = self._blocked_s + dt if blocked and abs(speed) < 0.5 else 0.0
        if self._stuck_s > STUCK_S or self._blocked_s > BLOCKED_S:
            self._blocked_s = 0.0
            self._stuck_s = 0.0
            self._reverse_s = REVERSE_S
            self._reverse_steer = -float(np.sign(row[STEER]) or 1.0)
            self._attached = False
            self._leg = None  # find the way again from where the car stands
        return row
