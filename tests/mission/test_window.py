"""The five-minute window rule in every case, driven by a synthetic clock and car."""

import numpy as np

from game.mission.clock import WINDOW_S, parse_clock
from game.mission.events import (
    Attention,
    CrewBoarded,
    MissionEnded,
    RuleBroken,
    WindowClosed,
    WindowOpened,
)
from game.mission.model import Contract, CrewMember
from game.mission.window import Crew, CrewState, WindowPhase, WindowRule, draw_return_offsets

AGREED = parse_clock("02:00")
STEP = 1.0  # clock seconds per synthetic tick


def make_rule(offsets=(100.0, 200.0), **contract) -> WindowRule:
    crew = [Crew(f"crew{i}", CrewState.AT_PICKUP, off) for i, off in enumerate(offsets)]
    return WindowRule(Contract(place="warehouse", time=AGREED, **contract), crew)


def run(rule: WindowRule, start: float, end: float, where) -> list:
    """Step the rule from ``start`` to ``end``; ``where(clock) -> (in_place, stopped)``."""
    events = []
    clock = start
    while clock < end and not rule.blown:
        clock += STEP
        events += rule.update(clock, STEP, *where(clock))
    return events


def parked(clock):
    return True, True


def test_on_time_with_crew_inside_the_window_is_kept():
    rule = make_rule()
    rule.board_at_pickup(AGREED - 600)
    events = run(rule, AGREED - 120, AGREED + WINDOW_S + 5, parked)
    opened = [e for e in events if isinstance(e, WindowOpened)]
    assert len(opened) == 1 and opened[0].clock == AGREED
    assert opened[0].closes_at == AGREED + WINDOW_S
    returning = [e for e in events if isinstance(e, CrewBoarded) and e.returning]
    assert [e.clock for e in returning] == [AGREED + 100, AGREED + 200]
    closed = [e for e in events if isinstance(e, WindowClosed)]
    assert closed[0].left_behind == ()
    assert rule.rule_kept and rule.all_back and rule.crew_back_at == AGREED + 200


def test_late_arrival_blows_the_job():
    rule = make_rule()
    rule.board_at_pickup(AGREED - 600)
    events = run(rule, AGREED - 60, AGREED + 60, lambda clock: (False, False))
    ended = [e for e in events if isinstance(e, MissionEnded)]
    assert len(ended) == 1 and ended[0].outcome == "failed" and "late" in ended[0].reason
    assert rule.phase is WindowPhase.BEFORE and rule.blown


def test_crew_never_picked_up_blows_the_job():
    rule = make_rule()
    events = run(rule, AGREED - 10, AGREED + 5, parked)
    assert any(isinstance(e, MissionEnded) and e.outcome == "failed" for e in events)


def test_crew_after_the_window_is_left_behind():
    rule = make_rule(offsets=(100.0, WINDOW_S + 30))
    rule.board_at_pickup(AGREED - 600)
    events = run(rule, AGREED - 10, AGREED + WINDOW_S + 60, parked)
    closed = [e for e in events if isinstance(e, WindowClosed)]
    assert closed[0].left_behind == ("crew1",)
    assert rule.crew[1].state is CrewState.LEFT_BEHIND
    assert rule.crew[0].state is CrewState.BACK
    assert rule.rule_kept  # waiting the whole window and leaving after it keeps the rule
    assert rule.crew_back_at is None


def test_crew_out_but_car_not_stopped_does_not_board():
    rule = make_rule(offsets=(100.0,))
    rule.board_at_pickup(AGREED - 600)
    run(rule, AGREED - 10, AGREED + 150, lambda clock: (True, clock <= AGREED))
    assert rule.crew[0].state is CrewState.OUT
    run(rule, AGREED + 150, AGREED + 160, parked)
    assert rule.crew[0].state is CrewState.BACK and rule.crew[0].back_at == AGREED + 151


def test_leaving_early_breaks_the_rule():
    rule = make_rule(away_grace_s=30)
    rule.board_at_pickup(AGREED - 600)
    events = run(rule, AGREED - 10, AGREED + 120, lambda clock: (clock < AGREED + 50, True))
    broken = [e for e in events if isinstance(e, RuleBroken)]
    assert len(broken) == 1 and broken[0].clock == AGREED + 50 + 30
    assert not rule.rule_kept
    events = run(rule, AGREED + 120, AGREED + WINDOW_S + 5, lambda clock: (False, False))
    closed = [e for e in events if isinstance(e, WindowClosed)]
    assert closed[0].left_behind == ("crew0", "crew1")


def test_moving_off_and_back_inside_the_grace_keeps_the_rule():
    rule = make_rule(offsets=(250.0,), away_grace_s=30)
    rule.board_at_pickup(AGREED - 600)
    away = (AGREED + 40, AGREED + 60)
    run(rule, AGREED - 10, AGREED + WINDOW_S + 5, lambda c: (not away[0] < c < away[1], True))
    assert rule.rule_kept and rule.all_back


def test_leaving_once_all_are_back_is_fine():
    rule = make_rule(offsets=(50.0, 60.0))
    rule.board_at_pickup(AGREED - 600)
    run(rule, AGREED - 10, AGREED + WINDOW_S + 5, lambda clock: (clock < AGREED + 70, True))
    assert rule.rule_kept and rule.all_back


def test_loitering_long_before_draws_attention_once():
    rule = make_rule(attention_after_s=240)
    rule.board_at_pickup(AGREED - 900)
    events = run(rule, AGREED - 400, AGREED - 1, parked)
    attention = [e for e in events if isinstance(e, Attention)]
    assert len(attention) == 1 and attention[0].clock == AGREED - 400 + 241
    fresh = make_rule(attention_after_s=240)
    fresh.board_at_pickup(AGREED - 900)
    assert not any(isinstance(e, Attention) for e in run(fresh, AGREED - 200, AGREED - 1, parked))


def test_start_window_opens_without_an_agreed_time():
    crew = [Crew("solo", CrewState.AT_PICKUP, 10.0)]
    rule = WindowRule(Contract(place="bank", time=None), crew)
    rule.board_at_pickup(0.0)
    assert run(rule, 0.0, 100.0, parked) == []
    rule.request_open()
    events = run(rule, 100.0, 101.0, parked)
    assert isinstance(events[0], WindowOpened) and events[0].clock == 101.0


def test_return_offsets_are_seeded_and_late_forces_after_window():
    crew = (CrewMember("a", "crew_1", (100.0, 280.0)), CrewMember("b", "crew_2", (150.0, 320.0)))
    first = draw_return_offsets(crew, np.random.default_rng(7))
    again = draw_return_offsets(crew, np.random.default_rng(7))
    other = draw_return_offsets(crew, np.random.default_rng(8))
    assert first == again and first != other
    assert 100 <= first[0] <= 280 and 150 <= first[1] <= 320
    late = draw_return_offsets(crew, np.random.default_rng(7), late=True)
    assert all(offset > WINDOW_S for offset in late)
