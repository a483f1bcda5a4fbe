"""Pre-rotated sprite sets: rotating a surface per car per frame is slow, a lookup is not."""

from __future__ import annotations

import math

import numpy as np
import pygame

ROTATION_STEPS = 96  #: angles per full turn (3.75 degrees apart)


def rotation_index(heading: np.ndarray, steps: int = ROTATION_STEPS) -> np.ndarray:
    """Nearest pre-rotated frame for headings in radians (0 = east, clockwise), vectorised."""
    return np.rint(np.asarray(heading) * (steps / (2 * math.pi))).astype(np.intp) % steps


class RotationSet:
    """One sprite (drawn facing east) at every heading step, each with its centre offset."""

    def __init__(self, sprite: pygame.Surface, steps: int = ROTATION_STEPS) -> None:
        self.steps = steps
        self.frames: list[pygame.Surface] = []
        self.offsets: list[tuple[int, int]] = []  #: subtract from the centre to get top-left
        for k in range(steps):
            # screen y points down, so a clockwise heading is a negative pygame angle
            frame = pygame.transform.rotozoom(sprite, -360.0 * k / steps, 1.0)
            self.frames.append(frame)
            self.offsets.append((frame.get_width() // 2, frame.get_height() // 2))

    def frame(self, heading: float) -> tuple[pygame.Surface, tuple[int, int]]:
        k = int(rotation_index(heading, self.steps))
        return self.frames[k], self.offsets[k]
