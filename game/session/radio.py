"""The police radio in words: call signs, car descriptions, where on the map, and the lines
the law sends out from what the police do (:class:`~game.session.events.RadioLine`).

Nothing is scripted here: a line is made when something happens (a unit has eyes on the
Driver, a lookout goes out, a roadblock is set, contact is lost, the search is called
off), from the police's own state and the map's street names.
"""

from __future__ import annotations

import numpy as np

from game.level.model import Level
from game.session.standing import CarDescription

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
#: the short form a dispatcher says ("grey coupe")
CAR_SHORT = {
    "driver": "grey coupe", "sedan": "tan sedan", "muscle": "black muscle car",
    "taxi": "yellow cab", "van": "white van", "stock_car": "stock car",
    "unmarked": "dark sedan", "police": "black-and-white",
}  # fmt: skip
COMPASS = ("east", "south-east", "south", "south-west", "west", "north-west", "north", "north-east")
PHONETIC = ("Adam", "Boy", "Charles", "David", "Edward", "Frank", "George", "Henry")


def compass(heading: float) -> str:
    """Heading in radians (0 east, clockwise) -> one of eight compass words."""
    return COMPASS[int(np.round(heading / (np.pi / 4))) % 8]


def call_sign(unit: int) -> str:
    """A unit's call sign from its place in the police fleet ("3-Adam-12")."""
    return f"{1 + unit % 9}-{PHONETIC[(unit // 9) % len(PHONETIC)]}-{12 + 7 * unit % 80}"


def car_words(car: CarDescription | None, vehicle_class: str, plate: bool) -> str:
    """How the radio describes the Driver's car: colour and kind, the plate if read."""
    if car is not None:
        words = f"{car.colour} {CAR_SHORT.get(car.vehicle_class, 'car')}".strip()
        words = words.replace("grey grey", "grey")
        return f"{words}, plate {car.plate}" if plate else words
    return CAR_SHORT.get(vehicle_class, "car")


def place_words(level: Level, x: float, y: float) -> str:
    """Where a point is, as a dispatcher says it: "on Hill St at 4th St" (the street and
    the nearest crossing), "on Hill St", or "downtown" when it is off the named streets."""
    street = level.street_at(x, y)
    roads = level.roads
    if street is None:
        return "off the grid"
    if len(roads.intersection_xy):
        distance = np.hypot(roads.intersection_xy[:, 0] - x, roads.intersection_xy[:, 1] - y)
        nearest = int(np.argmin(distance))
        if distance[nearest] < 60.0:
            node = np.flatnonzero(roads.node_intersection == nearest)
            edges = np.flatnonzero(np.isin(roads.edge_dst, node) | np.isin(roads.edge_src, node))
            names = {roads.street_names[s] for s in roads.edge_street[edges] if s >= 0}
            other = sorted(names - {street})
            if other:
                return f"on {street} at {other[0]}"
    return f"on {street}"
