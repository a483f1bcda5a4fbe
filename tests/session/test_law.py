"""The law on the tiny ring road: a lookout reaches units that saw nothing, a known car is
recognised close up, busted means boxed for the stated time, a roadblock stands on the
way the Driver is going, and free drive has its police on every map."""

from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from game.ai.police import Helicopter
from game.level import load_level
from game.session.drive import DriveSession, free_drive_session
from game.session.events import CarRecognised, PursuitLost, PursuitStarted, RadioLine
from game.session.law import Lookout, Orders
from game.sim import StepEvents
from tests.mission.tiny import tiny_level
from tests.session.steady import Steady

MAPS = Path(__file__).resolve().parents[2] / "levels" / "maps"


def ring(seed: int = 1) -> DriveSession:
    session = DriveSession(tiny_level(), seed=seed)
    session.player = session.spawn("driver", 30.0, 10.0, 0.0)
    return session


def unit(session, x, y, heading) -> int:
    index = session.spawn("police", x, y, heading)
    session.join_police([index])
    return index


def run(session, seconds: float) -> list:
    events = []
    for _ in range(round(seconds / session.dt)):
        session.tick()
        events += session.drain_events()
    return events


def test_a_lookout_reaches_a_unit_that_saw_nothing_and_it_knows_the_car(tmp_path):
    session = ring()
    world, law = session.world, session.law
    witness = unit(session, 100.0, 10.0, np.pi)  # facing him down the north side
    world.place(session.player, 30.0, 10.0, 0.0, speed=5.0)
    session.player_driver = Steady(throttle=0.2, lights=0.0)  # lights off, rolling
    law.heat.add(0.9)  # just under wanted
    events = run(session, 5.0)
    assert any(isinstance(e, PursuitStarted) for e in events) and law.lookout is not None
    assert any(isinstance(e, RadioLine) and "be on the lookout" in e.text
               or isinstance(e, RadioLine) and "in pursuit" in e.text for e in events)
    # he gets away: round the far side, nobody sees him until the pursuit is lost
    world.place(witness, 10.0, 150.0, 0.0)
    world.place(session.player, 150.0, 140.0, np.pi / 2)
    session.player_driver = Steady(lights=1.0)
    events = run(session, law.table.lose_after_s + 1.0)
    assert any(isinstance(e, PursuitLost) for e in events) and not law.heat.pursuit
    heat = law.heat.heat
    stranger = unit(session, 150.0, 105.0, np.pi / 2)  # never saw a thing; faces him, 35 m
    assert not session.police.ever_saw[list(session.police.units).index(stranger)]
    events = run(session, 0.5)
    assert any(isinstance(e, CarRecognised) for e in events)  # no offence: he knew the car
    assert law.heat.heat >= heat + law.table.recognised - 0.01 and law.heat.pursuit


def test_far_off_a_unit_does_not_recognise_the_car():
    session = ring()
    law = session.law
    unit(session, 30.0, 100.0, -np.pi / 2)  # 90 m off, looking straight at him
    law.lookout = Lookout((30.0, 10.0), 0.0, -100.0, False, issued=-100.0)  # out long ago
    law.heat.unseen_s = np.inf
    events = run(session, 2.0)
    assert law.witnessed and not any(isinstance(e, CarRecognised) for e in events)
    assert law.heat.heat == 0.0


def _stopped_beside(units_at: list[tuple[float, float, float]], difficulty: str):
    """The Driver stopped at (30, 10) in a pursuit, units nose to nose: (seconds until
    busted or None within 10 s, the law)."""
    session = DriveSession(tiny_level(), seed=1, difficulty=difficulty)
    session.player = session.spawn("driver", 30.0, 10.0, 0.0)
    world, law = session.world, session.law
    cops = [unit(session, x, y, heading) for x, y, heading in units_at]
    law.heat.add(1.5)
    session.police.report(30.0, 10.0, 0.0)
    law.heat.pursuit, law.heat.pursuit_s = True, law.table.busted_not_before_s
    senses = session.sense()
    assert senses.sees_player[cops].all()
    stopped_for = 0.0
    while law.busted is None and stopped_for < 10.0:
        law.update(senses, StepEvents(), world)
        stopped_for += world.dt
    return (stopped_for if law.busted is not None else None), law


NOSE = (36.0, 10.0, np.pi)  #: a unit nose to nose with him, 6 m ahead
TAIL = (24.0, 10.0, 0.0)  #: one on his bumper, 6 m behind


@pytest.mark.parametrize("difficulty, cops", [("normal", [NOSE, TAIL]), ("hard", [NOSE])])
def test_busted_after_the_stated_time_boxed_in_and_not_before(difficulty, cops):
    stopped_for, law = _stopped_beside(cops, difficulty)
    assert stopped_for is not None
    after = law.table.busted_after_s
    assert after - 1e-9 <= stopped_for < after + 2 / 60  # at the stated time, not before
    words = "a unit" if len(cops) == 1 else f"{len(cops)} units"
    assert "stopped for 3 s" in law.busted.reason and f"{words} against you" in law.busted.reason


def test_one_unit_alone_cannot_box_him_in_on_normal():
    stopped_for, law = _stopped_beside([NOSE], "normal")
    assert law.difficulty.box_units == 2
    assert stopped_for is None and law.busted is None  # 10 s beside one unit: still free


def test_a_roadblock_stands_on_the_way_he_is_going():
    session = ring(seed=4)
    world, police = session.world, session.police
    world.place(session.player, 30.0, 10.0, 0.0, speed=12.0)  # east along the north side
    session.law.heat.add(3.2)
    police.report(30.0, 10.0, 0.0)
    police.start_pursuit(0.0)
    lines = session.backup.carry_out(session, Orders(roadblocks=True))
    assert [line.text for line in lines if "Roadblock" in line.text]
    (block,) = police.roadblocks
    cars = police.units[block.rows]
    # 220 m on: 120 m to the north-east corner, then 100 m down the east side
    assert abs(block.site[0] - 150.0) < 1.5 and abs(block.site[1] - 110.0) < 3.0
    assert np.all(np.abs(world.y[cars] - 110.0) < 3.0)  # side by side across the road
    across = np.abs(np.cos(world.heading[cars] - np.pi / 2))
    assert np.all(across < 0.1)  # turned across a north-south road
    assert np.abs(world.x[cars] - 150.0).min() < 3.0  # and the lane is covered


@pytest.mark.parametrize("name", ["downtown", "pch", "speedway"])
def test_free_drive_has_police_on_every_map_with_roads(name):
    session = free_drive_session(load_level(MAPS / f"{name}.tmx"), seed=2)
    assert session.police.units.size >= 3
    assert set(session.vehicles_of("police")) == set(session.police.units.tolist())


def test_seeds_give_different_patrol_routes():
    level = load_level(MAPS / "pch.tmx")

    def patrol_after(seed: int) -> np.ndarray:
        session = free_drive_session(level, seed=seed)
        run(session, 20.0)
        units = session.police.units
        return np.round(np.column_stack([session.world.x[units], session.world.y[units]]), 3)

    assert np.array_equal(patrol_after(1), patrol_after(1))
    assert not np.array_equal(patrol_after(1), patrol_after(2))


def test_when_the_search_is_called_off_the_units_go_back_to_beats_and_the_helicopter_home():
    session = ring()
    world, law, police = session.world, session.law, session.police
    witness = unit(session, 100.0, 10.0, np.pi)
    world.place(session.player, 30.0, 10.0, 0.0, speed=5.0)
    session.player_driver = Steady(throttle=0.2, lights=0.0)
    law.heat.add(0.9)
    run(session, 5.0)
    heli = Helicopter(x=100.0, y=100.0)
    police.add_helicopter(heli)
    world.place(witness, 10.0, 150.0, 0.0)  # he gets away round the far side
    world.place(session.player, 150.0, 140.0, np.pi / 2)
    session.player_driver = Steady(lights=1.0)
    run(session, law.table.lose_after_s + 1.0)
    assert law.lookout is not None and not law.heat.pursuit and police.responses  # searching
    # the ring is too small to stay hidden for the whole lapse: the lookout is made that old,
    # and the unit is put where it cannot see him for the tick the law calls the search off
    law.lookout = replace(law.lookout, time=world.time - law.table.lookout_lapse_s)
    world.place(witness, 10.0, 40.0, -np.pi / 2)
    events = run(session, session.dt)
    called_off = [e for e in events if isinstance(e, RadioLine) and "called off" in e.text]
    assert len(called_off) == 1 and law.lookout is None
    assert heli.exit_xy is not None and heli.searchlight_m == 0.0  # leaving, its light out
    (beat,) = police.responses  # the one unit, sent to a beat away from where he was lost
    lost_at = np.array(police.last_seen_xy)
    assert np.hypot(*(np.array(beat.goal) - lost_at)) > 60.0
    run(session, 15.0)
    assert police.helicopters == []  # off the map's edge and let go


def test_the_helicopter_sees_a_dark_car_up_on_the_110_and_not_in_the_underpass_below():
    # the top-down map puts the freeway deck and 5th St beneath it in the same cells: only
    # the underpass beside the carriageways hides a car (the deck was once dark too, and a
    # Driver parked on the freeway lost the helicopter there)
    session = free_drive_session(load_level(MAPS / "downtown.tmx"), seed=0)
    level, world = session.level, session.world
    under = level.zones["overpass_shadow"].polygon.mean(axis=0)
    freeway = [i for i, s in enumerate(level.streets) if s.name.startswith("Harbor Fwy")]
    row = int(under[1] // level.terrain.cell_size)
    deck_cols = np.flatnonzero(np.isin(level.street_grid[row], freeway))
    deck = ((deck_cols[len(deck_cols) // 2] + 0.5) * level.terrain.cell_size, under[1])
    session.player_driver = Steady(brake=0.0, handbrake=1.0, lights=0.0)
    seen = {}
    for name, (x, y) in (("deck", deck), ("under", under)):
        session.police.helicopters.clear()
        session.police.add_helicopter(Helicopter(x=float(x), y=float(y)))
        world.place(session.player, float(x), float(y), np.pi / 2)
        run(session, 0.5)
        seen[name] = session.sense().helicopter_sees_player
    assert seen == {"deck": True, "under": False}
