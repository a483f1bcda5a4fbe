"""Road paint and street lights on axis-aligned road segments.

Lines sit on tile edges: the cell east of a vertical boundary carries ``*_w``, the
cell south of a horizontal one ``*_n``. Inside intersections there is no paint;
around them, crosswalks and stop lines.
"""

from __future__ import annotations

import math

import numpy as np

from .canvas import MapCanvas
from .roads import Road, _right

SIDE_OF = {
    (0, 1): "s",
    (0, -1): "n",
    (1, 0): "e",
    (-1, 0): "w",
}  #: travel direction -> stop bar edge


def _axis(d) -> tuple[int, int] | None:
    if abs(d[0]) < 1e-9:
        return (0, 1 if d[1] > 0 else -1)
    if abs(d[1]) < 1e-9:
        return (1 if d[0] > 0 else -1, 0)
    return None


def _line_kind(road: Road, offset: int) -> str | None:
    lo, hi = road.band
    if road.freeway:
        if offset == lo:
            return "yellow"
        if offset == hi:
            return "solid"
        return "dash"
    if offset in (lo, hi):
        return None
    if offset == 0 and not road.oneway:
        return "double_yellow"
    return "dash"


def lane_lines(canvas: MapCanvas, road: Road, others: np.ndarray) -> None:
    """Paint lane boundaries of every axis-aligned segment, skipping cells in ``others``."""
    lo, hi = road.band
    for a, b, d, _ in road.segments():
        axis = _axis(d)
        if axis is None:
            continue
        n = _right(axis)
        for offset in range(lo, hi + 1):
            kind = _line_kind(road, offset)
            if kind is None:
                continue
            if axis[0] == 0:  # vertical road: boundary x = const, paint the cell east of it
                col = round(a[0] + offset * n[0])
                r0, r1 = sorted((round(a[1]), round(b[1])))
                for row in range(r0, r1):
                    if canvas.in_bounds(row, col) and not others[row, col]:
                        canvas.layers["markings"][row, col] = f"{kind}_w"
            else:
                row = round(a[1] + offset * n[1])
                c0, c1 = sorted((round(a[0]), round(b[0])))
                for col in range(c0, c1):
                    if canvas.in_bounds(row, col) and not others[row, col]:
                        canvas.layers["markings"][row, col] = f"{kind}_n"


def crossing_paint(canvas: MapCanvas, road: Road, point, crossing: np.ndarray) -> None:
    """Crosswalks and stop lines on ``road`` either side of the junction at ``point``.

    ``crossing`` marks the cells of the road(s) it meets; the crosswalk goes in the
    first row of cells outside them, the stop line just before it.
    """
    lo, hi = road.band
    for a, b, d, _ in road.segments():
        axis = _axis(d)
        if axis is None or not _on_segment(point, a, b):
            continue
        n = _right(axis)
        for side in (-1, 1):  # before and after the junction along d
            step = (axis[0] * side, axis[1] * side)
            cells = []
            for lane in range(lo, hi):
                col = math.floor(point[0] + (lane + 0.5) * n[0])
                row = math.floor(point[1] + (lane + 0.5) * n[1])
                travel_along = lane >= 0 or road.oneway
                cells.append((row, col, travel_along))
            distance = _first_clear(canvas, cells, step, crossing)
            if distance is None:
                continue
            walk = "crosswalk_v" if axis[0] == 0 else "crosswalk_h"
            for row, col, travel_along in cells:
                r, c = row + step[1] * distance, col + step[0] * distance
                canvas.layers["markings"][r, c] = walk
                towards_junction = travel_along == (side == -1)
                rs, cs = r + step[1], c + step[0]
                if towards_junction and canvas.in_bounds(rs, cs) and not crossing[rs, cs]:
                    travel = axis if travel_along else (-axis[0], -axis[1])
                    canvas.layers["markings"][rs, cs] = f"stop_{SIDE_OF[travel]}"


def _on_segment(point, a, b) -> bool:
    return (
        min(a[0], b[0]) - 1e-6 <= point[0] <= max(a[0], b[0]) + 1e-6
        and min(a[1], b[1]) - 1e-6 <= point[1] <= max(a[1], b[1]) + 1e-6
    )


def _first_clear(canvas: MapCanvas, cells, step, crossing: np.ndarray) -> int | None:
    """Cells from the junction centre to the first row clear of the crossing road."""
    for distance in range(0, 14):
        inside = [
            canvas.in_bounds(r + step[1] * distance, c + step[0] * distance)
            and crossing[r + step[1] * distance, c + step[0] * distance]
            for r, c, _ in cells
        ]
        if distance > 0 and not any(inside):
            ok = all(
                canvas.in_bounds(r + step[1] * distance, c + step[0] * distance)
                for r, c, _ in cells
            )
            return distance if ok else None
    return None


def street_lights(canvas: MapCanvas, road: Road, busy: np.ndarray, spacing: int = 8) -> None:
    """Sodium lamps along both kerbs: a 2 x 2 pool of glow quadrants round each lamp."""
    lo, hi = road.band
    for a, _, d, length in road.segments():
        axis = _axis(d)
        if axis is None:
            continue
        n = _right(axis)
        for edge in (lo, hi):
            for k in range(spacing // 2, int(length), spacing):
                vx = round(a[0] + axis[0] * k + n[0] * edge)
                vy = round(a[1] + axis[1] * k + n[1] * edge)
                quads = (
                    (vy - 1, vx - 1, "glow_nw"),
                    (vy - 1, vx, "glow_ne"),
                    (vy, vx - 1, "glow_sw"),
                    (vy, vx, "glow_se"),
                )
                if all(
                    canvas.in_bounds(r, c)
                    and not busy[r, c]
                    and canvas.layers["decor"][r, c] is None
                    for r, c, _ in quads
                ):
                    for r, c, tile in quads:
                        canvas.layers["decor"][r, c] = tile
