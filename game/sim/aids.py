"""Driver aids: what a car's electronics do to the driver's row before the physics reads it.

Aids are options of a vehicle (a bit mask per vehicle, :attr:`World.aids`), applied by
:meth:`World.step` to every car that has them, whoever drives it: the player's keys,
his pad, the autopilot or a replay all drive the same car. The row a driver wrote is
what a replay records; the aids run again on playback, so they are part of the
simulation, not of the input.

- :data:`TRACTION_CONTROL`: the cars are rear-driven and their full drive force nearly
  uses up the rear tyres' grip, so a held throttle through a turn (or on letting go of
  the steering) swings the tail round into a spin. Easing the throttle once the rear
  slip angle passes the tyres' peak keeps the car on the road, as a real traction
  control would; the handbrake bypasses it (a slide asked for is a slide).
- :data:`STEERING_ASSIST`: a steering key is all or nothing, so at speed the wheels turn
  less for the same request (as a player would ease a stick); with the handbrake held
  it gives full lock, to throw the car into a slide.
"""

from __future__ import annotations

import numpy as np

from game.sim.controls import HANDBRAKE, STEER, THROTTLE

NO_AIDS = 0
TRACTION_CONTROL = 1  #: bit: ease the throttle while the rear tyres slide
STEERING_ASSIST = 2  #: bit: less lock at speed, full lock on the handbrake
PLAYER_AIDS = TRACTION_CONTROL | STEERING_ASSIST  #: what the Driver's car has by default

STEER_HALF_SPEED_MS = 24.0  #: speed where the assist turns the wheels half as far
TRACTION_SLIP_RAD = 0.06  #: rear slip angle where traction control starts easing the throttle
TRACTION_CUT_RAD = 0.15  #: ...and where it has cut the throttle completely
TRACTION_SPEED_MS = (3.0, 6.0)  #: it fades in over these speeds (slip means little when slow)


def steer_scale(speed_ms: np.ndarray | float) -> np.ndarray:
    """How far the steering assist lets a full request turn the wheels: 1 when slow."""
    return 1.0 / (1.0 + (np.maximum(speed_ms, 0.0) / STEER_HALF_SPEED_MS) ** 2)


def traction_share(speed_ms: np.ndarray | float, rear_slip_rad: np.ndarray | float) -> np.ndarray:
    """The share of the throttle traction control lets through (1: all of it)."""
    low, high = TRACTION_SPEED_MS
    weight = np.clip((np.asarray(speed_ms) - low) / (high - low), 0.0, 1.0)
    excess = (np.abs(rear_slip_rad) - TRACTION_SLIP_RAD) / (TRACTION_CUT_RAD - TRACTION_SLIP_RAD)
    return 1.0 - np.clip(excess, 0.0, 1.0) * weight


def apply_aids(controls: np.ndarray, aids: np.ndarray, speed_ms: np.ndarray,
               forward_ms: np.ndarray, slip_rear: np.ndarray) -> None:
    """Apply each vehicle's aids to its (clamped) row in place.

    ``speed_ms`` is each car's speed, ``forward_ms`` its body-frame forward velocity
    (negative when reversing: no slip to ease then, the throttle brakes) and
    ``slip_rear`` its rear tyres' slip angle, all from the state before the step.
    """
    free_rear = controls[:, HANDBRAKE] <= 0.5
    traction = ((aids & TRACTION_CONTROL) != 0) & free_rear
    if traction.any():
        slip = np.where(forward_ms[traction] > 0.0, slip_rear[traction], 0.0)
        controls[traction, THROTTLE] *= traction_share(speed_ms[traction], slip)
    assisted = ((aids & STEERING_ASSIST) != 0) & free_rear
    if assisted.any():
        controls[assisted, STEER] *= steer_scale(speed_ms[assisted])
