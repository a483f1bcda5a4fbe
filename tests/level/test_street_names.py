"""The HUD's street names on the shipped maps say where the player is."""

from pathlib import Path

import numpy as np

from game.level import load_level

MAPS = Path(__file__).resolve().parents[2] / "levels" / "maps"


def test_the_speedway_grid_is_not_called_the_back_stretch():
    level = load_level(MAPS / "speedway.tmx")
    grid = level.spawns["player_start"]
    start = level.zones["start"]
    assert start.contains(grid.x, grid.y)  # the grid is on the front straight, at the line
    name = level.street_at(grid.x, grid.y)
    assert name is not None and "back" not in name.lower()
    cell = level.terrain.cell_size
    back_straight = grid.x, grid.y - 44 * cell  # across the infield, the same distance on
    assert level.street_at(*back_straight) == name  # one name all the way round


def test_downtown_free_drive_starts_on_hill_st():
    level = load_level(MAPS / "downtown.tmx")
    spawn = level.spawns["free_drive"]
    assert level.street_at(spawn.x, spawn.y) == "Hill St"


def test_downtown_jobs_start_on_a_street_facing_the_way_traffic_drives():
    level = load_level(MAPS / "downtown.tmx")
    spawn = level.spawns["player_start"]
    assert level.street_at(spawn.x, spawn.y) == "Hill St"
    roads = level.roads
    edge, t = roads.nearest_edge(spawn.x, spawn.y)
    src, dst = roads.node_xy[roads.edge_src[edge[0]]], roads.node_xy[roads.edge_dst[edge[0]]]
    on_lane = src + t[0] * (dst - src)
    assert np.hypot(*(on_lane - (spawn.x, spawn.y))) < 1.0  # on a lane's centre line
    turn = (roads.edge_heading[edge[0]] - spawn.heading + np.pi) % (2 * np.pi) - np.pi
    assert abs(turn) < np.radians(5)  # facing the lane's direction, not against it
    ahead = np.arange(0.0, 60.0, 1.0)  # holding throttle: 60 m of street, no wall
    xs = spawn.x + ahead * np.cos(spawn.heading)
    ys = spawn.y + ahead * np.sin(spawn.heading)
    rows, cols = level.terrain.cells_of(xs, ys)
    assert not level.terrain.solid[rows, cols].any()
