"""Hostile chasers: the car that waited in the pawn-shop lot.

A chaser pack has two modes, both whole-pack:

- **waiting** (after :meth:`ChaserController.send`): it drives the road graph towards a
  point (the lot), the last :data:`PULL_IN_M` straight in off the road, pulls up
  :data:`WAIT_M` short of it (the Driver's car may stand on it) with its lights on, where
  he can see it, and waits;
- **hunting** (from the start, or after :meth:`ChaserController.hunt`): unlike the police
  a chaser does not need to see the Driver to know where he is (it was waiting for him;
  breaking line of sight does not shake it): it routes to where he is now, drives
  straight at him when the way is clear, and at close range pushes the rear corner of
  his car on its own side (a PIT manoeuvre) or rams his flank to spin him off the road.

Only out-driving it shakes it: once the Driver has been farther than ``lose_range_m``
from every chaser that still runs for ``lose_after_s`` seconds without a break, the pack
gives up (``lost``); a wreck stops a chaser for good, and a pack all wrecked is
``shaken`` too. :attr:`ChaserController.gap_held_s` is how long the present gap has held
(the job's gauge shows it).

A chaser that gets him stopped wins: :attr:`ChaserController.pinning` says a running
chaser is against the Driver's car (within :data:`PIN_RANGE_M`, centre to centre) while
he is slower than :data:`PIN_BELOW_MS`, from :data:`PIN_GRACE_S` into the hunt; the job's
``pinned`` trigger counts how long that holds (a Driver who sits still with a chaser's
nose in his door has been caught, and a job without that rule would never end).

:class:`ChaserController` is the ``chaser`` fleet of a session (all chasers hunt
together; a newcomer joins the pack).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from game.ai.perception import line_of_sight
from game.ai.pursuit import Pursuer, PursuitParams
from game.ai.routes import RoutePlanner
from game.ai.steering import hold_still, pull_in
from game.sim.controls import LIGHTS
from game.sim.terrain import Terrain

if TYPE_CHECKING:
    from game.ai.driver import Senses, Setting

#: rams from the first second (it has waited long enough), harder than a patrol
CHASER_PARAMS = PursuitParams(direct_range_m=80.0, ram_range_m=16.0, ram_extra_ms=5.0)
LOSE_RANGE_M = 170.0  #: the gap (metres to the nearest running chaser) that shakes it...
LOSE_AFTER_S = 7.0  #: ...held this many seconds without a break
PULL_IN_M = 60.0  #: sent somewhere, it drives straight in over the last metres...
WAIT_M = 13.0  #: ...and waits this far short of the point (the Driver may be parked on it)
PIN_RANGE_M = 6.5  #: a chaser this near the Driver (centre to centre) is against his car...
PIN_BELOW_MS = 1.5  #: ...and he is pinned while he is slower than this (m/s)
#: seconds into a hunt before a pin counts: a chaser let loose beside the parked Driver
#: (spawned in the lot he waits in) gives him this long to pull out first
PIN_GRACE_S = 3.0


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
        lose_range_m: float = LOSE_RANGE_M,
        lose_after_s: float = LOSE_AFTER_S,
    ):
        self.planner = planner
        self.terrain = terrain
        self.params = params
        self.units = np.asarray(units, dtype=np.intp)
        self.pursuer = Pursuer(planner, terrain, self.units, params, side_ram=True)
        self.lose_range_m = lose_range_m
        self.lose_after_s = lose_after_s
        self.lost = False  #: the Driver got away; the chasers stop
        self.hunting = True  #: False while the pack waits at ``wait_point``
        self.wait_point: tuple[float, float] | None = None  #: metres, where it waits
        self.gap_held_s = 0.0  #: seconds the Driver has been beyond lose_range_m
        self.nearest_m = float("inf")  #: metres from the Driver to the nearest running chaser
        self.pinning = False  #: this tick a running chaser is against the stopped Driver
        self.hunted_s = 0.0  #: sim seconds since the pack last began hunting (or re-formed)

    @classmethod
    def in_setting(cls, setting: Setting) -> ChaserController:
        return cls(setting.planner, setting.level.terrain, np.zeros(0, dtype=np.intp))

    @property
    def rows(self) -> np.ndarray:
        return self.units

    def add(self, rows: np.ndarray) -> None:
        """A newcomer joins the pack (which re-forms round it, in the pack's mode)."""
        self.units = np.append(self.units, np.asarray(rows, dtype=np.intp))
        self.hunted_s = 0.0
        self.pursuer = Pursuer(self.planner, self.terrain, self.units, self.params, side_ram=True)

    def send(self, x: float, y: float) -> None:
        """Drive to (x, y) and wait there, lights on, until :meth:`hunt`."""
        self.hunting = False
        self.wait_point = (float(x), float(y))
        self.pursuer.reset()

    def hunt(self) -> None:
        """Go for the Driver (the chase starts now: the gap is counted from here)."""
        self.hunting = True
        self.gap_held_s = 0.0
        self.hunted_s = 0.0
        self.pursuer.reset()

    def shaken(self, world) -> bool:
        """The Driver is rid of the pack: it gave up, or every chaser is wrecked."""
        return self.lost or bool(self.units.size and world.wrecked[self.units].all())

    def drive(self, senses: Senses, controls: np.ndarray) -> None:
        if self.units.size and senses.player >= 0:
            controls[self.units] = self.controls(senses.world, senses.player, senses.time)

    def controls(self, world, target: int, time: float) -> np.ndarray:
        """Control rows (len(units), N_CONTROLS), in the order of ``units``; every tick."""
        u = self.units
        tx, ty = float(world.x[target]), float(world.y[target])
        if not self.hunting:
            goal = self.wait_point if self.wait_point is not None else (tx, ty)
            blind = np.zeros(u.size, dtype=bool)  # waiting: it drives there, eyes on nothing
            rows = self.pursuer.controls(world, goal, target, blind, time)
            rows = pull_in(world, u, rows, goal, PULL_IN_M, WAIT_M)  # into the lot, not by it
            rows[:, LIGHTS] = 1.0
            return rows
        distance = np.hypot(world.x[u] - tx, world.y[u] - ty)
        active = ~world.wrecked[u]
        self.nearest_m = float(distance[active].min()) if active.any() else np.inf
        far = self.nearest_m > self.lose_range_m
        self.gap_held_s = self.gap_held_s + world.dt if far else 0.0
        self.lost |= self.gap_held_s > self.lose_after_s
        self.hunted_s += world.dt
        slow = float(np.hypot(world.vx[target], world.vy[target])) < PIN_BELOW_MS
        counts = self.hunted_s >= PIN_GRACE_S and not self.lost
        self.pinning = counts and slow and self.nearest_m < PIN_RANGE_M
        if self.lost:
            return hold_still(u.size)
        in_sight = line_of_sight(self.terrain, world.x[u], world.y[u], tx, ty)
        return self.pursuer.controls(world, (tx, ty), target, in_sight, time)
