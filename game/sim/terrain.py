"""Terrain: the static grids physics needs (solid cells and surface kinds).

Coordinates are SI: metres, x east, y south (the same way as Tiled and the screen),
headings in radians with 0 pointing east and positive turning clockwise on screen.
A cell is ``cell_size`` metres square (a 32 px Tiled tile is 4 m); cell (row, col)
covers x in [col*cell, (col+1)*cell) and y in [row*cell, (row+1)*cell).
Everything outside the grid counts as solid.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum

import numpy as np

from game.sim.fastmath import clamp

CELL_SIZE_M = 4.0  #: metres per map cell (one 32 px tile)


class Surface(IntEnum):
    """What the ground is made of; scales tyre grip and rolling resistance."""

    ASPHALT = 0
    CONCRETE = 1
    DIRT = 2
    SAND = 3
    GRASS = 4
    WATER = 5


SURFACE_NAMES: dict[str, Surface] = {s.name.lower(): s for s in Surface}


@dataclass(frozen=True)
class Terrain:
    """Solid and surface grids, both shaped (rows, cols)."""

    solid: np.ndarray  #: bool (rows, cols): True where a car cannot be (buildings, walls)
    surface: np.ndarray  #: uint8 (rows, cols): a :class:`Surface` per cell
    cell_size: float = CELL_SIZE_M  #: metres per cell

    def __post_init__(self) -> None:
        if self.solid.shape != self.surface.shape:
            raise ValueError(
                f"solid grid {self.solid.shape} and surface grid {self.surface.shape} differ"
            )

    @property
    def shape(self) -> tuple[int, int]:
        return self.solid.shape

    @property
    def size_m(self) -> tuple[float, float]:
        """(width, height) of the map in metres."""
        rows, cols = self.solid.shape
        return cols * self.cell_size, rows * self.cell_size

    @classmethod
    def open_box(cls, cols: int, rows: int, cell_size: float = CELL_SIZE_M) -> Terrain:
        """An asphalt square with a one-cell wall all round (tests and the arena bench)."""
        solid = np.zeros((rows, cols), dtype=bool)
        solid[0, :] = solid[-1, :] = solid[:, 0] = solid[:, -1] = True
        surface = np.full((rows, cols), Surface.ASPHALT, dtype=np.uint8)
        return cls(solid=solid, surface=surface, cell_size=cell_size)

    def cells_of(self, x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(row, col) integer indices of points in metres, unclipped."""
        return (
            np.floor(np.asarray(y) / self.cell_size).astype(np.intp),
            np.floor(np.asarray(x) / self.cell_size).astype(np.intp),
        )

    def is_solid(self, x: np.ndarray, y: np.ndarray) -> np.ndarray:
        """True for points inside a solid cell or outside the map."""
        row, col = self.cells_of(x, y)
        rows, cols = self.solid.shape
        inside = (row >= 0) & (row < rows) & (col >= 0) & (col < cols)
        result = np.ones(np.shape(row), dtype=bool)
        result[inside] = self.solid[row[inside], col[inside]]
        return result

    def surface_at(self, x: np.ndarray, y: np.ndarray) -> np.ndarray:
        """Surface kind under points; points outside the map read the nearest edge cell."""
        row, col = self.cells_of(x, y)
        rows, cols = self.surface.shape
        row = clamp(row, 0, rows - 1)
        col = clamp(col, 0, cols - 1)
        return self.surface[row, col]


#: tyre grip multiplier per Surface (index by surface value): wet-ish concrete to flooded road
SURFACE_GRIP = np.array([1.0, 0.95, 0.65, 0.45, 0.55, 0.25])
#: rolling-resistance multiplier per Surface: soft ground drags at the tyres
SURFACE_ROLLING = np.array([1.0, 1.1, 4.0, 18.0, 6.0, 30.0])
