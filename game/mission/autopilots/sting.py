"""The Sting's autopilot: the Five Minutes driver, who outwits the Detective after the bank.

Until the crew is back in the car (or the window has closed) it is
:class:`game.mission.autopilot.Autopilot`: the pick-up, the bank's lot, the window. Then,
while the Detective has him, it plays the outwitting line: it picks a dark pocket of the
map (:func:`game.level.zones.shadow_pockets`) far off the way the Detective predicts and
clear of his roadblocks (:func:`hideout_for`), drives there hard and through red lights
(the Detective obeys them, so the line of sight breaks), turns the lights off in the dark
and stands still until his search lapses. Once he has lost him, or while the police
chase him, it is the Five Minutes driver again (it hides from a pursuit, then makes for
the drop). Same control row as the keys, nothing teleported.
"""

from __future__ import annotations

import numpy as np

from game.ai.driver import Senses
from game.ai.routes import RouteFollower
from game.ai.steering import hold_still
from game.level.zones import cell_flag, shadow_pockets
from game.mission.autopilot import DECIDE_EVERY, GETAWAY_STYLE, HIDDEN_M, Autopilot
from game.mission.runtime import MissionRuntime
from game.mission.sting import Sting
from game.mission.window import WindowPhase
from game.sim.controls import LIGHTS

OFF_HIS_WAY_M = 140.0  #: the pocket lies at least this far from his way and his blocks
LEAVE_M = 150.0  #: ...and at least this far from where the Driver is (the line must break)
ROUTE_WEIGHT = 0.35  #: metres of distance from his way worth a metre nearer the Driver


def hideout_for(pockets: list[tuple[float, float]], car: tuple[float, float],
                avoid: np.ndarray) -> tuple[float, float] | None:
    """The pocket (of ``pockets``, metres) to hide in from the car: of those at least
    LEAVE_M away (the line of sight must break on the way), the nearest that lies at
    least OFF_HIS_WAY_M from every point of ``avoid`` ((K, 2): his predicted way and his
    roadblocks); with none so clear, the one whose clearance less ROUTE_WEIGHT times its
    distance is best. None for a map without pockets."""
    if not pockets:
        return None
    xy = np.array(pockets, dtype=float)
    own = np.hypot(xy[:, 0] - car[0], xy[:, 1] - car[1])
    if avoid.size:
        clear = np.hypot(xy[:, None, 0] - avoid[None, :, 0],
                         xy[:, None, 1] - avoid[None, :, 1]).min(axis=1)
    else:
        clear = np.full(len(xy), np.inf)
    far = own >= LEAVE_M
    good = far & (clear >= OFF_HIS_WAY_M)
    if good.any():
        k = int(np.argmin(np.where(good, own, np.inf)))
    else:
        k = int(np.argmax(np.where(far, clear - ROUTE_WEIGHT * own, -np.inf)))
    return float(xy[k, 0]), float(xy[k, 1])


class StingAutopilot:
    """Drives the Driver's car through the Sting (the module docstring)."""

    def __init__(self, runtime: MissionRuntime) -> None:
        self.runtime = runtime
        self.base = Autopilot(runtime)
        setting = runtime.session.setting
        self.planner, self.level, self.signals = setting.planner, setting.level, setting.signals
        self.pockets = shadow_pockets(self.level)
        self.hideout: tuple[float, float] | None = None  #: where it hides from him
        self.follower: RouteFollower | None = None
        self._row: np.ndarray | None = None

    def _outwitting(self) -> Sting | None:
        """The Sting, while the Detective still has him after the bank, and no pursuit."""
        rt = self.runtime
        sting = rt.mechanic
        if rt.ended is not None or not isinstance(sting, Sting) or sting.lost:
            return None
        if not rt.rule.all_back and rt.rule.phase is not WindowPhase.CLOSED:
            return None
        if rt.heat.pursuit or rt.session.law.lookout is not None:
            return None  # the police first: the Five Minutes driver hides from them
        return sting

    def drive(self, senses: Senses, controls: np.ndarray) -> None:
        sting = self._outwitting()
        if sting is None:
            self.follower = None
            self.base.drive(senses, controls)
            return
        world, player = senses.world, senses.player
        if self._row is None or world.tick % DECIDE_EVERY == 0:
            self._row = self._outwit(world, player, sting)
        controls[player] = self._row

    def _outwit(self, world, player: int, sting: Sting) -> np.ndarray:
        car = (float(world.x[player]), float(world.y[player]))
        if self.hideout is None:
            self.hideout = hideout_for(self.pockets, car, self._his_ways(sting))
            if self.hideout is None:
                return hold_still(1)[0]
            self.follower = RouteFollower(self.planner, player, *self.hideout,
                                          self.level.terrain, self.signals, style=GETAWAY_STYLE)
        dark = cell_flag(self.level.shadow, self.level.terrain.cell_size, *car)
        there = np.hypot(self.hideout[0] - car[0], self.hideout[1] - car[1]) < HIDDEN_M
        if dark and there:
            row = hold_still(1)[0]
        else:
            assert self.follower is not None
            row = np.array(self.follower.controls(world, world.time, world.dt * DECIDE_EVERY))
        row[LIGHTS] = 0.0 if dark else 1.0
        return row

    @staticmethod
    def _his_ways(sting: Sting) -> np.ndarray:
        """Points of the way the Detective predicts and of his roadblocks."""
        detective = sting.detective()
        points = [detective.route] if detective is not None and detective.route.size else []
        blocks = [b.site for b in sting.runtime.session.police.roadblocks]
        if blocks:
            points.append(np.array(blocks, dtype=float))
        return np.concatenate(points) if points else np.zeros((0, 2))
