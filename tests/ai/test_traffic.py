import numpy as np

from game.ai.intersections import connector_intersection
from game.ai.signals import Light, Signals
from game.ai.traffic import TrafficController, spawn_on_lanes
from game.level.model import RoadGraph
from game.sim import VehicleClass, World
from game.sim.controls import empty_controls
from game.sim.terrain import Terrain
from tests.ai.roadgrid import edge_from, grid_graph, grid_terrain, street_line


def _drive(world, controller, seconds, focus=None, collisions=None):
    """Step the world under traffic control, one yield per tick; contacts go to ``collisions``."""
    for _ in range(int(seconds / world.dt)):
        controls = empty_controls(world.n)
        controls[controller.vehicles] = controller.controls(world, world.time, focus)
        hit = world.step(controls).collisions
        if collisions is not None:
            collisions.extend(zip(hit.a.tolist(), hit.b.tolist(), strict=True))
        yield


def test_city_traffic_keeps_lanes_and_never_collides():
    graph, terrain = grid_graph(), grid_terrain()
    world = World(terrain, seed=3)
    x, y, heading = spawn_on_lanes(graph, np.random.default_rng(3), 20)
    cars = world.spawn(
        np.resize([VehicleClass.SEDAN, VehicleClass.TAXI, VehicleClass.VAN], 20), x, y, heading, 5.0
    )
    controller = TrafficController(graph, cars, seed=3, signals=Signals(graph))
    on_road = connector_intersection(graph) < 0
    offsets, distance = [], np.zeros(world.n)
    collisions = []
    for _ in _drive(world, controller, 45.0, collisions=collisions):
        # on lanes between intersections, between settling after a turn and cutting the next
        fraction = controller.tracker.fraction
        straight = on_road[controller.tracker.current] & (fraction > 0.3) & (fraction < 0.8)
        offsets.extend(np.abs(controller.tracker.offset[straight]).tolist())
        distance += np.abs(world.vx) * world.dt
    assert collisions == []  # no rear-ending in queues, no crashes at crossings
    assert np.percentile(offsets, 99) < 0.5 and max(offsets) < 1.2
    assert (distance > 100.0).sum() >= 15  # traffic flows: most cars went round blocks
    assert controller.recycled == 0


def _one_lane_queue(n_cars):
    """Cars queued eastbound towards the centre intersection, its light red for them."""
    graph, terrain = grid_graph(cycle_s=30.0), grid_terrain()
    signals = Signals(graph)
    approach = edge_from(
        graph, (street_line(0) + 5, street_line(1) + 2), (street_line(1) - 5, street_line(1) + 2)
    )
    # find a time when this approach has just turned red
    times = np.arange(0.0, 60.0, 0.1)
    states = np.array([signals.edge_state(np.array([approach]), t)[0] for t in times])
    red_from = times[np.flatnonzero((states[1:] == Light.RED) & (states[:-1] != Light.RED))[0] + 1]
    world = World(terrain, seed=0)
    stop_node_x = graph.node_xy[graph.edge_dst[approach], 0]
    xs = stop_node_x - 20.0 - 9.0 * np.arange(n_cars)
    cars = world.spawn(VehicleClass.SEDAN, xs, street_line(1) + 2, 0.0, 10.0)
    controller = TrafficController(graph, cars, seed=0, signals=signals)
    world.tick = int(round(red_from / world.dt))
    return world, controller, signals, approach, stop_node_x


def test_stops_at_red_queues_with_gaps_and_goes_on_green():
    world, controller, signals, approach, stop_x = _one_lane_queue(4)
    x_min_gap = np.inf
    was_red_and_stopped = False
    passed_on_green = False
    collisions = []
    for _ in _drive(world, controller, 40.0, collisions=collisions):
        order = np.argsort(-world.x)
        on_lane = np.abs(world.y - world.y[0]) < 1.0
        if on_lane.all():
            bumper_gaps = -np.diff(world.x[order]) - 4.6
            x_min_gap = min(x_min_gap, bumper_gaps.min())
        state = signals.edge_state(np.array([approach]), world.time)[0]
        front = world.x.max()
        if state == Light.RED:
            assert front < stop_x - 1.0  # nobody's nose over the line at red
            was_red_and_stopped |= np.abs(world.vx).max() < 0.3
        elif was_red_and_stopped and front > stop_x + 10.0:
            passed_on_green = True
            break
    assert collisions == []
    assert was_red_and_stopped and passed_on_green
    assert x_min_gap > 1.0


def test_recycles_far_cars_but_never_inside_the_view():
    graph, terrain = grid_graph(n=3), grid_terrain(n=3)
    world = World(terrain, seed=0)
    x, y, heading = spawn_on_lanes(graph, np.random.default_rng(0), 10)
    cars = world.spawn(VehicleClass.SEDAN, x, y, heading, 0.0)
    focus = (street_line(0), street_line(0))
    controller = TrafficController(
        graph, cars, seed=0, signals=None, view_radius_m=60.0, keep_radius_m=120.0
    )
    near = np.hypot(x - focus[0], y - focus[1]) < 60.0
    start = np.column_stack([x, y])
    for _ in _drive(world, controller, 3.0, focus):
        pass
    distance = np.hypot(world.x - focus[0], world.y - focus[1])
    assert controller.recycled > 0
    assert (distance < 120.0 + 20.0).all()  # nothing left beyond the keep radius
    moved = np.hypot(*(np.column_stack([world.x, world.y]) - start).T) > 50.0
    assert not (moved & near).any()  # cars in view only ever drove


def test_waits_while_someone_else_stands_in_the_intersection():
    graph, terrain = grid_graph(), grid_terrain()
    world = World(terrain, seed=0)
    # a stalled car (the player, say) in the north-east quarter of the centre crossing,
    # out of the straight path of an eastbound car on the south lane
    centre = street_line(1)
    world.spawn(VehicleClass.DRIVER, centre + 2.5, centre - 3.0, -np.pi / 2)
    car = world.spawn(VehicleClass.SEDAN, centre - 40.0, centre + 2.0, 0.0, 8.0)
    controller = TrafficController(graph, car, seed=0, signals=None)
    straight = controller.geometry.straight_on()
    controller.choose = lambda edges: np.where(edges >= 0, straight[np.maximum(edges, 0)], -1)
    stop_x = centre - 5.0
    for _ in _drive(world, controller, 8.0):
        assert world.x[1] < stop_x  # held at the line...
    assert abs(world.vx[1]) < 0.3  # ...standing
    world.place(0, centre + 40.0, centre - 2.0, 0.0)  # the crossing clears
    for _ in _drive(world, controller, 6.0):
        pass
    assert world.x[1] > centre + 5.0  # and it drives on


def test_a_road_without_intersections():
    # one straight two-way road: no junction anywhere, so no lights and no right of way
    nodes = np.array([[20.0, 82.0], [160.0, 82.0], [160.0, 78.0], [20.0, 78.0]])
    graph = RoadGraph(
        node_xy=nodes, node_intersection=np.full(4, -1), edge_src=np.array([0, 2]),
        edge_dst=np.array([1, 3]), edge_speed_limit=np.full(2, 12.0),
        edge_street=np.full(2, -1), edge_phase=np.full(2, -1),
        out_start=np.array([0, 1, 1, 2, 2]), out_edges=np.array([0, 1]),
        intersection_xy=np.zeros((0, 2)), intersection_signalised=np.zeros(0, bool),
        intersection_cycle_s=np.zeros(0),
    )  # fmt: skip
    world = World(Terrain.open_box(50, 50), seed=0)
    world.spawn(VehicleClass.SEDAN, [30.0, 50.0], [82.0, 82.0], 0.0, 5.0)
    controller = TrafficController(
        graph, np.array([0, 1]), seed=0, signals=Signals(graph), recycle=False
    )
    collisions = []
    for _ in _drive(world, controller, 30.0, collisions=collisions):
        pass
    assert collisions == []
    assert np.abs(world.vx).max() < 0.3  # both drove on, then stopped at the road's end
    assert 140.0 < world.x.max() < 160.0 - 2.0 and world.x.min() > 130.0
