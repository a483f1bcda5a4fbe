"""People on foot, seen from above: the crew waiting at the corner and walking to the job.

A person is about 0.5 m across the shoulders: shoulders in the shirt's colour, a head,
and, while walking, feet that swing in step (animated by sim time, so a paused or
replayed drive shows the same stride).
"""

from __future__ import annotations

import math

import pygame

from game.render.camera import View

STRIDE_HZ = 1.8  #: steps per second
SHOULDER_M = 0.55  #: width across the shoulders
SHIRTS = ((230, 228, 220), (170, 40, 48), (60, 90, 160), (220, 180, 70))  #: one per crew member
HAIR = (30, 24, 20)
SHOES = (16, 16, 18)


def draw_person(surface: pygame.Surface, view: View, x: float, y: float, heading: float,
                time_s: float, walking: bool, shirt: tuple[int, int, int]) -> None:
    """One person centred on (x, y) metres, facing ``heading``."""
    ppm = view.px_per_m
    px, py = view.to_px(x, y)
    cos, sin = math.cos(heading), math.sin(heading)

    def at(forward: float, right: float) -> tuple[float, float]:
        return (float(px) + (forward * cos - right * sin) * ppm,
                float(py) + (forward * sin + right * cos) * ppm)

    if walking:
        swing = 0.22 * math.sin(2 * math.pi * STRIDE_HZ * time_s)
        for side, phase in ((-0.12, 1.0), (0.12, -1.0)):
            pygame.draw.circle(surface, SHOES, at(swing * phase, side), max(1.0, 0.09 * ppm))
    half = SHOULDER_M / 2
    pygame.draw.line(surface, shirt, at(0.0, -half), at(0.0, half), max(2, round(0.26 * ppm)))
    pygame.draw.circle(surface, HAIR, at(0.02, 0.0), max(1.5, 0.13 * ppm))
