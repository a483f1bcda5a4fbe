"""Zone membership for many points at once: one grid lookup instead of polygon tests.

Every map cell gets a bit mask of the mission's zones whose polygon contains the cell's
centre (built once, vectorised over cells). Membership of any number of cars is then a
single indexed read. Resolution is one 4 m cell, the grain zones are drawn on.
"""

from __future__ import annotations

import numpy as np

from game.level.model import Level

MAX_ZONES = 64  #: bits in a mask


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
