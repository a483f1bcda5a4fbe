"""The Pawn Shop's autopilot: the Five Minutes driver, who also out-drives a chaser.

Until the waiting car comes after him, and again once it is shaken, it is
:class:`game.mission.autopilot.Autopilot` (pick-up, the lot, the window, hiding from the
police, then the motel). While a chaser hunts him it does what the job asks: get clear
and stay clear. It drives the road graph flat out (through red lights) to a point
chosen to be far from the chaser and not too far from him (:func:`flee_point`),
choosing a new one when it gets there or every :data:`REPICK_S`, so it keeps running
away from wherever the chaser is. Same control row as the keys, nothing teleported.
"""

from __future__ import annotations

import numpy as np

from game.ai.chasers import ChaserController
from game.ai.driver import Senses
from game.ai.routes import RouteFollower
from game.mission.autopilot import DECIDE_EVERY, GETAWAY_STYLE, Autopilot
from game.mission.runtime import MissionRuntime
from game.sim.controls import LIGHTS

REPICK_S = 6.0  #: seconds before it chooses a new point to run to
ARRIVED_M = 40.0  #: this near the point, it chooses the next
NEAREST_M, FARTHEST_M = 150.0, 450.0  #: how far from the car the points it runs to are
TOWARDS_WEIGHT = 0.6  #: metres of its own way there worth a metre farther from the chaser


def flee_point(nodes: np.ndarray, car: tuple[float, float],
               chasers: np.ndarray) -> tuple[float, float]:
    """The road-graph node (nodes (K, 2), metres) to run to: in the ring NEAREST_M to
    FARTHEST_M from the car (all nodes when none is), the one whose distance from the
    nearest chaser (chasers (M, 2)) less TOWARDS_WEIGHT times the way to it is greatest."""
    own = np.hypot(nodes[:, 0] - car[0], nodes[:, 1] - car[1])
    ring = (own > NEAREST_M) & (own < FARTHEST_M)
    pick = nodes[ring] if ring.any() else nodes
    own = own[ring] if ring.any() else own
    away = np.hypot(pick[:, None, 0] - chasers[None, :, 0],
                    pick[:, None, 1] - chasers[None, :, 1]).min(axis=1)
    best = int(np.argmax(away - TOWARDS_WEIGHT * own))
    return float(pick[best, 0]), float(pick[best, 1])


class PawnShopAutopilot:
    """Drives the Driver's car through the Pawn Shop (the module docstring)."""

    def __init__(self, runtime: MissionRuntime) -> None:
        self.runtime = runtime
        self.base = Autopilot(runtime)
        setting = runtime.session.setting
        self.planner, self.level, self.signals = setting.planner, setting.level, setting.signals
        self.follower: RouteFollower | None = None
        self.picked_at = -np.inf  #: sim time the present point was chosen
        self._row: np.ndarray | None = None

    def _chasers(self) -> ChaserController | None:
        fleet = self.runtime.session.fleets.get("chaser")
        if isinstance(fleet, ChaserController) and fleet.hunting and \
                not fleet.shaken(self.runtime.session.world):
            return fleet
        return None

    def drive(self, senses: Senses, controls: np.ndarray) -> None:
        pack = self._chasers() if self.runtime.ended is None else None
        if pack is None:
            self.follower = None
            self.base.drive(senses, controls)
            return
        world, player = senses.world, senses.player
        if self._row is None or world.tick % DECIDE_EVERY == 0:
            self._row = self._flee(world, player, pack)
        controls[player] = self._row

    def _flee(self, world, player: int, pack: ChaserController) -> np.ndarray:
        car = (float(world.x[player]), float(world.y[player]))
        goal = self.follower.goal if self.follower is not None else None
        stale = world.time - self.picked_at > REPICK_S
        if goal is None or stale or np.hypot(goal[0] - car[0], goal[1] - car[1]) < ARRIVED_M:
            alive = pack.units[~world.wrecked[pack.units]]
            chasers = np.column_stack([world.x[alive], world.y[alive]])
            x, y = flee_point(self.planner.graph.node_xy, car, chasers)
            self.follower = RouteFollower(self.planner, player, x, y, self.level.terrain,
                                          self.signals, style=GETAWAY_STYLE)
            self.picked_at = world.time
        row = np.array(self.follower.controls(world, world.time, world.dt * DECIDE_EVERY))
        row[LIGHTS] = 1.0
        return row
