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
from game.sim.aids import (
    FLEET_AIDS,
    NO_AIDS,
    PLAYER_AIDS,
    TRACTION_CONTROL,
    grip_angle,
    traction_share,
)
from game.sim.controls import HANDBRAKE, STEER, THROTTLE, idle_controls
from game.sim.dynamics import STEER_FADE_SPEED
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


def test_traction_control_eases_spinning_wheels():
    assert traction_share(15.0, 0.0, rear_spin_ms=0.2) == 1.0
    assert traction_share(15.0, 0.0, rear_spin_ms=5.0) == 0.0
    assert 0.0 < traction_share(15.0, 0.0, rear_spin_ms=1.0) < 1.0


def one_step_assist(speed, steer, handbrake=0.0, slip_rear=0.0, yaw_rate=0.0):
    """The row one aided car runs under after the aids, for one step from this state."""
    world = World(Terrain.open_box(60, 60), seed=0)
    world.spawn(VehicleClass.DRIVER, 120.0, 120.0, 0.0, speed=speed, aids=PLAYER_AIDS)
    world.slip_rear[:] = slip_rear
    world.yaw_rate[:] = yaw_rate
    controls = idle_controls(1)
    controls[0, STEER] = steer
    controls[0, HANDBRAKE] = handbrake
    world.step(controls)
    return world, float(world.controls[0, STEER])


def test_grip_steering_caps_a_key_at_the_grip_angle_and_passes_small_requests():
    world, full = one_step_assist(24.0, 1.0)
    p = world.params
    lock = p.max_steer[0] / (1.0 + (24.0 / STEER_FADE_SPEED) ** 2)
    limit = grip_angle(24.0, p.wheelbase[0], p.grip[0],
                       p.static_load_front[0] / p.cornering_front[0])
    assert full * lock == pytest.approx(limit, rel=1e-6)
    assert 0.3 < full < 0.8  # less than the lock at speed, but far from nothing: it turns
    assert one_step_assist(24.0, 0.1)[1] == pytest.approx(0.1)  # a stick's nudge, as asked
    assert one_step_assist(24.0, 1.0, handbrake=1.0)[1] == 1.0  # the handbrake: full lock
    assert one_step_assist(2.0, 1.0)[1] == 1.0  # parking: all the lock there is


def test_counter_steer_follows_a_slide_unless_the_key_asks_for_it():
    slide = -0.4  # turning right, the tail out to the left, far past the rear's peak
    _, let_go = one_step_assist(15.0, 0.0, slip_rear=slide, yaw_rate=0.5)
    _, held = one_step_assist(15.0, 1.0, slip_rear=slide, yaw_rate=0.5)
    _, against = one_step_assist(15.0, -1.0, slip_rear=slide, yaw_rate=0.5)
    assert let_go < -0.2  # let go: the wheels turn into the slide by themselves
    assert against < let_go  # counter-steering adds to it
    grip_only = one_step_assist(15.0, 1.0)[1]
    assert 0.0 < held < grip_only  # held: the slide kept, trimmed past the drift angle


def test_yaw_damping_turns_the_wheels_against_a_spin():
    _, calm = one_step_assist(15.0, 0.0, yaw_rate=0.3)
    _, spinning = one_step_assist(15.0, 0.0, yaw_rate=2.5)
    assert calm == pytest.approx(0.0, abs=1e-9)  # a yaw the grip can hold: no help
    assert spinning < -0.3


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


@pytest.mark.parametrize("vehicle_class", [VehicleClass.DRIVER, VehicleClass.MUSCLE])
@pytest.mark.parametrize("steer", [0.0, 0.5])
def test_traction_control_keeps_the_wheels_from_spinning_up_without_chatter(vehicle_class,
                                                                           steer):
    """A cut only once the wheels spin lets them spin, cut, grip, spin every other step;
    holding the drive within the rear's free grip keeps them gripping, and the car faster."""
    world = World(Terrain.open_box(300, 300), seed=0)
    world.spawn(vehicle_class, 600.0, 600.0, 0.0, speed=5.0, aids=PLAYER_AIDS)
    controls = idle_controls(1)
    controls[0, THROTTLE], controls[0, STEER] = 1.0, steer
    throttle, spin = [], []
    for _ in range(180):
        world.step(controls.copy())
        throttle.append(float(world.controls[0, THROTTLE]))
        spin.append(float(world.rear_spin[0]))
    assert max(spin) == 0.0
    assert int((np.abs(np.diff(throttle)) > 0.1).sum()) <= 2  # eased smoothly, not chattering
    assert world.speed[0] > (12.0 if steer else 19.0)  # it drove on (bare: 3.5 m/s in a turn)


def test_the_fleets_cars_never_spin_their_wheels_and_keep_their_throttle():
    """FLEET_AIDS is the drive capped at the rear's grip, nothing else: the AI's cars
    corner on full throttle as they did before tyres could spin."""
    world = World(Terrain.open_box(300, 300), seed=0)
    world.spawn(VehicleClass.MUSCLE, [300.0, 800.0], 600.0, 0.0, speed=5.0,
                aids=[NO_AIDS, FLEET_AIDS])
    controls = idle_controls(2)
    controls[:, THROTTLE], controls[:, STEER] = 1.0, 0.5
    spin = np.zeros(2)
    for _ in range(120):
        world.step(controls.copy())
        spin = np.maximum(spin, world.rear_spin)
    assert spin[0] > 5.0 and spin[1] == 0.0  # bare, a muscle car spins up in a turn
    assert world.speed[1] > 2 * world.speed[0]  # the capped one drives on round it
    world.slip_rear[:] = 0.3  # sliding: traction control would cut; spin control does not
    world.vx[:] = 30.0
    world.step(controls.copy())
    assert world.controls[1, THROTTLE] > 0.8  # the whole circle (at 30 m/s: power-limited)
