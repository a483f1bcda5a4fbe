"""The target's mirrors: suspicion from a car in them, made at full, lost when far back."""

import numpy as np

from game.ai.driver import Cover, Senses
from game.ai.routes import RoutePlanner
from game.ai.target import LOSE_AFTER_S, TargetController
from game.sim import VehicleClass, World
from game.sim.controls import idle_controls
from tests.ai.roadgrid import grid_graph, grid_terrain, street_line

EAST = 0.0


def _standing_target(behind_m: float, aside_m: float = 0.0, blocks: int = 3):
    """A target standing on street 0 facing east (no destination: it waits), and the
    Driver's car ``behind_m`` behind it (negative: ahead), ``aside_m`` to its side."""
    terrain = grid_terrain(blocks)
    world = World(terrain, seed=0)
    x, y = street_line(2) - 10, street_line(0) + 2
    world.spawn(VehicleClass.DRIVER, x - behind_m, y + aside_m, EAST)
    car = world.spawn(VehicleClass.SEDAN, x, y, EAST)
    return world, TargetController(RoutePlanner(grid_graph(blocks)), terrain, car)


def _watch(world, target, seconds, lights_on=True):
    for _ in range(round(seconds / world.dt)):
        senses = Senses(world, 0, Cover(lights_on=lights_on), np.zeros(world.n, dtype=bool),
                        False, None)
        controls = idle_controls(world.n)
        target.drive(senses, controls)
        world.step(controls)


def test_a_car_close_behind_in_his_mirrors_gets_him_made():
    world, target = _standing_target(behind_m=30.0)
    _watch(world, target, 1.0)
    assert target.in_mirror[0] and 0.1 < target.suspicion[0] < 1.0
    _watch(world, target, 4.0)
    assert target.made[0] and target.suspicion[0] == 1.0


def test_out_of_his_mirrors_or_far_back_he_stays_calm():
    for behind_m, aside_m in ((100.0, 0.0), (-40.0, 0.0), (30.0, 60.0)):
        world, target = _standing_target(behind_m, aside_m)  # far back / ahead / off the cone
        _watch(world, target, 5.0)
        assert target.suspicion[0] == 0.0 and not target.made[0], (behind_m, aside_m)
        assert not target.in_mirror[0]


def test_headlights_off_halve_the_mirrors_reach():
    world, target = _standing_target(behind_m=45.0)  # inside the lit reach, not the dark one
    _watch(world, target, 2.0, lights_on=False)
    assert target.suspicion[0] == 0.0
    _watch(world, target, 2.0, lights_on=True)
    assert target.suspicion[0] > 0.1


def test_a_car_right_beside_him_is_seen_whatever_the_mirrors():
    world, target = _standing_target(behind_m=-6.0, aside_m=6.0)  # ahead, alongside
    _watch(world, target, 1.0)
    assert target.in_mirror[0] and target.suspicion[0] > 0.3


def test_hanging_back_too_far_for_too_long_loses_him():
    world, target = _standing_target(behind_m=10.0, blocks=5)
    world.place(0, street_line(0) + 2, street_line(2) + 2, EAST)  # ~170 m: inside the limit
    _watch(world, target, LOSE_AFTER_S + 1.0)
    assert not target.lost
    world.place(0, street_line(0) + 2, street_line(4) + 2, EAST)  # ~280 m: beyond it
    _watch(world, target, LOSE_AFTER_S - 1.0)
    assert not target.lost and target.far_s > 0.0
    _watch(world, target, 2.0)
    assert target.lost
