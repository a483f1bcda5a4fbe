"""Cars against the solid grid: no tunnelling, never left inside, bounce, slide and spin."""

import numpy as np
import pytest

from game.sim import VEHICLE_CLASSES, VehicleClass, World
from game.sim.terrain import Terrain

from .helpers import controls_for, open_square

STOCK_TOP = VEHICLE_CLASSES[VehicleClass.STOCK_CAR].top_speed


def corners_in_solid(world: World) -> np.ndarray:
    """Per car: is any corner of its box inside a solid cell?"""
    hl, hw = world.params.half_length, world.params.half_width
    c, s = np.cos(world.heading), np.sin(world.heading)
    inside = np.zeros(world.n, dtype=bool)
    for sf, sr in ((1, 1), (1, -1), (-1, 1), (-1, -1)):
        px = world.x + sf * hl * c - sr * hw * s
        py = world.y + sf * hl * s + sr * hw * c
        inside |= world.terrain.is_solid(px, py)
    return inside


def one_cell_wall() -> Terrain:
    """A big open square with a one-cell-thick wall running north-south at x = 200..204 m."""
    terrain = Terrain.open_box(100, 100)
    terrain.solid[1:-1, 50] = True
    return terrain


@pytest.mark.parametrize("angle_deg", [0, 20, 40, 60, -35])
def test_no_tunnelling_through_a_one_cell_wall_at_top_speed(angle_deg):
    world = World(one_cell_wall())
    heading = np.radians(angle_deg)
    start_x = 200.0 - 25.0  # 25 m short of the wall: it arrives within half a second
    world.spawn(
        VehicleClass.STOCK_CAR, start_x, 200.0 - 25.0 * np.tan(heading), heading, speed=STOCK_TOP
    )
    assert world.vx[0] * world.dt > 1.0  # it moves over a metre per tick
    for _ in range(90):
        world.step(controls_for(1, throttle=1.0))
        assert world.x[0] < 200.0
        assert not corners_in_solid(world)[0]


def test_arena_cars_never_end_inside_walls():
    terrain = Terrain.open_box(30, 30)
    terrain.solid[10:13, 10:20] = True  # a building in the middle, with convex corners
    terrain.solid[20, 5] = True  # a lone pillar
    world = World(terrain, seed=1)
    rng = world.rng
    n = 60
    rows = np.where(np.arange(n) % 2, 20.0, 100.0)  # north and south of the building
    world.spawn(rng.integers(0, len(VehicleClass), n), rng.uniform(10, 110, n), rows,
                rng.uniform(-np.pi, np.pi, n))  # fmt: skip
    controls = controls_for(n, throttle=1.0)
    wall_hits = 0
    for tick in range(900):
        if tick % 45 == 0:
            controls[:, 2] = rng.uniform(-1, 1, n)
            controls[:, 3] = rng.random(n) < 0.1
        events = world.step(controls)
        wall_hits += np.count_nonzero(events.collisions.b == -1)
        assert not corners_in_solid(world).any()
    assert wall_hits > 50


def test_head_on_into_a_wall_bounces_back_slower():
    world = World(open_square(60))
    world.spawn(VehicleClass.DRIVER, 200.0, 120.0, 0.0, speed=20.0)
    hits = []
    for _ in range(180):
        hits.append(world.step(controls_for(1)).collisions)
        if world.vx[0] < 0:
            break
    wall = [h for h in hits if len(h)]
    assert wall and wall[0].b[0] == -1 and wall[0].impulse[0] > 0
    assert -0.4 * 20.0 < world.vx[0] < 0.0  # restitution: a weak rebound
    assert world.x[0] + world.params.half_length[0] <= 236.0 + 1e-6


def test_glancing_blow_slides_along_and_turns_the_car_parallel():
    world = World(open_square(60))
    heading = np.radians(25)  # towards the south wall (y = 236 m), front-right corner first
    world.spawn(VehicleClass.DRIVER, 100.0, 220.0, heading, speed=20.0)
    yaw_after_hit = None
    for _ in range(120):
        events = world.step(controls_for(1))
        if len(events.collisions) and yaw_after_hit is None:
            yaw_after_hit = world.yaw_rate[0]
    assert yaw_after_hit is not None and yaw_after_hit < 0  # the wall turns the nose away
    assert abs(world.heading[0]) < heading / 2  # ends closer to parallel with the wall
    assert world.x[0] > 120.0  # kept sliding east along the wall
    assert world.y[0] + world.params.half_width[0] <= 236.0 + 1e-6


@pytest.mark.parametrize("offset", np.linspace(-1.5, 1.5, 7))
def test_clipping_a_pillar_corner_leaves_no_corner_inside(offset):
    terrain = Terrain.open_box(80, 80)
    terrain.solid[34, 27] = True  # a lone one-cell pillar, x 108..112 m, y 136..140 m
    world = World(terrain)
    world.spawn(VehicleClass.STOCK_CAR, 106.0, 142.0 + offset, -0.474, speed=26.5)
    hits = 0
    for _ in range(60):
        hits += len(world.step(controls_for(1)).collisions)
        assert not corners_in_solid(world)[0]
    assert hits > 0


@pytest.mark.parametrize("speed", [5.0, 20.0])
def test_nose_into_a_pillar_corner_stops_at_the_corner(speed):
    """Only the pillar's corner enters the car's front face (no car corner in the cell)."""
    terrain = Terrain.open_box(80, 80)
    terrain.solid[34, 27] = True  # pillar x 108..112, y 136..140; its top-left corner:
    vertex = np.array([108.0, 136.0])
    heading = np.pi / 4  # south-east, straight at that corner
    world = World(terrain)
    hl = 0.5 * VEHICLE_CLASSES[VehicleClass.DRIVER].length
    start = vertex - (hl + 1.0) * np.array([np.cos(heading), np.sin(heading)])
    world.spawn(VehicleClass.DRIVER, start[0], start[1], heading, speed=speed)
    hits = 0
    for _ in range(60):
        hits += len(world.step(controls_for(1)).collisions)
        forward = np.array([np.cos(world.heading[0]), np.sin(world.heading[0])])
        right = np.array([-forward[1], forward[0]])
        offset = vertex - np.array([world.x[0], world.y[0]])
        inside = (
            abs(offset @ forward) < hl - 0.05 and abs(offset @ right) < world.params.half_width[0]
        )
        assert not inside
    assert hits > 0


def test_a_fast_wall_hit_is_one_event_row_per_car():
    world = World(open_square(60))
    world.spawn(VehicleClass.STOCK_CAR, 236.0 - 3.5, 120.0, 0.0, speed=STOCK_TOP)
    events = world.step(controls_for(1))
    assert events.collisions.a.tolist() == [0] and events.collisions.b.tolist() == [-1]
    assert 236.0 - 3.0 < events.collisions.x[0] <= 236.0 + 1e-6  # on the wall's face
