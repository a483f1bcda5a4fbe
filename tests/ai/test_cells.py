import numpy as np

from game.ai.cells import CellIndex, cell_pairs


def test_every_point_within_a_cell_of_a_query_is_paired_with_it():
    rng = np.random.default_rng(3)
    x, y = rng.uniform(-200.0, 400.0, 500), rng.uniform(-50.0, 300.0, 500)
    qx, qy = rng.uniform(-200.0, 400.0, 60), rng.uniform(-50.0, 300.0, 60)
    q, p = cell_pairs(x, y, qx, qy, 40.0)
    found = set(zip(q.tolist(), p.tolist(), strict=True))
    assert len(found) == q.size  # no pair twice
    near = (np.abs(x[None, :] - qx[:, None]) < 40.0) & (np.abs(y[None, :] - qy[:, None]) < 40.0)
    assert {(int(a), int(b)) for a, b in zip(*np.nonzero(near), strict=True)} <= found
    far = (np.abs(x[None, :] - qx[:, None]) > 80.0) | (np.abs(y[None, :] - qy[:, None]) > 80.0)
    assert not any(far[a, b] for a, b in found)  # only the 3 x 3 cells round each query
    assert np.all(np.diff(q) >= 0)  # by query


def test_an_index_answers_many_queries_and_none_without_points():
    index = CellIndex(np.array([5.0, 15.0, 100.0]), np.array([5.0, 5.0, 100.0]), 10.0)
    q, p = index.pairs(np.array([6.0, 101.0]), np.array([6.0, 99.0]))
    assert list(zip(q.tolist(), p.tolist(), strict=True)) == [(0, 0), (0, 1), (1, 2)]
    q, p = cell_pairs(np.zeros(0), np.zeros(0), np.array([1.0]), np.array([1.0]), 10.0)
    assert q.size == p.size == 0


def test_a_reach_reads_fewer_cells_and_keeps_every_pair_within_it_in_order():
    rng = np.random.default_rng(7)
    x, y = rng.uniform(-200.0, 400.0, 800), rng.uniform(-50.0, 300.0, 800)
    qx, qy = rng.uniform(-200.0, 400.0, 80), rng.uniform(-50.0, 300.0, 80)
    within = rng.uniform(5.0, 60.0, 80)
    index = CellIndex(x, y, 60.0)
    q_all, p_all = index.pairs(qx, qy)
    q, p = index.pairs(qx, qy, within_m=within)
    assert q.size < q_all.size
    close = np.hypot(x[p_all] - qx[q_all], y[p_all] - qy[q_all]) < within[q_all]
    kept = np.hypot(x[p] - qx[q], y[p] - qy[q]) < within[q]
    # the same close pairs, in the same order
    assert np.array_equal(q_all[close], q[kept]) and np.array_equal(p_all[close], p[kept])
