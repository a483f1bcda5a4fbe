import numpy as np

from game.ai.gaps import gaps_ahead, safe_speed


def _cars(xy_heading):
    a = np.array(xy_heading, dtype=np.float64)
    n = len(a)
    return a[:, 0], a[:, 1], a[:, 2], np.full(n, 5.0), np.full(n, 4.5), np.full(n, 1.8)


def test_finds_nearest_car_in_own_lane_only():
    # 0 and 1 in one eastbound lane, 2 in the next lane, 3 oncoming in the other lane,
    # 4 further ahead in 0's lane, 5 behind 0
    x, y, h, v, length, width = _cars(
        [(0, 0, 0), (20, 0, 0), (10, 4, 0), (15, -4, np.pi), (50, 0, 0), (-15, 0, 0)]
    )
    found = gaps_ahead(np.arange(6), x, y, h, v, length, width, reach_m=40.0)
    assert found.leader[0] == 1
    assert abs(found.gap[0] - (20 - 4.5)) < 1e-9
    assert found.leader[1] == 4
    assert found.leader[2] == -1 and np.isinf(found.gap[2])
    assert found.leader[5] == 0
    assert abs(found.leader_speed[5] - 5.0) < 1e-9


def test_car_crossing_in_front_blocks_and_reports_no_forward_speed():
    x, y, h, v, length, width = _cars([(0, 0, 0), (12, 1.0, np.pi / 2)])
    found = gaps_ahead(np.array([0]), x, y, h, v, length, width)
    assert found.leader[0] == 1
    assert abs(found.leader_speed[0]) < 1e-9
    assert abs(found.gap[0] - (12 - 2.25 - 0.9)) < 1e-9


def test_neighbour_cells_are_searched_across_cell_borders():
    x, y, h, v, length, width = _cars([(39.0, 1.0, 0.0), (55.0, 1.0, 0.0)])
    found = gaps_ahead(np.array([0]), x, y, h, v, length, width, reach_m=40.0)
    assert found.leader[0] == 1


def test_many_cars_match_brute_force():
    rng = np.random.default_rng(7)
    n = 300
    x = rng.uniform(0, 200, n)
    y = rng.uniform(0, 200, n)
    h = rng.choice([0.0, np.pi / 2, np.pi, -np.pi / 2], n)
    v = rng.uniform(0, 10, n)
    length, width = np.full(n, 4.5), np.full(n, 1.8)
    found = gaps_ahead(np.arange(n), x, y, h, v, length, width, reach_m=30.0)
    for i in range(0, n, 17):
        dx, dy = x - x[i], y - y[i]
        ahead = dx * np.cos(h[i]) + dy * np.sin(h[i])
        right = -dx * np.sin(h[i]) + dy * np.cos(h[i])
        rel = h - h[i]
        side = 0.5 * (length * np.abs(np.sin(rel)) + width * np.abs(np.cos(rel)))
        along = 0.5 * (length * np.abs(np.cos(rel)) + width * np.abs(np.sin(rel)))
        clearance = ahead - 2.25 - along
        ok = (ahead > 0) & (np.abs(right) < 0.9 + side + 0.3) & (clearance < 30.0)
        ok[i] = False
        expect = np.min(np.maximum(clearance[ok], 0)) if ok.any() else np.inf
        assert found.gap[i] == expect


def test_safe_speed_zero_at_standstill_gap_and_grows_with_room():
    speeds = safe_speed(np.array([2.5, 10.0, 40.0]), np.zeros(3), 3.0, 0.8, 2.5)
    assert speeds[0] == 0.0
    assert 0 < speeds[1] < speeds[2]
    assert safe_speed(np.array([10.0]), np.array([15.0]), 3.0, 0.8, 2.5)[0] > speeds[1]
