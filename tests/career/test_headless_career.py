"""``python -m game career --headless --autopilot``: a career of real (short) jobs played
by the autopilot, one JSON line per job and a summary, saved after each job; --continue
resumes it; a slot holding a career is never overwritten; an unusable save is reported
in one line and --use-backup continues from the backup."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from game.career.garage import RESPRAY_PRICE
from game.career.model import START_MONEY
from game.career.saves import LoadStatus, load_career, save_path
from tests.career.helpers import write_career_jobs

REPO = Path(__file__).resolve().parents[2]


def career(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "game", "career", *args], cwd=REPO,
                          capture_output=True, text=True, timeout=240)


def lines(done: subprocess.CompletedProcess) -> list[dict]:
    assert "Traceback" not in done.stderr, done.stderr
    return [json.loads(line) for line in done.stdout.splitlines()]


@pytest.fixture(scope="module")
def played(tmp_path_factory):
    """Two jobs of a new career (of three asked for: only two clients exist)."""
    folder = tmp_path_factory.mktemp("career")
    missions = write_career_jobs(folder / "levels")
    slot = folder / "slot"
    done = career("--headless", "--autopilot", "--seed", "3", "--jobs", "3",
                  "--slot", str(slot), "--missions", str(missions))
    assert done.returncode == 0, done.stderr
    return slot, missions, lines(done)


def test_each_job_prints_its_result_and_the_last_line_sums_up(played):
    slot, _, out = played
    *jobs, summary = out
    assert [j["job"] for j in jobs] == [1, 2]
    assert [j["result"]["mission"] for j in jobs] == ["late", "short"]  # by pay
    assert [j["night"] for j in jobs] == [1, 2]
    late, short = jobs
    assert late["result"]["outcome"] == "crew_left_behind"
    assert late["evidence"][0]["source"] == "crew" and "Cook" in late["evidence"][0]["who"]
    assert late["certainty"] > 0.0
    assert summary["summary"] is True and summary["jobs_done"] == 2
    assert summary["clients"] == ["a man at the bar", "the tests"]
    sprayed = sum(entry.startswith("respray") for j in jobs for entry in j["garage"])
    earned = late["result"]["payout"] + short["result"]["payout"]
    assert summary["money"] == START_MONEY + earned - sprayed * RESPRAY_PRICE
    assert summary["file_entries"] >= 1 and summary["certainty"] > 0.0
    # the Handler has nothing more: the last line says the career ended, into the night
    assert summary["ending"] == "into_the_night" and jobs[-1]["ending"] == "into_the_night"
    assert summary["ended"].startswith("drove into the night after Short job")
    assert summary["stopped"] == summary["ended"]


def test_the_career_is_saved_and_the_known_car_resprayed_before_the_next_job(played):
    slot, _, out = played
    loaded = load_career(slot)
    assert loaded.status is LoadStatus.LOADED
    saved = loaded.career
    assert [r.result.mission for r in saved.jobs] == ["late", "short"]
    assert saved.money == out[-1]["money"] and saved.night == 3
    late, short = out[0], out[1]
    told = saved.file[0]
    assert told.car.plate == late["result"]["plate"]  # the crew named his plate...
    assert short["garage"] and short["garage"][0].startswith("respray")  # ...so: new plates
    assert short["result"]["plate"] != late["result"]["plate"]
    assert short["detective_after_s"] is not None  # the file was thick enough for him


def test_continue_resumes_the_slot_and_a_new_career_never_overwrites_it(played):
    slot, missions, out = played
    before = save_path(slot).read_bytes()
    refused = career("--headless", "--autopilot", "--slot", str(slot), "--missions",
                     str(missions))
    assert refused.returncode == 1 and "holds a career already" in refused.stderr
    assert len(refused.stderr.strip().splitlines()) == 1
    assert save_path(slot).read_bytes() == before
    resumed = career("--headless", "--autopilot", "--continue", "--jobs", "2",
                     "--slot", str(slot), "--missions", str(missions))
    assert resumed.returncode == 0, resumed.stderr
    (summary,) = lines(resumed)  # no job left for him
    assert summary["money"] == out[-1]["money"] and summary["jobs_done"] == 2


def test_an_unusable_save_is_reported_and_the_backup_continues(tmp_path, played):
    slot, missions, _ = played
    copy = tmp_path / "slot"
    copy.mkdir()
    for path in slot.iterdir():
        (copy / path.name).write_bytes(path.read_bytes())
    save_path(copy).write_bytes(b"{ torn")
    args = ("--headless", "--autopilot", "--continue", "--jobs", "1", "--slot", str(copy),
            "--missions", str(missions))
    first = career(*args)
    assert first.returncode == 1 and "--use-backup" in first.stderr
    assert len(first.stderr.strip().splitlines()) == 1 and "corrupt-1" in first.stderr
    second = career(*args, "--use-backup")
    assert second.returncode == 0, second.stderr
    assert lines(second)[-1]["summary"] is True


def test_headless_needs_the_autopilot():
    done = career("--headless")
    assert done.returncode == 2 and "--autopilot" in done.stderr


def test_the_career_command_takes_a_designers_levels_folder(tmp_path):
    """``career --levels DIR``: the board's jobs come from the levels path, so the career
    command takes the folders the other commands do."""
    from game import cli
    from tests.career.helpers import write_mission

    write_mission(tmp_path / "mine" / "missions", "heist")
    args = cli.build_parser(["career"]).parse_args(
        ["career", "--levels", str(tmp_path / "mine"), "--autopilot"])
    assert args.levels == [tmp_path / "mine"] and args.autopilot and args.warp == 1.0
