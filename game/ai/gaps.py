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

    #: (rows, 6, segments): segment start x and y, vector x and y (metres), length
    #: (metres, 1 where the segment is missing) and metres along the path at its start;
    #: one array, so each candidate pair gathers its car's segments in one go
    segments: np.ndarray
    valid: np.ndarray  #: (rows, segments) bool: a real segment (not NaN padding, not empty)


def _polylines(path: np.ndarray) -> _Polylines:
    """The segments of each car's path polyline (rows x P x 2, NaN-padded)."""
    n, points, _ = path.shape
    segments = np.empty((n, 6, points - 1))
    start_x, start_y, dx, dy, seg_len, along_start = segments.transpose(1, 0, 2)
    start_x[...] = path[:, :-1, 0]
    start_y[...] = path[:, :-1, 1]
    np.subtract(path[:, 1:, 0], start_x, out=dx)
    np.subtract(path[:, 1:, 1], start_y, out=dy)
    length = np.hypot(dx, dy)
    valid = np.isfinite(length) & (length > 1e-6)
    seg_len[...] = np.where(valid, length, 1.0)
    along_start[:, 0] = 0.0
    along_start[:, 1:] = np.cumsum(np.where(valid, seg_len, 0.0), axis=1)[:, :-1]
    return _Polylines(segments, valid)


def _nearest_on_path(
    lines: _Polylines, q: np.ndarray, px: np.ndarray, py: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per pair (asking car ``q``, point ``px, py``): (distance to the car's path
    polyline, distance along it, its heading there)."""
    start_x, start_y, dx, dy, seg_len, along_start = lines.segments[q].transpose(1, 0, 2)
    rel_x, rel_y = px[:, None] - start_x, py[:, None] - start_y
    t = ((rel_x * dx + rel_y * dy) / seg_len**2).clip(0.0, 1.0)
    dist = np.hypot(rel_x - t * dx, rel_y - t * dy)
    dist[~lines.valid[q]] = np.inf
    best = np.argmin(dist, axis=1)
    pick = np.arange(best.size)
    along = along_start[pick, best] + t[pick, best] * seg_len[pick, best]
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
    gap = np.empty(n_rows)
    gap.fill(np.inf)
    leader_speed = np.zeros(n_rows)
    leader = np.empty(n_rows, dtype=np.intp)
    leader.fill(-1)
    if n_rows == 0 or x.size < 2:
        return GapsAhead(gap, leader_speed, leader)
    reach = np.asarray(reach_m, dtype=np.float64)
    if reach.shape != rows.shape:
        reach = np.broadcast_to(reach, rows.shape)
    # the asking cars' own figures, looked up per pair from these
    own_x, own_y, own_heading = x[rows], y[rows], heading[rows]
    near_sq = (reach + 6.0) ** 2
    q, c = cell_pairs(x, y, own_x, own_y, float(reach.max()))
    dx, dy = x[c] - own_x[q], y[c] - own_y[q]
    # most candidates are too far (or the car itself): drop them before any trigonometry
    near = (c != rows[q]) & (dx * dx + dy * dy < near_sq[q])
    q, c, dx, dy = q[near], c[near], dx[near], dy[near]
    cos_h, sin_h = np.cos(own_heading)[q], np.sin(own_heading)[q]
    ahead = dx * cos_h + dy * sin_h
    forward = ahead > 0.0
    q, c, dx, dy = q[forward], c[forward], dx[forward], dy[forward]
    ahead, cos_h, sin_h = ahead[forward], cos_h[forward], sin_h[forward]
    if path is None:
        off_path = np.abs(-dx * sin_h + dy * cos_h)
        along, path_heading = ahead, own_heading[q]
    else:
        off_path, along, path_heading = _nearest_on_path(_polylines(path), q, x[c], y[c])
    relative = heading[c] - path_heading
    abs_cos, abs_sin = np.abs(np.cos(relative)), np.abs(np.sin(relative))
    their_length, their_width = length[c], width[c]
    half_side = 0.5 * (their_length * abs_sin + their_width * abs_cos)  # their extent sideways
    half_along = 0.5 * (their_length * abs_cos + their_width * abs_sin)  # their extent along
    clearance = along - (0.5 * length[rows])[q] - half_along
    in_path = off_path < (0.5 * width[rows])[q] + half_side + STRIP_MARGIN_M  # (all are ahead)
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
