"""What the police know of the Driver when a drive begins: his standing with the law.

A career carries it from job to job (the heat he starts with, the cars whose description
is out, the car he drives today); free drive and a one-off job start with
:data:`NOTHING_KNOWN`. The law phase (:mod:`game.session.law`) reads it.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CarDescription:
    """A car as witnesses and the police describe it."""

    vehicle_class: str  #: "driver", "sedan", ... (game.sim.VehicleClass names)
    colour: str  #: "grey"
    plate: str  #: "4KKI394"


@dataclass(frozen=True)
class Standing:
    """What the police know of the Driver when a drive begins (a career carries it from
    job to job): the heat he starts with, the cars whose description is out, and the car
    he drives today (its plate is the one witnesses read)."""

    heat: float = 0.0
    known_cars: tuple[CarDescription, ...] = ()
    player_car: CarDescription | None = None
    #: sim seconds into a job after which the Detective's car comes in (None: he does not)
    detective_after_s: float | None = None
    #: free drive: the Detective pulls up beside him and says this ("": he does not come)
    detective_line: str = ""

    @property
    def car_known(self) -> bool:
        """The police have the description of the car he is driving."""
        return self.player_car is not None and self.player_car in self.known_cars


NOTHING_KNOWN = Standing()  #: a drive the police know nothing about yet
