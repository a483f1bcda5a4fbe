"""The runtime end to end on a tiny level: stages, triggers, actions, the rule, outcomes."""

import numpy as np
import pytest

from game.mission.events import (
    CrewBoarded,
    MissionEnded,
    ObjectiveChanged,
    PursuitLost,
    PursuitStarted,
    RuleBroken,
    ScannerLine,
    WindowOpened,
)
from game.mission.runtime import MissionRuntime, NoCast

from .tiny import BareSession, tiny_level, tiny_mission


class WatchingCast(NoCast):
    """Police that see the Driver when told to, and record what the mission asks of them."""

    def __init__(self) -> None:
        self.seeing = False
        self.spawned: list[str] = []
        self.dispatched: list[tuple[float, float, int]] = []
        self.pursuing: list[bool] = []

    def spawn(self, actor) -> None:
        self.spawned.append(actor.name)

    def witnessed(self) -> bool:
        return self.seeing

    def dispatch(self, x, y, units) -> None:
        self.dispatched.append((x, y, units))

    def pursue(self, on: bool) -> None:
        self.pursuing.append(on)


@pytest.fixture
def setup(tmp_path):
    level = tiny_level()
    mission = tiny_mission(tmp_path)
    return level, mission, BareSession(level)


def run_to_window(runtime, session) -> None:
    session.park_at("crew_pickup")
    session.run(runtime, 1.5)
    assert runtime.stage_id == "wait"
    session.park_at("warehouse")
    session.run(runtime, 12.5)  # 125 clock seconds: the window opens at 02:00


def test_success_on_time_with_everyone_back(setup):
    level, mission, session = setup
    cast = WatchingCast()
    runtime = MissionRuntime(mission, level, seed=3, cast=cast)
    run_to_window(runtime, session)
    events = runtime.drain()
    assert any(isinstance(e, ObjectiveChanged) and e.text == "Pick up the crew." for e in events)
    assert [e.name for e in events if isinstance(e, CrewBoarded)] == ["Irish", "Blanche"]
    assert any(isinstance(e, WindowOpened) for e in events)
    session.run(runtime, 17.0)  # crew back by 160 clock seconds after opening
    assert runtime.stage_id == "getaway"
    assert cast.spawned == ["backup"]
    assert any(isinstance(e, ScannerLine) and e.text == "alarm" for e in runtime.events)
    session.park_at("arena_crowd")
    session.run(runtime, 3.0)
    result = runtime.outcome()
    assert result["outcome"] == "success" and result["rule_kept"] is True
    assert result["window_opened"] is True and result["window_opened_at"] == "02:00:00"
    assert result["crew_back"] is not None and result["crew_back"] <= "02:02:41"
    assert result["payout"] == 1000 and result["crew_left_behind"] == []
    assert result["heat_max"] == 1.0  # the getaway's alarm; nobody saw the car


def test_late_arrival_fails(setup):
    level, mission, session = setup
    runtime = MissionRuntime(mission, level, seed=3)
    session.park_at("crew_pickup")
    session.run(runtime, 20.0)
    result = runtime.outcome()
    assert result["outcome"] == "failed" and result["reason"].startswith("late")
    assert result["window_opened"] is False and result["payout"] == 0


def test_crew_late_is_left_behind_with_testimony(setup):
    level, mission, session = setup
    runtime = MissionRuntime(mission, level, seed=3, crew_late=True)
    run_to_window(runtime, session)
    session.run(runtime, 31.0)  # the whole window and a bit: it closes, nobody came out
    assert runtime.stage_id == "getaway"
    session.park_at("arena_crowd")
    session.run(runtime, 3.0)
    result = runtime.outcome()
    assert result["outcome"] == "crew_left_behind" and result["rule_kept"] is True
    assert result["crew_left_behind"] == ["Irish", "Blanche"] and result["crew_back"] is None
    told = result["testimony"][0]
    assert told["crew"] == "Irish" and told["plate"] == runtime.plate and "coupe" in told["car"]
    assert told["direction"].startswith("east")  # the car left the warehouse heading east
    assert result["payout"] == 0


def test_leaving_early_breaks_the_rule(setup):
    level, mission, session = setup
    runtime = MissionRuntime(mission, level, seed=3)
    run_to_window(runtime, session)
    session.park_at("arena_crowd")  # off before anyone is back
    session.run(runtime, 3.0)
    assert any(isinstance(e, RuleBroken) for e in runtime.events)
    assert runtime.outcome()["rule_kept"] is False


def test_pursuit_needs_a_witness_and_is_lost_unseen(setup):
    level, mission, session = setup
    cast = WatchingCast()
    runtime = MissionRuntime(mission, level, seed=3, cast=cast)
    run_to_window(runtime, session)
    session.run(runtime, 17.0)
    assert runtime.stage_id == "getaway" and not runtime.heat.pursuit  # heat 1, unseen
    cast.seeing = True
    session.tick(runtime)
    assert runtime.heat.pursuit and cast.pursuing == [True]
    assert any(isinstance(e, PursuitStarted) for e in runtime.events)
    session.park_at("arena_crowd")
    session.run(runtime, 5.0)  # seen in the crowd lot: no blending in during a pursuit
    assert runtime.ended is None
    cast.seeing = False
    session.run(runtime, 20.0)
    assert any(isinstance(e, PursuitLost) for e in runtime.events) and cast.pursuing[-1] is False
    assert runtime.outcome()["outcome"] == "success"


def test_wrecked_car_fails_from_any_stage(setup):
    level, mission, session = setup
    runtime = MissionRuntime(mission, level, seed=3)
    session.tick(runtime)
    session.world.wrecked[session.player] = True
    session.tick(runtime)
    assert isinstance(runtime.events[-1], MissionEnded)
    assert runtime.outcome()["outcome"] == "failed" and runtime.outcome()["reason"] == "wrecked"


def test_same_seed_same_return_times(tmp_path):
    level, mission = tiny_level(), tiny_mission(tmp_path)
    offsets = [
        [c.return_offset for c in MissionRuntime(mission, level, seed=s).rule.crew]
        for s in (1, 1, 2)
    ]
    assert offsets[0] == offsets[1] != offsets[2]
    assert np.all((np.array(offsets) >= 100) & (np.array(offsets) <= 160))
