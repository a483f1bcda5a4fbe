"""Pixel helpers on 32 x 32 RGBA float arrays (values 0..255), no pygame needed.

Tiles are plain numpy arrays so textures can be composed with masks; the sheet
writer turns them into a PNG at the end.
"""

from __future__ import annotations

import zlib

import numpy as np

TILE_PX = 32  #: pixels per tile side (one 4 m map cell)

_YY, _XX = np.mgrid[0:TILE_PX, 0:TILE_PX].astype(np.float64) + 0.5
#: pixel-centre coordinates, (row, col) arrays of shape (32, 32)
Y, X = _YY, _XX

Color = tuple[float, float, float]


def rng_for(name: str) -> np.random.Generator:
    """A generator seeded by the tile's name: the same tile always gets the same noise."""
    return np.random.default_rng(zlib.crc32(name.encode()))


def blank() -> np.ndarray:
    """A fully transparent tile."""
    return np.zeros((TILE_PX, TILE_PX, 4), dtype=np.float64)


def flat(color: Color) -> np.ndarray:
    """An opaque tile of one colour."""
    tile = blank()
    tile[..., :3] = color
    tile[..., 3] = 255.0
    return tile


def textured(
    color: Color, rng: np.random.Generator, grain: float, blotch: float = 0.0
) -> np.ndarray:
    """An opaque tile with per-pixel grain and soft low-frequency blotches (worn ground)."""
    tile = flat(color)
    shade = rng.normal(0.0, grain, (TILE_PX, TILE_PX))
    if blotch:
        coarse = rng.normal(0.0, blotch, (5, 5))
        idx = (
            np.clip((Y / TILE_PX * 4).astype(int), 0, 4),
            np.clip((X / TILE_PX * 4).astype(int), 0, 4),
        )
        shade += smooth(coarse[idx], 2)
    tile[..., :3] += shade[..., None]
    return tile


def smooth(field: np.ndarray, passes: int) -> np.ndarray:
    """Cheap box blur that wraps around, so tiled textures stay seamless."""
    out = field
    for _ in range(passes):
        out = (
            out
            + np.roll(out, 1, 0)
            + np.roll(out, -1, 0)
            + np.roll(out, 1, 1)
            + np.roll(out, -1, 1)
        ) / 5
    return out


def paint(tile: np.ndarray, mask: np.ndarray, color: Color, alpha: float = 1.0) -> np.ndarray:
    """Blend ``color`` over ``tile`` where ``mask`` (0..1) says, in place; returns the tile."""
    weight = np.clip(mask, 0.0, 1.0)[..., None] * alpha
    tile[..., :3] = tile[..., :3] * (1 - weight) + np.asarray(color) * weight
    tile[..., 3:] = np.maximum(tile[..., 3:], 255.0 * weight)
    return tile


def rect_mask(x0: float, y0: float, x1: float, y1: float) -> np.ndarray:
    """1 inside the pixel rectangle [x0, x1) x [y0, y1), with anti-aliased borders."""
    mx = np.clip(np.minimum(X - x0 + 0.5, x1 - X + 0.5), 0, 1)
    my = np.clip(np.minimum(Y - y0 + 0.5, y1 - Y + 0.5), 0, 1)
    return mx * my


def disc_mask(cx: float, cy: float, radius: float, soft: float = 1.0) -> np.ndarray:
    """A filled circle with a soft rim ``soft`` pixels wide."""
    dist = np.hypot(X - cx, Y - cy)
    return np.clip((radius - dist) / soft + 0.5, 0, 1)


def glow_mask(cx: float, cy: float, radius: float, power: float = 1.6) -> np.ndarray:
    """A radial fall-off from 1 at the centre to 0 at ``radius`` (light pools, neon halos)."""
    dist = np.hypot(X - cx, Y - cy)
    return np.clip(1.0 - dist / radius, 0, 1) ** power


def segment_mask(ax: float, ay: float, bx: float, by: float, width: float) -> np.ndarray:
    """A thick anti-aliased line segment from (ax, ay) to (bx, by)."""
    dx, dy = bx - ax, by - ay
    length_sq = max(dx * dx + dy * dy, 1e-9)
    t = np.clip(((X - ax) * dx + (Y - ay) * dy) / length_sq, 0, 1)
    dist = np.hypot(X - (ax + t * dx), Y - (ay + t * dy))
    return np.clip(width / 2 - dist + 0.5, 0, 1)


def rotate(tile: np.ndarray, quarter_turns: int) -> np.ndarray:
    """The tile turned clockwise by 90 degrees ``quarter_turns`` times."""
    return np.rot90(tile, -quarter_turns, axes=(0, 1)).copy()


def finish(tile: np.ndarray) -> np.ndarray:
    """Clamp to 0..255 bytes, ready for the sheet."""
    return np.clip(np.rint(tile), 0, 255).astype(np.uint8)
