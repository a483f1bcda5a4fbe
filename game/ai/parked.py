"""Parked cars: kerbside, handbrake on, lights off, nobody at the wheel.

The ``parked`` fleet of a session, and its ``spare`` fleet: cars a job leaves for the
Driver to change into (:class:`SpareCars`). A parked car is still a car (a player can shunt it,
and its owner will not be pleased), so it is a vehicle like any other; its driver just
holds it: the handbrake locks the rear wheels, as a parked car's would.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from game.ai.steering import hold_still
from game.sim.controls import LIGHTS

if TYPE_CHECKING:
    from game.ai.driver import Senses, Setting


class ParkedCars:
    """Holds every parked car where it stands."""

    role = "parked"
    sight = None

    def __init__(self) -> None:
        self.rows = np.zeros(0, dtype=np.intp)

    @classmethod
    def in_setting(cls, setting: Setting) -> ParkedCars:
        return cls()

    def add(self, rows: np.ndarray) -> None:
        self.rows = np.append(self.rows, np.asarray(rows, dtype=np.intp))

    def drive(self, senses: Senses, controls: np.ndarray) -> None:
        if self.rows.size:
            held = hold_still(self.rows.size)
            held[:, LIGHTS] = 0.0
            controls[self.rows] = held


class SpareCars(ParkedCars):
    """Cars left for the Driver, parked like any other, that he may change into (the
    session's car change, :meth:`game.session.drive.DriveSession.change_car`); the car
    he gets out of takes the spare's place, so he may change back."""

    role = "spare"

    def swap(self, taken: int, left: int) -> None:
        """He got out of ``left`` and into ``taken`` (one of these cars)."""
        self.rows = np.append(self.rows[self.rows != taken], np.intp(left))
