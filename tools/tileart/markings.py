"""The ``markings`` tileset: road paint on transparent tiles, laid over the ground layer.

Lane lines sit on tile edges (lanes are whole tiles). A tile only ever paints its own
west (``_w``) or north (``_n``) edge, so the cell to the east of or below a boundary
carries that boundary's line and no cell needs two lines at once.
"""

from __future__ import annotations

import numpy as np

from .materials import WHITE_PAINT, YELLOW_PAINT
from .paint import TILE_PX, blank, paint, rect_mask, rng_for, rotate, segment_mask
from .sheet import TileDef, TilesetDef


def _worn(name: str, mask: np.ndarray, color) -> np.ndarray:
    """Paint with a little wear: alpha varies per pixel, as on old LA asphalt."""
    rng = rng_for(name)
    wear = 0.72 + 0.28 * rng.random(mask.shape)
    return paint(blank(), mask * wear, color)


def _west_and_north(name: str, mask_west: np.ndarray, color) -> list[TileDef]:
    """A west-edge mark and the same turned to the north edge."""
    west = _worn(name + "_w", mask_west, color)
    north = rotate(_worn(name + "_n", mask_west, color), 1)[:, ::-1]  # west edge -> north edge
    return [TileDef(name + "_w", west), TileDef(name + "_n", np.ascontiguousarray(north))]


def _arrow(quarter_turns: int) -> np.ndarray:
    mask = (
        segment_mask(16, 27, 16, 9, 3)
        + segment_mask(16, 6, 10.5, 13, 3)
        + segment_mask(16, 6, 21.5, 13, 3)
    )
    return rotate(_worn(f"arrow{quarter_turns}", np.clip(mask, 0, 1), WHITE_PAINT), quarter_turns)


def build() -> TilesetDef:
    tiles: list[TileDef] = []
    tiles += _west_and_north("dash", rect_mask(0, 6, 2, 26), WHITE_PAINT)
    tiles += _west_and_north("solid", rect_mask(0, 0, 2, TILE_PX), WHITE_PAINT)
    tiles += _west_and_north("yellow", rect_mask(0, 0, 2, TILE_PX), YELLOW_PAINT)
    double = rect_mask(0, 0, 2, TILE_PX) + rect_mask(4, 0, 6, TILE_PX)
    tiles += _west_and_north("double_yellow", double, YELLOW_PAINT)
    tiles += _west_and_north("bay", rect_mask(0, 0, 1.5, TILE_PX), (150, 152, 156))
    bars = sum(rect_mask(x, 1, x + 4, TILE_PX - 1) for x in (2, 10, 18, 26))
    tiles.append(TileDef("crosswalk_v", _worn("crosswalk_v", bars, WHITE_PAINT)))
    tiles.append(TileDef("crosswalk_h", rotate(_worn("crosswalk_h", bars, WHITE_PAINT), 1)))
    stop = rect_mask(0, 0, TILE_PX, 4)
    for turns, side in enumerate(("n", "e", "s", "w")):
        tiles.append(
            TileDef(f"stop_{side}", rotate(_worn(f"stop_{side}", stop, WHITE_PAINT), turns))
        )
    for turns, side in enumerate(("n", "e", "s", "w")):
        tiles.append(TileDef(f"arrow_{side}", _arrow(turns)))
    hatch = np.clip(sum(segment_mask(x, 32, x + 32, 0, 2.5) for x in range(-32, 33, 10)), 0, 1)
    tiles.append(TileDef("hatch_yellow", _worn("hatch_yellow", hatch, YELLOW_PAINT)))
    tiles.append(TileDef("hatch_white", _worn("hatch_white", hatch, WHITE_PAINT)))
    return TilesetDef("markings", tiles, columns=8)
