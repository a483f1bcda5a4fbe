"""The Driver's car and friends behave like real cars: ranges from physics, not pinned values."""

import numpy as np
import pytest

from game.sim import VEHICLE_CLASSES, VehicleClass, World
from game.sim.terrain import Surface

from .helpers import controls_for, hold, open_square, straight

KMH_100 = 100 / 3.6


def zero_to_hundred(vehicle_class: VehicleClass) -> float:
    world = World(straight())
    world.spawn(vehicle_class, 10.0, 24.0, 0.0)
    controls = controls_for(1, throttle=1.0)
    while world.speed[0] < KMH_100:
        world.step(controls)
        assert world.time < 30.0, "never reached 100 km/h"
    return world.time


def top_speed(vehicle_class: VehicleClass) -> float:
    world = World(straight())
    world.spawn(vehicle_class, 10.0, 24.0, 0.0, speed=30.0)
    hold(world, 60.0, throttle=1.0)
    return world.speed[0]


def braking_distance(surface: Surface) -> float:
    world = World(straight(surface))
    world.spawn(VehicleClass.DRIVER, 10.0, 24.0, 0.0, speed=KMH_100)
    controls = controls_for(1, brake=1.0)
    while world.vx[0] > 0.5:  # below this the brake pedal engages reverse
        world.step(controls)
    return world.x[0] - 10.0


def test_drivers_car_does_0_to_100_in_6_to_7_seconds():
    assert 5.5 <= zero_to_hundred(VehicleClass.DRIVER) <= 7.5


def test_stock_car_outruns_drivers_car_outruns_van():
    assert zero_to_hundred(VehicleClass.STOCK_CAR) < zero_to_hundred(VehicleClass.DRIVER)
    assert zero_to_hundred(VehicleClass.DRIVER) < zero_to_hundred(VehicleClass.VAN)


@pytest.mark.parametrize(
    ("vehicle_class", "low_kmh", "high_kmh"),
    [
        (VehicleClass.DRIVER, 185, 215),
        (VehicleClass.STOCK_CAR, 250, 290),
        (VehicleClass.VAN, 130, 160),
    ],
)
def test_top_speed(vehicle_class, low_kmh, high_kmh):
    assert low_kmh / 3.6 <= top_speed(vehicle_class) <= high_kmh / 3.6


def test_braking_from_100_on_asphalt_is_35_to_50_metres():
    assert 35.0 <= braking_distance(Surface.ASPHALT) <= 50.0


@pytest.mark.parametrize("surface", [Surface.GRASS, Surface.SAND, Surface.DIRT])
def test_braking_on_loose_ground_takes_longer(surface):
    assert braking_distance(surface) > 1.15 * braking_distance(Surface.ASPHALT)


def test_brake_held_at_standstill_engages_reverse():
    world = World(straight())
    world.spawn(VehicleClass.DRIVER, 100.0, 24.0, 0.0, speed=5.0)
    hold(world, 4.0, brake=1.0)
    assert world.vx[0] < -2.0
    assert world.x[0] < 100.0 + 5.0  # it stopped, then backed up past where it stopped


def test_low_speed_turning_radius_is_wheelbase_over_tan_steer():
    world = World(open_square())
    world.spawn(VehicleClass.DRIVER, 400.0, 400.0, 0.0, speed=3.0)
    controls = controls_for(1, steer=0.5)
    for _ in range(300):  # a little throttle holds 3 m/s against rolling resistance
        controls[0, 0] = np.clip(0.5 * (3.0 - world.vx[0]), 0.0, 1.0)
        world.step(controls)
    radius = world.speed[0] / abs(world.yaw_rate[0])
    expected = VEHICLE_CLASSES[VehicleClass.DRIVER].wheelbase / np.tan(abs(world.steer[0]))
    assert radius == pytest.approx(expected, rel=0.05)
    assert world.yaw_rate[0] > 0  # steering right turns clockwise (heading grows)


def test_handbrake_turn_slides_the_rear_out_and_the_car_recovers():
    world = World(open_square())
    world.spawn(VehicleClass.DRIVER, 200.0, 400.0, 0.0, speed=20.0)
    hold(world, 0.3, steer=1.0)
    rear_slip = []
    for _ in range(45):
        world.step(controls_for(1, steer=1.0, handbrake=1.0))
        rear_slip.append(abs(world.slip_rear[0]))
    assert max(rear_slip) > np.radians(15)
    hold(world, 2.5, throttle=0.2)  # wheels straight, handbrake off: grip returns
    assert abs(world.yaw_rate[0]) < 0.05
    assert abs(world.slip_rear[0]) < np.radians(2)
    assert world.speed[0] > 3.0


def test_parked_car_with_wheels_turned_stays_put():
    world = World(open_square())
    world.spawn(VehicleClass.DRIVER, 400.0, 400.0, 1.0)
    hold(world, 5.0, steer=1.0)
    assert np.hypot(world.x[0] - 400.0, world.y[0] - 400.0) < 1e-6
    assert abs(world.yaw_rate[0]) < 1e-9
    assert np.all(np.isfinite([world.slip_front[0], world.slip_rear[0]]))


def test_creeping_with_full_lock_does_not_jitter():
    world = World(open_square())
    world.spawn(VehicleClass.DRIVER, 400.0, 400.0, 0.0, speed=0.3)
    yaw_rates = []
    for _ in range(240):
        world.step(controls_for(1, throttle=0.05, steer=1.0))
        yaw_rates.append(world.yaw_rate[0])
    sign_changes = np.count_nonzero(np.diff(np.sign(yaw_rates[30:])))
    assert sign_changes == 0
    assert world.yaw_rate[0] > 0


def test_controls_are_clamped_where_they_enter():
    worlds = [World(straight()) for _ in range(2)]
    for world in worlds:
        world.spawn(VehicleClass.DRIVER, 10.0, 24.0, 0.0)
    wild = controls_for(1, throttle=7.0, brake=-3.0, steer=np.nan, handbrake=0.0)
    sane = controls_for(1, throttle=1.0, brake=0.0, steer=0.0, handbrake=0.0)
    for _ in range(120):
        worlds[0].step(wild)
        worlds[1].step(sane)
    assert worlds[0].state_hash() == worlds[1].state_hash()


def test_parked_car_shoved_sideways_slides_to_a_stop_at_tyre_grip():
    world = World(open_square())
    world.spawn(VehicleClass.DRIVER, 400.0, 400.0, 0.0)
    world.vy[0] = 1.2  # as if just hit from the left at low speed
    world.step(controls_for(1))
    assert world.vy[0] > 1.2 - 1.1 * 9.81 * world.dt  # grip-limited, not frozen in one tick
    hold(world, 0.5)
    assert abs(world.vy[0]) < 1e-3
    assert 0.05 < world.y[0] - 400.0 < 0.2  # slid about v^2 / (2 mu g) = 7 cm


@pytest.mark.parametrize(
    "vehicle_class", [VehicleClass.DRIVER, VehicleClass.POLICE, VehicleClass.STOCK_CAR]
)
def test_full_lock_at_city_speed_runs_wide_instead_of_spinning(vehicle_class):
    world = World(open_square())
    world.spawn(vehicle_class, 400.0, 400.0, 0.0, speed=15.0)
    worst = 0.0
    for _ in range(120):
        world.step(controls_for(1, steer=1.0))
        worst = max(worst, abs(world.slip_rear[0]))
    assert worst < np.radians(8)  # the rear holds; the handbrake is what brings it round
    assert world.yaw_rate[0] > 0.5  # and it is still turning hard


@pytest.mark.parametrize("held", ["brake", "handbrake"])
@pytest.mark.parametrize("vehicle_class", [VehicleClass.DRIVER, VehicleClass.MUSCLE])
def test_a_burnout_spins_the_rear_wheels_and_holds_the_car_still(vehicle_class, held):
    world = World(open_square())
    world.spawn(vehicle_class, 400.0, 400.0, 0.0)
    hold(world, 2.0, throttle=1.0, **{held: 1.0})
    assert world.rear_spin.dtype == np.float32
    assert world.rear_spin[0] > 5.0  # m/s the tread runs faster than the car
    assert world.speed[0] < 0.1 and abs(world.x[0] - 400.0) < 0.05
    hold(world, 1.5, throttle=1.0)  # let go of the brake: the car launches
    assert world.speed[0] > 3.0


def test_the_rear_wheels_grip_in_ordinary_driving():
    world = World(straight())
    world.spawn(VehicleClass.SEDAN, 10.0, 24.0, 0.0)
    spins = []
    for _ in range(300):
        world.step(controls_for(1, throttle=1.0))
        spins.append(float(world.rear_spin[0]))
    assert max(spins) == 0.0  # the sedan's drive never outruns its tyres
    assert world.speed[0] > 10.0


def test_a_spinning_rear_has_little_side_grip_without_traction_control():
    world = World(open_square())
    world.spawn(VehicleClass.MUSCLE, 200.0, 400.0, 0.0, speed=8.0)
    hold(world, 1.5, throttle=1.0, steer=0.6)  # power oversteer: the tail comes round
    assert world.rear_spin[0] > 0.5
    assert abs(world.slip_rear[0]) > np.radians(8)
