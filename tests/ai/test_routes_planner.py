import numpy as np

from game.ai.routes import RoutePlanner, route_chooser
from tests.ai.roadgrid import grid_graph, grid_terrain, street_line


def _walk(graph, tree, edge, limit=100):
    """Follow the tree from ``edge``; the edges driven, ending on a goal edge."""
    path = [edge]
    while path[-1] not in tree.goal_edges and len(path) < limit:
        path.append(int(tree.next_edge[graph.edge_dst[path[-1]]]))
        assert path[-1] >= 0
    return path


def test_every_edge_reaches_the_goal_along_connected_edges():
    graph = grid_graph()
    planner = RoutePlanner(graph)
    goal_x, goal_y = street_line(2) - 20.0, street_line(2) + 2.0
    tree = planner.tree_to_point(goal_x, goal_y)
    (goal,) = tree.goal_edges
    for edge in range(len(graph.edge_src)):
        path = _walk(graph, tree, edge)
        assert path[-1] == goal
        for a, b in zip(path, path[1:], strict=False):
            assert graph.edge_dst[a] == graph.edge_src[b]


def test_route_is_shortest_manhattan_and_cached():
    graph = grid_graph()
    planner = RoutePlanner(graph)
    tree = planner.tree_to_point(street_line(2) - 20.0, street_line(2) + 2.0)
    assert planner.tree_to_point(street_line(2) - 20.0, street_line(2) + 2.0) is tree
    start = int(np.argmin(np.hypot(*(graph.node_xy - (street_line(0) + 6, street_line(0) + 2)).T)))
    # two blocks east and two south, on lanes: about 4 x 64 m less the goal edge
    assert 180.0 < tree.cost[start] < 260.0


def test_goal_edge_has_a_clear_view_of_the_goal():
    graph = grid_graph()
    terrain = grid_terrain()
    planner = RoutePlanner(graph)
    # a point in the open street space at an intersection corner
    x, y = street_line(1) + 6.0, street_line(1) + 6.0
    (edge,) = planner.goal_edges_near(x, y, terrain)
    src, dst = graph.node_xy[graph.edge_src[edge]], graph.node_xy[graph.edge_dst[edge]]
    mid = (src + dst) / 2
    assert np.hypot(mid[0] - x, mid[1] - y) < 40.0


def test_chooser_stops_planning_past_the_goal():
    graph = grid_graph()
    planner = RoutePlanner(graph)
    tree = planner.tree_to_point(street_line(1), street_line(1) + 30.0)
    choose = route_chooser(graph, tree)
    (goal,) = tree.goal_edges
    assert choose(np.array([goal]))[0] == -1
    before = np.flatnonzero(graph.edge_dst == graph.edge_src[goal])
    assert (choose(before) == goal).all()


def test_a_route_that_keeps_away_from_police_on_the_shortest_way_takes_another():
    from game.mission.roadcraft import AVOID_COST_M, edge_costs

    graph = grid_graph()
    planner = RoutePlanner(graph)
    geo = planner.geometry
    tree = planner.tree_to_point(street_line(2) + 2.0, street_line(2) - 20.0)
    start = int(np.argmin(np.hypot(*(geo.start - (street_line(0) + 6, street_line(0) + 2)).T)))
    shortest = _walk(graph, tree, start)
    # a unit waits halfway along the shortest way
    middle = shortest[len(shortest) // 2]
    unit = geo.start[middle] + 0.5 * geo.length[middle] * geo.direction[middle]
    points = np.array([unit])
    assert edge_costs(geo, np.array(shortest), points).max() > 0.0
    around = planner.tree_avoiding(tree.goal_edges, edge_costs(geo, None, points))
    path = _walk(graph, around, start)
    assert path[-1] in tree.goal_edges and path != shortest
    # the new way passes the unit only across a block (64 m of city here), never beside it
    assert middle not in path
    assert edge_costs(geo, np.array(path), points).max() < 0.5 * AVOID_COST_M
    assert (edge_costs(geo, np.array(path), points).sum()
            < 0.2 * edge_costs(geo, np.array(shortest), points).sum())
    length = float(geo.length[path].sum())
    assert length < float(geo.length[shortest].sum()) + 2 * 64.0  # a block further at most
