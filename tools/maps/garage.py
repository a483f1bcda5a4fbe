"""The audition: one floor of a parking garage, 256 x 160 m, walled, with rows of pillars.

The course runs west to east: ``start``, a slalom round four pillars (checkpoints
``slalom_1``..``slalom_4`` alternate north and south of them), the ``spin_box``
(hatched, for the 180s and the 360), the ``brake_line`` and the ``finish`` bays. The
whole floor is the ``garage`` place (the audition's contract), and a few cars stand
nose-in in the bays along the walls (``parked`` spawns: a touch is a scratch).
"""

from __future__ import annotations

from .canvas import MapCanvas

COLS, ROWS = 64, 40
LANE_ROW = 20  #: the slalom pillars stand on this row
SLALOM_COLS = (16, 24, 32, 40)
SPIN_BOX = (6, 46, 15, 55)  #: rows and columns (row0, col0, row1, col1)
BRAKE_COL = 57
#: parked cars in the wall bays, (col, row, heading in degrees): nose to the wall
PARKED = ((12, 2.5, 270.0), (22, 2.5, 270.0), (34, 2.5, 270.0),
          (18, 37.5, 90.0), (30, 37.5, 90.0), (42, 37.5, 90.0))


def build(tilesets) -> MapCanvas:
    canvas = MapCanvas("garage", COLS, ROWS, tilesets)
    canvas.properties = {"title": "The Garage", "district": "Downtown"}
    canvas.base[:, :] = "garage_floor"
    canvas.fill("ground", slice(0, ROWS), slice(0, COLS), "garage_floor")
    for row, col in ((5, 12), (31, 20), (12, 36), (28, 44), (9, 28)):
        canvas.explicit[row, col] = "garage_oil"
    for edge in (slice(0, 1), slice(ROWS - 1, ROWS)):
        canvas.fill("ground", edge, slice(0, COLS), "garage_wall")
    for edge in (slice(0, 1), slice(COLS - 1, COLS)):
        canvas.fill("ground", slice(0, ROWS), edge, "garage_wall")
    _pillars(canvas)
    _paint(canvas)
    _zones(canvas)
    return canvas


def _pillars(canvas: MapCanvas) -> None:
    """Structural pillars on a 8 x 8 grid along the walls, and the slalom line."""
    r0, c0, r1, c1 = SPIN_BOX
    for row in (6, 33):
        for col in range(8, COLS - 4, 8):
            if not (r0 - 1 <= row <= r1 and c0 - 1 <= col <= c1):
                canvas.explicit[row, col] = "garage_pillar"
    for col in SLALOM_COLS:
        canvas.explicit[LANE_ROW, col] = "garage_pillar"
    for row in range(4, ROWS - 3, 6):
        for col in range(4, COLS - 3, 12):
            canvas.layers["decor"][row, col] = "sodium_pool"


def _paint(canvas: MapCanvas) -> None:
    for col in range(2, COLS - 2):
        canvas.layers["markings"][1, col] = "bay_w"
        canvas.layers["markings"][2, col] = "bay_w"
        canvas.layers["markings"][ROWS - 2, col] = "bay_w"
        canvas.layers["markings"][ROWS - 3, col] = "bay_w"
    r0, c0, r1, c1 = SPIN_BOX
    canvas.fill("markings", slice(r0, r1), slice(c0, c1), "hatch_yellow")
    canvas.fill("markings", slice(14, 27), slice(BRAKE_COL, BRAKE_COL + 1), "solid_w")
    for col in range(4, 14, 3):
        canvas.layers["markings"][LANE_ROW, col] = "arrow_e"
    for row in range(29, 36):
        canvas.layers["markings"][row, 59] = "bay_n"


def _zones(canvas: MapCanvas) -> None:
    canvas.zone("start", "start", 1, LANE_ROW - 3, 6, LANE_ROW + 4, "Start")
    for i, col in enumerate(SLALOM_COLS, start=1):
        north = i % 2 == 1
        row0 = LANE_ROW - 5 if north else LANE_ROW + 1
        canvas.zone(f"slalom_{i}", "checkpoint", col - 1, row0, col + 2, row0 + 4, f"Slalom {i}")
    r0, c0, r1, c1 = SPIN_BOX
    canvas.zone("spin_box", "checkpoint", c0, r0, c1, r1, "Spin box")
    canvas.zone("brake_line", "checkpoint", BRAKE_COL, 14, BRAKE_COL + 1, 27, "Brake line")
    canvas.zone("finish", "finish", 58, 29, 63, 36, "Finish bay")
    canvas.spawn("player_start", "player", 3.0, LANE_ROW + 0.5, 0.0, "driver")
    canvas.zone("garage", "place", 1, 1, COLS - 1, ROWS - 1, "the garage")
    for i, (col, row, heading) in enumerate(PARKED, start=1):
        canvas.spawn(f"parked_{i}", "parked", col + 0.5, row, heading, "sedan")
