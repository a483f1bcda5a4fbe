"""Zone membership for many points at once: one grid lookup instead of polygon tests.

Every map cell gets a bit mask of the mission's zones whose polygon contains the cell's
centre (built once, vectorised over cells). Membership of any number of cars is then a
single indexed read. Resolution is one 4 m cell, the grain zones are drawn on.
"""

from __future__ import annotations

import numpy as np

from game.level.model import Level

MAX_ZONES = 64  #: bits in a mask
POCKET_LANE_REACH_M = 40.0  #: a hiding place's depth counts lanes up to this far


def cell_flag(grid: np.ndarray, cell_size: float, x: float, y: float) -> bool:
    """One point's value in a per-cell bool grid (False outside it): the player, per tick."""
    row, col = int(y // cell_size), int(x // cell_size)
    rows, cols = grid.shape
    return 0 <= row < rows and 0 <= col < cols and bool(grid[row, col])


class ZoneGrid:
    """Bit masks of named zones per map cell."""

    def __init__(self, level: Level, names: list[str]) -> None:
        if len(names) > MAX_ZONES:
            raise ValueError(f"at most {MAX_ZONES} zones per mission, not {len(names)}")
        self.level = level
        self.names = list(names)
        self.bit = {name: np.uint64(1) << np.uint64(i) for i, name in enumerate(self.names)}
        rows, cols = level.terrain.shape
        size = level.terrain.cell_size
        cx, cy = np.meshgrid((np.arange(cols) + 0.5) * size, (np.arange(rows) + 0.5) * size)
        self.mask = np.zeros((rows, cols), dtype=np.uint64)
        for name in self.names:
            inside = level.zones[name].contains(cx, cy)
            self.mask[inside] |= self.bit[name]

    def masks(self, x: np.ndarray, y: np.ndarray) -> np.ndarray:
        """The zone mask under each point (0 outside the map)."""
        row, col = self.level.terrain.cells_of(np.atleast_1d(x), np.atleast_1d(y))
        rows, cols = self.mask.shape
        inside = (row >= 0) & (row < rows) & (col >= 0) & (col < cols)
        out = np.zeros(row.shape, dtype=np.uint64)
        out[inside] = self.mask[row[inside], col[inside]]
        return out

    def mask_at(self, x: float, y: float) -> int:
        """The zone mask under one point (a scalar path: the player's car, every tick)."""
        size = self.level.terrain.cell_size
        row, col = int(y // size), int(x // size)
        rows, cols = self.mask.shape
        return int(self.mask[row, col]) if 0 <= row < rows and 0 <= col < cols else 0

    def inside(self, name: str, x: np.ndarray, y: np.ndarray) -> np.ndarray:
        """True for each point inside zone ``name``."""
        return (self.masks(x, y) & self.bit[name]) != 0

    def names_in(self, mask: int | np.uint64) -> frozenset[str]:
        """The zone names a mask holds."""
        return frozenset(n for n in self.names if int(mask) & int(self.bit[n]))


def shadow_pockets(level: Level, min_cells: int = 24) -> list[tuple[float, float]]:
    """Where a car can hide: each patch of connected open shadow cells of at least
    ``min_cells``, as the point of it farthest from every lane (metres), biggest first.

    A patch is found by flood fill over the shadow grid (4-connected, solid cells left
    out); the point is the patch's cell centre with the greatest distance to the nearest
    lane edge, so the car stands as deep in the dark as the patch allows.
    """
    terrain, roads = level.terrain, level.roads
    open_shadow = level.shadow & ~terrain.solid
    rows, cols = open_shadow.shape
    label = np.zeros(open_shadow.shape, dtype=np.int32)
    patches: list[np.ndarray] = []
    for start in zip(*np.nonzero(open_shadow), strict=True):
        if label[start]:
            continue
        label[start] = len(patches) + 1
        stack, cells = [start], []
        while stack:  # built once per level; a few thousand cells at most
            r, c = stack.pop()
            cells.append((r, c))
            for nr, nc in ((r + 1, c), (r - 1, c), (r, c + 1), (r, c - 1)):
                if 0 <= nr < rows and 0 <= nc < cols and open_shadow[nr, nc] \
                        and not label[nr, nc]:
                    label[nr, nc] = len(patches) + 1
                    stack.append((nr, nc))
        patches.append(np.array(cells))
    size = terrain.cell_size
    a, b = roads.node_xy[roads.edge_src], roads.node_xy[roads.edge_dst]
    d = b - a
    length_sq = np.maximum((d * d).sum(axis=1), 1e-9)
    points = []
    for cells in sorted((p for p in patches if len(p) >= min_cells), key=len, reverse=True):
        cx, cy = (cells[:, 1] + 0.5) * size, (cells[:, 0] + 0.5) * size
        reach = POCKET_LANE_REACH_M  # lanes farther than this from the patch do not matter
        near = ((np.minimum(a[:, 0], b[:, 0]) <= cx.max() + reach)
                & (np.maximum(a[:, 0], b[:, 0]) >= cx.min() - reach)
                & (np.minimum(a[:, 1], b[:, 1]) <= cy.max() + reach)
                & (np.maximum(a[:, 1], b[:, 1]) >= cy.min() - reach))
        best = len(cells) // 2
        if near.any():
            ea, ed, el = a[near], d[near], length_sq[near]
            px, py = cx[:, None] - ea[:, 0], cy[:, None] - ea[:, 1]
            t = np.clip((px * ed[:, 0] + py * ed[:, 1]) / el, 0.0, 1.0)
            away = np.minimum(np.hypot(px - t * ed[:, 0], py - t * ed[:, 1]).min(axis=1), reach)
            best = int(np.argmax(away))
        points.append((float(cx[best]), float(cy[best])))
    return points
