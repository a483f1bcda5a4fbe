"""The racer fleet on the speedway: the grid, the racing line, passing, the pit lane."""

from __future__ import annotations

import numpy as np
import pytest

from game.ai.parked import ParkedCars
from game.ai.racers import MODE_PIT, RacerController
from game.level import load_level
from game.mission.validate import LEVELS_DIR
from game.session.drive import DriveSession


@pytest.fixture(scope="module")
def speedway():
    return load_level(LEVELS_DIR / "maps" / "speedway.tmx")


def racers_at(level, places, speed=0.0):
    """A session with a racer at each (metres along the lap, metres right of it)."""
    session = DriveSession(level, seed=3)
    fleet = RacerController.in_setting(session.setting)
    lap = fleet.track.lap
    s = np.array([p[0] for p in places])
    x, y = lap.pose_at(s, np.array([p[1] for p in places]))
    ahead_x, ahead_y = lap.pose_at(s + 1.0, np.array([p[1] for p in places]))
    heading = np.arctan2(ahead_y - y, ahead_x - x)
    rows = session.spawn_many(["stock_car"] * len(places), x, y, heading, speed)
    session.join("racer", rows, lambda setting: fleet)
    return session, fleet, rows


def run(session, seconds):
    for _ in range(int(seconds * 60)):
        session.tick()
        session.drain_events()


def test_racers_hold_the_grid_until_the_green_then_race_the_line(speedway):
    session, fleet, rows = racers_at(speedway, [(950.0, -11.0), (935.0, -7.0), (920.0, -11.0)])
    world = session.world
    run(session, 1.0)
    assert np.all(world.speed[rows] < 0.2)  # no green yet: handbrake on
    fleet.go(world.time)
    start, _ = fleet.track.lap.project(world.x[rows], world.y[rows])
    run(session, 12.0)
    now, lateral = fleet.track.lap.project(world.x[rows], world.y[rows])
    raced = fleet.track.lap.ahead_m(start, now) % fleet.track.lap.length
    assert np.all(raced > 200.0)  # round the first bend at racing speed
    lo, hi = fleet.track.lateral_range
    assert np.all((lateral > lo - 2.5) & (lateral < hi + 1.0))  # on the track, off the wall
    assert not world.wrecked[rows].any() and np.all(world.damage[rows] < 0.1)


def test_a_racer_passes_a_slower_car_in_its_lane_without_touching_it(speedway):
    session, fleet, rows = racers_at(speedway, [(0.0, -11.0)], speed=20.0)
    lap = fleet.track.lap
    x, y = lap.pose_at(np.array([70.0]), np.array([-11.0]))  # stopped dead in its lane
    slow = session.spawn("stock_car", float(x[0]), float(y[0]), 0.0)
    session.join("parked", [slow], ParkedCars.in_setting)
    fleet.go(0.0)
    world = session.world
    run(session, 6.0)
    s_racer, _ = lap.project(world.x[rows], world.y[rows])
    assert s_racer[0] > 90.0  # past it (it stands at 70 m)
    assert world.damage[slow] == 0.0 and world.damage[rows[0]] == 0.0


def test_a_racer_behind_a_car_with_no_room_beside_it_follows(speedway):
    session, fleet, rows = racers_at(speedway, [(0.0, -7.0)], speed=15.0)
    lap = fleet.track.lap
    blockers = []
    for lateral in (-11.0, -7.0, -3.0):  # a wall of cars across the track ahead
        x, y = lap.pose_at(np.array([60.0]), np.array([lateral]))
        blockers.append(session.spawn("stock_car", float(x[0]), float(y[0]), 0.0))
    session.join("parked", blockers, ParkedCars.in_setting)
    fleet.go(0.0)
    run(session, 6.0)
    world = session.world
    s_racer, _ = lap.project(world.x[rows], world.y[rows])
    assert 40.0 < s_racer[0] < 58.0  # held back behind them
    assert world.speed[rows[0]] < 1.0 and not world.wrecked[rows].any()


def test_a_damaged_racer_takes_the_pit_lane_stops_at_the_box_and_rejoins(speedway):
    session, fleet, rows = racers_at(speedway, [(720.0, -11.0)], speed=20.0)
    world = session.world
    world.damage[rows] = 0.5  # bent in a touch a lap ago
    fleet.go(0.0)
    pit_zone = speedway.zones["pit"]
    modes, stood_in_pit = set(), 0.0
    for _ in range(int(40 * 60)):
        session.tick()
        session.drain_events()
        modes.add(int(fleet.mode[0]))
        inside = pit_zone.contains(world.x[rows], world.y[rows])[0]
        stood_in_pit += world.dt if inside and world.speed[rows[0]] < 0.5 else 0.0
        if fleet.pitted[0]:
            break
    assert MODE_PIT in modes and fleet.pitted[0]
    assert stood_in_pit >= fleet.params.pit_stop_s - 0.1
    assert world.damage[rows[0]] < 0.6  # drove it in, did not crash it in
