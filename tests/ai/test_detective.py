import numpy as np

from game.ai.detective import DetectiveController
from game.ai.lanes import EdgeGeometry
from game.ai.perception import vehicles_see
from game.ai.routes import RouteFollower, RoutePlanner
from game.ai.signals import Signals
from game.sim import VehicleClass, World
from game.sim.controls import empty_controls
from tests.ai.roadgrid import grid_graph, grid_terrain, street_line


def sees(world, detective, driver) -> bool:
    """The session's sensing step for the Detective's car."""
    unit = np.array([detective.unit])
    return bool(vehicles_see(world.terrain, world, unit, driver, detective.sight)[0])


def test_straight_on_keeps_the_heading_and_walk_follows_it():
    graph = grid_graph()
    geo = EdgeGeometry(graph)
    nxt = geo.straight_on()
    # an eastbound road edge into the centre intersection goes on straight east
    into_centre = np.flatnonzero(
        (graph.node_intersection[graph.edge_dst] == 4) & (graph.edge_phase == 0)
        & (np.cos(geo.heading) > 0.99)
    )[0]  # fmt: skip
    assert abs(geo.heading[nxt[into_centre]]) < 0.05
    x, y, heading = geo.walk(int(into_centre), 0.0, 100.0, nxt)
    start = graph.node_xy[graph.edge_src[into_centre]]
    assert abs(y - start[1]) < 0.5 and abs(x - (start[0] + 100.0)) < 1.0


def test_detective_tails_at_a_distance_and_reckons_where_the_driver_went():
    graph, terrain = grid_graph(), grid_terrain()
    planner, signals = RoutePlanner(graph), Signals(graph)
    world = World(terrain, seed=0)
    driver = int(world.spawn(VehicleClass.DRIVER, street_line(0) + 45, street_line(0) + 2, 0.0)[0])
    detective_car = int(
        world.spawn(VehicleClass.UNMARKED, street_line(0) + 10, street_line(0) + 2, 0.0)[0]
    )
    goal = (street_line(1) - 2, street_line(1) + 30)  # round a corner, across a crossing
    route = RouteFollower(planner, driver, *goal, terrain, signals)
    detective = DetectiveController(planner, terrain, detective_car, signals, tail_gap_m=30.0)
    gaps, unseen_ticks, hits = [], 0, 0
    for _ in range(int(40.0 / world.dt)):
        controls = empty_controls(world.n)
        controls[driver] = route.controls(world, world.time, world.dt)
        seeing = sees(world, detective, driver)
        controls[detective_car] = detective.controls(world, driver, world.time, seeing)
        hits += len(world.step(controls).collisions)
        gaps.append(np.hypot(world.x[0] - world.x[1], world.y[0] - world.y[1]))
        unseen_ticks += not detective.seeing
        if route.arrived:
            break
    assert route.arrived and hits == 0  # he never bumped the car he tails
    assert unseen_ticks > 0  # the Driver turned corners out of his sight...
    assert min(gaps) > 8.0 and np.median(gaps) < 60.0  # ...yet he stayed on him, not too close
    assert np.hypot(*(np.array(detective.goal) - (world.x[0], world.y[0]))) < 60.0


def test_roadblock_site_lies_ahead_on_the_drivers_way():
    graph, terrain = grid_graph(n=3), grid_terrain(n=3)
    planner = RoutePlanner(graph)
    world = World(terrain, seed=0)
    driver = int(
        world.spawn(VehicleClass.DRIVER, street_line(0) + 10, street_line(0) + 2, 0.0, 10.0)[0]
    )
    detective_car = int(world.spawn(VehicleClass.UNMARKED, street_line(0) + 2, 10.0, np.pi / 2)[0])
    detective = DetectiveController(planner, terrain, detective_car)
    assert detective.roadblock_site(0.0) is None  # never seen: no idea
    detective.controls(world, driver, 0.0, sees(world, detective, driver))
    assert detective.seeing
    x, y, _ = detective.roadblock_site(2.0, ahead_m=60.0)
    # seen doing 10 m/s eastbound at x = 34: by t = 2 s at x = 54, so the site is near x = 114
    assert abs(y - (street_line(0) + 2)) < 1.0
    assert abs(x - (street_line(0) + 10 + 20 + 60)) < 3.0


# -- the prediction and the lose rules (issue 15) ------------------------------------------

PLACES = {  # the grid's far corners (n = 4): the places of the case he knows
    "south_east": (street_line(3) - 2.0, street_line(3) + 2.0),
    "south_west": (street_line(0) - 2.0, street_line(3) + 2.0),
    "north_east": (street_line(3) + 2.0, street_line(0) - 2.0),
}


def _scripted_drive(planner, start, goal, step_m=10.0):
    """Points (x, y, heading) every ``step_m`` along the shortest way from ``start`` to
    ``goal`` (a scripted drive: the Driver's car is put at each in turn)."""
    graph, geo = planner.graph, planner.geometry
    tree = planner.tree_to_point(*goal)
    edge, _ = geo.nearest_aligned_edge(*start, 0.0)
    edges = [int(edge[0])]
    while edges[-1] not in tree.goal_edges and len(edges) < 200:
        edges.append(int(tree.next_edge[graph.edge_dst[edges[-1]]]))
    points = np.concatenate([np.linspace(geo.start[e], geo.start[e] + geo.direction[e]
                                         * geo.length[e], 4, endpoint=False) for e in edges])
    seg = np.diff(points, axis=0)
    keep = np.r_[0, np.flatnonzero(np.cumsum(np.hypot(*seg.T)) // step_m
                                   != np.r_[-1, (np.cumsum(np.hypot(*seg.T)) // step_m)[:-1]])]
    heading = np.arctan2(seg[:, 1], seg[:, 0])
    return [(float(points[k, 0]), float(points[k, 1]), float(heading[min(k, len(seg) - 1)]))
            for k in keep]


def _world_with_detective(n=4):
    graph, terrain = grid_graph(n=n), grid_terrain(n=n)
    planner = RoutePlanner(graph)
    world = World(terrain, seed=0)
    driver = int(world.spawn(VehicleClass.DRIVER, street_line(0) + 12, street_line(0) + 2,
                             0.0)[0])
    car = int(world.spawn(VehicleClass.UNMARKED, street_line(0) + 2, street_line(1) - 20,
                          -np.pi / 2)[0])
    detective = DetectiveController(planner, terrain, car, Signals(graph))
    detective.know(PLACES)
    return planner, world, driver, detective


def test_his_predicted_goal_is_where_a_scripted_drive_goes():
    planner, world, driver, detective = _world_with_detective()
    start = (street_line(0) + 12, street_line(0) + 2)
    drive = _scripted_drive(planner, start, PLACES["south_east"])
    predicted = []
    for k, (x, y, heading) in enumerate(drive[: int(0.8 * len(drive))]):
        world.place(driver, x, y, heading, speed=10.0)
        detective.controls(world, driver, float(k), seeing=True)
        predicted.append(detective.predicted_goal)
    assert predicted[-1] == "south_east"  # the way he drove agrees with that place best
    scores = detective.place_scores()
    assert scores["south_east"] > max(scores["south_west"], scores["north_east"])
    end = detective.route[-1]  # and the route he predicts runs there
    assert np.hypot(*(end - PLACES["south_east"])) < 30.0


def test_unseen_he_searches_on_along_the_predicted_route_and_keeps_the_trail():
    planner, world, driver, detective = _world_with_detective()
    start = (street_line(0) + 12, street_line(0) + 2)
    drive = _scripted_drive(planner, start, PLACES["south_east"])
    # seen until a little after the turn (before it, the north-east corner is as likely)
    seen_until = next(k for k, p in enumerate(drive) if np.sin(p[2]) > 0.9) + 3
    for k, (x, y, heading) in enumerate(drive[:seen_until]):
        world.place(driver, x, y, heading, speed=10.0)
        detective.controls(world, driver, float(k), seeing=True)
    last_seen = np.array(drive[seen_until - 1][:2])
    t0 = float(seen_until - 1)
    for tick in range(int(30.0 / world.dt)):  # the line of sight is broken for 30 s...
        k = min(seen_until + int(tick * world.dt), len(drive) - 1)
        world.place(driver, *drive[k])  # ...while he drives on the way he was going
        detective.controls(world, driver, t0 + tick * world.dt, seeing=False)
    assert detective.lost == ""  # not shaken by a broken line of sight
    assert detective.unseen_s > 29.0
    reckoned = np.array(detective.predicted_position(t0 + 30.0)[:2])
    assert np.hypot(*(reckoned - last_seen)) > 150.0  # he reckons him far on, not where seen
    assert detective.route_distance(*reckoned) < 1.0  # along the way he predicted
    assert np.hypot(*(np.array(detective.goal) - reckoned)) < 60.0  # and searches there


def _seen_then(world, driver, detective, planner):
    """Seen driving east for a few seconds; returns the time of the last look."""
    start = (street_line(0) + 12, street_line(0) + 2)
    drive = _scripted_drive(planner, start, PLACES["north_east"])
    for k, (x, y, heading) in enumerate(drive[:5]):
        world.place(driver, x, y, heading, speed=10.0)
        detective.controls(world, driver, float(k), seeing=True)
    return 4.0


def _unseen_for(world, driver, detective, t0, seconds, hidden=False):
    for tick in range(int(seconds / world.dt)):
        detective.controls(world, driver, t0 + tick * world.dt, seeing=False, hidden=hidden)
    return t0 + seconds


def test_he_loses_the_driver_hidden_dark_in_a_shadow_until_his_search_lapses():
    from game.ai.detective import HIDE_LAPSE_S

    planner, world, driver, detective = _world_with_detective()
    t = _seen_then(world, driver, detective, planner)
    t = _unseen_for(world, driver, detective, t, HIDE_LAPSE_S - 2.0, hidden=True)
    assert detective.lost == ""  # not yet
    _unseen_for(world, driver, detective, t, 3.0, hidden=True)
    assert "dark" in detective.lost


def test_out_of_sight_on_his_predicted_route_he_does_not_lose_him():
    planner, world, driver, detective = _world_with_detective()
    t = _seen_then(world, driver, detective, planner)
    _unseen_for(world, driver, detective, t, 90.0)  # a long time, but on the way he reckons
    assert detective.lost == ""


def test_he_loses_the_driver_off_his_predicted_route_out_of_sight_long_enough():
    from game.ai.detective import OFF_ROUTE_LAPSE_S

    planner, world, driver, detective = _world_with_detective()
    t = _seen_then(world, driver, detective, planner)
    # a way he did not predict: down the west street, far from the road east
    world.place(driver, street_line(0) - 2, street_line(2), np.pi / 2)
    assert detective.route_distance(float(world.x[driver]), float(world.y[driver])) > 80.0
    t = _unseen_for(world, driver, detective, t, OFF_ROUTE_LAPSE_S - 2.0)
    assert detective.lost == ""
    _unseen_for(world, driver, detective, t, 3.0)
    assert "did not predict" in detective.lost
    assert detective.calls == []  # his roadblock calls go with the trail


def test_he_calls_roadblocks_ahead_on_the_route_he_predicts():
    from game.ai.detective import CALL_AFTER_TAIL_S

    planner, world, driver, detective = _world_with_detective()
    start = (street_line(0) + 12, street_line(0) + 2)
    drive = _scripted_drive(planner, start, PLACES["south_east"])
    for k, (x, y, heading) in enumerate(drive[: int(CALL_AFTER_TAIL_S) + 4]):
        world.place(driver, x, y, heading, speed=10.0)
        detective.controls(world, driver, float(k), seeing=True)
    assert len(detective.calls) == 1
    x, y, _ = detective.calls[0]
    assert detective.route_distance(x, y) < 1.0
    assert np.hypot(x - world.x[driver], y - world.y[driver]) > 100.0  # well ahead of him


def test_tipped_off_he_drives_to_where_the_driver_will_be_and_waits():
    graph, terrain = grid_graph(n=3), grid_terrain(n=3)
    planner = RoutePlanner(graph)
    world = World(terrain, seed=0)
    driver = int(world.spawn(VehicleClass.DRIVER, street_line(2) - 2, street_line(2) + 30,
                             np.pi / 2)[0])
    car = int(world.spawn(VehicleClass.UNMARKED, street_line(0) + 10, street_line(0) + 2,
                          0.0)[0])
    detective = DetectiveController(planner, terrain, car, Signals(graph))
    tip = (street_line(1) - 2, street_line(1) + 30)  # the southbound lane's side
    detective.stake_out(*tip)
    for _ in range(int(30.0 / world.dt)):
        controls = empty_controls(world.n)
        controls[car] = detective.controls(world, driver, world.time, seeing=False)
        world.step(controls)
    assert np.hypot(world.x[car] - tip[0], world.y[car] - tip[1]) < 30.0  # not sat still
    assert abs(world.vx[car]) < 0.5  # there, he waits
