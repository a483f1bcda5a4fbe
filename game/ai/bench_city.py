"""The ``city`` benchmark scenario: N civilian cars driving downtown under traffic control.

``python -m game bench --scenario city --cars 200,1000`` calls :func:`build`; the bench
times ``World.step`` while :class:`TrafficController` writes the controls each tick
(lanes, lights, right of way, gaps), so the cars collide, queue and turn the way they
do in the game. Run this module directly to time the controller itself as well::

    python -m game.ai.bench_city 1000
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

from game.ai.signals import Signals
from game.ai.traffic import TrafficController, spawn_on_lanes
from game.level import load_level
from game.sim import VehicleClass, World
from game.sim.controls import empty_controls

DOWNTOWN = Path(__file__).resolve().parents[2] / "levels" / "maps" / "downtown.tmx"

#: class -> share of the civilian fleet
FLEET_MIX = {
    VehicleClass.SEDAN: 0.5,
    VehicleClass.TAXI: 0.15,
    VehicleClass.VAN: 0.15,
    VehicleClass.MUSCLE: 0.1,
    VehicleClass.POLICE: 0.1,
}
START_SPEED_MS = 6.0  #: cars start rolling, as traffic already under way


def build(cars: int, seed: int) -> tuple[World, Callable[[World, int], np.ndarray]]:
    """A downtown world with ``cars`` traffic cars and the function that drives them."""
    level = load_level(DOWNTOWN)
    world = World(level.terrain, seed=seed)
    rng = np.random.default_rng(seed)
    x, y, heading = spawn_on_lanes(level.roads, rng, cars)
    classes = rng.choice(list(FLEET_MIX), size=x.size, p=list(FLEET_MIX.values()))
    vehicles = world.spawn(classes, x, y, heading, START_SPEED_MS)
    controller = TrafficController(level.roads, vehicles, seed, signals=Signals(level.roads))
    controls = empty_controls(world.n)

    def control_fn(world: World, tick: int) -> np.ndarray:
        controls[controller.vehicles] = controller.controls(world, world.time)
        return controls

    control_fn.controller = controller  # for measurements beyond the bench
    return world, control_fn


def main(argv: list[str]) -> int:
    """Time decide + step for a few counts of cars; print one line per count."""
    counts = [int(a) for a in argv] or [200, 1000]
    for cars in counts:
        world, control_fn = build(cars, seed=0)
        steps = 600
        decide = step = 0.0
        collisions = 0
        for tick in range(steps):
            started = time.perf_counter()
            controls = control_fn(world, tick)
            middle = time.perf_counter()
            events = world.step(controls)
            step += time.perf_counter() - middle
            decide += middle - started
            collisions += int((events.collisions.b >= 0).sum())
        controller = control_fn.controller
        print(
            f"cars={world.n} sim_s={steps * world.dt:.0f} decide_ms={decide / steps * 1e3:.3f} "
            f"step_ms={step / steps * 1e3:.3f} mean_speed={world.speed.mean():.1f} "
            f"car_contacts={collisions} recycled={controller.recycled}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
