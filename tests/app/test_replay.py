"""Recording and replaying drives through the app and the command line: free drive and a
whole job, in the window (any frame rate, any warp) and headless, give the same game."""

import argparse
import json
import shutil

import numpy as np
import pygame
import pytest

from game.app import replay as replay_command
from game.app.drive_scene import open_free_drive
from game.app.job_scene import JobOptions, JobScene
from game.mission.headless import run_headless
from game.session.replay import load_recording
from game.sim.controls import N_CONTROLS
from tests.app.conftest import key_event
from tests.mission.shortjob import write_short_job
from tests.render.testmap import write_test_map

JOB_SEED = 3


@pytest.fixture(scope="module")
def recorded_job(tmp_path_factory):
    """The short job, run headless with the autopilot and recorded once for this module:
    (mission path, its JobResult, the recording's path)."""
    folder = tmp_path_factory.mktemp("recorded")
    mission = write_short_job(folder / "levels")
    result = run_headless(str(mission), seed=JOB_SEED, record=folder / "job.npz")
    assert result.outcome == "success"
    return mission, result, folder / "job.npz"


def replay_args(path, headless=False, verify=False):
    return argparse.Namespace(path=path, headless=headless, verify=verify)


def test_a_recorded_free_drive_replays_to_the_same_state(app, tmp_path, capsys):
    map_path = write_test_map(tmp_path / "map", traffic=True)
    app.record_path = tmp_path / "drive.npz"
    app.seed = 5
    assert open_free_drive(app, map_path)
    session = app.scenes[-1].session
    keys = {0: [key_event(pygame.K_UP)], 60: [key_event(pygame.K_RIGHT)],
            100: [key_event(pygame.K_RIGHT, down=False), key_event(pygame.K_SPACE)],
            130: [key_event(pygame.K_l)]}  # lights off: a switch like any other, replayed
    for frame in range(180):
        app.step_frame(keys.get(frame, []), 1 / 60)
    expected = session.state_hash()
    app.close()  # the drive ends: the recording is written

    recording = load_recording(tmp_path / "drive.npz")
    assert recording.source.seed == 5 and recording.controls.shape == (180, N_CONTROLS)
    assert len(recording.hashes) == 3  # one a simulated second
    assert replay_command.run(replay_args(tmp_path / "drive.npz", headless=True)) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["ticks"] == 180 and result["matches"] is True
    assert result["state_hash"] == expected
    assert replay_command.run(replay_args(tmp_path / "drive.npz", verify=True)) == 0
    assert "matches" in capsys.readouterr().out


def run_job_in_window(app, mission, options, frame_s, frames_max=20000):
    """Drive the job in the app with the autopilot until it has ended; the JobScene."""
    from game.app.job_scene import open_briefing

    open_briefing(app, str(mission), options)
    app.step_frame([key_event(pygame.K_RETURN)], frame_s)
    scene = app.scenes[-1]
    assert isinstance(scene, JobScene)
    for _ in range(frames_max):
        if scene.result is not None:
            break
        app.step_frame([], frame_s)
    return scene


@pytest.mark.parametrize("frame_hz, warp", [(25, 1.0), (90, 3.0)])
def test_a_job_plays_the_same_in_the_window_as_headless(app, tmp_path, recorded_job, frame_hz,
                                                        warp):
    mission, headless, recorded = recorded_job
    options = JobOptions(seed=JOB_SEED, autopilot=True, warp=warp,
                         record_path=tmp_path / "window.npz")
    scene = run_job_in_window(app, mission, options, 1 / frame_hz)
    windowed = scene.result
    app.close()  # the drive ends: its recording is written
    assert windowed.outcome == headless.outcome and windowed.reason == headless.reason
    assert windowed.state_hash == headless.state_hash
    assert windowed.sim_s == headless.sim_s
    one, two = load_recording(recorded), load_recording(tmp_path / "window.npz")
    assert one.source == two.source and one.source.kind == "job"
    assert np.array_equal(one.controls, two.controls)
    assert np.array_equal(one.checks, two.checks) and one.hashes == two.hashes


def test_a_recorded_job_replays_its_clock_police_crew_and_result(recorded_job, capsys):
    _, result, recorded = recorded_job
    assert replay_command.run(replay_args(recorded, headless=True)) == 0
    replayed = json.loads(capsys.readouterr().out)
    assert replayed["matches"] and replayed["state_hash"] == result.state_hash
    assert replayed["result"] == result.to_json()


def test_one_changed_control_is_reported_at_its_first_differing_tick(tmp_path, recorded_job,
                                                                      capsys):
    recording = load_recording(recorded_job[2])
    recording.controls[700, 2] = -recording.controls[700, 2] - 0.5  # steer otherwise, once
    recording.save(tmp_path / "tampered.npz")
    assert replay_command.run(replay_args(tmp_path / "tampered.npz", verify=True)) == 1
    out = capsys.readouterr().out
    assert "from tick 701 (11.68 s)" in out and out.count("\n") == 1


def test_a_job_file_changed_since_the_recording_is_refused(tmp_path, recorded_job, capsys):
    shutil.copytree(recorded_job[0].parents[1], tmp_path / "levels")
    mission = tmp_path / "levels" / "missions" / "short.toml"
    run_headless(str(mission), seed=0, record=tmp_path / "job.npz", max_sim_s=2.0)
    mission.write_text(mission.read_text().replace("payout = 500", "payout = 600"))
    assert replay_command.run(replay_args(tmp_path / "job.npz", verify=True)) == 1
    err = capsys.readouterr().err
    assert "short.toml" in err and "changed since the recording" in err
    assert err.count("\n") == 1


def test_the_windowed_command_leaves_at_the_results_with_the_headless_result(tmp_path,
                                                                            recorded_job):
    """``mission NAME --autopilot --autoquit`` under the dummy display, warped: the same
    JSON line as the headless run, and a recording that verifies."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    mission, headless, _ = recorded_job
    env = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy",
           "FMW_CONFIG_DIR": str(tmp_path / "config")}
    repo = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        [sys.executable, "-m", "game", "mission", str(mission), "--autopilot", "--seed",
         str(JOB_SEED), "--warp", "12", "--autoquit", "--record", str(tmp_path / "w.npz")],
        cwd=repo, env=env, capture_output=True, text=True, timeout=240)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.strip().splitlines()[-1]) == headless.to_json()
    assert replay_command.run(replay_args(tmp_path / "w.npz", verify=True)) == 0
