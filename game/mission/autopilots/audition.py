"""The audition autopilot: the garage test driven through the Driver's control row.

A list of steps, each writing the row a player's keys would (throttle, brake, steering,
handbrake) until the audition (:class:`game.mission.audition.Audition`) says its
manoeuvre is passed; a manoeuvre missed is tried again from a fresh run-up. In order:

1. the **burnout** where the car stands: throttle and brake together;
2. the **slalom**: through each gate zone's middle in turn, at ``SLALOM_MS``;
3. the **brake test**: along the line's row at up to ``BRAKE_RUN_MS``, braking on a
   profile (``BRAKE_DECEL``) that puts the front bumper on the line;
4. the **reverse 180**: reverse (brake held at a standstill) to ``J_TURN_MS``, then full
   lock off the pedals until the nose has come round, then throttle;
5. the **handbrake 180**: a run-up to ``SPIN_MS`` along the open row across the floor,
   full lock and the handbrake for ``HANDBRAKE_S``, then throttle;
6. the **360**: the same run-up, the handbrake to break the rear loose, then full lock
   and full throttle until the car has turned all the way round.

Where it drives comes from the mission's zones (the gates, the line) and the open row
``RUN_Y_M`` of the garage map; timings from the sim's handling at the player's aids.
"""

from __future__ import annotations

import math

import numpy as np

from game.ai.driver import Senses
from game.ai.steering import Chassis, drive_to, hold_still
from game.mission.audition import Audition
from game.mission.runtime import MissionRuntime
from game.sim.controls import BRAKE, HANDBRAKE, STEER, THROTTLE, idle_controls
from game.sim.vehicles import CLASS_TABLE

SLALOM_MS = 7.0  #: through the gates
BRAKE_RUN_MS = 16.0  #: the brake test's run-up (the test needs 50 km/h)
BRAKE_DECEL = 5.0  #: m/s^2 of the braking profile to the line
J_TURN_MS = 5.5  #: reversing speed before the wheel goes over
SPIN_MS = 13.0  #: run-up speed for the handbrake 180 and the 360
HANDBRAKE_S = 1.0  #: handbrake and full lock for the 180
SPIN_BREAK_S = 0.8  #: handbrake for the 360 before the throttle keeps it turning
RUN_Y_M = 108.0  #: the open row across the garage floor the spins run along
RUN_EDGE_M = 30.0  #: run-ups start this far in from the side walls
MANOEUVRE_TIMEOUT_S = 12.0  #: a try that has not worked by then is given up and redone


def _weave(gates: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """The slalom's way points: each gate's middle, and between two gates the point
    halfway (between the pillars the gates stand beside), so the car weaves rather than
    cutting across a pillar."""
    points = []
    for a, b in zip(gates, gates[1:], strict=False):
        points += [a, ((a[0] + b[0]) / 2.0, (a[1] + b[1]) / 2.0)]
    return [*points, gates[-1]] if gates else []


class AuditionAutopilot:
    """Drives an audition (module docstring)."""

    def __init__(self, runtime: MissionRuntime):
        self.runtime = runtime
        session = runtime.session
        world, player = session.world, session.player
        self.chassis = Chassis.of_classes(world.vehicle_class[[player]])
        self.half_length = float(CLASS_TABLE.length[int(world.vehicle_class[player])]) / 2.0
        terms = runtime.mission.audition
        assert terms is not None
        level = runtime.level
        self.gates = _weave([level.zones[name].centre for name in terms.slalom])
        line = level.zones[terms.brake_line].polygon if terms.brake_line else np.zeros((0, 2))
        self.line_x = float(line[:, 0].min()) if line.size else 0.0
        self.line_y = float(line[:, 1].mean()) if line.size else 0.0
        self.width_m = float(level.size_m[0])
        order = {"burnout": self._burnout, "slalom": self._slalom,
                 "brake_test": self._brake_test, "reverse_180": self._reverse_180,
                 "handbrake_180": self._handbrake_180, "spin_360": self._spin_360}
        self.steps = [name for name in order if name in terms.manoeuvres]  #: in this order
        self.drivers = order  #: manoeuvre -> the step that drives it
        self.step = 0
        self.began = 0.0  #: sim time the current try began
        self.stage = 0  #: the part of the current try (run-up, yank, drive out)
        self.stage_began = 0.0
        self.turned = 0.0  #: radians turned in this part
        self._last_heading = 0.0
        self.gate = 0
        self.run_east = True
        self.stuck_s = 0.0  #: seconds stood still while it means to drive
        self.unstick_until = -1.0  #: backing off an obstacle until this sim time

    @property
    def audition(self) -> Audition:
        mechanic = self.runtime.mechanic
        assert isinstance(mechanic, Audition)
        return mechanic

    def drive(self, senses: Senses, controls: np.ndarray) -> None:
        world, p = senses.world, senses.player
        heading = float(world.heading[p])
        self.turned += math.remainder(heading - self._last_heading, math.tau)
        self._last_heading = heading
        if self.runtime.ended is not None:
            controls[p] = hold_still(1)[0]
            return
        while self.step < len(self.steps) and self.steps[self.step] in self.audition.points:
            self._next_step(world.time)
        if self.step >= len(self.steps):
            controls[p] = hold_still(1)[0]
            return
        row = self.drivers[self.steps[self.step]](world, p, world.time)
        controls[p] = self._unstuck(world, p, row)

    def _unstuck(self, world, p: int, row: np.ndarray) -> np.ndarray:
        """Pressing on against a pillar or a wall: back off a moment, wheel the other way."""
        now = world.time
        if now < self.unstick_until:
            return self._row(brake=1.0, steer=-float(np.sign(row[STEER]) or 1.0))
        pressing = row[THROTTLE] > 0.2 and row[BRAKE] < 0.5 and float(world.speed[p]) < 0.3
        self.stuck_s = self.stuck_s + world.dt if pressing else 0.0
        if self.stuck_s > 1.5:
            self.stuck_s = 0.0
            self.unstick_until = now + 1.2
        return row

    # -- helpers -------------------------------------------------------------------
    def _next_step(self, now: float) -> None:
        self.step += 1
        self._restart(now)

    def _restart(self, now: float) -> None:
        self.began = now
        self._part(0, now)

    def _part(self, stage: int, now: float) -> None:
        self.stage, self.stage_began, self.turned = stage, now, 0.0

    def _to(self, world, p: int, x: float, y: float, speed: float) -> np.ndarray:
        row = drive_to(world.x[[p]], world.y[[p]], world.heading[[p]], world.vx[[p]],
                       np.array([x]), np.array([y]), np.array([speed]), self.chassis)
        return row[0]

    @staticmethod
    def _row(**columns: float) -> np.ndarray:
        row = idle_controls(1)[0]
        for name, value in columns.items():
            row[{"throttle": THROTTLE, "brake": BRAKE, "steer": STEER,
                 "handbrake": HANDBRAKE}[name]] = value
        return row

    # -- the manoeuvres ------------------------------------------------------------
    def _burnout(self, world, p: int, now: float) -> np.ndarray:
        return self._row(throttle=1.0, brake=1.0)

    def _slalom(self, world, p: int, now: float) -> np.ndarray:
        x, y = float(world.x[p]), float(world.y[p])
        while self.gate < len(self.gates) and (
                x > self.gates[self.gate][0] + 2.0
                or math.hypot(x - self.gates[self.gate][0], y - self.gates[self.gate][1]) < 5.0):
            self.gate += 1
        if self.gate >= len(self.gates):  # missed: round again from the start
            self.gate = 0
            return self._to(world, p, self.gates[0][0] - 30.0, RUN_Y_M, SLALOM_MS)
        gx, gy = self.gates[self.gate]
        return self._to(world, p, gx, gy, SLALOM_MS)

    def _brake_test(self, world, p: int, now: float) -> np.ndarray:
        x, speed = float(world.x[p]), float(world.speed[p])
        stop_x = self.line_x + 0.6 - self.half_length
        if self.stage == 0:  # line up well short of the line
            if x < self.line_x - 45.0 and abs(float(world.y[p]) - self.line_y) < 3.0:
                self._part(1, now)
            target = (self.line_x - 50.0, self.line_y) if x > self.line_x - 50.0 else (
                self.line_x, self.line_y)
            return self._to(world, p, *target, 6.0)
        if self.stage == 1:
            left = stop_x - x
            want = min(BRAKE_RUN_MS, math.sqrt(2.0 * BRAKE_DECEL * max(left, 0.0)))
            if speed < 0.2 and left < 3.0 and now - self.stage_began > 2.0:
                self._part(2, now)  # stopped and not passed: back off and again
            return self._to(world, p, self.line_x + 30.0, self.line_y, want)
        if now - self.stage_began > 3.0:
            self._part(0, now)
        return self._row(brake=1.0)

    def _reverse_180(self, world, p: int, now: float) -> np.ndarray:
        vx = float(world.vx[p])
        if self.stage == 0:  # reverse straight
            if vx < -J_TURN_MS:
                self._part(1, now)
            return self._row(brake=1.0)
        if self.stage == 1:  # off the pedals, full lock, until the nose is round
            if abs(self.turned) > math.radians(165) or now - self.stage_began > 3.0:
                self._part(2, now)
            return self._row(steer=1.0)
        if now - self.stage_began > 3.0:
            self._part(3, now)
        if self.stage == 3:  # missed: stop, and try again
            if abs(vx) < 0.3:
                self._part(0, now)
            return self._row(brake=1.0) if vx > 0 else self._row(throttle=0.5)
        return self._row(throttle=0.8)

    def _run_up(self, world, p: int, now: float) -> np.ndarray | None:
        """Stage 0 of a spin: onto the open row, toward its far side, up to speed once
        lined up along it; None once at speed (the next stage begins)."""
        x, y = float(world.x[p]), float(world.y[p])
        if self.stage_began == self.began and now == self.began:
            self.run_east = x < self.width_m / 2.0
        way = 1.0 if self.run_east else -1.0
        end_x = self.width_m - RUN_EDGE_M if self.run_east else RUN_EDGE_M
        if (end_x - x) * way < 25.0:  # too near the wall to get up to speed: turn back
            self.run_east = not self.run_east
            way = -way
        along = abs(math.remainder(float(world.heading[p]) - (0.0 if way > 0 else math.pi),
                                   math.tau)) < math.radians(12.0)
        lined_up = along and abs(y - RUN_Y_M) < 3.0
        if lined_up and float(world.vx[p]) > SPIN_MS:
            self._part(1, now)
            return None
        lead_x = x + way * 30.0
        return self._to(world, p, lead_x, RUN_Y_M, SPIN_MS + 2.0 if lined_up else 6.0)

    def _spin(self, world, p: int, now: float, handbrake_s: float,
              afterwards: list[tuple[float, np.ndarray]]) -> np.ndarray:
        """A spin from the run-up: full lock and the handbrake for ``handbrake_s``, then
        each (seconds, row) of ``afterwards`` in turn, then the whole try again (the
        audition moves on to the next step as soon as it is passed)."""
        if self.stage == 0:
            row = self._run_up(world, p, now)
            if row is not None:
                return row
        if self.stage == 1:
            if now - self.stage_began > handbrake_s:
                self._part(2, now)
            return self._row(steer=1.0, handbrake=1.0)
        seconds, row = afterwards[min(self.stage - 2, len(afterwards) - 1)]
        if now - self.stage_began > seconds:
            if self.stage - 2 >= len(afterwards) - 1:
                self._restart(now)
            else:
                self._part(self.stage + 1, now)
        return row

    def _handbrake_180(self, world, p: int, now: float) -> np.ndarray:
        return self._spin(world, p, now, HANDBRAKE_S, [(2.5, self._row(throttle=0.7))])

    def _spin_360(self, world, p: int, now: float) -> np.ndarray:
        # the throttle at full lock keeps the rear sliding round; then stop and retry
        return self._spin(world, p, now, SPIN_BREAK_S, [(6.0, self._row(steer=1.0, throttle=1.0)),
                                                        (2.0, self._row(brake=1.0))])
