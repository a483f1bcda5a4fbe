"""Right of way inside intersections: one approach direction at a time.

Lights decide which road may go, but not a left turn against oncoming traffic, nor an
unsignalised crossing. So each intersection is held by one *approach heading* at a time:
cars arriving on the same heading (a platoon, or several lanes of one arm) go through
together; a car arriving on another heading waits at its stop line until the
intersection is free of other headings. When several arrive at once, the one that
would get there first wins; cars already inside, or too close to stop, always hold it.

Connector edges are the edges whose two ends belong to the same intersection
(``RoadGraph.node_intersection``); a car is inside an intersection while it drives one.
Per-car claims are kept between decisions, so the staggered thinking of traffic (a
slice of the cars per tick) still sees every car's latest claim.
"""

from __future__ import annotations

import numpy as np

from game.ai.lanes import EdgeGeometry, wrap_angle
from game.level.model import RoadGraph

DECIDE_M = 30.0  #: cars nearer than this to their stop line compete for the intersection
SAME_APPROACH_RAD = np.radians(30.0)  #: headings closer than this share an intersection
HOLDING = -1.0  #: claim score of a car inside or committed (beats any arrival time)
MOVING_MS = 1.0  #: a car slower than this at its stop line is waiting, not committed


def connector_intersection(graph: RoadGraph) -> np.ndarray:
    """(E,) intersection each edge lies inside, or -1 for ordinary lane edges."""
    src_i = graph.node_intersection[graph.edge_src]
    dst_i = graph.node_intersection[graph.edge_dst]
    return np.where((src_i >= 0) & (src_i == dst_i), src_i, -1)


class RightOfWay:
    """Claims on intersections by a fixed set of cars (rows of one controller)."""

    def __init__(self, geometry: EdgeGeometry, n: int):
        self.geometry = geometry
        self.edge_inter = connector_intersection(geometry.graph)
        self.inter = np.full(n, -1, dtype=np.intp)  #: intersection each car is at or nearing
        self.heading = np.zeros(n)  #: heading of the lane it arrives on
        self.score = np.full(n, np.inf)  #: seconds to arrival; HOLDING; inf = no claim
        self.to_line = np.full(n, np.inf)  #: metres to the stop line (0 inside)

    def claim(
        self,
        rows: np.ndarray,
        plan: np.ndarray,
        ends: np.ndarray,
        speed: np.ndarray,
        decel: float,
        stopping: np.ndarray,
        stop_line_m: float,
    ) -> None:
        """Update the claims of ``rows`` from their plans.

        ``stopping`` (rows x plan columns) marks the lights ahead a car stops for (red
        or amber at the end of that planned edge); ``decel`` is the hardest
        braking a driver would use before giving up on stopping; ``stop_line_m`` is how
        far before the lane's end a car's centre stops.
        """
        inside_edge = self.edge_inter[np.maximum(plan, 0)]
        inside_edge[plan < 0] = -1
        has = inside_edge >= 0
        column = np.where(has.any(axis=1), np.argmax(has, axis=1), -1)
        r = np.arange(rows.size)
        inter = np.where(column >= 0, inside_edge[r, np.maximum(column, 0)], -1)
        inside = column == 0
        before = np.maximum(column - 1, 0)
        to_line = np.where(column > 0, ends[r, before], np.inf)
        to_line[inside] = 0.0
        arriving_heading = self.geometry.heading[np.maximum(plan[r, before], 0)]
        # a car already inside keeps the heading it arrived on
        keep = inside & (self.inter[rows] == inter)
        heading = np.where(keep, self.heading[rows], arriving_heading)
        heading = np.where(
            inside & ~keep, self.geometry.heading[np.maximum(plan[:, 0], 0)], heading
        )
        room = to_line - stop_line_m
        committed = (room < speed * speed / (2.0 * decel)) & (column > 0) & (speed > MOVING_MS)
        stopping = stopping[r, before] & (column > 0)  # for this intersection's light
        committed &= ~stopping  # a red light is obeyed, however late
        score = np.where(to_line < DECIDE_M, to_line / np.maximum(speed, 1.0), np.inf)
        score = np.where(stopping, np.inf, score)
        score = np.where(inside | committed, HOLDING, score)
        self.inter[rows] = inter
        self.heading[rows] = heading
        self.score[rows] = np.where(inter >= 0, score, np.inf)
        self.to_line[rows] = to_line

    def permitted(self, rows: np.ndarray) -> np.ndarray:
        """True for rows that may enter (or are in) the intersection they are nearing."""
        claimants = np.flatnonzero(np.isfinite(self.score))
        allowed = np.ones(rows.size, dtype=bool)
        if claimants.size == 0:
            return allowed
        order = claimants[np.lexsort((claimants, self.score[claimants], self.inter[claimants]))]
        first = np.ones(order.size, dtype=bool)
        first[1:] = self.inter[order[1:]] != self.inter[order[:-1]]
        n_inter = len(self.geometry.graph.intersection_xy)
        lead = np.full(n_inter, -1, dtype=np.intp)
        lead[self.inter[order[first]]] = order[first]
        mine = self.inter[rows]
        waiting = (mine >= 0) & np.isfinite(self.score[rows]) & (self.score[rows] != HOLDING)
        holder = lead[np.maximum(mine, 0)]
        turn = wrap_angle(self.heading[rows] - self.heading[np.maximum(holder, 0)])
        compatible = np.abs(turn) < SAME_APPROACH_RAD
        allowed[waiting] = (holder[waiting] == rows[waiting]) | compatible[waiting]
        return allowed
