"""The ``terrain`` tileset: ground materials and the corner terrain sets designers paint with.

Four corner sets, each "A" (color 1) against "B" (color 2):
Road (asphalt | sidewalk, with curb and gutter), Park (grass | sidewalk, with edging),
Shore (water | sand, with surf), Track (asphalt | grass, with red and white kerbs).
Tiles are named ``<set>_<tl><tr><br><bl>`` with 1 where the corner is terrain A.
"""

from __future__ import annotations

import numpy as np

from . import materials as m
from .corners import Corners, all_corner_sets, corner_tile
from .paint import X, Y, paint, rect_mask, rng_for
from .sheet import TileDef, TilesetDef, WangSetDef


def _band(distance: np.ndarray, near: float, far: float) -> np.ndarray:
    """Soft 0..1 mask of pixels whose distance lies between ``near`` and ``far``."""
    lo, hi = min(near, far), max(near, far)
    return np.clip(np.minimum(distance - lo + 0.5, hi - distance + 0.5), 0, 1)


def curb(tile: np.ndarray, distance: np.ndarray) -> np.ndarray:
    paint(tile, _band(distance, 0.0, 1.6), m.GUTTER, 0.8)
    paint(tile, _band(distance, -2.6, 0.0), m.CURB)
    return paint(tile, _band(distance, -3.6, -2.6), (48, 49, 54), 0.7)


def edging(tile: np.ndarray, distance: np.ndarray) -> np.ndarray:
    return paint(tile, _band(distance, -1.8, 0.0), (86, 86, 90))


def surf(tile: np.ndarray, distance: np.ndarray) -> np.ndarray:
    paint(tile, _band(distance, -6.0, -1.0), (66, 60, 52), 0.8)  # wet sand
    froth = 0.6 + 0.4 * np.sin(X * 0.9 + Y * 0.7)
    return paint(tile, _band(distance, -1.5, 2.5) * froth, (130, 150, 164), 0.8)


def kerb(tile: np.ndarray, distance: np.ndarray) -> np.ndarray:
    stripe = ((np.floor((X + Y) / 8) % 2) == 0).astype(float)
    band = _band(distance, -5.0, 0.0)
    paint(tile, band, (200, 200, 204))
    return paint(tile, band * stripe, (170, 34, 40))


def _corner_set(
    prefix: str, inside, outside, edge, surfaces: tuple[str, str], solid_inside: bool = False
) -> list[tuple[TileDef, Corners]]:
    """The 14 mixed tiles of one corner set (the pure tiles are shared materials)."""
    tiles = []
    for corners in all_corner_sets():
        if sum(corners) in (0, 4):
            continue
        name = f"{prefix}_{''.join(map(str, corners))}"
        rng = rng_for(name)
        image = corner_tile(corners, inside(rng), outside(rng), edge)
        surface = surfaces[0] if sum(corners) >= 2 else surfaces[1]
        tiles.append(
            (
                TileDef(name, image, surface=surface, solid=solid_inside and sum(corners) == 4),
                corners,
            )
        )
    return tiles


def _variants() -> list[TileDef]:
    """Pure tiles: the base material of each terrain plus worn variants the brush mixes in."""
    out = []
    for name, make, surface in (
        ("asphalt", m.asphalt, "asphalt"),
        ("sidewalk", m.sidewalk, "concrete"),
        ("grass", m.grass, "grass"),
        ("sand", m.sand, "sand"),
        ("water", m.water, "water"),
    ):
        out.append(TileDef(name, make(rng_for(name)), surface=surface))
    cracked = m.crack(m.asphalt(rng_for("asphalt_cracked")), rng_for("asphalt_cracked_line"))
    out.append(TileDef("asphalt_cracked", cracked, surface="asphalt", probability=0.15))
    out.append(
        TileDef(
            "asphalt_manhole",
            m.manhole(m.asphalt(rng_for("asphalt_manhole"))),
            surface="asphalt",
            probability=0.05,
        )
    )
    patch = m.asphalt(rng_for("asphalt_patched"))
    paint(patch, rect_mask(6, 3, 25, 20), (28, 29, 35), 0.9)
    out.append(TileDef("asphalt_patched", patch, surface="asphalt", probability=0.1))
    out.append(
        TileDef(
            "sidewalk_worn",
            m.crack(m.sidewalk(rng_for("sidewalk_worn")), rng_for("sw")),
            surface="concrete",
            probability=0.2,
        )
    )
    out.append(
        TileDef(
            "grass_dark",
            m.grass(rng_for("grass_dark")) * [0.8, 0.8, 0.8, 1],
            surface="grass",
            probability=0.3,
        )
    )
    return out


#: (wangset name, tile prefix, color A, color B, inside, outside, edge style, surfaces A/B)
CORNER_SETS = (
    (
        "Road",
        "road",
        ("asphalt", "#404652"),
        ("sidewalk", "#9a9ca4"),
        m.asphalt,
        m.sidewalk,
        curb,
        ("asphalt", "concrete"),
    ),
    (
        "Park",
        "park",
        ("grass", "#2e6a3c"),
        ("sidewalk", "#9a9ca4"),
        m.grass,
        m.sidewalk,
        edging,
        ("grass", "concrete"),
    ),
    (
        "Shore",
        "shore",
        ("water", "#1c3c6a"),
        ("sand", "#c8b48c"),
        m.water,
        m.sand,
        surf,
        ("water", "sand"),
    ),
    (
        "Track",
        "track",
        ("asphalt", "#404652"),
        ("grass", "#2e6a3c"),
        m.asphalt,
        m.grass,
        kerb,
        ("asphalt", "grass"),
    ),
)

#: the pure tile (and its variants) standing for each color name
PURE = {
    "asphalt": ("asphalt", "asphalt_cracked", "asphalt_manhole", "asphalt_patched"),
    "sidewalk": ("sidewalk", "sidewalk_worn"),
    "grass": ("grass", "grass_dark"),
    "sand": ("sand",),
    "water": ("water",),
}


def build() -> TilesetDef:
    tiles = _variants()
    wangsets = []
    for set_name, prefix, color_a, color_b, inside, outside, edge, surfaces in CORNER_SETS:
        wangset = WangSetDef(set_name, [color_a, color_b])
        for name in PURE[color_a[0]]:
            wangset.tiles.append((name, (1, 1, 1, 1)))
        for name in PURE[color_b[0]]:
            wangset.tiles.append((name, (2, 2, 2, 2)))
        for tile, corners in _corner_set(prefix, inside, outside, edge, surfaces):
            tiles.append(tile)
            wangset.tiles.append((tile.name, tuple(1 if c else 2 for c in corners)))
        wangsets.append(wangset)
    return TilesetDef("terrain", tiles, wangsets)
