"""The Pacific Coast Highway: 1.8 km of coast road between the ocean and the hills.

West to east: deep water (solid), the surf, the beach, the highway (two lanes each
way, gentle curves), scrub and beach houses, then the cliffs (solid). A beach lot
halfway up is the ``beach`` place, where the target gets T-boned onto the sand.
The job runs south to north, from ``start`` to ``finish``.
"""

from __future__ import annotations

import math

import numpy as np

from .blocks import building, parking_lot
from .canvas import MapCanvas
from .city import finish_roads, lay_roads, scatter_spawns
from .roads import Road, lane_pose

COLS, ROWS = 96, 448
LOT = (280, 308)  #: rows of the beach lot beside the highway


#: (row, centre column) where the highway's straights begin and end, north to south
STRAIGHTS = ((0, 54), (110, 54), (140, 47), (220, 47), (250, 55), (350, 55), (380, 50), (448, 50))


def road_centre(row: float) -> float:
    """Column of the highway's centre line: straights joined by eased bends."""
    for (r0, c0), (r1, c1) in zip(STRAIGHTS, STRAIGHTS[1:], strict=False):
        if r0 <= row <= r1:
            t = (row - r0) / (r1 - r0)
            return c0 + (c1 - c0) * (1 - math.cos(math.pi * t)) / 2
    return STRAIGHTS[-1][1]


def _polyline() -> list[tuple[float, float]]:
    """Vertices at the straights' ends and every 3 rows along the bends (south to north)."""
    rows = set()
    for (r0, c0), (r1, c1) in zip(STRAIGHTS, STRAIGHTS[1:], strict=False):
        rows.update((r0, r1))
        if c0 != c1:
            rows.update(range(r0, r1, 3))
    return [(round(road_centre(r), 2), float(r)) for r in sorted(rows, reverse=True)]


def shore(row: float) -> float:
    return 16 + 4 * math.sin(row / 41 + 0.5) + 2 * math.sin(row / 13)


def cliff(row: float) -> float:
    return road_centre(row) + 15 + 4 * math.sin(row / 29 + 2)


def build(tilesets) -> MapCanvas:
    canvas = MapCanvas("pch", COLS, ROWS, tilesets)
    canvas.properties = {"title": "Pacific Coast Highway", "district": "Malibu"}
    highway = Road("Pacific Coast Hwy", _polyline(), lanes=2, speed_kmh=80, signals=False)
    junctions = lay_roads(canvas, [highway])
    _coast(canvas)
    r0, r1 = LOT
    lot_col = int(road_centre((r0 + r1) / 2)) - 14
    parking_lot(canvas, r0, lot_col, r1, lot_col + 9)
    canvas.corner_fill(
        "road", slice(r0 + 10, r0 + 14), slice(lot_col + 9, int(road_centre(r0 + 12)) - 2)
    )
    canvas.zone("beach", "place", lot_col - 6, r0 - 4, lot_col + 9, r1 + 4, "Zuma beach lot")
    finish_roads(canvas, [highway], junctions)
    _objects(canvas, highway)
    return canvas


def _coast(canvas: MapCanvas) -> None:
    rows = np.arange(ROWS + 1)
    for row in range(ROWS):
        water_edge = shore(row)
        canvas.base[row, : int(road_centre(row)) - 4] = "sand"
        canvas.base[row, int(road_centre(row)) + 3 :] = "dirt"
        deep = int(water_edge) - 7
        canvas.explicit[row, : max(deep, 0)] = "deep_water"
        for col in range(int(cliff(row)), COLS):
            canvas.explicit[row, col] = "cliff"
        if row % 9 == 0:
            canvas.explicit[row, int(cliff(row)) - 3] = "scrub"
    cols = np.arange(COLS + 1)
    canvas.vertices["shore"] = cols[None, :] < np.array([shore(r) for r in rows])[:, None]
    for row in range(14, ROWS - 20, 34):
        # set back from the road along the building's whole length (on a bend the
        # road moves under it: measured at one row, a house could stand in a lane)
        east = int(max(road_centre(r) for r in range(row, row + 7))) + 5
        if row % 68 == 14:
            building(canvas, row, east, row + 6, east + 5, "terracotta")
        west = int(min(road_centre(r) for r in range(row + 10, row + 16))) - 10
        if not LOT[0] - 10 < row < LOT[1] + 4:
            building(canvas, row + 10, west, row + 15, west + 5, "concrete")
    for row in range(6, ROWS, 11):
        canvas.layers["decor"][row, int(road_centre(row)) + 4] = "palm"
    for row in range(30, ROWS - 20, 60):  # lifeguard towers at the top of the surf
        canvas.layers["decor"][row, int(shore(row)) + 5] = "lifeguard_tower"


def _objects(canvas: MapCanvas, highway: Road) -> None:
    south_col = road_centre(ROWS - 20)
    canvas.zone(
        "start", "start", south_col - 3, ROWS - 30, south_col + 3, ROWS - 10, "PCH southbound lot"
    )
    north_col = road_centre(16)
    canvas.zone("finish", "finish", north_col - 3, 6, north_col + 3, 26, "Point Dume")
    col, row, heading = lane_pose(highway, 14, 0)
    canvas.spawn("player_start", "player", col, row, heading, "driver")
    placed = [(col, row)]
    col, row, heading = lane_pose(highway, 60, 1)
    canvas.spawn("target", "target", col, row, heading, "sedan")
    placed.append((col, row))
    solid = canvas.solid_grid()
    scatter_spawns(canvas, [highway], solid, placed, "traffic", 24, kerb=False)
