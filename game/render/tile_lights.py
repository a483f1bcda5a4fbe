"""Lights the map's own tiles give off: garage and trackside sodium lamps, neon strips,
lit skylights. Their tiles are painted bright, but the night's darkness is multiplied
over every tile alike, so without a light of their own they would sink into the dark
with the tarmac round them (a parking garage with no roads has no street lamps at all).
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from game.render import palette
from game.render.chunks import TileLayers

SKYLIGHT = (255, 214, 150)  #: warm office light through a roof


class TileLight(NamedTuple):
    """Every tile of one kind as a light: where, what colour, how far it reaches."""

    kind: str
    xy: np.ndarray  #: (K, 2) metres, tile centres
    colour: tuple[int, int, int]
    radius_m: float
    falloff: float  #: radial_glow's exponent: higher is a tighter, dimmer edge


#: tile type -> (colour, radius in metres, falloff)
TILE_LIGHTS: dict[str, tuple[tuple[int, int, int], float, float]] = {
    "sodium_pool": (palette.STREET_LAMP, 11.0, 1.6),
    "neon_pool_pink": (palette.NEON_PINK, 7.0, 1.8),
    "neon_pool_cyan": (palette.NEON_CYAN, 7.0, 1.8),
    "neon_pink": (palette.NEON_PINK, 3.0, 1.4),
    "neon_cyan": (palette.NEON_CYAN, 3.0, 1.4),
    "skylight_lit": (SKYLIGHT, 2.4, 1.5),
}


def tile_lights(tiles: TileLayers, cell_m: float) -> list[TileLight]:
    """The light-giving tiles of a map, one entry per kind present."""
    found = []
    for kind, (colour, radius_m, falloff) in TILE_LIGHTS.items():
        cells = tiles.cells_of_kind(kind)
        if len(cells):
            found.append(TileLight(kind, (cells + 0.5) * cell_m, colour, radius_m, falloff))
    return found
