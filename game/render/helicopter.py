"""The police helicopter, seen from above: a dark body, a tail boom, a spinning rotor.

It flies above the street, so it is drawn translucent (:data:`CRAFT_ALPHA`): the
Driver's car and the cars round it stay visible under it.
"""

from __future__ import annotations

import math

import pygame

from game.render import palette
from game.render.camera import View

ROTOR_HZ = 5.0  #: rotor turns per second (sim time), slowed down so the eye can follow
ROTOR_RADIUS_M = 5.5
REACH_M = 7.5  #: the craft's furthest point from its centre (rotor tips, tail)
CRAFT_ALPHA = 150  #: opacity of the body, boom and rotor (0..255): the street shows through


def draw_helicopter(surface: pygame.Surface, view: View, x: float, y: float, heading: float,
                    time_s: float) -> None:
    """Draw the craft centred on (x, y) metres, nose along ``heading``."""
    ppm = view.px_per_m
    half = math.ceil(REACH_M * ppm) + 2
    craft = pygame.Surface((2 * half, 2 * half), pygame.SRCALPHA)
    cos, sin = math.cos(heading), math.sin(heading)

    def at(forward: float, right: float) -> tuple[float, float]:
        return (half + (forward * cos - right * sin) * ppm,
                half + (forward * sin + right * cos) * ppm)

    def see_through(colour: tuple[int, int, int]) -> tuple[int, int, int, int]:
        return (*colour, CRAFT_ALPHA)

    boom = see_through((30, 30, 38))
    pygame.draw.line(craft, boom, at(0.0, 0.0), at(-6.5, 0.0), max(2, round(0.5 * ppm)))
    pygame.draw.line(craft, boom, at(-6.5, -1.0), at(-6.5, 1.0), max(1, round(0.3 * ppm)))
    body = [at(2.2, 0.0), at(1.2, 1.0), at(-1.8, 0.9), at(-2.2, 0.0), at(-1.8, -0.9),
            at(1.2, -1.0)]
    pygame.draw.polygon(craft, see_through((26, 28, 40)), body)
    pygame.draw.polygon(craft, see_through((60, 70, 100)), body, 1)
    angle = 2 * math.pi * ROTOR_HZ * time_s
    for blade in range(2):
        a = angle + blade * math.pi / 2
        tip = (math.cos(a) * ROTOR_RADIUS_M, math.sin(a) * ROTOR_RADIUS_M)
        pygame.draw.line(craft, see_through((90, 90, 100)), at(tip[0], tip[1]),
                         at(-tip[0], -tip[1]), max(1, round(0.25 * ppm)))
    beacon = palette.POLICE_RED if int(time_s * 2) % 2 else palette.TEXT
    pygame.draw.circle(craft, beacon, at(-6.5, 0.0), max(1, round(0.3 * ppm)))  # a lamp: solid
    cx, cy = view.to_px(x, y)
    surface.blit(craft, (round(float(cx)) - half, round(float(cy)) - half))
