"""The road graph built from road polylines: lanes, intersections, signals, CSR, reachability."""

from __future__ import annotations

import numpy as np
import pytest

from game.level import load_level
from game.level.connectivity import reachable, strong_components
from game.level.reading import read_level
from game.level.roads import lane_pairs
from game.level.schema import MAX_EDGE_M
from tests.level.tmxgen import MapSpec, crossroads

KMH = 1 / 3.6


def open_map(cols: int = 50, rows: int = 50) -> MapSpec:
    """An open asphalt map with only the player spawn every map needs (off any road)."""
    spec = MapSpec(cols, rows)
    spec.fill("ground", 0)
    spec.point("spawns", "player_start", "player", 2, 2)
    return spec


def heading_of(graph, edges):
    return np.degrees(graph.edge_heading[edges]) % 360


def assert_strongly_connected(graph):
    labels = strong_components(graph)
    assert len(graph.edge_src) > 0
    assert (labels == labels[0]).all(), f"{labels.max() + 1} components"


def lane_edges(graph, dead_ends=()):
    """Edges along lanes: neither end in an intersection nor on a dead end's turn."""
    src, dst = graph.node_xy[graph.edge_src], graph.node_xy[graph.edge_dst]
    turning = np.zeros(len(src), dtype=bool)
    for x, y in dead_ends:
        turning |= (np.hypot(*(src - (x, y)).T) < 7) & (np.hypot(*(dst - (x, y)).T) < 7)
    free = (graph.node_intersection[graph.edge_src] < 0) & (
        graph.node_intersection[graph.edge_dst] < 0
    )
    return np.flatnonzero(free & ~turning)


CROSSROADS_DEAD_ENDS = ((20, 80), (140, 80), (80, 20), (80, 140))


def test_lane_pairs_use_every_lane_in_and_out_without_crossing():
    assert lane_pairs(1, 1) == [(0, 0)]
    assert lane_pairs(1, 2) == [(0, 0), (0, 1)]
    assert lane_pairs(3, 1) == [(0, 0), (1, 0), (2, 0)]
    assert lane_pairs(2, 3) == [(0, 0), (0, 1), (1, 2)]
    assert lane_pairs(2, 0) == []


def test_crossroads_is_strongly_connected_and_csr_is_consistent(write_map):
    graph = load_level(write_map(crossroads())).roads
    assert_strongly_connected(graph)
    assert graph.out_start[0] == 0 and graph.out_start[-1] == len(graph.edge_src)
    assert sorted(graph.out_edges.tolist()) == list(range(len(graph.edge_src)))
    for node in range(len(graph.node_xy)):
        leaving = graph.out_edges[graph.out_start[node] : graph.out_start[node + 1]]
        assert (graph.edge_src[leaving] == node).all()
    assert reachable(graph, np.array([0])).all()
    assert reachable(graph, np.array([0]), reverse=True).all()


def test_edges_are_short_and_speed_limits_in_metres_per_second(write_map):
    graph = load_level(write_map(crossroads())).roads
    assert (graph.edge_length <= MAX_EDGE_M + 1e-9).all()
    assert (graph.edge_length > 0.5).all()
    assert (graph.edge_speed_limit > 0).all()
    lanes = lane_edges(graph)
    main = graph.street_names.index("Main Street")
    first = graph.street_names.index("First Street")
    on_main = lanes[graph.edge_street[lanes] == main]
    on_first = lanes[graph.edge_street[lanes] == first]
    np.testing.assert_allclose(graph.edge_speed_limit[on_main], 50 * KMH)
    np.testing.assert_allclose(graph.edge_speed_limit[on_first], 40 * KMH)


def test_lanes_run_on_the_right_of_the_road(write_map):
    graph = load_level(write_map(crossroads())).roads
    lanes = lane_edges(graph, CROSSROADS_DEAD_ENDS)
    mid = (graph.node_xy[graph.edge_src[lanes]] + graph.node_xy[graph.edge_dst[lanes]]) / 2
    heading = heading_of(graph, lanes)
    main = graph.edge_street[lanes] == graph.street_names.index("Main Street")
    delta = graph.node_xy[graph.edge_dst[lanes]] - graph.node_xy[graph.edge_src[lanes]]
    lane_change = ~main & ~np.isclose(delta[:, 0], 0)
    assert lane_change.sum() > 0  # First Street has two lanes each way
    first = ~main & ~lane_change
    # Main Street runs along y = 80 with one lane each way, 2 m off the centre line
    east, west = main & np.isclose(heading, 0), main & np.isclose(heading, 180)
    assert east.sum() and west.sum() and east.sum() + west.sum() == main.sum()
    np.testing.assert_allclose(mid[east, 1], 82.0)  # south of the line: right of eastbound
    np.testing.assert_allclose(mid[west, 1], 78.0)
    # First Street runs along x = 80 with two lanes each way: 2 m and 6 m off
    south, north = first & np.isclose(heading, 90), first & np.isclose(heading, 270)
    assert south.sum() + north.sum() == first.sum()
    assert sorted(set(np.round(mid[south, 0], 6))) == [74.0, 78.0]  # west: right of southbound
    assert sorted(set(np.round(mid[north, 0], 6))) == [82.0, 86.0]


def test_signalised_intersection_and_phase_groups(write_map):
    graph = load_level(write_map(crossroads())).roads
    np.testing.assert_allclose(graph.intersection_xy, [[80.0, 80.0]])
    assert graph.intersection_signalised.tolist() == [True]
    assert graph.intersection_cycle_s.tolist() == [30.0]
    phased = np.flatnonzero(graph.edge_phase >= 0)
    # one edge per lane arriving: Main 1 + 1, First 2 + 2
    assert len(phased) == 6
    assert (graph.node_intersection[graph.edge_dst[phased]] == 0).all()
    assert (graph.node_intersection[graph.edge_src[phased]] < 0).all()
    heading = heading_of(graph, phased)
    east_west = np.isclose(np.sin(np.radians(heading)), 0, atol=1e-6)
    assert (graph.edge_phase[phased][east_west] == 0).all() and east_west.sum() == 2
    assert (graph.edge_phase[phased][~east_west] == 1).all()


def exits_from(graph, stop_node):
    """Lane nodes reached by crossing the intersection from a stop line."""
    exits, todo = set(), [stop_node]
    while todo:
        node = todo.pop()
        for edge in graph.out_edges[graph.out_start[node] : graph.out_start[node + 1]]:
            nxt = int(graph.edge_dst[edge])
            if graph.node_intersection[nxt] < 0:
                exits.add(node)
            else:
                todo.append(nxt)
    return exits


def test_no_u_turn_at_an_intersection(write_map):
    graph = load_level(write_map(crossroads())).roads
    for edge in np.flatnonzero(graph.edge_phase >= 0):
        approach = graph.edge_heading[edge]
        exits = exits_from(graph, int(graph.edge_dst[edge]))
        assert len(exits) >= 3  # left, straight on, right
        for node in exits:
            leaving = graph.out_edges[graph.out_start[node]]
            turn = np.angle(np.exp(1j * (graph.edge_heading[leaving] - approach)))
            assert abs(turn) < np.radians(150), "U-turn inside an intersection"


def test_lane_changes_join_the_lanes_of_a_multi_lane_network(write_map):
    spec = open_map()
    for i, at in enumerate((60, 140)):  # a # of two-lane streets: without lane changes,
        spec.road(f"Avenue {i}", [(20, at), (60, at), (140, at), (180, at)], lanes=2)
        spec.road(f"Street {i}", [(at, 20), (at, 60), (at, 140), (at, 180)], lanes=2)
    graph = load_level(write_map(spec)).roads  # lane 0 and lane 1 would never meet
    assert_strongly_connected(graph)
    delta = np.abs(graph.node_xy[graph.edge_dst] - graph.node_xy[graph.edge_src])
    free = (graph.node_intersection[graph.edge_src] < 0) & (
        graph.node_intersection[graph.edge_dst] < 0
    )
    one_lane_aside = (np.isclose(delta, 4.0) & (delta[:, ::-1] > 10)).any(axis=1)
    changes = np.flatnonzero(free & one_lane_aside)
    assert len(changes) >= 2 * 8  # both ways, on every piece long enough
    # no change ends on a stop line, where it would dodge the signal
    assert (graph.node_intersection[graph.edge_dst[changes]] < 0).all()
    assert (graph.edge_length <= MAX_EDGE_M + 1e-9).all()


def test_dead_end_turns_traffic_round(write_map):
    spec = open_map()
    spec.road("Cul", [(20, 100), (100, 100)])
    graph = load_level(write_map(spec)).roads
    assert_strongly_connected(graph)
    assert len(graph.intersection_xy) == 0
    assert set(np.round(heading_of(graph, np.arange(len(graph.edge_src))))) >= {0.0, 180.0, 90.0}


def test_oneway_road_has_only_forward_lanes_on_its_right(write_map):
    spec = open_map()
    spec.road("Oneway", [(20, 100), (180, 100)], oneway=True, lanes=3, speed_limit_kmh=60)
    graph = read_level(write_map(spec)).level.roads  # check refuses it: it is a dead end
    assert (np.cos(graph.edge_heading) > np.cos(np.radians(15))).all()  # east, or changing lane
    assert sorted(set(np.round(graph.node_xy[:, 1], 6))) == [102.0, 106.0, 110.0]
    assert len(strong_components(graph)) > 1 and strong_components(graph).max() > 0


def test_closed_loop_is_one_cycle_per_lane(write_map):
    spec = open_map()
    oval = [(40, 40), (160, 40), (160, 120), (40, 120)]
    spec.poly("roads", "Oval", "road", oval, closed=True, oneway=True, lanes=2)
    graph = load_level(write_map(spec)).roads
    assert_strongly_connected(graph)  # the two lanes meet through lane changes
    out_degree = np.diff(graph.out_start)
    assert set(out_degree.tolist()) == {1, 2}  # follow the lane, or change lane too
    assert len(graph.intersection_xy) == 0
    assert (graph.edge_length <= MAX_EDGE_M + 1e-9).all()


def test_loop_with_a_pit_lane_is_connected(write_map):
    spec = open_map()
    spec.poly(
        "roads",
        "Oval",
        "road",
        [(40, 40), (100, 40), (160, 40), (160, 120), (40, 120)],
        closed=True,
        oneway=True,
    )
    spec.road("Pit", [(100, 40), (100, 80), (160, 120)], oneway=True)
    graph = load_level(write_map(spec)).roads
    assert_strongly_connected(graph)
    assert len(graph.intersection_xy) == 2


def test_t_junction_and_polyline_closing_on_itself(write_map):
    spec = open_map()
    spec.road("Long", [(20, 100), (100, 100), (180, 100)], lanes=2)
    spec.road("Side", [(100, 100), (100, 180)])
    spec.road("Ring", [(20, 20), (60, 20), (60, 60), (20, 60), (20, 20)])
    graph = read_level(write_map(spec)).level.roads  # check refuses it: two networks
    labels = strong_components(graph)
    # the T is one network; the ring, touching nothing, is two: one loop per direction
    assert labels.max() == 2
    np.testing.assert_allclose(graph.intersection_xy, [[100.0, 100.0]])
    assert not graph.intersection_signalised.any()
    assert (graph.edge_phase == -1).all()


@pytest.mark.parametrize("lanes", [1, 3])
def test_nearest_edge_finds_the_lane_under_a_point(write_map, lanes):
    spec = open_map()
    spec.road("Avenue", [(20, 100), (180, 100)], lanes=lanes)
    graph = load_level(write_map(spec)).roads
    edge, t = graph.nearest_edge(np.array([100.0]), np.array([102.0]))
    assert np.isclose(graph.edge_heading[edge[0]], 0.0)
    assert 0.0 <= t[0] <= 1.0
