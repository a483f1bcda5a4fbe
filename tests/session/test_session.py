"""DriveSession's tick: rules see every step's events in tick order, fleets fill their rows
(a new kind of driver needs nothing but the interface), the player's driver drives until
it gives the wheel back; the frame reads everything from the typed view."""

import numpy as np
import pytest

from game.ai.police import Helicopter, PoliceController
from game.level import load_level
from game.session.drive import DriveSession, TickReport, free_drive_session
from game.session.view import RulesView, hud_lines
from game.sim.controls import SIREN, THROTTLE
from tests.session.steady import Steady


class RecordingRules:
    def __init__(self):
        self.calls = []

    def update(self, session, report: TickReport):
        self.calls.append((session.world.tick, report))

    def view(self, session):
        return RulesView(clock_text="00:00", notes=(f"tick {session.world.tick}",),
                         finished=session.world.tick >= 30)

    def state(self):
        return (len(self.calls),)


class PushEverything:
    """A toy kind of driver (role "pusher"): its cars drive off flat out."""

    role = "pusher"
    sight = None

    def __init__(self, setting=None):
        self.rows = np.zeros(0, dtype=np.intp)

    def add(self, rows):
        self.rows = np.append(self.rows, rows)

    def drive(self, senses, controls):
        controls[self.rows, THROTTLE] = 1.0


@pytest.fixture
def level(test_map):
    return load_level(test_map)


def test_rules_run_after_each_world_step_with_its_events(level):
    rules = RecordingRules()
    session = DriveSession(level, seed=3, rules=rules)
    session.spawn_player()
    for _ in range(5):
        events = session.tick()
        assert rules.calls[-1][1].step is events  # the step's own events, just after the step
    assert [c[0] for c in rules.calls] == [1, 2, 3, 4, 5]
    assert hud_lines(session.view) == ["tick 5"]  # the view is made after the rules
    assert len(session.drain_events()) == 5 and session.drain_events() == []


def test_a_new_kind_of_driver_drives_its_rows_and_leaves_the_players(level):
    session = free_drive_session(level, seed=0)
    parked = session.vehicles_of("parked")
    session.fleets.pop("parked")  # these cars change hands: the pushers take them
    fleet = session.join("pusher", parked, PushEverything)
    assert session.vehicles_of("pusher").tolist() == parked.tolist() == fleet.rows.tolist()
    start = session.world.x.copy()
    for _ in range(60):
        session.tick()
    moved = np.abs(session.world.x - start) > 0.5
    assert not moved[session.player] and moved[parked].all()


def test_a_player_driver_drives_the_players_car_until_it_gives_the_wheel_back(level):
    session = free_drive_session(level, seed=0)
    session.player_driver = Steady(throttle=1.0)
    for _ in range(60):
        session.tick()
    assert session.world.speed[session.player] > 3.0
    session.player_driver = None  # nobody at the wheel: the car coasts
    driven = float(session.world.speed[session.player])
    for _ in range(60):
        session.tick()
    assert session.world.speed[session.player] < driven


def test_free_drive_shows_the_time_of_day(level):
    session = free_drive_session(level)
    assert session.view.rules.clock_text == "23:12"
    assert session.view.rules.waypoint is None and session.view.rules.window is None


def test_police_cones_sirens_and_searchlights_reach_the_view(level):
    session = free_drive_session(level)
    cop = session.level.spawns["parked_2"]  # a police car parked on the test map
    unit = session.spawn("police", cop.x, cop.y + 10.0, cop.heading)
    session.join("police", [unit], PoliceController.in_setting)  # the session's own police
    session.police.add_helicopter(Helicopter(50.0, 60.0))
    session.tick()
    view = session.view
    assert unit in session.police.units  # beside the map's own "cop" spawn: free drive's police
    assert view.sight_cones.shape == (session.police.units.size, 5)
    assert (view.sight_cones[:, 3] > 0).all()
    assert [(h.x, h.y) for h in view.helicopters] == [(50.0, 60.0)]
    assert not view.pursuing and view.sirens.size == 0
    player = session.player
    session.police.report(session.world.x[player], session.world.y[player], session.world.time)
    session.police.start_pursuit(session.world.time)
    session.tick()
    assert unit in session.view.sirens.tolist() and session.view.pursuing
    assert session.world.controls[unit, SIREN] == 1.0


def test_free_drive_says_when_the_players_car_is_wrecked(level):
    session = free_drive_session(level, seed=0)
    player = np.array([session.player])
    assert hud_lines(session.view) == []
    y = float(session.world.y[session.player])
    session.world.place(player, 30.0, y, np.pi, speed=70.0)  # flat out at the map's west edge
    for _ in range(120):
        session.tick()
    assert session.world.wrecked[session.player]
    assert any("WRECKED" in line and "Restart" in line for line in hud_lines(session.view))


def test_the_view_carries_the_drivers_damage_for_the_gauge(level):
    session = free_drive_session(level, seed=0)
    assert session.view.damage == 0.0
    session.world.damage[session.player] = 0.4
    session.tick()
    assert session.view.damage == pytest.approx(0.4)
