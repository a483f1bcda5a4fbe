"""The speedway's lap and pit lane as racers and the race tracker read them from its roads."""

from __future__ import annotations

import numpy as np
import pytest

from game.ai.racing_line import STEP_M, RacingLine, track_lines
from game.level import load_level
from game.mission.validate import LEVELS_DIR


@pytest.fixture(scope="module")
def speedway():
    level = load_level(LEVELS_DIR / "maps" / "speedway.tmx")
    return level, track_lines(level, top_speed=76.0)


def test_the_lap_is_a_loop_of_the_oval_starting_at_the_line(speedway):
    level, track = speedway
    lap = track.lap
    assert lap.closed and 900.0 < lap.length < 1100.0  # a 512 x 320 m oval, outer lane
    fx, fy = level.zones["finish"].centre
    s, lateral = lap.project(np.array([fx]), np.array([fy]))
    assert min(s[0], lap.length - s[0]) < STEP_M and abs(lateral[0]) < 10.0
    x, y = lap.pose_at(np.array([0.0]))  # s = 0 is on the start/finish line
    assert abs(x[0] - fx) < STEP_M


def test_speed_comes_from_the_curvature_slower_in_the_turns(speedway):
    level, track = speedway
    lap = track.lap
    turn = level.zones["turn_2"].centre  # the middle of the far end's bend
    straight = (256.0, 70.0)  # the middle of the back stretch
    s_turn, _ = lap.project(np.array([turn[0] + 20]), np.array([turn[1]]))
    s_straight, _ = lap.project(np.array([straight[0]]), np.array([straight[1]]))
    corner, fast = float(lap.speed_at(s_turn)[0]), float(lap.speed_at(s_straight)[0])
    assert 24.0 < corner < 32.0  # sqrt(9 m/s^2 x ~98 m)
    assert fast > corner + 5.0


def test_a_circle_gets_the_cornering_speed_of_its_radius():
    angles = np.linspace(0.0, 2 * np.pi, 200, endpoint=False)
    circle = np.column_stack([100 + 50 * np.cos(angles), 100 + 50 * np.sin(angles)])
    line = RacingLine.of_points(circle, True, top_speed=80.0, lateral_accel=8.0)
    assert np.allclose(line.speed, np.sqrt(8.0 * 50.0), rtol=0.03)
    assert abs(line.length - 2 * np.pi * 50) < STEP_M


def test_braking_is_folded_in_before_a_slow_point():
    straight = np.column_stack([np.linspace(0, 400, 101), np.zeros(101)])
    hook = np.column_stack([400 + 10 * np.sin(np.linspace(0, np.pi, 30)),
                            10 - 10 * np.cos(np.linspace(0, np.pi, 30))])
    line = RacingLine.of_points(np.vstack([straight, hook[1:]]), False, 60.0, 8.0, 5.0)
    s_hook = 400.0
    # 100 m before the hook it may go no faster than it can brake to the hook's speed
    v_hook = float(line.speed_at(np.array([s_hook + 10]))[0])
    allowed = np.sqrt(v_hook ** 2 + 2 * 5.0 * 100.0)
    assert float(line.speed_at(np.array([s_hook - 100]))[0]) <= allowed + 0.5
    assert float(line.speed_at(np.array([50.0]))[0]) == pytest.approx(60.0)


def test_the_pit_lane_leaves_the_lap_and_rejoins_it_at_its_limit(speedway):
    level, track = speedway
    pit = track.pit
    assert pit is not None and not pit.closed
    assert track.pit_speed == pytest.approx(60 / 3.6)
    assert pit.speed.max() <= track.pit_speed + 1e-6
    lap = track.lap
    (s_in, s_out), (lat_in, lat_out) = lap.project(pit.xy[[0, -1], 0], pit.xy[[0, -1], 1])
    assert abs(lat_in) < 14.0 and abs(lat_out) < 14.0  # both ends on the track's lanes
    assert lap.ahead_m(s_in, s_out) > 100.0  # out further along than in
    pit_zone = level.zones["pit"]
    mid = pit.pose_at(np.array([pit.length / 2]))
    assert pit_zone.contains(mid[0], mid[1]).all()


def test_projection_and_pose_agree(speedway):
    _, track = speedway
    lap = track.lap
    s = np.array([10.0, 250.0, 600.0, 990.0])
    x, y = lap.pose_at(s, np.array([-4.0, 0.0, -8.0, -2.0]))
    back_s, back_lateral = lap.project(x, y)
    assert np.allclose(back_s, s, atol=0.5)
    assert np.allclose(back_lateral, [-4.0, 0.0, -8.0, -2.0], atol=0.3)
