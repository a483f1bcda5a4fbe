"""Vehicle sprites drawn by code, one look per class, facing east (heading 0).

Drawn at four times the size and smoothed down, so edges stay clean at small scales.
Civilian classes come in a few paint variants (chosen by vehicle index); the stock car
carries a race number. Lights (headlamps, the police bar's flash) are not in the sprite:
the night layer adds them, so they glow.
"""

from __future__ import annotations

import pygame

from game.render import palette
from game.render.rotation import RotationSet
from game.sim import VEHICLE_CLASSES, VehicleClass

SUPERSAMPLE = 4
GLASS = (24, 34, 58)
TYRE = (14, 14, 16)

#: per class: body paints (one per variant); the variant is the vehicle index modulo this
PAINTS: dict[VehicleClass, tuple[tuple[int, int, int], ...]] = {
    VehicleClass.DRIVER: ((196, 200, 210),),
    VehicleClass.SEDAN: ((120, 30, 40), (40, 70, 120), (200, 200, 195), (70, 90, 70),
                         (150, 120, 90), (60, 60, 66)),
    VehicleClass.MUSCLE: ((200, 30, 30), (20, 20, 24), (230, 170, 30)),
    VehicleClass.POLICE: ((18, 18, 22),),
    VehicleClass.UNMARKED: ((70, 62, 52), (48, 52, 58)),
    VehicleClass.TAXI: ((246, 196, 20),),
    VehicleClass.VAN: ((228, 228, 224), (150, 160, 170)),
    VehicleClass.STOCK_CAR: ((5, 217, 232), (255, 42, 109), (250, 250, 250), (255, 140, 0)),
}
STOCK_CAR_NUMBERS = ("46", "3", "24", "88")


def variants(vehicle_class: VehicleClass) -> int:
    return len(PAINTS[vehicle_class])


def draw_vehicle(vehicle_class: VehicleClass, variant: int, px_per_m: float) -> pygame.Surface:
    """A top-down car of the class's real length and width at ``px_per_m``, facing east."""
    spec = VEHICLE_CLASSES[vehicle_class]
    scale = px_per_m * SUPERSAMPLE
    length, width = spec.length * scale, spec.width * scale
    surface = pygame.Surface((round(length) + 2, round(width) + 2), pygame.SRCALPHA)
    body = pygame.Rect(1, 1, round(length), round(width))
    paint = PAINTS[vehicle_class][variant % variants(vehicle_class)]
    radius = round(width * 0.28)

    # tyres peek out at the four corners
    tyre_l, tyre_w = round(0.7 * scale), round(0.25 * scale)
    for fx in (0.18, 0.74):
        for y in (body.top - tyre_w // 3, body.bottom - tyre_w * 2 // 3):
            pygame.draw.rect(surface, TYRE, (body.left + fx * length, y, tyre_l, tyre_w))
    pygame.draw.rect(surface, paint, body, border_radius=radius)
    shade = tuple(int(c * 0.72) for c in paint)
    pygame.draw.rect(surface, shade, body, width=max(2, round(0.08 * scale)), border_radius=radius)

    roof = _roof_rect(vehicle_class, body, length, width)
    windscreen = pygame.Rect(roof.right, roof.top + width * 0.04, length * 0.13, roof.height * 0.92)
    rear_window = pygame.Rect(roof.left - length * 0.09, roof.top + width * 0.06,
                              length * 0.09, roof.height * 0.88)
    pygame.draw.rect(surface, GLASS, windscreen, border_radius=round(width * 0.08))
    if vehicle_class != VehicleClass.VAN:
        pygame.draw.rect(surface, GLASS, rear_window, border_radius=round(width * 0.06))
    roof_paint = (236, 236, 236) if vehicle_class == VehicleClass.POLICE else tuple(
        min(255, int(c * 1.18 + 14)) for c in paint)
    pygame.draw.rect(surface, roof_paint, roof, border_radius=round(width * 0.1))
    _class_details(surface, vehicle_class, variant, body, roof, scale)
    return pygame.transform.smoothscale_by(surface, 1.0 / SUPERSAMPLE)


def _roof_rect(vehicle_class: VehicleClass, body: pygame.Rect, length: float,
               width: float) -> pygame.Rect:
    if vehicle_class == VehicleClass.VAN:  # a cab up front, the box behind
        return pygame.Rect(body.left + length * 0.04, body.top + width * 0.06,
                           length * 0.66, width * 0.88)
    front = 0.58 if vehicle_class in (VehicleClass.MUSCLE, VehicleClass.STOCK_CAR) else 0.62
    return pygame.Rect(body.left + length * 0.30, body.top + width * 0.1,
                       length * (front - 0.30), width * 0.8)


def _class_details(surface: pygame.Surface, vehicle_class: VehicleClass, variant: int,
                   body: pygame.Rect, roof: pygame.Rect, scale: float) -> None:
    if vehicle_class == VehicleClass.POLICE:  # white doors, light bar across the roof
        pygame.draw.rect(surface, (236, 236, 236),
                         (roof.left, body.top + 2, roof.width, body.height - 4))
        pygame.draw.rect(surface, (236, 236, 236), roof)
        bar = pygame.Rect(roof.centerx - 0.22 * scale, roof.top - 0.05 * scale,
                          0.44 * scale, roof.height + 0.1 * scale)
        pygame.draw.rect(surface, (150, 20, 30), bar.inflate(0, -bar.height // 2).move(
            0, -bar.height // 4))
        pygame.draw.rect(surface, (30, 50, 170), bar.inflate(0, -bar.height // 2).move(
            0, bar.height // 4))
    elif vehicle_class == VehicleClass.TAXI:
        sign = pygame.Rect(0, 0, 0.35 * scale, roof.height * 0.55)
        sign.center = roof.center
        pygame.draw.rect(surface, (250, 250, 240), sign, border_radius=3)
        pygame.draw.rect(surface, (30, 30, 30), sign, width=max(1, round(0.05 * scale)))
    elif vehicle_class == VehicleClass.MUSCLE:  # twin stripes nose to tail
        stripe = (245, 245, 245) if variant != 2 else (20, 20, 20)
        for offset in (-0.16, 0.1):
            pygame.draw.rect(surface, stripe, (body.left + 2, body.centery + offset * scale,
                                               body.width - 4, 0.1 * scale))
    elif vehicle_class == VehicleClass.VAN:
        for k in range(1, 5):
            x = roof.left + roof.width * k / 5
            pygame.draw.line(surface, (190, 190, 186), (x, roof.top), (x, roof.bottom),
                             max(1, round(0.05 * scale)))
    elif vehicle_class == VehicleClass.UNMARKED:  # a whip antenna on the trunk
        pygame.draw.circle(surface, (10, 10, 10), (body.left + 0.35 * scale, body.centery),
                           0.06 * scale)
    elif vehicle_class == VehicleClass.STOCK_CAR:
        radius = min(roof.width, roof.height) * 0.42
        pygame.draw.circle(surface, (250, 250, 250), roof.center, radius)
        number = STOCK_CAR_NUMBERS[variant % len(STOCK_CAR_NUMBERS)]
        font = pygame.font.Font(None, max(8, round(radius * 1.7)))
        text = pygame.transform.rotate(font.render(number, True, (10, 10, 10)), 90)
        surface.blit(text, text.get_rect(center=roof.center))
    elif vehicle_class == VehicleClass.DRIVER:  # a thin pink pinstripe: the Driver's car
        pygame.draw.rect(surface, palette.NEON_PINK, body.inflate(-0.2 * scale, -0.2 * scale),
                         width=max(1, round(0.04 * scale)), border_radius=round(body.height * 0.25))


class SpriteBank:
    """Rotation sets per (class, variant, zoom level), built on first use."""

    def __init__(self, px_per_m_at_zoom_1: float) -> None:
        self.base = px_per_m_at_zoom_1
        self.sets: dict[tuple[int, int, float], RotationSet] = {}

    def prepare(self, keys: set[tuple[int, int]], level: float, budget: int) -> bool:
        """Build up to ``budget`` missing (class, variant) sets at a level; True when all
        of ``keys`` are ready."""
        missing = [(c, v) for c, v in keys if (c, v % variants(VehicleClass(c)), level)
                   not in self.sets]
        for vehicle_class, variant in missing[:budget]:
            self.rotations(vehicle_class, variant, level)
        return len(missing) <= budget

    def rotations(self, vehicle_class: int, variant: int, level: float) -> RotationSet:
        cls = VehicleClass(vehicle_class)
        key = (int(cls), variant % variants(cls), level)
        found = self.sets.get(key)
        if found is None:
            found = RotationSet(draw_vehicle(cls, key[1], self.base * level))
            self.sets[key] = found
        return found
