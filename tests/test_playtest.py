"""``python -m game playtest``: a job's autopilot over seeds, and what a designer reads."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from game.playtest import _needed, summary_lines

REPO = Path(__file__).resolve().parents[1]


def _run(seed: int, outcome: str, reason: str = "") -> dict:
    return {"mission": "job", "seed": seed, "outcome": outcome, "reason": reason,
            "rule_kept": outcome != "failed", "heat_max": 0.5 * seed, "sim_s": 100.0 + seed}


def test_the_summary_counts_wins_names_each_loss_and_each_seed():
    runs = [_run(0, "success"), _run(1, "failed", "busted: stopped for 3 s on 5th St"),
            _run(2, "failed", "busted: stopped for 3 s on 5th St"),
            _run(3, "crew_left_behind", "left behind: Ray")]
    lines = summary_lines("job", runs, min_wins=6, seeds=4)
    assert lines[0] == "job: 1 of 4 won (needs 3)"  # 6 of 8, scaled to 4 seeds
    assert "  2 x busted: stopped for 3 s on 5th St" in lines
    assert "  1 x left behind: Ray" in lines
    assert lines[-1].endswith("seeds 0:s 1:f 2:f 3:c")
    assert "rule kept 2/4" in lines[-1] and "heat max 0.0-1.5" in lines[-1]


def test_a_bust_in_the_missions_own_words_is_followed_by_where_each_seed_was_stopped():
    law = "busted: stopped for 3 s just off 6th St with 2 units against you"
    runs = [_run(1, "failed", "busted: the police boxed you in") | {"busted": law},
            _run(2, "failed", "the car is wrecked") | {"busted": ""}]
    lines = summary_lines("job", runs, min_wins=None, seeds=2)
    at = lines.index("  1 x busted: the police boxed you in")
    assert lines[at + 1] == f"    seed 1: {law}"
    assert lines[lines.index("  1 x the car is wrecked") + 1].startswith("  rule kept")


def test_min_wins_scales_up_to_the_seeds_asked():
    assert _needed(6, 8) == 6 and _needed(6, 16) == 12 and _needed(5, 3) == 2
    assert _needed(None, 8) == 0


def test_a_short_job_over_one_seed_prints_its_result():
    done = subprocess.run(
        [sys.executable, "-m", "game", "playtest", "pch", "--seeds", "1", "--workers", "1",
         "--json"], cwd=REPO, capture_output=True, text=True, timeout=600)
    assert done.returncode in (0, 1), done.stderr  # 1: below min_wins, still a result
    [line] = done.stdout.strip().splitlines()
    result = json.loads(line)
    assert result["mission"] == "pch" and result["seed"] == 0
    assert result["outcome"] in ("success", "failed") and result["difficulty"] == "normal"
    assert result["outcome"] == "success" or result["reason"]  # every loss says why


def test_no_seeds_is_a_usage_error():
    done = subprocess.run([sys.executable, "-m", "game", "playtest", "pch", "--seeds", "0"],
                          cwd=REPO, capture_output=True, text=True, timeout=120)
    assert done.returncode == 2 and "at least 1" in done.stderr
