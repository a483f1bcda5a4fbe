"""The Casino and the Player (issue 15 point 2): the gambler in the lot sees the Driver's
face as well as the approach lets her, her look becomes a witness entry in the file scaled
by it, helping her (The Player) takes it back, and the board offers her job only after
the Casino. Scripted looks on the real downtown map; short scripted runs of the jobs."""

from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from game.career.catalogue import read_catalogue
from game.career.consequences import apply_result
from game.career.dossier import RETRACTED_SHARE, SOURCES, certainty, dossier
from game.career.handler import Offer, board
from game.career.model import new_career
from game.level import load_level
from game.mission.events import FaceSeen
from game.mission.job import build_job
from game.mission.result import job_result
from game.mission.validate import check_mission
from game.mission.witnesses import SAW_FACE_AT, Identification, WitnessWatch
from game.session.view import hud_lines
from tests.career.helpers import a_result
from tests.mission.jobrun import run
from tests.session.steady import Steady

MISSIONS = Path(__file__).resolve().parents[2] / "levels" / "missions"
DT = 1.0 / 60.0


@pytest.fixture(scope="module")
def downtown():
    return load_level(Path(__file__).resolve().parents[2] / "levels" / "maps" / "downtown.tmx")


@pytest.fixture(scope="module")
def casino():
    return next(m for m in read_catalogue().missions if m.id == "casino")


def _look(level, mission, seconds: float, distance_m: float, *, stopped: bool,
          lights: bool, facing_her: bool, bearing_deg: float = 0.0) -> float:
    """Her strength after the car held a pose ``distance_m`` in front of her (along her
    gaze, turned ``bearing_deg``) for ``seconds``: stopped or crossing, lit or dark."""
    watch = WitnessWatch(mission.witnesses, level)
    gaze = float(watch.heading[0]) + np.radians(bearing_deg)
    x = float(watch.x[0]) + distance_m * np.cos(gaze)
    y = float(watch.y[0]) + distance_m * np.sin(gaze)
    heading = gaze + np.pi if facing_her else gaze + np.pi / 2
    for _ in range(round(seconds / DT)):
        watch.update(level.terrain, (x, y), heading, 0.0 if stopped else 10.0, lights, DT)
    return float(watch.strength[0])


def test_far_or_dark_is_weak_and_close_in_the_lights_or_stopped_is_strong(downtown, casino):
    far_moving = _look(downtown, casino, 3.0, 36.0, stopped=False, lights=False,
                       facing_her=False)
    dark_across_the_lot = _look(downtown, casino, 10.0, 34.0, stopped=True, lights=False,
                                facing_her=False)
    close_in_the_lights = _look(downtown, casino, 3.0, 10.0, stopped=False, lights=True,
                                facing_her=True)
    stopped_close = _look(downtown, casino, 10.0, 12.0, stopped=True, lights=False,
                          facing_her=False)
    behind_her = _look(downtown, casino, 10.0, 15.0, stopped=True, lights=True,
                       facing_her=True, bearing_deg=180.0)
    assert far_moving < 0.1 and dark_across_the_lot < 0.4
    assert close_in_the_lights >= SAW_FACE_AT and stopped_close > 0.8
    assert behind_her == 0.0  # out of her view: she never turned round
    nearer = _look(downtown, casino, 4.0, 20.0, stopped=True, lights=True, facing_her=True)
    farther = _look(downtown, casino, 4.0, 30.0, stopped=True, lights=True, facing_her=True)
    assert nearer > farther > 0.0


def test_a_wall_between_them_hides_him(downtown, casino):
    watch = WitnessWatch(casino.witnesses, downtown)
    gaze = float(watch.heading[0])
    car = (float(watch.x[0] + 15.0 * np.cos(gaze)), float(watch.y[0] + 15.0 * np.sin(gaze)))
    walled = replace(downtown.terrain, solid=downtown.terrain.solid.copy())
    middle_col = int((watch.x[0] + 7.5 * np.cos(gaze)) // walled.cell_size)
    middle_row = int((watch.y[0] + 7.5 * np.sin(gaze)) // walled.cell_size)
    walled.solid[middle_row - 2:middle_row + 3, middle_col - 2:middle_col + 3] = True
    for terrain, seen in ((walled, False), (downtown.terrain, True)):
        watch = WitnessWatch(casino.witnesses, downtown)
        for _ in range(round(3.0 / DT)):
            watch.update(terrain, car, gaze + np.pi, 0.0, True, DT)
        assert (float(watch.strength[0]) > 0.5) is seen


def test_stopped_in_front_of_her_in_the_job_she_sees_your_face_and_says_so():
    session, runtime = build_job("casino", seed=0)
    session.player_driver = Steady(lights=1.0)
    run(session, runtime, 0.1)
    watch = runtime.witnesses
    gaze = float(watch.heading[0])
    x, y = watch.x[0] + 12.0 * np.cos(gaze), watch.y[0] + 12.0 * np.sin(gaze)
    session.world.place(session.player, float(x), float(y), gaze + np.pi)
    run(session, runtime, 1.0)
    assert any(line.startswith("WITNESS ") and "LOOKING AT YOU" in line
               for line in hud_lines(session.view))
    assert session.view.rules.witnesses[0].position is not None  # the frame draws her
    run(session, runtime, 5.0)
    assert any(isinstance(e, FaceSeen) and e.witness == "the_player" for e in runtime.events)
    assert any("saw your face" in getattr(e, "text", "") for e in runtime.events)
    (seen,) = job_result(runtime, session).identified
    assert seen.witness == "the_player" and seen.strength > 0.5


def test_her_look_is_a_witness_entry_scaled_by_it_and_helping_her_takes_it_back():
    catalogue = read_catalogue()
    casino = Offer(catalogue.mission("casino"))
    helped = Offer(catalogue.mission("the_player"))
    career = replace(new_career(), night=2)
    looked = Identification("the_player", "the Player, a gambler in the casino lot", 0.8)
    result = a_result(mission="casino", title="The Casino", identified=(looked,))
    after, changed = apply_result(career, casino, result)
    (entry,) = [e for e in changed.evidence if e.source == "witness"]
    assert entry.witness == "the_player" and entry.who.startswith("the Player")
    assert entry.strength == pytest.approx(SOURCES["witness"].strength * 0.8)
    assert "a good look" in entry.says
    sure = certainty(after.file, after.night)
    glimpse = replace(looked, strength=0.1)
    weak, _ = apply_result(career, casino, replace(result, identified=(glimpse,)))
    assert certainty(weak.file, weak.night) < sure  # a glimpse points at him less

    ignored, _ = apply_result(after, Offer(catalogue.mission("pawn_shop")),
                              a_result(mission="pawn_shop", title="Pawn Shop"))
    assert certainty(ignored.file, ignored.night) == pytest.approx(sure)  # it stands

    done, changed = apply_result(after, helped, a_result(mission="the_player",
                                                         title="The Player"))
    (taken_back,) = changed.retracted
    assert taken_back.retracted and "not the Driver" in taken_back.says
    assert changed.certainty_after < sure
    assert certainty(done.file, done.night) == pytest.approx(
        SOURCES["witness"].strength * 0.8 * RETRACTED_SHARE)
    lines = [line for _, section in dossier(done.file, done.night) for line in section]
    assert any("not the Driver" in line for line in lines)

    failed, changed = apply_result(after, helped, a_result(
        mission="the_player", title="The Player", outcome="failed", payout=0))
    assert changed.retracted == () and certainty(failed.file, failed.night) >= sure


def test_the_board_offers_her_job_only_after_the_casino():
    catalogue = read_catalogue()
    others = tuple(m.client for m in catalogue.missions
                   if m.id not in {"casino", "the_player"})
    before = replace(new_career(), night=3, clients=others)
    offered = {offer.mission.id for offer in board(before, catalogue).offers}
    assert "casino" in offered and "the_player" not in offered
    after, _ = apply_result(before, Offer(catalogue.mission("casino")),
                            a_result(mission="casino", title="The Casino"))
    offered = {offer.mission.id for offer in board(after, catalogue).offers}
    assert "the_player" in offered


@pytest.mark.parametrize("name", ["casino", "the_player"])
def test_the_jobs_check_clean(name):
    assert check_mission(MISSIONS / f"{name}.toml") == []


BROKEN = {
    "a witness at a crew spawn": ("casino", 'spawn = "the_player"\nlabel',
                                  'spawn = "crew_3"\nlabel', "a witness starts at a witness spawn"),
    "a witness with no spawn on the map": ("casino", 'spawn = "the_player"\nlabel',
                                           'spawn = "the_playr"\nlabel', "the_playr"),
    "an unknown key in a witness": ("casino", 'label = "the Player', 'lable = "the Player',
                                    "unknown key (did you mean 'label'?)"),
    "a pin by a car that is not a chaser": ("casino", 'vehicle = "security"\nseconds = 4',
                                            'vehicle = "patrol_north"\nseconds = 4',
                                            "'patrol_north'"),
    "a pin held for no time": ("casino", 'vehicle = "security"\nseconds = 4',
                               'vehicle = "security"\nseconds = 0', "seconds"),
    "a retraction of nobody": ("the_player", 'retracts = ["the_player"]',
                               'retracts = ["the_playr"]', "did you mean 'the_player'?"),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_a_broken_copy_is_refused_by_name(tmp_path, case):
    name, old, new, said = BROKEN[case]
    folder = tmp_path / "missions"
    folder.mkdir()
    for other in ("casino", "the_player"):  # retracts looks for witnesses beside it
        (folder / f"{other}.toml").write_text((MISSIONS / f"{other}.toml").read_text())
    text = (MISSIONS / f"{name}.toml").read_text()
    assert old in text, case
    copy = folder / f"{name}.toml"
    copy.write_text(text.replace(old, new, 1))
    problems = [str(p) for p in check_mission(copy)]
    assert problems and any(said in p and str(copy) in p for p in problems), problems


def test_the_player_is_picked_up_changed_and_brought_back():
    session, runtime = build_job("the_player", seed=0)
    session.player_driver = Steady()
    run(session, runtime, 0.1)
    for zone in ("motel", "pawn_shop_lot", "motel"):
        session.world.place(session.player, *runtime.goal_point(zone), 0.0)
        run(session, runtime, 3.5)
    result = job_result(runtime, session)
    assert result.outcome == "success" and "not you" in result.reason
    assert result.stages_entered == ("to_her", "exchange", "back")
    assert not result.under_window and result.payout == runtime.mission.payout


def _security_against_the_driver(seed: int = 0):
    """The Casino in its getaway with the security car let loose 5 m behind the parked
    Driver (the stall: he sat in the lot and it pushed its nose into his car)."""
    session, runtime = build_job("casino", seed=seed)
    session.player_driver = Steady(handbrake=1.0)  # he sits there, handbrake on
    run(session, runtime, 0.1)
    runtime.spawn_actor("security")
    runtime.goto("getaway")
    car = runtime.cast.vehicle_index("security")
    world = session.world
    x, y, heading = float(world.x[car]), float(world.y[car]), float(world.heading[car])
    session.world.place(session.player, x + 9.0 * np.cos(heading), y + 9.0 * np.sin(heading),
                        heading)
    return session, runtime


def _until_pinned(session, runtime, most_s: float = 8.0) -> None:
    """Tick until the security car first has him pinned."""
    for _ in range(round(most_s / 0.1)):
        if session.fleets["chaser"].pinning:
            return
        run(session, runtime, 0.1)
    raise AssertionError("the security car never pinned him")


def test_held_stopped_by_the_casinos_car_is_caught_and_says_so():
    session, runtime = _security_against_the_driver()
    _until_pinned(session, runtime)  # its nose in his car: the meter tells him to move
    assert any(line.startswith("CHASER ") and "ON YOU" in line
               for line in hud_lines(session.view))
    pinned_s = 0.0  # how long the present pin has held when the job ends: the 4 s, not less
    for _ in range(round(12.0 / DT)):
        if runtime.ended is not None:
            break
        session.tick()
        session.drain_events()
        pinned_s = pinned_s + DT if session.fleets["chaser"].pinning else 0.0
    result = job_result(runtime, session)
    assert result.outcome == "failed" and "held you stopped for 4 s" in result.reason
    assert result.stage == "getaway" and pinned_s == pytest.approx(4.0, abs=2 * DT)


def test_driving_out_of_the_pin_keeps_the_job_going():
    session, runtime = _security_against_the_driver()
    _until_pinned(session, runtime)
    session.player_driver.set(throttle=1.0)  # handbrake off and away before the 4 s are up
    run(session, runtime, 6.0)
    assert runtime.ended is None and not session.fleets["chaser"].pinning
