"""Settings: volume, fullscreen, resolution, the police's difficulty and key bindings;
saved when you leave."""

from __future__ import annotations

from typing import Any

import pygame

from game.app.scene import MenuItem, MenuScene
from game.input.settings import ACTIONS, DIFFICULTIES, RESOLUTIONS

ACTION_LABELS = {
    "throttle": "Throttle", "brake": "Brake / reverse", "steer_left": "Steer left",
    "steer_right": "Steer right", "handbrake": "Handbrake", "horn": "Horn",
    "lights": "Lights", "pause": "Pause",
}  # fmt: skip


def desktop_size() -> tuple[int, int] | None:
    """The first display's size, or None where SDL cannot tell (a dummy driver)."""
    try:
        sizes = pygame.display.get_desktop_sizes()
    except pygame.error:
        return None
    return tuple(sizes[0]) if sizes else None


def window_sizes(current: tuple[int, int], desktop: tuple[int, int] | None,
                 fullscreen: bool) -> list[tuple[int, int]]:
    """The sizes Resolution steps through, smallest first: in a window only those that
    fit on the desktop (a bigger window hangs off the screen); fullscreen scales any."""
    fits = [size for size in RESOLUTIONS if fullscreen or desktop is None
            or (size[0] <= desktop[0] and size[1] <= desktop[1])]
    return sorted({*fits, current}, key=lambda size: size[0] * size[1])


def open_settings(app: Any) -> None:
    app.push(SettingsScene(app))


class SettingsScene(MenuScene):
    """A menu whose binding entries wait for the next key pressed."""

    def __init__(self, app: Any) -> None:
        settings = app.settings
        self.settings = settings
        self.waiting_for: str | None = None  #: the action being rebound
        items = [
            MenuItem(lambda: f"Volume  {round(settings.volume * 100)}%",
                     adjust=self._volume),
            MenuItem(lambda: f"Fullscreen  {'on' if settings.fullscreen else 'off'}",
                     select=self._fullscreen, adjust=lambda _: self._fullscreen()),
            MenuItem(lambda: "Resolution  {}x{}".format(*settings.resolution),
                     select=lambda: self._resolution(1), adjust=self._resolution),
            MenuItem(lambda: f"Police  {settings.difficulty}",
                     select=lambda: self._difficulty(1), adjust=self._difficulty),
        ]
        items += [MenuItem(lambda a=a: self._binding_label(a), select=lambda a=a: self._wait(a))
                  for a in ACTIONS]
        items.append(MenuItem("Back", select=lambda: self._leave(app)))
        super().__init__("Settings", items, back=lambda: self._leave(app))

    def _volume(self, direction: int) -> None:
        self.settings.volume = round(min(1.0, max(0.0, self.settings.volume + 0.1 * direction)), 2)

    def _fullscreen(self) -> None:
        self.settings.fullscreen = not self.settings.fullscreen

    def _difficulty(self, direction: int) -> None:
        """Easy, normal or hard police: how far they see, how many, how soon they ram."""
        k = DIFFICULTIES.index(self.settings.difficulty)
        self.settings.difficulty = DIFFICULTIES[(k + direction) % len(DIFFICULTIES)]

    def _resolution(self, direction: int) -> None:
        current = tuple(self.settings.resolution)
        choices = window_sizes(current, desktop_size(), self.settings.fullscreen)
        k = choices.index(current)
        self.settings.resolution = choices[(k + direction) % len(choices)]

    def _binding_label(self, action: str) -> str:
        if self.waiting_for == action:
            return f"{ACTION_LABELS[action]}  [press a key]"
        keys = " / ".join(self.settings.bindings.get(action, [])) or "unbound"
        return f"{ACTION_LABELS[action]}  {keys}"

    def _wait(self, action: str) -> None:
        self.waiting_for = action

    def _leave(self, app: Any) -> None:
        app.apply_settings()
        app.pop()

    def bind(self, action: str, key_name: str) -> None:
        """Make ``key_name`` the action's first key, taking it away from any other action."""
        for keys in self.settings.bindings.values():
            if key_name in keys:
                keys.remove(key_name)
        keys = self.settings.bindings.setdefault(action, [])
        keys.insert(0, key_name)
        del keys[2:]  # a main key and one alternative

    def handle_event(self, app: Any, event: pygame.event.Event, actions: list[str]) -> None:
        if self.waiting_for is not None:
            if event.type == pygame.KEYDOWN:
                if event.key != pygame.K_ESCAPE or self.waiting_for == "pause":
                    self.bind(self.waiting_for, pygame.key.name(event.key))
                self.waiting_for = None
            return
        super().handle_event(app, event, actions)
