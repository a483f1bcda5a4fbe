"""What a crew member left behind tells the Detective: the car, the plate, the direction.

The career's Detective file reads these records; the headless outcome prints them.
"""

from __future__ import annotations

import string
from dataclasses import asdict, dataclass

import numpy as np

#: how a witness describes each vehicle class (class name -> words)
CAR_DESCRIPTIONS = {
    "driver": "a grey 1973 coupe, quick and plain",
    "sedan": "a tan four-door sedan",
    "muscle": "a black muscle car with a loud engine",
    "taxi": "a yellow cab",
    "van": "a white panel van",
    "stock_car": "a stock car with a number on the door",
    "unmarked": "a dark unmarked sedan",
    "police": "a black-and-white",
}

COMPASS = ("east", "south-east", "south", "south-west", "west", "north-west", "north", "north-east")


def compass(heading: float) -> str:
    """Heading in radians (0 east, clockwise) -> one of eight compass words."""
    return COMPASS[int(np.round(heading / (np.pi / 4))) % 8]


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
