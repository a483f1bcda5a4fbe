"""The state of a career, as typed frozen values: what carries from one job to the next.

A :class:`Career` is the whole of it: the Handler's night it is now, the Driver's money
and reputation, the clients he has worked for (each hires him once), the jobs he turned
down, every job's typed :class:`~game.mission.result.JobResult` (in a :class:`JobRecord`),
the cars he owns and the one he drives, each with the description witnesses give of it
(class, colour, plate), and the Detective's file (:class:`Evidence`, one entry per piece
of evidence). Everything that changes it is a function that returns a new Career
(:mod:`game.career.handler`, :mod:`game.career.consequences`, :mod:`game.career.garage`),
so a career can be saved, compared and tested as a value. Nothing here knows about
files (:mod:`game.career.saves`) or the Detective's arithmetic (:mod:`game.career.dossier`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from game.mission.result import JobResult
from game.mission.testimony import make_plate
from game.session.radio import describe_car, factory_colour
from game.session.standing import CarDescription

START_MONEY = 1500  #: dollars the Driver has on the first night (a mechanic's savings)
START_CAR = "driver"  #: the class of the car he starts with: the grey 1973 coupe
PLATE_STREAM = 7  #: the random stream plates are drawn from (seeded by the career's seed)
APARTMENT, GARAGE = "apartment", "garage"  #: where the Driver can be between jobs
WHEREABOUTS = (APARTMENT, GARAGE)
#: how a career ends (game.career.ending says when): "" while it goes on
ARRESTED, DROPPED, INTO_THE_NIGHT = "arrested", "dropped", "into_the_night"
ENDINGS = ("", ARRESTED, DROPPED, INTO_THE_NIGHT)


@dataclass(frozen=True)
class OwnedCar:
    """A car the Driver owns, as the world sees it."""

    vehicle_class: str  #: game.sim.VehicleClass name ("driver", "sedan", ...)
    colour: str  #: "grey"; a respray at Shannon's changes it
    plate: str  #: "4KKI394"; new plates at Shannon's change it
    damage: float = 0.0  #: 0 (new) to 1 (wrecked: it cannot be driven until repaired)

    @property
    def description(self) -> CarDescription:
        """The car as witnesses and the police describe it."""
        return CarDescription(self.vehicle_class, self.colour, self.plate)

    @property
    def words(self) -> str:
        """"a grey 1973 coupe, quick and plain"."""
        return describe_car(self.vehicle_class, self.colour)

    @property
    def wrecked(self) -> bool:
        return self.damage >= 1.0


@dataclass(frozen=True)
class Evidence:
    """One entry in the Detective's file: who told him what, when, and how strongly it
    points at the Driver (the source's weight; :mod:`game.career.dossier` fades some)."""

    source: str  #: a key of game.career.dossier.SOURCES: "crew", "plate", "witness", ...
    who: str  #: who gave it: "Blanche, left behind on Five Minutes", "patrol_north"
    says: str  #: what it says, as the dossier prints it
    night: int  #: the Handler's night it came from
    job: str  #: the mission (file stem) it came from
    clock: float  #: mission clock at the end of that job (seconds since midnight)
    strength: float  #: 0..1: how strongly it points at the Driver when fresh
    car: CarDescription | None = None  #: the car it describes, if it names one
    #: the job's witness who gave it (a ``[[witnesses]]`` name; "" for any other entry),
    #: so a later job's ``[career] retracts`` can find it
    witness: str = ""
    retracted: bool = False  #: the witness took it back (it weighs RETRACTED_SHARE of itself)


@dataclass(frozen=True)
class JobRecord:
    """One job done in the career: when, for whom, and its typed result."""

    night: int
    client: str
    result: JobResult
    reputation_change: int  #: what the job did to the Driver's name


@dataclass(frozen=True)
class Career:
    """Everything a career carries; saved whole after every change."""

    seed: int  #: seeds the jobs and the plates, so a career replays the same headless
    night: int = 1  #: the Handler's night it is now (the first is 1)
    money: int = START_MONEY  #: dollars
    reputation: int = 0  #: the Driver's name among those who hire drivers
    clients: tuple[str, ...] = ()  #: clients he has worked for: none hires him twice
    declined: tuple[str, ...] = ()  #: missions he turned down: never offered again
    jobs: tuple[JobRecord, ...] = ()
    cars: tuple[OwnedCar, ...] = (OwnedCar(START_CAR, factory_colour(START_CAR), ""),)
    car_in_use: int = 0  #: the index in ``cars`` of the car he drives
    file: tuple[Evidence, ...] = ()  #: the Detective's file, oldest first
    plates_made: int = 0  #: plates drawn so far (the next is drawn from this count)
    ended: str = ""  #: why the career is over, in a sentence ("" while it goes on)
    ending: str = ""  #: how it ended: one of ENDINGS ("" while it goes on)
    #: where the Driver was last (APARTMENT or GARAGE): the night's drive starts there
    whereabouts: str = APARTMENT

    @property
    def car(self) -> OwnedCar:
        """The car he drives."""
        return self.cars[self.car_in_use]

    def with_car(self, car: OwnedCar) -> Career:
        """This career with ``car`` in place of the car he drives."""
        cars = list(self.cars)
        cars[self.car_in_use] = car
        return replace(self, cars=tuple(cars))

    @property
    def done(self) -> tuple[str, ...]:
        """The missions done, in order."""
        return tuple(record.result.mission for record in self.jobs)

    @property
    def over(self) -> bool:
        return bool(self.ended)


def new_plate(career: Career) -> tuple[str, Career]:
    """The next plate of the career's own stream, and the career that has drawn it."""
    rng = np.random.default_rng([career.seed, PLATE_STREAM, career.plates_made])
    return make_plate(rng), replace(career, plates_made=career.plates_made + 1)


def new_career(seed: int = 0) -> Career:
    """Night one: a mechanic's savings, no name yet, the grey coupe on fresh plates."""
    plate, career = new_plate(Career(seed=seed))
    return career.with_car(replace(career.car, plate=plate))


def job_seed(career: Career) -> int:
    """The world seed of tonight's job (the career's seed and the night, mixed)."""
    return int(np.random.SeedSequence([career.seed, career.night]).generate_state(1)[0])
