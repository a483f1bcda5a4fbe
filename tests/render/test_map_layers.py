"""Map chunks tile without seams at every zoom; skid marks are laid when a car slides."""

import numpy as np
import pygame
import pytest

from game.level import load_level
from game.render.camera import ZOOM_LEVELS, Camera
from game.render.chunks import CHUNK_TILES, TileLayers, map_chunks
from game.render.effects import SKID_SLIP_RAD, SPIN_MARK_MS, SkidMarks
from tests.render.testmap import write_test_map


@pytest.fixture
def level(tmp_path):
    pygame.display.init()
    pygame.display.set_mode((320, 200))
    yield load_level(write_test_map(tmp_path))
    pygame.quit()


@pytest.mark.parametrize("zoom", ZOOM_LEVELS)
def test_chunks_tile_exactly(level, zoom):
    chunks = map_chunks(TileLayers(level.path), (0, 0, 0))
    edges = [chunks.edge_px(zoom, k) for k in range(4)]
    for k in range(2):
        surface = chunks.chunk(zoom, k, 0)
        assert surface.get_width() == edges[k + 1] - edges[k]


def test_only_visible_chunks_are_drawn(level):
    chunks = map_chunks(TileLayers(level.path), (0, 0, 0))
    chunk_m = CHUNK_TILES * level.terrain.cell_size
    camera = Camera((320, 200), x=10.0, y=10.0)
    target = pygame.Surface((320, 200))
    chunks.draw(target, camera.view(1.0), 1.0, chunk_m)
    assert list(chunks.cache) == [(1.0, 0, 0)]  # the 160 m map has 3 x 3 chunks
    assert pygame.transform.average_color(target)[:3] != (0, 0, 0)


def test_tiles_come_from_the_map_images(level):
    tiles = TileLayers(level.path)
    surface = pygame.Surface((32, 32))
    tiles.draw(surface, 0, 0, 1, 1)  # a grass tile in the crossroads' corner
    grass_colour = ((2 * 53) % 256, (2 * 97) % 256, 90)
    assert surface.get_at((16, 16))[:3] == grass_colour


def test_sliding_cars_leave_marks_and_rolling_cars_do_not():
    skids = SkidMarks()
    x, y = np.array([0.0, 50.0]), np.array([0.0, 0.0])
    heading, width, length = np.zeros(2), np.full(2, 1.8), np.full(2, 4.6)
    speed = np.array([15.0, 15.0])
    slip = np.array([SKID_SLIP_RAD * 2, 0.0])
    for step in range(10):
        skids.update(x + step * 0.25, y, heading, width, length, speed, slip, None, 64.0)
    assert skids.count == 2 * 9  # two rear wheels, from the second frame on
    marks = skids.segments[: skids.count]
    assert (marks[:, [0, 2]] < 10).all()  # all behind the sliding car, none from the other


def test_a_car_spinning_its_rears_lays_rubber_without_sliding():
    """A launch: the rear tread runs faster than the car (rear_spin), no slip angle."""
    skids = SkidMarks()
    x, y = np.array([0.0, 50.0]), np.array([0.0, 0.0])
    heading, width, length = np.zeros(2), np.full(2, 1.8), np.full(2, 4.6)
    speed, slip = np.array([6.0, 6.0]), np.zeros(2)
    spin = np.array([SPIN_MARK_MS * 2, SPIN_MARK_MS / 2])
    for step in range(6):
        skids.update(x + step * 0.1, y, heading, width, length, speed, slip, None, 64.0,
                     rear_spin=spin)
    assert skids.count == 2 * 5
    assert (skids.segments[: skids.count][:, [0, 2]] < 10).all()  # the spinning car's
