"""Tyre forces and the dynamic bicycle model, for all vehicles at once.

Body frame: ``vx`` forward, ``vy`` to the right, ``yaw_rate`` positive turning right
(clockwise on screen, since y points south). Each axle is one tyre pair with a linear
cornering stiffness saturating at the friction circle ``grip * surface * load``; drive
and brake forces use up part of that circle first, so braking or spinning the wheels
costs cornering grip. Loads shift front/rear with the last step's acceleration.

A locked rear axle (handbrake) slides: its force opposes the contact patch's velocity,
which at speed is mostly forward, so the rear loses its side grip and steps out; release
it and the rear grips again. At walking speed slip angles are meaningless (and the
stiff tyres would ring at this dt), so the model blends into the kinematic bicycle:
rear axle rolling without side slip, yaw rate = vx * tan(steer) / wheelbase, reached
no faster than the tyres' grip allows. The usable steering lock shrinks with speed,
as a driver's hands do, so full stick at 50 m/s is a lane change, not a spin.
"""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np

from game.sim.controls import BRAKE, HANDBRAKE, STEER, THROTTLE
from game.sim.fastmath import clamp, norm
from game.sim.terrain import SURFACE_GRIP, SURFACE_ROLLING, Terrain
from game.sim.vehicles import GRAVITY

KINEMATIC_BELOW = 1.5  #: m/s, at or below this speed the kinematic model rules
DYNAMIC_ABOVE = 4.0  #: m/s, at or above this speed the dynamic model rules
STOP_SPEED = 0.5  #: m/s, below this the brake pedal engages reverse
REVERSE_TOP_SPEED = 8.0  #: m/s, reverse gear runs out here
REVERSE_FORCE_SHARE = 0.5  #: reverse drive force as a share of max_drive_force
BRAKE_FRONT_SHARE = 0.62  #: brake balance, front axle share
LOCKED_WHEEL_FRICTION = 0.8  #: sliding friction of a locked tyre as a share of its grip
SLIDE_SPEED_SCALE = 1.0  #: m/s, locked-wheel force fades in below this patch speed
STEER_FADE_SPEED = 30.0  #: m/s, the usable lock falls as 1 / (1 + (v / this)^2)
ROLLING_FADE_SPEED = 0.3  #: m/s, rolling resistance fades to zero at standstill
MIN_LOAD_SHARE = 0.15  #: no axle ever carries less than this share of the weight
#: rear grip over front: stands in for the roll-stiffness split (more load transfer at
#: the front) that makes road cars run wide at the limit instead of spinning
REAR_GRIP_BIAS = 1.1


#: cars per block: a block's temporaries stay in cache (the model over whole arrays of
#: 100,000 cars ran about 1.7x slower per car)
BLOCK = 8192
_INPUTS = ("heading", "vx", "vy", "yaw_rate", "steer", "accel")
_OUTPUTS = ("vx", "vy", "yaw_rate", "steer", "accel", "slip_front", "slip_rear")
_OUTPUTS += ("world_vx", "world_vy")
_GRIP32 = SURFACE_GRIP.astype(np.float32)
_ROLLING32 = SURFACE_ROLLING.astype(np.float32)


def update_velocities(w, controls: np.ndarray, dt: float) -> None:
    """Advance steering, body-frame velocities and yaw rate of world ``w`` by ``dt``.

    ``controls`` are already clamped. Grip and rolling resistance come from the surface
    under each car (``w.terrain``). Also stores ``w.slip_front``/``w.slip_rear`` (rad),
    the longitudinal acceleration ``w.accel`` (m/s^2) for the next step's load transfer,
    and the new velocity in world axes, ``w.world_vx``/``w.world_vy``.

    Cars go through in blocks (a loop over blocks, never over cars) and the model runs
    in float32: a block's temporaries then stay in cache and vector units do twice the
    lanes. Velocity changes per step are ~1e-3 m/s or more, far above float32's ~1e-7
    relative rounding; state is stored back as float64 and positions never leave it.
    """
    n = w.n
    results = {name: np.empty(n) for name in _OUTPUTS}
    single = w.params.single
    for start in range(0, n, BLOCK):
        part = slice(start, start + BLOCK)
        block = SimpleNamespace(
            x=w.x[part],
            y=w.y[part],
            **{name: getattr(w, name)[part].astype(np.float32) for name in _INPUTS},
        )
        params = SimpleNamespace(**{name: v[part] for name, v in vars(single).items()})
        _update_block(block, params, w.terrain, controls[part].astype(np.float32), dt)
        for name in _OUTPUTS:
            results[name][part] = getattr(block, name)
    for name in _OUTPUTS:
        setattr(w, name, results[name])


def _update_block(w, p, terrain: Terrain, controls, dt: float) -> None:
    """The model for one block of cars (float32): state on ``w`` is replaced, not changed."""
    surface = terrain.surface_at(w.x, w.y)
    grip_scale = _GRIP32[surface]
    rolling_scale = _ROLLING32[surface]
    throttle = controls[:, THROTTLE]
    brake = controls[:, BRAKE]
    vx, vy, r = w.vx, w.vy, w.yaw_rate
    speed = norm(vx, vy)
    abs_vx = np.abs(vx)
    direction = np.sign(vx)

    lock = p.max_steer / (1.0 + (speed / STEER_FADE_SPEED) ** 2)
    step = p.steer_rate * dt
    w.steer = w.steer + clamp(controls[:, STEER] * lock - w.steer, -step, step)
    cos_d, sin_d = np.cos(w.steer), np.sin(w.steer)

    transfer = p.mass * w.accel * p.cg_height / p.wheelbase
    min_load = MIN_LOAD_SHARE * p.weight
    load_f = clamp(p.static_load_front - transfer, min_load, p.weight - min_load)
    load_r = p.weight - load_f
    mu = p.grip * grip_scale
    limit_f = mu * load_f
    limit_r = REAR_GRIP_BIAS * mu * load_r

    # Pedals: throttle drives forward unless reversing; brake brakes when moving
    # forward and drives backwards near standstill; throttle brakes a reversing car.
    # (Masks multiply rather than select: several times faster on large arrays.)
    engine = np.minimum(p.max_drive_force, p.engine_power / np.maximum(abs_vx, 0.1))
    forward_gear = vx > -STOP_SPEED
    rolling_forward = vx > STOP_SPEED
    rolling_back = vx < -STOP_SPEED
    reverse_pull = REVERSE_FORCE_SHARE * p.max_drive_force
    reverse_pull = reverse_pull * clamp(1.0 - abs_vx / REVERSE_TOP_SPEED, 0.0, 1.0)
    drive = throttle * engine * forward_gear - brake * reverse_pull * ~rolling_forward
    pedal = brake * rolling_forward + throttle * rolling_back
    braking = pedal * p.brake_force * direction

    fx_front = clamp(-BRAKE_FRONT_SHARE * braking, -limit_f, limit_f)
    patch_lat_f = vy + p.cg_to_front * r
    lon_f = vx * cos_d + patch_lat_f * sin_d
    lat_f = patch_lat_f * cos_d - vx * sin_d
    slip_f = np.arctan2(lat_f, np.abs(lon_f))
    side_f = np.sqrt(np.maximum(limit_f**2 - fx_front**2, 0.0))
    fy_front = clamp(-p.cornering_front * grip_scale * slip_f, -side_f, side_f)

    fx_rear = clamp(drive - (1.0 - BRAKE_FRONT_SHARE) * braking, -limit_r, limit_r)
    patch_lat_r = vy - p.cg_to_rear * r
    slip_r = np.arctan2(patch_lat_r, abs_vx)
    side_r = np.sqrt(np.maximum(limit_r**2 - fx_rear**2, 0.0))
    fy_rear = clamp(-p.cornering_rear * grip_scale * slip_r, -side_r, side_r)
    locked = controls[:, HANDBRAKE] > 0.5
    if locked.any():
        slide = np.maximum(norm(vx, patch_lat_r), SLIDE_SPEED_SCALE)
        sliding = LOCKED_WHEEL_FRICTION * limit_r / slide
        fx_rear = fx_rear - locked * (sliding * vx + fx_rear)
        fy_rear = fy_rear - locked * (sliding * patch_lat_r + fy_rear)

    rolling = p.rolling_resistance * rolling_scale * p.weight
    rolling *= clamp(vx / ROLLING_FADE_SPEED, -1.0, 1.0)
    drag = p.drag * speed
    fy_front_body = fy_front * cos_d + fx_front * sin_d
    force_x = fx_rear + fx_front * cos_d - fy_front * sin_d - drag * vx - rolling
    force_y = fy_rear + fy_front_body - drag * vy
    moment = p.cg_to_front * fy_front_body - p.cg_to_rear * fy_rear

    # No "+ vy * r" / "- vx * r" frame terms: the world turns the car under its
    # velocity when it integrates the heading and reads the velocity back in body axes.
    accel_x = force_x * p.inv_mass
    new_vx = vx + accel_x * dt
    new_vy = vy + force_y * p.inv_mass * dt
    new_r = r + moment * p.inv_yaw_inertia * dt

    blend = clamp((speed - KINEMATIC_BELOW) / (DYNAMIC_ABOVE - KINEMATIC_BELOW), 0.0, 1.0)
    # The kinematic pose is where the tyres pull a slow car, but no faster than their
    # grip allows: a parked car shoved sideways slides to a stop instead of freezing.
    r_kinematic = new_vx * (sin_d / cos_d) / p.wheelbase
    side_grip = mu * GRAVITY * dt
    r_kinematic = r + clamp(
        r_kinematic - r, -side_grip * p.yaw_grip_arm, side_grip * p.yaw_grip_arm
    )
    vy_kinematic = vy + clamp(p.cg_to_rear * r_kinematic - vy, -side_grip, side_grip)
    w.vx = new_vx
    w.vy = vy_kinematic + blend * (new_vy - vy_kinematic)
    w.yaw_rate = r_kinematic + blend * (new_r - r_kinematic)
    w.accel = accel_x
    w.slip_front = slip_f
    w.slip_rear = slip_r
    cos_h, sin_h = np.cos(w.heading), np.sin(w.heading)
    w.world_vx = w.vx * cos_h - w.vy * sin_h
    w.world_vy = w.vx * sin_h + w.vy * cos_h


def per_vehicle_params(table: SimpleNamespace, vehicle_class: np.ndarray) -> SimpleNamespace:
    """Gather class parameters for each vehicle, plus the derived figures the step uses."""
    p = SimpleNamespace(**{name: arr[vehicle_class] for name, arr in vars(table).items()})
    p.weight = p.mass * GRAVITY
    p.inv_mass = 1.0 / p.mass
    p.inv_yaw_inertia = 1.0 / p.yaw_inertia
    p.cg_to_rear = p.wheelbase - p.cg_to_front
    p.static_load_front = p.weight * p.cg_to_rear / p.wheelbase
    p.half_length = 0.5 * p.length
    p.half_width = 0.5 * p.width
    p.radius = np.hypot(p.half_length, p.half_width)
    #: yaw acceleration per m/s^2 of tyre grip when both axles push sideways (1/m)
    p.yaw_grip_arm = p.mass * 0.5 * p.wheelbase * p.inv_yaw_inertia
    p.single = SimpleNamespace(**{name: v.astype(np.float32) for name, v in vars(p).items()})
    return p
