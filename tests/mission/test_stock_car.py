"""The Stock Car race as a job: its outcome from a short run, the shipped file's checks on
broken copies; and both new jobs on the Jobs menu and the Handler's board."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from game.career.catalogue import read_catalogue, unlocked
from game.career.consequences import apply_result
from game.career.handler import Offer, board
from game.career.model import new_career
from game.mission.autopilots import make_autopilot
from game.mission.job import build_job
from game.mission.result import job_result
from game.mission.validate import LEVELS_DIR, check_mission
from tests.mission.jobrun import problems_of, run
from tests.session.steady import Steady

STOCK_CAR = LEVELS_DIR / "missions" / "stock_car.toml"


def race_copy(folder: Path, **values: str) -> Path:
    """The shipped race with some of its ``key = value`` lines changed, in ``folder``."""
    text = STOCK_CAR.read_text()
    for key, value in values.items():
        text = re.sub(rf"(?m)^{key} = .*$", f"{key} = {value}", text)
    path = folder / "race.toml"
    path.write_text(text)
    return path




def test_staying_on_the_grid_fails_when_the_window_closes(tmp_path):
    session, runtime = build_job(race_copy(tmp_path, time_scale="60.0"))  # 5 s window
    session.player_driver = Steady(handbrake=1.0)
    run(session, runtime, 8.0)
    result = job_result(runtime, session)
    assert result.outcome == "failed" and result.payout == 0
    assert result.reason == "five minutes and still racing: did not finish: 0 of 4 laps"
    assert result.stage == "race"  # the green came after 3 s, and the racers went
    racers = session.vehicles_of("racer")
    assert racers.size == 5 and (session.world.speed[racers] > 5.0).all()


def test_a_one_lap_race_driven_by_its_autopilot_finishes_with_a_place(tmp_path):
    session, runtime = build_job(race_copy(tmp_path, laps="1"))
    session.player_driver = make_autopilot(runtime)
    run(session, runtime, 60.0)
    result = job_result(runtime, session)
    assert runtime.ended is not None and result.stage == "race"
    assert 1 <= result.place <= 6 and len(result.lap_times) == 1
    assert 25.0 < result.lap_times[0] < 45.0  # a 1 km lap from the grid
    assert result.reason.startswith(f"finished {result.scorecard[0].split()[1]} of 6")
    assert result.won == (result.place <= 3)
    assert result.payout == (runtime.mission.payout if result.won else 0)




def test_the_shipped_race_checks_clean_and_its_broken_copies_do_not(tmp_path):
    assert check_mission(STOCK_CAR) == []
    assert problems_of(STOCK_CAR, tmp_path, "laps = 4", "laps = 0") == [
        "race.laps: must be a whole number from 1 to 50 (laps), not 0"]
    assert problems_of(STOCK_CAR, tmp_path, '"turn_4"]', '"turn_5"]') == [
        "race.checkpoints[3]: no zone 'turn_5' on map 'speedway' (did you mean 'turn_4'?)"]
    no_race = problems_of(STOCK_CAR, tmp_path, "[race]", "[raec]")
    assert "raec: unknown key (did you mean 'race'?)" in no_race
    assert any(p.startswith("stages['grid'].on[0].actions[0]: start_race needs the mission's "
                            "[race] table") for p in no_race)
    both = '[audition]\nmanoeuvres = ["burnout"]\npass_score = 100\n\n[race]'
    assert problems_of(STOCK_CAR, tmp_path, "[race]", both) == [
        "audition: a job is a race or an audition, not both (it has [race] too)"]


def test_the_new_jobs_are_on_the_jobs_menu_and_the_first_board():
    catalogue = read_catalogue()
    assert {"stock_car", "the_garage"} <= {m.id for m in unlocked(catalogue, set())}
    offers = {offer.mission.id: offer for offer in board(new_career(seed=1), catalogue).offers}
    assert {"stock_car", "the_garage"} <= set(offers)
    assert offers["the_garage"].risk == "low" and offers["stock_car"].pay == 6000


def test_passing_the_audition_puts_his_name_about(tmp_path):
    session, runtime = build_job(LEVELS_DIR / "missions" / "the_garage.toml")
    mission = runtime.mission
    won = replace(job_result(runtime, session), outcome="success", reason="passed the audition",
                  payout=mission.payout)
    career = new_career(seed=1)
    after, changed = apply_result(career, Offer(mission), won)
    assert changed.reputation == mission.career.reputation == 3
    assert after.money == career.money + won.payout
