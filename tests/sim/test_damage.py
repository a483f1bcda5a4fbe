"""Impacts become damage; enough damage wrecks a car and a wreck does not drive."""

import numpy as np

from game.sim import VehicleClass, World

from .helpers import controls_for, hold, open_square


def crash_into_wall(speed: float) -> tuple[World, list]:
    """The Driver's car coasts into the east wall (inner face x = 236 m) from 1 m away."""
    world = World(open_square(60))
    world.spawn(VehicleClass.DRIVER, 236.0 - 1.0 - 4.7 / 2, 120.0, 0.0, speed=speed)
    hits, wrecks = [], []
    for _ in range(60):
        events = world.step(controls_for(1))
        hits.append(len(events.collisions))
        wrecks.append(events.wrecked)
    assert sum(hits) > 0
    return world, wrecks


def test_damage_grows_with_impact_speed():
    damage = [crash_into_wall(speed)[0].damage[0] for speed in (1.5, 8.0, 15.0, 22.0)]
    assert damage[0] == 0.0  # a parking bump
    assert 0.0 < damage[1] < damage[2] < damage[3]


def test_heavier_car_takes_less_damage_from_the_same_blow():
    world = World(open_square(100))
    world.spawn([VehicleClass.SEDAN, VehicleClass.VAN], [200.0, 220.0], [200.0, 200.0],
                [0.0, np.pi], speed=12.0)  # fmt: skip
    hold(world, 2.0)
    assert world.damage[0] > world.damage[1] > 0.0


def test_crash_at_top_speed_wrecks_and_reports_it():
    world, wrecks = crash_into_wall(60.0)
    assert world.wrecked[0] and world.damage[0] == 1.0
    reported = np.concatenate(wrecks)
    assert reported.tolist() == [0]  # reported once, on the step it happened


def test_wrecked_car_does_not_drive():
    world, _ = crash_into_wall(60.0)
    world.place([0], 120.0, 120.0, 0.0)  # place() makes a car as new ...
    assert not world.wrecked[0]
    world.wrecked[0] = True  # ... so wreck it again where it stands
    hold(world, 3.0, throttle=1.0, steer=1.0)
    assert world.speed[0] < 0.1
    assert np.hypot(world.x[0] - 120.0, world.y[0] - 120.0) < 0.1
