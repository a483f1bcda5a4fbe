"""Steering: turn per-car target points and target speeds into control rows.

The one control law every AI driver shares (traffic, police, chasers, the mission
autopilot): decision code picks *where* to go (a target point some metres ahead) and
*how fast*; this module only turns that into throttle, brake, steer and handbrake, the
same four numbers a player's pad writes. Whole-array numpy, one row per car.

Steering is pure pursuit: the arc through the car's rear axle that reaches the target
point has curvature ``2 sin(alpha) / distance``; the front-wheel angle for that arc is
``atan(wheelbase * curvature)``, expressed as a fraction of the car's steering lock.
Speed is a proportional controller on the speed error, written as a wanted acceleration
and split into throttle (up to the car's engine acceleration) or brake.

Stopping needs care: the sim reverses when brake is held at standstill, so a car that
wants to stand still releases the brake and pulls the handbrake once it is nearly stopped.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

import numpy as np

from game.sim.controls import BRAKE, HANDBRAKE, STEER, THROTTLE, idle_controls
from game.sim.dynamics import STEER_FADE_SPEED
from game.sim.vehicles import CLASS_TABLE, GRAVITY

SPEED_GAIN_PER_S = 2.0  #: wanted acceleration (m/s^2) per m/s of speed error
STANDSTILL_MS = 0.6  #: below this speed a car that wants to stop holds the handbrake
COAST_BAND_MS = 0.3  #: speed error inside which neither pedal is pressed (no pedal chatter)
TRACTION_SHARE = 0.7  #: most of the rear tyres' grip the throttle may use, driving straight
CORNER_RESERVE = 0.8  #: share of that cut at full steering lock (grip kept for cornering)
BRAKE_SHARE = 0.85  #: most of the tyres' grip the brake pedal may ask for


@dataclass(frozen=True)
class Chassis:
    """Per-car figures the control law needs, one entry per controlled car (mass-free)."""

    wheelbase: np.ndarray  #: metres, front to rear axle
    max_steer: np.ndarray  #: radians, front-wheel angle at full lock (steer = 1)
    launch_accel: np.ndarray  #: m/s^2 at full throttle below the power limit
    power_per_mass: np.ndarray  #: W/kg; above launch speed the engine gives this / speed
    brake_accel: np.ndarray  #: m/s^2 of deceleration at full brake pedal (before grip limits)
    grip_accel: np.ndarray  #: m/s^2 the tyres can give in all on dry asphalt
    rear_share: np.ndarray  #: share of the weight on the driven rear axle, standing

    @classmethod
    def of_classes(cls, vehicle_class: np.ndarray) -> Chassis:
        """Figures for cars of the given :class:`VehicleClass` values (``world.vehicle_class``)."""
        k = np.asarray(vehicle_class, dtype=np.intp)
        t = CLASS_TABLE
        return cls(
            wheelbase=t.wheelbase[k],
            max_steer=t.max_steer[k],
            launch_accel=t.max_drive_force[k] / t.mass[k],
            power_per_mass=t.engine_power[k] / t.mass[k],
            brake_accel=t.brake_force[k] / t.mass[k],
            grip_accel=t.grip[k] * GRAVITY,
            rear_share=t.cg_to_front[k] / t.wheelbase[k],
        )

    def take(self, rows: np.ndarray) -> Chassis:
        """The figures of a subset of the cars (an index or a mask)."""
        return Chassis(**{f.name: getattr(self, f.name)[rows] for f in fields(self)})


def to_body_frame(
    x: np.ndarray, y: np.ndarray, heading: np.ndarray, px: np.ndarray, py: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Points (px, py) seen from cars at (x, y, heading): (ahead, right) in metres."""
    dx = np.asarray(px) - x
    dy = np.asarray(py) - y
    cos_h, sin_h = np.cos(heading), np.sin(heading)
    return dx * cos_h + dy * sin_h, -dx * sin_h + dy * cos_h


def pursuit_steer(
    x: np.ndarray,
    y: np.ndarray,
    heading: np.ndarray,
    target_x: np.ndarray,
    target_y: np.ndarray,
    chassis: Chassis,
    speed: np.ndarray | float = 0.0,
) -> np.ndarray:
    """Steer fraction (-1..1, + = right) that puts each car on an arc through its target.

    The sim narrows the usable lock as speed rises; dividing by that narrowed lock keeps
    the wheel angle what the arc needs at any speed.
    """
    ahead, right = to_body_frame(x, y, heading, target_x, target_y)
    distance = np.maximum(np.hypot(ahead, right), 0.5)
    curvature = 2.0 * right / (distance * distance)  # 2 sin(alpha) / distance
    wheel_angle = np.arctan(chassis.wheelbase * curvature)
    lock = chassis.max_steer / (1.0 + (np.asarray(speed) / STEER_FADE_SPEED) ** 2)
    steer = wheel_angle / lock
    behind = ahead < 0.0
    # a target behind the car: turn hard toward its side (right when dead astern)
    steer = np.where(behind, np.where(right < 0.0, -1.0, 1.0), steer)
    return steer.clip(-1.0, 1.0)


def pedals(
    speed: np.ndarray, target_speed: np.ndarray, chassis: Chassis, steer: np.ndarray | float = 0.0
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(throttle, brake, handbrake) that bring each car's forward speed to its target.

    Like a careful driver with traction control: the throttle never asks the driven rear
    tyres for more than :data:`TRACTION_SHARE` of their grip, and less while steering
    (a spinning rear tyre has no side grip left and the car spins); the brake never
    asks for more than :data:`BRAKE_SHARE` of the grip (locked wheels do not steer).
    """
    speed = np.asarray(speed, dtype=np.float64)
    target_speed = np.maximum(np.asarray(target_speed, dtype=np.float64), 0.0)
    error = target_speed - speed
    wanted_accel = np.where(np.abs(error) < COAST_BAND_MS, 0.0, SPEED_GAIN_PER_S * error)
    engine_accel = np.minimum(
        chassis.launch_accel, chassis.power_per_mass / np.maximum(np.abs(speed), 0.1)
    )
    cornering = 1.0 - CORNER_RESERVE * np.minimum(np.abs(steer), 1.0)
    traction = TRACTION_SHARE * chassis.grip_accel * chassis.rear_share * cornering
    throttle = (np.minimum(wanted_accel, traction) / engine_accel).clip(0.0, 1.0)
    max_brake = BRAKE_SHARE * chassis.grip_accel / chassis.brake_accel
    brake = (-wanted_accel / chassis.brake_accel).clip(0.0, max_brake)
    holding = (target_speed < STANDSTILL_MS) & (speed < STANDSTILL_MS)
    brake = np.where(holding, 0.0, brake)
    throttle = np.where(holding, 0.0, throttle)
    handbrake = holding.astype(np.float64)
    return throttle, brake, handbrake


def drive_to(
    x: np.ndarray,
    y: np.ndarray,
    heading: np.ndarray,
    forward_speed: np.ndarray,
    target_x: np.ndarray,
    target_y: np.ndarray,
    target_speed: np.ndarray,
    chassis: Chassis,
) -> np.ndarray:
    """Control rows (n, N_CONTROLS) steering each car to its target point at its target
    speed, headlights on.

    ``forward_speed`` is the body-frame forward velocity (``world.vx``): negative while
    rolling backwards, which the speed controller then brakes away.
    """
    n = np.size(x)
    controls = idle_controls(n)
    speed = np.abs(forward_speed)
    controls[:, STEER] = pursuit_steer(x, y, heading, target_x, target_y, chassis, speed)
    throttle, brake, handbrake = pedals(forward_speed, target_speed, chassis, controls[:, STEER])
    controls[:, THROTTLE] = throttle
    controls[:, BRAKE] = brake
    controls[:, HANDBRAKE] = handbrake
    return controls


def hold_still(n: int) -> np.ndarray:
    """Rows for cars that stand still: handbrake on, nothing else (brake would reverse),
    headlights on (a parked car's driver turns them off: that is the caller's choice)."""
    controls = idle_controls(n)
    controls[:, HANDBRAKE] = 1.0
    return controls


PULL_IN_MS = 9.0  #: the speed a car pulling in off the road drives at, at most


def pull_in(world, cars: np.ndarray, rows: np.ndarray, goal: tuple[float, float],
            within_m: float, stop_m: float) -> np.ndarray:
    """The last metres to a point off the road (a lot beside it), for the cars in ``rows``
    (their control rows, in the order of ``cars``): those within ``within_m`` of ``goal``
    drive straight at it, slowing as they near it, and stand still once within
    ``stop_m``. The others keep their rows. Returns the rows."""
    left = np.hypot(world.x[cars] - goal[0], world.y[cars] - goal[1])
    close = left < within_m
    if close.any():
        c = cars[close]
        speed = np.clip(0.5 * (left[close] - stop_m), 0.0, PULL_IN_MS)
        rows[close] = drive_to(world.x[c], world.y[c], world.heading[c], world.vx[c],
                               np.full(c.size, goal[0]), np.full(c.size, goal[1]), speed,
                               Chassis.of_classes(world.vehicle_class[c]))
        parked = close & (left < stop_m)
        rows[parked] = hold_still(int(parked.sum()))
    return rows
