"""The World: every vehicle as a structure of arrays, advanced in fixed steps.

Tick rate: 60 Hz (``DT = 1/60``). It matches the display rate the game renders at, so
the usual frame runs exactly one step and interpolation hides the rest; the AI and the
mission rules think per step at a rate players feel as instant; and it halves the cost
of 120 Hz, which is what lets 10,000 cars run faster than real time. It is stable at
this dt: the stiffest tyre mode has a time constant of about ``m * v / (Cf + Cr)``,
which stays above ``dt`` over the speeds where the dynamic model runs (the model blends
into the kinematic one below 4 m/s), and fast cars sub-step their motion by distance
so none crosses more than a fraction of a car width per sub-step (no tunnelling).

One step, in order: clamp controls -> driver aids (``aids``) -> tyre forces and
velocities (``dynamics``) -> car-car contacts (``contacts``: impulses, push apart)
-> move, sub-stepped, against the solid grid (``walls``) -> damage and wrecks ->
events. Walls come last so that no push ever leaves a car inside one; overlap made by
this step's motion is resolved at the start of the next. Nothing in it reads a clock or
a file; all randomness comes from ``self.rng``, so the same seed and controls give the
same :meth:`state_hash` on the same machine.

State arrays (one entry per vehicle) are attributes; treat them as read-only outside
``game.sim`` and read them from the world when you need them, never keep one across a
step or a spawn (both may replace an array rather than change it in place). Besides
the body-frame ``vx``/``vy``, ``world_vx``/``world_vy`` give velocity in world axes.
``rear_spin`` (float32, m/s) is how much faster each car's driven rear tread runs
than the car: 0 while the tyres grip, large in a burnout (throttle with the brake or
handbrake held at a standstill); ``steer_pull`` (rad) is the front-wheel angle the
hits so far have bent the steering by. ``controls`` holds the rows the last step ran
under (after aids): a car's headlights,
horn and siren are read from there (``lights_on``).
"""

from __future__ import annotations

import hashlib
from typing import NamedTuple

import numpy as np

from game.sim import contacts, memory, walls
from game.sim.aids import NO_AIDS, apply_aids
from game.sim.controls import HANDBRAKE, LIGHTS, N_CONTROLS, clamp_controls, idle_controls
from game.sim.dynamics import per_vehicle_params, update_velocities
from game.sim.events import Collisions, StepEvents
from game.sim.fastmath import cos_sin, norm
from game.sim.terrain import Terrain
from game.sim.vehicles import CLASS_TABLE, VehicleClass

DT = 1.0 / 60.0  #: s, the fixed tick (60 Hz)
IMPACT_THRESHOLD = 2.5  #: m/s of delta-v in one step that leaves no damage (parking bumps)
DAMAGE_EXPONENT = 1.5  #: damage grows faster than the blow: knocks cost little, crashes a lot
PULL_AT_WRECK_RAD = 0.04  #: front-wheel angle the hits have bent in by the time a car wrecks
#: a wreck: no drive, rear wheels locked, lights out, silent
WRECKED_CONTROLS = np.where(np.arange(N_CONTROLS) == HANDBRAKE, 1.0, 0.0)

_FLOAT_STATE = (
    "x", "y", "heading", "vx", "vy", "yaw_rate", "steer",
    "slip_front", "slip_rear", "damage", "accel", "rear_spin", "steer_pull",
)  # fmt: skip
#: state kept in float32 (the rest is float64): the rear wheels' spin, m/s their tread
#: runs faster than the car (what a burnout shows; render and jobs read it)
_FLOAT32_STATE = frozenset({"rear_spin"})
_HASHED = (
    "x", "y", "heading", "vx", "vy", "yaw_rate", "steer", "damage", "accel",
    "rear_spin", "steer_pull",
)  # fmt: skip


def _state_dtype(name: str) -> type:
    """The dtype a per-vehicle float state array is kept in."""
    return np.float32 if name in _FLOAT32_STATE else np.float64


class Snapshot(NamedTuple):
    """Copies of the pose of every vehicle, for render interpolation."""

    x: np.ndarray
    y: np.ndarray
    heading: np.ndarray


class World:
    """All vehicles on one terrain; see the module docstring for the step and tick rate."""

    def __init__(self, terrain: Terrain, seed: int = 0, dt: float = DT) -> None:
        memory.keep_freed_memory()  # a step's temporaries stay mapped between steps
        self.terrain = terrain
        self.dt = float(dt)
        self.seed = int(seed)
        self.rng = np.random.default_rng(seed)
        self.tick = 0
        self.time = 0.0  #: s of simulated time since the world began
        self.walls = walls.WallGrid(terrain)
        self.broad = contacts.BroadGrid(*terrain.size_m)
        self.vehicle_class = np.zeros(0, dtype=np.intp)
        self.wrecked = np.zeros(0, dtype=bool)
        for name in _FLOAT_STATE:
            setattr(self, name, np.zeros(0, dtype=_state_dtype(name)))
        self.world_vx = np.zeros(0)  #: velocity in world axes (east, south), m/s
        self.world_vy = np.zeros(0)
        self.aids = np.zeros(0, dtype=np.uint8)  #: driver aids per vehicle (game.sim.aids bits)
        self.controls = idle_controls(0)  #: the rows the last step ran under, after aids
        self.params = per_vehicle_params(CLASS_TABLE, self.vehicle_class)
        self.previous = self.snapshot()  #: poses before the last step, for interpolation

    @property
    def n(self) -> int:
        return int(self.x.size)

    @property
    def lights_on(self) -> np.ndarray:
        """Per vehicle: headlights on (as the last step's controls had them)."""
        return self.controls[:, LIGHTS] > 0.5

    @property
    def speed(self) -> np.ndarray:
        """|velocity| per vehicle, m/s."""
        return norm(self.vx, self.vy)

    def spawn(self, vehicle_class, x, y, heading, speed=0.0, aids=NO_AIDS) -> np.ndarray:
        """Append vehicles (scalars or arrays broadcast together); return their indices.

        ``aids`` are the new cars' driver aids (:mod:`game.sim.aids` bits); until their
        first step they stand with the idle row (lights on)."""
        cls, x, y, heading, speed = np.broadcast_arrays(
            np.atleast_1d(np.asarray(vehicle_class, dtype=np.intp)),
            *(np.atleast_1d(np.asarray(v, dtype=np.float64)) for v in (x, y, heading, speed)),
        )
        if cls.size and (cls.min() < 0 or cls.max() >= len(VehicleClass)):
            raise ValueError(f"vehicle class out of range: {np.unique(cls).tolist()}")
        if not all(np.isfinite(v).all() for v in (x, y, heading, speed)):
            raise ValueError("spawn needs finite positions, headings and speeds")
        start, count = self.n, cls.size
        new = dict.fromkeys(_FLOAT_STATE, np.zeros(count))
        new.update(x=x, y=y, heading=heading, vx=speed)
        for name in _FLOAT_STATE:
            joined = np.concatenate([getattr(self, name), new[name]])
            setattr(self, name, joined.astype(_state_dtype(name), copy=False))
        self._update_world_velocity()
        self.vehicle_class = np.concatenate([self.vehicle_class, cls.ravel()])
        self.wrecked = np.concatenate([self.wrecked, np.zeros(count, dtype=bool)])
        self.aids = np.concatenate([self.aids, np.full(count, aids, dtype=np.uint8)])
        self.controls = np.concatenate([self.controls, idle_controls(count)])
        self.params = per_vehicle_params(CLASS_TABLE, self.vehicle_class)
        new_poses = (x.ravel(), y.ravel(), heading.ravel())
        self.previous = Snapshot(
            *(np.concatenate([old, new]) for old, new in zip(self.previous, new_poses, strict=True))
        )
        return np.arange(start, start + count)

    def set_aids(self, idx, aids: int) -> None:
        """Give vehicles ``idx`` these driver aids (:mod:`game.sim.aids` bits)."""
        self.aids[np.atleast_1d(np.asarray(idx, dtype=np.intp))] = aids

    def place(self, idx, x, y, heading, speed=0.0) -> None:
        """Teleport vehicles ``idx`` and make them as new: straight, undamaged, at ``speed``."""
        idx = np.atleast_1d(np.asarray(idx, dtype=np.intp))
        self.x[idx], self.y[idx], self.heading[idx], self.vx[idx] = x, y, heading, speed
        for name in _FLOAT_STATE[4:]:
            getattr(self, name)[idx] = 0.0
        self.wrecked[idx] = False
        self._update_world_velocity()
        for old, now in zip(self.previous, (self.x, self.y, self.heading), strict=True):
            old[idx] = now[idx]  # a teleport is not a motion to interpolate

    def step(self, controls: np.ndarray, dt: float | None = None) -> StepEvents:
        """Advance every vehicle by ``dt`` (default the fixed tick) under ``controls``
        (n, N_CONTROLS): clamped, then each car's aids applied, then integrated."""
        dt = self.dt if dt is None else float(dt)
        controls = clamp_controls(controls)
        if controls.shape != (self.n, N_CONTROLS):
            expected = (self.n, N_CONTROLS)
            raise ValueError(f"controls must be shaped {expected}, not {controls.shape}")
        if self.aids.any():
            apply_aids(self, controls)
        controls[self.wrecked] = WRECKED_CONTROLS
        self.controls = controls
        self.previous = self.snapshot()
        update_velocities(self, controls, dt)
        car_hits = contacts.collide_cars(self, dt)
        wall_hits = walls.move(self, dt)  # last, so no car is ever left inside a wall
        cos_h, sin_h = cos_sin(self.heading)
        self.vx = self.world_vx * cos_h + self.world_vy * sin_h
        self.vy = self.world_vy * cos_h - self.world_vx * sin_h
        self.heading = np.remainder(self.heading + np.pi, 2 * np.pi) - np.pi

        collisions = Collisions.concatenate([wall_hits, car_hits])
        wrecked = self._apply_damage(collisions)
        self.tick += 1
        self.time += dt
        return StepEvents(collisions=collisions, wrecked=wrecked)

    def _update_world_velocity(self) -> None:
        cos_h, sin_h = cos_sin(self.heading)
        self.world_vx = self.vx * cos_h - self.vy * sin_h
        self.world_vy = self.vx * sin_h + self.vy * cos_h

    def _apply_damage(self, hits: Collisions) -> np.ndarray:
        """Impulse / mass is the delta-v each car felt; above the threshold it wears it down.

        Damage grows as ``((delta_v - IMPACT_THRESHOLD) / durability) ** DAMAGE_EXPONENT``
        per step: a knock costs little, a hard hit a lot, and one blow of
        ``durability`` m/s beyond the threshold wrecks the car. Each hit also bends
        the steering towards the side it came from (:attr:`steer_pull`, up to
        :data:`PULL_AT_WRECK_RAD` of front-wheel angle at full damage); the engine's
        lost power is the physics' (:data:`game.sim.dynamics.DAMAGE_POWER_LOSS`).
        """
        if not len(hits):
            return np.zeros(0, dtype=np.intp)
        cars = np.concatenate([hits.a, hits.b[hits.b >= 0]])
        impulses = np.concatenate([hits.impulse, hits.impulse[hits.b >= 0]])
        felt = np.bincount(cars, weights=impulses, minlength=self.n) * self.params.inv_mass
        hurt = np.flatnonzero(felt > IMPACT_THRESHOLD)
        if not hurt.size:
            return hurt
        blow = ((felt[hurt] - IMPACT_THRESHOLD) / self.params.durability[hurt]) ** DAMAGE_EXPONENT
        added = np.minimum(self.damage[hurt] + blow, 1.0) - self.damage[hurt]
        self.damage[hurt] += added
        px = np.concatenate([hits.x, hits.x[hits.b >= 0]])
        py = np.concatenate([hits.y, hits.y[hits.b >= 0]])
        cos_h, sin_h = cos_sin(self.heading[cars])
        right = (py - self.y[cars]) * cos_h - (px - self.x[cars]) * sin_h  # m right of centre
        side = np.bincount(cars, weights=impulses * right, minlength=self.n)[hurt]
        self.steer_pull[hurt] += np.where(side < 0.0, -1.0, 1.0) * added * PULL_AT_WRECK_RAD
        newly = hurt[(self.damage[hurt] >= 1.0) & ~self.wrecked[hurt]]
        self.wrecked[newly] = True
        return newly

    def snapshot(self) -> Snapshot:
        """Copies of the poses now; keep the previous one to interpolate with the clock's alpha."""
        return Snapshot(self.x.copy(), self.y.copy(), self.heading.copy())

    def interpolated(self, alpha: float) -> Snapshot:
        """Poses ``alpha`` (0..1, the clock's) of the way from :attr:`previous` to now."""
        x0, y0, h0 = self.previous
        turn = np.remainder(self.heading - h0 + np.pi, 2 * np.pi) - np.pi  # the short way round
        return Snapshot(x0 + alpha * (self.x - x0), y0 + alpha * (self.y - y0), h0 + alpha * turn)

    def state_hash(self) -> str:
        """sha256 of the whole dynamic state (and the generator's), for replays and tests."""
        digest = hashlib.sha256()
        digest.update(np.int64(self.tick).tobytes())
        for name in _HASHED:
            digest.update(np.ascontiguousarray(getattr(self, name)).tobytes())
        digest.update(self.vehicle_class.astype(np.int64).tobytes())
        digest.update(self.wrecked.tobytes())
        digest.update(self.aids.tobytes())
        digest.update(np.ascontiguousarray(self.controls).tobytes())
        digest.update(repr(self.rng.bit_generator.state).encode())
        return digest.hexdigest()
