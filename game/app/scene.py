"""Scenes and menus: what the main loop shows, one at a time, on a stack.

A scene has ``handle_event(app, event, actions)`` (``actions`` are the one-shot
actions the player input found in the event: "pause", "pad_removed", ...),
``update(app, frame_s)``, ``draw(app, screen)`` and ``leave(app)`` (called once when it
is taken off the stack or the game closes). The top of ``app.scenes`` runs.
:class:`MenuScene` is a list of entries driven by keys or a pad; the title, pause and
settings screens are menus.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pygame

from game.render import palette

MENU_UP = {pygame.K_UP, pygame.K_w}
MENU_DOWN = {pygame.K_DOWN, pygame.K_s}
MENU_LEFT = {pygame.K_LEFT, pygame.K_a}
MENU_RIGHT = {pygame.K_RIGHT, pygame.K_d}
MENU_OK = {pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE}
PAD_KEYS = {  # game-controller buttons -> the key they act as in menus
    pygame.CONTROLLER_BUTTON_DPAD_UP: pygame.K_UP,
    pygame.CONTROLLER_BUTTON_DPAD_DOWN: pygame.K_DOWN,
    pygame.CONTROLLER_BUTTON_DPAD_LEFT: pygame.K_LEFT,
    pygame.CONTROLLER_BUTTON_DPAD_RIGHT: pygame.K_RIGHT,
    pygame.CONTROLLER_BUTTON_A: pygame.K_RETURN,
    pygame.CONTROLLER_BUTTON_B: pygame.K_ESCAPE,
    pygame.CONTROLLER_BUTTON_START: pygame.K_ESCAPE,
}


class Scene:
    """Base scene: does nothing; subclasses override what they need."""

    def handle_event(self, app: Any, event: pygame.event.Event, actions: list[str]) -> None:
        return None

    def update(self, app: Any, frame_s: float) -> None:
        return None

    def draw(self, app: Any, screen: pygame.Surface) -> None:
        return None

    def leave(self, app: Any) -> None:
        return None


@dataclass
class MenuItem:
    label: Callable[[], str] | str  #: fixed text, or a function for live values ("Volume 80%")
    select: Callable[[], None] | None = None  #: Enter / A
    adjust: Callable[[int], None] | None = None  #: Left/Right with -1/+1

    def text(self) -> str:
        return self.label() if callable(self.label) else self.label


def menu_key(event: pygame.event.Event) -> int | None:
    """The key a menu event means: keys as they are, pad buttons as their key."""
    if event.type == pygame.KEYDOWN:
        return event.key
    if event.type == pygame.CONTROLLERBUTTONDOWN:
        return PAD_KEYS.get(event.button)
    return None


class MenuScene(Scene):
    """A titled list of items; Escape (or B) runs ``back``."""

    def __init__(self, title: str, items: list[MenuItem], back: Callable[[], None] | None = None,
                 note: str | None = None) -> None:
        self.title = title
        self.items = items
        self.back = back
        self.note = note  #: a line under the menu (a warning, a hint)
        self.selected = 0

    def handle_event(self, app: Any, event: pygame.event.Event, actions: list[str]) -> None:
        key = menu_key(event)
        if key is None:
            return
        if key in MENU_UP:
            self.selected = (self.selected - 1) % len(self.items)
        elif key in MENU_DOWN:
            self.selected = (self.selected + 1) % len(self.items)
        elif key in MENU_LEFT | MENU_RIGHT:
            item = self.items[self.selected]
            if item.adjust is not None:
                item.adjust(1 if key in MENU_RIGHT else -1)
        elif key in MENU_OK:
            item = self.items[self.selected]
            if item.select is not None:
                item.select()
        elif key == pygame.K_ESCAPE and self.back is not None:
            self.back()

    def draw(self, app: Any, screen: pygame.Surface) -> None:
        self.draw_backdrop(app, screen)
        draw_menu(app, screen, self.title, [i.text() for i in self.items], self.selected,
                  self.note)

    def draw_backdrop(self, app: Any, screen: pygame.Surface) -> None:
        screen.fill(palette.NIGHT_INK)


class OverlayScene(MenuScene):
    """A menu over a dimmed copy of the frame that was on screen (pause, quit, ...)."""

    def __init__(self, app: Any, title: str, items: list[MenuItem],
                 back: Callable[[], None] | None = None, note: str | None = None,
                 shade: int = 170) -> None:
        super().__init__(title, items, back=back, note=note)
        self.frame = app.screen.copy()
        dim = pygame.Surface(self.frame.get_size(), pygame.SRCALPHA)
        dim.fill((6, 4, 16, shade))
        self.frame.blit(dim, (0, 0))

    def draw_backdrop(self, app: Any, screen: pygame.Surface) -> None:
        if self.frame.get_size() != screen.get_size():
            self.frame = pygame.transform.scale(self.frame, screen.get_size())
        screen.blit(self.frame, (0, 0))


def draw_menu(app: Any, screen: pygame.Surface, title: str | None, labels: list[str],
              selected: int, note: str | None = None, top: int | None = None) -> None:
    """Menu text centred on the screen; the chosen line burns pink, the rest cyan."""
    width, height = screen.get_size()
    text = app.text
    step = min(46, (height - 90) // max(1, len(labels)))  # long menus tighten to fit
    y = top if top is not None else max(90, height // 2 - step * len(labels) // 2)
    if title:
        heading = text.render(title, 56, palette.NEON_CYAN, neon=True)
        screen.blit(heading, heading.get_rect(midbottom=(width // 2, y - 10)),
                    special_flags=pygame.BLEND_ADD)
    for k, label in enumerate(labels):
        chosen = k == selected
        line = text.render(label, 42 if chosen else 36,
                           palette.NEON_PINK if chosen else palette.NEON_CYAN, neon=chosen)
        rect = line.get_rect(center=(width // 2, y + step // 2))  # centred: glow pads it
        if chosen:
            screen.blit(line, rect, special_flags=pygame.BLEND_ADD)
        else:
            screen.blit(line, rect)
        y += step
    if note:
        line = text.render(note, 24, palette.AMBER)
        screen.blit(line, line.get_rect(midtop=(width // 2, y + 16)))
