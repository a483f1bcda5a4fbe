"""Roadblocks: where the Driver is going, and how police cars park across that road.

:func:`roadblock_site` predicts his way as a driver keeping on would take it (the lane he
is on, then the way that turns least at every node: :meth:`EdgeGeometry.straight_on`) and
walks it ``ahead_m`` metres beyond him. :func:`blocking_positions` finds how wide the road
is there (every lane parallel to his, either direction, within a road's width) and parks
cars across it, nose to tail, each turned across the road; with ``gap`` one slot is left
open, wide enough for a car that dares.
"""

from __future__ import annotations

import numpy as np

from game.ai.lanes import EdgeGeometry, wrap_angle
from game.sim.terrain import Terrain

ROAD_HALF_WIDTH_M = 9.0  #: lanes this far to either side of his belong to the same road
SLOT_M = 5.2  #: across the road, one parked police car per this much (its length)
MARGIN_M = 1.0  #: beyond the outermost lane centres, the block reaches this far


def roadblock_site(geometry: EdgeGeometry, x: float, y: float, heading: float,
                   ahead_m: float) -> tuple[float, float, float] | None:
    """(x, y, road heading) ``ahead_m`` along his predicted way from (x, y), or None when
    he is on no road."""
    edge, fraction = geometry.nearest_aligned_edge(x, y, heading)
    if edge.size == 0 or edge[0] < 0:
        return None
    gx, gy, gh = geometry.walk(int(edge[0]), float(fraction[0]), ahead_m,
                               geometry.straight_on())
    return float(gx), float(gy), float(gh)


def blocking_positions(geometry: EdgeGeometry, terrain: Terrain, x: float, y: float,
                       heading: float, gap: bool) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Car centres (x, y) and headings for a block across the road at (x, y): every lane
    of the road there covered, cars turned across it; ``gap`` leaves one slot open."""
    fx, fy = np.cos(heading), np.sin(heading)
    sx, sy = -fy, fx  # sideways across the road
    # lanes of this road: parallel (either way) edges passing within a road's width
    a = geometry.start
    length = geometry.length
    rel_x, rel_y = x - a[:, 0], y - a[:, 1]
    along = rel_x * geometry.direction[:, 0] + rel_y * geometry.direction[:, 1]
    on_edge = (along >= -2.0) & (along <= length + 2.0)
    parallel = np.abs(np.cos(wrap_angle(geometry.heading - heading))) > 0.9
    side = -(rel_x * sx + rel_y * sy)  # the lane's offset across the road from (x, y)
    near = on_edge & parallel & (np.abs(side) <= ROAD_HALF_WIDTH_M)
    if not near.any():
        return np.zeros(0), np.zeros(0), np.zeros(0)
    low, high = float(side[near].min()) - MARGIN_M, float(side[near].max()) + MARGIN_M
    slots = max(2, int(np.ceil((high - low) / SLOT_M)))
    offsets = 0.5 * (low + high) + (np.arange(slots) - 0.5 * (slots - 1)) * SLOT_M
    if gap and slots >= 3:
        offsets = np.delete(offsets, slots // 2)
    px, py = x + offsets * sx, y + offsets * sy
    keep = ~terrain.is_solid(px, py)
    across = np.full(keep.sum(), heading + np.pi / 2)
    return px[keep], py[keep], across
