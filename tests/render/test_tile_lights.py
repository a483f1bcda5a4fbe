"""The map's own lamps and neon light the night: the garage (no roads, so no street
lamps) is lit by its sodium lamps, and the arena's neon strips burn."""

from pathlib import Path

import pygame
import pytest

from game.level import load_level
from game.render.camera import PX_PER_M
from game.render.chunks import TileLayers
from game.render.lights import NightLights
from game.render.renderer import Renderer
from game.render.tile_lights import tile_lights
from game.session.drive import free_drive_session

MAPS = Path(__file__).resolve().parents[2] / "levels" / "maps"


@pytest.fixture
def display():
    pygame.display.init()
    pygame.font.init()
    pygame.display.set_mode((64, 64))
    yield
    pygame.quit()


def static_light_at(lights: NightLights, x_m: float, y_m: float) -> float:
    """Brightness of the pre-rendered night light (ambient plus lamps) at a point."""
    chunk_m = lights.chunk_m
    cx, cy = int(x_m // chunk_m), int(y_m // chunk_m)
    chunk = lights.static.chunk(1.0, cx, cy)
    px = round((x_m - cx * chunk_m) * PX_PER_M)
    py = round((y_m - cy * chunk_m) * PX_PER_M)
    return float(pygame.surfarray.array3d(chunk)[px, py].mean())


def test_tiles_are_found_by_their_type(display):
    tiles = TileLayers(MAPS / "garage.tmx")
    pools = tiles.cells_of_kind("sodium_pool")
    assert len(pools) > 10
    gids = {gid for gid, kind in tiles.kinds.items() if kind == "sodium_pool"}
    assert all(any(layer[row, col] in gids for layer in tiles.layers) for col, row in pools)
    assert len(tiles.cells_of_kind("no_such_tile")) == 0


def test_the_garage_lamps_light_its_floor(display):
    level = load_level(MAPS / "garage.tmx")
    tiles = TileLayers(level.path)
    cell = level.terrain.cell_size
    found = tile_lights(tiles, cell)
    pool = next(light for light in found if light.kind == "sodium_pool")
    x, y = pool.xy[0]
    dark = NightLights(level, PX_PER_M)
    lit = NightLights(level, PX_PER_M, found)
    assert len(dark.lamps) == 0  # no roads, no street lamps
    assert static_light_at(lit, x, y) > static_light_at(dark, x, y) + 40
    far = x + 6 * cell, y  # half way between two lamps it stays dark
    assert static_light_at(lit, *far) < static_light_at(lit, x, y) - 40


def test_the_renderer_lights_the_maps_tiles(display):
    renderer = Renderer(free_drive_session(load_level(MAPS / "garage.tmx")), (640, 360))
    kinds = {light.kind: len(light.xy) for light in renderer.lights.tile_lights}
    assert kinds.get("sodium_pool", 0) == len(renderer.tiles.cells_of_kind("sodium_pool")) > 0
