"""Manoeuvre detectors: the audition's tests, each read from the car's state tick by tick.

A detector is fed one :class:`CarSample` per tick (what the world's arrays say of the
Driver's car: where, which way it faces, its forward speed, how fast the rear tread
spins, the zones it is in) and answers with the points it scores the tick it is passed,
None before. Each is a small class with no link to the session, so a test scripts the
samples of a drive (or a near miss) and feeds them in. Angles are radians, speeds m/s.

* **burnout**: the rear tread spinning faster than the car by ``spin_ms`` while the car
  stands (slower than ``still_ms``), held ``hold_s`` without a break;
* **slalom**: the gate zones entered in their order, one after another (a gate skipped,
  or entered out of turn, starts the run again); scored on the time from the first gate
  to the last against ``par_s``;
* **handbrake_180**: the car turned round, driving forwards before and after (faster
  than ``moving_ms`` at both ends), sliding on the way (its travel at
  ``drift_rad`` or more from where it points: a tight turn on grip is no handbrake
  turn), within ``within_s``;
* **reverse_180** (the J-turn): reversing faster than ``moving_ms``, then driving forwards
  with the nose turned round, within ``within_s``;
* **spin_360**: the car's heading turning one way through a whole turn (short of it by
  at most ``slack``) within ``within_s``, sliding on the way (a full-lock circle on grip
  is not a spin);
* **brake_test**: from at least ``from_ms`` (armed), brought to a stop with the front of
  the car on the line's zone or at most ``short_m`` short of it; past the line, or a
  stop that was not from speed, does not count. Scored on the metres short.
"""

from __future__ import annotations

import math
from collections import deque
from typing import NamedTuple

import numpy as np

FULL_POINTS = 100  #: what a manoeuvre done well scores


class CarSample(NamedTuple):
    """The Driver's car in one tick."""

    t: float  #: sim seconds
    x: float  #: metres
    y: float
    heading: float  #: radians, 0 = east, clockwise positive
    vx: float  #: forward speed, m/s (negative reversing)
    speed: float  #: m/s
    rear_spin: float = 0.0  #: m/s the driven rear tread runs faster than the car
    zones: frozenset[str] = frozenset()


def turned(a: float, b: float) -> float:
    """The angle between two headings, 0..pi."""
    return abs(math.remainder(a - b, math.tau))


def drift(s: CarSample) -> float:
    """How far the car's travel is from where it points, 0..pi (0 below walking pace)."""
    if s.speed < 1.0:
        return 0.0
    sideways = math.sqrt(max(s.speed * s.speed - s.vx * s.vx, 0.0))
    return math.atan2(sideways, s.vx)


class Burnout:
    label = "Burnout"

    def __init__(self, spin_ms: float = 5.0, still_ms: float = 1.0, hold_s: float = 2.0):
        self.spin_ms, self.still_ms, self.hold_s = spin_ms, still_ms, hold_s
        self.held_s = 0.0
        self._last_t: float | None = None

    def feed(self, s: CarSample) -> int | None:
        dt = 0.0 if self._last_t is None else s.t - self._last_t
        self._last_t = s.t
        spinning = s.rear_spin > self.spin_ms and s.speed < self.still_ms
        self.held_s = self.held_s + dt if spinning else 0.0
        return FULL_POINTS if self.held_s >= self.hold_s else None


class Slalom:
    label = "Slalom"

    def __init__(self, gates: tuple[str, ...], par_s: float = 16.0,
                 points_per_s: float = 5.0, least_points: int = 40):
        self.gates = gates
        self.par_s, self.points_per_s, self.least_points = par_s, points_per_s, least_points
        self.next = 0  #: the gate to enter next
        self.began_at = 0.0
        self._inside: frozenset[str] = frozenset()

    def feed(self, s: CarSample) -> int | None:
        entered = [g for g in self.gates if g in s.zones and g not in self._inside]
        self._inside = frozenset(g for g in self.gates if g in s.zones)
        for gate in entered:
            index = self.gates.index(gate)
            if index == self.next:
                if index == 0:
                    self.began_at = s.t
                self.next += 1
            elif index != self.next - 1:  # skipped one, or out of turn: start again
                self.next = 1 if index == 0 else 0
                self.began_at = s.t
        if self.next < len(self.gates):
            return None
        late_s = max(0.0, s.t - self.began_at - self.par_s)
        return max(self.least_points, round(FULL_POINTS - self.points_per_s * late_s))


class _Recent:
    """The samples of the last ``keep_s`` seconds."""

    def __init__(self, keep_s: float) -> None:
        self.keep_s = keep_s
        self.samples: deque[CarSample] = deque()

    def add(self, s: CarSample) -> None:
        self.samples.append(s)
        while self.samples and s.t - self.samples[0].t > self.keep_s:
            self.samples.popleft()


class Handbrake180:
    label = "180"

    def __init__(self, moving_ms: float = 3.0, within_s: float = 3.0, least_rad: float = 2.6,
                 drift_rad: float = 0.5):
        self.moving_ms, self.least_rad, self.drift_rad = moving_ms, least_rad, drift_rad
        self.recent = _Recent(within_s)

    def feed(self, s: CarSample) -> int | None:
        self.recent.add(s)
        if s.vx < self.moving_ms:
            return None
        # back from now: a slide somewhere, and a start driving forwards that points the
        # other way (the car slides backwards a moment as it comes round: that is fine)
        slid = False
        for sample in reversed(self.recent.samples):
            slid |= drift(sample) >= self.drift_rad
            if sample.vx > self.moving_ms and turned(sample.heading, s.heading) >= self.least_rad:
                return FULL_POINTS if slid else None
        return None


class Reverse180:
    label = "Reverse 180"

    def __init__(self, moving_ms: float = 3.0, within_s: float = 4.0, least_rad: float = 2.6):
        self.moving_ms, self.least_rad = moving_ms, least_rad
        self.recent = _Recent(within_s)

    def feed(self, s: CarSample) -> int | None:
        self.recent.add(s)
        if s.vx < self.moving_ms:
            return None
        for sample in self.recent.samples:
            if sample.vx < -self.moving_ms and turned(sample.heading, s.heading) >= self.least_rad:
                return FULL_POINTS
        return None


class Spin360:
    label = "360"

    def __init__(self, within_s: float = 6.0, slack: float = 0.5, drift_rad: float = 0.5):
        self.within_s, self.slack, self.drift_rad = within_s, slack, drift_rad
        self.turns: deque[tuple[float, float, bool]] = deque()  #: (t, turned so far, slid)
        self._total = 0.0
        self._last: float | None = None

    def feed(self, s: CarSample) -> int | None:
        if self._last is not None:
            self._total += math.remainder(s.heading - self._last, math.tau)
        self._last = s.heading
        self.turns.append((s.t, self._total, drift(s) >= self.drift_rad))
        while s.t - self.turns[0][0] > self.within_s:
            self.turns.popleft()
        totals = np.array([turn for _, turn, _ in self.turns])
        swing = max(self._total - totals.min(), totals.max() - self._total)
        slid = any(slide for _, _, slide in self.turns)
        return FULL_POINTS if slid and swing >= math.tau - self.slack else None


class BrakeTest:
    label = "Brake test"

    def __init__(self, line: np.ndarray, half_length_m: float, from_ms: float = 13.9,
                 short_m: float = 4.0, stopped_ms: float = 0.3, armed_s: float = 8.0,
                 points_per_m: float = 15.0):
        self.line = np.asarray(line, dtype=np.float64)  #: (K, 2) the line zone's outline
        self.half_length_m = half_length_m
        self.from_ms, self.short_m, self.stopped_ms = from_ms, short_m, stopped_ms
        self.armed_s, self.points_per_m = armed_s, points_per_m
        self.armed_at: float | None = None
        self.last_short_m: float | None = None  #: metres short at the last stop (- past)

    def feed(self, s: CarSample) -> int | None:
        if s.speed >= self.from_ms:
            self.armed_at = s.t
            return None
        if self.armed_at is None or s.speed > self.stopped_ms:
            return None
        from_speed = s.t - self.armed_at <= self.armed_s
        self.armed_at = None
        if not from_speed:
            return None
        ahead = self._ahead_of_front(s)
        near, far = float(ahead.min()), float(ahead.max())
        short = near if near > 0.0 else (0.0 if far >= 0.0 else far)
        self.last_short_m = short
        if short < 0.0 or short > self.short_m:
            return None
        return round(FULL_POINTS - self.points_per_m * short)

    def _ahead_of_front(self, s: CarSample) -> np.ndarray:
        """The line's outline, metres ahead of the car's front bumper."""
        cos_h, sin_h = math.cos(s.heading), math.sin(s.heading)
        front_x = s.x + cos_h * self.half_length_m
        front_y = s.y + sin_h * self.half_length_m
        return (self.line[:, 0] - front_x) * cos_h + (self.line[:, 1] - front_y) * sin_h
