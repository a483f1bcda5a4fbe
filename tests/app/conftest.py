"""An app on the dummy display, and the crossroads test map."""

import pygame
import pytest

from game.app.app import App, open_window
from game.audio.mixer import AudioSystem
from game.input.settings import CONFIG_DIR_ENV, Settings
from tests.render.testmap import write_test_map


@pytest.fixture
def test_map(tmp_path):
    return write_test_map(tmp_path / "map")


@pytest.fixture
def app(tmp_path, monkeypatch):
    monkeypatch.setenv(CONFIG_DIR_ENV, str(tmp_path / "config"))
    pygame.display.init()
    pygame.font.init()
    settings = Settings(resolution=(640, 360))
    audio = AudioSystem(settings.volume)
    application = App(open_window(settings), settings, audio)
    yield application
    audio.close()
    pygame.quit()


def key_event(key: int, down: bool = True) -> pygame.event.Event:
    return pygame.event.Event(pygame.KEYDOWN if down else pygame.KEYUP, key=key, mod=0)
