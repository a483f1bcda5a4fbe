"""Lights that ride on cars: headlight cones, tail and brake lights, police light bars."""

from __future__ import annotations

import math

import numpy as np
import pygame

from game.render.camera import View
from game.render.cars_view import CarsInView
from game.render.rotation import RotationSet, rotation_index
from game.sim import VehicleClass

POLICE_FLASH_HZ = 2.5  #: light-bar alternations per second (sim time)


def cone_jobs(cones: RotationSet, x: np.ndarray, y: np.ndarray, heading: np.ndarray
               ) -> list[tuple]:
    """Additive blits of a cone whose apex (the unrotated sprite's left-middle) sits at
    each (x, y) pixel, pointing along each heading."""
    reach = cones.frames[0].get_width() / 2
    jobs = []
    for px, py, k in zip(x.tolist(), y.tolist(), rotation_index(heading, cones.steps).tolist(),
                         strict=True):
        frame = cones.frames[k]
        angle = 2 * math.pi * k / cones.steps
        jobs.append((frame, (px + math.cos(angle) * reach - frame.get_width() / 2,
                             py + math.sin(angle) * reach - frame.get_height() / 2),
                     None, pygame.BLEND_ADD))
    return jobs


def draw_tail_lights(world: pygame.Surface, view: View, cars: CarsInView, lit: np.ndarray,
                     tail: pygame.Surface, brake: pygame.Surface) -> None:
    """Two lamps per lit car, brighter (the brake glow) while it brakes."""
    jobs = []
    for lamps in (cars.tail_left, cars.tail_right):
        bx, by = view.to_px(lamps[0][lit], lamps[1][lit])
        for x, y, braking in zip(bx.astype(int).tolist(), by.astype(int).tolist(),
                                 cars.braking[lit].tolist(), strict=True):
            sprite = brake if braking else tail
            r = sprite.get_width() // 2
            jobs.append((sprite, (x - r, y - r), None, pygame.BLEND_ADD))
    world.blits(jobs, doreturn=False)


def draw_police_bars(world: pygame.Surface, view: View, red: pygame.Surface,
                     blue: pygame.Surface, cars: CarsInView, time_s: float) -> None:
    """The light bars' red and blue flashes, alternating in sim time."""
    police = cars.vehicle_class == VehicleClass.POLICE
    if not police.any():
        return
    phase = int(time_s * POLICE_FLASH_HZ * 2) % 2
    px, py = view.to_px(cars.x[police], cars.y[police])
    side = np.where(cars.index[police] % 2 == phase, 1.0, -1.0)  # neighbours out of step
    heading = cars.heading[police]
    offset = 0.5 * view.px_per_m * side
    jobs = []
    for x, y, s, h in zip(px.tolist(), py.tolist(), offset.tolist(), heading.tolist(),
                          strict=True):
        glow = red if s > 0 else blue
        r = glow.get_width() // 2
        jobs.append((glow, (x - math.sin(h) * s - r, y + math.cos(h) * s - r), None,
                     pygame.BLEND_ADD))
    world.blits(jobs, doreturn=False)
