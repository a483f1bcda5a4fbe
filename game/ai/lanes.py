"""Where cars are on the road graph: the current lane edge and a short plan of edges ahead.

Shared by traffic (random turns), police patrols and routing (turns from a route tree)
and the mission autopilot. Each tracked car holds ``horizon`` planned edges, the first
being the one it drives now, and its fraction along it. When a car passes the end of its
edge the plan shifts and the newly exposed slot is filled by a *chooser*: a function
``(from_edges) -> next_edges`` (-1 where there is none). Everything is whole-array numpy
over the cars being updated; the only Python loops are over the few plan slots.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

import numpy as np

from game.level.model import RoadGraph

Chooser = Callable[[np.ndarray], np.ndarray]

HEADING_WEIGHT_M2 = 40.0  #: attach cost per unit of (1 - cos heading error), in square metres
MAX_HOPS = 4  #: edges a car may pass in one update (short intersection edges at speed)
TURN_ROUND_RAD = np.radians(150.0)  #: a random way on turning this far is a U-turn


def wrap_angle(angle: np.ndarray) -> np.ndarray:
    """Angle folded into [-pi, pi)."""
    return np.mod(np.asarray(angle) + np.pi, 2.0 * np.pi) - np.pi


class EdgeGeometry:
    """Per-edge arrays computed once: start, unit direction, length, heading."""

    def __init__(self, graph: RoadGraph):
        self.graph = graph
        self.start = graph.node_xy[graph.edge_src]
        self.end = graph.node_xy[graph.edge_dst]  #: (E, 2) where each edge ends, metres
        delta = self.end - self.start
        self.length = np.maximum(np.hypot(delta[:, 0], delta[:, 1]), 1e-6)
        self.direction = delta / self.length[:, None]
        #: the same, one contiguous array per axis (what per-car lookups read)
        self.start_x, self.start_y = self.start[:, 0].copy(), self.start[:, 1].copy()
        self.ux, self.uy = self.direction[:, 0].copy(), self.direction[:, 1].copy()
        self.heading = np.arctan2(delta[:, 1], delta[:, 0])
        self.lane_change = self._find_lane_changes()  #: (E,) bool: a move to the next lane

    def _find_lane_changes(self) -> np.ndarray:
        """Edges that leave a lane sideways for its neighbour, mid-road.

        Where a lane node away from intersections has several ways on, the one that
        keeps the heading of the lane arriving there goes straight; the rest are lane
        changes (the loader never lets a change end where another starts).
        """
        g = self.graph
        n_nodes = len(g.node_xy)
        out_degree = np.bincount(g.edge_src, minlength=n_nodes)
        arriving = np.full(n_nodes, np.nan)
        arriving[g.edge_dst] = self.heading
        branch = (out_degree[g.edge_src] > 1) & (g.node_intersection[g.edge_src] < 0)
        branch &= np.isfinite(arriving[g.edge_src])
        turn = np.abs(wrap_angle(self.heading - np.nan_to_num(arriving[g.edge_src])))
        straightest = np.full(n_nodes, np.inf)
        np.minimum.at(straightest, g.edge_src[branch], turn[branch])
        return branch & (turn > straightest[g.edge_src] + 1e-9)

    def straight_on(self) -> np.ndarray:
        """(E,) for each edge, the way on that turns least (no lane change, no U-turn
        unless nothing else leaves); -1 at a dead end. What a driver keeping on does."""
        g = self.graph
        degree = np.diff(g.out_start)
        count = degree[g.edge_dst]
        pair_edge = np.repeat(np.arange(len(g.edge_src)), count)
        slot = np.repeat(g.out_start[g.edge_dst] - (np.cumsum(count) - count), count)
        nxt = g.out_edges[slot + np.arange(count.sum())]
        turn = np.abs(wrap_angle(self.heading[nxt] - self.heading[pair_edge]))
        cost = turn + 10.0 * self.lane_change[nxt] + 10.0 * (turn > np.radians(150.0))
        best = np.full(len(g.edge_src), -1, dtype=np.intp)
        order = np.lexsort((cost, pair_edge))
        first = np.ones(order.size, dtype=bool)
        first[1:] = pair_edge[order[1:]] != pair_edge[order[:-1]]
        best[pair_edge[order[first]]] = nxt[order[first]]
        return best

    def walk(self, edge: int, fraction: float, distance: float, next_edge: np.ndarray):
        """Point (x, y, heading) ``distance`` metres on from ``fraction`` along ``edge``,
        following ``next_edge``; stops at a dead end. One car, a few edges: a loop."""
        along = fraction * self.length[edge] + distance
        for _ in range(1000):
            if along <= self.length[edge] or next_edge[edge] < 0:
                along = min(along, self.length[edge])
                point = self.start[edge] + self.direction[edge] * along
                return float(point[0]), float(point[1]), float(self.heading[edge])
            along -= self.length[edge]
            edge = int(next_edge[edge])
        point = self.start[edge]
        return float(point[0]), float(point[1]), float(self.heading[edge])

    def nearest_aligned_edge(
        self, x: np.ndarray, y: np.ndarray, heading: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray]:
        """For each car, the edge it most plausibly drives on and the fraction along it.

        Like :meth:`RoadGraph.nearest_edge` but a car facing against an edge pays a
        penalty, so on a two-way street a car snaps to its own side's lane.
        """
        x = np.atleast_1d(np.asarray(x, dtype=np.float64))
        y = np.atleast_1d(np.asarray(y, dtype=np.float64))
        heading = np.atleast_1d(np.asarray(heading, dtype=np.float64))
        best_edge = np.empty(x.shape, dtype=np.intp)
        best_t = np.empty(x.shape, dtype=np.float64)
        ux, uy, length = self.direction[:, 0], self.direction[:, 1], self.length
        for start in range(0, x.size, 128):  # chunks keep the (cars x edges) table small
            part = slice(start, start + 128)
            px = x[part, None] - self.start[None, :, 0]
            py = y[part, None] - self.start[None, :, 1]
            along = np.clip(px * ux + py * uy, 0.0, length)
            dist_sq = (px - along * ux) ** 2 + (py - along * uy) ** 2
            misalign = 1.0 - np.cos(heading[part, None] - self.heading[None, :])
            idx = np.argmin(dist_sq + HEADING_WEIGHT_M2 * misalign, axis=1)
            best_edge[part] = idx
            best_t[part] = along[np.arange(idx.size), idx] / length[idx]
        return best_edge, best_t


def random_chooser(geometry: EdgeGeometry, rng: np.random.Generator) -> Chooser:
    """A chooser that takes a random way on at each node, as a driver who knows no goal.

    Lane changes and U-turns are avoided wherever the node offers anything else, so
    cars keep their lane between intersections and turn at random at them.
    """
    g = geometry.graph
    n_nodes = len(g.node_xy)
    slot_edge = g.out_edges
    avoid = geometry.lane_change[slot_edge] if slot_edge.size else np.zeros(0, dtype=bool)
    # per node: the out-edge slots worth taking, packed first (CSR like out_edges)
    node_of_slot = np.repeat(np.arange(n_nodes), np.diff(g.out_start))
    order = np.lexsort((avoid, node_of_slot))
    packed = slot_edge[order]
    good = (
        np.bincount(node_of_slot[~avoid], minlength=n_nodes)
        if slot_edge.size
        else np.zeros(n_nodes, dtype=np.intp)
    )
    choices = np.where(good > 0, good, np.diff(g.out_start))

    def choose(from_edges: np.ndarray) -> np.ndarray:
        result = np.empty(from_edges.shape, dtype=np.intp)
        result.fill(-1)
        valid = from_edges >= 0
        if not np.count_nonzero(valid):
            return result
        came = from_edges[valid]
        node = g.edge_dst[came]
        count = choices[node]
        first = g.out_start[node]
        has = count > 0
        pick = np.empty(node.shape, dtype=np.intp)
        pick.fill(-1)
        need = has
        for _ in range(2):  # a second draw avoids most U-turns where there is a choice
            drawn = np.count_nonzero(need)
            if not drawn:
                break
            offset = np.floor(rng.random(drawn) * count[need]).astype(np.intp)
            candidate = packed[first[need] + offset]
            turn = wrap_angle(geometry.heading[candidate] - geometry.heading[came[need]])
            ok = (np.abs(turn) < TURN_ROUND_RAD) | (count[need] == 1)
            chosen = pick[need]
            chosen[ok] = candidate[ok]
            pick[need] = chosen
            need = has & (pick < 0)
        pick[need] = packed[first[need]]  # two U-turns drawn: the first way on, then
        result[valid] = pick
        return result

    return choose


class PlanAhead(NamedTuple):
    """The plans of some tracked cars laid out by plan slot: arrays (horizon, cars), so
    that what runs along a plan (sums, the first slot where something holds) is a
    reduction over the first axis, which numpy does in one pass over whole rows.

    Worked out once per decision (:meth:`LaneTracker.ahead`) and read by every part of
    it: limits, lights, right of way, the point ahead."""

    edge: np.ndarray  #: (H, n) planned edges, -1 past the end of a plan
    valid: np.ndarray  #: (H, n) bool: ``edge >= 0``
    safe: np.ndarray  #: (H, n) ``edge``, with 0 past the end (an index to look things up)
    length: np.ndarray  #: (H, n) metres, each planned edge's length (``safe``'s past the end)
    start_s: np.ndarray  #: (n,) metres along the current edge (its fraction clipped to 0..1)
    ends: np.ndarray  #: (H, n) metres from the car to the end of each planned edge, inf past


class LaneTracker:
    """Plan of edges and progress for a fixed set of cars (rows 0..n-1 of this tracker)."""

    def __init__(self, geometry: EdgeGeometry, n: int, horizon: int = 4):
        self.geometry = geometry
        self.horizon = horizon
        self.plan = np.full((n, horizon), -1, dtype=np.intp)  #: edges; column 0 is current
        self.fraction = np.zeros(n)  #: 0..1 along the current edge (may exceed 1 at a dead end)
        self.offset = np.zeros(n)  #: metres right of the current edge's line (+ = right)

    @property
    def current(self) -> np.ndarray:
        return self.plan[:, 0]

    def attach(
        self, rows: np.ndarray, x: np.ndarray, y: np.ndarray, heading: np.ndarray, choose: Chooser
    ) -> None:
        """Snap cars to their most plausible edge and plan ahead from there."""
        rows = np.asarray(rows, dtype=np.intp)
        if rows.size == 0:
            return
        edge, _ = self.geometry.nearest_aligned_edge(x, y, heading)
        self.plan[rows, 0] = edge
        self.replan(rows, choose, keep=1)
        self._project(rows, x, y)

    def replan(self, rows: np.ndarray, choose: Chooser, keep: int = 1) -> None:
        """Refill the plan after its first ``keep`` edges (a new route, a new decision)."""
        for column in range(keep, self.horizon):
            self.plan[rows, column] = choose(self.plan[rows, column - 1])

    def _project(self, rows: np.ndarray, x: np.ndarray, y: np.ndarray) -> None:
        geo = self.geometry
        edge = np.maximum(self.plan[rows, 0], 0)
        px = x - geo.start_x[edge]
        py = y - geo.start_y[edge]
        ux, uy = geo.ux[edge], geo.uy[edge]
        self.fraction[rows] = (px * ux + py * uy) / geo.length[edge]
        self.offset[rows] = -px * uy + py * ux

    def update(self, rows: np.ndarray, x: np.ndarray, y: np.ndarray, choose: Chooser) -> None:
        """Project cars onto their edges and move past the ends of edges they have left."""
        rows = np.asarray(rows, dtype=np.intp)
        if rows.size == 0:
            return
        self._project(rows, x, y)
        for _ in range(MAX_HOPS):
            passed = (self.fraction[rows] >= 1.0) & (self.plan[:, 1][rows] >= 0)
            if not np.count_nonzero(passed):
                break
            moved = rows[passed]
            self.plan[moved, :-1] = self.plan[moved, 1:]
            self.plan[moved, -1] = choose(self.plan[moved, -2])
            self._project(moved, x[passed], y[passed])

    def ahead(self, rows: np.ndarray) -> PlanAhead:
        """The plans of tracker ``rows``, by plan slot (:class:`PlanAhead`)."""
        geo = self.geometry
        edge = np.ascontiguousarray(self.plan[rows].T)
        valid = edge >= 0
        safe = np.maximum(edge, 0)
        length = geo.length[safe]
        fraction = np.clip(self.fraction[rows], 0.0, 1.0)
        ahead = np.where(valid, length, 0.0)  # metres of each planned edge still to drive
        ahead[0] = ahead[0] * (1.0 - fraction)
        ends = np.where(valid, np.cumsum(ahead, axis=0), np.inf)
        return PlanAhead(edge, valid, safe, length, fraction * length[0], ends)

    def distance_to_ends(self, rows: np.ndarray) -> np.ndarray:
        """(n, horizon) metres from each car to the end of each planned edge (inf if none)."""
        return self.ahead(rows).ends.T

    def lookahead(self, rows: np.ndarray, distance: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Points ``distance`` metres further along each car's plan (lane centres); where
        the plan runs out first, the end of its last edge (the best so far)."""
        return self.point_along(self.ahead(np.asarray(rows, dtype=np.intp)), distance)

    def point_along(self, ahead: PlanAhead, distance: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """:meth:`lookahead` for plans already laid out (:meth:`ahead`).

        Whole arrays over the plan: the distance still to go before each planned edge is
        a running sum (the same subtractions, in the same order, as walking the plan)."""
        geo = self.geometry
        horizon, n = ahead.edge.shape
        length, valid, safe = ahead.length, ahead.valid, ahead.safe
        available = length.copy()  # metres of each planned edge still ahead of the car
        available[0] = length[0] - ahead.start_s
        steps = np.empty((horizon, n))
        steps[0] = distance
        steps[1:] = -available[:-1]
        remaining = np.cumsum(steps, axis=0)  # metres to go at the start of each edge
        stop = ~valid | (remaining <= available)
        stops = np.logical_or.reduce(stop, axis=0)
        column = np.where(stops, np.argmax(stop, axis=0), horizon)  # where the walk ends
        r = np.arange(n)
        at = np.minimum(column, horizon - 1)
        here = stops & valid[at, r]  # the point lies on planned edge ``column``...
        before = np.maximum(column - 1, 0)  # ...else the end of the edge before it
        offset = np.where(at == 0, ahead.start_s, 0.0)
        along = np.where(here, offset + remaining[at, r], length[before, r])
        on = np.where(here, safe[at, r], safe[before, r])
        tx = geo.start_x[on] + geo.ux[on] * along
        ty = geo.start_y[on] + geo.uy[on] * along
        nowhere = ~here & (column == 0)  # no edge at all: the origin, as before
        return np.where(nowhere, 0.0, tx), np.where(nowhere, 0.0, ty)

    def turn_angles(self, rows: np.ndarray) -> np.ndarray:
        """(n, horizon - 1) radians turned at the end of each planned edge (0 if unknown)."""
        return self.turns(self.ahead(rows)).T

    def turns(self, ahead: PlanAhead) -> np.ndarray:
        """(horizon - 1, n) :meth:`turn_angles` for plans already laid out."""
        heading = self.geometry.heading[ahead.safe]
        turn = wrap_angle(heading[1:] - heading[:-1])
        return np.where(ahead.valid[1:] & ahead.valid[:-1], turn, 0.0)

    def path(self, rows: np.ndarray, x: np.ndarray, y: np.ndarray) -> np.ndarray:
        """(n, horizon + 1, 2) polyline each car will drive: its position, then the ends
        of its planned edges (NaN after the plan runs out)."""
        plan = self.plan[rows]
        path = np.empty((plan.shape[0], self.horizon + 1, 2))
        path[:, 0, 0] = x
        path[:, 0, 1] = y
        ends = path[:, 1:]
        ends[...] = self.geometry.end[np.maximum(plan, 0)]
        ends[plan < 0] = np.nan
        return path
