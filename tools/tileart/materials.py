"""Ground materials: full-tile textures in a dark, desaturated night palette.

Each function takes the tile's random generator and returns an opaque tile; tiles
that share a material but differ in detail (a manhole, a crack) add to the base.
"""

from __future__ import annotations

import numpy as np

from .paint import TILE_PX, Color, X, Y, disc_mask, paint, rect_mask, smooth, textured

ASPHALT: Color = (34, 36, 44)
SIDEWALK: Color = (54, 55, 62)
GRASS: Color = (28, 46, 34)
SAND: Color = (92, 84, 70)
WATER: Color = (14, 26, 46)
DEEP_WATER: Color = (8, 16, 32)
CONCRETE: Color = (60, 62, 66)
DIRT: Color = (58, 49, 40)
CURB: Color = (96, 97, 102)
GUTTER: Color = (22, 23, 28)
SODIUM: Color = (255, 170, 70)
NEON_PINK: Color = (255, 60, 170)
NEON_CYAN: Color = (60, 230, 255)
WHITE_PAINT: Color = (196, 198, 200)
YELLOW_PAINT: Color = (214, 170, 52)


def asphalt(rng: np.random.Generator) -> np.ndarray:
    tile = textured(ASPHALT, rng, grain=4.0, blotch=3.0)
    stones = rng.random((TILE_PX, TILE_PX)) < 0.03
    return paint(tile, stones.astype(float), (58, 60, 68), 0.7)


def sidewalk(rng: np.random.Generator) -> np.ndarray:
    tile = textured(SIDEWALK, rng, grain=3.0, blotch=2.5)
    joints = rect_mask(0, 0, 1, TILE_PX) + rect_mask(0, 0, TILE_PX, 1)
    joints += rect_mask(16, 0, 17, TILE_PX) + rect_mask(0, 16, TILE_PX, 17)
    return paint(tile, joints, (40, 41, 47), 0.8)


def grass(rng: np.random.Generator) -> np.ndarray:
    tile = textured(GRASS, rng, grain=6.0, blotch=5.0)
    tufts = smooth((rng.random((TILE_PX, TILE_PX)) < 0.08).astype(float), 1) * 3
    return paint(tile, tufts, (18, 34, 24), 0.8)


def sand(rng: np.random.Generator) -> np.ndarray:
    tile = textured(SAND, rng, grain=4.0, blotch=3.0)
    ripples = 0.5 + 0.5 * np.sin((Y + 3 * np.sin(X / 6 + rng.random() * 6)) / 2.6)
    return paint(tile, ripples * 0.25, (70, 64, 54))


def water(rng: np.random.Generator, deep: bool = False) -> np.ndarray:
    tile = textured(DEEP_WATER if deep else WATER, rng, grain=2.0, blotch=3.0)
    phase = rng.random() * 6.28
    crest = np.sin(X / 5.1 + np.sin(Y / 7 + phase) * 1.8 + phase) * np.sin(Y / 3.2 + phase)
    glints = np.clip((crest - 0.82) * 5, 0, 1)
    return paint(tile, glints, (46, 76, 110), 0.8)


def concrete(rng: np.random.Generator, color: Color = CONCRETE) -> np.ndarray:
    tile = textured(color, rng, grain=3.0, blotch=4.0)
    stains = smooth((rng.random((TILE_PX, TILE_PX)) < 0.02).astype(float), 3) * 6
    return paint(tile, stains, (40, 40, 44), 0.6)


def dirt(rng: np.random.Generator) -> np.ndarray:
    tile = textured(DIRT, rng, grain=7.0, blotch=6.0)
    pebbles = rng.random((TILE_PX, TILE_PX)) < 0.04
    return paint(tile, pebbles.astype(float), (84, 74, 62), 0.7)


def crack(tile: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """A meandering dark crack across the tile (worn asphalt)."""
    x = rng.uniform(4, 28)
    mask = np.zeros((TILE_PX, TILE_PX))
    for row in range(TILE_PX):
        x = float(np.clip(x + rng.normal(0, 0.9), 1, TILE_PX - 2))
        mask[row, int(x)] = 1.0
    return paint(tile, mask, (16, 17, 21), 0.9)


def manhole(tile: np.ndarray) -> np.ndarray:
    """A round steel cover, as in every downtown lane."""
    paint(tile, disc_mask(16, 16, 7), (46, 46, 50))
    paint(tile, disc_mask(16, 16, 7) - disc_mask(16, 16, 6), (20, 20, 24))
    grid = ((np.floor(X) % 3 == 0) | (np.floor(Y) % 3 == 0)) * disc_mask(16, 16, 5)
    return paint(tile, grid, (30, 30, 34), 0.8)
