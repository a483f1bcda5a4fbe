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
LOCKED_WHEEL_FRICTION = 0.8  #: sliding friction of a spinning tyre as a share of its grip
SLIDE_SPEED_SCALE = 1.0  #: m/s, sliding force fades in below this slide speed
FALLOFF_WIDTH = 1.0  #: how far past its peak (in peaks) a rear tyre's side force falls to sliding
REAR_SLIDE_GRIP = 0.95  #: share of its peak side force a rear tyre keeps once sliding
HANDBRAKE_SIDE_GRIP = 0.2  #: share of the rear tyres' side grip left while the handbrake locks them
DRIVELINE_MASS_KG = 45.0  #: rear wheels, axle and engine as one mass at the tyre tread
SPIN_GRIP_MS = 1.0  #: m/s, spinning rear wheels hook up again below this (if the drive fits)
BURNOUT_BELOW_MS = 2.0  #: m/s, throttle with brake or handbrake below this is a burnout
DAMAGE_POWER_LOSS = 0.5  #: share of the engine's power a wreck has lost (less as it is)
STEER_FADE_SPEED = 30.0  #: m/s, the usable lock falls as 1 / (1 + (v / this)^2)
ROLLING_FADE_SPEED = 0.3  #: m/s, rolling resistance fades to zero at standstill
MIN_LOAD_SHARE = 0.15  #: no axle ever carries less than this share of the weight
#: rear grip over front: stands in for the roll-stiffness split (more load transfer at
#: the front) that makes road cars run wide at the limit instead of spinning
REAR_GRIP_BIAS = 1.1


#: cars per block: a block's temporaries stay in cache (the model over whole arrays of
#: 100,000 cars ran about 1.7x slower per car)
BLOCK = 8192
_INPUTS = ("heading", "vx", "vy", "yaw_rate", "steer", "accel", "rear_spin", "damage", "steer_pull")
_OUTPUTS = ("vx", "vy", "yaw_rate", "steer", "accel", "slip_front", "slip_rear", "rear_spin")
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
    results = {name: np.empty(n, dtype=getattr(w, name).dtype) for name in _OUTPUTS}
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
    handbrake = controls[:, HANDBRAKE] > 0.5
    vx, vy, r = w.vx, w.vy, w.yaw_rate
    speed = norm(vx, vy)
    abs_vx = np.abs(vx)
    direction = np.sign(vx)

    lock = p.max_steer / (1.0 + (speed / STEER_FADE_SPEED) ** 2)
    step = p.steer_rate * dt
    target = controls[:, STEER] * lock + w.steer_pull  # a bent wheel pulls to one side
    w.steer = w.steer + clamp(target - w.steer, -step, step)
    cos_d, sin_d = np.cos(w.steer), np.sin(w.steer)

    mu = p.grip * grip_scale
    limit_f, limit_r = axle_limits(p, w.accel, mu)

    # Pedals: throttle drives forward unless reversing; brake brakes when moving
    # forward and drives backwards near standstill; throttle brakes a reversing car.
    # Throttle with brake or handbrake at walking pace is a burnout: the brakes hold
    # the front wheels only and the engine spins the rears. The engine's force is
    # its power over the speed of the driven wheels' tread, so spinning tyres take
    # power away from the road. (Masks multiply rather than select: several times
    # faster on large arrays.)
    engine = engine_force(p, abs_vx, w.rear_spin, w.damage)
    burnout = (throttle > 0.5) & ((brake > 0.5) | handbrake) & (abs_vx < BURNOUT_BELOW_MS)
    forward_gear = (vx > -STOP_SPEED) & ~(handbrake & ~burnout)  # handbrake: clutch in
    rolling_forward = vx > STOP_SPEED
    rolling_back = vx < -STOP_SPEED
    reverse_pull = REVERSE_FORCE_SHARE * p.max_drive_force
    reverse_pull = reverse_pull * clamp(1.0 - abs_vx / REVERSE_TOP_SPEED, 0.0, 1.0)
    reversing = ~rolling_forward & ~burnout
    drive = throttle * engine * forward_gear - brake * reverse_pull * reversing
    pedal = brake * rolling_forward + throttle * rolling_back
    braking = pedal * p.brake_force * direction

    patch_lat_f = vy + p.cg_to_front * r
    lon_f = vx * cos_d + patch_lat_f * sin_d
    lat_f = patch_lat_f * cos_d - vx * sin_d
    slip_f = np.arctan2(lat_f, np.abs(lon_f))

    patch_lat_r = vy - p.cg_to_rear * r
    slip_r = np.arctan2(patch_lat_r, abs_vx)
    fx_rear, fy_rear, w.rear_spin = _rear_axle(
        w.rear_spin, drive - (1.0 - BRAKE_FRONT_SHARE) * braking, handbrake & ~burnout,
        vx, patch_lat_r, slip_r, limit_r, p.cornering_rear * grip_scale, dt,
    )  # fmt: skip

    # The front brakes: a share of the pedal, or in a burnout all that holds the car.
    fx_front = clamp(-BRAKE_FRONT_SHARE * braking, -limit_f, limit_f)
    hold = -(fx_rear + p.mass * vx / dt)  # what stops the car this step
    fx_front = fx_front + burnout * (clamp(hold, -limit_f, limit_f) - fx_front)
    side_f = np.sqrt(np.maximum(limit_f**2 - fx_front**2, 0.0))
    fy_front = clamp(-p.cornering_front * grip_scale * slip_f, -side_f, side_f)

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


def axle_limits(p: SimpleNamespace, accel: np.ndarray, mu: np.ndarray) -> tuple:
    """(front, rear) friction circles (N) of each car's axles: the load on each, moved
    rearwards by the longitudinal acceleration ``accel`` (m/s^2), times friction ``mu``
    (the rear's with :data:`REAR_GRIP_BIAS`)."""
    transfer = p.mass * accel * p.cg_height / p.wheelbase
    min_load = MIN_LOAD_SHARE * p.weight
    load_f = clamp(p.static_load_front - transfer, min_load, p.weight - min_load)
    return mu * load_f, REAR_GRIP_BIAS * mu * (p.weight - load_f)


def engine_force(p: SimpleNamespace, forward_ms: np.ndarray, spin_ms: np.ndarray,
                 damage: np.ndarray) -> np.ndarray:
    """Full throttle's drive force (N): the engine's power (less as the car is damaged,
    :data:`DAMAGE_POWER_LOSS`) over the driven tread's speed, at most ``max_drive_force``;
    spinning tyres (``spin_ms``) take power away from the road."""
    wheel_ms = np.maximum(np.abs(forward_ms) + spin_ms, 0.1)
    power = p.engine_power * (1.0 - DAMAGE_POWER_LOSS * damage)
    return np.minimum(p.max_drive_force, power / wheel_ms)


def _rear_axle(spin, request, handbrake, vx, patch_lat, slip, limit, cornering, dt: float):
    """(fx, fy, new wheelspin) of the driven rear axle, in body axes (float32 arrays).

    ``request`` is the drive minus the rear brakes' share (N), ``limit`` the axle's
    friction circle (N) and ``spin`` how much faster its tread runs than the car (m/s).

    - Gripping: the request within the circle, the side force from the slip angle
      within what is left of it.
    - Handbrake: the rear brake takes :data:`LOCKED_WHEEL_FRICTION` of the circle
      against the roll and keeps :data:`HANDBRAKE_SIDE_GRIP` of it sideways, so the
      tail steps out as the front asks for more than that, not all at once.
    - Wheelspin, once the request exceeds the circle: the tread slides forward over the
      road and sliding friction (:data:`LOCKED_WHEEL_FRICTION`) pushes along the slide,
      so a spinning axle has little side grip left. The force left over spins the
      wheels up (the driveline as :data:`DRIVELINE_MASS_KG` at the tread); they hook up
      again below :data:`SPIN_GRIP_MS` once the request fits the circle. The slide's
      friction is taken at the new spin (semi-implicit), which keeps the stiff
      near-zero slide stable at this dt.
    """
    fx_grip = clamp(request, -limit, limit)
    fy_lin = -cornering * slip
    side = np.sqrt(np.maximum(limit**2 - fx_grip**2, 0.0))
    fy_grip = _past_the_peak(fy_lin, side)
    fx_hand = -LOCKED_WHEEL_FRICTION * limit * clamp(vx / SLIDE_SPEED_SCALE, -1.0, 1.0)
    fy_hand = _past_the_peak(fy_lin, HANDBRAKE_SIDE_GRIP * limit)

    spins = ((spin > 0.0) | (request > limit)) & ~handbrake
    sliding = LOCKED_WHEEL_FRICTION * limit / np.maximum(norm(spin, patch_lat), SLIDE_SPEED_SCALE)
    gain = dt / DRIVELINE_MASS_KG
    new_spin = (spin + gain * request) / (1.0 + gain * sliding)
    hooked = (new_spin < SPIN_GRIP_MS) & (request <= limit)
    spins = spins & ~hooked & (new_spin > 0.0)
    fx = np.where(handbrake, fx_hand, np.where(spins, sliding * new_spin, fx_grip))
    fy = np.where(handbrake, fy_hand, np.where(spins, -sliding * patch_lat, fy_grip))
    return fx, fy, np.where(spins, new_spin, 0.0).astype(np.float32)


def _past_the_peak(linear, peak):
    """A tyre's side force: ``linear`` (N, stiffness times slip angle) up to ``peak``,
    then falling gradually to the sliding share :data:`REAR_SLIDE_GRIP` of the
    peak over :data:`FALLOFF_WIDTH` peaks of overshoot (a grip curve, not a cliff)."""
    size = np.abs(linear)
    fall = clamp((size - peak) / (FALLOFF_WIDTH * peak + 1.0), 0.0, 1.0)
    return np.sign(linear) * np.minimum(size, peak * (1.0 - (1.0 - REAR_SLIDE_GRIP) * fall))


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
