"""The settings screen: two keys and two pad buttons an action, a slot picked and added or
replaced, clashes said out loud, how to use it on screen; the title asks before quitting."""

import pygame
import pytest

from game.app.settings_scene import HELP, SettingsScene
from game.app.title_scene import HOW_TO_CHOOSE, QuitScene, TitleScene
from game.input.settings import load_settings

from .conftest import key_event

FRAME_S = 1 / 60


@pytest.fixture
def screen(app):
    app.push(TitleScene())
    app.push(SettingsScene(app))
    return app.scenes[-1]


def on_line(app, scene, label: str, column: int) -> None:
    """Go down to an action's line and across to one of its slots, with keys."""
    scene.selected = 0
    while not scene.items[scene.selected].text().startswith(label):
        app.step_frame([key_event(pygame.K_DOWN)], FRAME_S)
    while scene.column != column:
        app.step_frame([key_event(pygame.K_RIGHT)], FRAME_S)


def pad_button(button: int) -> pygame.event.Event:
    return pygame.event.Event(pygame.CONTROLLERBUTTONDOWN, instance_id=1, button=button)


def test_a_second_key_is_added_and_the_first_kept(app, screen):
    app.settings.bindings["throttle"] = ["up"]
    on_line(app, screen, "Throttle", 1)
    app.step_frame([key_event(pygame.K_RETURN)], FRAME_S)  # waits for a key
    assert "press a key" in screen.note
    app.step_frame([key_event(pygame.K_i)], FRAME_S)
    assert app.settings.bindings["throttle"] == ["up", "i"]
    assert screen.items[screen.selected].text().startswith("Throttle  Up / I")


def test_rebinding_replaces_only_the_slot_picked(app, screen):
    on_line(app, screen, "Throttle", 1)  # W, the second key
    app.step_frame([key_event(pygame.K_RETURN), key_event(pygame.K_i)], FRAME_S)
    assert app.settings.bindings["throttle"] == ["up", "i"]  # Up stays: W was the one picked


def test_a_clash_moves_the_key_and_says_so(app, screen):
    on_line(app, screen, "Throttle", 1)
    app.step_frame([key_event(pygame.K_RETURN), key_event(pygame.K_h)], FRAME_S)
    assert app.settings.bindings["throttle"] == ["up", "h"]
    assert app.settings.bindings["horn"] == []
    assert screen.note == "H was Horn's: now Throttle's; Horn has no key now"
    app.step_frame([], FRAME_S)
    assert screen.note in app.text.rendered_texts()  # on the screen


def test_pad_buttons_are_rebound_in_their_own_slots(app, screen):
    on_line(app, screen, "Horn", 2)  # the first pad slot: B
    app.step_frame([key_event(pygame.K_RETURN)], FRAME_S)
    assert "press a pad button" in screen.note
    app.step_frame([key_event(pygame.K_k)], FRAME_S)  # a key does not go in a pad slot
    app.step_frame([pad_button(pygame.CONTROLLER_BUTTON_RIGHTSHOULDER)], FRAME_S)
    assert app.settings.pad_bindings["horn"] == ["rightshoulder"]
    assert app.settings.bindings["horn"] == ["h"]
    on_line(app, screen, "Lights", 3)  # the second pad slot: empty, so the button is added
    app.step_frame([key_event(pygame.K_RETURN), pad_button(pygame.CONTROLLER_BUTTON_A)],
                   FRAME_S)
    assert app.settings.pad_bindings["lights"] == ["y", "a"]
    assert app.settings.pad_bindings["handbrake"] == []  # A was the handbrake's
    assert screen.note == "A was Handbrake's: now Lights's; Handbrake has no button now"


def test_escape_while_waiting_keeps_the_slot_and_backspace_empties_it(app, screen):
    on_line(app, screen, "Brake", 0)
    app.step_frame([key_event(pygame.K_RETURN), key_event(pygame.K_ESCAPE)], FRAME_S)
    assert app.settings.bindings["brake"] == ["down", "s"] and screen.waiting_for is None
    assert app.scenes[-1] is screen  # still here: that Escape only gave up waiting
    app.step_frame([key_event(pygame.K_BACKSPACE)], FRAME_S)
    assert app.settings.bindings["brake"] == ["s"]


def test_the_screen_says_how_to_use_it_and_saves_on_the_way_out(app, screen):
    app.step_frame([], FRAME_S)
    drawn = app.text.rendered_texts()
    assert all(line in drawn for line in HELP)
    on_line(app, screen, "Handbrake", 1)
    app.step_frame([key_event(pygame.K_RETURN), key_event(pygame.K_LSHIFT)], FRAME_S)
    on_line(app, screen, "Handbrake", 3)
    app.step_frame([key_event(pygame.K_RETURN), pad_button(pygame.CONTROLLER_BUTTON_X)], FRAME_S)
    app.step_frame([key_event(pygame.K_ESCAPE)], FRAME_S)  # back: applied and saved
    saved, message = load_settings()
    assert message is None
    assert saved.bindings["handbrake"] == ["space", "left shift"]
    assert saved.pad_bindings["handbrake"] == ["a", "x"]
    assert saved.pad_bindings["autopilot"] == []  # X moved from the autopilot
    app.input.handle_event(pad_button(pygame.CONTROLLER_BUTTON_X))
    assert app.input.control_row()[3] == 1.0  # the game uses it at once


def test_escape_on_the_title_asks_before_quitting(app):
    app.push(TitleScene())
    app.step_frame([], FRAME_S)
    assert HOW_TO_CHOOSE in app.text.rendered_texts()  # how to choose, on the title
    app.step_frame([key_event(pygame.K_ESCAPE)], FRAME_S)
    assert app.running and isinstance(app.scenes[-1], QuitScene)
    app.step_frame([key_event(pygame.K_ESCAPE)], FRAME_S)  # Esc again: stay
    assert app.running and isinstance(app.scenes[-1], TitleScene)
    app.step_frame([key_event(pygame.K_ESCAPE)], FRAME_S)
    app.step_frame([key_event(pygame.K_RETURN)], FRAME_S)  # Stay is chosen first
    assert app.running and isinstance(app.scenes[-1], TitleScene)
    app.step_frame([key_event(pygame.K_ESCAPE), key_event(pygame.K_DOWN),
                    key_event(pygame.K_RETURN)], FRAME_S)
    assert not app.running
