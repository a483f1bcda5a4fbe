"""The minimap's player marker shows which way the car points."""

import math

import numpy as np
import pygame
import pytest

from game.level.model import Level
from game.render import palette
from game.render.minimap import MINIMAP_PX, Minimap
from game.sim import VehicleClass


@pytest.fixture
def minimap(tmp_path):
    from game.level import load_level
    from tests.render.testmap import write_test_map

    pygame.display.init()
    pygame.display.set_mode((64, 64))
    level: Level = load_level(write_test_map(tmp_path))
    yield Minimap(level)
    pygame.quit()


def pink_pixels(minimap: Minimap, heading: float) -> np.ndarray:
    """(K, 2) offsets from the minimap's centre of the pixels painted as the player."""
    target = pygame.Surface((MINIMAP_PX, MINIMAP_PX))
    one = np.array([60.0])
    minimap.draw(target, (0, 0), 0, one * 4, one * 4, np.array([heading]),
                 np.array([int(VehicleClass.DRIVER)]), np.zeros((0, 5)))
    pixels = pygame.surfarray.array3d(target).astype(int)
    pink = np.abs(pixels - np.array(palette.NEON_PINK)).sum(axis=2) < 40
    return np.argwhere(pink) - MINIMAP_PX / 2


@pytest.mark.parametrize("heading", [0.0, math.pi / 2, 2.5, -2.0])
def test_the_marker_is_big_and_points_along_the_heading(minimap, heading):
    offsets = pink_pixels(minimap, heading)
    assert len(offsets) > 40  # a readable arrow, not a dot
    forward = offsets @ np.array([math.cos(heading), math.sin(heading)])
    assert forward.max() >= 7.9  # its tip reaches well ahead of the centre
    assert forward.max() > -forward.min() + 2.0  # longer in front than behind


def colour_count(target: pygame.Surface, colour) -> int:
    pixels = pygame.surfarray.array3d(target).astype(int)
    return int((np.abs(pixels - np.array(colour)).sum(axis=2) < 30).sum())


def test_the_route_and_the_crew_are_on_the_minimap(minimap):
    from game.session.view import CrewView

    target = pygame.Surface((MINIMAP_PX, MINIMAP_PX))
    one = np.array([60.0])
    args = (target, (0, 0), 0, one * 4, one * 4, np.array([0.0]), np.zeros(1, dtype=bool),
            np.zeros((0, 5)))
    minimap.draw(*args)
    assert colour_count(target, palette.ROUTE) == 0 and colour_count(target, palette.CREW) == 0
    route = np.array([[240.0, 240.0], [240.0, 400.0], [400.0, 400.0]])  # 320 m: 128 px of line
    crew = (CrewView("Irish", "at_pickup", (300.0, 200.0)), CrewView("Blanche", "aboard"))
    minimap.draw(*args, route=route, crew=crew)
    assert colour_count(target, palette.ROUTE) > 128 * 2
    assert 10 < colour_count(target, palette.CREW) < 40  # one dot: the one in the car is not
