"""Driver aids: what a car's electronics do to the driver's row before the physics reads it.

Aids are options of a vehicle (a bit mask per vehicle, :attr:`World.aids`), applied by
:meth:`World.step` to every car that has them, whoever drives it: the player's keys,
his pad, the autopilot or a replay all drive the same car. The row a driver wrote is
what a replay records; the aids run again on playback, so they are part of the
simulation, not of the input. They read only the car's state and the row, never the
device: a key is a request of 1, a stick's half travel a request of 0.5.

- :data:`TRACTION_CONTROL`: the cars are rear-driven and their full drive force nearly
  uses up the rear tyres' grip, so a held throttle through a turn (or on letting go of
  the steering) swings the tail round into a spin, and a strong engine spins its
  wheels. Holding the drive within the grip the rear tyres have left (so the wheels
  never spin up), and easing the throttle once the rear slip angle passes the tyres'
  peak or the wheels spin all the same, keeps the car on the road, as a real traction
  control would; the handbrake and a burnout (throttle with the brake held) bypass
  it: a slide asked for is a slide.
- :data:`SPIN_CONTROL`: that first part alone, for the AI's cars.
- :data:`STEERING_ASSIST`, three parts, what arcade handling models do for a key that
  is all or nothing:

  * *grip steering*: a request turns the front wheels as the physics would
    (``request * lock``) but never past the angle that already uses all the front
    tyres' grip on the car's path at this speed (:func:`grip_angle`). So small
    requests (a stick, the autopilot) get exactly what they ask, and a key at speed
    gets the most useful angle instead of a scrubbing one: it still turns;
  * *counter-steer*: once the rear slides past its tyres' peak, the front wheels follow
    the slide (turn towards it by the excess), so letting go of the key, or steering
    against the slide, catches it. Steering into the slide asks for the slide: the help
    fades with the request in that direction, so a held key keeps the drift;
  * *yaw damping*: a car turning faster than any path its grip could hold is spinning;
    the wheels are turned against the excess, whatever the request.

  With the handbrake held it gives full lock and no help, to throw the car into a
  slide; below walking pace it does nothing (parking is all lock).
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import ArrayLike

from game.sim.controls import BRAKE, HANDBRAKE, STEER, THROTTLE
from game.sim.dynamics import (
    BURNOUT_BELOW_MS,
    REAR_GRIP_BIAS,
    STEER_FADE_SPEED,
    STOP_SPEED,
    axle_limits,
    engine_force,
)
from game.sim.fastmath import clamp, norm
from game.sim.terrain import SURFACE_GRIP
from game.sim.vehicles import GRAVITY

if TYPE_CHECKING:
    from game.sim.world import World

NO_AIDS = 0
TRACTION_CONTROL = 1  #: bit: ease the throttle while the rear tyres slide or spin
#: bit: grip steering, counter-steer and yaw damping (full lock on the handbrake)
STEERING_ASSIST = 2
#: bit: only traction control's first part, the drive held within the rear tyres' free
#: grip (no wheelspin): the fleets' cars, whose drivers were tuned on tyres that never spin
SPIN_CONTROL = 4
PLAYER_AIDS = TRACTION_CONTROL | STEERING_ASSIST  #: what the Driver's car has by default
FLEET_AIDS = SPIN_CONTROL  #: what every other car has

TRACTION_SLIP_RAD = 0.06  #: rear slip angle where traction control starts easing the throttle
TRACTION_CUT_RAD = 0.15  #: ...and where it has cut the throttle completely
TRACTION_SPIN_MS = (0.5, 2.0)  #: wheelspin (m/s) where it starts easing, and has cut it all
TRACTION_SPEED_MS = (3.0, 6.0)  #: its slip-angle part fades in over these speeds
TRACTION_MARGIN = 0.95  #: the share of the rear tyres' free grip it lets the drive use

GRIP_ANGLE_MARGIN = 1.25  #: the grip angle's allowance for load transfer and a slipping rear
COUNTER_STEER_GAIN = 1.0  #: front-wheel angle (rad) per rad of rear slip past the peak
DRIFT_SLIP_RAD = 0.2  #: rear slip angle a key held into the slide may keep (a drift, not a spin)
YAW_MARGIN = 1.2  #: yaw rates above this share of grip / speed count as a spin
YAW_DAMPING_S = 0.6  #: front-wheel angle (rad) per rad/s of yaw beyond that
ASSIST_SPEED_MS = (3.0, 6.0)  #: the steering assist fades in over these speeds


def grip_angle(speed_ms: ArrayLike, wheelbase_m: ArrayLike, mu: ArrayLike,
               front_peak_rad: ArrayLike) -> np.ndarray:
    """Front-wheel angle (rad) that uses the front tyres' whole grip on the car's path.

    The path's own angle for the most lateral acceleration the tyres give
    (``atan(wheelbase * mu * g / v^2)``), plus the front tyres' slip angle at their
    peak, with :data:`GRIP_ANGLE_MARGIN`; beyond it a wheel only scrubs.
    """
    v2 = np.maximum(np.asarray(speed_ms) ** 2, 1e-3)
    return GRIP_ANGLE_MARGIN * (np.arctan(wheelbase_m * mu * GRAVITY / v2) + front_peak_rad)


def traction_share(speed_ms: ArrayLike, rear_slip_rad: ArrayLike,
                   rear_spin_ms: ArrayLike = 0.0) -> np.ndarray:
    """The share of the throttle traction control lets through (1: all of it)."""
    low, high = TRACTION_SPEED_MS
    weight = np.clip((np.asarray(speed_ms) - low) / (high - low), 0.0, 1.0)
    excess = (np.abs(rear_slip_rad) - TRACTION_SLIP_RAD) / (TRACTION_CUT_RAD - TRACTION_SLIP_RAD)
    spin_low, spin_high = TRACTION_SPIN_MS
    spinning = np.clip((np.asarray(rear_spin_ms) - spin_low) / (spin_high - spin_low), 0.0, 1.0)
    return 1.0 - np.maximum(np.clip(excess, 0.0, 1.0) * weight, spinning)


def assisted_steer(request: np.ndarray, vx: np.ndarray, vy: np.ndarray, yaw_rate: np.ndarray,
                   slip_rear: np.ndarray, p: SimpleNamespace, mu: np.ndarray) -> np.ndarray:
    """The steering assist's row value (a share of the physics' lock) for a request.

    ``p`` holds the cars' parameters (:func:`game.sim.dynamics.per_vehicle_params`),
    ``mu`` their tyres' friction on the ground under them; the rest is their state.
    """
    speed = norm(vx, vy)
    lock = p.max_steer / (1.0 + (speed / STEER_FADE_SPEED) ** 2)
    front_peak = mu * p.static_load_front / p.cornering_front
    rear_peak = REAR_GRIP_BIAS * mu * (p.weight - p.static_load_front) / p.cornering_rear
    limit = grip_angle(speed, p.wheelbase, mu, front_peak)
    wheel = clamp(request * lock, -limit, limit)

    size = np.abs(slip_rear)
    into = np.where(request * slip_rear < 0.0, np.abs(request), 0.0)  # steering with the turn
    excess = (1.0 - into) * np.maximum(size - rear_peak, 0.0) + into * np.maximum(
        size - DRIFT_SLIP_RAD, 0.0
    )
    wheel = wheel + COUNTER_STEER_GAIN * np.sign(slip_rear) * excess

    spin = np.sign(yaw_rate) * np.maximum(
        np.abs(yaw_rate) - YAW_MARGIN * mu * GRAVITY / np.maximum(speed, 0.1), 0.0
    )
    wheel = wheel - YAW_DAMPING_S * spin

    low, high = ASSIST_SPEED_MS
    weight = clamp((vx - low) / (high - low), 0.0, 1.0)
    return clamp(weight * wheel / lock + (1.0 - weight) * request, -1.0, 1.0)


def apply_aids(w: World, controls: np.ndarray) -> None:
    """Apply each vehicle's aids (``w.aids``) to its (clamped) row in place.

    Reads the state of world ``w`` from before the step: speed, body-frame velocity
    (a reversing car has no slip to ease, its throttle brakes), yaw rate, the rear
    tyres' slip angle and wheelspin, and the ground's grip under each car.
    """
    aids = w.aids
    free_rear = controls[:, HANDBRAKE] <= 0.5
    burnout = (controls[:, BRAKE] > 0.5) & (np.abs(w.vx) < BURNOUT_BELOW_MS)
    capped = np.flatnonzero(((aids & (TRACTION_CONTROL | SPIN_CONTROL)) != 0) & free_rear
                            & ~burnout & (controls[:, THROTTLE] > 0.0))
    if capped.size:
        full = (aids[capped] & TRACTION_CONTROL) != 0
        slip = np.where(w.vx[capped] > 0.0, w.slip_rear[capped], 0.0)
        share = np.where(full, traction_share(w.speed[capped], slip, w.rear_spin[capped]), 1.0)
        # spin control alone gives the drive the whole circle first, as tyres did before
        # they could spin; traction control leaves the side force its share
        cap = drive_cap(w, capped, np.where(full, slip, 0.0))
        cap = np.where(w.vx[capped] > -STOP_SPEED, cap, 1.0)
        controls[capped, THROTTLE] = np.minimum(controls[capped, THROTTLE] * share, cap)
    assisted = np.flatnonzero(((aids & STEERING_ASSIST) != 0) & free_rear)
    if assisted.size:
        controls[assisted, STEER] = assisted_steer(
            controls[assisted, STEER], w.vx[assisted], w.vy[assisted], w.yaw_rate[assisted],
            w.slip_rear[assisted], _rows(w.params, assisted), _ground_mu(w, assisted),
        )  # fmt: skip


def drive_cap(w: World, cars: np.ndarray, slip_rear: np.ndarray) -> np.ndarray:
    """The throttle (0-1) whose drive force fits within :data:`TRACTION_MARGIN` of what
    the rear tyres' friction circle has left beside their side force, for ``cars``
    moving forwards (a reversing car's throttle is its brake: never capped).

    Traction control's first part: it keeps the wheels from spinning up at all (a cut
    only once they spin would let them spin, cut, hook up and spin again every other
    step, and a spinning axle has little side grip).
    """
    p = _rows(w.params, cars)
    limit_r = axle_limits(p, w.accel[cars], _ground_mu(w, cars))[1]
    side = np.minimum(p.cornering_rear * np.abs(slip_rear), limit_r)
    left = np.sqrt(np.maximum(limit_r**2 - side**2, 0.0))
    engine = engine_force(p, w.vx[cars], w.rear_spin[cars], w.damage[cars])
    return np.clip(TRACTION_MARGIN * left / engine, 0.0, 1.0)


def _rows(params: SimpleNamespace, cars: np.ndarray) -> SimpleNamespace:
    """The parameters of ``cars`` only."""
    return SimpleNamespace(**{name: value[cars] for name, value in vars(params).items()
                              if isinstance(value, np.ndarray)})


def _ground_mu(w: World, cars: np.ndarray) -> np.ndarray:
    """The tyres' friction on the ground under ``cars``."""
    return w.params.grip[cars] * SURFACE_GRIP[w.terrain.surface_at(w.x[cars], w.y[cars])]
