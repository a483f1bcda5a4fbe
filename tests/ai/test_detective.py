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
