"""What a crew member left behind tells the Detective: the car, the plate, the direction.

The career's Detective file reads these records; the headless outcome prints them.
"""

from __future__ import annotations

import string
from dataclasses import asdict, dataclass

import numpy as np


def make_plate(rng: np.random.Generator) -> str:
    """A California-style plate: digit, three letters, three digits."""
    letters = "".join(rng.choice(list(string.ascii_uppercase), 3))
    return f"{rng.integers(1, 10)}{letters}{rng.integers(0, 1000):03d}"


@dataclass(frozen=True)
class Testimony:
    crew: str
    car: str
    plate: str  #: what he remembers of it: the whole plate or part of it
    direction: str  #: where the car went ("north on Alameda")

    def as_dict(self) -> dict:
        return asdict(self)
