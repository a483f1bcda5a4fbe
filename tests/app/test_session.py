"""DriveSession's extension point: rules see every step's events in tick order,
controllers fill their rows, and a scene ends the drive once when the rules say so."""

import numpy as np
import pytest

from game.app.drive_scene import DriveScene
from game.level import load_level
from game.session.drive import DriveSession, free_drive_session
from game.sim.controls import THROTTLE


class RecordingRules:
    def __init__(self):
        self.calls = []
        self.finished = False

    def update(self, session, events, dt):
        self.calls.append((session.world.tick, events, dt))
        if session.world.tick >= 30:
            self.finished = True

    def hud_lines(self, session):
        return [f"tick {session.world.tick}"]


class PushEverything:
    """A controller driving every car but the player's flat out."""

    def write_controls(self, session, controls):
        others = np.arange(session.world.n) != session.player
        controls[others, THROTTLE] = 1.0


@pytest.fixture
def level(test_map):
    return load_level(test_map)


def test_rules_run_after_each_world_step_with_its_events(level):
    rules = RecordingRules()
    session = DriveSession(level, seed=3, rules=rules)
    session.spawn_player()
    for _ in range(5):
        events = session.tick()
        assert rules.calls[-1][1] is events  # the step's own events, just after the step
    assert [c[0] for c in rules.calls] == [1, 2, 3, 4, 5]
    assert all(c[2] == session.dt for c in rules.calls)
    assert session.hud_lines() == ["tick 5"]
    assert len(session.drain_events()) == 5 and session.drain_events() == []


def test_controllers_drive_their_rows_and_leave_the_players(level):
    session = free_drive_session(level, seed=0)
    session.controllers.append(PushEverything())
    start = session.world.x.copy()
    for _ in range(60):
        session.tick()
    moved = np.abs(session.world.x - start) > 0.5
    assert not moved[session.player] and moved[session.parked].all()


def test_a_player_driver_drives_the_players_car_until_it_gives_the_wheel_back(level):
    session = free_drive_session(level, seed=0)
    full_throttle = np.zeros(4)
    full_throttle[THROTTLE] = 1.0
    session.player_driver = lambda s: full_throttle
    for _ in range(60):
        session.tick()
    assert session.world.speed[session.player] > 3.0  # input wrote nothing; the driver did
    session.player_driver = None
    session.player_controls = np.zeros(4)
    driven = float(session.world.speed[session.player])
    for _ in range(60):
        session.tick()
    assert session.world.speed[session.player] < driven  # coasting: the keys' row again


def test_clock_falls_back_to_the_time_of_day(level):
    session = DriveSession(level, rules=RecordingRules())  # rules without clock_text
    assert session.clock_text() == "23:12"


def test_scene_ends_the_drive_once_when_the_rules_finish(app, level):
    ended = []
    scene = DriveScene(lambda: _with_rules(level), on_end=lambda a, s: ended.append(s))
    app.push(scene)
    for _ in range(40):
        app.step_frame([], 1 / 60)
    assert ended == [scene.session]


def _with_rules(level):
    session = DriveSession(level, rules=RecordingRules())
    session.spawn_player()
    return session


class PoliceLike:
    """The shape of an AI police controller as the session reads it."""

    pursuing = True

    def __init__(self, x, y):
        self.helicopter = type("Heli", (), {"x": x, "y": y, "heading": 0.0,
                                            "light_radius_m": 20.0})()

    def write_controls(self, session, controls):
        return None

    def sight_cones(self, world):
        return np.array([[10.0, 20.0, 0.5, 90.0, 0.9]])


def test_police_shapes_reach_the_minimap_siren_and_searchlight(level):
    session = free_drive_session(level)
    session.controllers.append(PoliceLike(50.0, 60.0))

    class ArrayCones:
        sight_cones = np.array([[1.0, 2.0, 3.0, 40.0]])

        def write_controls(self, session, controls):
            return None

    session.controllers.append(ArrayCones())
    cones = session.sight_cones()
    assert cones.shape == (2, 5)
    np.testing.assert_allclose(cones[0], [10.0, 20.0, 0.5, 90.0, 0.9])
    assert cones[1, 4] > 0  # a default half angle filled in
    assert session.pursuing()
    assert [(h.x, h.y) for h in session.helicopters()] == [(50.0, 60.0)]


def test_sight_cones_from_a_method_without_arguments(level):
    session = free_drive_session(level)

    class Cast:
        def write_controls(self, session, controls):
            return None

        def sight_cones(self):
            return np.array([[1.0, 2.0, 0.0, 50.0, 0.7]])

    session.controllers.append(Cast())
    np.testing.assert_allclose(session.sight_cones(), [[1.0, 2.0, 0.0, 50.0, 0.7]])


def test_free_drive_says_when_the_players_car_is_wrecked(level):
    session = free_drive_session(level, seed=0)
    player = np.array([session.player])
    assert session.hud_lines() == []
    y = float(session.world.y[session.player])
    session.world.place(player, 30.0, y, np.pi, speed=70.0)  # flat out at the map's west edge
    for _ in range(120):
        session.tick()
    assert session.world.wrecked[session.player]
    assert any("WRECKED" in line and "Restart" in line for line in session.hud_lines())
