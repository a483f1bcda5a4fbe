"""A driver for tests: holds one control row for the Driver's car, tick after tick."""

from __future__ import annotations

import numpy as np

from game.sim.controls import BRAKE, HANDBRAKE, LIGHTS, STEER, THROTTLE, idle_controls


class Steady:
    """The session's player driver, writing the same row every tick (change ``row``)."""

    def __init__(self, throttle=0.0, brake=0.0, steer=0.0, handbrake=0.0, lights=1.0) -> None:
        self.row = idle_controls(1)[0]
        self.set(throttle, brake, steer, handbrake, lights)

    def set(self, throttle=0.0, brake=0.0, steer=0.0, handbrake=0.0, lights=1.0) -> None:
        self.row[[THROTTLE, BRAKE, STEER, HANDBRAKE, LIGHTS]] = (
            throttle, brake, steer, handbrake, lights)

    def drive(self, senses, controls: np.ndarray) -> None:
        controls[senses.player] = self.row
