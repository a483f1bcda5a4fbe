import numpy as np

from game.ai.chasers import ChaserController
from game.ai.routes import RouteFollower, RoutePlanner
from game.ai.steering import hold_still
from game.sim import VehicleClass, World
from game.sim.controls import empty_controls
from tests.ai.roadgrid import grid_graph, grid_terrain, street_line


def _run(world, chaser, driver_controls, seconds):
    """Step until the chaser first touches the Driver (vehicle 0); the time, or None."""
    for _ in range(int(seconds / world.dt)):
        controls = empty_controls(world.n)
        controls[0] = driver_controls(world)
        controls[chaser.units] = chaser.controls(world, 0, world.time)
        hits = world.step(controls).collisions
        touching = ((hits.a == 0) & np.isin(hits.b, chaser.units)) | (
            np.isin(hits.a, chaser.units) & (hits.b == 0)
        )
        if touching.any():
            return world.time
    return None


def test_chaser_follows_round_corners_and_rams_the_driver():
    graph, terrain = grid_graph(), grid_terrain()
    planner = RoutePlanner(graph)
    world = World(terrain, seed=0)
    # the Driver heads off round the block; the chaser starts round a corner, out of sight
    world.spawn(VehicleClass.DRIVER, street_line(1) + 20, street_line(1) + 2, 0.0, 5.0)
    chaser_car = world.spawn(
        VehicleClass.MUSCLE, street_line(0) - 2, street_line(0) + 30, np.pi / 2
    )
    follower = RouteFollower(planner, 0, street_line(2) - 2, street_line(2) - 30, terrain)
    chaser = ChaserController(planner, terrain, chaser_car)

    def driver(w):
        return follower.controls(w, w.time, w.dt)

    contact_s = _run(world, chaser, driver, 40.0)
    assert contact_s is not None  # it caught up and hit him
    assert not chaser.lost


def test_chaser_gives_up_only_when_out_driven():
    graph, terrain = grid_graph(), grid_terrain()
    planner = RoutePlanner(graph)
    world = World(terrain, seed=0)
    world.spawn(VehicleClass.DRIVER, street_line(2) + 2, street_line(2) - 30, np.pi / 2)
    chaser_car = world.spawn(VehicleClass.MUSCLE, street_line(0) + 20, street_line(0) + 2, 0.0)
    chaser = ChaserController(planner, terrain, chaser_car, lose_range_m=50.0, lose_after_s=1.0)
    parked = hold_still(1)[0]
    _run(world, chaser, lambda w: parked, 2.0)
    assert chaser.lost  # over 150 m away for over a second
    near = ChaserController(planner, terrain, chaser_car, lose_range_m=500.0, lose_after_s=1.0)
    _run(world, near, lambda w: parked, 2.0)
    assert not near.lost
