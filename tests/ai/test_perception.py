import numpy as np

from game.ai.perception import SightParams, line_of_sight, sees
from game.sim.terrain import Terrain


def _walled_box() -> Terrain:
    """A 40 x 40 cell box with a wall across the middle column, rows 5..34."""
    terrain = Terrain.open_box(40, 40)
    solid = terrain.solid.copy()
    solid[5:35, 20] = True
    return Terrain(solid=solid, surface=terrain.surface)


def test_line_of_sight_blocked_by_wall_and_clear_in_the_open():
    terrain = _walled_box()
    ax = np.array([40.0, 40.0, 40.0])
    ay = np.array([80.0, 80.0, 10.0])
    bx = np.array([120.0, 60.0, 120.0])
    by = np.array([80.0, 100.0, 10.0])
    clear = line_of_sight(terrain, ax, ay, bx, by)
    assert clear.tolist() == [False, True, True]  # through the wall; same side; above it


def test_thin_corner_is_not_skipped():
    terrain = Terrain.open_box(20, 20)
    solid = terrain.solid.copy()
    solid[10, 10] = True  # cell spans x, y in [40, 44)
    terrain = Terrain(solid=solid, surface=terrain.surface)
    # a diagonal clipping the cell's corner by about 0.7 m
    assert not line_of_sight(terrain, 30.0, 33.0, 54.0, 57.0)[0]
    assert line_of_sight(terrain, 30.0, 30.0, 54.0, 30.0)[0]


def test_cone_excludes_targets_behind_but_near_radius_sees_all_round():
    terrain = Terrain.open_box(60, 60)
    params = SightParams(cone_range_m=80.0, near_radius_m=10.0)
    obs = (np.array([100.0, 100.0, 100.0]), np.array([100.0, 100.0, 100.0]))
    heading = np.array([0.0, np.pi, np.pi / 2])  # east, west, south
    # target 40 m east: seen facing east, not facing west or south
    seen = sees(terrain, *obs, heading, 140.0, 100.0, params)
    assert seen.tolist() == [True, False, False]
    # target 8 m behind the east-facing observer: near radius
    assert sees(terrain, *obs, heading, 92.0, 100.0, params).all()
    # out of range ahead
    assert not sees(terrain, *obs, heading, 190.0, 100.0, params)[0]


def test_shadow_with_lights_off_and_crowd_shrink_range():
    terrain = Terrain.open_box(60, 60)
    params = SightParams(cone_range_m=80.0)
    ox, oy, oh = np.array([20.0]), np.array([100.0]), np.array([0.0])
    tx = 20.0 + 50.0
    assert sees(terrain, ox, oy, oh, tx, 100.0, params)[0]
    assert sees(terrain, ox, oy, oh, tx, 100.0, params, target_lights_on=False)[0]
    assert not sees(
        terrain, ox, oy, oh, tx, 100.0, params, target_lights_on=False, target_in_shadow=True
    )[0]
    assert sees(
        terrain, ox, oy, oh, tx, 100.0, params, target_lights_on=True, target_in_shadow=True
    )[0]  # headlights give the car away
    assert not sees(terrain, ox, oy, oh, tx, 100.0, params, target_in_crowd=True)[0]


def test_wall_blocks_sight_inside_the_cone():
    terrain = _walled_box()
    seen = sees(terrain, np.array([40.0]), np.array([80.0]), np.array([0.0]), 120.0, 80.0)
    assert not seen[0]
    seen = sees(terrain, np.array([100.0]), np.array([80.0]), np.array([0.0]), 120.0, 80.0)
    assert seen[0]
