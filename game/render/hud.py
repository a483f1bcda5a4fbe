"""The HUD: speedometer, the clock on its backing, the window countdown, the heat gauge,
the street you are on, the panel of what to do, the radio line and a message.

Where things sit (the minimap is drawn beside it, bottom right):

    top left      the panel: objective, where that is and how far, the time agreed, crew
    top centre    the window countdown, large, while the window is open
    top right     the clock on a dark backing; under it the heat gauge (a slot: pips up to
                  the most heat there is, PURSUIT and SEEN) in a job or once there is heat;
                  under that the job's own meters (the tail meter, the gap to a chaser)
                  and its gauge (the lap board, the manoeuvre list)
    bottom centre the radio line over the street name
    bottom left   the speedometer; beside it the car's damage gauge (amber once the car
                  smokes, pink when one more hard hit may wreck it)

Everything is read from the session's typed :class:`~game.session.view.FrameView`.
"""

from __future__ import annotations

import math

import pygame

from game.render import palette
from game.render.effects import SMOKE_FROM_DAMAGE
from game.render.text import TextCache
from game.session.escalation import shipped_max_heat
from game.session.view import (
    CHANGE_CAR_KEYS,
    FrameView,
    Gauge,
    MeterView,
    hud_lines,
    window_countdown,
)

DIAL_RADIUS = 86  #: px
DIAL_MAX_KMH = 240
DIAL_START, DIAL_SWEEP = math.radians(135), math.radians(270)  #: needle at 0 and its travel
CLOCK_SIZE = 64  #: px, the clock's type
COUNTDOWN_SIZE = 120  #: px, the window countdown's type
COUNTDOWN_URGENT_S = 60.0  #: clock seconds left when the countdown turns pink
HEAT_PIPS = int(shipped_max_heat())  #: one pip per point of heat (the police table's max)
PANEL_ALPHA = 200  #: the dark backings' opacity (0..255)
PANEL_TEXT_SIZE = 26  #: px, the panel's type (objective, place, crew, message)
PANEL_GAP = 12  #: px kept between the panel and the countdown or the clock
DAMAGE_BAR = (150, 12)  #: px, the damage gauge's bar
DAMAGE_WARN = SMOKE_FROM_DAMAGE  #: damage where the gauge turns amber (the car smokes)
DAMAGE_DANGER = 0.75  #: ...and pink: a hard hit (a third of the car at 60 km/h) wrecks it


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
        self.panels: dict[tuple[int, int], pygame.Surface] = {}  #: dark backings by size
        self.change_car_keys = CHANGE_CAR_KEYS  #: as the settings bind them (the scene sets it)

    def draw(self, screen: pygame.Surface, frame: FrameView, speed_ms: float,
             street: str | None, message: str | None, lights_on: bool) -> None:
        width, height = screen.get_size()
        self._speedometer(screen, speed_ms, (18, height - self.dial.get_height() - 14))
        clock_box = self._clock(screen, frame.rules.clock_text)
        rules = frame.rules
        heat = frame.heat
        gauge_top = clock_box.bottom + 8
        if rules.window is not None or heat.heat > 0.0 or heat.pursuit or heat.searched:
            self._heat(screen, frame, (clock_box.right, gauge_top))
            gauge_top += 52
        for meter in rules.meters:
            gauge_top = self._meter(screen, meter, (clock_box.right, gauge_top)).bottom + 6
        if rules.gauge is not None:
            self.gauge(screen, rules.gauge, (width - 10, max(gauge_top, clock_box.bottom + 62)))
        countdown = window_countdown(frame)
        panel_right = clock_box.left - PANEL_GAP  # the panel never runs under the clock...
        if countdown is not None:
            window_box = self._countdown(screen, countdown, rules.window.seconds_left)
            panel_right = min(panel_right, window_box.left - PANEL_GAP)  # ...or the window
        bottom = height - 8
        if street:
            name = self.text.render(street.upper(), 34, palette.NEON_CYAN, neon=True)
            box = name.get_rect(midbottom=(width // 2, bottom))
            screen.blit(name, box, special_flags=pygame.BLEND_ADD)
            bottom = box.top + 4  # the glow pads the letters
        if frame.radio:
            self.radio_line(screen, frame.radio, (width // 2, bottom))
        y = 14
        for line in hud_lines(frame, self.change_car_keys):
            for part in self.wrapped(line, PANEL_TEXT_SIZE, panel_right - 16):
                y = self.panel_text(screen, part, (16, y), palette.TEXT).bottom + 2
        y += 6
        if message:
            for part in self.wrapped(message, PANEL_TEXT_SIZE, panel_right - 16):
                y = self.panel_text(screen, part, (16, y), palette.AMBER).bottom + 2
        if not lights_on:
            icon = self.text.render("LIGHTS OFF", 22, palette.AMBER)
            screen.blit(icon, (18 + self.dial.get_width() + 8, height - 34))
        self._damage(screen, frame.damage, (18 + self.dial.get_width() + 8, height - 84))

    def _damage(self, screen: pygame.Surface, damage: float, topleft: tuple[int, int]) -> None:
        """The car's damage as a bar that fills: cyan, amber once it smokes, pink near a
        wreck; always shown, so a player knows where to look after the first knock."""
        damage = min(1.0, max(0.0, damage))
        colour = (palette.NEON_PINK if damage >= DAMAGE_DANGER else
                  palette.AMBER if damage >= DAMAGE_WARN else palette.NEON_CYAN)
        label = self.text.render(f"DAMAGE {damage:4.0%}", 20, palette.TEXT_DIM)
        bar_w, bar_h = DAMAGE_BAR
        size = (max(bar_w, label.get_width()) + 12, label.get_height() + bar_h + 12)
        box = pygame.Rect(topleft, size)
        screen.blit(self.backing(box.size), box)
        screen.blit(label, (box.left + 6, box.top + 3))
        bar = pygame.Rect(box.left + 6, box.bottom - bar_h - 5, bar_w, bar_h)
        pygame.draw.rect(screen, palette.TEXT_DIM, bar, 1)
        if damage > 0.0:
            lit = bar.inflate(-2, -2)
            lit.width = max(1, round(lit.width * damage))
            screen.fill(colour, lit)

    def _clock(self, screen: pygame.Surface, clock: str) -> pygame.Rect:
        """The big clock top right, on a dark backing so map lights never show through."""
        text = self.text.render(clock, CLOCK_SIZE, palette.NEON_PINK, neon=True)
        box = text.get_rect(topright=(screen.get_width() - 10, 6)).inflate(-4, -12)
        screen.blit(self.backing(box.size), box)
        pygame.draw.rect(screen, palette.NEON_PINK, box, 1, border_radius=6)
        screen.blit(text, text.get_rect(center=box.center), special_flags=pygame.BLEND_ADD)
        return box

    def _countdown(self, screen: pygame.Surface, text: str, seconds_left: float) -> pygame.Rect:
        """The open window's time left, large and central at the top; returns its box."""
        urgent = seconds_left <= COUNTDOWN_URGENT_S
        colour = palette.NEON_PINK if urgent else palette.AMBER
        digits = self.text.render(text, COUNTDOWN_SIZE, colour, neon=True)
        caption = self.text.render("THE WINDOW", 26, palette.TEXT)
        centre_x = screen.get_width() // 2
        box = digits.get_rect(midtop=(centre_x, 22)).inflate(-20, -40)
        box.height += caption.get_height()
        box.top = 4
        screen.blit(self.backing(box.size), box)
        screen.blit(caption, caption.get_rect(midtop=(centre_x, box.top + 4)))
        screen.blit(digits, digits.get_rect(midtop=(centre_x, box.top + caption.get_height() - 8)),
                    special_flags=pygame.BLEND_ADD)
        return box

    def _heat(self, screen: pygame.Surface, frame: FrameView, topright: tuple[int, int]) -> None:
        """The heat gauge: a pip per point, the level's name (the police table's), PURSUIT
        while chased or SEARCHING while a lookout is out, SEEN while watched."""
        heat = frame.heat
        pip_w, pip_h, gap = 18, 12, 4
        label = self.text.render("HEAT", 22, palette.TEXT_DIM)
        width = label.get_width() + 8 + HEAT_PIPS * (pip_w + gap)
        box = pygame.Rect(0, 0, width + 12, pip_h + 30)
        box.topright = topright
        screen.blit(self.backing(box.size), box)
        screen.blit(label, (box.left + 6, box.top + 4))
        x = box.left + 6 + label.get_width() + 8
        for pip in range(HEAT_PIPS):
            fill = min(1.0, max(0.0, heat.heat - pip))
            cell = pygame.Rect(x + pip * (pip_w + gap), box.top + 6, pip_w, pip_h)
            pygame.draw.rect(screen, palette.TEXT_DIM, cell, 1)
            if fill > 0.0:
                lit = cell.inflate(-2, -2)
                lit.width = max(1, round(lit.width * fill))
                screen.fill(palette.POLICE_RED if heat.pursuit else palette.AMBER, lit)
        words = [heat.level_name.upper()] if heat.level else []
        words += [w for w, on in (("PURSUIT", heat.pursuit), ("SEARCHING", heat.searched
                                                             and not heat.pursuit),
                                  ("SEEN", heat.seen)) if on]
        if words:
            state = self.text.render("  ".join(words), 20, palette.NEON_PINK)
            screen.blit(state, state.get_rect(topright=(box.right - 6, box.top + pip_h + 10)))

    def gauge(self, screen: pygame.Surface, gauge: Gauge, topright: tuple[int, int]) -> None:
        """The job's own gauge (the lap board, the manoeuvre list): a title and rows of
        label and value, the lit ones bright, on a dark panel at the right."""
        title = self.text.render(gauge.title, 24, palette.NEON_PINK)
        rows = [(self.text.render(line.label, 21, palette.NEON_CYAN if line.lit
                                  else palette.TEXT),
                 self.text.render(line.value, 21, palette.NEON_CYAN if line.lit
                                  else palette.TEXT_DIM)) for line in gauge.lines]
        width = max([title.get_width()] + [a.get_width() + b.get_width() + 24 for a, b in rows])
        height = title.get_height() + sum(a.get_height() + 2 for a, _ in rows) + 12
        box = pygame.Rect(0, 0, width + 16, height)
        box.topright = topright
        screen.blit(self.backing(box.size), box)
        screen.blit(title, (box.left + 8, box.top + 4))
        y = box.top + 6 + title.get_height()
        for label, value in rows:
            screen.blit(label, (box.left + 8, y))
            screen.blit(value, value.get_rect(topright=(box.right - 8, y)))
            y += label.get_height() + 2

    def _meter(self, screen: pygame.Surface, gauge: MeterView,
               topright: tuple[int, int]) -> pygame.Rect:
        """A job's meter (the tail meter, the gap to a chaser): its label and a bar, in the
        warning colour while it warns; its words are on the panel (hud_lines)."""
        label = self.text.render(gauge.label, 22, palette.TEXT_DIM)
        bar_w, bar_h = 180, 12
        box = pygame.Rect(0, 0, label.get_width() + bar_w + 26, bar_h + 14)
        box.topright = topright
        screen.blit(self.backing(box.size), box)
        screen.blit(label, (box.left + 6, box.top + 3))
        bar = pygame.Rect(box.left + label.get_width() + 14, box.top + 7, bar_w, bar_h)
        pygame.draw.rect(screen, palette.TEXT_DIM, bar, 1)
        lit = bar.inflate(-2, -2)
        lit.width = round(lit.width * min(1.0, max(0.0, gauge.fill)))
        if lit.width > 0:
            screen.fill(palette.NEON_PINK if gauge.warn else palette.NEON_CYAN, lit)
        return box

    def radio_line(self, screen: pygame.Surface, line: str, midbottom: tuple[int, int]) -> None:
        """The police radio, over the street name."""
        text = self.text.render(f"RADIO  {line}", 24, palette.RADIO)
        box = text.get_rect(midbottom=midbottom).inflate(16, 8)
        screen.blit(self.backing(box.size), box)
        screen.blit(text, text.get_rect(center=box.center))

    def backing(self, size: tuple[int, int]) -> pygame.Surface:
        """A dark translucent panel of this size (cached: the HUD's sizes repeat)."""
        panel = self.panels.get(size)
        if panel is None:
            if len(self.panels) > 64:
                self.panels.clear()
            panel = self.panels[size] = pygame.Surface(size, pygame.SRCALPHA)
            panel.fill((*palette.PANEL, PANEL_ALPHA))
        return panel

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

    def wrapped(self, line: str, size: int, width: int) -> list[str]:
        """``line`` broken at spaces into parts whose backed panels fit ``width`` px (a
        word longer than that stands alone), so a long objective never runs under the
        window countdown or the clock."""
        return self.text.wrapped(line, size, width - 16)  # 8 px of backing either side

    def panel_text(self, screen: pygame.Surface, line: str, at: tuple[int, int],
                   colour: tuple[int, int, int], size: int = PANEL_TEXT_SIZE) -> pygame.Rect:
        """A line of text on a dark backing; returns the backing's rectangle."""
        text = self.text.render(line, size, colour)
        box = pygame.Rect(at, (text.get_width() + 16, text.get_height() + 8))
        screen.blit(self.backing(box.size), box)
        screen.blit(text, (at[0] + 8, at[1] + 4))
        return box
