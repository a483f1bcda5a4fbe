"""The getaway driver's road craft: out of a jam in the order it promises, sooner when
chased; and the job autopilot's hideout kept while a unit comes at him from its far side."""

import numpy as np
import pytest

from game.ai.routes import AUTOPILOT_STYLE, RouteFollower
from game.mission.job import build_session
from game.mission.roadcraft import (
    BACK_OUT_S,
    CHASED_JAM_S,
    JAM_S,
    OVERTAKE_S,
    PUSHY_S,
    PUSHY_STYLE,
    RoadCraft,
)
from game.sim.controls import BRAKE, THROTTLE

from .tiny import MISSION, tiny_level, tiny_mission

DT = 4 / 60  #: one decision of the job autopilot


@pytest.fixture
def stuck(tmp_path):
    """A session whose Driver stands on the ring road with a route ahead of him (the
    world is not stepped: he stays where he is, at a standstill)."""
    session, _ = build_session(tiny_mission(tmp_path, MISSION), tiny_level(), seed=1)
    follower = RouteFollower(session.setting.planner, session.player, 150.0, 80.0,
                             session.level.terrain, session.setting.signals)
    world = session.world
    world.vx[session.player] = 0.0
    follower.controls(world, world.time, DT)  # on its lane
    return session, follower


def _until_a_row(craft, follower, chased, limit_s=20.0):
    """Calls until unjam gives a row of its own; (seconds it took, that row)."""
    elapsed = 0.0
    while elapsed < limit_s:
        row = craft.unjam(follower, AUTOPILOT_STYLE, chased, DT)
        elapsed += DT
        if row is not None:
            return elapsed, row
    raise AssertionError("never pulled out")


def test_stood_still_it_closes_up_then_backs_out_and_pulls_round(stuck):
    session, follower = stuck
    craft = RoadCraft(session)
    before_pushy = craft.unjam(follower, AUTOPILOT_STYLE, False, JAM_S - 2 * DT)
    assert before_pushy is None and follower.style == AUTOPILOT_STYLE  # patient at first
    assert craft.unjam(follower, AUTOPILOT_STYLE, False, 2 * DT) is None
    assert follower.style.reach_m == PUSHY_STYLE.reach_m  # closes up on the car ahead
    took_s, first = _until_a_row(craft, follower, chased=False)
    assert took_s == pytest.approx(PUSHY_S + DT, abs=DT + 1e-9)
    assert first[BRAKE] == 1.0 and first[THROTTLE] == 0.0  # a held brake reverses
    rows = [craft.unjam(follower, AUTOPILOT_STYLE, False, DT)
            for _ in range(int(round(OVERTAKE_S / DT)))]
    backing = int(np.ceil(BACK_OUT_S / DT))
    assert all(r[BRAKE] == 1.0 for r in rows[: backing - 2])
    assert all(r[THROTTLE] > 0.0 and r[BRAKE] == 0.0 for r in rows[backing + 1: -1])
    assert craft.fresh_route_wanted  # the pull-out over: a new route from here


def test_chased_it_does_not_wait(stuck):
    session, follower = stuck
    took_s, row = _until_a_row(RoadCraft(session), follower, chased=True)
    assert took_s <= 2 * CHASED_JAM_S + 2 * DT < 3.0  # out before he could be boxed
    assert row[BRAKE] == 1.0


def test_a_crawl_counts_as_stood_still_only_when_chased(stuck):
    session, follower = stuck
    session.world.vx[session.player] = 0.8  # m/s: moving, but a unit beside him holds him
    calm, chased = RoadCraft(session), RoadCraft(session)
    for _ in range(int(round(10.0 / DT))):
        assert calm.unjam(follower, AUTOPILOT_STYLE, False, DT) is None
    assert chased.unjam(follower, AUTOPILOT_STYLE, True, 2 * CHASED_JAM_S) is None
    assert chased.unjam(follower, AUTOPILOT_STYLE, True, DT) is not None


def test_a_unit_head_on_sends_him_to_a_pocket_on_the_far_side_of_him():
    """While a unit comes at him he chooses afresh at each decision, always a pocket on
    the side away from the unit (keeping a pocket behind him, on the route that meets
    the unit, lost more Five Minutes runs: 4 of 8 against 7, 2026-12-07)."""
    from game.mission.autopilot import Autopilot
    from game.mission.job import build_job

    session, runtime = build_job("five_minutes", seed=0)
    pilot = Autopilot(runtime)
    runtime.heat.pursuit = True
    car = np.median(np.array(list(pilot.pockets.values())), axis=0)  # pockets both ways
    pilot._xy = (float(car[0]), float(car[1]))
    by_distance = sorted(pilot.pockets, key=lambda n: np.hypot(*(np.subtract(
        pilot.pockets[n], car))))
    east = next(n for n in by_distance if pilot.pockets[n][0] > car[0] + 50.0)
    pilot.hideout = east
    unit_from_east = np.array([1.0, 0.0])
    pilot._unit_head_on = lambda: unit_from_east
    for _ in range(3):  # decision after decision, the unit still coming
        chosen = pilot._hideout()
        assert pilot.pockets[chosen][0] < car[0]  # away from the unit
    assert east in pilot.burned
    pilot._unit_head_on = lambda: None  # it has passed: he keeps the one he has
    assert pilot._hideout() == chosen
