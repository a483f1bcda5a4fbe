"""What a career's Standing does to a job: the Driver drives his own car (its class, its
plate, its colour in what the crew says), and the Detective's car comes in after the
Standing's delay, at the clear police spawn farthest from the Driver."""

from dataclasses import replace

import numpy as np

from game.level.model import Spawn
from game.mission.events import DetectiveArrived
from game.mission.job import build_session
from game.mission.result import job_result
from game.mission.window import CrewState
from game.session.standing import CarDescription, Standing
from game.sim import VehicleClass
from tests.mission.tiny import MISSION, tiny_level, tiny_mission

FAR = Spawn("police_far", 20, "police", 140.0, 140.0, 0.0, "police")
NEAR = Spawn("police_near", 21, "police", 60.0, 10.0, 0.0, "police")


def run(session, runtime, seconds):
    for _ in range(round(seconds / session.dt)):
        session.tick()


def level_with_spawns(*extra):
    level = tiny_level()
    return replace(level, spawns={**level.spawns, **{s.name: s for s in extra}})


def test_the_detective_comes_in_after_the_standings_delay(tmp_path):
    level = level_with_spawns(FAR, NEAR)
    session, runtime = build_session(tiny_mission(tmp_path), level,
                                     standing=Standing(detective_after_s=1.0))
    run(session, runtime, 0.9)
    assert session.vehicles_of("detective").size == 0
    run(session, runtime, 0.2)
    (detective,) = session.vehicles_of("detective")
    assert VehicleClass(int(session.world.vehicle_class[detective])) is VehicleClass.UNMARKED
    xy = (session.world.x[detective], session.world.y[detective])
    assert np.hypot(xy[0] - FAR.x, xy[1] - FAR.y) < 1.0  # far from the Driver
    (arrived,) = [e for e in runtime.events if isinstance(e, DetectiveArrived)]
    assert arrived.spawn == "police_far"
    run(session, runtime, 1.0)
    assert session.vehicles_of("detective").size == 1  # he comes once


def test_he_takes_the_next_spawn_when_a_car_stands_on_the_farthest(tmp_path):
    session, runtime = build_session(tiny_mission(tmp_path), level_with_spawns(FAR, NEAR),
                                     standing=Standing(detective_after_s=0.5))
    session.spawn("sedan", FAR.x + 2.0, FAR.y, 0.0)
    run(session, runtime, 0.6)
    (arrived,) = [e for e in runtime.events if isinstance(e, DetectiveArrived)]
    assert arrived.spawn in ("police_1", "police_near")


def test_a_detective_spawn_on_the_map_comes_first(tmp_path):
    own = Spawn("detective", 22, "detective", 30.0, 150.0, 0.0)
    session, runtime = build_session(tiny_mission(tmp_path), level_with_spawns(FAR, own),
                                     standing=Standing(detective_after_s=0.5))
    run(session, runtime, 0.6)
    (arrived,) = [e for e in runtime.events if isinstance(e, DetectiveArrived)]
    assert arrived.spawn == "detective"


def test_without_a_delay_he_never_comes(tmp_path):
    session, runtime = build_session(tiny_mission(tmp_path), level_with_spawns(FAR))
    run(session, runtime, 2.0)
    assert session.vehicles_of("detective").size == 0
    assert not any(isinstance(e, DetectiveArrived) for e in runtime.events)


def test_the_driver_brings_his_own_car(tmp_path):
    car = CarDescription("muscle", "maroon", "1ABC234")
    session, runtime = build_session(tiny_mission(tmp_path), tiny_level(),
                                     standing=Standing(player_car=car), crew_late=True)
    player = session.player
    assert VehicleClass(int(session.world.vehicle_class[player])) is VehicleClass.MUSCLE
    assert runtime.plate == "1ABC234"
    runtime.rule.crew[0].state = CrewState.LEFT_BEHIND
    result = job_result(runtime, session)
    assert result.plate == "1ABC234" and result.car_damage == 0.0
    assert result.testimony[0].car == "a maroon muscle car with a loud engine"


def test_a_witness_action_goes_into_the_result(tmp_path):
    text = MISSION.replace('objective = "Pick up the crew."', 'objective = "Pick up the crew."\n'
                           'enter = [{ action = "witness", text = "a gambler saw your face" }]')
    session, runtime = build_session(tiny_mission(tmp_path, text), tiny_level())
    assert job_result(runtime, session).witnesses == ("a gambler saw your face",)
