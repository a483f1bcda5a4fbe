"""The simulation: vehicles, collisions and the fixed-step World (numpy only, no pygame).

Everything other layers use is exported here; see :mod:`game.sim.world` for the step.
"""

from game.sim.clock import FixedStepClock
from game.sim.events import WALL, Collisions, StepEvents
from game.sim.vehicles import VEHICLE_CLASSES, VehicleClass, VehicleSpec
from game.sim.world import DT, Snapshot, World

__all__ = [
    "DT",
    "VEHICLE_CLASSES",
    "WALL",
    "Collisions",
    "FixedStepClock",
    "Snapshot",
    "StepEvents",
    "VehicleClass",
    "VehicleSpec",
    "World",
]
