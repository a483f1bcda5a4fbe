"""The crew on foot in the view: waiting at the pickup, walking to the building as the
window opens, inside, walking back to reach the car as the rule has them come out."""

from dataclasses import replace

import numpy as np
import pytest

from game.mission.crew_walk import WALK_MS, door_point
from game.mission.window import CrewState
from game.sim.terrain import Terrain

from .tiny import MISSION, SPAWNS, BareSession, tiny_level, tiny_mission

#: the tiny job with a long job inside: 250 clock seconds (25 s of sim time)
SLOW_CREW = MISSION.replace("return_s = [100, 120]", "return_s = [250, 250]").replace(
    "return_s = [150, 160]", "return_s = [260, 260]")


@pytest.fixture
def job(tmp_path):
    level = tiny_level()
    session = BareSession(level)
    runtime = session.job(tiny_mission(tmp_path, SLOW_CREW), seed=1)
    return session, runtime


def seen(session) -> dict:
    return {c.name: c for c in session.view.rules.crew}


def distance(a, b) -> float:
    return float(np.hypot(a[0] - b[0], a[1] - b[1]))


def test_the_crew_waits_at_the_pickup_until_the_car_takes_them(job):
    session, runtime = job
    session.tick()
    crew = seen(session)
    assert crew["Irish"].position == (SPAWNS["crew_1"].x, SPAWNS["crew_1"].y)
    assert crew["Blanche"].position == (SPAWNS["crew_2"].x, SPAWNS["crew_2"].y)
    assert not crew["Irish"].walking
    session.park_at("crew_pickup")
    session.run(1.5)
    assert all(c.state == "aboard" and c.position is None for c in seen(session).values())


def test_they_walk_to_the_door_go_in_and_walk_back_to_the_car(job):
    session, runtime = job
    session.park_at("crew_pickup")
    session.run(1.5)
    session.park_at("warehouse")
    car = (float(session.world.x[0]), float(session.world.y[0]))
    while runtime.window_opened_at is None:
        session.tick()
    door = runtime.walk.door
    assert session.level.terrain.is_solid(*np.array([door]).T).tolist() == [False]
    assert distance(door, car) > 5.0  # the door is on the building, not at the car
    walk_s = distance(car, door) / WALK_MS
    gaps = []
    for _ in range(round(walk_s / 2 / session.dt)):
        session.tick()
        irish = seen(session)["Irish"]
        assert irish.state == "inside" and irish.walking
        gaps.append(distance(irish.position, door))
    assert gaps[-1] < gaps[0] - 0.4 * distance(car, door)  # well on the way to the door
    session.run(walk_s / 2 + 1.0)
    assert seen(session)["Irish"].position is None  # inside, unseen
    irish = next(c for c in runtime.rule.crew if c.name == "Irish")
    out_at = runtime.window_opened_at + irish.return_offset
    while runtime.clock.now < out_at - 0.5 * walk_s * runtime.mission.time_scale:
        session.tick()
    halfway = seen(session)["Irish"]
    assert halfway.walking and 0.3 * distance(car, door) < distance(halfway.position, car)
    while irish.state is CrewState.INSIDE:
        session.tick()
        if irish.state is CrewState.INSIDE:
            last = seen(session)["Irish"].position
    assert distance(last, car) < 2.0  # he reached the car just as he came out...
    assert irish.state is CrewState.BACK and seen(session)["Irish"].position is None  # ...in


def test_the_door_is_on_the_face_of_the_building_nearest_the_car():
    level = tiny_level()
    solid = np.zeros((20, 20), dtype=bool)
    solid[5:8, 10:14] = True  # a block 16 m wide, 12 m deep
    terrain = Terrain(solid=solid, surface=level.terrain.surface[:20, :20], cell_size=4.0)
    corners = np.array([[40.0, 32.0], [56.0, 32.0], [56.0, 44.0], [40.0, 44.0]])
    yard = replace(level.zones["warehouse"], polygon=corners)
    x, y = door_point(terrain, yard, 50.0, 40.0)
    assert 40.0 <= x <= 56.0 and 32.0 <= y <= 34.0  # just south of the block's south face
