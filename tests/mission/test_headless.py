"""The job Five Minutes on downtown, headless with the autopilot, as `python -m game mission`.

Each run drives the whole job (pickup, the window, the getaway) in real sim time through
the player's controls, so these are the slow tests of the mission suite.
"""

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
#: with this seed both crew members come out inside the window and the autopilot shakes
#: off the pursuit (on 2026-12-06, with the lights seeded, seeds 0-4, 6 and 7 win)
SUCCESS_SEED = 7
#: with --crew-late the alarm units reach the door as the window closes; with this seed
#: the autopilot gets away from their pursuit (on 2026-12-06, seeds 0-2, 4, 6 and 7 of
#: 0-7 get away; 3 is busted, 5 late)
LATE_SEED = 0


def run_job(*extra: str) -> dict:
    done = subprocess.run(
        [sys.executable, "-m", "game", "mission", "five_minutes", "--headless", "--autopilot",
         *extra],
        cwd=REPO, capture_output=True, text=True, timeout=600,  # a hang guard, not a speed test
    )  # fmt: skip
    assert done.returncode in (0, 1), done.stderr  # 1: the job failed (it still prints)
    assert "Traceback" not in done.stderr
    lines = done.stdout.strip().splitlines()
    assert len(lines) == 1, done.stdout  # exactly one JSON object
    return json.loads(lines[0])


def test_job_ends_in_success_with_a_seed():
    result = run_job("--seed", str(SUCCESS_SEED))
    assert result["mission"] == "five_minutes"
    assert result["outcome"] == "success" and result["rule_kept"] is True
    assert result["window_opened"] is True and result["window_opened_at"] == "02:00:00"
    assert "02:00:00" < result["crew_back"] < "02:05:00"
    assert result["crew_left_behind"] == [] and result["payout"] == 9000
    assert result["mission_clock_end"] > result["crew_back"]
    assert isinstance(result["heat_max"], float)
    assert len(result["state_hash"]) == 64


def test_crew_late_is_left_behind_when_the_window_closes():
    """The window rule with a crew that comes out too late: he waits the whole window,
    leaves without them (the rule kept), and they talk. What the getaway then comes to
    is the police's business: got clean away (crew_left_behind) or busted, said so."""
    result = run_job("--seed", str(LATE_SEED), "--crew-late")
    assert result["rule_kept"] is True and "getaway" in result["stages_entered"]
    if result["outcome"] != "crew_left_behind":
        assert result["outcome"] == "failed" and result["busted"].startswith("busted: stopped")
    assert result["crew_back"] is None
    assert result["crew_left_behind"] == ["Deacon", "Ray"]
    told = result["testimony"][0]
    assert told["crew"] == "Deacon" and told["plate"] and told["car"] and told["direction"]
    assert result["mission_clock_end"] > "02:05:00"  # it waited the whole window


def test_headless_needs_the_autopilot_and_a_known_mission():
    done = subprocess.run(
        [sys.executable, "-m", "game", "mission", "five_minutes", "--headless"],
        cwd=REPO, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert done.returncode == 2 and "--autopilot" in done.stderr
    done = subprocess.run(
        [sys.executable, "-m", "game", "mission", "six_minutes", "--headless", "--autopilot"],
        cwd=REPO, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert done.returncode == 2 and "no such mission" in done.stderr
    assert "Traceback" not in done.stderr and "five_minutes" in done.stderr
