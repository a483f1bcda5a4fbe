"""People on foot, seen from above: the crew waiting at the corner and walking to the job.

A person is drawn more than twice as big as life (:data:`FIGURE_SCALE`: at street zoom a real
one is four pixels wide) and after the night is laid over the street, so the crew reads
at a glance: shoulders in the shirt's colour with a dark outline, a head, and, while
walking, feet that swing in step (animated by sim time, so a paused or replayed drive
shows the same stride).
"""

from __future__ import annotations

import math

import pygame

from game.render import palette
from game.render.camera import View

STRIDE_HZ = 1.8  #: steps per second
SHOULDER_M = 0.55  #: width across the shoulders
FIGURE_SCALE = 2.4  #: drawn this much larger than life, to be seen
SHIRTS = ((230, 228, 220), (225, 64, 76), (90, 130, 230), (230, 190, 80))  #: one per crew member
WITNESS_SHIRTS = ((250, 210, 60), (200, 120, 230))  #: a job's witnesses (the Player: gold)
HAIR = (30, 24, 20)
SHOES = (16, 16, 18)  #: and the outline
FEET = (96, 88, 84)  #: light enough to show the stride on asphalt


def draw_person(surface: pygame.Surface, view: View, x: float, y: float, heading: float,
                time_s: float, walking: bool, shirt: tuple[int, int, int]) -> None:
    """One person centred on (x, y) metres, facing ``heading``, in a faint ring of the
    crew's colour (so the eye finds them on a dark street)."""
    ppm = view.px_per_m * FIGURE_SCALE
    px, py = (float(v) for v in view.to_px(x, y))
    cos, sin = math.cos(heading), math.sin(heading)

    def at(forward: float, right: float) -> tuple[float, float]:
        return (px + (forward * cos - right * sin) * ppm, py + (forward * sin + right * cos) * ppm)

    pygame.draw.circle(surface, palette.CREW, (px, py), 0.62 * ppm, max(1, round(0.05 * ppm)))
    if walking:
        swing = 0.22 * math.sin(2 * math.pi * STRIDE_HZ * time_s)
        for side, phase in ((-0.12, 1.0), (0.12, -1.0)):
            pygame.draw.circle(surface, FEET, at(swing * phase, side), max(1.0, 0.09 * ppm))
    half = SHOULDER_M / 2
    pygame.draw.line(surface, SHOES, at(0.0, -half - 0.05), at(0.0, half + 0.05),
                     max(3, round(0.36 * ppm)))
    pygame.draw.line(surface, shirt, at(0.0, -half), at(0.0, half), max(2, round(0.26 * ppm)))
    pygame.draw.circle(surface, HAIR, at(0.02, 0.0), max(1.5, 0.13 * ppm))
