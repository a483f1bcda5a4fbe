"""What a step reports: contacts and wrecks, as arrays (one row per contact)."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

WALL = -1  #: the ``b`` of a contact with static geometry


def _ints() -> np.ndarray:
    return np.zeros(0, dtype=np.intp)


def _floats() -> np.ndarray:
    return np.zeros(0, dtype=np.float64)


@dataclass(frozen=True)
class Collisions:
    """Contacts that pushed bodies apart this step.

    Car-car contacts have one row per pair; a car touching walls has one row per step,
    its impulses summed and its point the impulse-weighted mean of its wall contacts.
    Cars resting against each other or a wall report every step with small impulses:
    to hear or judge a crash, filter by impulse (impulse / mass is the delta-v felt).
    """

    a: np.ndarray = field(default_factory=_ints)  #: vehicle index
    b: np.ndarray = field(default_factory=_ints)  #: other vehicle index, or WALL (-1)
    x: np.ndarray = field(default_factory=_floats)  #: contact point, m
    y: np.ndarray = field(default_factory=_floats)  #: contact point, m
    impulse: np.ndarray = field(default_factory=_floats)  #: normal impulse, N*s (>= 0)

    def __len__(self) -> int:
        return int(self.a.size)

    @staticmethod
    def concatenate(parts: list[Collisions]) -> Collisions:
        parts = [p for p in parts if len(p)]
        if not parts:
            return Collisions()
        if len(parts) == 1:
            return parts[0]
        columns = ("a", "b", "x", "y", "impulse")
        return Collisions(*(np.concatenate([getattr(p, c) for p in parts]) for c in columns))


@dataclass(frozen=True)
class StepEvents:
    collisions: Collisions = field(default_factory=Collisions)
    wrecked: np.ndarray = field(default_factory=_ints)  #: indices wrecked this step
