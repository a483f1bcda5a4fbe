"""Hostile chasers: the car that waited in the pawn-shop lot.

Unlike the police a chaser does not need to see the Driver to know where he is (it was
waiting for him; breaking line of sight does not shake it): it routes to where he is
now, drives straight at him when the way is clear, and at close range pushes the rear
corner of his car on its own side (a PIT manoeuvre) to spin him off the road. Only
out-driving it shakes it: once the Driver has been farther than ``lose_range_m`` for
``lose_after_s`` seconds the chaser gives up (``lost``), and a wreck stops it for good.

:class:`ChaserController` is the ``chaser`` fleet of a session (all chasers hunt
together; a newcomer joins the pack).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from game.ai.perception import line_of_sight
from game.ai.pursuit import Pursuer, PursuitParams
from game.ai.routes import RoutePlanner
from game.ai.steering import hold_still
from game.sim.terrain import Terrain

if TYPE_CHECKING:
    from game.ai.driver import Senses, Setting

CHASER_PARAMS = PursuitParams(direct_range_m=80.0, ram_range_m=16.0, ram_extra_ms=5.0)


class ChaserController:
    """Drives cars ``units`` after world vehicle ``target`` (see the module docstring)."""

    role = "chaser"
    sight = None  #: chasers need no sight of him: they were waiting for him

    def __init__(
        self,
        planner: RoutePlanner,
        terrain: Terrain,
        units: np.ndarray,
        params: PursuitParams = CHASER_PARAMS,
        lose_range_m: float = 350.0,
        lose_after_s: float = 10.0,
    ):
        self.planner = planner
        self.terrain = terrain
        self.params = params
        self.units = np.asarray(units, dtype=np.intp)
        self.pursuer = Pursuer(planner, terrain, self.units, params, side_ram=True)
        self.lose_range_m = lose_range_m
        self.lose_after_s = lose_after_s
        self.lost = False  #: the Driver got away; the chasers stop
        self._far_s = 0.0

    @classmethod
    def in_setting(cls, setting: Setting) -> ChaserController:
        return cls(setting.planner, setting.level.terrain, np.zeros(0, dtype=np.intp))

    @property
    def rows(self) -> np.ndarray:
        return self.units

    def add(self, rows: np.ndarray) -> None:
        """A newcomer joins the hunt (the pack re-forms round it)."""
        self.units = np.append(self.units, np.asarray(rows, dtype=np.intp))
        self.pursuer = Pursuer(self.planner, self.terrain, self.units, self.params, side_ram=True)

    def drive(self, senses: Senses, controls: np.ndarray) -> None:
        if self.units.size and senses.player >= 0:
            controls[self.units] = self.controls(senses.world, senses.player, senses.time)

    def controls(self, world, target: int, time: float) -> np.ndarray:
        """Control rows (len(units), N_CONTROLS), in the order of ``units``; every tick."""
        u = self.units
        tx, ty = float(world.x[target]), float(world.y[target])
        distance = np.hypot(world.x[u] - tx, world.y[u] - ty)
        active = ~world.wrecked[u]
        nearest = float(distance[active].min()) if active.any() else np.inf
        self._far_s = self._far_s + world.dt if nearest > self.lose_range_m else 0.0
        self.lost |= self._far_s > self.lose_after_s
        if self.lost:
            return hold_still(u.size)
        in_sight = line_of_sight(self.terrain, world.x[u], world.y[u], tx, ty)
        return self.pursuer.controls(world, (tx, ty), target, in_sight, time)
