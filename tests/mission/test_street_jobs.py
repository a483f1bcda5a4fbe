"""The Pawn Shop and PCH (issue 14): the files check, broken copies do not, they are on
the Handler's board and the Jobs menu, and short scripted runs end the way they should."""

from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from game.ai.target import LOSE_AFTER_S, LOSE_M
from game.career.catalogue import read_catalogue, unlocked
from game.career.handler import board
from game.career.model import new_career
from game.mission import actors
from game.mission.job import build_job
from game.mission.result import job_result
from game.mission.validate import check_mission
from game.mission.window import Crew, CrewState, WindowRule
from game.session.view import hud_lines
from tests.mission.jobrun import run
from tests.session.steady import Steady

MISSIONS = Path(__file__).resolve().parents[2] / "levels" / "missions"


@pytest.mark.parametrize("name", ["pawn_shop", "pch"])
def test_the_shipped_jobs_check_clean(name):
    assert check_mission(MISSIONS / f"{name}.toml") == []


_LET_LOOSE = ('    { action = "chase", vehicle = "waiting_car" },\n'
              '    { action = "goto", stage = "getaway" },\n]\n\n[[stages.on]]\n'
              'trigger = "rule_broken"')
BROKEN = {
    # (mission, text replaced, replacement, what check must say)
    "chase a police car": ("pawn_shop", _LET_LOOSE, _LET_LOOSE.replace("waiting_car",
                                                                        "patrol_east"),
                           "chase needs a vehicle with the role 'chaser'; 'patrol_east' is a "
                           "'police'"),
    "a crew member who is not in the crew": ("pawn_shop", 'crew = "Standard"', 'crew = "Standrd"',
                                             "no crew member 'Standrd' (did you mean 'Standard'?)"),
    "a zone not on the map": ("pawn_shop", 'vehicle = "waiting_car", zone = "pawn_shop_lot"',
                              'vehicle = "waiting_car", zone = "pawn_lot"', "pawn_lot"),
    "made for a car that is no target": ("pch", 'trigger = "target_made"\nvehicle = "nino"',
                                         'trigger = "target_made"\nvehicle = "player"',
                                         "target_made is about one of the job's vehicles, "
                                         "not the Driver's own car"),
    "a T-bone of nobody": ("pch", 'trigger = "t_bone"\nvehicle = "nino"', 'trigger = "t_bone"',
                           "missing (the t_bone trigger needs it)"),
    "a bag of nonsense": ("pawn_shop", "value = 1000000", "value = -5",
                          "value: must be a whole number from 0 to 1e+08 (dollars), not -5"),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_a_broken_copy_is_refused_by_name(tmp_path, case):
    name, old, new, said = BROKEN[case]
    text = (MISSIONS / f"{name}.toml").read_text()
    assert old in text, case
    copy = tmp_path / f"{name}.toml"
    copy.write_text(text.replace(old, new, 1))
    problems = [str(p) for p in check_mission(copy)]
    assert problems and any(said in p and str(copy) in p for p in problems), problems


def test_only_a_job_without_crew_may_have_no_window(tmp_path):
    text = (MISSIONS / "pawn_shop.toml").read_text().replace('time = "02:22"\n', "", 1)
    copy = tmp_path / "pawn_shop.toml"
    copy.write_text(text)
    assert any("contract.time" in str(p) for p in check_mission(copy))


def _hired_by_the_others(catalogue) -> tuple[str, ...]:
    """The clients of every job but these two: the board has room for three offers, so a
    career that has worked for the rest sees both."""
    return tuple(m.client for m in catalogue.missions if m.id not in {"pawn_shop", "pch"})


def test_they_are_on_the_handlers_board_and_then_in_the_jobs_menu():
    catalogue = read_catalogue()
    later = replace(new_career(), night=3, clients=_hired_by_the_others(catalogue))
    offers = {offer.mission.id: offer for offer in board(later, catalogue).offers}
    assert {"pawn_shop", "pch"} <= set(offers)
    assert offers["pawn_shop"].time == "02:22" and "Standard" in offers["pawn_shop"].line()
    first = {offer.mission.id for offer in board(new_career(), catalogue).offers}
    assert "pawn_shop" not in first and "pch" not in first  # not on night one
    titles = [m.title for m in unlocked(catalogue, done={"pawn_shop", "pch"})]
    assert "Pawn Shop" in titles and "PCH" in titles
    assert "PCH" not in [m.title for m in unlocked(catalogue, done=set())]


def test_a_crew_member_down_is_not_waited_for():
    rule = WindowRule.__new__(WindowRule)
    crew = [Crew("Standard", CrewState.INSIDE, 150.0), Crew("Blanche", CrewState.BACK, 100.0,
                                                             back_at=7300.0)]
    rule.crew = crew
    assert not rule.all_back
    rule.crew_down("Standard")
    assert crew[0].state is CrewState.DOWN and rule.all_back and rule.crew_back_at == 7300.0


# -- PCH ----------------------------------------------------------------------------------
def _pch_with_nino():
    session, runtime = build_job("pch", seed=0)
    session.player_driver = Steady()
    run(session, runtime, 0.1)
    return session, runtime, runtime.cast.vehicle_index("nino")


def test_pch_square_into_his_door_ends_the_job_won():
    session, runtime, nino = _pch_with_nino()
    world = session.world
    h = float(world.heading[nino])
    side = np.array([-np.sin(h), np.cos(h)])  # his right-hand side
    x, y = np.array([world.x[nino], world.y[nino]]) + 14.0 * side
    world.place(session.player, x, y, float(np.arctan2(-side[1], -side[0])), 14.0)
    session.player_driver.set(throttle=1.0)
    run(session, runtime, 3.0)
    result = job_result(runtime, session)
    assert result.outcome == "success" and "T-boned" in result.reason
    assert not result.under_window and result.payout == runtime.mission.payout


def test_pch_a_rear_hit_is_no_takedown_and_he_runs():
    session, runtime, nino = _pch_with_nino()
    world = session.world
    h = float(world.heading[nino])
    back = np.array([world.x[nino], world.y[nino]]) - 12.0 * np.array([np.cos(h), np.sin(h)])
    world.place(session.player, *back, h, 16.0)  # close behind him, faster: into his boot
    session.player_driver.set(throttle=1.0)
    run(session, runtime, 2.0)
    assert runtime.ended is None and runtime.stage_id == "run"  # he made you: he runs
    assert "HE MADE YOU" in " ".join(hud_lines(session.view))


def test_pch_hanging_too_far_back_loses_him_and_says_so():
    session, runtime, nino = _pch_with_nino()
    world = session.world
    assert any(line.startswith("TAIL ") for line in hud_lines(session.view))
    rules = session.view.rules
    assert rules.window is None and rules.waypoint_label == "Nino"  # no window; follow him
    assert np.hypot(rules.waypoint[0] - world.x[nino], rules.waypoint[1] - world.y[nino]) < 12
    def gap():
        return np.hypot(world.x[nino] - world.x[session.player],
                        world.y[nino] - world.y[session.player])

    while gap() <= LOSE_M and world.time < 20.0:  # the Driver sits at the start...
        run(session, runtime, 0.5)
    assert runtime.ended is None and gap() > LOSE_M  # ...Nino drives on...
    run(session, runtime, LOSE_AFTER_S + 1.0)  # ...and is gone
    result = job_result(runtime, session)
    assert result.outcome == "failed" and "lost Nino" in result.reason


# -- the Pawn Shop ------------------------------------------------------------------------
def test_pawn_shop_shaken_then_hidden_at_the_motel_opens_the_bag():
    session, runtime = build_job("pawn_shop", seed=0)
    session.player_driver = Steady()
    run(session, runtime, 0.1)
    actors.chase(runtime, "waiting_car")
    runtime.goto("getaway")
    x, y = runtime.goal_point("motel")
    session.world.place(session.player, x, y, 0.0)  # far from the chaser, and he holds it
    run(session, runtime, 1.0)
    assert any(line.startswith("CHASER ") and "gap held" in line
               for line in hud_lines(session.view))
    run(session, runtime, 12.0)
    result = job_result(runtime, session)
    assert result.outcome == "success" and "motel" in result.reason
    assert result.bag_usd == 1_000_000 and "set-up" in result.bag_note


def test_pawn_shop_run_off_the_road_says_so():
    session, runtime = build_job("pawn_shop", seed=0)
    run(session, runtime, 0.1)
    session.world.wrecked[session.player] = True
    run(session, runtime, 0.1)
    result = job_result(runtime, session)
    assert result.outcome == "failed" and "ran you off the road" in result.reason


def test_the_career_keeps_what_was_in_the_bag():
    from game.career.consequences import apply_result
    from game.career.saves import career_from_bytes, save_bytes
    from tests.career.helpers import a_result

    catalogue = read_catalogue()
    career = replace(new_career(), night=2, clients=_hired_by_the_others(catalogue))
    offer = next(o for o in board(career, catalogue).offers if o.mission.id == "pawn_shop")
    bag = "a million dollars in the bag: the job was a set-up"
    result = replace(a_result(), mission="pawn_shop", title="Pawn Shop", bag_usd=1_000_000,
                     bag_note=bag)
    after, _ = apply_result(career, offer, result)
    again, _ = career_from_bytes(save_bytes(after))  # saved and read back
    record = again.jobs[-1].result
    assert (record.mission, record.bag_usd, record.bag_note) == ("pawn_shop", 1_000_000, bag)
