"""The speedway: a stock-car oval, 512 x 320 m, with a pit lane inside the front stretch.

The track is a one-way loop (counter-clockwise on screen, left turns), four lanes wide,
drawn with the Track corner set (asphalt against infield grass, kerbs between), walled
outside with SAFER barriers and grandstands. Turns 1..4 are checkpoints; the
start/finish line crosses the front stretch, the pit lane runs beside it. The whole
ground is the ``speedway`` place (a race's contract).
"""

from __future__ import annotations

import numpy as np

from .canvas import MapCanvas
from .city import arc, finish_roads, lay_roads
from .roads import Road, lane_pose

COLS, ROWS = 128, 80
WEST, EAST, SPINE = 40, 88, 40  #: turn centres (WEST, SPINE) and (EAST, SPINE)
INNER, LANES = 21, 4  #: the racing line's inner radius and lanes (outward)
FRONT = SPINE + INNER  #: row of the front stretch's inner edge
LINE_COL = 64  #: start/finish line
PIT_ROW, PIT_IN, PIT_OUT = FRONT - 4, 46, 82


def _spine_distance(rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """Distance from each point to the segment joining the two turn centres."""
    x = np.clip(cols, WEST, EAST)
    return np.hypot(cols - x, rows - SPINE)


def build(tilesets) -> MapCanvas:
    canvas = MapCanvas("speedway", COLS, ROWS, tilesets)
    canvas.properties = {"title": "Speedway", "district": "Irwindale"}
    back = SPINE - INNER
    front_half = [
        (LINE_COL, FRONT),
        (EAST, FRONT),
        *arc(EAST, SPINE, INNER, 90, -90, 9)[1:],
        (LINE_COL, back),
    ]
    back_half = [
        (LINE_COL, back),
        (WEST, back),
        *arc(WEST, SPINE, INNER, -90, -270, 9)[1:],
        (LINE_COL, FRONT),
    ]
    # the halves split at the line, so each holds half of both straights: the HUD names
    # the whole track once rather than calling the front straight the back one
    fast = {"lanes": LANES, "oneway": True, "speed_kmh": 160, "signals": False, "paint": False,
            "street": "Speedway"}
    track = [
        Road("Speedway Front Stretch", front_half, **fast),
        Road("Speedway Back Stretch", back_half, **fast),
    ]
    pit_points = [(PIT_IN, FRONT), (PIT_IN + 4, PIT_ROW), (PIT_OUT - 4, PIT_ROW), (PIT_OUT, FRONT)]
    pit = Road(
        "Pit Lane", pit_points, lanes=2, oneway=True, speed_kmh=60, signals=False, paint=False
    )
    canvas.base[:, :] = "grass"
    junctions = lay_roads(canvas, [*track, pit], {road.name: "track" for road in track})
    _stands(canvas)
    canvas.fill("ground", slice(PIT_ROW + 2, FRONT), slice(PIT_IN + 6, PIT_OUT - 5), "pit_wall")
    for col in range(PIT_IN + 6, PIT_OUT - 5):
        canvas.layers["markings"][PIT_ROW, col] = "bay_w"
    canvas.fill("markings", slice(FRONT, FRONT + LANES), slice(LINE_COL, LINE_COL + 1), "solid_w")
    finish_roads(canvas, [*track, pit], junctions)
    _objects(canvas, track[1])
    return canvas


def _stands(canvas: MapCanvas) -> None:
    """SAFER walls just outside the track, grandstands beyond the straights, lights."""
    rows, cols = np.mgrid[0:ROWS, 0:COLS] + 0.5
    distance = _spine_distance(rows, cols)
    v = canvas.vertices["track"]
    touched = v[:-1, :-1] | v[:-1, 1:] | v[1:, 1:] | v[1:, :-1]
    wall = (distance > INNER + LANES) & (distance < INNER + LANES + 2.2) & ~touched
    outside = distance >= INNER + LANES + 2.2
    canvas.explicit[wall] = "safer_wall"
    canvas.explicit[outside] = "concrete"
    stands = outside & (distance < INNER + LANES + 8) & (cols > WEST) & (cols < EAST)
    canvas.explicit[stands] = "grandstand"
    for row in range(SPINE - 8, SPINE + 9, 8):
        for col in range(WEST, EAST + 1, 8):
            canvas.layers["decor"][row, col] = "sodium_pool"


def _objects(canvas: MapCanvas, back_half: Road) -> None:
    canvas.zone("start", "start", LINE_COL - 18, FRONT, LINE_COL, FRONT + LANES, "Starting grid")
    canvas.zone(
        "finish",
        "finish",
        LINE_COL,
        FRONT - 1,
        LINE_COL + 2,
        FRONT + LANES + 1,
        "Start/finish line",
    )
    canvas.zone("pit", "pit", PIT_IN + 4, PIT_ROW - 1, PIT_OUT - 4, PIT_ROW + 2, "Pit lane")
    outer = INNER + LANES + 1
    quadrants = (
        ("turn_1", EAST, SPINE, EAST + outer, SPINE + outer),
        ("turn_2", EAST, SPINE - outer, EAST + outer, SPINE),
        ("turn_3", WEST - outer, SPINE - outer, WEST, SPINE),
        ("turn_4", WEST - outer, SPINE, WEST, SPINE + outer),
    )
    for name, c0, r0, c1, r1 in quadrants:
        canvas.zone(name, "checkpoint", c0, r0, c1, r1, name.replace("_", " ").title())
    canvas.zone("speedway", "place", 0, 0, COLS, ROWS, "the speedway")
    length = sum(seg[3] for seg in back_half.segments())
    grid = [("player_start", "player", 1.5, 1)]
    grid += [
        (f"racer_{i}", "racer", 1.5 + 3 * ((i + 1) // 2), (i + 1) % 2 + 1) for i in range(1, 6)
    ]
    for name, kind, back, lane in grid:
        col, row, heading = lane_pose(back_half, length - back - 1.5, lane)
        canvas.spawn(name, kind, col, row, heading, "stock_car")
