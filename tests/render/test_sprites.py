"""Sprites and their pre-rotated cache; interpolation between physics states."""

import math

import numpy as np
import pygame
import pytest

from game.render.renderer import interpolate
from game.render.rotation import ROTATION_STEPS, RotationSet, rotation_index
from game.render.sprites import SpriteBank, draw_vehicle, variants
from game.sim import VEHICLE_CLASSES, VehicleClass, World
from game.sim.terrain import Terrain


@pytest.fixture(autouse=True)
def fonts():
    pygame.font.init()
    yield
    pygame.font.quit()


def test_every_class_is_drawn_at_its_size_and_classes_differ():
    looks = {}
    for cls in VehicleClass:
        sprite = draw_vehicle(cls, 0, 8.0)
        spec = VEHICLE_CLASSES[cls]
        assert sprite.get_width() == pytest.approx(spec.length * 8, abs=2)
        assert sprite.get_height() == pytest.approx(spec.width * 8, abs=2)
        looks[cls] = pygame.image.tobytes(pygame.transform.scale(sprite, (24, 10)), "RGBA")
    assert len(set(looks.values())) == len(VehicleClass)
    assert variants(VehicleClass.SEDAN) > 1


def test_rotation_index_wraps_and_rounds():
    assert rotation_index(0.0) == 0
    assert rotation_index(2 * math.pi) == 0
    assert rotation_index(-2 * math.pi / ROTATION_STEPS) == ROTATION_STEPS - 1
    assert rotation_index(math.pi / 2) == ROTATION_STEPS // 4
    np.testing.assert_array_equal(rotation_index(np.array([0.0, math.pi])),
                                  [0, ROTATION_STEPS // 2])


def test_a_car_heading_south_points_down_the_screen():
    sprite = pygame.Surface((40, 10), pygame.SRCALPHA)
    sprite.fill((255, 0, 0, 255), (30, 0, 10, 10))  # the nose, at the east end
    frames = RotationSet(sprite)
    frame, offset = frames.frame(math.pi / 2)  # heading south (clockwise from east)
    assert frame.get_height() > frame.get_width()
    nose = pygame.surfarray.pixels_red(frame)
    rows = np.flatnonzero(nose.max(axis=0) > 200)
    assert rows.mean() > frame.get_height() / 2  # red is in the lower half
    assert offset == (frame.get_width() // 2, frame.get_height() // 2)


def test_bank_caches_per_class_variant_and_level():
    bank = SpriteBank(8.0)
    first = bank.rotations(VehicleClass.TAXI, 0, 1.0)
    assert bank.rotations(VehicleClass.TAXI, 0, 1.0) is first
    assert bank.rotations(VehicleClass.TAXI, 0, 0.5) is not first
    assert len(first.frames) == ROTATION_STEPS


def test_interpolation_takes_the_short_way_round():
    world = World(Terrain.open_box(10, 10), seed=0)
    world.spawn(VehicleClass.SEDAN, 10.0, 10.0, math.pi - 0.1)
    before = world.snapshot()
    after = before._replace(x=before.x + 2.0, heading=np.array([-math.pi + 0.1]))
    x, _, heading = interpolate(before, after, 0.5)
    assert x[0] == pytest.approx(11.0)
    assert abs(math.remainder(heading[0] - math.pi, 2 * math.pi)) < 1e-9
