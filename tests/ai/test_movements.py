import numpy as np

from game.ai.movements import movements_of
from tests.ai.roadgrid import grid_graph, street_line


def _movement(moves, graph, entry_xy, exit_xy):
    entry = int(np.argmin(np.hypot(*(graph.node_xy - entry_xy).T)))
    exit_node = int(np.argmin(np.hypot(*(graph.node_xy - exit_xy).T)))
    found = moves.find(np.array([entry]), np.array([exit_node]))[0]
    assert found >= 0
    return found


def test_which_ways_through_a_crossing_may_go_together():
    graph = grid_graph()
    moves = movements_of(graph)
    assert movements_of(graph) is moves  # worked out once per graph
    c = street_line(1)  # the centre crossing; stop lines 5 m out, lanes 2 m right of centre
    east_in, west_in = (c - 5, c + 2), (c + 5, c - 2)
    east_out, west_out, north_out = (c + 5, c + 2), (c - 5, c - 2), (c + 2, c - 5)
    southbound_in, southbound_out = (c - 2, c - 5), (c - 2, c + 5)
    eastbound = _movement(moves, graph, east_in, east_out)
    westbound = _movement(moves, graph, west_in, west_out)
    east_left = _movement(moves, graph, east_in, north_out)
    west_left = _movement(moves, graph, west_in, southbound_out)
    south_right = _movement(moves, graph, southbound_in, west_out)

    def conflict(a, b):
        return bool(moves.conflict(np.array([a]), np.array([b]))[0])

    assert not conflict(eastbound, westbound)  # opposite straights pass each other
    assert conflict(east_left, westbound)  # a left turn crosses the oncoming lane
    assert conflict(westbound, east_left)  # (both ways round)
    assert not conflict(eastbound, east_left)  # same lane: they queue instead
    assert conflict(south_right, westbound)  # both end in the westbound lane
    assert conflict(west_left, eastbound)
    assert moves.conflict(np.array([-1]), np.array([eastbound]))[0]  # unknown: keep out
    assert moves.find(np.array([0]), np.array([0]))[0] == -1
