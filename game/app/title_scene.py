"""The title screen: the script title over a night skyline, the title-menu entries, a
line saying how to choose, and the game's version in a corner (:func:`version_line`).
Escape asks before it quits (:class:`QuitScene`)."""

from __future__ import annotations

from typing import Any

import numpy as np
import pygame

from game import __version__
from game.app.scene import MenuItem, MenuScene, OverlayScene, draw_menu
from game.app.title_menu import TitleEntry, title_entries
from game.render import palette
from game.render.text import glow, script_font

SKYLINE_SEED = 1978  #: the skyline's windows are random but the same every time
HOW_TO_CHOOSE = "Up/Down or the d-pad: choose    Enter or A: go    Esc: quit"


def version_line() -> str:
    """The version as the title shows it: the one ``python -m game --version`` prints."""
    return f"v{__version__}"


def skyline(size: tuple[int, int]) -> pygame.Surface:
    """A dusk-to-night gradient with a row of towers and a scatter of lit windows."""
    width, height = size
    rng = np.random.default_rng(SKYLINE_SEED)
    t = np.linspace(0.0, 1.0, height)[:, None]
    top, horizon = np.array(palette.NIGHT_INK), np.array((70, 16, 64))
    sky = (top * (1 - t**2.2) + horizon * t**2.2).astype(np.uint8)  # (height, 3)
    surface = pygame.Surface(size)
    pygame.surfarray.blit_array(surface, np.broadcast_to(sky[None, :, :], (width, height, 3)))
    x = 0
    while x < width:
        tower_w = int(rng.integers(40, 120))
        tower_h = int(rng.integers(height // 8, height // 2))
        top_y = height - tower_h
        pygame.draw.rect(surface, (10, 8, 20), (x, top_y, tower_w - 4, tower_h))
        for wy in range(top_y + 8, height - 6, 12):
            for wx in range(x + 6, x + tower_w - 12, 10):
                if rng.random() < 0.18:
                    colour = palette.AMBER if rng.random() < 0.8 else palette.NEON_CYAN
                    surface.fill(tuple(c // 2 for c in colour), (wx, wy, 4, 5))
        x += tower_w
    pygame.draw.line(surface, palette.NEON_PINK, (0, height - 2), (width, height - 2), 2)
    return surface


class TitleScene(MenuScene):
    """The first scene; its entries come from :mod:`game.app.title_menu` when shown."""

    def __init__(self) -> None:
        super().__init__("", [])
        self.backdrop: pygame.Surface | None = None
        self.entries: list[TitleEntry] = []
        #: the entries' ``when`` must be asked again (at the start, and after an entry
        #: was chosen: what it opened may have saved a career)
        self.stale = True
        self.offered: list[TitleEntry] = []

    def _refresh(self, app: Any) -> None:
        entries = title_entries()
        if self.stale or entries != self.entries:
            self.stale = False
            self.entries = entries
            offered = [e for e in entries if e.offered()]
            if offered != self.offered:
                chosen = self.offered[self.selected].label if self.offered else None
                self.offered = offered
                self.items = [MenuItem(e.label, select=lambda e=e: self._open(app, e))
                              for e in offered]
                labels = [e.label for e in offered]
                self.selected = labels.index(chosen) if chosen in labels else 0
        self.back = lambda: app.push(QuitScene(app))

    def _open(self, app: Any, entry: TitleEntry) -> None:
        self.stale = True
        entry.open(app)

    def handle_event(self, app: Any, event: pygame.event.Event, actions: list[str]) -> None:
        self._refresh(app)
        super().handle_event(app, event, actions)

    def update(self, app: Any, frame_s: float) -> None:
        self._refresh(app)

    def draw_backdrop(self, app: Any, screen: pygame.Surface) -> None:
        if self.backdrop is None or self.backdrop.get_size() != screen.get_size():
            self.backdrop = skyline(screen.get_size())
            title = glow(script_font(118).render("Five Minute Window", True, palette.NEON_PINK),
                         10)
            self.backdrop.blit(title, title.get_rect(center=(screen.get_width() // 2,
                                                             screen.get_height() // 5)),
                               special_flags=pygame.BLEND_ADD)
        screen.blit(self.backdrop, (0, 0))

    def draw(self, app: Any, screen: pygame.Surface) -> None:
        self._refresh(app)
        self.draw_backdrop(app, screen)
        tagline = app.text.render("a time, a place, and five minutes", 30, palette.NEON_CYAN)
        screen.blit(tagline, tagline.get_rect(center=(screen.get_width() // 2,
                                                      screen.get_height() // 5 + 78)))
        draw_menu(app, screen, None, [i.text() for i in self.items], self.selected,
                  app.notice, top=screen.get_height() * 2 // 5 + 20)
        hint = app.text.render(HOW_TO_CHOOSE, 24, palette.TEXT)
        screen.blit(hint, hint.get_rect(midbottom=(screen.get_width() // 2,
                                                   screen.get_height() - 14)))
        version = app.text.render(version_line(), 18, palette.TEXT)
        screen.blit(version, version.get_rect(bottomright=(screen.get_width() - 10,
                                                           screen.get_height() - 10)))


class QuitScene(OverlayScene):
    """"Quit the game?" over the title: Stay (the default, and Esc) or Quit."""

    def __init__(self, app: Any) -> None:
        super().__init__(app, "Quit the game?", [MenuItem("Stay", select=app.pop),
                                                 MenuItem("Quit", select=app.quit)],
                         back=app.pop, shade=190)
