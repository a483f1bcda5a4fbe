"""Traction control: a held throttle key through a turn does not spin the car."""

import math
from types import SimpleNamespace

import numpy as np
import pygame
import pytest

from game.app.drive_scene import player_motion
from game.input.player import PlayerInput, traction_control
from game.input.settings import Settings
from game.sim import VehicleClass, World
from game.sim.controls import THROTTLE
from game.sim.terrain import Terrain


@pytest.fixture
def player_input():
    pygame.init()
    yield PlayerInput(Settings())
    pygame.quit()


def press(player_input, code, down=True):
    kind = pygame.KEYDOWN if down else pygame.KEYUP
    player_input.handle_event(pygame.event.Event(kind, key=code, mod=0))


def worst_body_slip_deg(player_input, vehicle_class, start_kmh, steer_s=1.0, seconds=3.0):
    """Up held throughout, Left held for ``steer_s``: the largest angle between the
    car's heading and its motion (90 degrees is a car gone sideways: a spin)."""
    world = World(Terrain.open_box(200, 200), seed=0)
    world.spawn(vehicle_class, 400.0, 400.0, 0.0, speed=start_kmh / 3.6)
    session = SimpleNamespace(world=world, player=0)
    press(player_input, pygame.K_UP)
    press(player_input, pygame.K_LEFT)
    worst = 0.0
    for tick in range(round(seconds / world.dt)):
        if tick == round(steer_s / world.dt):
            press(player_input, pygame.K_LEFT, down=False)
        world.step(player_input.control_row(*player_motion(session))[None, :])
        slip = math.atan2(abs(float(world.vy[0])), max(abs(float(world.vx[0])), 0.1))
        worst = max(worst, math.degrees(slip))
    return worst, math.degrees(float(world.heading[0]))


@pytest.mark.parametrize("vehicle_class", [VehicleClass.DRIVER, VehicleClass.MUSCLE,
                                           VehicleClass.STOCK_CAR])
@pytest.mark.parametrize("start_kmh", [30, 45, 60])
def test_throttle_and_a_steering_key_turn_without_spinning(player_input, vehicle_class,
                                                           start_kmh):
    worst, heading = worst_body_slip_deg(player_input, vehicle_class, start_kmh)
    assert worst < 25.0
    assert -100.0 < heading < -25.0  # it turned left, by a street corner's worth


def test_traction_control_eases_only_a_sliding_tail_at_speed():
    assert traction_control(15.0, 0.02) == 1.0
    assert traction_control(15.0, -0.3) == 0.0
    assert 0.0 < traction_control(15.0, 0.1) < 1.0
    assert traction_control(1.0, 0.3) == 1.0  # parking-speed slip angles mean nothing


def test_the_handbrake_bypasses_traction_control(player_input):
    press(player_input, pygame.K_UP)
    assert player_input.control_row(15.0, 0.3)[THROTTLE] == 0.0
    press(player_input, pygame.K_SPACE)
    assert player_input.control_row(15.0, 0.3)[THROTTLE] == 1.0


def test_a_reversing_car_reports_no_slip():
    world = World(Terrain.open_box(20, 20), seed=0)
    world.spawn(VehicleClass.DRIVER, 40.0, 40.0, 0.0, speed=-5.0)
    world.slip_rear = np.array([0.4])
    speed, slip = player_motion(SimpleNamespace(world=world, player=0))
    assert speed == pytest.approx(5.0) and slip == 0.0
