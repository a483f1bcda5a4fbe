"""Key names -> key codes: unknown names are reported, and their actions keep the defaults."""

import pygame
import pytest

from game.input.player import PlayerInput, key_codes
from game.input.settings import CONFIG_DIR_ENV, DEFAULT_BINDINGS, Settings


@pytest.fixture
def initialised():
    pygame.init()
    yield
    pygame.quit()


def press(player_input: PlayerInput, code: int) -> None:
    player_input.handle_event(pygame.event.Event(pygame.KEYDOWN, key=code, mod=0))


def test_key_codes_return_what_they_could_not_bind(initialised):
    bindings = {**Settings().bindings, "throttle": ["upp"], "lights": ["", "l"],
                "horn": ["left shift"]}
    codes, unknown = key_codes(bindings)
    assert unknown == {"throttle": ["upp"], "lights": [""]}
    assert codes[pygame.K_UP] == "throttle" and codes[pygame.K_w] == "throttle"  # defaults
    assert codes[pygame.K_LSHIFT] == "horn" and pygame.K_h not in codes


def test_key_names_are_checked_before_pygame_starts():
    pygame.quit()
    codes, unknown = key_codes({**Settings().bindings, "brake": ["\ud800"]})
    assert unknown == {"brake": ["\ud800"]} and codes[pygame.K_DOWN] == "brake"


def test_a_typo_never_leaves_throttle_unbound(initialised):
    player_input = PlayerInput(Settings())
    message = player_input.rebind({**Settings().bindings, "throttle": ["upp"]})
    assert message == ("unknown key names in the bindings (throttle 'upp'): those actions "
                       "keep their default keys")
    press(player_input, pygame.K_UP)
    assert player_input.control_row()[0] == 1.0
    assert player_input.rebind(Settings().bindings) is None


def test_applying_settings_with_an_unknown_key_name_tells_the_player(tmp_path, monkeypatch):
    from game.app.app import App, open_window
    from game.audio.mixer import AudioSystem

    monkeypatch.setenv(CONFIG_DIR_ENV, str(tmp_path))
    pygame.display.init()
    pygame.font.init()
    settings = Settings(resolution=(640, 360))
    audio = AudioSystem(settings.volume)
    try:
        app = App(open_window(settings), settings, audio)
        app.settings.bindings["handbrake"] = ["not a key"]
        app.apply_settings()
        assert app.notice is not None and "handbrake 'not a key'" in app.notice
        assert set(DEFAULT_BINDINGS["handbrake"]) == {
            pygame.key.name(code) for code, action in app.input.codes.items()
            if action == "handbrake"}
    finally:
        audio.close()
        pygame.quit()
