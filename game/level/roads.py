"""Road polylines -> :class:`RoadGraph`: directed lanes joined at intersections.

How the graph is made (right-hand traffic):

1. Road vertices of different roads within 1 m are one *junction*; a junction of two or
   more roads (or three or more road ends) is an *intersection*; a road end that meets
   nothing is a *dead end*.
2. Each road is cut at its junctions into *pieces*. A piece is an *arm* of the junction
   at each of its ends. Every piece carries ``lanes`` lanes per direction (one direction
   if ``oneway``), lane k offset (k + 0.5) * 4 m right of travel, pulled back from
   intersections by the widest road there plus a metre (the stop line), and split into
   edges of at most 24 m, with diagonal lane-change edges between neighbouring lanes
   (never onto a stop line).
3. At a junction every lane arriving on one arm connects to the lanes leaving on every
   other arm (turns and straight on) by a short curve; no U-turn, except at a dead end.
   Lanes map monotonically between arms, so every lane is entered and left.
4. A ``signal`` point within 12 m of an intersection signalises it. The lane edge that
   reaches the stop line of a signalised intersection gets the phase group of its
   approach: 0 roughly east-west, 1 roughly north-south.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

import numpy as np

from game.level import limits, schema
from game.level.geometry import (
    cluster_points,
    polyline_length,
    resample_polyline,
    right_normals,
    trim_polyline,
    turn_curves,
)
from game.level.model import RoadGraph
from game.level.objects import RoadSpec, SignalSpec, describe
from game.problems import Problem

STRAIGHT_ON_RAD = np.radians(20.0)  #: a connector turning less than this is drawn straight
TURN_SEGMENTS = 3  #: edges per turning connector, so a turn follows a curve
MAX_TRIM_FRACTION = 0.4  #: a piece gives at most this much of its length to each end's trim
#: node spacing along lanes, so that a change to the next lane (one lane width aside)
#: still makes an edge no longer than MAX_EDGE_M
LANE_STEP_M = float(np.sqrt(schema.MAX_EDGE_M**2 - schema.LANE_WIDTH_M**2))
LANE_CHANGE_EVERY = 3  #: lane nodes 1, 4, 7, ... of a piece offer a change (about every 70 m)


class BuiltRoads(NamedTuple):
    graph: RoadGraph
    node_road_id: np.ndarray  #: (K,) Tiled object id of the road a lane node is on; -1 inside
    #: intersections


@dataclass
class _Arm:
    """One piece's end at a junction, with the lanes arriving and leaving there."""

    road: int
    incoming: list[tuple[int, int, np.ndarray]] = field(default_factory=list)  # (k, node, heading)
    outgoing: list[tuple[int, int, np.ndarray]] = field(default_factory=list)
    last_edges: list[int] = field(default_factory=list)  # lane edges that reach the stop line


@dataclass
class _Junction:
    xy: np.ndarray
    roads: set[int]
    arms: list[_Arm] = field(default_factory=list)
    intersection: int = -1
    trim: float = 0.0


class _GraphBuilder:
    def __init__(self, roads: list[RoadSpec]) -> None:
        self.roads = roads
        self.street_names = tuple(sorted({road.name for road in roads if road.name}))
        self.node_xy: list[np.ndarray] = []
        self.node_count = 0
        self.node_intersection: list[np.ndarray] = []
        self.node_road: list[np.ndarray] = []
        self.edges: list[tuple[np.ndarray, ...]] = []  # (src, dst, limit, street)
        self.edge_count = 0
        self.lane_xy = np.zeros((0, 2))  #: every lane node, once all lanes are laid
        self.connectors: list[tuple] = []  #: queued by connect(), laid by lay_connectors()

    def add_nodes(self, xy: np.ndarray, intersection=-1, road_id: int = -1) -> np.ndarray:
        """Append nodes; ``intersection`` is one index for all or one per node."""
        first = self.node_count
        self.node_xy.append(xy)
        self.node_road.append(np.full(len(xy), road_id, dtype=np.int64))
        self.node_intersection.append(
            np.broadcast_to(np.asarray(intersection, dtype=np.int64), (len(xy),)).copy()
        )
        self.node_count += len(xy)
        return np.arange(first, self.node_count)

    def add_edges(self, src: np.ndarray, dst: np.ndarray, road: int, limit: float) -> int:
        """Append edges; returns the index of the last one."""
        n = len(src)
        self.edges.append((src, dst, np.full(n, limit), np.full(n, self.street_of(road))))
        self.edge_count += n
        return self.edge_count - 1

    # -- junctions and pieces --------------------------------------------------------

    def junctions(self) -> tuple[list[_Junction], list[np.ndarray]]:
        """Cluster every road vertex; returns junctions and, per road, each vertex's junction."""
        all_xy = np.vstack([road.points for road in self.roads])
        owner = np.repeat(np.arange(len(self.roads)), [len(r.points) for r in self.roads])
        labels = cluster_points(all_xy, schema.INTERSECTION_RADIUS_M)
        junctions = [
            _Junction(all_xy[labels == c].mean(axis=0), set(owner[labels == c].tolist()))
            for c in range(labels.max() + 1)
        ]
        splits = np.cumsum([len(r.points) for r in self.roads])[:-1]
        return junctions, np.split(labels, splits)

    def pieces(self, road: int, vertex_junction: np.ndarray, junctions: list[_Junction]):
        """Yield (points, start junction, end junction) for one road; junction None = loop."""
        spec = self.roads[road]
        counts = np.bincount(vertex_junction, minlength=len(junctions))
        is_cut = np.array([len(junctions[j].roads) > 1 or counts[j] > 1 for j in vertex_junction])
        n = len(spec.points)
        if spec.closed:
            cuts = np.flatnonzero(is_cut)
            if len(cuts) == 0:
                yield spec.points, None, None
                return
            order = np.concatenate([np.arange(cuts[0], n), np.arange(0, cuts[0] + 1)])
        else:
            is_cut[0] = is_cut[-1] = True
            order = np.arange(n)
        cut_positions = np.flatnonzero(is_cut[order])
        for a, b in zip(cut_positions[:-1], cut_positions[1:], strict=True):
            idx = order[a : b + 1]
            yield spec.points[idx], vertex_junction[idx[0]], vertex_junction[idx[-1]]

    # -- lanes -----------------------------------------------------------------------

    def lane(self, road: int, line: np.ndarray, closed: bool, cuts: tuple[float, float]):
        """Nodes and edges of one lane: (nodes, their positions, last edge, end headings)."""
        spec = self.roads[road]
        line = np.vstack([line, line[:1]]) if closed else trim_polyline(line, *cuts)
        line = resample_polyline(line, LANE_STEP_M)
        xy = line[:-1] if closed else line
        nodes = self.add_nodes(xy, road_id=spec.id)
        dst = np.roll(nodes, -1) if closed else nodes[1:]
        src = nodes if closed else nodes[:-1]
        last_edge = self.add_edges(src, dst, road, spec.speed_limit)
        return nodes, xy, last_edge, line[1] - line[0], line[-1] - line[-2]

    def lane_changes(self, road: int, lanes: list[tuple[np.ndarray, np.ndarray]], closed: bool):
        """Diagonal edges between neighbouring lanes of one direction, both ways.

        Without them each lane would be a network of its own (lane k reaches only lane k
        through intersections). A change runs from a node to the neighbour lane's node
        nearest the next node ahead; none ends on a stop line, so none skips a signal.
        Only every few nodes offer one, so traffic choosing at random does not weave.
        """
        limit = self.roads[road].speed_limit
        pairs = [(k, k + 1) for k in range(len(lanes) - 1)]
        for (src_nodes, src_xy), (dst_nodes, dst_xy) in [
            (lanes[a], lanes[b]) for a, b in pairs + [(b, a) for a, b in pairs]
        ]:
            ahead = np.roll(src_xy, -1, axis=0) if closed else src_xy[1:]
            start = src_xy[: len(ahead)]
            gap = np.hypot(*(ahead[:, None, :] - dst_xy[None, :, :]).transpose(2, 0, 1))
            target = np.argmin(gap, axis=1)
            length = np.hypot(*(dst_xy[target] - start).T)
            usable = (length <= schema.MAX_EDGE_M) & (length >= schema.LANE_WIDTH_M)
            usable &= np.arange(len(ahead)) % LANE_CHANGE_EVERY == 1
            if not closed:
                usable &= target < len(dst_nodes) - 1
            if usable.any():
                self.add_edges(
                    src_nodes[: len(ahead)][usable], dst_nodes[target[usable]], road, limit
                )

    def piece_lanes(self, road: int, points, start: int | None, end: int | None, junctions):
        spec = self.roads[road]
        closed = start is None
        arms = (None, None)
        trims = (0.0, 0.0)
        if not closed:
            arms = (_Arm(road), _Arm(road))
            junctions[start].arms.append(arms[0])
            junctions[end].arms.append(arms[1])
            limit = MAX_TRIM_FRACTION * polyline_length(points)
            trims = (min(junctions[start].trim, limit), min(junctions[end].trim, limit))
        directions = [(points, 0, 1)]
        if not spec.oneway:
            directions.append((points[::-1], 1, 0))
        for line, from_end, to_end in directions:
            normals = right_normals(line, closed)
            lanes = []
            for k in range(spec.lanes):
                lane_line = line + (k + 0.5) * schema.LANE_WIDTH_M * normals
                nodes, xy, last_edge, h_start, h_end = self.lane(
                    road, lane_line, closed, (trims[from_end], trims[to_end])
                )
                lanes.append((nodes, xy))
                if not closed:
                    arms[from_end].outgoing.append((k, nodes[0], h_start))
                    arms[to_end].incoming.append((k, nodes[-1], h_end))
                    arms[to_end].last_edges.append(last_edge)
            self.lane_changes(road, lanes, closed)

    # -- connectors ------------------------------------------------------------------

    def connect(self, junction: _Junction) -> None:
        """Queue the connectors of one junction (laid all at once by lay_connectors)."""
        dead_end = len(junction.arms) == 1
        for arm_in in junction.arms:
            for arm_out in junction.arms:
                if arm_in is arm_out and not dead_end:
                    continue
                road_in, road_out = self.roads[arm_in.road], self.roads[arm_out.road]
                limit = min(road_in.speed_limit, road_out.speed_limit)
                street = self.street_of(arm_out.road)
                for lane_in, lane_out in lane_pairs(len(arm_in.incoming), len(arm_out.outgoing)):
                    _, src, heading_in = arm_in.incoming[lane_in]
                    _, dst, heading_out = arm_out.outgoing[lane_out]
                    self.connectors.append(
                        (src, dst, *heading_in, *heading_out, junction.intersection, street, limit)
                    )

    def lay_connectors(self) -> None:
        """Nodes and edges of every queued connector, in whole-array operations."""
        if not self.connectors:
            return
        rows = np.array(self.connectors, dtype=np.float64)
        src, dst = rows[:, 0].astype(np.int64), rows[:, 1].astype(np.int64)
        intersection, street, limit = rows[:, 6].astype(np.int64), rows[:, 7], rows[:, 8]
        segments, inner_xy = turn_curves(
            self.lane_xy[src],
            self.lane_xy[dst],
            rows[:, 2:4],
            rows[:, 4:6],
            schema.MAX_EDGE_M,
            STRAIGHT_ON_RAD,
            TURN_SEGMENTS,
        )
        inner_count = segments - 1
        first_inner = self.node_count + np.cumsum(inner_count) - inner_count
        self.add_nodes(inner_xy, np.repeat(intersection, inner_count))
        owner = np.repeat(np.arange(len(src)), segments)
        step = np.arange(segments.sum()) - np.repeat(np.cumsum(segments) - segments, segments)
        edge_src = np.where(step == 0, src[owner], first_inner[owner] + step - 1)
        edge_dst = np.where(step == segments[owner] - 1, dst[owner], first_inner[owner] + step)
        self.edges.append((edge_src, edge_dst, limit[owner], street[owner]))
        self.edge_count += len(edge_src)

    def street_of(self, road: int) -> int:
        name = self.roads[road].name
        return self.street_names.index(name) if name else -1

    # -- all together ----------------------------------------------------------------

    def build(self, signals: list[SignalSpec], file: str, problems: list[Problem]) -> BuiltRoads:
        junctions, vertex_junctions = self.junctions()
        pieces = [
            (road, piece)
            for road, labels in enumerate(vertex_junctions)
            for piece in self.pieces(road, labels, junctions)
        ]
        arm_count = np.zeros(len(junctions), dtype=int)
        for _, (_, start, end) in pieces:
            if start is not None:
                arm_count[start] += 1
                arm_count[end] += 1
        crowded = np.flatnonzero(arm_count > limits.MAX_ROADS_AT_JUNCTION)
        for j in crowded:  # every arm meets every other: refuse before laying them
            x, y = junctions[j].xy
            problems.append(
                Problem(
                    file,
                    f"junction at ({x:.0f}, {y:.0f}) m",
                    f"{arm_count[j]} road ends meet here; at most {limits.MAX_ROADS_AT_JUNCTION}",
                )
            )
        if len(crowded):
            return _GraphBuilder([]).finish([], [], file, problems)
        intersections = []
        for j, junction in enumerate(junctions):
            if len(junction.roads) > 1 or arm_count[j] > 2:
                junction.intersection = len(intersections)
                widest = max(self.roads[r].lanes for r in junction.roads)
                junction.trim = widest * schema.LANE_WIDTH_M + 1.0
                intersections.append(junction)
        for road, (points, start, end) in pieces:
            self.piece_lanes(road, points, start, end, junctions)
        self.lane_xy = np.vstack(self.node_xy) if self.node_xy else np.zeros((0, 2))
        for junction in junctions:
            self.connect(junction)
        self.lay_connectors()
        return self.finish(intersections, signals, file, problems)

    def finish(self, intersections, signals, file, problems) -> BuiltRoads:
        node_xy = np.vstack(self.node_xy) if self.node_xy else np.zeros((0, 2))
        node_intersection = (
            np.concatenate(self.node_intersection) if self.node_intersection else np.zeros(0, int)
        )
        columns = [np.concatenate(c) for c in zip(*self.edges, strict=True)]
        if not self.edges:
            columns = [np.zeros(0, dtype=np.int64)] * 4
        src, dst, limit, street = columns
        src, dst = src.astype(np.int64), dst.astype(np.int64)
        intersection_xy = np.array([j.xy for j in intersections]).reshape(-1, 2)
        signalised, cycle = signal_states(intersection_xy, signals, file, problems)
        phase = np.full(len(src), -1, dtype=np.int64)
        for junction in intersections:
            for arm in junction.arms:
                for _, node, _ in arm.incoming + arm.outgoing:
                    node_intersection[node] = junction.intersection
                if signalised[junction.intersection]:
                    for (_, _, heading), edge in zip(arm.incoming, arm.last_edges, strict=True):
                        phase[edge] = 0 if abs(heading[0]) >= abs(heading[1]) else 1
        order = np.argsort(src, kind="stable")
        out_start = np.concatenate([[0], np.cumsum(np.bincount(src, minlength=len(node_xy)))])
        graph = RoadGraph(
            node_xy=node_xy,
            node_intersection=node_intersection,
            edge_src=src,
            edge_dst=dst,
            edge_speed_limit=limit.astype(np.float64),
            edge_street=street.astype(np.int64),
            edge_phase=phase,
            out_start=out_start.astype(np.int64),
            out_edges=order.astype(np.int64),
            intersection_xy=intersection_xy,
            intersection_signalised=signalised,
            intersection_cycle_s=cycle,
            street_names=self.street_names,
        )
        node_road = np.concatenate(self.node_road) if self.node_road else np.zeros(0, np.int64)
        return BuiltRoads(graph, node_road)


def signal_states(
    intersection_xy: np.ndarray, signals: list[SignalSpec], file: str, problems: list[Problem]
) -> tuple[np.ndarray, np.ndarray]:
    """(signalised, cycle_s) per intersection: each signal controls the nearest one."""
    signalised = np.zeros(len(intersection_xy), dtype=bool)
    cycle = np.full(len(intersection_xy), schema.DEFAULT_SIGNAL_CYCLE_S)
    for signal in signals:
        distance = np.hypot(*(intersection_xy - (signal.x, signal.y)).T)
        if len(distance) == 0 or distance.min() > schema.SIGNAL_RADIUS_M:
            message = f"signal is not within {schema.SIGNAL_RADIUS_M:g} m of an intersection"
            problems.append(Problem(file, describe(signal), message))
            continue
        nearest = int(np.argmin(distance))
        signalised[nearest] = True
        cycle[nearest] = signal.cycle_s
    return signalised, cycle


def lane_pairs(lanes_in: int, lanes_out: int) -> list[tuple[int, int]]:
    """Monotone lane mapping between two arms: every lane in and every lane out is used."""
    if lanes_in == 0 or lanes_out == 0:
        return []

    def scale(k: int, n_from: int, n_to: int) -> int:
        return round(k * (n_to - 1) / (n_from - 1)) if n_from > 1 else 0

    pairs = {(k, scale(k, lanes_in, lanes_out)) for k in range(lanes_in)}
    pairs |= {(scale(k, lanes_out, lanes_in), k) for k in range(lanes_out)}
    return sorted(pairs)


def build_road_graph(
    roads: list[RoadSpec], signals: list[SignalSpec], file: str, problems: list[Problem]
) -> BuiltRoads:
    """The lane graph of a map's roads; stray signals are reported to ``problems``."""
    builder = _GraphBuilder(roads)
    if not roads:
        return builder.finish([], signals, file, problems)
    return builder.build(signals, file, problems)
