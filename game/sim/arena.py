"""The ``arena`` benchmark scenario: N cars of every class in a walled square.

Cars start on a 10 m grid at random headings; every half second the world's own
generator deals everyone new random throttle, brake and steering, so they scatter,
collide with each other and the walls, and keep doing so. Deterministic per seed.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from game.sim.controls import BRAKE, HANDBRAKE, STEER, THROTTLE, empty_controls
from game.sim.terrain import CELL_SIZE_M, Terrain
from game.sim.vehicles import VehicleClass
from game.sim.world import World

SPACING = 10.0  #: m between starting positions (about one car per 100 m^2)
MARGIN = 8.0  #: m from the inner face of the wall to the first row of cars
REDEAL_TICKS = 30  #: ticks between new random controls


def build(cars: int, seed: int) -> tuple[World, Callable[[World, int], np.ndarray]]:
    """A world of ``cars`` cars in a square arena and its random-controls driver."""
    per_row = max(int(np.ceil(np.sqrt(cars))), 1)
    side_m = (per_row - 1) * SPACING + 2 * MARGIN
    cells = int(np.ceil(side_m / CELL_SIZE_M)) + 2
    world = World(Terrain.open_box(cells, cells), seed=seed)
    rng = world.rng
    k = np.arange(cars)
    start = CELL_SIZE_M + MARGIN
    world.spawn(
        rng.integers(0, len(VehicleClass), cars),
        start + (k % per_row) * SPACING,
        start + (k // per_row) * SPACING,
        rng.uniform(-np.pi, np.pi, cars),
    )
    controls = empty_controls(cars)

    def drive(world: World, tick: int) -> np.ndarray:
        if tick % REDEAL_TICKS == 0:
            deal = world.rng.random((cars, 4))
            controls[:, THROTTLE] = deal[:, 0]
            controls[:, BRAKE] = deal[:, 1] < 0.15
            controls[:, STEER] = 2.0 * deal[:, 2] - 1.0
            controls[:, HANDBRAKE] = deal[:, 3] < 0.05
        return controls

    return world, drive
