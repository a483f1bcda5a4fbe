from pathlib import Path

import numpy as np

from game.ai.offroad import grid_path
from game.ai.routes import RouteFollower, RoutePlanner, zone_goal
from game.ai.signals import Signals
from game.level import load_level
from game.level.model import Zone
from game.sim import VehicleClass, World
from game.sim.controls import empty_controls
from game.sim.terrain import Terrain
from tests.ai.roadgrid import grid_graph, grid_terrain, street_line

DOWNTOWN = Path(__file__).resolve().parents[2] / "levels" / "maps" / "downtown.tmx"


def _drive_until_arrived(world, follower, seconds):
    hits = 0
    for _ in range(int(seconds / world.dt)):
        controls = empty_controls(world.n)
        controls[follower.vehicle] = follower.controls(world, world.time, world.dt)
        hits += len(world.step(controls).collisions)
        if follower.arrived:
            break
    return hits


def _pocket_terrain() -> tuple[Terrain, tuple[float, float]]:
    """The grid city with a walled yard cut into a block: a gate and a pillar inside."""
    base = grid_terrain()
    solid = base.solid.copy()
    # block between streets 0 and 1 (x and y from 32 to 80 m): rows/cols 9..19 are solid
    solid[11:18, 11:18] = False  # the yard, 28 m square
    solid[12:14, 8:11] = False  # a gate from the street on its west side (x = 24 m)
    solid[14, 14] = True  # a pillar right in the middle
    goal = (15.5 * 4.0, 15.5 * 4.0)
    return Terrain(solid=solid, surface=base.surface), goal


def test_grid_path_goes_round_walls_and_corners():
    terrain, goal = _pocket_terrain()
    path = grid_path(terrain, (street_line(0), 40.0), goal)
    assert path is not None
    assert np.allclose(path[-1], goal)
    dense = np.concatenate(
        [np.linspace(a, b, 20) for a, b in zip(path[:-1], path[1:], strict=True)]
    )
    assert not terrain.is_solid(dense[:, 0], dense[:, 1]).any()
    blocked = Terrain(
        solid=terrain.solid | np.pad(np.ones((7, 7), bool), ((11, 26), (11, 26))),
        surface=terrain.surface,
    )
    assert grid_path(blocked, (street_line(0), 40.0), goal) is None


def test_follower_drives_a_car_across_the_grid_city():
    graph, terrain = grid_graph(), grid_terrain()
    world = World(terrain, seed=0)
    car = int(world.spawn(VehicleClass.DRIVER, street_line(0) + 20, street_line(0) + 2, 0.0)[0])
    goal = (street_line(2) - 2.0, street_line(2) - 25.0)  # the far corner's northbound lane
    follower = RouteFollower(RoutePlanner(graph), car, *goal, terrain, Signals(graph))
    hits = _drive_until_arrived(world, follower, 90.0)
    assert follower.arrived
    assert np.hypot(world.x[car] - goal[0], world.y[car] - goal[1]) < 5.0
    assert hits == 0
    assert abs(world.vx[car]) < 1.0


def test_follower_leaves_the_lanes_into_a_walled_yard():
    graph = grid_graph()
    terrain, goal = _pocket_terrain()
    world = World(terrain, seed=0)
    car = int(
        world.spawn(VehicleClass.DRIVER, street_line(2) - 2, street_line(2) - 20, -np.pi / 2)[0]
    )
    follower = RouteFollower(RoutePlanner(graph), car, *goal, terrain, Signals(graph))
    hits = _drive_until_arrived(world, follower, 90.0)
    assert follower.arrived and hits == 0
    assert world.damage[car] == 0.0


def test_follower_reaches_crew_pickup_on_downtown():
    level = load_level(DOWNTOWN)
    world = World(level.terrain, seed=0)
    start = level.spawns["player_start"]
    car = int(world.spawn(VehicleClass.DRIVER, start.x, start.y, start.heading)[0])
    zone = level.zones["crew_pickup"]
    follower = RouteFollower(
        RoutePlanner(level.roads), car, *zone.centre, level.terrain, Signals(level.roads)
    )
    hits = _drive_until_arrived(world, follower, 120.0)
    assert follower.arrived
    assert zone.contains(world.x[car : car + 1], world.y[car : car + 1])[0]
    assert hits == 0


def test_zone_goal_is_open_ground_inside_the_zone():
    terrain, _ = _pocket_terrain()
    # an L-shaped zone whose centre of vertices falls on a solid block corner
    polygon = np.array(
        [[40.0, 40.0], [80.0, 40.0], [80.0, 52.0], [52.0, 52.0], [52.0, 80.0], [40.0, 80.0]]
    )
    zone = Zone(name="yard", id=1, kind="place", polygon=polygon)
    x, y = zone_goal(zone, terrain)
    assert zone.contains(np.array([x]), np.array([y]))[0]
    assert not terrain.is_solid(x, y)
    square = np.array([[36.0, 20.0], [44.0, 20.0], [44.0, 28.0], [36.0, 28.0]])  # on a street
    on_street = Zone(name="corner", id=2, kind="place", polygon=square)
    assert zone_goal(on_street, terrain) == on_street.centre


def test_follower_backs_off_a_wall_it_starts_against():
    graph, terrain = grid_graph(), grid_terrain()
    world = World(terrain, seed=0)
    # on the street at x = 88, nose a metre from the block on its east side (x = 96)
    car = int(world.spawn(VehicleClass.DRIVER, 92.5, 56.0, 0.0)[0])
    goal = (street_line(1) - 2.0, street_line(2) - 25.0)  # down this street, southbound
    follower = RouteFollower(RoutePlanner(graph), car, *goal, terrain, Signals(graph))
    _drive_until_arrived(world, follower, 60.0)
    assert follower.arrived
    assert world.damage[car] < 0.05
