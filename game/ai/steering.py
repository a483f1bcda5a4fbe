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

from dataclasses import dataclass

import numpy as np

from game.sim.controls import BRAKE, HANDBRAKE, STEER, THROTTLE, empty_controls
from game.sim.vehicles import CLASS_TABLE, GRAVITY

SPEED_GAIN_PER_S = 1.2  #: wanted acceleration (m/s^2) per m/s of speed error
STANDSTILL_MS = 0.6  #: below this speed a car that wants to stop holds the handbrake
COAST_BAND_MS = 0.3  #: speed error inside which neither pedal is pressed (no pedal chatter)


@dataclass(frozen=True)
class Chassis:
    """Per-car figures the control law needs, one entry per controlled car."""

    wheelbase: np.ndarray  #: metres, front to rear axle
    max_steer: np.ndarray  #: radians, front-wheel angle at full lock (steer = 1)
    max_accel: np.ndarray  #: m/s^2 the engine gives at full throttle (roughly, at low speed)
    max_decel: np.ndarray  #: m/s^2 the brakes give at full brake

    @classmethod
    def uniform(
        cls,
        n: int,
        wheelbase: float = 2.7,
        max_steer: float = 0.6,
        max_accel: float = 4.0,
        max_decel: float = 9.0,
    ) -> Chassis:
        """The same figures for ``n`` cars (tests, or when classes do not matter)."""
        return cls(
            wheelbase=np.full(n, wheelbase),
            max_steer=np.full(n, max_steer),
            max_accel=np.full(n, max_accel),
            max_decel=np.full(n, max_decel),
        )

    @classmethod
    def of_classes(cls, vehicle_class: np.ndarray) -> Chassis:
        """Figures for cars of the given :class:`VehicleClass` values (``world.vehicle_class``)."""
        k = np.asarray(vehicle_class, dtype=np.intp)
        mass = CLASS_TABLE.mass[k]
        return cls(
            wheelbase=CLASS_TABLE.wheelbase[k],
            max_steer=CLASS_TABLE.max_steer[k],
            max_accel=CLASS_TABLE.max_drive_force[k] / mass,
            max_decel=np.minimum(CLASS_TABLE.brake_force[k] / mass, CLASS_TABLE.grip[k] * GRAVITY),
        )

    def take(self, rows: np.ndarray) -> Chassis:
        """The figures of a subset of the cars."""
        return Chassis(
            self.wheelbase[rows], self.max_steer[rows], self.max_accel[rows], self.max_decel[rows]
        )


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
) -> np.ndarray:
    """Steer fraction (-1..1, + = right) that puts each car on an arc through its target."""
    ahead, right = to_body_frame(x, y, heading, target_x, target_y)
    distance = np.maximum(np.hypot(ahead, right), 0.5)
    curvature = 2.0 * right / (distance * distance)  # 2 sin(alpha) / distance
    wheel_angle = np.arctan(chassis.wheelbase * curvature)
    steer = wheel_angle / chassis.max_steer
    behind = ahead < 0.0
    # a target behind the car: turn hard toward its side (right when dead astern)
    steer = np.where(behind, np.where(right < 0.0, -1.0, 1.0), steer)
    return np.clip(steer, -1.0, 1.0)


def pedals(
    speed: np.ndarray, target_speed: np.ndarray, chassis: Chassis
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(throttle, brake, handbrake) that bring each car's forward speed to its target."""
    speed = np.asarray(speed, dtype=np.float64)
    target_speed = np.maximum(np.asarray(target_speed, dtype=np.float64), 0.0)
    error = target_speed - speed
    wanted_accel = np.where(np.abs(error) < COAST_BAND_MS, 0.0, SPEED_GAIN_PER_S * error)
    throttle = np.clip(wanted_accel / chassis.max_accel, 0.0, 1.0)
    brake = np.clip(-wanted_accel / chassis.max_decel, 0.0, 1.0)
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
    """Control rows (n, 4) steering each car to its target point at its target speed.

    ``forward_speed`` is the body-frame forward velocity (``world.vx``): negative while
    rolling backwards, which the speed controller then brakes away.
    """
    n = np.size(x)
    controls = empty_controls(n)
    controls[:, STEER] = pursuit_steer(x, y, heading, target_x, target_y, chassis)
    throttle, brake, handbrake = pedals(forward_speed, target_speed, chassis)
    controls[:, THROTTLE] = throttle
    controls[:, BRAKE] = brake
    controls[:, HANDBRAKE] = handbrake
    return controls


def hold_still(n: int) -> np.ndarray:
    """Control rows for parked cars: handbrake on, nothing else (brake would reverse)."""
    controls = empty_controls(n)
    controls[:, HANDBRAKE] = 1.0
    return controls
