"""What the job result tells a designer (issue 13, item 4): the stages it went through,
when the car reached the contract's place, a reason on success; and the exit status of
``mission --headless``: 0 for a job that ended, 1 for a failed one, 2 for one that cannot
run."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from game.mission.headless import run_headless
from tests.mission.shortjob import write_short_job

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def short_job(tmp_path_factory) -> Path:
    return write_short_job(tmp_path_factory.mktemp("short") / "levels")


def mission_command(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"}
    return subprocess.run([sys.executable, "-m", "game", "mission", *args], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=120)


def test_a_won_job_says_its_stages_when_the_place_was_reached_and_why_it_ended(short_job):
    result = run_headless(str(short_job), seed=0)
    assert result.outcome == "success"
    assert result.reason == "done in stage 'home': 1 of 1 crew back, the rule kept"
    assert not result.own_reason  # the fallback: the job's `complete` said nothing
    assert result.stages_entered == ("pickup", "window", "home")
    assert result.place_reached_at is not None
    assert result.place_reached_at <= result.window_opened_at  # there before 02:00
    data = result.to_json()
    assert data["stages_entered"] == ["pickup", "window", "home"]
    assert data["place_reached_at"] < "02:00:00" and data["stage"] == "home"


def test_headless_exit_status_is_0_when_done_1_when_failed_2_when_it_cannot_run(
        short_job):
    done = mission_command(str(short_job), "--headless", "--autopilot")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["outcome"] == "success"
    cut_short = mission_command(str(short_job), "--headless", "--autopilot", "--max-sim-s", "2")
    assert cut_short.returncode == 1, cut_short.stderr
    result = json.loads(cut_short.stdout)
    assert result["outcome"] == "failed"
    # the cap says where the job stood: its stage, what it asked, the police
    assert result["reason"] == ("not over after 2 s of sim time, in stage 'pickup' "
                                "(Pick up Cook.): no pursuit, heat 0.0")
    assert result["place_reached_at"] is None and result["stages_entered"] == ["pickup"]
    broken = short_job.with_name("broken.toml")  # beside it: its map is ../maps/cross.tmx
    broken.write_text(short_job.read_text().replace('place = "lot"', 'place = "lott"'))
    refused = mission_command(str(broken), "--headless", "--autopilot")
    assert refused.returncode == 2
    assert "contract.place: no zone 'lott'" in refused.stderr and refused.stdout == ""
