"""Street names by map cell, rasterised once, so the HUD can name the street every frame
(testing a point against every street polygon each frame costs tens of milliseconds on
downtown)."""

from __future__ import annotations

import numpy as np

from game.level.model import Level, points_in_polygon


class StreetGrid:
    """Which street area covers each cell's centre (the first street listed wins)."""

    def __init__(self, level: Level) -> None:
        self.cell = level.terrain.cell_size
        self.names = tuple(street.name for street in level.streets)
        self.grid = np.full(level.terrain.shape, -1, dtype=np.int32)
        rows, cols = self.grid.shape
        for index in range(len(level.streets) - 1, -1, -1):  # earlier streets paint last
            polygon = level.streets[index].polygon
            c0, r0 = np.floor(polygon.min(axis=0) / self.cell).astype(int)
            c1, r1 = np.ceil(polygon.max(axis=0) / self.cell).astype(int)
            c0, r0, c1, r1 = max(c0, 0), max(r0, 0), min(c1, cols), min(r1, rows)
            if c0 >= c1 or r0 >= r1:
                continue
            cc, rr = np.meshgrid(np.arange(c0, c1), np.arange(r0, r1))
            inside = points_in_polygon(polygon, (cc + 0.5) * self.cell, (rr + 0.5) * self.cell)
            self.grid[rr[inside], cc[inside]] = index

    def name_at(self, x: float, y: float) -> str | None:
        row, col = int(y // self.cell), int(x // self.cell)
        if not (0 <= row < self.grid.shape[0] and 0 <= col < self.grid.shape[1]):
            return None
        index = self.grid[row, col]
        return self.names[index] if index >= 0 else None
