"""The ``city`` benchmark scenario: N cars downtown, civilian traffic and police patrols.

``python -m game bench --scenario city --cars 200,1000`` calls :func:`build`; the bench
times ``World.step`` apart from the drivers' work, which is the session's own sense and
decide phases: every police unit looks for a "Driver" (one of the traffic cars, so the
sight lines are real) a few times a second, traffic keeps its lanes, lights, right of
way and gaps, and the patrols cruise. The world is built in one go (one ``spawn``), the
way a session builds its traffic. The bench prints both (``controls_ms`` is the decide
phase)::

    python -m game bench --scenario city --cars 1000
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import numpy as np

from game import resources
from game.ai.traffic import TrafficController, spawn_on_lanes
from game.level import load_level
from game.session.drive import DriveSession
from game.sim import VehicleClass, World
from game.sim.controls import idle_controls

DOWNTOWN = resources.shipped_map("downtown")

#: class -> share of the civilian fleet
FLEET_MIX = {
    VehicleClass.SEDAN: 0.55,
    VehicleClass.TAXI: 0.15,
    VehicleClass.VAN: 0.15,
    VehicleClass.MUSCLE: 0.15,
}
PATROL_SHARE = 0.05  #: the share of the cars that are police patrols
START_SPEED_MS = 6.0  #: cars start rolling, as traffic already under way


def build(cars: int, seed: int) -> tuple[World, Callable[[World, int], np.ndarray]]:
    """A downtown world with ``cars`` cars (traffic and patrols) and the function that
    runs the session's sense and decide phases for them, returning the control rows."""
    level = load_level(DOWNTOWN)
    session = DriveSession(level, seed=seed)
    rng = np.random.default_rng(seed)
    x, y, heading = spawn_on_lanes(level.roads, rng, cars,
                                   geometry=session.setting.planner.geometry)
    patrols = int(round(x.size * PATROL_SHARE))
    classes = rng.choice(list(FLEET_MIX), size=x.size, p=list(FLEET_MIX.values()))
    classes[:patrols] = VehicleClass.POLICE
    rows = session.spawn_many(classes, x, y, heading, START_SPEED_MS)
    session.join_police(rows[:patrols])
    traffic = session.join("traffic", rows[patrols:], TrafficController.in_setting)
    session.player = int(rows[-1])  # someone to look out for: a civilian, driven as traffic

    def control_fn(world: World, tick: int) -> np.ndarray:
        # no camera: traffic is not recycled round a viewer, the whole city drives
        senses = replace(session.sense(), focus=None)
        controls = idle_controls(world.n)
        for fleet in session.fleets.values():
            fleet.drive(senses, controls)
        return controls

    control_fn.controller = traffic  # for measurements beyond the bench
    control_fn.session = session
    return session.world, control_fn
