from pathlib import Path

import numpy as np

from game.ai.driver import Setting
from game.ai.signals import ALL_RED_S, AMBER_S, Light, Signals
from game.level import load_level
from tests.ai.roadgrid import grid_graph


def _approaches(graph, inter):
    """Edges entering intersection ``inter``, by phase group."""
    enters = graph.node_intersection[graph.edge_dst] == inter
    return {p: np.flatnonzero(enters & (graph.edge_phase == p)) for p in (0, 1)}


def test_crossing_groups_are_never_green_together():
    graph = grid_graph(cycle_s=20.0)
    signals = Signals(graph)
    lanes = _approaches(graph, 4)
    greens = {0: 0, 1: 0}
    for time in np.arange(0.0, 40.0, 0.25):
        g0 = signals.edge_state(lanes[0], time)
        g1 = signals.edge_state(lanes[1], time)
        assert len(set(g0)) == 1 and len(set(g1)) == 1  # a group switches as one
        assert not (g0[0] != Light.RED and g1[0] != Light.RED)
        greens[0] += g0[0] == Light.GREEN
        greens[1] += g1[0] == Light.GREEN
    assert greens[0] > 0 and greens[1] > 0


def test_cycle_has_green_amber_then_red_of_the_right_lengths():
    graph = grid_graph(cycle_s=20.0)
    signals = Signals(graph)
    lane = _approaches(graph, 0)[0][:1]
    times = np.arange(0.0, 20.0, 0.05)
    states = np.array([signals.edge_state(lane, t)[0] for t in times])
    amber = (states == Light.AMBER).sum() * 0.05
    green = (states == Light.GREEN).sum() * 0.05
    assert abs(amber - AMBER_S) < 0.11
    assert abs(green - (10.0 - AMBER_S - ALL_RED_S)) < 0.11
    # the state repeats every cycle
    later = np.array([signals.edge_state(lane, t + 20.0)[0] for t in times])
    assert np.array_equal(states, later)


def test_is_red_vectorised_and_unsignalised_edges_never_red():
    graph = grid_graph(signalised=False)
    signals = Signals(graph)
    edges = np.arange(len(graph.edge_src))
    for time in (0.0, 7.0, 13.0):
        assert not signals.is_red(edges, time).any()
    signalled = Signals(grid_graph(signalised=True))
    reds = np.array([signalled.is_red(edges, t) for t in np.arange(0, 20, 0.5)])
    internal = graph.edge_phase < 0
    assert not reds[:, internal].any()
    assert reds[:, ~internal].any(axis=0).all()  # every approach sees red sometime
    assert signalled.is_red(np.array([-1]), 3.0).tolist() == [False]


def test_intersections_are_offset_and_states_table_matches_edges():
    graph = grid_graph()
    signals = Signals(graph)
    table = signals.intersection_states(5.0)
    assert table.shape == (9, 2)
    assert len({tuple(row) for row in table}) > 1  # not all in lockstep
    for inter in range(9):
        lanes = _approaches(graph, inter)
        assert signals.edge_state(lanes[1][:1], 5.0)[0] == table[inter, 1]


def test_a_seed_draws_the_offsets_and_the_same_seed_draws_the_same():
    graph = grid_graph(cycle_s=20.0)
    first, again, other = (Signals(graph, seed=s) for s in (4, 4, 5))
    assert np.array_equal(first.offset_s, again.offset_s)
    assert not np.allclose(first.offset_s, other.offset_s)
    assert ((first.offset_s >= 0.0) & (first.offset_s < first.cycle_s)).all()
    # the lights a driver meets differ by seed: some approach's light differs at some time
    edges = np.arange(len(graph.edge_src))
    times = np.arange(0.0, 20.0, 1.0)
    mine = np.array([first.edge_state(edges, t) for t in times])
    theirs = np.array([other.edge_state(edges, t) for t in times])
    assert (mine != theirs).any()


def test_the_drive_setting_seeds_its_lights():
    level = load_level(Path(__file__).resolve().parents[2] / "levels" / "maps" / "downtown.tmx")
    one, two = Setting.of(level, 1), Setting.of(level, 2)
    assert not np.allclose(one.signals.offset_s, two.signals.offset_s)
    assert np.array_equal(one.signals.offset_s, Setting.of(level, 1).signals.offset_s)
