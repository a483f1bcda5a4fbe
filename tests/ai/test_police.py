import numpy as np
import pytest

from game.ai.perception import SightParams, vehicles_see
from game.ai.police import Helicopter, PoliceController
from game.ai.pursuit import PursuitParams
from game.ai.routes import RouteFollower, RoutePlanner
from game.ai.steering import hold_still
from game.sim import VehicleClass, World
from game.sim.controls import empty_controls
from game.sim.terrain import Terrain
from tests.ai.roadgrid import grid_graph, grid_terrain, street_line


def look(police, world, target, time, lights_on=True, in_shadow=False):
    """The session's sensing step for these units: who sees ``target``, told to them."""
    seen = vehicles_see(world.terrain, world, police.units, target, police.sight, lights_on,
                        in_shadow) & ~world.wrecked[police.units]
    return police.observe(seen, (float(world.x[target]), float(world.y[target])), time)


def _city():
    graph, terrain = grid_graph(), grid_terrain()
    return graph, terrain, RoutePlanner(graph)


def test_pursuit_closes_on_a_fleeing_car():
    graph, terrain, planner = _city()
    world = World(terrain, seed=0)
    y = street_line(0) + 2.0
    fugitive = int(world.spawn(VehicleClass.SEDAN, street_line(0) + 40, y, 0.0, 8.0)[0])
    unit = int(world.spawn(VehicleClass.POLICE, street_line(0) + 12, y, 0.0, 8.0)[0])
    police = PoliceController(planner, terrain, np.array([unit]), seed=0)
    # the fugitive drives off round the city at traffic pace
    escape = RouteFollower(planner, fugitive, street_line(2) - 2.0, street_line(2) - 30.0, terrain)
    start_gap = np.hypot(world.x[unit] - world.x[fugitive], world.y[unit] - world.y[fugitive])
    rammed = False
    for _ in range(int(20.0 / world.dt)):
        look(police, world, fugitive, world.time)
        if police.seen.any():
            police.start_pursuit(world.time)
        controls = empty_controls(world.n)
        controls[fugitive] = escape.controls(world, world.time, world.dt)
        controls[police.units] = police.controls(world, fugitive, world.time)
        hits = world.step(controls).collisions
        rammed |= bool(((hits.a == unit) & (hits.b == fugitive)).any())
        rammed |= bool(((hits.a == fugitive) & (hits.b == unit)).any())
        if rammed:
            break
    assert police.pursuing
    gap = np.hypot(world.x[unit] - world.x[fugitive], world.y[unit] - world.y[fugitive])
    assert rammed or gap < 0.5 * start_gap


def test_pursuit_is_called_off_after_give_up_time_unseen():
    graph, terrain, planner = _city()
    world = World(terrain, seed=0)
    # the Driver waits on the far side of the city, behind blocks, out of every sight line
    driver = int(world.spawn(VehicleClass.DRIVER, street_line(2) + 2, street_line(2) - 30, 1.57)[0])
    unit = int(world.spawn(VehicleClass.POLICE, street_line(0) + 20, street_line(0) + 2, 0.0)[0])
    params = PursuitParams(give_up_s=4.0)
    police = PoliceController(planner, terrain, np.array([unit]), seed=0, params=params)
    police.report(street_line(0) + 50, street_line(0) + 2, world.time)  # a false lead
    police.start_pursuit(world.time)
    still = hold_still(1)
    lost_at = None
    for _ in range(int(8.0 / world.dt)):
        seen = look(police, world, driver, world.time)
        assert not seen.any()
        controls = empty_controls(world.n)
        controls[driver] = still[0]
        controls[police.units] = police.controls(world, driver, world.time)
        world.step(controls)
        if not police.pursuing and lost_at is None:
            lost_at = world.time
    assert lost_at is not None and 4.0 <= lost_at - police.last_seen_time <= 4.2
    assert [e.kind for e in police.events] == ["lost"]


def test_units_report_who_sees_and_their_cones():
    world = World(Terrain.open_box(60, 60), seed=0)
    driver = int(world.spawn(VehicleClass.DRIVER, 120.0, 120.0, 0.0)[0])
    units = world.spawn(VehicleClass.POLICE, [60.0, 60.0], [120.0, 120.0], [0.0, np.pi])
    graph = grid_graph()
    police = PoliceController(
        RoutePlanner(graph), world.terrain, units, seed=0, sight=SightParams(cone_range_m=80.0)
    )
    seen = look(police, world, driver, 0.0)
    assert seen.tolist() == [True, False]  # the one facing away does not
    assert [e.kind for e in police.events] == ["spotted"]
    assert police.last_seen_xy == (120.0, 120.0)
    cones = police.sight_cones(world)
    assert cones.shape == (2, 5) and cones[0, 3] == 80.0
    # in shadow with lights off, 60 m away, nobody sees him
    seen = look(police, world, driver, 1.0, lights_on=False, in_shadow=True)
    assert not seen.any()


def test_helicopter_flies_to_the_spot_and_its_light_spots_unless_hidden():
    heli = Helicopter(x=0.0, y=0.0, speed_ms=30.0, light_radius_m=20.0)
    goal = (300.0, 400.0)
    for _ in range(int(20.0 / (1 / 60))):
        heli.fly(1 / 60, goal, tracking=True)
    assert np.hypot(heli.x - goal[0], heli.y - goal[1]) < 1.0  # 500 m at 30 m/s: there
    assert heli.spots(310.0, 405.0, lights_on=True, in_shadow=False)
    assert heli.spots(310.0, 405.0, lights_on=True, in_shadow=True)
    assert not heli.spots(310.0, 405.0, lights_on=False, in_shadow=True)
    assert not heli.spots(360.0, 405.0, lights_on=True, in_shadow=False)
    for _ in range(600):  # searching: it circles the spot, never far from it
        heli.fly(1 / 60, goal, tracking=False)
        assert np.hypot(heli.x - goal[0], heli.y - goal[1]) < heli.orbit_radius_m + 5.0


def test_units_patrol_the_lanes_until_a_pursuit():
    graph, terrain, planner = _city()
    world = World(terrain, seed=0)
    driver = int(world.spawn(VehicleClass.DRIVER, street_line(2) + 2, street_line(2) - 30, 1.57)[0])
    unit = int(world.spawn(VehicleClass.POLICE, street_line(0) + 20, street_line(0) + 2, 0.0)[0])
    police = PoliceController(planner, terrain, np.array([unit]), seed=0)
    start = (float(world.x[unit]), float(world.y[unit]))
    for _ in range(int(6.0 / world.dt)):
        controls = empty_controls(world.n)
        controls[police.units] = police.controls(world, driver, world.time)
        world.step(controls)
    assert not police.pursuing
    assert np.hypot(world.x[unit] - start[0], world.y[unit] - start[1]) > 20.0
    assert police._patrol.recycle is False  # a patrol car is never teleported


def _step(world, police, driver, still):
    controls = empty_controls(world.n)
    controls[driver] = still[0]
    controls[police.units] = police.controls(world, driver, world.time)
    world.step(controls)


def test_a_call_sends_the_nearest_free_units_to_the_street_outside_then_back_to_patrol():
    graph, terrain, planner = _city()
    world = World(terrain, seed=0)
    driver = int(world.spawn(VehicleClass.DRIVER, street_line(2) + 2, street_line(2) - 30, 1.57)[0])
    near = int(world.spawn(VehicleClass.POLICE, street_line(0) + 20, street_line(0) + 2, 0.0)[0])
    police = PoliceController(planner, terrain, np.array([near]), seed=0)
    far = int(world.spawn(VehicleClass.POLICE, street_line(1) + 30, street_line(2) + 2, 0.0)[0])
    police.add(np.array([far]))  # backup joins after the controller was built
    assert police.units.tolist() == [near, far] and police.seen.size == 2
    # a place in the block south-east of the first crossing: its street is the one x = line 1
    place = (street_line(1) - 12.0, street_line(0) + 32.0)
    sent = police.respond(world, *place, count=1, time=world.time, wait_s=20.0)
    assert sent.tolist() == [near]
    assert police.respond(world, *place, count=1, time=world.time).tolist() == [far]
    police.responses.pop()  # only the near one answers in this test
    still = hold_still(1)
    for _ in range(int(18.0 / world.dt)):
        _step(world, police, driver, still)
    goal = police.responses[0].goal
    assert abs(goal[0] - street_line(1)) < 3.0  # on the lane, not in the block
    assert np.hypot(world.x[near] - goal[0], world.y[near] - goal[1]) < 16.0
    assert abs(world.vx[near]) < 0.5  # it waits there
    for _ in range(int(8.0 / world.dt)):  # the call is over at 20 s: it patrols on
        _step(world, police, driver, still)
    assert police.responses == []
    assert np.hypot(world.x[near] - goal[0], world.y[near] - goal[1]) > 20.0


def test_without_a_give_up_time_only_the_owner_ends_a_pursuit():
    graph, terrain, planner = _city()
    world = World(terrain, seed=0)
    driver = int(world.spawn(VehicleClass.DRIVER, street_line(2) + 2, street_line(2) - 30, 1.57)[0])
    unit = int(world.spawn(VehicleClass.POLICE, street_line(0) + 20, street_line(0) + 2, 0.0)[0])
    params = PursuitParams(give_up_s=None)
    police = PoliceController(planner, terrain, np.array([unit]), seed=0, params=params)
    police.report(street_line(0) + 50, street_line(0) + 2, world.time)
    police.start_pursuit(world.time)
    assert police.respond(world, 0.0, 0.0, 1, world.time).size == 0  # busy chasing
    still = hold_still(1)
    for _ in range(int(30.0 / world.dt)):
        look(police, world, driver, world.time)
        _step(world, police, driver, still)
    assert police.pursuing and not police.seen.any()  # 30 s unseen, past the default 25 s: still on
    police.call_off(world.time)
    assert not police.pursuing and [e.kind for e in police.events] == ["lost"]


def _fleeing_east(n_units_behind: int = 1):
    """A 5 x 5 grid; the Driver eastbound on the first street at 12 m/s, seen; units
    behind him on his lane and one coming up the fourth street towards his way."""
    graph, terrain = grid_graph(n=5), grid_terrain(n=5)
    planner = RoutePlanner(graph)
    world = World(terrain, seed=0)
    lane_y = street_line(0) + 2.0
    driver = int(world.spawn(VehicleClass.DRIVER, street_line(1) + 10, lane_y, 0.0, 12.0)[0])
    behind = [int(world.spawn(VehicleClass.POLICE, street_line(1) - 30 - 15 * k, lane_y, 0.0,
                              10.0)[0]) for k in range(n_units_behind)]  # fmt: skip
    ahead = int(world.spawn(VehicleClass.POLICE, street_line(3) + 2, street_line(0) + 36,
                            -np.pi / 2)[0])  # fmt: skip
    police = PoliceController(planner, terrain, np.array([*behind, ahead]), seed=0)
    seen = np.zeros(police.units.size, dtype=bool)
    seen[:n_units_behind] = True  # the ones behind him see him; the one ahead does not yet
    police.observe(seen, (float(world.x[driver]), float(world.y[driver])), world.time)
    police.last_seen_heading, police.last_seen_speed = 0.0, 12.0
    police.start_pursuit(world.time)
    return world, police, driver, lane_y


def test_one_unit_cuts_him_off_ahead_on_his_way_while_the_others_chase_his_tail():
    world, police, driver, lane_y = _fleeing_east()
    goals = police.unit_goals(world, world.time)
    tail, cutter = goals
    assert police.cut_off_unit == 1  # the unit that is nearer his way ahead than he is
    assert tuple(tail) == police.last_seen_xy  # the other chases his tail
    assert not np.allclose(tail, cutter)
    # the cut-off point lies ahead of him on his way: his lane, 160 m on
    assert abs(cutter[1] - lane_y) < 1.0
    assert cutter[0] - world.x[driver] == pytest.approx(160.0, abs=5.0)
    # it drives there (up its street and round onto his), not at him
    unit = police.units[1]
    start = np.hypot(world.x[unit] - cutter[0], world.y[unit] - cutter[1])
    escape = RouteFollower(police.planner, driver, street_line(4) - 8, lane_y, world.terrain)
    for _ in range(int(6.0 / world.dt)):
        if look(police, world, driver, world.time).any():  # what the session's senses tell
            police.last_seen_heading = float(world.heading[driver])
            police.last_seen_speed = float(world.speed[driver])
        controls = empty_controls(world.n)
        controls[driver] = escape.controls(world, world.time, world.dt)
        controls[police.units] = police.controls(world, driver, world.time)
        world.step(controls)
    assert police.cut_off_unit == 1 and tuple(police.cut_off_xy) == tuple(cutter)  # kept
    assert np.hypot(world.x[unit] - cutter[0], world.y[unit] - cutter[1]) < start - 15.0
    assert abs(world.y[unit] - lane_y) < 2.0 and world.x[unit] > world.x[driver] + 40.0


def test_nobody_cuts_him_off_from_behind_and_only_the_nearest_tail_unit_rams():
    world, police, driver, _ = _fleeing_east(n_units_behind=2)
    police.units = police.units[:2]  # no unit ahead of him: both are behind
    police.seen, police.ever_saw = police.seen[:2], police.ever_saw[:2]
    goals = police.unit_goals(world, world.time)
    assert police.cut_off_unit == -1  # a unit behind him is no nearer his way ahead
    assert np.allclose(goals, police.last_seen_xy)
    assert police.rammers(world, driver).tolist() == [True, False]
    world.vx[driver] = 0.0  # stopped: the two nearest close in, a box
    assert police.rammers(world, driver).tolist() == [True, True]


def test_a_search_called_off_sends_the_units_back_to_beats_and_the_helicopter_home():
    graph, terrain, planner = _city()
    world = World(terrain, seed=0)
    driver = int(world.spawn(VehicleClass.DRIVER, 2.0, 172.0, 0.0)[0])  # off the roads
    xs = [street_line(0) + 12, street_line(0) + 30, street_line(0) + 2]
    ys = [street_line(0) + 2, street_line(0) + 2, street_line(0) + 20]
    units = world.spawn(VehicleClass.POLICE, xs, ys, [0.0, 0.0, 1.57])
    police = PoliceController(planner, terrain, units, seed=0)
    lost_at = (street_line(0), street_line(0))  # where he was lost: every unit is round it
    heli = Helicopter(x=lost_at[0] + 30.0, y=lost_at[1], light_radius_m=20.0)
    police.add_helicopter(heli)
    police.search(world, *lost_at, world.time, np.random.default_rng(0))
    sent = police.stand_down(world, *lost_at, world.time, np.random.default_rng(1))
    assert sorted(sent.tolist()) == sorted(units.tolist())
    nodes = graph.node_xy
    median = np.median(np.hypot(nodes[:, 0] - lost_at[0], nodes[:, 1] - lost_at[1]))
    beats = np.array([r.goal for r in police.responses])  # one beat each, far from the search
    assert len(beats) == 3
    assert (np.hypot(beats[:, 0] - lost_at[0], beats[:, 1] - lost_at[1]) >= median).all()
    assert not heli.spots(heli.x, heli.y) and heli.searchlight_m == 0.0  # light out
    still = hold_still(1)
    for _ in range(int(40.0 / world.dt)):
        _step(world, police, driver, still)
        police.fly_helicopters(world.dt)
    assert police.helicopters == [] and heli.gone  # off the map's edge and let go
    assert not (0.0 <= heli.x <= terrain.size_m[0] and 0.0 <= heli.y <= terrain.size_m[1])
    assert police.responses == []  # each reached its beat, and patrols from there
    spread = np.hypot(world.x[units] - lost_at[0], world.y[units] - lost_at[1])
    assert (spread > 40.0).all()


def test_a_new_pursuit_turns_a_leaving_helicopter_back():
    graph, terrain, planner = _city()
    world = World(terrain, seed=0)
    unit = int(world.spawn(VehicleClass.POLICE, street_line(0) + 20, street_line(0) + 2, 0.0)[0])
    police = PoliceController(planner, terrain, np.array([unit]), seed=0)
    heli = Helicopter(x=street_line(1), y=street_line(1))
    police.add_helicopter(heli)
    police.stand_down(world, street_line(1), street_line(1), world.time,
                      np.random.default_rng(0))
    assert heli.exit_xy is not None
    police.report(street_line(2), street_line(2), world.time)
    police.start_pursuit(world.time)
    assert heli.exit_xy is None and heli.searchlight_m == heli.light_radius_m
    for _ in range(int(10.0 / world.dt)):
        police.fly_helicopters(world.dt)
    # back over the new sighting, on its orbit round it, the light on
    gap = np.hypot(heli.x - street_line(2), heli.y - street_line(2))
    assert gap <= heli.orbit_radius_m + 1.0 and heli.spots(heli.x, heli.y)


def test_there_is_no_standing_down_in_a_pursuit():
    graph, terrain, planner = _city()
    world = World(terrain, seed=0)
    unit = int(world.spawn(VehicleClass.POLICE, street_line(0) + 20, street_line(0) + 2, 0.0)[0])
    police = PoliceController(planner, terrain, np.array([unit]), seed=0)
    heli = Helicopter(x=street_line(1), y=street_line(1))
    police.add_helicopter(heli)
    police.report(street_line(2), street_line(2), world.time)
    police.start_pursuit(world.time)
    sent = police.stand_down(world, street_line(1), street_line(1), world.time,
                             np.random.default_rng(0))
    assert sent.size == 0 and heli.exit_xy is None and heli.searchlight_m > 0.0
