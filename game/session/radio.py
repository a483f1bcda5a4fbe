"""The police radio in words: call signs, car descriptions, where on the map, and the lines
the law sends out from what the police do (:class:`~game.session.events.RadioLine`).

Nothing is scripted here: a line is made when something happens (a unit has eyes on the
Driver, a lookout goes out, a roadblock is set, contact is lost, the search is called
off), from the police's own state and the map's street names. :class:`RadioBoard` is the
line the HUD shows of them: one after another, none lost under the next.
"""

from __future__ import annotations

from collections import deque

import numpy as np

from game.level.model import Level
from game.session.standing import CarDescription

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
#: the short form a dispatcher says ("grey coupe")
CAR_SHORT = {
    "driver": "coupe", "sedan": "sedan", "muscle": "muscle car", "taxi": "cab",
    "van": "van", "stock_car": "stock car", "unmarked": "sedan", "police": "black-and-white",
}  # fmt: skip
COMPASS = ("east", "south-east", "south", "south-west", "west", "north-west", "north", "north-east")
PHONETIC = ("Adam", "Boy", "Charles", "David", "Edward", "Frank", "George", "Henry")


def compass(heading: float) -> str:
    """Heading in radians (0 east, clockwise) -> one of eight compass words."""
    return COMPASS[int(np.round(heading / (np.pi / 4))) % 8]


def call_sign(unit: int) -> str:
    """A unit's call sign from its place in the police fleet ("3-Adam-12")."""
    return f"{1 + unit % 9}-{PHONETIC[(unit // 9) % len(PHONETIC)]}-{12 + 7 * unit % 80}"


def car_words(car: CarDescription | None, vehicle_class: str, plate: str | None) -> str:
    """How the radio describes the Driver's car: colour and kind ("grey coupe"), and the
    plate when a unit has read it (``plate``)."""
    kind = car.vehicle_class if car is not None else vehicle_class
    colour = car.colour if car is not None else factory_colour(kind)
    words = " ".join(w for w in (colour, CAR_SHORT.get(kind, "car")) if w)
    return f"{words}, plate {plate}" if plate else words


OFF_STREET_CELLS = 12  #: cells (4 m each) around a point searched for a street it is off


def nearest_street(level: Level, x: float, y: float) -> str | None:
    """The named street nearest a point off the streets, within OFF_STREET_CELLS, or None."""
    row, col = (int(i) for i in level.terrain.cells_of(x, y))
    r = OFF_STREET_CELLS
    top, left = max(row - r, 0), max(col - r, 0)
    patch = level.street_grid[top:max(row + r + 1, 0), left:max(col + r + 1, 0)]
    rows, cols = np.nonzero(patch >= 0)
    if rows.size == 0:
        return None
    nearest = int(np.argmin((rows + top - row) ** 2 + (cols + left - col) ** 2))
    return level.streets[int(patch[rows[nearest], cols[nearest]])].name


def place_words(level: Level, x: float, y: float) -> str:
    """Where a point is, as a dispatcher says it: "on Hill St at 4th St" (the street and
    the nearest crossing), "on Hill St", "just off Hill St" in an alley or a lot beside
    it, or "away from the streets" when no named street is near."""
    street = level.street_at(x, y)
    roads = level.roads
    if street is None:
        near = nearest_street(level, x, y)
        return f"just off {near}" if near is not None else "away from the streets"
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


RADIO_SHOW_S = 7.0  #: sim seconds a radio line stays on the HUD when no other waits...
RADIO_NEXT_S = 2.5  #: ...and how long, at least, before a waiting line takes its place
RADIO_WAITING = 3  #: lines that may wait their turn; older ones are dropped (stale news)


class RadioBoard:
    """The radio line the HUD shows. Lines heard together (a unit responding on the tick
    a roadblock is set) are shown one after another, each for RADIO_NEXT_S at least and
    the last for RADIO_SHOW_S, so none is lost under the next; only a backlog of more
    than RADIO_WAITING loses its oldest."""

    def __init__(self) -> None:
        self.text = ""  #: the line on show ("" none)
        self.since = 0.0  #: sim time it went up
        self.waiting: deque[str] = deque(maxlen=RADIO_WAITING)

    def hear(self, text: str) -> None:
        """A line on the radio: it goes up when the one on show has had its time."""
        self.waiting.append(text)

    def shown(self, time: float) -> str:
        """The line on show at sim ``time`` (the next waiting one once this one's time is
        up; "" once the last has been up RADIO_SHOW_S)."""
        age = time - self.since
        if self.waiting and (not self.text or age >= RADIO_NEXT_S):
            self.text, self.since = self.waiting.popleft(), time
        elif self.text and age >= RADIO_SHOW_S:
            self.text = ""
        return self.text
