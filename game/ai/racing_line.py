"""Racing lines: a track's lap as a polyline with the speed its curvature allows.

A :class:`RacingLine` is a path resampled to even spacing (``STEP_M``), closed (a lap
of an oval) or open (a pit lane). Every point carries its arc length ``s`` from the
start and the fastest speed the line allows there: the cornering limit
``sqrt(lateral_accel / curvature)`` where it bends, capped by the car's top speed, then
lowered by a backward pass so that a car at that speed can brake to every slower point
ahead (``decel``). Racers read a target speed from it; the race tracker measures laps and
positions along it.

:func:`track_lines` reads the lines from a map's road graph, so a designer draws the
track as roads in Tiled and nothing here knows the speedway: the lap is the lane loop
of the fastest road nearest the ``finish`` zone (followed edge by edge, straight on at
every fork, until it comes round), and the pit lane is the chain of slower edges that
leaves the loop and rejoins it (the roads with the pit's speed limit). Both start at the
start/finish line.

Positions along a line are vectorised over cars (:meth:`RacingLine.project`): the
nearest point of every segment for every car at once. No pygame.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from game.level.model import Level, RoadGraph

STEP_M = 4.0  #: metres between the points of a resampled line
CURVATURE_SPAN = 3  #: points either side used for the curvature (smooths lane kinks)
LATERAL_ACCEL = 9.0  #: m/s^2 a stock car can corner at on the racing line
BRAKE_DECEL = 7.0  #: m/s^2 a racer brakes at into a slower part of the line
MAX_LOOP_EDGES = 100_000  #: a lane chain longer than this is not a lap (a map mistake)


@dataclass(frozen=True)
class RacingLine:
    """A resampled path and the speed along it (module docstring)."""

    xy: np.ndarray  #: (M, 2) metres, evenly spaced
    s: np.ndarray  #: (M,) metres along the line at each point
    length: float  #: metres: a lap (closed) or the whole path (open)
    speed: np.ndarray  #: (M,) m/s, the fastest the line allows at each point
    closed: bool

    @classmethod
    def of_points(cls, points: np.ndarray, closed: bool, top_speed: float,
                  lateral_accel: float = LATERAL_ACCEL, decel: float = BRAKE_DECEL) -> RacingLine:
        """The line through ``points`` (K, 2), resampled, with its speed profile."""
        xy = _resample(np.asarray(points, dtype=np.float64), closed)
        m = len(xy)
        s = np.arange(m) * STEP_M
        length = m * STEP_M if closed else float(s[-1])
        curvature = _curvature(xy, closed)
        speed = np.minimum(np.sqrt(lateral_accel / np.maximum(curvature, 1e-6)), top_speed)
        # backward pass: every point slow enough to brake to all the points ahead
        passes = 2 if closed else 1
        for _ in range(passes):
            for i in range(m - 2 if not closed else m - 1, -1, -1):
                nxt = speed[(i + 1) % m]
                speed[i] = min(speed[i], np.sqrt(nxt * nxt + 2.0 * decel * STEP_M))
        return cls(xy, s, length, speed, closed)

    def _segments(self) -> tuple[np.ndarray, np.ndarray]:
        a = self.xy
        b = np.roll(a, -1, axis=0) if self.closed else a[1:]
        return (a if self.closed else a[:-1]), b

    def project(self, x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """For each car (vectorised): metres along the line (0..length) and metres to the
        right of it (the way the line runs), at its nearest point."""
        x = np.atleast_1d(np.asarray(x, dtype=np.float64))
        y = np.atleast_1d(np.asarray(y, dtype=np.float64))
        a, b = self._segments()
        d = b - a
        length_sq = np.maximum((d * d).sum(axis=1), 1e-9)
        px = x[:, None] - a[None, :, 0]
        py = y[:, None] - a[None, :, 1]
        t = np.clip((px * d[:, 0] + py * d[:, 1]) / length_sq, 0.0, 1.0)
        dist_sq = (px - t * d[:, 0]) ** 2 + (py - t * d[:, 1]) ** 2
        seg = np.argmin(dist_sq, axis=1)
        rows = np.arange(seg.size)
        seg_len = np.sqrt(length_sq[seg])
        along = self.s[seg] + t[rows, seg] * seg_len
        # cross product of the segment and the car: + on the right (y points down)
        cross = d[seg, 0] * py[rows, seg] - d[seg, 1] * px[rows, seg]
        return np.mod(along, self.length) if self.closed else along, cross / seg_len

    def pose_at(self, s: np.ndarray, lateral: np.ndarray | float = 0.0
                ) -> tuple[np.ndarray, np.ndarray]:
        """Points ``lateral`` metres right of the line at ``s`` metres along it."""
        s = np.atleast_1d(np.asarray(s, dtype=np.float64))
        s = np.mod(s, self.length) if self.closed else np.clip(s, 0.0, self.length)
        m = len(self.xy)
        i = np.minimum((s // STEP_M).astype(np.intp), m - 1)
        j = (i + 1) % m if self.closed else np.minimum(i + 1, m - 1)
        f = (s - i * STEP_M) / STEP_M
        a, b = self.xy[i], self.xy[j]
        x = a[:, 0] + f * (b[:, 0] - a[:, 0])
        y = a[:, 1] + f * (b[:, 1] - a[:, 1])
        dx, dy = b[:, 0] - a[:, 0], b[:, 1] - a[:, 1]
        norm = np.maximum(np.hypot(dx, dy), 1e-9)
        # the right-hand normal of (dx, dy) with y down is (-dy, dx)
        return x - dy / norm * lateral, y + dx / norm * lateral

    def speed_at(self, s: np.ndarray) -> np.ndarray:
        """The line's speed at ``s`` metres along it (the point at or before)."""
        s = np.atleast_1d(np.asarray(s, dtype=np.float64))
        s = np.mod(s, self.length) if self.closed else np.clip(s, 0.0, self.length)
        return self.speed[np.minimum((s // STEP_M).astype(np.intp), len(self.xy) - 1)]

    def ahead_m(self, s_from: np.ndarray, s_to: np.ndarray) -> np.ndarray:
        """Metres from ``s_from`` forward to ``s_to`` (a closed line: -length/2..length/2)."""
        gap = np.asarray(s_to, dtype=np.float64) - np.asarray(s_from, dtype=np.float64)
        if not self.closed:
            return gap
        return np.mod(gap + self.length / 2.0, self.length) - self.length / 2.0


def _resample(points: np.ndarray, closed: bool) -> np.ndarray:
    path = np.vstack([points, points[:1]]) if closed else points
    step = np.hypot(*np.diff(path, axis=0).T)
    s = np.concatenate([[0.0], np.cumsum(step)])
    count = max(int(s[-1] // STEP_M), 2)
    wanted = np.arange(count) * STEP_M if closed else np.linspace(0.0, s[-1], count + 1)
    return np.column_stack([np.interp(wanted, s, path[:, 0]), np.interp(wanted, s, path[:, 1])])


def _curvature(xy: np.ndarray, closed: bool) -> np.ndarray:
    """1/m at each point: the circle through the points CURVATURE_SPAN either side."""
    k = CURVATURE_SPAN
    if closed:
        before, after = np.roll(xy, k, axis=0), np.roll(xy, -k, axis=0)
    else:
        idx = np.arange(len(xy))
        before = xy[np.maximum(idx - k, 0)]
        after = xy[np.minimum(idx + k, len(xy) - 1)]
    a = np.hypot(*(xy - before).T)
    b = np.hypot(*(after - xy).T)
    c = np.hypot(*(after - before).T)
    cross = np.abs((xy[:, 0] - before[:, 0]) * (after[:, 1] - before[:, 1])
                   - (xy[:, 1] - before[:, 1]) * (after[:, 0] - before[:, 0]))
    return 2.0 * cross / np.maximum(a * b * c, 1e-9)


def _follow(roads: RoadGraph, first_edge: int, allowed: np.ndarray) -> list[int]:
    """Edges from ``first_edge``, straight on at every fork among ``allowed`` edges: the
    loop it comes round to (from the first edge it meets again), or the chain up to where
    it runs out of allowed edges."""
    heading = roads.edge_heading
    chain = [first_edge]
    seen = {first_edge: 0}
    edge = first_edge
    for _ in range(MAX_LOOP_EDGES):
        node = roads.edge_dst[edge]
        outs = roads.out_edges[roads.out_start[node]:roads.out_start[node + 1]]
        outs = outs[allowed[outs]]
        if outs.size == 0:
            return chain
        turn = np.abs(np.angle(np.exp(1j * (heading[outs] - heading[edge]))))
        edge = int(outs[np.argmin(turn)])
        if edge in seen:
            return chain[seen[edge]:]
        seen[edge] = len(chain)
        chain.append(edge)
    return chain


def _points(roads: RoadGraph, chain: list[int]) -> np.ndarray:
    """The nodes a chain of edges runs through, first to last."""
    last = roads.node_xy[roads.edge_dst[chain[-1]]]
    return np.vstack([roads.node_xy[roads.edge_src[chain]], last[None]])


@dataclass(frozen=True)
class Track:
    """A race track as racers and the race tracker read it."""

    lap: RacingLine  #: closed, s = 0 at the start/finish line
    pit: RacingLine | None  #: open, from where it leaves the loop to where it rejoins it
    #: metres right of the lap's line: the racing width (the outer lanes' centres)
    lateral_range: tuple[float, float]
    pit_speed: float  #: m/s, the pit lane's limit


def track_lines(level: Level, top_speed: float, finish_zone: str = "finish") -> Track:
    """The lap and the pit lane of a track map (module docstring); the pit is None when
    the map has no slower road off the loop. ValueError when there is no lap."""
    roads = level.roads
    if len(roads.edge_src) == 0:
        raise ValueError(f"{level.path}: no roads to race on")
    fx, fy = level.zones[finish_zone].centre if finish_zone in level.zones else (0.0, 0.0)
    fastest = roads.edge_speed_limit >= roads.edge_speed_limit.max() - 1e-6
    edge, _ = roads.nearest_edge(np.array([fx]), np.array([fy]))
    first = int(edge[0]) if fastest[int(edge[0])] else int(np.flatnonzero(fastest)[0])
    chain = _follow(roads, first, fastest)
    if roads.edge_dst[chain[-1]] != roads.edge_src[chain[0]]:
        raise ValueError(f"{level.path}: the fastest road near {finish_zone!r} is not a loop")
    lap = RacingLine.of_points(_points(roads, chain)[:-1], True, top_speed)
    lap = _starting_at(lap, fx, fy)
    lanes = roads.node_xy[np.unique(roads.edge_src[fastest])]
    _, lateral = lap.project(lanes[:, 0], lanes[:, 1])
    width = (float(lateral.min()), float(lateral.max()))
    slower = ~fastest
    fed_by_loop = np.zeros(len(roads.node_xy), dtype=bool)
    fed_by_loop[roads.edge_dst[fastest]] = True
    starts = np.flatnonzero(slower & fed_by_loop[roads.edge_src])
    if starts.size == 0:
        return Track(lap, None, width, top_speed)
    starts = starts[np.argsort(lap.project(*roads.node_xy[roads.edge_src[starts]].T)[0])]
    pit_chain = _follow(roads, int(starts[0]), slower)
    pit_points = _points(roads, pit_chain)  # on to where it meets the loop again
    pit_speed = float(roads.edge_speed_limit[pit_chain].min())
    pit = RacingLine.of_points(pit_points, False, min(top_speed, pit_speed))
    return Track(lap, pit, width, pit_speed)


def _starting_at(line: RacingLine, x: float, y: float) -> RacingLine:
    """The same lap with its s = 0 at the point nearest (x, y): the start/finish line."""
    s, _ = line.project(np.array([x]), np.array([y]))
    shift = int(round(float(s[0]) / STEP_M)) % len(line.xy)
    return RacingLine(np.roll(line.xy, -shift, axis=0), line.s, line.length,
                      np.roll(line.speed, -shift), True)
