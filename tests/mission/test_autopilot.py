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


def test_in_a_hideout_he_keeps_still_until_they_see_him_or_come_close():
    """Five Minutes' getaway: hidden in a dark pocket, a unit 30 m off that cannot see him
    is no reason to leave (it used to be, at 45 m, and the moving car was seen again);
    the HUD saying he is seen, or a unit within FOUND_M, is."""
    from dataclasses import replace

    from game.mission.autopilot import FOUND_M
    from game.mission.job import build_job

    session, runtime = build_job("five_minutes", seed=0)
    pilot = Autopilot(runtime)
    world = session.world
    name, (hx, hy) = next(iter(pilot.pockets.items()))
    world.place(session.player, hx, hy, 0.0)
    runtime.heat.pursuit = True
    unit = int(session.police.units[0])
    pilot.hideout, pilot._xy = name, (hx, hy)

    def seen(now: bool) -> None:
        session.view = replace(session.view, heat=replace(session.view.heat, seen=now))

    world.place(unit, hx + 30.0, hy, np.pi)  # standing 30 m off, facing him
    seen(False)
    assert pilot._hideout() == name and not pilot.burned
    seen(True)
    assert pilot._hideout() != name and pilot.burned == {name}
    pilot.hideout, pilot.burned = name, set()
    world.place(unit, hx + FOUND_M - 2.0, hy, np.pi)  # unseen, but right on him
    seen(False)
    assert pilot._hideout() != name and pilot.burned == {name}


def test_late_for_the_place_it_runs_red_lights_only_with_no_police_car_near():
    """Before the window, with the road left longer than the time left, it drives
    through red lights, but not with a police car within LATE_CLEAR_M on the minimap;
    with time in hand it keeps to the lights."""
    from game.mission.autopilot import AUTOPILOT_STYLE, LATE_CLEAR_M, LATE_STYLE
    from game.mission.job import build_job

    session, runtime = build_job("five_minutes", seed=0)
    pilot = Autopilot(runtime)
    session.player_driver = pilot
    for _ in range(8):  # two decisions: it has a route to the crew's corner
        session.tick()
    world, player = session.world, session.player
    assert pilot.follower is not None and pilot.goal.startswith("crew_pickup")
    x, y = float(world.x[player]), float(world.y[player])
    for k, unit in enumerate(session.police.units):  # off the minimap
        world.place(int(unit), x + 400.0 + 10.0 * k, y, 0.0)
    time_of_job, scale = runtime.mission.contract.time, runtime.clock.time_scale
    runtime.clock.now = time_of_job - 400.0 * scale  # 400 s in hand
    assert pilot._style(world, player) is AUTOPILOT_STYLE
    runtime.clock.now = time_of_job - 10.0 * scale  # 10 s left, hundreds of metres to go
    assert pilot._style(world, player) is LATE_STYLE
    unit = int(session.police.units[0])
    world.place(unit, x + LATE_CLEAR_M - 20.0, y, 0.0)  # a unit near: by the rules again
    assert pilot._style(world, player) is AUTOPILOT_STYLE
    world.place(unit, x + LATE_CLEAR_M + 20.0, y, 0.0)  # on the minimap, but far enough
    assert pilot._style(world, player) is LATE_STYLE
