"""The ``decor`` tileset: transparent overlays (rooftop clutter, trees, lights, rails, crowds).

Nothing here is solid: decor is what the eye reads, the layers below say what a
car feels. Light pools come in 2 x 2 quadrants centred on the shared corner, where
the lamp stands.
"""

from __future__ import annotations

import numpy as np

from .materials import NEON_CYAN, NEON_PINK, SODIUM
from .paint import blank, disc_mask, glow_mask, paint, rect_mask, rng_for, rotate, segment_mask
from .sheet import TileDef, TilesetDef


def _ac_unit() -> np.ndarray:
    tile = paint(blank(), rect_mask(5, 7, 28, 27), (0, 0, 0), 0.4)
    paint(tile, rect_mask(4, 5, 26, 25), (112, 116, 122))
    paint(tile, disc_mask(15, 15, 7), (48, 50, 56))
    for angle in np.linspace(0, np.pi, 4, endpoint=False):
        dx, dy = 6 * np.cos(angle), 6 * np.sin(angle)
        paint(tile, segment_mask(15 - dx, 15 - dy, 15 + dx, 15 + dy, 1.2), (90, 94, 100))
    return tile


def _skylight(lit: bool) -> np.ndarray:
    tile = paint(blank(), rect_mask(6, 6, 27, 27), (90, 92, 96))
    inner = rect_mask(8, 8, 25, 25)
    if lit:
        paint(tile, glow_mask(16, 16, 18, 1.0), (255, 200, 120), 0.35)
        paint(tile, inner, (236, 196, 120))
    else:
        paint(tile, inner, (34, 44, 58))
    return paint(tile, rect_mask(16, 8, 17, 25) + rect_mask(8, 16, 25, 17), (70, 72, 76))


def _water_tank() -> np.ndarray:
    tile = paint(blank(), disc_mask(17, 17, 12), (0, 0, 0), 0.4)
    paint(tile, disc_mask(15, 15, 12), (88, 66, 48))
    for r in (9, 5):
        paint(tile, disc_mask(15, 15, r) - disc_mask(15, 15, r - 1), (64, 48, 36))
    return paint(tile, disc_mask(15, 15, 2), (120, 100, 80))


def _neon(color) -> np.ndarray:
    tile = paint(blank(), glow_mask(16, 16, 24, 1.1), color, 0.7)
    tube = (
        segment_mask(5, 12, 27, 12, 2)
        + segment_mask(5, 20, 27, 20, 2)
        + segment_mask(5, 12, 5, 20, 2)
    )
    tube += segment_mask(16, 12, 16, 20, 2)
    paint(tile, np.clip(tube, 0, 1), color)
    return paint(tile, np.clip(tube, 0, 1) * 0.5, (255, 255, 255))


def _palm(name: str) -> np.ndarray:
    rng = rng_for(name)
    tile = paint(blank(), disc_mask(19, 19, 11, 4), (0, 0, 0), 0.45)
    start = rng.random() * np.pi
    for k in range(9):
        angle = start + k * 2 * np.pi / 9
        ex, ey = 16 + 13 * np.cos(angle), 16 + 13 * np.sin(angle)
        paint(tile, segment_mask(16, 16, ex, ey, 3.2), (34, 70, 44))
        paint(tile, segment_mask(16, 16, ex, ey, 1.0), (70, 110, 70), 0.8)
    return paint(tile, disc_mask(16, 16, 2.5), (80, 66, 44))


def _tree(name: str) -> np.ndarray:
    rng = rng_for(name)
    tile = paint(blank(), disc_mask(19, 19, 12, 3), (0, 0, 0), 0.45)
    paint(tile, disc_mask(16, 16, 13, 2), (26, 52, 34))
    for _ in range(10):
        cx, cy = rng.uniform(8, 24, 2)
        paint(tile, disc_mask(cx, cy, rng.uniform(3, 5), 2), (40, 72, 46), 0.6)
    return tile


def _glow_quadrant(quarter: int) -> np.ndarray:
    """One quarter of a sodium pool; the lamp stands at the corner the quadrants share."""
    tile = paint(blank(), glow_mask(32, 32, 31, 1.0), SODIUM, 0.8)
    paint(tile, disc_mask(32, 32, 3.5), (255, 226, 170))
    return rotate(tile, quarter)


def _rail(quarter: int) -> np.ndarray:
    tile = paint(blank(), rect_mask(0, 0, 32, 3), (130, 134, 140))
    paint(tile, rect_mask(0, 3, 32, 5), (0, 0, 0), 0.4)
    for x in (2, 12, 22):
        paint(tile, rect_mask(x, 0, x + 3, 4), (160, 164, 170))
    return rotate(tile, quarter)


def _crowd(name: str) -> np.ndarray:
    rng = rng_for(name)
    tile = blank()
    palette = [(200, 60, 150), (60, 200, 230), (230, 200, 120), (180, 180, 190), (120, 90, 200)]
    for _ in range(16):
        cx, cy = rng.uniform(2, 30, 2)
        paint(tile, disc_mask(cx, cy, 1.8), palette[rng.integers(len(palette))])
    return tile


def _neon_pool(color) -> np.ndarray:
    return paint(blank(), glow_mask(16, 16, 24, 1.0), color, 0.45)


def _helipad() -> dict[str, np.ndarray]:
    """A 2 x 2 rooftop helipad, as quadrants named by where they sit round its centre."""
    yy, xx = np.mgrid[0:64, 0:64].astype(np.float64) + 0.5
    dist = np.hypot(xx - 32, yy - 32)
    pad = np.zeros((64, 64, 4))

    def put(mask: np.ndarray, color) -> None:
        weight = np.clip(mask, 0, 1)[..., None]
        pad[..., :3] = pad[..., :3] * (1 - weight) + np.asarray(color) * weight
        pad[..., 3:] = np.maximum(pad[..., 3:], 255 * weight)

    put(np.clip(29.5 - dist, 0, 1), (58, 62, 70))
    put(np.clip(np.minimum(dist - 23.5, 27.5 - dist), 0, 1), (200, 176, 60))
    legs = ((np.abs(xx - 22) < 2.5) | (np.abs(xx - 42) < 2.5)) & (np.abs(yy - 32) < 12)
    put((legs | ((np.abs(yy - 32) < 2) & (np.abs(xx - 32) < 10))).astype(float), (210, 212, 216))
    lights = (np.abs(dist - 28.8) < 0.9) & (
        (np.floor(np.degrees(np.arctan2(yy - 32, xx - 32)) / 30) % 2) == 0
    )
    put(lights.astype(float), (255, 80, 60))
    return {
        "helipad_nw": pad[:32, :32].copy(), "helipad_ne": pad[:32, 32:].copy(),
        "helipad_sw": pad[32:, :32].copy(), "helipad_se": pad[32:, 32:].copy(),
    }  # fmt: skip


def _graffiti(name: str) -> np.ndarray:
    """Tags on the river walls: a few bold strokes with a dark outline."""
    rng = rng_for(name)
    palette = [(230, 70, 160), (80, 220, 240), (240, 210, 80), (150, 110, 230), (236, 236, 236)]
    color = palette[rng.integers(len(palette))]
    tile = blank()
    x, y = rng.uniform(3, 6), rng.uniform(8, 24)
    strokes = []
    for _ in range(5):
        nx, ny = min(x + rng.uniform(3, 7), 28), float(np.clip(y + rng.normal(0, 6), 5, 27))
        strokes.append((x, y, nx, ny))
        x, y = nx, ny
    outline = sum(segment_mask(*s, 7.0) for s in strokes)
    paint(tile, np.clip(outline, 0, 1), (20, 20, 24), 0.8)
    return paint(tile, np.clip(sum(segment_mask(*s, 4.0) for s in strokes), 0, 1), color, 0.85)


def _lifeguard_tower() -> np.ndarray:
    tile = paint(blank(), rect_mask(9, 11, 27, 27), (0, 0, 0), 0.4)
    paint(tile, rect_mask(7, 8, 25, 24), (70, 120, 170))
    paint(tile, rect_mask(7, 8, 25, 11), (200, 204, 210))
    return paint(tile, rect_mask(13, 24, 19, 30), (150, 130, 100))


def build() -> TilesetDef:
    tiles = [
        TileDef("ac_unit", _ac_unit()),
        TileDef("skylight_lit", _skylight(True)),
        TileDef("skylight_dark", _skylight(False)),
        TileDef("water_tank", _water_tank()),
        TileDef("neon_pink", _neon(NEON_PINK)),
        TileDef("neon_cyan", _neon(NEON_CYAN)),
        TileDef(
            "vent",
            paint(
                paint(blank(), disc_mask(12, 12, 4), (120, 120, 126)),
                disc_mask(22, 21, 3),
                (96, 98, 104),
            ),
        ),
        TileDef("palm", _palm("palm")),
        TileDef("palm_b", _palm("palm_b")),
        TileDef("tree", _tree("tree")),
        TileDef("crowd_a", _crowd("crowd_a")),
        TileDef("crowd_b", _crowd("crowd_b")),
        TileDef("neon_pool_pink", _neon_pool(NEON_PINK)),
        TileDef("neon_pool_cyan", _neon_pool(NEON_CYAN)),
        TileDef("sodium_pool", paint(blank(), glow_mask(16, 16, 24, 1.2), SODIUM, 0.25)),
    ]
    # quadrant names say where the tile sits around the lamp
    for quarter, name in enumerate(("glow_nw", "glow_ne", "glow_se", "glow_sw")):
        tiles.append(TileDef(name, _glow_quadrant(quarter)))
    for quarter, side in enumerate(("n", "e", "s", "w")):
        tiles.append(TileDef(f"rail_{side}", _rail(quarter)))
    tiles += [TileDef(name, image) for name, image in _helipad().items()]
    tiles += [TileDef(f"graffiti_{k}", _graffiti(f"graffiti_{k}")) for k in "abc"]
    tiles.append(TileDef("lifeguard_tower", _lifeguard_tower()))
    return TilesetDef("decor", tiles, columns=8)
