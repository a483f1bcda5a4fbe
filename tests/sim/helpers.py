"""Small worlds and drivers shared by the simulation tests."""

from __future__ import annotations

import numpy as np

from game.sim import World
from game.sim.controls import N_DRIVE, empty_controls
from game.sim.terrain import Surface, Terrain


def straight(surface: Surface = Surface.ASPHALT, cols: int = 2000, rows: int = 12) -> Terrain:
    """A long walled strip of one surface, cars drive east along y = 24 m."""
    terrain = Terrain.open_box(cols, rows)
    terrain.surface[:] = surface
    return terrain


def open_square(cells: int = 200) -> Terrain:
    return Terrain.open_box(cells, cells)


def hold(world: World, seconds: float, **columns: float) -> np.ndarray:
    """Step ``world`` for ``seconds`` with fixed controls; return the controls used."""
    controls = controls_for(world.n, **columns)
    for _ in range(round(seconds / world.dt)):
        world.step(controls)
    return controls


def controls_for(n: int, throttle=0.0, brake=0.0, steer=0.0, handbrake=0.0) -> np.ndarray:
    controls = empty_controls(n)
    controls[:, :N_DRIVE] = [throttle, brake, steer, handbrake]
    return controls
