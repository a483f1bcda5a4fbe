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
#: candidates are vehicles whose centre is within a car's reach plus this (metres): room
#: for their half length beyond the reach, measured bumper to bumper
CANDIDATE_MARGIN_M = 6.0
#: metres of slack on the box round a path (:func:`_path_boxes`): far more than the
#: rounding of the exact distance, so the box never drops a vehicle that test would keep
BOX_SLACK_M = 0.01


class GapsAhead(NamedTuple):
    gap: np.ndarray  #: metres bumper to bumper to the nearest vehicle in the path; inf if none
    leader_speed: np.ndarray  #: that vehicle's velocity along the asking car's heading, m/s
    leader: np.ndarray  #: its index among all vehicles, -1 if none


class _Polylines(NamedTuple):
    """Per asking car, its path's segments worked out once (every candidate shares them).

    Laid out with the cars last: the figures of one segment of every pair are then one
    contiguous row, so each step of the distance below is one pass over whole rows,
    not one short pass per pair (numpy's cost per pass, not the arithmetic, is what a
    pair of a few segments spends)."""

    #: (6, segments, rows): segment start x and y, vector x and y (metres), length
    #: (metres, 1 where the segment is missing) and metres along the path at its start;
    #: one array, so the candidate pairs gather their cars' segments in one go
    segments: np.ndarray
    valid: np.ndarray  #: (segments, rows) bool: a real segment (not NaN padding, not empty)


def _polylines(points: np.ndarray) -> _Polylines:
    """The segments of each car's path polyline from its ``points`` (2, P, rows): x then
    y in metres, NaN-padded."""
    _, n_points, n = points.shape
    segments = np.empty((6, n_points - 1, n))
    start_x, start_y, dx, dy, seg_len, along_start = segments
    start_x[...] = points[0, :-1]
    start_y[...] = points[1, :-1]
    np.subtract(points[0, 1:], start_x, out=dx)
    np.subtract(points[1, 1:], start_y, out=dy)
    length = np.hypot(dx, dy)
    valid = np.isfinite(length) & (length > 1e-6)
    seg_len[...] = np.where(valid, length, 1.0)
    along_start[0] = 0.0
    along_start[1:] = np.cumsum(np.where(valid, seg_len, 0.0), axis=0)[:-1]
    return _Polylines(segments, valid)


def _path_boxes(
    points: np.ndarray, own_x: np.ndarray, own_y: np.ndarray, widest_m: np.ndarray
) -> np.ndarray:
    """(4, rows): per car, the box round its path's ``points`` (2, P, rows; metres,
    NaN-padded) grown by ``widest_m`` (metres, per car) and the slack, relative to the
    car: lowest and highest x offset, then y.

    The polyline lies inside the box round its points, so a vehicle whose centre is
    outside the grown box is farther than ``widest_m`` from the path, and never in it:
    dropping it before the exact distance (:func:`_nearest_on_path`, every segment of
    the path per pair) changes no result, and about half the candidates ahead of a car
    are beside its road, not on it."""
    grow = widest_m + BOX_SLACK_M
    box = np.empty((2, 2, own_x.size))  # (x or y, low or high, rows)
    np.fmin.reduce(points, axis=1, out=box[:, 0])  # fmin and fmax skip the NaN padding
    np.fmax.reduce(points, axis=1, out=box[:, 1])
    box[:, 0] -= grow
    box[:, 1] += grow
    box[0] -= own_x
    box[1] -= own_y
    return box.reshape(4, own_x.size)


def _nearest_on_path(
    lines: _Polylines, q: np.ndarray, px: np.ndarray, py: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per pair (asking car ``q``, point ``px, py``): (distance to the car's path
    polyline, distance along it, its heading there)."""
    start_x, start_y, dx, dy, seg_len, along_start = lines.segments.take(q, axis=2)
    rel_x, rel_y = px - start_x, py - start_y  # (segments, pairs)
    t = rel_x * dx
    t += rel_y * dy
    t /= seg_len * seg_len
    np.clip(t, 0.0, 1.0, out=t)
    # squared distances pick the same nearest segment; the root is taken of the best only
    # (np.hypot on every segment of every pair was the dearest line of the search)
    off_x = rel_x - t * dx
    off_y = rel_y - t * dy
    dist_sq = off_x * off_x
    dist_sq += off_y * off_y
    dist_sq[~lines.valid.take(q, axis=1)] = np.inf
    best = np.argmin(dist_sq, axis=0)  # the first of equals, as along each path
    pick = np.arange(best.size)
    along = along_start[best, pick] + t[best, pick] * seg_len[best, pick]
    heading = np.arctan2(dy[best, pick], dx[best, pick])
    return np.sqrt(dist_sq[best, pick]), along, heading


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
    near_m = reach + CANDIDATE_MARGIN_M
    near_sq = near_m**2
    # cells as wide as the longest reach; of the 3 x 3 round a car, only those its own
    # reach touches are read (the rest hold no candidate the distance test would keep)
    q, c = cell_pairs(x, y, own_x, own_y, float(reach.max()), within_m=near_m)
    dx, dy = x[c] - own_x[q], y[c] - own_y[q]
    # most candidates are too far (or the car itself): drop them before any trigonometry
    near = np.flatnonzero((c != rows[q]) & (dx * dx + dy * dy < near_sq[q]))
    q, c, dx, dy = q.take(near), c.take(near), dx.take(near), dy.take(near)
    cos_h, sin_h = np.cos(own_heading)[q], np.sin(own_heading)[q]
    ahead = dx * cos_h + dy * sin_h
    forward = ahead > 0.0
    if path is None:
        q, c, dx, dy = q[forward], c[forward], dx[forward], dy[forward]
        ahead, cos_h, sin_h = ahead[forward], cos_h[forward], sin_h[forward]
        off_path = np.abs(-dx * sin_h + dy * cos_h)
        along, path_heading = ahead, own_heading[q]
    else:
        # the widest strip a pair is tested against below (|sin|, |cos| <= 1 there)
        points = np.ascontiguousarray(path.transpose(2, 1, 0))  # (x and y, P, rows)
        widest = 0.5 * width[rows] + (0.5 * float((length + width).max()) + STRIP_MARGIN_M)
        low_x, high_x, low_y, high_y = _path_boxes(points, own_x, own_y, widest).take(q, axis=1)
        forward &= (dx >= low_x) & (dx <= high_x) & (dy >= low_y) & (dy <= high_y)
        q, c = q[forward], c[forward]
        off_path, along, path_heading = _nearest_on_path(_polylines(points), q, x[c], y[c])
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
