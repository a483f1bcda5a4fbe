"""Five Minutes on downtown: in every stage the view has a waypoint, its place's display
name and a route to it along the roads."""

import numpy as np

from game.mission.job import build_job
from game.mission.window import CrewState, WindowPhase
from game.session.view import hud_lines

#: the job's stages and the zone the player is sent to in each
STAGES = (("pickup", "crew_pickup"), ("to_warehouse", "warehouse"), ("window", "warehouse"),
          ("getaway", "arena_crowd"))
ZONE_OF = dict(STAGES)


def assert_guided(session, runtime, zone_name: str) -> None:
    view = session.view
    zone = session.level.zones[zone_name]
    waypoint = view.rules.waypoint
    assert waypoint is not None and zone.contains(*map(np.array, waypoint))
    assert view.rules.waypoint_label == zone.label and "_" not in view.rules.waypoint_label
    route, car = view.route, (session.world.x[session.player], session.world.y[session.player])
    assert len(route) >= 2 and np.allclose(route[0], car) and np.allclose(route[-1], waypoint)
    straight = float(np.hypot(waypoint[0] - car[0], waypoint[1] - car[1]))
    assert view.route_m >= straight - 1e-6
    if straight > 60.0:  # far away: the route runs on the lanes, not through blocks
        nodes = session.level.roads.node_xy
        inner = route[2:-1]
        gaps = np.hypot(*(inner[:, None, :] - nodes[None, :, :]).transpose(2, 0, 1)).min(axis=1)
        assert len(inner) >= 2 and gaps.max() < 1e-6
        assert not session.level.terrain.is_solid(inner[:, 0], inner[:, 1]).any()


def park_in(session, runtime, zone_name: str) -> None:
    x, y = runtime.goal_point(zone_name)
    session.world.place(session.player, x, y, 0.0)


def test_every_stage_of_five_minutes_has_a_waypoint_and_a_route():
    session, runtime = build_job("five_minutes", seed=0)
    seen = []
    assert runtime.stage_id == "pickup"
    assert_guided(session, runtime, ZONE_OF[runtime.stage_id])  # far off: on the roads
    assert not session.view.rules.waypoint_here
    seen.append(runtime.stage_id)
    park_in(session, runtime, "crew_pickup")
    for _ in range(round(2.0 / session.dt)):
        session.tick()
    assert runtime.stage_id == "to_warehouse"
    assert_guided(session, runtime, ZONE_OF[runtime.stage_id])
    seen.append(runtime.stage_id)
    park_in(session, runtime, "warehouse")
    runtime.clock.now = runtime.mission.contract.time - 1.0  # a moment before 02:00
    while runtime.rule.phase is WindowPhase.BEFORE:
        session.tick()
    assert runtime.stage_id == "window"
    session.tick()
    assert_guided(session, runtime, ZONE_OF[runtime.stage_id])  # stay: they are inside
    assert session.view.rules.waypoint_here  # and the HUD says you are there
    assert "> Warehouse, 5th & Alameda  (here)" in hud_lines(session.view)
    seen.append(runtime.stage_id)
    runtime.clock.now = runtime.rule.closes_at - 1.0  # the end of the window
    while runtime.rule.phase is WindowPhase.OPEN:
        session.tick()
    assert runtime.stage_id == "getaway"
    assert any(c.state is not CrewState.INSIDE for c in runtime.rule.crew)
    for _ in range(round(1.0 / session.dt)):  # the route is refreshed for the new waypoint
        session.tick()
    assert_guided(session, runtime, ZONE_OF[runtime.stage_id])
    seen.append(runtime.stage_id)
    assert seen == [stage for stage, _ in STAGES]
    assert {stage.id for stage in runtime.mission.stages} == set(seen)  # every stage


def test_a_car_in_any_lane_of_the_street_gets_the_short_way_not_round_the_block():
    session, runtime = build_job("five_minutes", seed=0)
    waypoint = session.view.rules.waypoint  # the lot off 3rd St (three lanes, one way east)
    for lane_y in (306.0, 310.0, 314.0):  # each lane of 3rd St, 100 m west of the lot
        session.world.place(session.player, 355.0, lane_y, 0.0)
        session.guide.update(1e9, 355.0, lane_y, 0.0, None)  # a fresh route, now
        session.refresh_view()
        assert session.view.route_m < 150.0, lane_y  # round the block would be ~430 m
        assert np.allclose(session.view.route[-1], waypoint)
