"""The race tracker: laps, positions and lap times from a scripted race on the speedway.

The cars are moved along the lap's line (no physics), as a race would move them, and the
tracker is shown where they are tick by tick."""

from __future__ import annotations

import numpy as np
import pytest

from game.level import load_level
from game.mission.model import RaceTerms
from game.mission.race import LapDone, RaceFinished, RaceTracker, format_lap, ordinal
from game.mission.validate import LEVELS_DIR

TURNS = ("turn_1", "turn_2", "turn_3", "turn_4")
DT = 1.0 / 60.0


@pytest.fixture(scope="module")
def speedway():
    return load_level(LEVELS_DIR / "maps" / "speedway.tmx")


def race(level, laps=2, pay_place=2):
    tracker = RaceTracker(RaceTerms(laps, pay_place, "finish", TURNS), level)
    return tracker, tracker.lap


def drive(tracker, lap, s, speeds, seconds, lateral=-6.0, now=0.0, events=None):
    """Move the cars from ``s`` at ``speeds`` (m/s, negative: backwards) for ``seconds``;
    the new s and the time."""
    events = [] if events is None else events
    s = np.asarray(s, dtype=np.float64)
    for _ in range(round(seconds / DT)):
        s = s + np.asarray(speeds) * DT
        now += DT
        x, y = lap.pose_at(s, lateral)
        events += tracker.observe(x, y, now)
    return s, now


def test_laps_positions_and_lap_times_of_a_scripted_race(speedway):
    tracker, lap = race(speedway, laps=2)
    grid = np.array([lap.length - 10.0, lap.length - 20.0, lap.length - 30.0])
    tracker.start(["You", "Dutch", "Hollis"], *lap.pose_at(grid, -6.0), 0.0)
    speeds = [30.0, 32.0, 28.0]  # Dutch is the quickest
    events = []
    s, now = drive(tracker, lap, grid, speeds, 4.0, events=events)
    assert [tracker.laps_done(c) for c in range(3)] == [0, 0, 0]  # all on lap 1
    assert list(tracker.order()) == [0, 1, 2]  # still ahead of Dutch, just
    s, now = drive(tracker, lap, s, speeds, 76.0, now=now, events=events)
    # Dutch passed him a second later and took the flag first; Hollis last
    assert list(tracker.order()) == [1, 0, 2]
    laps = [e for e in events if isinstance(e, LapDone)]
    mine = [e.lap_s for e in laps if e.name == "You"]
    assert mine[0] == pytest.approx(lap.length / 30.0, abs=0.05)
    finished = [e for e in events if isinstance(e, RaceFinished)]
    assert len(finished) == 1 and finished[0].place == 2 and finished[0].cars == 3
    assert tracker.finished
    won, sentence = tracker.verdict()
    assert won and sentence == "finished 2nd of 3"


def test_once_the_winner_has_the_flag_a_lapped_car_finishes_at_its_next_crossing(speedway):
    tracker, lap = race(speedway, laps=2)
    grid = np.array([lap.length - 10.0, lap.length - 20.0])
    tracker.start(["You", "Dutch"], *lap.pose_at(grid, -6.0), 0.0)
    events = []
    s, now = drive(tracker, lap, grid, [12.0, 36.0], 58.0, events=events)
    assert np.isfinite(tracker.finished_at[1]) and not tracker.finished  # Dutch has it
    assert tracker.laps_done(0) == 0  # You are not round once yet
    drive(tracker, lap, s, [12.0, 0.0], 40.0, now=now, events=events)
    finished = [e for e in events if isinstance(e, RaceFinished)]
    assert tracker.finished and tracker.laps_done(0) == 1
    assert finished[0].place == 2 and tracker.verdict() == (True, "finished 2nd of 2")


def test_the_place_the_client_pays_for(speedway):
    tracker, lap = race(speedway, laps=1, pay_place=1)
    grid = np.array([lap.length - 10.0, lap.length - 20.0])
    tracker.start(["You", "Dutch"], *lap.pose_at(grid, -6.0), 0.0)
    drive(tracker, lap, grid, [28.0, 33.0], 45.0)
    won, sentence = tracker.verdict()
    assert not won and sentence == "finished 2nd of 2: the pay was for 1st or better"


def test_cutting_the_infield_or_reversing_over_the_line_counts_no_lap(speedway):
    tracker, lap = race(speedway, laps=3)
    grid = np.array([lap.length - 10.0])
    tracker.start(["You"], *lap.pose_at(grid, -6.0), 0.0)
    s, now = drive(tracker, lap, grid, [30.0], 2.0)  # over the line off the grid: lap 1
    assert tracker.crossings[0] == 1 and tracker.laps_done() == 0
    # back over the line and forwards again: nothing
    s, now = drive(tracker, lap, s, [-20.0], 2.0, now=now)
    s, now = drive(tracker, lap, s, [20.0], 3.0, now=now)
    assert tracker.laps_done() == 0
    # round to turn 2, then straight across the infield to the line: turns 3 and 4 missed
    s, now = drive(tracker, lap, s, [30.0], 12.0, now=now)
    tracker.observe(*lap.pose_at(np.array([lap.length - 5.0]), -6.0), now + 1.0)
    tracker.observe(*lap.pose_at(np.array([5.0]), -6.0), now + 1.1)
    assert tracker.laps_done() == 0


def test_the_lap_board_shows_the_lap_the_place_and_the_drivers_row(speedway):
    tracker, lap = race(speedway, laps=2)
    gauge = tracker.gauge()
    assert gauge.title == "GRID  2 LAPS"
    grid = np.array([lap.length - 10.0, lap.length - 20.0])
    tracker.start(["You", "Dutch"], *lap.pose_at(grid, -6.0), 0.0)
    drive(tracker, lap, grid, [30.0, 25.0], 36.0)
    gauge = tracker.gauge()
    assert gauge.title.startswith("LAP 2/2  1st  last ")
    assert [line.label for line in gauge.lines] == ["1. You", "2. Dutch"]
    assert gauge.lines[0].lit and not gauge.lines[1].lit


def test_words_for_places_and_times():
    assert [ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 22)] == [
        "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd"]
    assert format_lap(83.25) == "1:23.2"
