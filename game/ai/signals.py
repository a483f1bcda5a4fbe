"""Traffic lights: the state of every signal from the road graph and sim time alone.

A signalised intersection (``RoadGraph.intersection_signalised``) gives each of its phase
groups an equal slot of its cycle (``intersection_cycle_s``) in turn: green, then amber,
then a short all-red before the next group's green. The edges that enter the
intersection carry the group they wait for (``RoadGraph.edge_phase``). Each intersection
starts its cycle at its own offset so the city does not switch in lockstep.

State is a pure function of time and the drive's seed (which draws the offsets; no
stored state), so traffic, the red-light offence, the renderer and a replay all agree
on every light at every tick.
"""

from __future__ import annotations

from enum import IntEnum

import numpy as np

from game.level.model import RoadGraph

AMBER_S = 3.0  #: seconds of amber at the end of each green
ALL_RED_S = 1.5  #: seconds all groups stand at red between one green and the next
_OFFSET_STEP = 0.6180339887  #: golden-ratio fraction of a cycle between neighbouring offsets
_SEED_STREAM = 0x516E  #: mixed into the drive's seed: the lights' own random stream


class Light(IntEnum):
    """What a lane's signal shows; edges without a signal read GREEN."""

    GREEN = 0
    AMBER = 1
    RED = 2


#: the lights as array scalars, for the arrays traffic reads every tick: numpy converts
#: an IntEnum member afresh each time one meets an array (microseconds per operation)
LIGHT_GREEN, LIGHT_AMBER, LIGHT_RED = (np.uint8(light) for light in Light)


class Signals:
    """Light state per edge and per intersection phase group, as a function of time."""

    def __init__(
        self,
        graph: RoadGraph,
        amber_s: float = AMBER_S,
        all_red_s: float = ALL_RED_S,
        seed: int | None = None,
    ):
        """``seed``: the drive's seed draws each intersection's offset into its cycle;
        None spreads them by the golden ratio (the same every time, for tests)."""
        self.graph = graph
        self.amber_s = amber_s
        self.all_red_s = all_red_s
        n_inter = len(graph.intersection_xy)
        edge_inter = (
            graph.node_intersection[graph.edge_dst] if graph.edge_dst.size else graph.edge_dst
        )
        has_inter = edge_inter >= 0
        self.edge_intersection = np.where(has_inter, edge_inter, -1).astype(np.intp)
        signalised = np.zeros(graph.edge_dst.shape, dtype=bool)
        signalised[has_inter] = graph.intersection_signalised[edge_inter[has_inter]]
        #: (E,) True where an edge ends at a light it must obey
        self.edge_signalised = signalised & (graph.edge_phase >= 0)
        groups = np.ones(n_inter, dtype=np.intp)
        controlled = self.edge_signalised
        if controlled.any():
            np.maximum.at(
                groups, self.edge_intersection[controlled], graph.edge_phase[controlled] + 1
            )
        #: (I,) number of phase groups at each intersection
        self.group_count = groups
        cycle = np.asarray(graph.intersection_cycle_s, dtype=np.float64)
        #: (I,) seconds added to time before reading the cycle
        if seed is None:
            fraction = np.mod(np.arange(n_inter) * _OFFSET_STEP, 1.0)
        else:
            fraction = np.random.default_rng([seed, _SEED_STREAM]).random(n_inter)
        self.offset_s = fraction * cycle
        self.cycle_s = np.maximum(cycle, groups * (amber_s + all_red_s + 1.0))
        self._slot_s = self.cycle_s / self.group_count  #: (I,) seconds of each group's turn
        self._amber_until_s = self._slot_s - all_red_s  #: (I,) into a turn: amber before this
        self._green_until_s = self._slot_s - all_red_s - amber_s  #: ...and green before this

    def _state(self, inter: np.ndarray, group: np.ndarray, time: float) -> np.ndarray:
        """Light of phase ``group`` at intersections ``inter`` (arrays of one shape). Each
        intersection's turn is worked out once (there are few), then read per entry."""
        into_cycle = np.mod(time + self.offset_s, self.cycle_s)
        active = np.floor(into_cycle / self._slot_s).astype(np.intp)
        into_slot = (into_cycle - active * self._slot_s)[inter]
        state = np.empty(np.shape(inter), dtype=np.uint8)
        state.fill(LIGHT_RED)
        mine = active[inter] == group
        state[mine & (into_slot < self._amber_until_s[inter])] = LIGHT_AMBER
        state[mine & (into_slot < self._green_until_s[inter])] = LIGHT_GREEN
        return state

    def edge_state(self, edges: np.ndarray, time: float) -> np.ndarray:
        """:class:`Light` (uint8) for each edge at ``time``; GREEN where there is no signal."""
        edges = np.asarray(edges, dtype=np.intp)
        state = np.zeros(edges.shape, dtype=np.uint8)  # Light.GREEN
        controlled = self.edge_signalised[np.maximum(edges, 0)] & (edges >= 0)
        if controlled.any():
            chosen = edges[controlled]
            state[controlled] = self._state(
                self.edge_intersection[chosen], self.graph.edge_phase[chosen], time
            )
        return state

    def is_red(self, edges: np.ndarray, time: float) -> np.ndarray:
        """True for edges whose light shows red at ``time`` (amber is not red)."""
        return self.edge_state(edges, time) == LIGHT_RED

    def intersection_states(self, time: float) -> np.ndarray:
        """(I, G) :class:`Light` per intersection and phase group, for drawing the lights.

        G is the largest group count; groups an intersection lacks, and intersections
        without signals, read GREEN.
        """
        n_inter = len(self.group_count)
        width = int(self.group_count.max()) if n_inter else 1
        inter, group = np.meshgrid(np.arange(n_inter), np.arange(width), indexing="ij")
        state = self._state(inter, group, time)
        unused = (group >= self.group_count[:, None]) | ~self.graph.intersection_signalised[:, None]
        state[unused] = Light.GREEN
        return state
