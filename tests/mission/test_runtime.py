"""The runtime end to end on a tiny level: stages, triggers, actions, the rule, outcomes."""

import numpy as np
import pytest

from game.mission.events import (
    CrewBoarded,
    MissionEnded,
    ObjectiveChanged,
    RuleBroken,
    WindowOpened,
)
from game.session.events import PursuitLost, PursuitStarted, RadioLine

from .tiny import BareSession, tiny_level, tiny_mission


@pytest.fixture
def setup(tmp_path):
    level = tiny_level()
    mission = tiny_mission(tmp_path)
    return level, mission, BareSession(level)


def run_to_window(runtime, session) -> None:
    session.park_at("crew_pickup")
    session.run(1.5)
    assert runtime.stage_id == "wait"
    session.park_at("warehouse")
    session.run(12.5)  # 125 clock seconds: the window opens at 02:00


def test_success_on_time_with_everyone_back(setup):
    level, mission, session = setup
    runtime = session.job(mission, seed=3)
    run_to_window(runtime, session)
    events = list(runtime.events)
    assert any(isinstance(e, ObjectiveChanged) and e.text == "Pick up the crew." for e in events)
    assert [e.name for e in events if isinstance(e, CrewBoarded)] == ["Irish", "Blanche"]
    assert any(isinstance(e, WindowOpened) for e in events)
    session.run(17.0)  # crew back by 160 clock seconds after opening
    assert runtime.stage_id == "getaway"
    assert list(runtime.cast.names) == ["backup"]
    assert any(isinstance(e, RadioLine) and e.text == "alarm" for e in runtime.events)
    session.park_at("arena_crowd")
    session.run(3.0)
    result = session.result()
    assert result["outcome"] == "success" and result["rule_kept"] is True
    assert result["window_opened"] is True and result["window_opened_at"] == "02:00:00"
    assert result["crew_back"] is not None and result["crew_back"] <= "02:02:41"
    assert result["payout"] == 1000 and result["crew_left_behind"] == []
    assert result["heat_max"] == 1.0  # the getaway's alarm; nobody saw the car


def test_late_arrival_fails(setup):
    level, mission, session = setup
    session.job(mission, seed=3)
    session.park_at("crew_pickup")
    session.run(20.0)
    result = session.result()
    assert result["outcome"] == "failed" and result["reason"].startswith("late")
    assert result["window_opened"] is False and result["payout"] == 0


def test_crew_late_is_left_behind_with_testimony(setup):
    level, mission, session = setup
    runtime = session.job(mission, seed=3, crew_late=True)
    run_to_window(runtime, session)
    session.run(31.0)  # the whole window and a bit: it closes, nobody came out
    assert runtime.stage_id == "getaway"
    session.park_at("arena_crowd")
    session.run(3.0)
    result = session.result()
    assert result["outcome"] == "crew_left_behind" and result["rule_kept"] is True
    assert result["crew_left_behind"] == ["Irish", "Blanche"] and result["crew_back"] is None
    told = result["testimony"][0]
    assert told["crew"] == "Irish" and told["plate"] == runtime.plate and "coupe" in told["car"]
    assert told["direction"].startswith("east")  # the car left the warehouse heading east
    assert result["payout"] == 0


def test_leaving_early_breaks_the_rule(setup):
    level, mission, session = setup
    runtime = session.job(mission, seed=3)
    run_to_window(runtime, session)
    session.park_at("arena_crowd")  # off before anyone is back
    session.run(3.0)
    assert any(isinstance(e, RuleBroken) for e in runtime.events)
    assert session.result()["rule_kept"] is False


def test_pursuit_needs_a_witness_and_is_lost_unseen(setup):
    level, mission, session = setup
    runtime = session.job(mission, seed=3)
    run_to_window(runtime, session)
    session.run(17.0)
    assert runtime.stage_id == "getaway" and not runtime.heat.pursuit  # heat 1, unseen
    session.seen = True
    session.tick()
    assert runtime.heat.pursuit and session.police.pursuing
    assert any(isinstance(e, PursuitStarted) for e in session.drain_events())
    session.park_at("arena_crowd")
    session.run(5.0)  # seen in the crowd lot: no blending in during a pursuit
    assert runtime.ended is None
    session.seen = False
    session.run(20.0)
    assert any(isinstance(e, PursuitLost) for e in session.drain_events())
    assert not session.police.pursuing
    assert session.result()["outcome"] == "success"


def test_wrecked_car_fails_from_any_stage(setup):
    level, mission, session = setup
    runtime = session.job(mission, seed=3)
    session.tick()
    session.world.wrecked[session.player] = True
    session.tick()
    assert isinstance(runtime.events[-1], MissionEnded)
    assert session.result()["outcome"] == "failed" and session.result()["reason"] == "wrecked"


def test_same_seed_same_return_times(tmp_path):
    level, mission = tiny_level(), tiny_mission(tmp_path)
    offsets = [
        [c.return_offset for c in BareSession(level).job(mission, seed=s).rule.crew]
        for s in (1, 1, 2)
    ]
    assert offsets[0] == offsets[1] != offsets[2]
    assert np.all((np.array(offsets) >= 100) & (np.array(offsets) <= 160))


def test_the_objective_waypoint_follows_the_job(setup):
    level, mission, session = setup
    runtime = session.job(mission, seed=3)

    def at(zone: str) -> bool:
        point = session.view.rules.waypoint
        return point is not None and bool(level.zones[zone].contains(*map(np.array, point)))

    session.tick()
    assert at("crew_pickup")  # the crew waits at the corner
    run_to_window(runtime, session)
    assert at("warehouse")  # wait at the place while they are inside
    session.run(17.0)
    assert runtime.stage_id == "getaway" and at("arena_crowd")  # then blend in
