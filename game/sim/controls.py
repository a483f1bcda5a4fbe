"""The control row: every decision a driver makes, the one thing drivers and physics share.

``controls`` is a float array of shape (N, N_CONTROLS), one row per vehicle slot. Every
driver (keyboard, gamepad, autopilot, traffic, police, replay) writes whole rows, and
nothing else decides what a car does, so a replay is just the seed plus these rows per
tick (DESIGN.md, "One tick"). The first :data:`N_DRIVE` columns are what the physics
integrates; the rest are the car's other switches: its headlights (which police sight
and the renderer read), its horn and its siren (audio, and a siren is a police car in a
pursuit), and the Driver's ask to change cars (the session acts on it after the step).
"""

from __future__ import annotations

import numpy as np

THROTTLE = 0  #: 0..1, fraction of engine force
BRAKE = 1  #: 0..1, fraction of brake force; held at standstill it engages reverse
STEER = 2  #: -1..1, fraction of max steering angle; +1 steers right (clockwise on screen)
HANDBRAKE = 3  #: 0 or 1, locks the rear wheels (cuts rear grip)
LIGHTS = 4  #: 0 or 1, headlights on (off at night hides a car in shadow)
HORN = 5  #: 0 or 1, sounding the horn
SIREN = 6  #: 0 or 1, siren and light bar on (police)
#: 0 or 1, held: the Driver asks to get out and into the spare car beside him; the session
#: changes cars on the tick it goes from 0 to 1 (:meth:`game.session.drive.DriveSession.tick`)
CHANGE_CAR = 7
N_DRIVE = 4  #: the columns the physics integrates (throttle, brake, steer, handbrake)
N_CONTROLS = 8
N_CONTROLS_BEFORE_CHANGE_CAR = 7  #: replays recorded before CHANGE_CAR have this many

_LOW = np.array([0.0, 0.0, -1.0, 0.0, 0.0, 0.0, 0.0, 0.0])
_HIGH = np.ones(N_CONTROLS)
#: a car nobody drives: coasting, wheels straight, lights on (the city at night)
IDLE_ROW = np.array([0.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0])


def empty_controls(n: int) -> np.ndarray:
    """Controls for ``n`` vehicles doing nothing (coasting, wheels straight, lights off)."""
    return np.zeros((n, N_CONTROLS), dtype=np.float64)


def idle_controls(n: int) -> np.ndarray:
    """Rows for ``n`` vehicles that nobody drives this tick (:data:`IDLE_ROW` each)."""
    rows = np.empty((n, N_CONTROLS))
    rows[:] = IDLE_ROW  # (np.tile costs more than the copy, at every size the AI asks for)
    return rows


def clamp_controls(controls: np.ndarray) -> np.ndarray:
    """Clamp controls to their ranges where they enter the simulation; NaN becomes 0."""
    controls = np.array(controls, dtype=np.float64)  # a copy: the caller's array is theirs
    if np.isnan(controls.sum()):  # one cheap pass; find the NaNs only when there are some
        controls[np.isnan(controls)] = 0.0
    np.maximum(controls, _LOW, out=controls)
    return np.minimum(controls, _HIGH, out=controls)
