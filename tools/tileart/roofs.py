"""The ``roofs`` tileset: building roofs seen from above, all solid.

Each roof style is a nine-slice (corners, edges, centre) so a building of any size
from 2 x 2 tiles gets a parapet all round. Rooftop clutter (AC units, skylights,
neon) lives in the ``decor`` tileset and is laid over the roof.
"""

from __future__ import annotations

import numpy as np

from .paint import TILE_PX, Color, X, Y, paint, rect_mask, rng_for, smooth, textured
from .sheet import TileDef, TilesetDef

#: style -> (base colour, parapet colour)
STYLES: dict[str, tuple[Color, Color]] = {
    "tar": ((38, 37, 42), (70, 68, 74)),
    "gravel": ((66, 62, 57), (92, 88, 84)),
    "concrete": ((74, 76, 82), (104, 106, 112)),
    "metal": ((52, 60, 68), (84, 92, 100)),
    "terracotta": ((84, 46, 40), (112, 96, 86)),
}
#: nine-slice positions and which of their sides (n, e, s, w) face outside
SLICES = {
    "nw": "nw",
    "n": "n",
    "ne": "ne",
    "w": "w",
    "c": "",
    "e": "e",
    "sw": "sw",
    "s": "s",
    "se": "se",
}


def _surface(style: str, rng: np.random.Generator) -> np.ndarray:
    base, _ = STYLES[style]
    if style == "gravel":
        tile = textured(base, rng, grain=9.0, blotch=2.0)
    elif style == "metal":
        tile = textured(base, rng, grain=2.0, blotch=2.0)
        paint(tile, (np.floor(Y) % 4 < 1.5).astype(float), (40, 46, 54), 0.7)
    elif style == "terracotta":
        tile = textured(base, rng, grain=3.0)
        rows = 0.5 + 0.5 * np.cos((X % 8) / 8 * 2 * np.pi)
        paint(tile, rows * 0.5, (60, 32, 28))
        paint(tile, (np.floor(Y) % 6 < 1).astype(float), (52, 28, 26), 0.8)
    elif style == "concrete":
        tile = textured(base, rng, grain=3.0, blotch=3.0)
        paint(tile, ((np.floor(X) % 16 == 0) | (np.floor(Y) % 16 == 0)).astype(float), (58, 60, 66))
    else:
        tile = textured(base, rng, grain=3.0, blotch=5.0)
        patches = smooth((rng.random((TILE_PX, TILE_PX)) < 0.01).astype(float), 4) * 12
        paint(tile, patches, (28, 27, 31), 0.8)
    return tile


def _parapet(tile: np.ndarray, sides: str, color: Color) -> np.ndarray:
    rim = {
        "n": rect_mask(0, 0, 32, 3),
        "s": rect_mask(0, 29, 32, 32),
        "w": rect_mask(0, 0, 3, 32),
        "e": rect_mask(29, 0, 32, 32),
    }
    inner = {
        "n": rect_mask(0, 3, 32, 6),
        "s": rect_mask(0, 26, 32, 29),
        "w": rect_mask(3, 0, 6, 32),
        "e": rect_mask(26, 0, 29, 32),
    }
    for side in sides:
        paint(tile, inner[side], (0, 0, 0), 0.35)
    for side in sides:
        paint(tile, rim[side], color)
    return tile


def build() -> TilesetDef:
    tiles = []
    for style, (_, rim) in STYLES.items():
        for pos, sides in SLICES.items():
            name = f"roof_{style}_{pos}"
            image = _parapet(_surface(style, rng_for(name)), sides, rim)
            tiles.append(TileDef(name, image, solid=True, surface="concrete"))
    return TilesetDef("roofs", tiles, columns=9)
