"""Right of way inside intersections: one approach direction at a time.

Lights decide which road may go, but not a left turn against oncoming traffic, nor an
unsignalised crossing, nor a ramp merging. So each intersection is held by one
*movement* at a time: cars queued in one lane go through one after the other, and cars
side by side in the lanes of one arm go through together when they leave by one arm
into different lanes (lanes map in order, so their paths never cross); any other car
waits at its stop line until the intersection is free of conflicting movements.
When several arrive at once, the one that would get there first wins; cars already
inside, too close to stop, or let through earlier hold it until they leave.

Connector edges are the edges whose two ends belong to the same intersection
(``RoadGraph.node_intersection``); a car is inside an intersection while it drives one.
Per-car claims are kept between decisions, so the staggered thinking of traffic (a
slice of the cars per tick) still sees every car's latest claim.
"""

from __future__ import annotations

import numpy as np

from game.ai.cells import CellIndex
from game.ai.lanes import EdgeGeometry, PlanAhead
from game.ai.movements import connector_intersection, movements_of

__all__ = ["RightOfWay", "connector_intersection"]

DECIDE_M = 25.0  #: metres (plus braking distance) from its stop line where a car claims
HOLDING = -1.0  #: claim score of a car inside or committed (beats any arrival time)
BOX_RADIUS_M = 7.0  #: a vehicle this near an intersection's centre stands in it
ARRIVING_S = 3.0  #: ...and one that will be there within this many seconds is arriving
ARRIVING_M = 40.0  #: (only counted this near: far-off cars may still turn away)
MOVING_MS = 1.0  #: a car slower than this at its stop line is waiting, not committed


class RightOfWay:
    """Claims on intersections by a fixed set of cars (rows of one controller)."""

    def __init__(self, geometry: EdgeGeometry, n: int):
        self.geometry = geometry
        self.edge_inter = connector_intersection(geometry.graph)
        #: ``edge_inter`` and a -1 after it, so that a plan's -1 (no edge) reads "none"
        self._edge_inter_or_none = np.append(self.edge_inter, -1)
        self.movements = movements_of(geometry.graph)
        self.inter = np.full(n, -1, dtype=np.intp)  #: intersection each car is at or nearing
        self.entry = np.full(n, -1, dtype=np.intp)  #: stop-line node it arrives at
        self.exit = np.full(n, -1, dtype=np.intp)  #: node where it leaves (-1 beyond its plan)
        #: the movement from entry to exit (-1 unknown), looked up when they change
        self.movement = np.full(n, -1, dtype=np.intp)
        self.score = np.full(n, np.inf)  #: seconds to arrival; HOLDING; inf = no claim
        self.granted = np.zeros(n, dtype=bool)  #: let through, holding it until it leaves
        self.to_line = np.full(n, np.inf)  #: metres to the stop line (0 inside)
        #: (I,) an intersection someone else (the player, police, a wreck) stands in
        self.occupied = np.zeros(len(geometry.graph.intersection_xy), dtype=bool)
        centres = np.reshape(geometry.graph.intersection_xy, (-1, 2))
        #: the centres hashed once: only an intersection within ARRIVING_M can be occupied
        self._centres = CellIndex(centres[:, 0], centres[:, 1], ARRIVING_M)

    def mark_occupied(
        self,
        x: np.ndarray,
        y: np.ndarray,
        velocity_x: np.ndarray | None = None,
        velocity_y: np.ndarray | None = None,
    ) -> None:
        """Note the intersections that vehicles not driven here stand in (positions in
        metres) or, given their world velocities (m/s), will reach within
        ``ARRIVING_S``: nobody here enters those until they are clear."""
        centres = self.geometry.graph.intersection_xy
        self.occupied[:] = False
        if x.size == 0 or len(centres) == 0:
            return
        car, inter = self._centres.pairs(x, y)
        dx = centres[inter, 0] - x[car]
        dy = centres[inter, 1] - y[car]
        distance = np.hypot(dx, dy)
        near = distance < BOX_RADIUS_M
        if velocity_x is not None:
            closing = (dx * velocity_x[car] + dy * velocity_y[car]) / np.maximum(distance, 1e-6)
            arriving = (closing > MOVING_MS) & (distance - BOX_RADIUS_M < closing * ARRIVING_S)
            near |= arriving & (distance < ARRIVING_M)
        self.occupied[inter[near]] = True

    def claim(
        self,
        rows: np.ndarray,
        ahead: PlanAhead,
        speed: np.ndarray,
        decel: float,
        stopping: np.ndarray,
        stop_line_m: float,
    ) -> None:
        """Update the claims of ``rows`` from their plans (``ahead``, laid out by plan
        slot: :meth:`game.ai.lanes.LaneTracker.ahead`).

        ``stopping`` (plan slots x rows) marks the lights ahead a car stops for (red
        or amber at the end of that planned edge); ``decel`` is the hardest
        braking a driver would use before giving up on stopping; ``stop_line_m`` is how
        far before the lane's end a car's centre stops.
        """
        inside_edge = self._edge_inter_or_none[ahead.edge]  # edge -1 reads the -1 at the end
        has = inside_edge >= 0
        first = np.argmax(has, axis=0)
        column = np.where(np.logical_or.reduce(has, axis=0), first, -1)
        r = np.arange(rows.size)
        inter = inside_edge[first, r]  # -1 where no connector is planned (slot 0 has none)
        inside = column == 0
        before = np.maximum(column - 1, 0)
        to_line = np.where(column > 0, ahead.ends[before, r], np.inf)
        to_line[inside] = 0.0
        entry, exit_node = self._movement_ends(rows, ahead, inside_edge, column, before, inter)
        room = to_line - stop_line_m
        committed = (room < speed * speed / (2.0 * decel)) & (column > 0) & (speed > MOVING_MS)
        stopping = stopping[before, r] & (column > 0)  # for this intersection's light
        committed &= ~stopping  # a red light is obeyed, however late
        decide = DECIDE_M + speed * speed / (2.0 * decel)  # fast cars decide early
        score = np.where(to_line < decide, to_line / np.maximum(speed, 1.0), np.inf)
        granted = self.granted[rows] & (self.inter[rows] == inter) & ~stopping
        if self.occupied.size:  # someone else got there first: wait, if still able to
            granted &= ~(self.occupied[np.maximum(inter, 0)] & (inter >= 0))
        score = np.where(stopping, np.inf, score)
        score = np.where(inside | committed | granted, HOLDING, score)
        self.granted[rows] = granted
        self.inter[rows] = inter
        changed = np.flatnonzero((self.entry[rows] != entry) | (self.exit[rows] != exit_node))
        self.entry[rows] = entry
        self.exit[rows] = exit_node
        moved = rows[changed]
        self.movement[moved] = self.movements.find(entry[changed], exit_node[changed])
        self.score[rows] = np.where(inter >= 0, score, np.inf)
        self.to_line[rows] = to_line

    def _movement_ends(self, rows, ahead, inside_edge, column, before, inter):
        """(entry node, exit node) of the movement each row is making or about to make."""
        graph = self.geometry.graph
        r = np.arange(rows.size)
        inside = column == 0
        approach = ahead.safe[before, r]
        # leaving: the first planned edge after the intersection's connectors
        slot = np.arange(inside_edge.shape[0])[:, None]
        after = (inside_edge < 0) & (slot > np.maximum(column, 0)) & ahead.valid
        leave = ahead.safe[np.argmax(after, axis=0), r]
        exit_node = np.where(np.logical_or.reduce(after, axis=0), graph.edge_src[leave], -1)
        # a car already inside keeps what it had when it arrived
        keep = inside & (self.inter[rows] == inter)
        entry = np.where(keep, self.entry[rows], graph.edge_dst[approach])
        entry = np.where(inside & ~keep, graph.edge_src[ahead.safe[0]], entry)
        exit_node = np.where(keep & (exit_node < 0), self.exit[rows], exit_node)
        return entry, exit_node

    def _compatible(self, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        """True where the movements of cars ``a`` and ``b`` can share the intersection:
        queued in one lane, or on paths that never come close (opposite straights,
        side-by-side turns); unknown movements conflict with everything."""
        same_lane = self.entry[a] == self.entry[b]  # queued: gaps keep them apart
        return same_lane | ~self.movements.conflict(self.movement[a], self.movement[b])

    def permitted(self, rows: np.ndarray) -> np.ndarray:
        """True for rows that may enter (or are in) the intersection they are nearing.

        A waiting car is let through when every car holding its intersection moves
        compatibly with it, or, with none holding, when it would arrive first. Once let
        through it holds the intersection too, so later arrivals wait for it.
        """
        allowed = np.ones(rows.size, dtype=bool)
        score = self.score[rows]
        waiting = (self.inter[rows] >= 0) & np.isfinite(score) & (score != HOLDING)
        if not waiting.any():
            return allowed
        n = self.score.size
        holders = np.flatnonzero(self.score == HOLDING)
        # holders by intersection, in index order within one: a sort of packed keys
        packed = np.sort(self.inter[holders] * n + holders)
        holder_inter, holders = np.divmod(packed, n)
        ask = rows[waiting]
        ask_inter = self.inter[ask]
        lo = holder_inter.searchsorted(ask_inter, side="left")
        count = holder_inter.searchsorted(ask_inter, side="right") - lo
        pair_ask = np.repeat(np.arange(ask.size), count)
        pair_holder = holders[
            np.repeat(lo - (np.cumsum(count) - count), count) + np.arange(count.sum())
        ]
        clash = ~self._compatible(ask[pair_ask], pair_holder)
        blocked = np.bincount(pair_ask[clash], minlength=ask.size) > 0
        # nobody holding: the earliest arrival among all claimants goes first (of equal
        # arrivals, the lowest index)
        claimants = np.flatnonzero(np.isfinite(self.score))
        claimant_inter, claimant_score = self.inter[claimants], self.score[claimants]
        earliest = np.full(self.occupied.size, np.inf)
        np.minimum.at(earliest, claimant_inter, claimant_score)
        first = claimant_score == earliest[claimant_inter]
        lead = np.full(self.occupied.size, n, dtype=np.intp)
        np.minimum.at(lead, claimant_inter[first], claimants[first])
        go = np.where(count > 0, ~blocked, lead[ask_inter] == ask)
        go &= ~self.occupied[ask_inter]
        allowed[waiting] = go
        granted = ask[go]
        self.granted[granted] = True
        self.score[granted] = HOLDING
        return allowed
