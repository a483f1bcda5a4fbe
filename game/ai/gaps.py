"""What is in front of each car: the nearest vehicle in its path, found through a spatial hash.

A car's *path* is the strip straight ahead of it, as wide as the car; another vehicle is
in it when its footprint (projected on the car's sideways axis) overlaps the strip. The
gap is bumper to bumper along the car's heading. All vehicles are hashed into square
cells as wide as the search reach, so each car only looks at the 3 x 3 cells around it
(:func:`game.ai.cells.cell_pairs`); the candidate pairs are filtered as arrays (no
per-car loop).
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from game.ai.cells import cell_pairs

STRIP_MARGIN_M = 0.3  #: extra width either side of a car's own path


class GapsAhead(NamedTuple):
    gap: np.ndarray  #: metres bumper to bumper to the nearest vehicle in the path; inf if none
    leader_speed: np.ndarray  #: that vehicle's velocity along the asking car's heading, m/s
    leader: np.ndarray  #: its index among all vehicles, -1 if none


class _Polylines(NamedTuple):
    """Per asking car, its path's segments worked out once (every candidate shares them)."""

    start_x: np.ndarray  #: (rows, segments) segment start, metres
    start_y: np.ndarray
    dx: np.ndarray  #: (rows, segments) segment vector, metres
    dy: np.ndarray
    seg_len: np.ndarray  #: metres (1 where the segment is missing, see ``valid``)
    valid: np.ndarray  #: (rows, segments) bool: a real segment (not NaN padding, not empty)
    along_start: np.ndarray  #: (rows, segments) metres along the path at each segment start


def _polylines(path: np.ndarray) -> _Polylines:
    """The segments of each car's path polyline (rows x P x 2, NaN-padded)."""
    a, b = path[:, :-1], path[:, 1:]  # (rows, segments, 2)
    d = b - a
    seg_len = np.hypot(d[..., 0], d[..., 1])
    valid = np.isfinite(seg_len) & (seg_len > 1e-6)
    seg_len = np.where(valid, seg_len, 1.0)
    start = np.cumsum(np.where(valid, seg_len, 0.0), axis=1)
    along_start = np.concatenate([np.zeros((path.shape[0], 1)), start[:, :-1]], axis=1)
    return _Polylines(a[..., 0], a[..., 1], d[..., 0], d[..., 1], seg_len, valid, along_start)


def _nearest_on_path(
    lines: _Polylines, q: np.ndarray, px: np.ndarray, py: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per pair (asking car ``q``, point ``px, py``): (distance to the car's path
    polyline, distance along it, its heading there)."""
    dx, dy, seg_len = lines.dx[q], lines.dy[q], lines.seg_len[q]
    rel_x, rel_y = px[:, None] - lines.start_x[q], py[:, None] - lines.start_y[q]
    t = np.clip((rel_x * dx + rel_y * dy) / seg_len**2, 0.0, 1.0)
    dist = np.hypot(rel_x - t * dx, rel_y - t * dy)
    dist = np.where(lines.valid[q], dist, np.inf)
    best = np.argmin(dist, axis=1)
    pick = np.arange(best.size)
    along = lines.along_start[q, best] + t[pick, best] * seg_len[pick, best]
    heading = np.arctan2(dy[pick, best], dx[pick, best])
    return dist[pick, best], along, heading


def gaps_ahead(
    rows: np.ndarray,
    x: np.ndarray,
    y: np.ndarray,
    heading: np.ndarray,
    forward_speed: np.ndarray,
    length: np.ndarray,
    width: np.ndarray,
    reach_m: float | np.ndarray = 40.0,
    path: np.ndarray | None = None,
) -> GapsAhead:
    """Nearest vehicle in the path of each vehicle in ``rows`` (indices into the arrays).

    ``x``..``width`` describe *all* vehicles (the world's arrays), so traffic also stops
    for the player, police and parked cars. ``reach_m`` (one value, or one per row)
    is how far ahead each car looks. ``path`` (rows x P x 2 metres, NaN-padded)
    is the polyline each car will drive, starting at the car: a car turning a corner
    then watches the lane it turns into, not the kerb straight ahead. Without it the
    path is the straight line ahead.
    """
    rows = np.asarray(rows, dtype=np.intp)
    n_rows = rows.size
    gap = np.full(n_rows, np.inf)
    leader_speed = np.zeros(n_rows)
    leader = np.full(n_rows, -1, dtype=np.intp)
    if n_rows == 0 or x.size < 2:
        return GapsAhead(gap, leader_speed, leader)
    reach = np.broadcast_to(np.asarray(reach_m, dtype=np.float64), rows.shape)
    q, c = cell_pairs(x, y, x[rows], y[rows], float(reach.max()))
    me = rows[q]
    dx, dy = x[c] - x[me], y[c] - y[me]
    # most candidates are too far (or the car itself): drop them before any trigonometry
    near = (c != me) & (dx * dx + dy * dy < (reach[q] + 6.0) ** 2)
    q, c, me, dx, dy = q[near], c[near], me[near], dx[near], dy[near]
    cos_h, sin_h = np.cos(heading[rows])[q], np.sin(heading[rows])[q]
    ahead = dx * cos_h + dy * sin_h
    forward = ahead > 0.0
    q, c, me, dx, dy = q[forward], c[forward], me[forward], dx[forward], dy[forward]
    ahead, cos_h, sin_h = ahead[forward], cos_h[forward], sin_h[forward]
    if path is None:
        off_path = np.abs(-dx * sin_h + dy * cos_h)
        along, path_heading = ahead, heading[me]
    else:
        off_path, along, path_heading = _nearest_on_path(_polylines(path), q, x[c], y[c])
    relative = heading[c] - path_heading
    abs_cos, abs_sin = np.abs(np.cos(relative)), np.abs(np.sin(relative))
    half_side = 0.5 * (length[c] * abs_sin + width[c] * abs_cos)  # their extent sideways
    half_along = 0.5 * (length[c] * abs_cos + width[c] * abs_sin)  # their extent along
    clearance = along - 0.5 * length[me] - half_along
    in_path = off_path < 0.5 * width[me] + half_side + STRIP_MARGIN_M  # (all are ahead)
    in_path &= clearance < reach[q]
    q, c, clearance, relative = q[in_path], c[in_path], clearance[in_path], relative[in_path]
    if q.size == 0:
        return GapsAhead(gap, leader_speed, leader)
    order = np.lexsort((clearance, q))
    q, c, clearance, relative = q[order], c[order], clearance[order], relative[order]
    first = np.ones(q.size, dtype=bool)
    first[1:] = q[1:] != q[:-1]
    q, c = q[first], c[first]
    gap[q] = np.maximum(clearance[first], 0.0)
    leader_speed[q] = forward_speed[c] * np.cos(relative[first])
    leader[q] = c
    return GapsAhead(gap, leader_speed, leader)


def safe_speed(
    gap: np.ndarray,
    leader_speed: np.ndarray,
    decel: float,
    reaction_s: float,
    standstill_gap_m: float,
) -> np.ndarray:
    """Highest speed from which a car can still stop behind its leader (Gipps' rule).

    The leader is assumed to brake as hard as we do, so its own speed adds stopping room.
    """
    room = np.maximum(gap - standstill_gap_m, 0.0)
    lead = np.maximum(leader_speed, 0.0)
    b_tau = decel * reaction_s
    return -b_tau + np.sqrt(b_tau * b_tau + lead * lead + 2.0 * decel * room)
