"""The autopilot drives a whole job on the tiny ring road through the player's controls."""

import numpy as np

from game.mission.autopilot import Autopilot
from game.mission.job import build_session
from game.mission.result import job_result

from .tiny import MISSION, tiny_level, tiny_mission


def drive(tmp_path, crew_late: bool):
    mission = tiny_mission(tmp_path, MISSION.replace('start = "01:58"', 'start = "01:55"'))
    level = tiny_level()
    session, runtime = build_session(mission, level, seed=1, crew_late=crew_late)
    session.player_driver = Autopilot(runtime)
    world, player = session.world, session.player
    largest_step = 0.0
    while runtime.ended is None and world.time < 150.0:
        before = np.array([world.x[player], world.y[player]])
        session.tick()
        moved = float(np.hypot(world.x[player] - before[0], world.y[player] - before[1]))
        largest_step = max(largest_step, moved)
    return job_result(runtime, session).to_json(), largest_step, world.dt


def test_autopilot_completes_the_job_by_driving(tmp_path):
    result, largest_step, dt = drive(tmp_path, crew_late=False)
    assert result["outcome"] == "success" and result["rule_kept"] is True
    assert result["window_opened_at"] == "02:00:00" and result["crew_back"] is not None
    assert largest_step < 40.0 * dt  # never more than 40 m/s of motion: no teleporting


def test_autopilot_leaves_when_the_window_closes_on_a_late_crew(tmp_path):
    result, _, _ = drive(tmp_path, crew_late=True)
    assert result["outcome"] == "crew_left_behind" and result["rule_kept"] is True
    assert result["crew_left_behind"] == ["Irish", "Blanche"] and result["crew_back"] is None
    assert result["mission_clock_end"] > "02:05:00"
