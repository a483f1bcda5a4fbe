"""Plane geometry the road graph is built from: lane offsets, resampling, point clusters.

All coordinates are metres, x east, y south. "Right" of a direction (dx, dy) is
(-dy, dx): facing east, the right hand points south, as on screen.
"""

from __future__ import annotations

import numpy as np


def right_normals(points: np.ndarray, closed: bool = False) -> np.ndarray:
    """Unit normals pointing right of travel at each vertex, mitred at corners.

    A vertex's normal is the average of its two segments' normals, stretched by
    1 / cos(half the turn) so offset lines keep their distance from the centreline
    (capped at 3x, so a hairpin does not shoot a lane far away).
    """
    segments = np.diff(points, axis=0, append=points[:1]) if closed else np.diff(points, axis=0)
    lengths = np.maximum(np.hypot(segments[:, 0], segments[:, 1]), 1e-9)
    seg_normals = np.stack([-segments[:, 1], segments[:, 0]], axis=1) / lengths[:, None]
    if closed:
        before = np.roll(seg_normals, 1, axis=0)
        after = seg_normals
    else:
        before = np.vstack([seg_normals[:1], seg_normals])
        after = np.vstack([seg_normals, seg_normals[-1:]])
    mean = before + after
    norm = np.maximum(np.hypot(mean[:, 0], mean[:, 1]), 1e-9)
    unit = mean / norm[:, None]
    cos_half = np.clip((unit * after).sum(axis=1), 1.0 / 3.0, 1.0)
    return unit / cos_half[:, None]


def polyline_length(points: np.ndarray) -> float:
    d = np.diff(points, axis=0)
    return float(np.hypot(d[:, 0], d[:, 1]).sum())


def trim_polyline(points: np.ndarray, start_cut: float, end_cut: float) -> np.ndarray:
    """Cut ``start_cut`` metres off the start and ``end_cut`` off the end, along the line."""
    d = np.diff(points, axis=0)
    cumulative = np.concatenate([[0.0], np.cumsum(np.hypot(d[:, 0], d[:, 1]))])
    total = cumulative[-1]
    stops = np.array([start_cut, total - end_cut])
    if stops[1] - stops[0] < 1e-6:  # nothing left: keep a sliver around the middle
        stops = np.array([total * 0.45, total * 0.55])
    ends = np.stack(
        [np.interp(stops, cumulative, points[:, 0]), np.interp(stops, cumulative, points[:, 1])],
        axis=1,
    )
    inner = (cumulative > stops[0]) & (cumulative < stops[1])
    return np.vstack([ends[:1], points[inner], ends[1:]])


def resample_polyline(points: np.ndarray, max_step: float) -> np.ndarray:
    """Insert vertices so no segment is longer than ``max_step`` metres (vertices kept)."""
    d = np.diff(points, axis=0)
    parts = np.maximum(np.ceil(np.hypot(d[:, 0], d[:, 1]) / max_step).astype(int), 1)
    seg = np.repeat(np.arange(len(d)), parts)
    first = np.repeat(np.cumsum(parts) - parts, parts)
    t = (np.arange(parts.sum()) - first) / np.repeat(parts, parts)
    inner = points[seg] + d[seg] * t[:, None]
    return np.vstack([inner, points[-1:]])


def turn_curves(
    start: np.ndarray,
    end: np.ndarray,
    heading_in: np.ndarray,
    heading_out: np.ndarray,
    max_step: float,
    straight_rad: float,
    turn_segments: int,
) -> tuple[np.ndarray, np.ndarray]:
    """Curves joining C lane ends (start, heading_in) to lane starts (end, heading_out).

    Each is a quadratic Bezier whose control point is where the two lane lines meet (the
    midpoint when they do not meet ahead, or when the way is straight on). Returns the
    number of segments per curve (C,) and the inner points of all curves, curve after
    curve (sum(segments - 1), 2).
    """
    unit_in = heading_in / np.maximum(np.hypot(*heading_in.T), 1e-9)[:, None]
    unit_out = heading_out / np.maximum(np.hypot(*heading_out.T), 1e-9)[:, None]
    straight = (unit_in * unit_out).sum(axis=1) > np.cos(straight_rad)
    cross = unit_in[:, 0] * unit_out[:, 1] - unit_in[:, 1] * unit_out[:, 0]
    delta = end - start
    with np.errstate(divide="ignore", invalid="ignore"):
        along = (delta[:, 0] * unit_out[:, 1] - delta[:, 1] * unit_out[:, 0]) / cross
        control = start + along[:, None] * unit_in
        ahead = (along > 0) & (((end - control) * unit_out).sum(axis=1) > 0)
    use_control = ~straight & (np.abs(cross) > 1e-6) & ahead
    control = np.where(use_control[:, None], control, (start + end) / 2)
    distance = np.hypot(*delta.T)
    segments = np.maximum(
        np.ceil(distance / max_step).astype(int), np.where(straight, 1, turn_segments)
    )
    while True:  # a curve is longer than its chord: add segments until every step fits
        points, owner = _bezier_points(start, control, end, segments)
        longest = np.zeros(len(start))
        np.maximum.at(longest, owner[:-1][owner[:-1] == owner[1:]], _steps(points, owner))
        too_long = longest > max_step
        if not too_long.any():
            break
        segments = segments + too_long
    inner = np.ones(len(points), dtype=bool)
    firsts = np.cumsum(segments + 1) - (segments + 1)
    inner[firsts] = False
    inner[firsts + segments] = False
    return segments, points[inner]


def _bezier_points(start, control, end, segments) -> tuple[np.ndarray, np.ndarray]:
    """All points (ends included) of quadratic curves cut into ``segments`` equal-t parts."""
    owner = np.repeat(np.arange(len(start)), segments + 1)
    first = np.repeat(np.cumsum(segments + 1) - (segments + 1), segments + 1)
    t = ((np.arange(len(owner)) - first) / segments[owner])[:, None]
    points = (1 - t) ** 2 * start[owner] + 2 * (1 - t) * t * control[owner] + t**2 * end[owner]
    return points, owner


def _steps(points: np.ndarray, owner: np.ndarray) -> np.ndarray:
    """Lengths between consecutive points of the same curve."""
    same = owner[:-1] == owner[1:]
    d = np.diff(points, axis=0)[same]
    return np.hypot(d[:, 0], d[:, 1])


def cluster_points(points: np.ndarray, radius: float) -> np.ndarray:
    """Label points so any two within ``radius`` share a label (single linkage), 0..C-1.

    Points are bucketed into radius-sized cells; only neighbouring cells are compared.
    """
    n = len(points)
    parent = np.arange(n)

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    cells = np.floor(points / radius).astype(np.int64)
    buckets: dict[tuple[int, int], list[int]] = {}
    for i, (cx, cy) in enumerate(cells.tolist()):
        buckets.setdefault((cx, cy), []).append(i)
    for (cx, cy), members in buckets.items():
        near = [
            j for dx in (-1, 0, 1) for dy in (-1, 0, 1) for j in buckets.get((cx + dx, cy + dy), ())
        ]
        near_xy = points[near]
        for i in members:
            dist = np.hypot(*(near_xy - points[i]).T)
            for j in np.asarray(near)[dist <= radius]:
                root_i, root_j = find(i), find(int(j))
                if root_i != root_j:
                    parent[root_j] = root_i
    roots = np.array([find(i) for i in range(n)], dtype=np.int64)
    _, labels = np.unique(roots, return_inverse=True)
    return labels
