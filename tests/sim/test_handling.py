"""The handling sheet: the Driver's car against ranges a tuner would accept (issue 10).

The sheet is measured once for the module (it drives a few hundred cars); each test
reads its own figure. The drift-catch window is the keyboard's: a tap of handbrake and
Right, then letting go of Right, swept tick by tick.
"""

import numpy as np
import pytest

from game.sim import VehicleClass, World
from game.sim.aids import NO_AIDS, PLAYER_AIDS
from game.sim.handling import corner_terrain, corner_trials, measure

from .helpers import hold, open_square


@pytest.fixture(scope="module")
def sheet():
    return measure(VehicleClass.DRIVER)


def test_the_sheet_has_the_straight_line_figures_of_a_sports_coupe(sheet):
    assert 5.5 < sheet.zero_to_100_s < 7.5
    assert 190 < sheet.top_speed_kmh < 215
    assert 33 < sheet.braking_100_m < 50
    assert 0.8 < sheet.skidpad_g < 1.15  # street tyres on asphalt


def test_a_keyboard_catches_the_60_kmh_corner_in_a_window_of_a_quarter_second(sheet):
    assert sheet.drift_window_ms >= 250
    first, last = sheet.drift_release_ms
    assert last - first == pytest.approx(sheet.drift_window_ms - 1000 / 60)
    assert 0 < first < last < 2400


def test_without_the_steering_assist_the_keys_cannot_catch_it():
    """The aid is what makes the corner a keyboard's: the bare model (a stick's) spins."""
    release_s = np.arange(30, 140, 4) / 60.0
    assert corner_trials(VehicleClass.DRIVER, PLAYER_AIDS, 8.0, release_s).any()
    assert not corner_trials(VehicleClass.DRIVER, NO_AIDS, 8.0, release_s).any()


def test_the_corner_is_a_right_hand_street_into_a_westbound_one():
    terrain = corner_terrain(2)
    assert terrain.shape == (38, 80)
    assert not terrain.solid[0, 31:37].any() and not terrain.solid[31:36, 0:30].any()
    assert terrain.solid[0, 0:30].all()  # buildings at the inside of the corner
    assert terrain.solid[:, 38:40].all()  # each copy walled off from the next


def test_wall_hits_cost_what_the_issue_allows(sheet):
    damage = sheet.wall_damage
    assert damage["head-on 30 km/h"] <= 0.1  # a knock
    assert damage["glancing 70 km/h"] <= 0.1  # a scrape
    assert 0.1 < damage["head-on 60 km/h"] <= 1 / 3
    assert damage["head-on 60 km/h"] < damage["head-on 90 km/h"] < 1.0  # hard, not a wreck


def test_a_wreck_takes_several_hard_hits():
    world = World(open_square(60))
    world.spawn(VehicleClass.DRIVER, 225.0, 120.0, 0.0, speed=60 / 3.6, aids=PLAYER_AIDS)
    hits = 0
    while not world.wrecked[0]:
        dents = float(world.damage[0])
        world.place(0, 225.0, 120.0, 0.0, speed=60 / 3.6)
        world.damage[0] = dents  # place() mends the car; keep its dents
        hold(world, 3.0)
        hits += 1
        assert hits < 10
    assert hits >= 3


def test_damage_costs_top_speed(sheet):
    assert sheet.top_speed_damaged_kmh < sheet.top_speed_kmh - 15


@pytest.mark.parametrize("turned", [-0.3, 0.3])
def test_a_hit_on_one_front_corner_bends_the_steering_towards_it(turned):
    """Turned left of the wall (heading < 0) its right front corner hits: it pulls right."""
    world = World(open_square(60))
    world.spawn(VehicleClass.DRIVER, 215.0, 120.0, turned, speed=70 / 3.6)
    hold(world, 2.0)  # into the east wall
    assert 0.05 < world.damage[0] < 1.0
    assert np.sign(world.steer_pull[0]) == -np.sign(turned)
    straight = World(open_square(200))
    straight.spawn(VehicleClass.DRIVER, 400.0, 400.0, 0.0, speed=15.0)
    straight.damage[0], straight.steer_pull[0] = world.damage[0], world.steer_pull[0]
    hold(straight, 2.0, throttle=0.3)
    assert -np.sign(turned) * straight.heading[0] > np.radians(3)  # hands off: it pulls
