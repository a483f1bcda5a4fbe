"""Ways through intersections ("movements") and which of them cross.

A movement is a chain of connector edges from an *entry* (the stop-line node a lane
arrives at) to an *exit* (the node where a lane leaves). Two movements of one
intersection conflict when their paths come closer than ``CLEARANCE_M`` anywhere or
when they end in the same lane (a merge); two from the same entry never conflict (cars
in one lane queue, and the gap rule keeps them apart). So opposite straights go
together, as do right turns beside them, while a left turn waits for the oncoming
traffic. Worked out once per road graph (cached), from the geometry alone.
"""

from __future__ import annotations

import numpy as np

from game.level.model import RoadGraph

CLEARANCE_M = 2.6  #: lane centres nearer than this in an intersection make paths conflict
SAMPLE_M = 1.5  #: spacing of the points compared along each path
TURN_ROUND_RAD = np.radians(150.0)  #: a movement turning this far goes back the way it came
MAX_CHAIN = 32  #: connector edges followed at most along one movement

_CACHE: dict[int, tuple[RoadGraph, Movements]] = {}


def connector_intersection(graph: RoadGraph) -> np.ndarray:
    """(E,) intersection each edge lies inside, or -1 for ordinary lane edges."""
    src_i = graph.node_intersection[graph.edge_src]
    dst_i = graph.node_intersection[graph.edge_dst]
    return np.where((src_i >= 0) & (src_i == dst_i), src_i, -1)


class Movements:
    """All movements of a road graph, with a lookup by (entry, exit) and conflicts."""

    def __init__(self, graph: RoadGraph):
        self.graph = graph
        n_nodes = len(graph.node_xy)
        inside = connector_intersection(graph)
        is_connector = inside >= 0
        fed_by_road = np.zeros(n_nodes, dtype=bool)
        fed_by_road[graph.edge_dst[~is_connector]] = True
        first = np.flatnonzero(is_connector & fed_by_road[graph.edge_src])
        self.entry = graph.edge_src[first]  #: (M,) entry node of each movement
        self.inter = inside[first]  #: (M,) its intersection
        out_connector = np.full(n_nodes, -1, dtype=np.intp)  # inner nodes: one way on
        out_connector[graph.edge_src[is_connector]] = np.flatnonzero(is_connector)
        chains = [[int(e)] for e in first]
        for chain in chains:  # a few edges each, once per graph
            while len(chain) < MAX_CHAIN:
                nxt = out_connector[graph.edge_dst[chain[-1]]]
                if nxt < 0 or fed_by_road[graph.edge_dst[chain[-1]]]:
                    break
                chain.append(int(nxt))
        self.exit = np.array([graph.edge_dst[c[-1]] for c in chains], dtype=np.intp)
        self.turn_round = self._find_turn_rounds(chains, is_connector)
        self._key = self.entry.astype(np.int64) * n_nodes + self.exit
        self._order = np.argsort(self._key)
        self._sorted_key = self._key[self._order]
        self._n_nodes = n_nodes
        self._conflicts = self._find_conflicts([self._points(c) for c in chains])

    def _find_turn_rounds(self, chains: list[list[int]], is_connector: np.ndarray) -> np.ndarray:
        """(E,) True on the connector edges of a movement that turns back the way it came
        (the turn-round the loader lays at the end of a road)."""
        g = self.graph
        delta = g.node_xy[g.edge_dst] - g.node_xy[g.edge_src]
        heading = np.arctan2(delta[:, 1], delta[:, 0])
        arriving = np.full(len(g.node_xy), np.nan)
        arriving[g.edge_dst[~is_connector]] = heading[~is_connector]
        leaving = np.full(len(g.node_xy), np.nan)
        leaving[g.edge_src[~is_connector]] = heading[~is_connector]
        turn = np.mod(leaving[self.exit] - arriving[self.entry] + np.pi, 2.0 * np.pi) - np.pi
        back = np.abs(np.nan_to_num(turn)) > TURN_ROUND_RAD
        marked = np.zeros(len(g.edge_src), dtype=bool)
        for chain, is_back in zip(chains, back, strict=True):
            marked[chain] = is_back
        return marked

    def _points(self, chain: list[int]) -> np.ndarray:
        xy = self.graph.node_xy[
            [self.graph.edge_src[chain[0]]] + [self.graph.edge_dst[e] for e in chain]
        ]
        steps = np.hypot(*np.diff(xy, axis=0).T)
        along = np.concatenate([[0.0], np.cumsum(steps)])
        at = np.linspace(0.0, along[-1], max(int(along[-1] / SAMPLE_M) + 1, 2))
        return np.column_stack([np.interp(at, along, xy[:, 0]), np.interp(at, along, xy[:, 1])])

    def _find_conflicts(self, points: list[np.ndarray]) -> np.ndarray:
        """Sorted keys ``a * M + b`` of conflicting movement pairs (both orders)."""
        m = len(points)
        keys = [np.zeros(0, dtype=np.int64)]
        for inter in np.unique(self.inter):  # one (points x points) table per intersection
            ids = np.flatnonzero(self.inter == inter)
            pts = np.concatenate([points[k] for k in ids])
            starts = np.cumsum([0] + [len(points[k]) for k in ids[:-1]])
            dx = pts[:, None, 0] - pts[None, :, 0]
            dy = pts[:, None, 1] - pts[None, :, 1]
            dist_sq = dx * dx + dy * dy
            nearest = np.minimum.reduceat(
                np.minimum.reduceat(dist_sq, starts, axis=0), starts, axis=1
            )
            close = nearest < CLEARANCE_M**2
            close |= self.exit[ids][:, None] == self.exit[ids][None, :]
            close &= self.entry[ids][:, None] != self.entry[ids][None, :]
            a, b = np.nonzero(close)
            keys.append(ids[a].astype(np.int64) * m + ids[b])
        return np.sort(np.concatenate(keys))

    def find(self, entry: np.ndarray, exit_node: np.ndarray) -> np.ndarray:
        """Movement index of each (entry, exit) pair; -1 where there is none (unknown)."""
        key = np.asarray(entry, dtype=np.int64) * self._n_nodes + np.asarray(exit_node)
        sorted_keys = self._sorted_key
        if sorted_keys.size == 0:  # a map without intersections: nothing is known
            return np.full(key.shape, -1, dtype=np.intp)
        at = np.minimum(sorted_keys.searchsorted(key), sorted_keys.size - 1)
        found = (sorted_keys[at] == key) & (np.asarray(entry) >= 0)
        return np.where(found, self._order[at], -1)

    def conflict(self, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        """True where movements ``a`` and ``b`` (indices, -1 unknown) may not share."""
        a, b = np.asarray(a), np.asarray(b)
        unknown = (a < 0) | (b < 0)
        if self._conflicts.size == 0:
            return unknown
        key = a.astype(np.int64) * len(self.entry) + b
        at = np.minimum(self._conflicts.searchsorted(key), self._conflicts.size - 1)
        return (self._conflicts[at] == key) | unknown


def movements_of(graph: RoadGraph) -> Movements:
    """The movements of ``graph``, worked out once per graph object."""
    cached = _CACHE.get(id(graph))
    if cached is None or cached[0] is not graph:
        cached = (graph, Movements(graph))
        _CACHE[id(graph)] = cached
    return cached[1]
