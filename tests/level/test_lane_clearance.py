"""Every lane of the shipped maps keeps clear of walls, so a car driving down its centre
line never scrapes one (a curve's stair-stepped median, a house built on a bend)."""

from pathlib import Path

import numpy as np

from game.level import load_level
from game.sim import VEHICLE_CLASSES

MAPS = Path(__file__).resolve().parents[2] / "levels" / "maps"
WIDEST_HALF_M = max(spec.width for spec in VEHICLE_CLASSES.values()) / 2
EDGE_M = 4.0  #: lanes run off the map's edge (outside counts as solid): not checked there


def lane_points(roads, step_m: float = 0.5) -> np.ndarray:
    """Points every ``step_m`` along every lane edge of a road graph, (K, 2) metres."""
    a, b = roads.node_xy[roads.edge_src], roads.node_xy[roads.edge_dst]
    pieces = []
    for start, end in zip(a, b, strict=True):
        count = max(2, int(np.hypot(*(end - start)) / step_m) + 1)
        pieces.append(start + (end - start) * np.linspace(0.0, 1.0, count)[:, None])
    return np.concatenate(pieces)


def wall_clearance(terrain, points: np.ndarray, reach: int = 2) -> np.ndarray:
    """Distance from each point to the nearest solid cell within ``reach`` cells."""
    size = terrain.cell_size
    rows, cols = terrain.solid.shape
    col0 = (points[:, 0] // size).astype(int)
    row0 = (points[:, 1] // size).astype(int)
    best = np.full(len(points), np.inf)
    for dr in range(-reach, reach + 1):
        for dc in range(-reach, reach + 1):
            row, col = row0 + dr, col0 + dc
            inside = (row >= 0) & (row < rows) & (col >= 0) & (col < cols)
            solid = inside.copy()
            solid[inside] = terrain.solid[row[inside], col[inside]]
            x, y = points[:, 0], points[:, 1]
            dx = np.maximum(np.maximum(col * size - x, x - (col + 1) * size), 0.0)
            dy = np.maximum(np.maximum(row * size - y, y - (row + 1) * size), 0.0)
            best = np.where(solid, np.minimum(best, np.hypot(dx, dy)), best)
    return best


def test_lanes_keep_a_car_width_from_walls():
    checked = []
    for path in sorted(MAPS.glob("*.tmx")):
        level = load_level(path)
        if len(level.roads.edge_src) == 0:
            continue  # the garage: a floor, no lanes
        points = lane_points(level.roads)
        width, height = level.terrain.size_m
        inland = ((points[:, 0] > EDGE_M) & (points[:, 1] > EDGE_M)
                  & (points[:, 0] < width - EDGE_M) & (points[:, 1] < height - EDGE_M))
        clearance = wall_clearance(level.terrain, points[inland])
        worst = int(np.argmin(clearance))
        where = points[inland][worst] / level.terrain.cell_size
        assert clearance[worst] > WIDEST_HALF_M + 0.2, \
            f"{path.name}: the lane at tile {where} passes {clearance[worst]:.2f} m from a wall"
        checked.append(path.stem)
    assert {"downtown", "pch", "speedway"} <= set(checked)
