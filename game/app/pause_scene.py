"""The pause menu over a frozen, dimmed frame: resume, restart, settings, quit to title."""

from __future__ import annotations

from typing import Any

import pygame

from game.app.scene import MenuItem, MenuScene


class PauseScene(MenuScene):
    def __init__(self, app: Any, drive: Any, note: str | None = None) -> None:
        items = [
            MenuItem("Resume", select=app.pop),
            MenuItem("Restart", select=lambda: self._restart(app)),
            MenuItem("Settings", select=lambda: self._settings(app)),
            MenuItem("Quit to title", select=app.back_to_first),
        ]
        super().__init__("Paused", items, back=app.pop, note=note)
        self.drive = drive
        self.frame = app.screen.copy()
        shade = pygame.Surface(self.frame.get_size(), pygame.SRCALPHA)
        shade.fill((6, 4, 16, 170))
        self.frame.blit(shade, (0, 0))
        app.input.release_all()
        app.audio.silence()

    def _restart(self, app: Any) -> None:
        self.drive.start()
        app.pop()

    @staticmethod
    def _settings(app: Any) -> None:
        from game.app.settings_scene import open_settings

        open_settings(app)

    def draw_backdrop(self, app: Any, screen: pygame.Surface) -> None:
        if self.frame.get_size() != screen.get_size():
            self.frame = pygame.transform.scale(self.frame, screen.get_size())
        screen.blit(self.frame, (0, 0))
