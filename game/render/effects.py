"""Skid marks, sparks and smoke. Animations advance in sim time, never wall time.

A car leaves tyre marks when its rear slides (slip angle) or its driven rear wheels spin
faster than it goes (``World.rear_spin``: a launch, a burnout, a power slide), and a
hard wheelspin smokes at the rear axle.
Skid marks are a ring buffer of short segments in metres, painted into the map chunks
as they are laid down (so they cost nothing to redraw) and painted again into a chunk
that is rendered anew after the cache dropped it: a persistent decal, at every zoom.
Sparks and smoke are small particle pools (numpy arrays), spawned from collision events
and damaged cars.
"""

from __future__ import annotations

import numpy as np
import pygame

from game.render import palette
from game.render.camera import ZOOM_LEVELS, View
from game.render.chunks import ChunkCache

SKID_SLIP_RAD = 0.18  #: rear slip angle that leaves marks
SKID_MIN_SPEED_MS = 4.0
SPIN_MARK_MS = 1.5  #: m/s the rear tread runs faster than the car: it lays rubber
SPIN_SMOKE_MS = 3.0  #: m/s of wheelspin from which the rear tyres smoke
SPIN_SMOKE_FULL_MS = 8.0  #: m/s of wheelspin at which they smoke their hardest
TYRE_SMOKE_PER_S = 24.0  #: puffs per second from a car spinning its rears its hardest
SKID_CAPACITY = 8000  #: segments kept (the oldest fade out of memory first)
SKID_WIDTH_M = 0.35  #: m, a tyre's contact patch
WHEEL_TRACK_FRACTION = 0.38  #: rear wheels sit this fraction of the width either side

SPARK_CAPACITY = 600
SPARKS_PER_KNS = 0.004  #: sparks per N*s of impact impulse
SPARK_LIFE_S = 0.45
SMOKE_CAPACITY = 400
SMOKE_FROM_DAMAGE = 0.45  #: cars more damaged than this smoke
SMOKE_PER_S = 14.0  #: puffs per second from a wrecked car
SMOKE_LIFE_S = 2.2


class SkidMarks:
    """Tyre marks: segments from each sliding car's rear wheels, painted into the chunks."""

    def __init__(self) -> None:
        self.segments = np.zeros((SKID_CAPACITY, 4))  #: x0, y0, x1, y1 metres
        self.count = 0
        self.next = 0
        self.last_wheels: np.ndarray | None = None  #: (N, 2 wheels, 2) previous positions
        self.last_sliding: np.ndarray | None = None

    def update(self, x: np.ndarray, y: np.ndarray, heading: np.ndarray, width: np.ndarray,
               length: np.ndarray, speed: np.ndarray, slip_rear: np.ndarray,
               chunks: ChunkCache | None, chunk_m: float,
               rear_spin: np.ndarray | float = 0.0) -> None:
        """Lay segments for cars sliding or spinning their rears (``rear_spin``, m/s) now
        and a moment ago (whole arrays, no per-car loop)."""
        cos, sin = np.cos(heading), np.sin(heading)
        back = -0.35 * length
        side = WHEEL_TRACK_FRACTION * width
        wheels = np.empty((x.size, 2, 2))
        for k, s in enumerate((-1.0, 1.0)):
            wheels[:, k, 0] = x + cos * back - sin * side * s
            wheels[:, k, 1] = y + sin * back + cos * side * s
        sliding = (np.abs(slip_rear) > SKID_SLIP_RAD) & (speed > SKID_MIN_SPEED_MS)
        sliding |= np.asarray(rear_spin) > SPIN_MARK_MS
        last = self.last_wheels
        if last is not None and last.shape == wheels.shape:
            lay = sliding & self.last_sliding
            new = np.concatenate([last[lay], wheels[lay]], axis=2).reshape(-1, 4)
            # [x0, y0, x1, y1] per wheel; drop jumps (a car placed elsewhere)
            new = new[np.hypot(new[:, 2] - new[:, 0], new[:, 3] - new[:, 1]) < 4.0]
            self._add(new, chunks, chunk_m)
        self.last_wheels, self.last_sliding = wheels, sliding

    def _add(self, new: np.ndarray, chunks: ChunkCache | None, chunk_m: float) -> None:
        new = new[-SKID_CAPACITY:]
        slots = (self.next + np.arange(len(new))) % SKID_CAPACITY
        self.segments[slots] = new
        self.next = int((self.next + len(new)) % SKID_CAPACITY)
        self.count = min(SKID_CAPACITY, self.count + len(new))
        if chunks is None or not len(new):
            return
        cells = np.floor(_midpoints(new) / chunk_m).astype(np.int64)
        for cx, cy in set(map(tuple, cells.tolist())):
            mine = new[(cells[:, 0] == cx) & (cells[:, 1] == cy)]
            for level in ZOOM_LEVELS:
                surface = chunks.cache.get((level, cx, cy))
                if surface is not None:
                    self._paint(surface, mine, chunks, level, cx, cy, chunk_m)

    def paint_chunk(self, surface: pygame.Surface, chunks: ChunkCache, level: float, cx: int,
                    cy: int, chunk_m: float) -> None:
        """Paint every kept segment that falls in a freshly rendered chunk."""
        kept = self.segments[: self.count]
        cells = np.floor(_midpoints(kept) / chunk_m)
        inside = (cells[:, 0] == cx) & (cells[:, 1] == cy)
        if inside.any():
            self._paint(surface, kept[inside], chunks, level, cx, cy, chunk_m)

    @staticmethod
    def _paint(surface: pygame.Surface, segments: np.ndarray, chunks: ChunkCache, level: float,
               cx: int, cy: int, chunk_m: float) -> None:
        ppm = chunks.chunk_px * level / chunk_m
        local = segments.copy()
        local[:, 0::2] = local[:, 0::2] * ppm - chunks.edge_px(level, cx)
        local[:, 1::2] = local[:, 1::2] * ppm - chunks.edge_px(level, cy)
        width = max(1, round(SKID_WIDTH_M * ppm))
        for x0, y0, x1, y1 in local.tolist():
            pygame.draw.line(surface, palette.SKID, (x0, y0), (x1, y1), width)


def _midpoints(segments: np.ndarray) -> np.ndarray:
    return 0.5 * (segments[:, 0:2] + segments[:, 2:4])


class Particles:
    """A fixed pool of particles: position, velocity, age and lifetime (metres, seconds)."""

    def __init__(self, capacity: int) -> None:
        self.pos = np.zeros((capacity, 2))
        self.vel = np.zeros((capacity, 2))
        self.age = np.full(capacity, np.inf)
        self.life = np.ones(capacity)
        self.next = 0

    def emit(self, pos: np.ndarray, vel: np.ndarray, life: np.ndarray) -> None:
        count = min(len(pos), len(self.age))
        slots = (self.next + np.arange(count)) % len(self.age)
        self.pos[slots], self.vel[slots] = pos[:count], vel[:count]
        self.age[slots], self.life[slots] = 0.0, life[:count]
        self.next = int((self.next + count) % len(self.age))

    def advance(self, dt: float, drag: float) -> np.ndarray:
        """Move live particles; returns the live mask."""
        alive = self.age < self.life
        self.pos[alive] += self.vel[alive] * dt
        self.vel[alive] *= np.exp(-drag * dt)
        self.age[alive] += dt
        return self.age < self.life


class SparksAndSmoke:
    """Sparks from collisions and smoke from damaged cars, drawn onto the lit world."""

    def __init__(self, seed: int = 0) -> None:
        self.rng = np.random.default_rng(seed)  # looks only: never touches the sim's generator
        self.sparks = Particles(SPARK_CAPACITY)
        self.smoke = Particles(SMOKE_CAPACITY)
        self.puffs: dict[float, list[pygame.Surface]] = {}

    def collide(self, x: np.ndarray, y: np.ndarray, impulse: np.ndarray) -> None:
        """Sparks at contact points, more for harder hits."""
        counts = np.minimum(40, (np.asarray(impulse) * SPARKS_PER_KNS).astype(int))
        if counts.sum() == 0:
            return
        origin = np.repeat(np.stack([x, y], axis=1), counts, axis=0)
        angle = self.rng.uniform(0, 2 * np.pi, len(origin))
        speed = self.rng.uniform(4.0, 18.0, len(origin))
        vel = np.stack([np.cos(angle), np.sin(angle)], axis=1) * speed[:, None]
        self.sparks.emit(origin, vel, self.rng.uniform(0.5, 1.0, len(origin)) * SPARK_LIFE_S)

    def smoulder(self, x: np.ndarray, y: np.ndarray, damage: np.ndarray, dt: float) -> None:
        """Puffs from damaged cars, more as damage rises (expected count per frame)."""
        heat = np.clip((damage - SMOKE_FROM_DAMAGE) / (1.0 - SMOKE_FROM_DAMAGE), 0.0, 1.0)
        emit = self.rng.random(len(x)) < heat * SMOKE_PER_S * dt
        if not emit.any():
            return
        count = int(emit.sum())
        vel = self.rng.normal(0.0, 0.8, (count, 2)) + np.array([0.6, -0.9])  # a light breeze
        pos = np.stack([x[emit], y[emit]], axis=1)
        self.smoke.emit(pos, vel, self.rng.uniform(0.6, 1.0, count) * SMOKE_LIFE_S)

    def tyre_smoke(self, x: np.ndarray, y: np.ndarray, heading: np.ndarray,
                   length: np.ndarray, rear_spin: np.ndarray, dt: float) -> None:
        """Puffs at the rear axle of cars spinning their driven wheels hard, more the
        harder they spin (expected count per frame), left behind as the car pulls away."""
        hard = np.clip((rear_spin - SPIN_SMOKE_MS) / (SPIN_SMOKE_FULL_MS - SPIN_SMOKE_MS),
                       0.0, 1.0)
        emit = (hard > 0.0) & (self.rng.random(len(x)) < hard * TYRE_SMOKE_PER_S * dt)
        if not emit.any():
            return
        count = int(emit.sum())
        back = -0.4 * length[emit]
        pos = np.stack([x[emit] + np.cos(heading[emit]) * back,
                        y[emit] + np.sin(heading[emit]) * back], axis=1)
        vel = self.rng.normal(0.0, 1.2, (count, 2)) + np.array([0.6, -0.9])  # the breeze
        self.smoke.emit(pos, vel, self.rng.uniform(0.5, 1.0, count) * SMOKE_LIFE_S)

    def advance(self, dt: float) -> None:
        self.sparks.advance(dt, drag=3.0)
        self.smoke.advance(dt, drag=0.6)

    def _puff_sprites(self, ppm: float) -> list[pygame.Surface]:
        found = self.puffs.get(ppm)
        if found is None:
            found = []
            for k in range(6):  # puffs grow and fade over their life
                radius = max(2, round((0.8 + 0.5 * k) * ppm))
                puff = pygame.Surface((2 * radius, 2 * radius), pygame.SRCALPHA)
                pygame.draw.circle(puff, (*palette.SMOKE, int(110 * (1 - k / 6))),
                                   (radius, radius), radius)
                found.append(puff)
            self.puffs[ppm] = found
        return found

    def draw(self, world: pygame.Surface, view: View) -> None:
        smoke = self.smoke.age < self.smoke.life
        smoke &= view.visible(self.smoke.pos[:, 0], self.smoke.pos[:, 1], 4.0)
        if smoke.any():
            puffs = self._puff_sprites(view.px_per_m)
            stage = np.minimum(5, (self.smoke.age[smoke] / self.smoke.life[smoke] * 6).astype(int))
            sx, sy = view.to_px(self.smoke.pos[smoke, 0], self.smoke.pos[smoke, 1])
            world.blits([(puffs[k], (x - puffs[k].get_width() // 2, y - puffs[k].get_height() // 2))
                         for x, y, k in zip(sx.astype(int).tolist(), sy.astype(int).tolist(),
                                            stage.tolist(), strict=True)], doreturn=False)
        sparks = self.sparks.age < self.sparks.life
        sparks &= view.visible(self.sparks.pos[:, 0], self.sparks.pos[:, 1], 2.0)
        if sparks.any():
            head_x, head_y = view.to_px(self.sparks.pos[sparks, 0], self.sparks.pos[sparks, 1])
            tail = self.sparks.pos[sparks] - self.sparks.vel[sparks] * 0.02
            tail_x, tail_y = view.to_px(tail[:, 0], tail[:, 1])
            for segment in zip(head_x.tolist(), head_y.tolist(), tail_x.tolist(), tail_y.tolist(),
                               strict=True):
                pygame.draw.line(world, palette.SPARK, segment[:2], segment[2:], 2)
