"""The ``structures`` tileset: lots, the LA river channel, freeway and overpass,
the parking-garage floor, the speedway, the coast cliffs.

Solid tiles are whole cells (physics sees the map as a grid), so walls, pillars and
barriers fill their tile; ``shadow`` tiles are the dark places under decks.
"""

from __future__ import annotations

import numpy as np

from . import materials as m
from .paint import TILE_PX, X, Y, disc_mask, paint, rect_mask, rng_for, smooth, textured
from .sheet import TileDef, TilesetDef

SHADE = 0.45  #: how much light an overpass or bridge deck takes away below it


def _dark(tile: np.ndarray, amount: float = SHADE) -> np.ndarray:
    tile[..., :3] *= 1 - amount
    return tile


def _river_wall(low: bool) -> np.ndarray:
    """West bank slope: light at the top edge, darker down towards the floor (east)."""
    rng = rng_for(f"river_wall_{low}")
    tile = textured((84, 84, 86), rng, grain=3.0, blotch=2.0)
    slope = (X + (TILE_PX if low else 0)) / (2 * TILE_PX)
    tile[..., :3] *= (1.0 - 0.45 * slope)[..., None]
    streaks = smooth((rng.random((TILE_PX, TILE_PX)) < 0.03).astype(float), 2) * 4
    paint(tile, np.clip(streaks, 0, 1) * (X > 4), (46, 44, 40), 0.5)
    if not low:
        paint(tile, rect_mask(0, 0, 3, TILE_PX), (120, 120, 124))  # the lip along the top
    return tile


def _trickle(name: str) -> np.ndarray:
    rng = rng_for(name)
    tile = m.concrete(rng, (70, 72, 74))
    wobble = 12 + 3 * np.sin(Y / 5 + rng.random() * 6)
    paint(tile, np.clip(np.minimum(X - wobble, wobble + 8 - X) / 2, 0, 1), (22, 44, 58))
    return paint(tile, np.clip(1 - abs(X - wobble - 4) / 1.2, 0, 1) * 0.5, (60, 96, 120))


def _pillar(floor: np.ndarray, band: bool) -> np.ndarray:
    paint(floor, rect_mask(9, 11, 27, 29), (0, 0, 0), 0.5)
    paint(floor, rect_mask(6, 6, 24, 24), (104, 104, 108))
    paint(floor, rect_mask(6, 6, 24, 8) + rect_mask(6, 6, 8, 24), (132, 132, 136))
    if band:
        stripes = (
            ((np.floor((X + Y) / 4) % 2) == 0)
            * rect_mask(6, 6, 24, 24)
            * (1 - rect_mask(9, 9, 21, 21))
        )
        paint(floor, stripes, (210, 170, 40))
    return floor


def _median() -> np.ndarray:
    tile = m.dirt(rng_for("median"))
    paint(tile, rect_mask(12, 0, 20, TILE_PX), (112, 112, 116))
    paint(tile, rect_mask(15, 0, 17, TILE_PX), (140, 140, 144))
    return tile


def _safer_wall() -> np.ndarray:
    tile = textured((150, 152, 160), rng_for("safer"), grain=2.0)
    paint(tile, rect_mask(0, 10, TILE_PX, 22), (40, 70, 160))
    return paint(tile, rect_mask(0, 14, TILE_PX, 18), (200, 40, 50))


def _grandstand() -> np.ndarray:
    tile = textured((50, 52, 60), rng_for("grandstand"), grain=2.0)
    paint(tile, (np.floor(Y) % 6 < 2).astype(float), (80, 84, 96))
    rng = rng_for("fans")
    fans = (rng.random((TILE_PX, TILE_PX)) < 0.12) * (np.floor(Y) % 6 >= 2)
    return paint(tile, fans.astype(float), (170, 150, 130), 0.6)


def _cliff() -> np.ndarray:
    rng = rng_for("cliff")
    tile = textured((72, 64, 56), rng, grain=8.0, blotch=9.0)
    cracks = smooth((rng.random((TILE_PX, TILE_PX)) < 0.05).astype(float), 2) * 4
    return paint(tile, np.clip(cracks, 0, 1), (40, 34, 30), 0.7)


def _scrub() -> np.ndarray:
    rng = rng_for("scrub")
    tile = m.dirt(rng)
    for _ in range(5):
        cx, cy = rng.uniform(4, 28, 2)
        paint(tile, disc_mask(cx, cy, rng.uniform(3, 6), 2), (42, 56, 38))
    return tile


def _rails() -> np.ndarray:
    tile = textured((52, 48, 44), rng_for("ballast"), grain=10.0)
    for y in range(2, TILE_PX, 8):
        paint(tile, rect_mask(4, y, 28, y + 3), (60, 44, 32))
    for x in (9, 22):
        paint(tile, rect_mask(x, 0, x + 2, TILE_PX), (120, 118, 116))
    return tile


def _deck(joint: bool) -> np.ndarray:
    tile = textured((46, 48, 54), rng_for(f"deck{joint}"), grain=3.0, blotch=2.0)
    if joint:
        paint(tile, rect_mask(0, 0, TILE_PX, 2), (120, 120, 126))
    return tile


def _ramp() -> np.ndarray:
    tile = m.concrete(rng_for("ramp"), (66, 68, 72))
    return paint(tile, (np.floor(Y) % 4 < 1).astype(float), (44, 46, 50), 0.8)


def build() -> TilesetDef:
    r = rng_for
    tiles = [
        TileDef("concrete", m.concrete(r("concrete")), surface="concrete"),
        TileDef("dirt", m.dirt(r("dirt")), surface="dirt"),
        TileDef("deep_water", m.water(r("deep_water"), deep=True), solid=True, surface="water"),
        TileDef(
            "asphalt_shadow", _dark(m.asphalt(r("asphalt_shadow"))), surface="asphalt", shadow=True
        ),
        TileDef(
            "concrete_shadow",
            _dark(m.concrete(r("concrete_shadow"))),
            surface="concrete",
            shadow=True,
        ),
        TileDef(
            "pillar_shadow",
            _dark(_pillar(m.concrete(r("pillar_shadow")), False)),
            solid=True,
            surface="concrete",
            shadow=True,
        ),
        TileDef("deck", _deck(False), surface="asphalt"),
        TileDef("deck_joint", _deck(True), surface="asphalt"),
        TileDef("median", _median(), solid=True, surface="dirt"),
        TileDef("river_floor", m.concrete(r("river_floor"), (70, 72, 74)), surface="concrete"),
        TileDef("river_trickle", _trickle("river_trickle"), surface="water"),
        TileDef(
            "river_floor_shadow",
            _dark(m.concrete(r("rfs"), (70, 72, 74))),
            surface="concrete",
            shadow=True,
        ),
        TileDef("river_trickle_shadow", _dark(_trickle("rts")), surface="water", shadow=True),
        TileDef("river_ramp", _ramp(), surface="concrete"),
    ]
    for low in (False, True):
        wall = _river_wall(low)
        suffix = "low" if low else "top"
        tiles.append(TileDef(f"river_wall_w_{suffix}", wall, solid=True, surface="concrete"))
        tiles.append(
            TileDef(
                f"river_wall_e_{suffix}",
                np.ascontiguousarray(wall[:, ::-1]),
                solid=True,
                surface="concrete",
            )
        )
    garage = m.concrete(r("garage_floor"), (58, 60, 64))
    oily = m.concrete(r("garage_oil"), (58, 60, 64))
    paint(oily, disc_mask(14, 18, 7, 4), (28, 28, 32), 0.7)
    tiles += [
        TileDef("garage_floor", garage, surface="concrete"),
        TileDef("garage_oil", oily, surface="concrete"),
        TileDef(
            "garage_pillar",
            _pillar(m.concrete(r("garage_pillar"), (58, 60, 64)), True),
            solid=True,
            surface="concrete",
        ),
        TileDef(
            "garage_wall",
            textured((96, 96, 100), r("garage_wall"), grain=3.0),
            solid=True,
            surface="concrete",
        ),
        TileDef("safer_wall", _safer_wall(), solid=True, surface="concrete"),
        TileDef("grandstand", _grandstand(), solid=True, surface="concrete"),
        TileDef(
            "pit_wall",
            textured((110, 110, 114), r("pit_wall"), grain=2.0),
            solid=True,
            surface="concrete",
        ),
        TileDef("cliff", _cliff(), solid=True, surface="dirt"),
        TileDef("scrub", _scrub(), surface="dirt"),
        TileDef("rails", _rails(), surface="dirt"),
        TileDef("ramp", _ramp(), surface="concrete"),
    ]
    return TilesetDef("structures", tiles, columns=8)
