"""A new kind of driver plugs in through the interface and one row of the roles table:
the mission file names its role, ``check`` accepts it, the job spawns it and it drives."""

import numpy as np

from game.mission import roles
from game.mission.job import build_session
from game.mission.validate import map_problems
from game.sim import VehicleClass
from game.sim.controls import STEER, THROTTLE

from .tiny import MISSION, tiny_level, tiny_mission


class Circler:
    """A toy driver: every car it has drives round in a tight circle, forever."""

    role = "circler"
    sight = None

    def __init__(self, setting) -> None:
        self.rows = np.zeros(0, dtype=np.intp)

    def add(self, rows: np.ndarray) -> None:
        self.rows = np.append(self.rows, rows)

    def drive(self, senses, controls: np.ndarray) -> None:
        controls[self.rows, THROTTLE] = 0.4
        controls[self.rows, STEER] = 1.0


def test_a_new_driver_kind_needs_only_its_class_and_a_role(tmp_path, monkeypatch):
    monkeypatch.setitem(roles.ROLES, "circler",
                        roles.Role("taxi", Circler, "drives round in circles"))
    text = MISSION.replace('role = "police"', 'role = "circler"').replace(
        "at_start = false", "at_start = true").replace(
        ', { action = "spawn", vehicle = "backup" }', "")
    mission = tiny_mission(tmp_path, text.replace('start = "01:58"', 'start = "01:30"'))
    level = tiny_level()
    assert map_problems(mission, level) == []
    session, runtime = build_session(mission, level, seed=1)
    car = runtime.cast.vehicle_index("backup")
    assert session.vehicles_of("circler").tolist() == [car]
    assert session.world.vehicle_class[car] == VehicleClass.POLICE  # the spawn's class
    start = (float(session.world.x[car]), float(session.world.y[car]))
    headings = []
    for _ in range(360):
        session.tick()
        headings.append(float(session.world.heading[car]))
    assert np.hypot(session.world.x[car] - start[0], session.world.y[car] - start[1]) > 1.0
    assert np.ptp(np.unwrap(headings)) > np.pi  # it went round


def test_an_unknown_role_is_a_file_problem(tmp_path):
    from game.mission.mission_file import parse_mission

    path = tmp_path / "bad.toml"
    path.write_text(MISSION.replace('role = "police"', 'role = "circler"'))
    _, problems = parse_mission(path)
    assert any(p.where == "vehicles[0].role" and "circler" in p.message for p in problems)
