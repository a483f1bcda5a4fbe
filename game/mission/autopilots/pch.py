"""PCH's autopilot: tail the target out of his mirrors, then T-bone him square on.

A :class:`~game.ai.driver.Driver` for the Driver's car, through the same control row as
the keys:

- **tailing** (the target is moving and has not made him): it drives the road graph
  towards the target's car (a new route every :data:`REROUTE_S`), at the target's pace
  or a little more while farther back than :data:`TAIL_FAR_M`, and off the throttle,
  braking, inside :data:`TAIL_NEAR_M`: out of the mirrors, near enough never to lose
  him; headlights off (his mirrors see less of a dark car);
- **striking** (the target has stopped, or made him and runs): it drives to a point
  :data:`FAR_OUT_M` out from the middle of the target's flank on its own side, then to
  one :data:`LINE_UP_M` out (so it comes in square), then straight into the door at
  :data:`RAM_MS`;
- the job over: it stands still.
"""

from __future__ import annotations

import numpy as np

from game.ai.driver import Senses
from game.ai.routes import AUTOPILOT_STYLE, RouteFollower
from game.ai.steering import Chassis, drive_to, hold_still
from game.ai.target import TargetController
from game.mission.runtime import MissionRuntime
from game.sim.controls import BRAKE, LIGHTS, THROTTLE

DECIDE_EVERY = 4  #: ticks per decision (15 Hz at the 60 Hz tick)
REROUTE_S = 2.0  #: seconds between new routes towards the moving target
TAIL_NEAR_M = 95.0  #: closer than this it eases off (his mirrors reach 60 m lit)...
TAIL_FAR_M = 140.0  #: ...farther than this it closes up (he is lost beyond 250 m)
LINE_UP_M = 22.0  #: the run-up: this far out from the middle of his flank
FAR_OUT_M = 42.0  #: the line-up starts this far out from his flank
PASSED_M = 5.0  #: this near a line-up point it takes the next
RAM_MS = 17.0  #: m/s into his door (about 60 km/h)
STOPPED_MS = 1.0  #: a target slower than this stands (it waits in the lot)


class TailAutopilot:
    """Drives the Driver's car through PCH (the module docstring)."""

    def __init__(self, runtime: MissionRuntime) -> None:
        self.runtime = runtime
        setting = runtime.session.setting
        self.planner, self.terrain, self.signals = (setting.planner, setting.level.terrain,
                                                    setting.signals)
        self.follower: RouteFollower | None = None
        self.routed_at = -np.inf
        self.going_in = False  #: lined up: now straight at the door
        self.stage = 0  #: the strike: 0 far out, 1 the run-up, 2 into the door
        self._row: np.ndarray | None = None

    def _target(self) -> tuple[TargetController | None, int]:
        fleet = self.runtime.session.fleets.get("target")
        if not isinstance(fleet, TargetController) or not fleet.units.size:
            return None, -1
        return fleet, int(fleet.units[0])

    def drive(self, senses: Senses, controls: np.ndarray) -> None:
        world, player = senses.world, senses.player
        if self._row is None or world.tick % DECIDE_EVERY == 0:
            self._row = self._decide(world, player)
        controls[player] = self._row

    def _decide(self, world, player: int) -> np.ndarray:
        fleet, nino = self._target()
        if self.runtime.ended is not None or fleet is None:
            return hold_still(1)[0]
        standing = abs(float(world.vx[nino])) < STOPPED_MS and fleet.destination is not None
        if standing or bool(fleet.made[0]):
            return self._strike(world, player, nino)
        self.stage, self.going_in = 0, False
        return self._tail(world, player, nino)

    def _tail(self, world, player: int, nino: int) -> np.ndarray:
        if self.follower is None or world.time - self.routed_at > REROUTE_S:
            self.follower = RouteFollower(self.planner, player, float(world.x[nino]),
                                          float(world.y[nino]), self.terrain, self.signals,
                                          style=AUTOPILOT_STYLE)
            self.routed_at = world.time
        row = np.array(self.follower.controls(world, world.time, world.dt * DECIDE_EVERY))
        gap = float(np.hypot(world.x[nino] - world.x[player], world.y[nino] - world.y[player]))
        if gap < TAIL_NEAR_M:
            row[THROTTLE] = 0.0
            row[BRAKE] = 0.4 if gap < 0.8 * TAIL_NEAR_M and world.vx[player] > 2.0 else 0.0
        elif gap < TAIL_FAR_M:
            row[THROTTLE] = min(row[THROTTLE], 0.5)
        row[LIGHTS] = 0.0
        return row

    def _strike(self, world, player: int, nino: int) -> np.ndarray:
        """Square on to his flank, on the side the car is on: to a point FAR_OUT_M out
        from his door, then LINE_UP_M out (so the car comes in along the door's normal),
        then straight into it."""
        self.follower = None
        h = float(world.heading[nino])
        side = np.array([-np.sin(h), np.cos(h)])  # his right-hand normal
        door = np.array([world.x[nino], world.y[nino]], dtype=float)
        here = np.array([world.x[player], world.y[player]], dtype=float)
        if (here - door) @ side < 0.0:
            side = -side
        far_out, run_up = door + FAR_OUT_M * side, door + LINE_UP_M * side
        if self.stage == 0 and np.hypot(*(far_out - here)) < PASSED_M:
            self.stage = 1
        if self.stage == 1 and np.hypot(*(run_up - here)) < PASSED_M:
            self.stage = 2
        self.going_in = self.stage == 2
        aim, speed = ((far_out, 9.0), (run_up, 7.0), (door, RAM_MS))[self.stage]
        v = np.array([player])
        row = drive_to(world.x[v], world.y[v], world.heading[v], world.vx[v],
                       np.array([aim[0]]), np.array([aim[1]]), np.array([speed]),
                       Chassis.of_classes(world.vehicle_class[v]))[0]
        row[LIGHTS] = 0.0
        return row
