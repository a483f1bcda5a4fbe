"""The control array: what every driver (keyboard, gamepad, AI, replay) writes.

``controls`` is a float array of shape (N, 4), one row per vehicle slot, columns below.
Physics reads nothing else, so a replay is just the seed plus these arrays per tick.
"""

from __future__ import annotations

import numpy as np

THROTTLE = 0  #: 0..1, fraction of engine force
BRAKE = 1  #: 0..1, fraction of brake force; held at standstill it engages reverse
STEER = 2  #: -1..1, fraction of max steering angle; +1 steers right (clockwise on screen)
HANDBRAKE = 3  #: 0 or 1, locks the rear wheels (cuts rear grip)
N_CONTROLS = 4

_LOW = np.array([0.0, 0.0, -1.0, 0.0])
_HIGH = np.array([1.0, 1.0, 1.0, 1.0])


def empty_controls(n: int) -> np.ndarray:
    """Controls for ``n`` vehicles doing nothing (coasting, wheels straight)."""
    return np.zeros((n, N_CONTROLS), dtype=np.float64)


def clamp_controls(controls: np.ndarray) -> np.ndarray:
    """Clamp controls to their ranges where they enter the simulation; NaN becomes 0."""
    controls = np.array(controls, dtype=np.float64)  # a copy: the caller's array is theirs
    if np.isnan(controls.sum()):  # one cheap pass; find the NaNs only when there are some
        controls[np.isnan(controls)] = 0.0
    np.maximum(controls, _LOW, out=controls)
    return np.minimum(controls, _HIGH, out=controls)
