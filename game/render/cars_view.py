"""The cars near the view this frame: interpolated poses and where their lamps are."""

from __future__ import annotations

import numpy as np

from game.sim import VEHICLE_CLASSES, VehicleClass

CLASS_LENGTH = np.array([VEHICLE_CLASSES[c].length for c in VehicleClass])  #: m, per class
CLASS_WIDTH = np.array([VEHICLE_CLASSES[c].width for c in VehicleClass])  #: m, per class


class CarsInView:
    """Interpolated positions of the cars near the view, with their fronts and rears."""

    def __init__(self, index: np.ndarray, x: np.ndarray, y: np.ndarray, heading: np.ndarray,
                 vehicle_class: np.ndarray, braking: np.ndarray | None = None) -> None:
        self.index, self.x, self.y, self.heading = index, x, y, heading
        self.vehicle_class = vehicle_class
        self.braking = np.zeros(index.size, dtype=bool) if braking is None else braking
        half = 0.5 * CLASS_LENGTH[vehicle_class]
        side = 0.36 * CLASS_WIDTH[vehicle_class]
        cos, sin = np.cos(heading), np.sin(heading)
        self.front_x, self.front_y = x + cos * half, y + sin * half
        rear_x, rear_y = x - cos * (half - 0.1), y - sin * (half - 0.1)
        self.tail_left = (rear_x + sin * side, rear_y - cos * side)
        self.tail_right = (rear_x - sin * side, rear_y + cos * side)
