"""The Garage's audition as a job: scored from scripted inputs, scratches counted once per
touch, its result; and the shipped mission file's checks on broken copies."""

from __future__ import annotations

import re
from pathlib import Path

from game.mission.audition import Audition
from game.mission.job import build_job
from game.mission.result import job_result
from game.mission.validate import LEVELS_DIR, check_mission
from tests.mission.jobrun import problems_of, run
from tests.session.steady import Steady

GARAGE = LEVELS_DIR / "missions" / "the_garage.toml"


def audition_copy(folder: Path, manoeuvres: str, pass_score: int, time_scale: float = 2.0,
                  **replace: str) -> Path:
    """The shipped audition with other manoeuvres, pass mark and clock (and any text
    replaced), written into ``folder``."""
    text = GARAGE.read_text()
    text = re.sub(r"manoeuvres = \[.*\]", f"manoeuvres = [{manoeuvres}]", text)
    text = re.sub(r"pass_score = \d+", f"pass_score = {pass_score}", text)
    text = re.sub(r"time_scale = [\d.]+", f"time_scale = {time_scale}", text)
    for old, new in replace.items():
        text = text.replace(old, new)
    path = folder / "audition.toml"
    path.write_text(text)
    return path




def test_a_burnout_on_the_spot_passes_a_one_manoeuvre_audition(tmp_path):
    session, runtime = build_job(audition_copy(tmp_path, '"burnout"', 100))
    session.player_driver = Steady(throttle=1.0, brake=1.0)
    run(session, runtime, 5.0)
    result = job_result(runtime, session)
    assert result.outcome == "success", result.reason
    assert result.reason == "passed the audition: 1 of 1 manoeuvres, 0 scratches, 100 points"
    assert result.score == 100 and result.manoeuvres_passed == ("burnout",)
    assert result.payout == runtime.mission.payout
    assert "Burnout: 100" in result.scorecard


def test_the_window_closing_ends_the_audition_and_says_what_was_missed(tmp_path):
    path = audition_copy(tmp_path, '"burnout", "spin_360"', 200, time_scale=60.0)
    session, runtime = build_job(path)  # the window: 5 clock minutes = 5 s of driving
    session.player_driver = Steady(throttle=1.0, brake=1.0)  # a burnout, and nothing else
    run(session, runtime, 8.0)
    result = job_result(runtime, session)
    assert result.outcome == "failed" and result.payout == 0
    assert result.reason == ("time's up: failed the audition: 1 of 2 manoeuvres, 0 scratches, "
                             "100 points, 200 needed (not done: 360)")
    assert result.score == 100


def test_a_near_miss_idling_scores_nothing_and_fails(tmp_path):
    path = audition_copy(tmp_path, '"burnout"', 100, time_scale=60.0)
    session, runtime = build_job(path)
    session.player_driver = Steady(throttle=1.0)  # drives off: wheelspin, but moving
    run(session, runtime, 8.0)
    result = job_result(runtime, session)
    assert result.outcome == "failed"
    assert result.reason.startswith("time's up: failed the audition: 0 of 1 manoeuvres")
    assert result.manoeuvres_passed == () and result.score == 0


def test_the_waypoint_is_where_the_next_manoeuvre_is_done():
    session, runtime = build_job(GARAGE)
    assert session.view.rules.waypoint is None  # the burnout: right here
    session.player_driver = Steady(throttle=1.0, brake=1.0)
    run(session, runtime, 3.0)
    assert runtime.mechanic.points == {"burnout": 100}
    assert session.view.rules.waypoint_label == "Slalom 1"
    gauge = session.view.rules.gauge
    assert gauge.title == "AUDITION  100 / 400" and gauge.lines[0].lit


def test_a_touch_of_the_wall_is_one_scratch_and_costs_points(tmp_path):
    session, runtime = build_job(audition_copy(tmp_path, '"burnout", "spin_360"', 100))
    audition = runtime.mechanic
    assert isinstance(audition, Audition)
    session.player_driver = Steady(brake=1.0)  # reverse from the start into the west wall
    run(session, runtime, 5.0)  # and lean on it
    assert audition.scratches == 1
    session.player_driver = Steady(throttle=1.0, brake=1.0)  # then a burnout: 100 - 20
    run(session, runtime, 4.0)
    assert audition.points == {"burnout": 100} and audition.score == 80
    assert audition.gauge().lines[-1].value == "1  -20"


def test_no_scratch_when_the_car_stops_short_of_the_wall(tmp_path):
    session, runtime = build_job(audition_copy(tmp_path, '"burnout"', 100))
    driver = Steady(brake=1.0)
    session.player_driver = driver
    run(session, runtime, 1.5)  # backing a little way
    driver.set(throttle=0.0, brake=0.0, handbrake=1.0)
    run(session, runtime, 3.0)
    assert runtime.mechanic.scratches == 0




def test_the_shipped_audition_checks_clean_and_its_broken_copies_do_not(tmp_path):
    assert check_mission(GARAGE) == []
    assert problems_of(GARAGE, tmp_path, '"spin_360"', '"spin_720"') == [
        "audition.manoeuvres[4]: unknown manoeuvre 'spin_720' (one of burnout, slalom, "
        "handbrake_180, reverse_180, spin_360, brake_test) (did you mean 'spin_360'?)"]
    assert problems_of(GARAGE, tmp_path, 'brake_line = "brake_line"',
                       'brake_line = "brake_lane"') == [
        "audition.brake_line: no zone 'brake_lane' on map 'garage' (did you mean "
        "'brake_line'?)"]
    two = 'manoeuvres = ["burnout", "slalom"]'
    assert problems_of(GARAGE, tmp_path, 'manoeuvres = ["burnout", "slalom", "handbrake_180", '
                       '"reverse_180", "spin_360", "brake_test"]', two) == [
        "audition.pass_score: 400 is more than the 2 manoeuvres can score (200)"]
    gates = 'slalom = ["slalom_1", "slalom_2", "slalom_3", "slalom_4"]'
    assert problems_of(GARAGE, tmp_path, gates, 'slalom = ["slalom_1"]') == [
        "audition.slalom: the slalom manoeuvre needs at least two gates (zones)"]
    assert problems_of(GARAGE, tmp_path, "[audition]", "[audition_]")[0].startswith(
        "audition_: unknown key (did you mean 'audition'?)")
