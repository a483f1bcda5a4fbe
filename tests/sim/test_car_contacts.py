"""Car-car collision: resolution separates, conserves momentum, survives a jam."""

import numpy as np
import pytest

from game.sim import VehicleClass, World
from game.sim.contacts import CONTACT_SLOP, box_overlaps, collide_cars

from .helpers import controls_for, hold, open_square


def overlapping_pair(rng: np.random.Generator) -> World:
    """Two random cars, random headings, centres close enough to overlap, moving."""
    world = World(open_square(), seed=0)
    classes = rng.integers(0, len(VehicleClass), 2)
    gap = rng.uniform(1.0, 2.5)
    angle = rng.uniform(-np.pi, np.pi)
    world.spawn(classes, [400.0, 400.0 + gap * np.cos(angle)], [400.0, 400.0 + gap * np.sin(angle)],
                rng.uniform(-np.pi, np.pi, 2))  # fmt: skip
    world.world_vx = rng.uniform(-20, 20, 2)
    world.world_vy = rng.uniform(-20, 20, 2)
    world.yaw_rate = rng.uniform(-2, 2, 2)
    return world


def momentum(world: World) -> tuple[np.ndarray, float]:
    mass, inertia = world.params.mass, world.params.yaw_inertia
    linear = np.array([np.sum(mass * world.world_vx), np.sum(mass * world.world_vy)])
    angular = np.sum(
        inertia * world.yaw_rate + mass * (world.x * world.world_vy - world.y * world.world_vx)
    )
    return linear, float(angular)


@pytest.mark.parametrize("seed", range(12))
def test_resolution_separates_and_conserves_momentum(seed):
    world = overlapping_pair(np.random.default_rng(seed))
    hit, depth, *_ = box_overlaps(world, np.array([0]), np.array([1]))
    assert hit[0] and depth[0] > 0.05
    linear_before, _ = momentum(world)
    events = collide_cars(world, world.dt)
    linear_after, _ = momentum(world)
    assert len(events) == 1 and {events.a[0], events.b[0]} == {0, 1} and events.impulse[0] >= 0
    np.testing.assert_allclose(
        linear_after, linear_before, atol=1e-6 * np.abs(linear_before).sum() + 1e-9
    )
    hit, depth, *_ = box_overlaps(world, np.array([0]), np.array([1]))
    assert not hit[0] or depth[0] <= CONTACT_SLOP + 1e-9


def test_contact_impulse_keeps_angular_momentum_about_the_contact():
    world = overlapping_pair(np.random.default_rng(99))
    x_before, y_before = world.x.copy(), world.y.copy()
    _, angular_before = momentum(world)
    collide_cars(world, world.dt)
    moved_x, moved_y = world.x.copy(), world.y.copy()
    world.x, world.y = x_before, y_before  # impulses act at the pre-correction positions
    _, angular_after = momentum(world)
    world.x, world.y = moved_x, moved_y
    assert angular_after == pytest.approx(angular_before, rel=1e-9, abs=1e-6)


def test_approaching_cars_stop_closing():
    world = overlapping_pair(np.random.default_rng(3))
    collide_cars(world, world.dt)
    _, _, nx, ny, px, py = box_overlaps(world, np.array([0]), np.array([1]))
    # relative velocity of the contact points along the normal is no longer closing
    rel_x = (world.world_vx[0] - world.yaw_rate[0] * (py[0] - world.y[0])) - (
        world.world_vx[1] - world.yaw_rate[1] * (py[0] - world.y[1])
    )
    rel_y = (world.world_vy[0] + world.yaw_rate[0] * (px[0] - world.x[0])) - (
        world.world_vy[1] + world.yaw_rate[1] * (px[0] - world.x[1])
    )
    assert rel_x * nx[0] + rel_y * ny[0] > -1e-6


def test_head_on_crash_through_step_bounces_back_and_does_not_pass():
    world = World(open_square())
    world.spawn(VehicleClass.SEDAN, [380.0, 420.0], [400.0, 400.0], [0.0, np.pi], speed=15.0)
    hold(world, 3.0)
    assert world.x[0] < world.x[1]
    hit, depth, *_ = box_overlaps(world, np.array([0]), np.array([1]))
    assert not hit[0] or depth[0] < 0.05


def test_thousand_cars_jammed_in_a_box_stay_finite_and_apart():
    world = World(open_square(cells=40), seed=5)  # 152 m inside; 1,000 cars fill it thickly
    rng = world.rng
    n = 1000
    k = np.arange(n)
    x, y = 10.0 + (k % 25) * 5.6, 10.0 + (k // 25) * 3.5
    world.spawn(rng.integers(0, len(VehicleClass), n), x, y, rng.normal(0.0, 0.2, n))
    controls = controls_for(n, throttle=1.0)
    for tick in range(240):
        if tick % 40 == 0:
            controls[:, 2] = rng.uniform(-1.0, 1.0, n)
        world.step(controls)
        assert np.isfinite(world.x).all() and np.isfinite(world.world_vx).all()
    assert world.speed.max() < 40.0  # nobody thrown out at silly speed
    inside = (world.x > 4.0) & (world.x < 156.0) & (world.y > 4.0) & (world.y < 156.0)
    assert inside.all()
    touching = world.step(controls).collisions
    cars = touching.b >= 0
    assert cars.sum() > 500  # it really is a jam
    _, depth, *_ = box_overlaps(world, touching.a[cars], touching.b[cars])
    assert np.median(depth) < 0.15


@pytest.mark.parametrize(("cells", "n"), [(30, 400), (300, 60)])  # cell-start table; search
def test_broad_phase_finds_every_close_pair_once_and_nothing_else(cells, n):
    from game.sim.contacts import candidate_pairs

    world = World(open_square(cells), seed=2)
    rng = world.rng  # cars crowd the top-left corner: many share cells and straddle borders
    world.spawn(
        rng.integers(0, len(VehicleClass), n), rng.uniform(-5, 125, n), rng.uniform(0, 120, n), 0.0
    )
    for _ in range(2):  # the second call starts from the first call's order
        i, j = candidate_pairs(world.broad, world.x, world.y, world.params.radius)
        found = {(min(a, b), max(a, b)) for a, b in zip(i.tolist(), j.tolist(), strict=True)}
        assert len(found) == i.size  # each pair once
        assert not np.any(i == j)  # never a car with itself
        dx = world.x[:, None] - world.x[None, :]
        dy = world.y[:, None] - world.y[None, :]
        reach = world.params.radius[:, None] + world.params.radius[None, :]
        a, b = np.nonzero(np.triu(dx**2 + dy**2 < reach**2, k=1))
        assert a.size > 5
        assert set(zip(a.tolist(), b.tolist(), strict=True)) == found  # all close, only close
        world.x = world.x + rng.normal(0, 2.0, n)


@pytest.mark.parametrize("offset", [0.0, 0.6, 1.2])
def test_offset_head_on_at_top_speed_crashes_instead_of_slipping_past(offset):
    world = World(open_square(100))
    world.spawn(
        VehicleClass.STOCK_CAR, [150.0, 250.0], [200.0, 200.0 + offset], [0.0, np.pi], speed=70.0
    )
    assert 2 * 70.0 * world.dt > 2.0  # they close over 2 m a tick, more than their side overlap
    hold(world, 1.0)
    assert world.x[0] < world.x[1]
    assert world.wrecked.all()


def test_cars_spawned_on_top_of_each_other_part_gently():
    world = World(open_square())
    world.spawn([VehicleClass.SEDAN, VehicleClass.VAN, VehicleClass.TAXI], [400.0, 400.5, 399.7],
                [400.0, 400.3, 399.8], [0.0, 0.2, -0.1])  # fmt: skip
    for _ in range(120):
        world.step(controls_for(3))
        assert world.speed.max() < 3.0  # pushed apart, never fired apart
    _, depth, *_ = box_overlaps(world, np.array([0, 0, 1]), np.array([1, 2, 2]))
    assert depth.max() < 0.01


@pytest.mark.parametrize("seed", range(8))
def test_contact_point_lies_on_both_cars(seed):
    rng = np.random.default_rng(seed)
    world = World(open_square(), seed=seed)
    world.spawn(rng.integers(0, len(VehicleClass), 2), 400.0, 400.0, rng.uniform(-np.pi, np.pi, 2))
    direction = rng.uniform(-np.pi, np.pi)
    for gap in np.arange(8.0, 0.0, -0.02):  # slide car 1 in until the boxes just touch
        world.x[1] = 400.0 + gap * np.cos(direction)
        world.y[1] = 400.0 + gap * np.sin(direction)
        if box_overlaps(world, np.array([0]), np.array([1]))[0][0]:
            break
    x, y = world.x.copy(), world.y.copy()
    events = collide_cars(world, world.dt)
    for car in (0, 1):
        c, s = np.cos(world.heading[car]), np.sin(world.heading[car])
        dx, dy = events.x[0] - x[car], events.y[0] - y[car]
        assert abs(dx * c + dy * s) <= world.params.half_length[car] + 0.05
        assert abs(dy * c - dx * s) <= world.params.half_width[car] + 0.05
