"""The World API others code against: spawn, place, step shape checks, hash, snapshot."""

import numpy as np
import pytest

from game.sim import FixedStepClock, VehicleClass, World
from game.sim.controls import N_CONTROLS, empty_controls

from .helpers import controls_for, open_square


def random_drive(seed: int, ticks: int, cars: int = 4) -> tuple[World, int]:
    """A few cars in a box under controls from the world's own generator; (world, contacts)."""
    world = World(open_square(20), seed=seed)
    rng = world.rng
    world.spawn(rng.integers(0, len(VehicleClass), cars), rng.uniform(20, 60, cars),
                rng.uniform(20, 60, cars), rng.uniform(-np.pi, np.pi, cars))  # fmt: skip
    controls = empty_controls(cars)
    contacts = 0
    for tick in range(ticks):
        if tick % 30 == 0:
            controls[:, :4] = rng.random((cars, 4))
            controls[:, 0] *= 0.6
            controls[:, 2] = 2 * controls[:, 2] - 1
            controls[:, 3] = controls[:, 3] < 0.1
        contacts += len(world.step(controls).collisions)
    return world, contacts


def test_same_seed_and_controls_give_the_same_hash_after_10000_ticks():
    # seed 0: a run whose cars keep meeting (some seeds leave four cars apart for good)
    first, contacts = random_drive(seed=0, ticks=10_000)
    second, _ = random_drive(seed=0, ticks=10_000)
    assert contacts > 100  # the run went through plenty of collisions
    assert first.state_hash() == second.state_hash()
    assert first.tick == 10_000 and first.time == pytest.approx(10_000 / 60)
    assert np.isfinite(first.x).all()


def test_different_seed_gives_a_different_hash():
    one, _ = random_drive(seed=1, ticks=200)
    two, _ = random_drive(seed=2, ticks=200)
    assert one.state_hash() != two.state_hash()


def test_hash_sees_every_state_change():
    world, _ = random_drive(seed=3, ticks=10)
    before = world.state_hash()
    world.yaw_rate[2] += 1e-12
    assert world.state_hash() != before


def test_spawn_appends_and_broadcasts():
    world = World(open_square(50))
    first = world.spawn(VehicleClass.POLICE, 50.0, 60.0, 0.5, speed=10.0)
    more = world.spawn([VehicleClass.VAN, VehicleClass.TAXI], [80.0, 90.0], 70.0, 0.0)
    assert first.tolist() == [0] and more.tolist() == [1, 2] and world.n == 3
    assert world.vehicle_class.tolist() == [
        VehicleClass.POLICE,
        VehicleClass.VAN,
        VehicleClass.TAXI,
    ]
    assert world.x.tolist() == [50.0, 80.0, 90.0] and world.y.tolist() == [60.0, 70.0, 70.0]
    assert world.speed.tolist() == [10.0, 0.0, 0.0]
    assert world.params.mass[1] > world.params.mass[0]  # a van outweighs a cruiser
    with pytest.raises(ValueError, match="vehicle class"):
        world.spawn(99, 0.0, 0.0, 0.0)


def test_place_teleports_and_resets_a_car():
    world, _ = random_drive(seed=4, ticks=120)
    world.damage[1] = 0.5
    world.place([1], 40.0, 45.0, 1.0, speed=3.0)
    assert (world.x[1], world.y[1], world.heading[1]) == (40.0, 45.0, 1.0)
    assert world.vx[1] == 3.0 and world.vy[1] == 0.0 and world.yaw_rate[1] == 0.0
    assert world.damage[1] == 0.0 and not world.wrecked[1]


def test_step_rejects_controls_of_the_wrong_shape():
    world = World(open_square(50))
    world.spawn(VehicleClass.SEDAN, [50.0, 70.0], 50.0, 0.0)
    with pytest.raises(ValueError, match=rf"\(2, {N_CONTROLS}\)"):
        world.step(empty_controls(3))


def test_snapshot_is_a_copy_for_interpolation():
    world = World(open_square(50))
    world.spawn(VehicleClass.DRIVER, 50.0, 50.0, 0.0, speed=10.0)
    before = world.snapshot()
    world.step(controls_for(1))
    assert before.x[0] == 50.0 and world.x[0] > 50.0


def test_vehicle_class_from_name():
    assert VehicleClass.from_name("stock_car") is VehicleClass.STOCK_CAR
    assert VehicleClass.from_name("Police") is VehicleClass.POLICE
    with pytest.raises(ValueError, match="expected one of"):
        VehicleClass.from_name("tank")


def test_clock_clamps_a_stall_and_keeps_the_remainder_as_alpha():
    clock = FixedStepClock(1 / 60, max_frame=0.25)
    assert clock.advance(2.0) == 15  # a 2-s hitch costs at most a quarter second of steps
    assert clock.alpha == pytest.approx(0.0, abs=1e-6)
    assert clock.advance(1 / 120) == 0 and clock.alpha == pytest.approx(0.5)
    assert clock.advance(1 / 120) == 1 and clock.alpha == pytest.approx(0.0, abs=1e-6)
    assert clock.advance(1 / 60 * 2.25) == 2 and clock.alpha == pytest.approx(0.25)
    assert clock.advance(-1.0) == 0  # time never runs backwards


def test_clock_runs_real_time_at_any_frame_rate():
    for frame in (1 / 30, 1 / 60, 1 / 144, 0.021):
        clock = FixedStepClock(1 / 60)
        steps = sum(clock.advance(frame) for _ in range(round(10.0 / frame)))
        assert abs(steps - 600) <= 1


def test_big_worlds_step_in_blocks_with_identical_results(monkeypatch):
    from game.sim import dynamics
    from game.sim.arena import build

    whole, drive_whole = build(50, seed=3)
    blocked, drive_blocked = build(50, seed=3)
    for tick in range(120):
        whole.step(drive_whole(whole, tick))
        with monkeypatch.context() as patch:
            patch.setattr(dynamics, "BLOCK", 16)  # 50 cars -> blocks of 16, 16, 16, 2
            blocked.step(drive_blocked(blocked, tick))
    assert whole.state_hash() == blocked.state_hash()


def test_world_keeps_the_previous_poses_for_interpolation():
    world = World(open_square(50))
    world.spawn(VehicleClass.DRIVER, 50.0, 50.0, np.pi - 0.15, speed=12.0)
    world.spawn(VehicleClass.VAN, 120.0, 120.0, 0.5)  # spawned late: previous grows too
    crossed = False
    for _ in range(60):  # turning right, the heading runs over +pi and wraps to -pi
        world.step(controls_for(2, steer=1.0))
        before, after, halfway = world.previous, world.snapshot(), world.interpolated(0.5)
        turn = np.remainder(after.heading[0] - before.heading[0] + np.pi, 2 * np.pi) - np.pi
        crossed |= after.heading[0] < before.heading[0]
        assert 0.0 < turn < 0.2  # one tick of turning, never a lap the long way round
        assert halfway.heading[0] == pytest.approx(before.heading[0] + turn / 2)
        assert halfway.x[0] == pytest.approx((before.x[0] + after.x[0]) / 2)
    assert crossed
    world.place([1], 10.0, 10.0, 0.0)
    assert world.interpolated(0.3).x[1] == 10.0  # a teleport does not slide across the map


def test_an_empty_world_steps():
    world = World(open_square(10))
    events = world.step(empty_controls(0))
    assert len(events.collisions) == 0 and events.wrecked.size == 0 and world.tick == 1
