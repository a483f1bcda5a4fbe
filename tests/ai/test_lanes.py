import numpy as np

from game.ai.lanes import EdgeGeometry, LaneTracker, random_chooser
from tests.ai.roadgrid import grid_graph, street_line


def test_attach_picks_own_side_of_a_two_way_street():
    graph = grid_graph()
    geo = EdgeGeometry(graph)
    mid = (street_line(0) + street_line(1)) / 2
    y = street_line(0)
    # eastbound car on the south lane, westbound on the north lane, both on the street line
    edge, _ = geo.nearest_aligned_edge(
        np.array([mid, mid]), np.array([y, y]), np.array([0.0, np.pi])
    )
    assert graph.node_xy[graph.edge_src[edge[0]], 1] > y  # eastbound lane is south (+y)
    assert np.cos(geo.heading[edge[0]]) > 0.99
    assert graph.node_xy[graph.edge_src[edge[1]], 1] < y
    assert np.cos(geo.heading[edge[1]]) < -0.99


def test_random_choices_are_successors_and_not_u_turns():
    graph = grid_graph()
    geo = EdgeGeometry(graph)
    choose = random_chooser(geo, np.random.default_rng(1))
    edges = np.repeat(np.arange(len(graph.edge_src)), 20)
    nxt = choose(edges)
    assert (nxt >= 0).all()
    assert (graph.edge_src[nxt] == graph.edge_dst[edges]).all()
    turn = np.abs(np.mod(geo.heading[nxt] - geo.heading[edges] + np.pi, 2 * np.pi) - np.pi)
    assert (turn < np.radians(150)).all()
    # a road edge into an inner intersection can go three ways; all get picked
    inner = np.flatnonzero(
        (graph.node_intersection[graph.edge_dst] == 4) & (graph.edge_phase >= 0)
    )[0]
    picks = set(choose(np.full(200, inner)).tolist())
    assert len(picks) == 3


def test_tracker_advances_along_plan_and_looks_ahead_on_lanes():
    graph = grid_graph()
    geo = EdgeGeometry(graph)
    choose = random_chooser(geo, np.random.default_rng(3))
    tracker = LaneTracker(geo, 1, horizon=4)
    rows = np.array([0])
    x0, y0 = street_line(0) + 20.0, street_line(0) + 2.0
    tracker.attach(rows, np.array([x0]), np.array([y0]), np.array([0.0]), choose)
    first = tracker.current[0]
    assert tracker.plan[0, 1] >= 0 and graph.edge_src[tracker.plan[0, 1]] == graph.edge_dst[first]
    tx, ty = tracker.lookahead(rows, np.array([10.0]))
    assert abs(tx[0] - (x0 + 10.0)) < 1e-6 and abs(ty[0] - y0) < 1e-6
    ends = tracker.distance_to_ends(rows)[0]
    assert np.all(np.diff(ends) > 0)
    # drive to just past the end of the first edge: the plan shifts by one
    second = tracker.plan[0, 1]
    end = graph.node_xy[graph.edge_dst[first]]
    tracker.update(rows, np.array([end[0] + 0.5]), np.array([end[1]]), choose)
    assert tracker.current[0] == second
    assert tracker.plan[0, -1] >= 0
    assert abs(tracker.offset[0]) < 1.0


def _walk_plan(geo, plan, fraction, distance):
    """The point ``distance`` on along one car's plan, one edge at a time (the reference
    the whole-array lookahead must match to the bit)."""
    start = min(max(fraction, 0.0), 1.0) * geo.length[max(plan[0], 0)]
    point, remaining = (0.0, 0.0), distance
    for column, edge in enumerate(plan):
        if edge < 0:
            break
        offset = start if column == 0 else 0.0
        available = geo.length[edge] - offset
        if remaining <= available:
            along = offset + remaining
            return (geo.start[edge, 0] + geo.direction[edge, 0] * along,
                    geo.start[edge, 1] + geo.direction[edge, 1] * along)
        point = tuple(geo.start[edge] + geo.direction[edge] * geo.length[edge])
        remaining -= available
    return point


def test_lookahead_matches_walking_each_plan_even_where_it_runs_out():
    graph = grid_graph()
    geo = EdgeGeometry(graph)
    rng = np.random.default_rng(5)
    tracker = LaneTracker(geo, 200, horizon=5)
    tracker.plan[:] = rng.integers(0, len(graph.edge_src), size=tracker.plan.shape)
    for row, cut in enumerate(rng.integers(0, 7, size=200)):
        tracker.plan[row, cut:] = -1  # plans of every length, some empty
    tracker.fraction[:] = rng.uniform(-0.2, 1.3, 200)
    distance = rng.uniform(0.0, 400.0, 200)
    rows = np.arange(200)
    tx, ty = tracker.lookahead(rows, distance)
    for row in rows:
        want = _walk_plan(geo, tracker.plan[row], tracker.fraction[row], distance[row])
        assert (tx[row], ty[row]) == want
    ends = tracker.distance_to_ends(rows)
    assert np.array_equal(np.isinf(ends), tracker.plan < 0)
