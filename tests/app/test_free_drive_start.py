"""Where free drive starts on the shipped maps: out on a road, pointed along it, so the
first thing a player does (hold the throttle) drives somewhere; and every map runs."""

from pathlib import Path

import numpy as np
import pytest

from game.level import load_level
from game.mission.replays import free_drive_source, session_for
from game.session.drive import free_drive_session, free_drive_spawn
from game.session.replay import Recorder
from tests.session.steady import Steady

MAPS = Path(__file__).resolve().parents[2] / "levels" / "maps"


def throttle_ticks(session, seconds: float) -> int:
    """Hold the throttle, wheels straight; returns the player's wall contacts."""
    session.player_driver = Steady(throttle=1.0)
    walls = 0
    for _ in range(round(seconds / session.dt)):
        hits = session.tick().collisions
        walls += int(np.count_nonzero((np.asarray(hits.a) == session.player)
                                      & (np.asarray(hits.b) == -1)))
    return walls


def test_downtown_free_drive_starts_in_a_lane_and_the_throttle_drives_down_the_street():
    level = load_level(MAPS / "downtown.tmx")
    assert free_drive_spawn(level) == "free_drive"
    session = free_drive_session(level)
    player = session.player
    x0, y0 = float(session.world.x[player]), float(session.world.y[player])
    assert level.street_at(x0, y0) is not None
    assert throttle_ticks(session, 5.0) == 0
    x1, y1 = float(session.world.x[player]), float(session.world.y[player])
    assert np.hypot(x1 - x0, y1 - y0) > 40.0
    assert level.street_at(x1, y1) is not None


def test_a_replay_starts_where_the_recorded_free_drive_did():
    level = load_level(MAPS / "downtown.tmx")
    live = free_drive_session(level, seed=3)
    recorder = Recorder(free_drive_source(live, free_drive_spawn(level)))
    replay, _ = session_for(recorder.recording())
    assert replay.world.x[replay.player] == live.world.x[live.player]
    assert replay.world.heading[replay.player] == live.world.heading[live.player]


@pytest.mark.parametrize("name", sorted(p.stem for p in MAPS.glob("*.tmx")))
def test_free_drive_runs_on_every_shipped_map(name):
    session = free_drive_session(load_level(MAPS / f"{name}.tmx"))
    start = session.world.x[session.player], session.world.y[session.player]
    throttle_ticks(session, 3.0)
    moved = np.hypot(session.world.x[session.player] - start[0],
                     session.world.y[session.player] - start[1])
    assert moved > 15.0


def test_downtown_has_a_start_outside_shannons_garage_and_the_throttle_drives_on():
    """The career's night drive from the garage: on Alameda St beside the garage's yard,
    in a lane facing the traffic's way, clear of every other spawn."""
    level = load_level(MAPS / "downtown.tmx")
    spawn = level.spawns["garage_start"]
    assert spawn.kind == "player" and level.street_at(spawn.x, spawn.y) == "Alameda St"
    garage = level.zones["shannons_garage"]
    assert bool(garage.contains(np.array([spawn.x - 6.0]), np.array([spawn.y]))[0])  # its yard
    others = [s for s in level.spawns.values() if s.name != "garage_start"]
    assert min(np.hypot(s.x - spawn.x, s.y - spawn.y) for s in others) > 10.0
    session = free_drive_session(level, player_spawn="garage_start")
    player = session.player
    x0, y0 = float(session.world.x[player]), float(session.world.y[player])
    assert throttle_ticks(session, 5.0) == 0
    x1, y1 = float(session.world.x[player]), float(session.world.y[player])
    assert np.hypot(x1 - x0, y1 - y0) > 40.0 and y1 > y0  # south, as the kerb lane runs
    assert level.street_at(x1, y1) is not None
