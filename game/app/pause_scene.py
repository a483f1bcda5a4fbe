"""The pause menu over a frozen, dimmed frame: resume, restart, settings, quit to title."""

from __future__ import annotations

from typing import Any

from game.app.scene import MenuItem, OverlayScene


class PauseScene(OverlayScene):
    def __init__(self, app: Any, drive: Any, note: str | None = None) -> None:
        items = [
            MenuItem("Resume", select=app.pop),
            MenuItem("Restart", select=lambda: self._restart(app)),
            MenuItem("Settings", select=lambda: self._settings(app)),
            MenuItem("Quit to title", select=app.back_to_first),
        ]
        super().__init__(app, "Paused", items, back=app.pop, note=note)
        self.drive = drive
        app.input.release_all()
        app.audio.silence()

    def _restart(self, app: Any) -> None:
        self.drive.start()
        app.pop()

    @staticmethod
    def _settings(app: Any) -> None:
        from game.app.settings_scene import open_settings

        open_settings(app)

