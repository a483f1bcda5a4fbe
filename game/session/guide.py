"""The way to the objective: a route along the road graph, for the minimap and the map.

The view phase of the tick asks a :class:`RouteGuide` for the route from the Driver's car
to the rules' waypoint. The route is a polyline in metres: the car, the lane it is on,
the lanes a driver keeping to the roads would take (the planner's shortest way, one-way
streets and turns as traffic drives them), and the waypoint itself. It is worked out
again only when the waypoint moves or every :data:`ROUTE_EVERY_S` of sim time, never
every tick: the shortest-path tree to a waypoint is built once (a Dijkstra over the
graph) and each refresh is a walk down it from the car's lane.

The guide only reads the world and the planner, so it changes nothing a replay checks.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from game.ai.routes import RoutePlanner, RouteTree
from game.sim.terrain import Terrain

ROUTE_EVERY_S = 0.5  #: sim seconds between refreshes of the route while the waypoint stays
NEAR_M = 30.0  #: this close to the waypoint the route is a straight line to it
LANE_CANDIDATES = 12  #: nearest lane edges considered as the car's lane
#: a lane pointing against the car's heading counts as this much further away, so the
#: car's own side of a two-way street wins over the opposite lanes
AGAINST_HEADING_M = 12.0
MAX_LANE_OFFSET_M = 60.0  #: a car further than this from any lane gets a straight line
#: lanes this much further from the waypoint than the nearest one, running the same way,
#: reach it too (the other lanes of a three-lane street are 4 and 8 m away)
GOAL_LANES_M = 10.0


class Route(NamedTuple):
    """The way to the waypoint as the view carries it."""

    points: np.ndarray  #: (K, 2) metres, from the car to the waypoint; (0, 2) for none
    length_m: float  #: along the polyline (0 for none)


NO_ROUTE = Route(np.zeros((0, 2)), 0.0)


def polyline_length(points: np.ndarray) -> float:
    """Metres along a (K, 2) polyline."""
    if len(points) < 2:
        return 0.0
    return float(np.hypot(*np.diff(points, axis=0).T).sum())


class RouteGuide:
    """Routes from a car to a waypoint on one level's roads, refreshed at a low rate."""

    def __init__(self, planner: RoutePlanner, terrain: Terrain) -> None:
        self.planner = planner
        self.terrain = terrain
        self.route = NO_ROUTE  #: the last route worked out
        self.refreshes = 0  #: how many times a route was worked out (tests read it)
        self._waypoint: tuple[float, float] | None = None
        self._tree: RouteTree | None = None
        self._next_at = -np.inf  #: sim time of the next refresh

    def update(self, time_s: float, x: float, y: float, heading: float,
               waypoint: tuple[float, float] | None) -> Route:
        """The route now: the last one, unless the waypoint moved or it is due again."""
        if waypoint is None:
            self._waypoint, self._tree, self.route = None, None, NO_ROUTE
            return self.route
        waypoint = (float(waypoint[0]), float(waypoint[1]))
        if waypoint != self._waypoint:
            self._waypoint = waypoint
            self._tree = None  # found on the first refresh that needs the roads
        elif time_s < self._next_at:
            return self.route
        self._next_at = time_s + ROUTE_EVERY_S
        self.refreshes += 1
        self.route = self._work_out(x, y, heading, waypoint)
        return self.route

    def _work_out(self, x: float, y: float, heading: float,
                  waypoint: tuple[float, float]) -> Route:
        straight = np.array([(x, y), waypoint])
        graph = self.planner.graph
        if np.hypot(waypoint[0] - x, waypoint[1] - y) < NEAR_M or len(graph.edge_src) == 0:
            return Route(straight, polyline_length(straight))
        if self._tree is None:
            self._tree = self.planner.tree(self._goal_lanes(*waypoint))
        tree = self._tree
        edge, foot = self._car_lane(x, y, heading, tree)
        if edge < 0:
            return Route(straight, polyline_length(straight))
        points = [(x, y), foot]
        for _ in range(len(graph.node_xy)):  # a tree walk ends at a goal edge
            node = int(graph.edge_dst[edge])
            points.append(tuple(graph.node_xy[node]))
            if edge in tree.goal_edges:
                break
            edge = int(tree.next_edge[node])
            if edge < 0:
                break
        points.append(waypoint)
        line = np.array(points, dtype=np.float64)
        return Route(line, polyline_length(line))

    def _goal_lanes(self, x: float, y: float) -> frozenset[int]:
        """The lanes that reach the waypoint: the planner's edge nearest it with a clear
        way to it, and every lane beside that one (a driver changes lanes at will; a
        single goal lane would send a car in the next lane round the block)."""
        geo = self.planner.geometry
        nearest = self.planner.goal_edges_near(x, y, self.terrain)
        distance = self._distances(x, y)[0]
        reach = min(float(distance[e]) for e in nearest) + GOAL_LANES_M
        beside = np.flatnonzero(distance <= reach)
        aligned = np.cos(geo.heading[beside] - geo.heading[next(iter(nearest))]) > 0.9
        return frozenset(nearest | set(beside[aligned].tolist()))

    def _distances(self, x: float, y: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Per lane edge: the distance from the point to it, and the point's foot on it."""
        geo = self.planner.geometry
        px, py = x - geo.start[:, 0], y - geo.start[:, 1]
        along = np.clip(px * geo.direction[:, 0] + py * geo.direction[:, 1], 0.0, geo.length)
        foot_x = geo.start[:, 0] + along * geo.direction[:, 0]
        foot_y = geo.start[:, 1] + along * geo.direction[:, 1]
        return np.hypot(foot_x - x, foot_y - y), foot_x, foot_y

    def _car_lane(self, x: float, y: float, heading: float,
                  tree: RouteTree) -> tuple[int, tuple[float, float]]:
        """The lane edge the car is on (near, pointing its way, with a way on to the
        waypoint) and the car's foot on it; -1 when none is near."""
        geo = self.planner.geometry
        graph = self.planner.graph
        distance, foot_x, foot_y = self._distances(x, y)
        near = np.argsort(distance)[:LANE_CANDIDATES]
        against = 0.5 * (1.0 - np.cos(geo.heading[near] - heading))
        reachable = np.isfinite(tree.cost[graph.edge_dst[near]])
        score = np.where(reachable & (distance[near] < MAX_LANE_OFFSET_M),
                         distance[near] + AGAINST_HEADING_M * against, np.inf)
        best = int(np.argmin(score))
        if not np.isfinite(score[best]):
            return -1, (x, y)
        edge = int(near[best])
        return edge, (float(foot_x[edge]), float(foot_y[edge]))
