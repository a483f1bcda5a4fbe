"""Off the road graph: a way through open ground to a point, and following a polyline.

Places (a lot, a garage with pillars, a river channel) are often off the lanes; the last
metres to them are found on the map's grid: A* over free cells, 8-connected, never
cutting the corner of a solid cell, preferring cells away from walls. The search is a
one-off per approach (a few hundred cells), not per tick.
"""

from __future__ import annotations

import heapq

import numpy as np

from game.sim.terrain import Terrain

WALL_PENALTY = 1.5  #: extra cost (in cells) of a cell touching a solid one
MAX_EXPANSIONS = 20000  #: cells the search may open before it gives up


def _near_wall(solid: np.ndarray) -> np.ndarray:
    padded = np.pad(solid, 1, constant_values=True)
    near = np.zeros_like(solid)
    rows, cols = solid.shape
    for dr in (-1, 0, 1):
        for dc in (-1, 0, 1):
            near |= padded[1 + dr : 1 + dr + rows, 1 + dc : 1 + dc + cols]
    return near


def grid_path(
    terrain: Terrain, start: tuple[float, float], goal: tuple[float, float]
) -> np.ndarray | None:
    """Waypoints (K, 2) metres from ``start`` to ``goal`` through free cells; None if none."""
    solid = terrain.solid
    rows, cols = solid.shape
    size = terrain.cell_size
    s = (int(start[1] // size), int(start[0] // size))
    g = (int(goal[1] // size), int(goal[0] // size))
    inside = [0 <= r < rows and 0 <= c < cols for r, c in (s, g)]
    if not all(inside) or solid[g]:
        return None
    near_wall = _near_wall(solid)
    came: dict[tuple[int, int], tuple[int, int]] = {}
    cost = {s: 0.0}
    heap = [(0.0, s)]
    expansions = 0
    while heap and expansions < MAX_EXPANSIONS:  # one search per approach, not per tick
        _, cell = heapq.heappop(heap)
        if cell == g:
            break
        expansions += 1
        r, c = cell
        for dr in (-1, 0, 1):
            for dc in (-1, 0, 1):
                nr, nc = r + dr, c + dc
                if (dr == dc == 0) or not (0 <= nr < rows and 0 <= nc < cols) or solid[nr, nc]:
                    continue
                if dr and dc and (solid[r, nc] or solid[nr, c]):
                    continue  # no squeezing past the corner of a solid cell
                step = (1.4142 if dr and dc else 1.0) + WALL_PENALTY * near_wall[nr, nc]
                new_cost = cost[cell] + step
                if new_cost < cost.get((nr, nc), np.inf):
                    cost[(nr, nc)] = new_cost
                    came[(nr, nc)] = cell
                    heuristic = float(np.hypot(nr - g[0], nc - g[1]))
                    heapq.heappush(heap, (new_cost + heuristic, (nr, nc)))
    if g not in came and g != s:
        return None
    cells = [g]
    while cells[-1] != s:
        cells.append(came[cells[-1]])
    cells.reverse()
    points = (np.array(cells, dtype=np.float64)[:, ::-1] + 0.5) * size
    points[0] = start
    points[-1] = goal
    return points


def polyline_target(
    path: np.ndarray, x: float, y: float, lookahead_m: float
) -> tuple[float, float, float]:
    """(target x, target y, metres left to the end) following ``path`` from near (x, y)."""
    a, b = path[:-1], path[1:]
    d = b - a
    length = np.maximum(np.hypot(d[:, 0], d[:, 1]), 1e-9)
    t = np.clip(((x - a[:, 0]) * d[:, 0] + (y - a[:, 1]) * d[:, 1]) / length**2, 0.0, 1.0)
    foot = a + d * t[:, None]
    k = int(np.argmin(np.hypot(foot[:, 0] - x, foot[:, 1] - y)))
    along = np.concatenate([[0.0], np.cumsum(length)])
    here = along[k] + t[k] * length[k]
    total = along[-1]
    wanted = min(here + lookahead_m, total)
    j = int(np.clip(np.searchsorted(along, wanted) - 1, 0, len(length) - 1))
    point = a[j] + d[j] * ((wanted - along[j]) / length[j])
    return float(point[0]), float(point[1]), float(total - here)
