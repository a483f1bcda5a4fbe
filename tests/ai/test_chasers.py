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


def _chaser_on_grid(driver_xy, chaser_xy, chaser_heading, **params):
    graph, terrain = grid_graph(), grid_terrain()
    planner = RoutePlanner(graph)
    world = World(terrain, seed=0)
    world.spawn(VehicleClass.DRIVER, *driver_xy, 0.0)
    car = world.spawn(VehicleClass.MUSCLE, *chaser_xy, chaser_heading)
    return world, ChaserController(planner, terrain, car, **params)


def test_breaking_the_line_of_sight_does_not_shake_it():
    # the Driver parks round a corner, behind a block: out of its sight, well inside the
    # gap that shakes it, for longer than that gap would have to hold
    from game.ai.perception import line_of_sight

    world, chaser = _chaser_on_grid((street_line(1) + 2, street_line(1) + 30),
                                    (street_line(0) + 30, street_line(0) + 2), 0.0)
    assert not line_of_sight(chaser.terrain, world.x[1:2], world.y[1:2], world.x[0],
                             world.y[0])[0]
    parked = hold_still(1)[0]
    contact_s = _run(world, chaser, lambda w: parked, 3 * chaser.lose_after_s)
    assert contact_s is not None and contact_s > 1.0  # it came round the block and hit him
    assert not chaser.lost and not chaser.shaken(world)


def test_only_a_gap_held_without_a_break_shakes_it():
    world, chaser = _chaser_on_grid((street_line(2) + 2, street_line(2) + 2),
                                    (street_line(0) + 2, street_line(0) + 2), 0.0,
                                    lose_range_m=60.0, lose_after_s=1.0)
    parked = hold_still(1)[0]
    far = (street_line(2) + 2, street_line(2) + 2)  # about 180 m from the chaser's start
    _run(world, chaser, lambda w: parked, 0.8)  # nearly long enough...
    assert not chaser.lost and chaser.gap_held_s > 0.5
    world.place(0, world.x[1] + 20.0, world.y[1], 0.0)  # ...then he is near it for a moment
    _run(world, chaser, lambda w: parked, 0.1)
    assert chaser.gap_held_s == 0.0 and not chaser.lost
    world.place(0, *far, 0.0)
    _run(world, chaser, lambda w: parked, 1.5)  # far again, and for long enough now
    assert chaser.lost and chaser.shaken(world)


def test_a_wrecked_chaser_is_shaken():
    world, chaser = _chaser_on_grid((street_line(1) + 2, street_line(1) + 30),
                                    (street_line(0) + 30, street_line(0) + 2), 0.0)
    assert not chaser.shaken(world)
    world.wrecked[chaser.units] = True
    assert chaser.shaken(world) and not chaser.lost


def test_a_chaser_sent_to_a_lot_waits_there_lit_until_it_is_let_loose():
    from game.sim.controls import LIGHTS

    lot = (street_line(2) - 20, street_line(0) + 2)  # on its way east, past a junction
    world, chaser = _chaser_on_grid((street_line(2) + 25, street_line(0) - 2),
                                    (street_line(0) + 30, street_line(0) + 2), 0.0)
    chaser.send(*lot)
    parked = hold_still(1)[0]
    touched = _run(world, chaser, lambda w: parked, 20.0)
    car = chaser.units[0]
    assert touched is None  # the Driver sat down the street, in its sight: it only waited
    assert np.hypot(world.x[car] - lot[0], world.y[car] - lot[1]) < 16.0
    assert abs(world.vx[car]) < 0.5
    assert chaser.controls(world, 0, world.time)[0, LIGHTS] == 1.0  # he can see it there
    assert chaser.gap_held_s == 0.0 and not chaser.lost  # no chase, no gap counted
    chaser.hunt()
    assert _run(world, chaser, lambda w: parked, 10.0) is not None  # now it goes for him


def test_a_chaser_against_the_stopped_driver_is_pinning_him_and_not_when_he_drives():
    from game.ai.chasers import PIN_BELOW_MS, PIN_RANGE_M
    from game.sim.controls import HANDBRAKE, THROTTLE

    world, chaser = _chaser_on_grid((street_line(1) + 40, street_line(1) + 2),
                                    (street_line(1) + 10, street_line(1) + 2), 0.0)
    parked = hold_still(1)[0]
    parked[HANDBRAKE] = 1.0
    assert _run(world, chaser, lambda w: parked, 10.0) is not None  # it drove into him
    seen = []
    for _ in range(360):  # it pushes him along until his handbrake holds them both
        _run(world, chaser, lambda w: parked, world.dt)
        seen.append(chaser.pinning)
    gap = float(np.hypot(world.x[1] - world.x[0], world.y[1] - world.y[0]))
    assert seen[-1] and not seen[0] and gap < PIN_RANGE_M and abs(float(world.vx[0])) < PIN_BELOW_MS
    away = empty_controls(1)[0]
    away[THROTTLE] = 1.0
    for _ in range(180):  # he floors it down the street
        _run(world, chaser, lambda w: away, world.dt)
    assert not chaser.pinning and abs(float(world.vx[0])) > PIN_BELOW_MS


def test_a_pin_does_not_count_in_the_first_seconds_of_a_hunt():
    from game.ai.chasers import PIN_GRACE_S
    from game.sim.controls import HANDBRAKE

    # let loose with its nose already against his parked car (spawned in his lot)
    world, chaser = _chaser_on_grid((street_line(1) + 20, street_line(1) + 2),
                                    (street_line(1) + 15.5, street_line(1) + 2), 0.0)
    parked = hold_still(1)[0]
    parked[HANDBRAKE] = 1.0
    seen = []
    for _ in range(round((PIN_GRACE_S + 2.0) / world.dt)):
        _run(world, chaser, lambda w: parked, world.dt)
        seen.append((chaser.hunted_s, chaser.pinning))
    assert not any(pinned for hunted, pinned in seen if hunted < PIN_GRACE_S)
    assert seen[-1][1]  # ...and then it does
