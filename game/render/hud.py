"""The HUD: speedometer, clock, the street you are on, the rules' lines, a message, minimap."""

from __future__ import annotations

import math

import pygame

from game.render import palette
from game.render.text import TextCache

DIAL_RADIUS = 86  #: px
DIAL_MAX_KMH = 240
DIAL_START, DIAL_SWEEP = math.radians(135), math.radians(270)  #: needle at 0 and its travel


def _dial(cache: TextCache) -> pygame.Surface:
    """The speedometer's face, drawn once: a neon arc with ticks every 20 km/h."""
    size = 2 * DIAL_RADIUS + 12
    face = pygame.Surface((size, size), pygame.SRCALPHA)
    centre = size // 2
    pygame.draw.circle(face, (*palette.PANEL, 200), (centre, centre), DIAL_RADIUS + 4)
    arc = pygame.Rect(0, 0, 2 * DIAL_RADIUS, 2 * DIAL_RADIUS)
    arc.center = (centre, centre)
    # pygame arcs run counter-clockwise with y up; ours runs clockwise on screen
    pygame.draw.arc(face, palette.NEON_CYAN, arc, -DIAL_START - DIAL_SWEEP, -DIAL_START, 3)
    for kmh in range(0, DIAL_MAX_KMH + 1, 20):
        angle = DIAL_START + DIAL_SWEEP * kmh / DIAL_MAX_KMH
        inner = DIAL_RADIUS - (14 if kmh % 40 == 0 else 8)
        cos, sin = math.cos(angle), math.sin(angle)
        colour = palette.NEON_PINK if kmh >= 160 else palette.NEON_CYAN
        pygame.draw.line(face, colour, (centre + inner * cos, centre + inner * sin),
                         (centre + (DIAL_RADIUS - 2) * cos, centre + (DIAL_RADIUS - 2) * sin), 2)
        if kmh % 40 == 0:
            label = cache.render(str(kmh), 18, palette.TEXT_DIM)
            at = (centre + (inner - 14) * cos, centre + (inner - 14) * sin)
            face.blit(label, label.get_rect(center=at))
    return face


class Hud:
    """Everything drawn over the world in screen space."""

    def __init__(self, text: TextCache) -> None:
        self.text = text
        self.dial = _dial(text)
        self.panel = pygame.Surface((10, 10), pygame.SRCALPHA)

    def draw(self, screen: pygame.Surface, speed_ms: float, clock: str, street: str | None,
             lines: list[str], message: str | None, lights_on: bool) -> None:
        width, height = screen.get_size()
        self._speedometer(screen, speed_ms, (18, height - self.dial.get_height() - 14))
        clock_text = self.text.render(clock, 64, palette.NEON_PINK, neon=True)
        screen.blit(clock_text, clock_text.get_rect(topright=(width - 10, 0)),
                    special_flags=pygame.BLEND_ADD)
        if street:
            name = self.text.render(street.upper(), 34, palette.NEON_CYAN, neon=True)
            screen.blit(name, name.get_rect(midbottom=(width // 2, height - 8)),
                        special_flags=pygame.BLEND_ADD)
        y = 14
        for line in lines:
            self._panel_text(screen, line, (16, y), palette.TEXT)
            y += 30
        if message:
            self._panel_text(screen, message, (16, y + 6), palette.AMBER)
        if not lights_on:
            icon = self.text.render("LIGHTS OFF", 22, palette.AMBER)
            screen.blit(icon, (18 + self.dial.get_width() + 8, height - 34))

    def _speedometer(self, screen: pygame.Surface, speed_ms: float, at: tuple[int, int]) -> None:
        screen.blit(self.dial, at)
        kmh = max(0.0, speed_ms * 3.6)
        centre = (at[0] + self.dial.get_width() // 2, at[1] + self.dial.get_height() // 2)
        angle = DIAL_START + DIAL_SWEEP * min(kmh, DIAL_MAX_KMH) / DIAL_MAX_KMH
        tip = (centre[0] + (DIAL_RADIUS - 10) * math.cos(angle),
               centre[1] + (DIAL_RADIUS - 10) * math.sin(angle))
        pygame.draw.line(screen, palette.NEON_PINK, centre, tip, 3)
        pygame.draw.circle(screen, palette.NEON_PINK, centre, 5)
        number = self.text.render(f"{kmh:3.0f}", 44, palette.TEXT, bold=True)
        screen.blit(number, number.get_rect(center=(centre[0], centre[1] + 34)))
        unit = self.text.render("km/h", 18, palette.TEXT_DIM)
        screen.blit(unit, unit.get_rect(center=(centre[0], centre[1] + 58)))

    def _panel_text(self, screen: pygame.Surface, line: str, at: tuple[int, int],
                    colour: tuple[int, int, int]) -> None:
        text = self.text.render(line, 26, colour)
        size = (text.get_width() + 16, text.get_height() + 8)
        if self.panel.get_size() != size:
            self.panel = pygame.Surface(size, pygame.SRCALPHA)
            self.panel.fill((*palette.PANEL, 190))
        screen.blit(self.panel, at)
        screen.blit(text, (at[0] + 8, at[1] + 4))
