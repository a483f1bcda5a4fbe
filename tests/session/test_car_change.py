"""The car change: stopped beside a spare car, the Driver's key moves him into it. Unseen,
the police no longer know his car (no pursuit or bust from a sighting alone, until they
see him commit an offence in it) and the Detective loses him; seen, nothing is gained."""

import numpy as np

from game.ai.detective import DetectiveController
from game.ai.parked import SpareCars
from game.session.drive import CHANGE_BELOW_MS, CHANGE_REACH_M, DriveSession
from game.session.events import CarChanged, PursuitLost, PursuitStarted
from game.session.view import hud_lines
from game.sim.aids import FLEET_AIDS, PLAYER_AIDS
from game.sim.controls import CHANGE_CAR, LIGHTS
from tests.mission.tiny import tiny_level
from tests.session.steady import Steady
from tests.session.test_law import run, unit


def beside_a_spare(seed: int = 1, gap_m: float = 5.0) -> tuple[DriveSession, int]:
    """The Driver stopped on the north side of the ring, a spare car parked ``gap_m``
    ahead of him; (session, the spare's index)."""
    session = DriveSession(tiny_level(), seed=seed)
    session.player = session.spawn("driver", 60.0, 10.0, 0.0, aids=PLAYER_AIDS)
    spare = session.spawn("sedan", 60.0 + gap_m, 12.5, 0.0)
    session.join("spare", [spare], SpareCars.in_setting)
    session.player_driver = Steady()
    session.refresh_view()
    return session, spare


def press_change(session: DriveSession, held_s: float = 0.2) -> list:
    """Hold the change-car key for ``held_s``, then let go; the events of those ticks."""
    session.player_driver.row[CHANGE_CAR] = 1.0
    events = run(session, held_s)
    session.player_driver.row[CHANGE_CAR] = 0.0
    return events + run(session, session.dt)


def test_stopped_beside_a_spare_the_key_puts_him_in_it_once_per_press():
    session, spare = beside_a_spare()
    old = session.player
    assert session.view.change_car_here and session.view.spare_cars.tolist() == [spare]
    assert "SPARE CAR: C / pad RB changes cars" in hud_lines(session.view)  # the HUD says so
    assert "SPARE CAR: K changes cars" in hud_lines(session.view, "K")  # as bound
    events = press_change(session, held_s=0.5)  # held: one change, not one a tick
    (changed,) = [e for e in events if isinstance(e, CarChanged)]
    assert (changed.left, changed.taken, changed.seen) == (old, spare, False)
    assert session.player == spare and session.vehicles_of("player").tolist() == [spare]
    assert session.fleets["spare"].rows.tolist() == [old]  # the car he left is the spare now
    world = session.world
    assert world.aids[spare] == PLAYER_AIDS and world.aids[old] == FLEET_AIDS
    session.player_driver.set(throttle=1.0)  # his row drives the new car...
    run(session, 1.0)
    assert world.speed[spare] > 2.0 and world.speed[old] < 0.1  # ...and the old one stands
    assert world.controls[old, LIGHTS] == 0.0  # parked: lights off
    moving = press_change(session)  # rolling past the old car: no change back
    assert not [e for e in moving if isinstance(e, CarChanged)] and session.player == spare


def test_no_change_while_moving_or_out_of_reach():
    session, _ = beside_a_spare(gap_m=CHANGE_REACH_M + 2.0)
    assert not session.view.change_car_here
    assert not [e for e in press_change(session) if isinstance(e, CarChanged)]
    session, spare = beside_a_spare()
    session.world.place(session.player, 60.0, 10.0, 0.0, speed=CHANGE_BELOW_MS + 1.0)
    assert session.spare_in_reach() == -1
    session.world.place(session.player, 60.0, 10.0, 0.0)
    assert session.spare_in_reach() == spare


def _in_pursuit_then_changes(seen: bool):
    """A pursuit on the ring: he stops by the spare and changes cars, a unit watching
    (``seen``) or round the far side; then the unit comes to look at him."""
    session, spare = beside_a_spare()
    law = session.law
    far = (10.0, 150.0, 0.0)
    cop = unit(session, *((100.0, 10.0, np.pi) if seen else far))
    law.heat.add(1.5)
    session.police.report(60.0, 10.0, 0.0)
    law.heat.pursuit, law.heat.unseen_s = True, 0.0
    run(session, 0.5)
    events = press_change(session)
    (changed,) = [e for e in events if isinstance(e, CarChanged)]
    assert changed.seen is seen
    return session, cop, spare


def test_changed_unseen_a_unit_beside_him_sees_a_stranger_not_him():
    session, cop, spare = _in_pursuit_then_changes(seen=False)
    world, law = session.world, session.law
    assert law.stranger and not session.police.car_known
    world.place(cop, 75.0, 10.0, np.pi)  # nose to nose with his new car, looking at it
    events = run(session, law.table.lose_after_s + 1.0)
    assert any(isinstance(e, PursuitLost) for e in events)  # looked at him, never saw him
    assert not any(isinstance(e, PursuitStarted) for e in events) and law.busted is None
    # lights off, driving at a unit that looks his way: an offence it sees
    world.place(cop, 110.0, 10.0, np.pi)
    session.player_driver.set(throttle=1.0, lights=0.0)
    run(session, 4.0)
    assert not law.stranger and law.heat.heat > 0.0  # that gave him away: they know the car


def test_changed_in_plain_sight_they_still_know_him():
    session, cop, _ = _in_pursuit_then_changes(seen=True)
    assert not session.law.stranger and session.police.car_known
    run(session, 1.0)
    assert session.law.heat.pursuit and session.law.witnessed


def _with_detective(watching: bool):
    session, spare = beside_a_spare()
    car = session.spawn("unmarked", 40.0 if watching else 150.0, 10.0 if watching else 130.0,
                        0.0 if watching else np.pi / 2)
    detective = session.join("detective", [car], DetectiveController.in_setting)
    assert isinstance(detective, DetectiveController)
    run(session, 1.0)
    detective.last_seen = (60.0, 10.0, 0.0, 0.0)  # he has the trail
    detective.last_seen_time = session.world.time
    press_change(session)
    run(session, 0.5)
    return detective


def test_the_detective_loses_him_to_a_change_he_did_not_see_and_keeps_a_seen_one():
    unseen = _with_detective(watching=False)
    assert unseen.lost == "he changed cars out of the Detective's sight"
    seen = _with_detective(watching=True)
    assert seen.seeing and not seen.lost and seen.driver_car >= 0


def test_a_drive_with_a_car_change_replays_to_the_same_state():
    rows, hashes = [], []

    class Recorder:
        def after_tick(self, session, player_row):
            rows.append(np.array(player_row))
            hashes.append(session.state_hash())

    session, _ = beside_a_spare(seed=3)
    session.recorder = Recorder()
    run(session, 0.3)
    press_change(session)
    session.player_driver.set(throttle=0.8, steer=0.2)
    run(session, 1.0)
    assert session.player != 0 and len(rows) == len(hashes)

    class Replay:
        def __init__(self):
            self.tick = 0

        def drive(self, senses, controls):
            controls[senses.player] = rows[self.tick]
            self.tick += 1

    again, _ = beside_a_spare(seed=3)
    again.player_driver = Replay()
    replayed = []
    for _ in rows:
        again.tick()
        replayed.append(again.state_hash())
    assert replayed == hashes and again.player == session.player
