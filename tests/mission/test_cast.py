"""A job's actors through the cast: the session's police fleet drives them (respond to a
call, chase when the heat meter says so, ram), chasers and the Detective their own fleets;
the session's senses and law decide who is seen and when a pursuit runs."""

import numpy as np
import pytest

from game.ai.driving import DrivingStyle
from game.ai.routes import RouteFollower
from game.mission.job import build_session
from game.problems import FileProblem
from game.session.drive import LAW_PURSUIT
from tests.session.steady import Steady

from .tiny import MISSION, tiny_level, tiny_mission


class Following:
    """The Driver's driver for a test: a route follower's rows."""

    def __init__(self, follower: RouteFollower) -> None:
        self.follower = follower

    def drive(self, senses, controls) -> None:
        world = senses.world
        controls[senses.player] = self.follower.controls(world, world.time, world.dt)


def job(tmp_path):
    early = MISSION.replace('start = "01:58"', 'start = "01:30"')  # not late for minutes
    session, runtime = build_session(tiny_mission(tmp_path, early), tiny_level(), seed=1)
    runtime.spawn_actor("backup")  # the tiny job's one police car, at (110, 10) facing east
    return session, runtime, runtime.cast


def contacts(events, a: int, b: int) -> bool:
    hits = events.collisions
    return bool((((hits.a == a) & (hits.b == b)) | ((hits.a == b) & (hits.b == a))).any())


def test_a_unit_in_a_job_pursuit_closes_on_the_driver_and_rams_him(tmp_path):
    session, runtime, cast = job(tmp_path)
    world, player = session.world, session.player
    unit = cast.vehicle_index("backup")
    assert session.police.units.tolist() == [unit]
    # the ring's north side, 140 m straight: the unit at its start, the Driver 25 m ahead
    world.place(unit, 20.0, 10.0, 0.0)
    world.place(player, 45.0, 10.0, 0.0, 4.0)
    # he makes off at a crawl: a unit in a pursuit follows him, then pushes him
    crawl = DrivingStyle(speed_factor=0.35)
    escape = RouteFollower(session.setting.planner, player, 150.0, 140.0, session.level.terrain,
                           style=crawl)
    session.player_driver = Following(escape)
    runtime.heat.add(1.0)  # enough heat: the first sighting starts the pursuit
    rammed_at = None
    for _ in range(int(20.0 / world.dt)):
        if contacts(session.tick(), unit, player):
            rammed_at = world.time
            break
    assert runtime.ended is None
    assert runtime.heat.pursuit and session.police.pursuing  # the meter started it, they obey
    # a unit out of a pursuit, or before it may ram, keeps its distance; ramming touches him
    assert rammed_at is not None and rammed_at >= LAW_PURSUIT.ram_after_s


def test_the_heat_meter_ends_the_pursuit_and_the_units_patrol_again(tmp_path):
    session, runtime, cast = job(tmp_path)
    world, player = session.world, session.player
    world.place(player, 135.0, 10.0, 0.0)
    runtime.heat.add(1.0)
    session.tick()
    assert session.police.pursuing and session.law.witnessed
    world.place(player, 150.0, 150.0, 0.0)  # gone: behind the unit, far out of its cone
    session.player_driver = Steady(lights=0.0)
    seconds = runtime.heat.lose_after_s + 1.0
    for _ in range(int(seconds / world.dt)):
        session.tick()
        if not runtime.heat.pursuit:
            break
    assert runtime.ended is None and not runtime.heat.pursuit and not session.police.pursuing
    assert runtime.heat.unseen_s >= runtime.heat.lose_after_s


def test_a_dispatch_sends_the_unit_to_the_street_outside_the_place(tmp_path):
    session, runtime, cast = job(tmp_path)
    world = session.world
    unit = cast.vehicle_index("backup")
    warehouse = session.level.zones["warehouse"].centre  # (138, 55), east of the ring's side
    runtime.dispatch(*warehouse, 1)
    assert session.police.helicopter_goal == warehouse
    for _ in range(int(12.0 / world.dt)):
        session.tick()
    assert abs(world.x[unit] - 150.0) < 3.0  # on the ring road beside it, not in the yard
    assert abs(world.y[unit] - warehouse[1]) < 16.0 and abs(world.vx[unit]) < 0.5


def test_a_chaser_in_a_job_goes_for_the_driver_without_any_heat(tmp_path):
    text = MISSION.replace('role = "police"', 'role = "chaser"')
    session, runtime = build_session(tiny_mission(tmp_path, text), tiny_level(), seed=1)
    world, player, cast = session.world, session.player, runtime.cast
    runtime.spawn_actor("backup")  # now a chaser at (110, 10)
    chaser = cast.vehicle_index("backup")
    assert session.fleets["chaser"].rows.tolist() == [chaser] and session.police.units.size == 0
    world.place(player, 150.0, 120.0, np.pi / 2)  # round the corner, standing still
    session.player_driver = Steady(lights=0.0)
    start = np.hypot(world.x[chaser] - 150.0, world.y[chaser] - 120.0)
    for _ in range(int(10.0 / world.dt)):
        session.tick()
    assert not runtime.heat.pursuit  # no police: nobody is chasing him for the heat meter
    assert np.hypot(world.x[chaser] - 150.0, world.y[chaser] - 120.0) < 0.6 * start


def test_a_detective_tails_and_a_second_one_is_a_file_problem(tmp_path):
    text = MISSION.replace('role = "police"', 'role = "detective"')
    session, runtime = build_session(tiny_mission(tmp_path, text), tiny_level(), seed=1)
    world, player, cast = session.world, session.player, runtime.cast
    runtime.spawn_actor("backup")
    detective = cast.vehicle_index("backup")
    tail = session.fleets["detective"]
    assert tail.unit == detective and session.vehicles_of("detective").tolist() == [detective]
    world.place(player, 140.0, 10.0, 0.0)  # 30 m ahead of him on the ring
    for _ in range(int(2.0 / world.dt)):
        session.tick()
    assert tail.seeing and tail.last_seen is not None
    with pytest.raises(FileProblem, match="one detective"):
        runtime.spawn_actor("backup")
