"""Driver aids are options of the car, applied by the simulation to whoever drives it:
a held throttle key through a turn does not spin a car with traction control, and the
keys, a replay or the autopilot writing the same rows drive the car the same way."""

import math

import numpy as np
import pygame
import pytest

from game.input.player import PlayerInput
from game.input.settings import Settings
from game.sim import VehicleClass, World
from game.sim.aids import NO_AIDS, PLAYER_AIDS, TRACTION_CONTROL, steer_scale, traction_share
from game.sim.controls import HANDBRAKE, STEER, THROTTLE, idle_controls
from game.sim.terrain import Terrain


@pytest.fixture
def player_input():
    pygame.init()
    yield PlayerInput(Settings())
    pygame.quit()


def press(player_input, code, down=True):
    kind = pygame.KEYDOWN if down else pygame.KEYUP
    player_input.handle_event(pygame.event.Event(kind, key=code, mod=0))


def keys_through_a_turn(player_input, world, car, steer_s=1.0, seconds=3.0):
    """Up held throughout, Left held for ``steer_s``, the keys' rows driving ``car``:
    (the rows written, the largest angle between the car's heading and its motion)."""
    press(player_input, pygame.K_UP)
    press(player_input, pygame.K_LEFT)
    rows, worst = [], 0.0
    for tick in range(round(seconds / world.dt)):
        if tick == round(steer_s / world.dt):
            press(player_input, pygame.K_LEFT, down=False)
        controls = idle_controls(world.n)
        controls[car] = player_input.control_row()
        rows.append(controls[car].copy())
        world.step(controls)
        slip = math.atan2(abs(float(world.vy[car])), max(abs(float(world.vx[car])), 0.1))
        worst = max(worst, math.degrees(slip))
    return rows, worst


@pytest.mark.parametrize("vehicle_class", [VehicleClass.DRIVER, VehicleClass.MUSCLE,
                                           VehicleClass.STOCK_CAR])
@pytest.mark.parametrize("start_kmh", [30, 45, 60])
def test_throttle_and_a_steering_key_turn_without_spinning(player_input, vehicle_class,
                                                           start_kmh):
    world = World(Terrain.open_box(200, 200), seed=0)
    world.spawn(vehicle_class, 400.0, 400.0, 0.0, speed=start_kmh / 3.6, aids=PLAYER_AIDS)
    _, worst = keys_through_a_turn(player_input, world, 0)
    heading = math.degrees(float(world.heading[0]))
    assert worst < 25.0
    assert -100.0 < heading < -25.0  # it turned left, by a street corner's worth


def test_the_same_rows_drive_the_same_car_whoever_writes_them(player_input):
    """Keys in one car; the very rows they wrote fed to a twin (as a replay or an
    autopilot would write them); a third twin without the aids spins out."""
    world = World(Terrain.open_box(300, 100), seed=0)
    for x, aids in ((200.0, PLAYER_AIDS), (600.0, PLAYER_AIDS), (1000.0, NO_AIDS)):
        world.spawn(VehicleClass.MUSCLE, x, 200.0, 0.0, speed=60 / 3.6, aids=aids)
    press(player_input, pygame.K_UP)
    press(player_input, pygame.K_LEFT)
    worst = np.zeros(3)
    for tick in range(180):
        if tick == 60:
            press(player_input, pygame.K_LEFT, down=False)
        row = player_input.control_row()
        assert row[THROTTLE] == 1.0 and row[STEER] in (-1.0, 0.0)  # the keys ask, raw
        world.step(np.tile(row, (3, 1)))
        slip = np.degrees(np.arctan2(np.abs(world.vy), np.maximum(np.abs(world.vx), 0.1)))
        worst = np.maximum(worst, slip)
    assert world.x[1] - world.x[0] == pytest.approx(400.0, abs=1e-9)  # the twins, together
    assert world.y[1] == world.y[0] and world.heading[1] == world.heading[0]
    assert worst[0] < 25.0 < worst[2]  # the aids kept one on the road; without, a spin


def test_traction_control_eases_only_a_sliding_tail_at_speed():
    assert traction_share(15.0, 0.02) == 1.0
    assert traction_share(15.0, -0.3) == 0.0
    assert 0.0 < traction_share(15.0, 0.1) < 1.0
    assert traction_share(1.0, 0.3) == 1.0  # parking-speed slip angles mean nothing


def test_the_steering_assist_turns_less_at_speed_but_full_lock_on_the_handbrake():
    assert steer_scale(0.0) == 1.0 and steer_scale(24.0) == pytest.approx(0.5)
    world = World(Terrain.open_box(60, 60), seed=0)
    world.spawn(VehicleClass.DRIVER, [60.0, 160.0], 120.0, 0.0, speed=24.0, aids=PLAYER_AIDS)
    controls = idle_controls(2)
    controls[:, STEER] = 1.0
    controls[1, HANDBRAKE] = 1.0
    world.step(controls)
    assert world.controls[0, STEER] == pytest.approx(0.5, abs=0.05)
    assert world.controls[1, STEER] == 1.0


def test_the_handbrake_bypasses_traction_control_and_reversing_has_no_slip():
    world = World(Terrain.open_box(60, 60), seed=0)
    world.spawn(VehicleClass.DRIVER, [60.0, 160.0, 60.0], [60.0, 60.0, 160.0], 0.0,
                speed=[15.0, 15.0, -5.0], aids=TRACTION_CONTROL)
    world.slip_rear = np.array([0.3, 0.3, 0.4])
    controls = idle_controls(3)
    controls[:, THROTTLE] = 1.0
    controls[1, HANDBRAKE] = 1.0
    world.step(controls)
    assert world.controls[:, THROTTLE].tolist() == [0.0, 1.0, 1.0]
