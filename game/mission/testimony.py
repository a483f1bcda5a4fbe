"""What a crew member left behind tells the Detective: the car, the plate, the direction.

The career's Detective file reads these records; the headless outcome prints them.
"""

from __future__ import annotations

import string
from dataclasses import asdict, dataclass

import numpy as np

#: how a witness describes each vehicle class: (its colour as it leaves the factory, the
#: rest of the words); a car resprayed at Shannon's is described in its new colour
CAR_LOOKS: dict[str, tuple[str, str]] = {
    "driver": ("grey", "1973 coupe, quick and plain"),
    "sedan": ("tan", "four-door sedan"),
    "muscle": ("black", "muscle car with a loud engine"),
    "taxi": ("yellow", "cab"),
    "van": ("white", "panel van"),
    "stock_car": ("", "stock car with a number on the door"),
    "unmarked": ("dark", "unmarked sedan"),
    "police": ("black-and-white", ""),
}


def factory_colour(vehicle_class: str) -> str:
    """The colour a car of this class comes in ("grey" for the Driver's coupe)."""
    return CAR_LOOKS.get(vehicle_class, ("", ""))[0]


def describe_car(vehicle_class: str, colour: str | None = None) -> str:
    """How a witness describes the car: "a grey 1973 coupe, quick and plain"; with
    ``colour``, in that colour instead of the factory's."""
    factory, rest = CAR_LOOKS.get(vehicle_class, ("", "car"))
    words = " ".join(w for w in (colour or factory, rest) if w)
    article = "an" if words[:1].lower() in "aeiou" else "a"
    return f"{article} {words}"


CAR_DESCRIPTIONS = {name: describe_car(name) for name in CAR_LOOKS}  #: class -> words


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
