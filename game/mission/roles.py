"""The roles a mission can give a vehicle actor, and the fleet driver of each.

``[[vehicles]] role = "chaser"`` in a mission file names a row of :data:`ROLES`: the
class the actor's car gets unless the mission or its spawn names one, and how the
session makes that role's :class:`~game.ai.driver.FleetDriver` the first time a vehicle
of the role appears (later ones join it). This table is the whole of what the mission
layer knows about drivers: a new kind of driver is its own file in ``game/ai`` plus one
row here. ``check`` accepts exactly these role names.

The helicopter is the one actor that is not a car on the ground: the police fly it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from game.ai.chasers import ChaserController
from game.ai.detective import DetectiveController
from game.ai.driver import FleetDriver, Setting
from game.ai.parked import ParkedCars, SpareCars
from game.ai.police import PoliceController
from game.ai.racers import RacerController
from game.ai.target import TargetController
from game.ai.traffic import TrafficController

HELICOPTER = "helicopter"  #: the police helicopter (flies; no car, no fleet)


@dataclass(frozen=True)
class Role:
    default_class: str  #: the car it gets unless the mission or the spawn says otherwise
    make: Callable[[Setting], FleetDriver]  #: the role's fleet driver, made once a session
    summary: str  #: one line for the guide and for check's messages


ROLES: dict[str, Role] = {
    "traffic": Role("sedan", TrafficController.in_setting, "drives the lanes, obeys the lights"),
    "parked": Role("sedan", ParkedCars.in_setting, "stands at the kerb, lights off"),
    "spare": Role("sedan", SpareCars.in_setting, "parked for the Driver to change into"),
    # a session always has its police fleet: "police" actors join it
    "police": Role("police", PoliceController.in_setting, "patrols, answers calls, pursues"),
    "chaser": Role("muscle", ChaserController.in_setting, "hunts the Driver, rams, PITs"),
    "detective": Role("unmarked", DetectiveController.in_setting, "tails and predicts (one)"),
    "racer": Role("stock_car", RacerController.in_setting, "races the lap's line, passes, pits"),
    "target": Role("sedan", TargetController.in_setting, "drives where sent, watches mirrors"),
}


def role_names() -> tuple[str, ...]:
    """Every role name a mission may use, the helicopter included."""
    return (*ROLES, HELICOPTER)
