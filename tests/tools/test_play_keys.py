"""tools/play_keys.py: a control row becomes key events a person could have pressed."""

import numpy as np
import play_keys
import pygame

from game.input.player import PlayerInput
from game.input.settings import Settings
from game.sim.controls import BRAKE, LIGHTS, STEER, THROTTLE, idle_controls


def _held_rows(row: np.ndarray, frames: int, lights_on: bool = True,
               settings: Settings | None = None) -> np.ndarray:
    """The rows PlayerInput writes over ``frames`` frames of the keys pressed for ``row``."""
    settings = settings or Settings()
    keys, player = play_keys.KeyPresser(pygame, settings.bindings), PlayerInput(settings)
    player.start_drive(lights_on=lights_on)
    rows = []
    for _ in range(frames):
        for event in keys.events_for(row, player.lights_on):
            player.handle_event(event)
        rows.append(player.control_row())
    return np.array(rows)


def test_a_fraction_is_pressed_for_that_fraction_of_the_frames():
    row = idle_controls(1)[0]
    row[THROTTLE], row[STEER] = 0.75, -0.25
    rows = _held_rows(row, 400)
    assert set(np.unique(rows[:, STEER])) <= {-1.0, 0.0}  # keys: full lock or none
    assert abs(rows[:, THROTTLE].mean() - 0.75) < 0.01
    assert abs(rows[:, STEER].mean() + 0.25) < 0.01
    assert rows[:, BRAKE].max() == 0.0


def test_the_lights_key_is_tapped_when_the_row_wants_them_otherwise():
    row = idle_controls(1)[0]
    row[LIGHTS] = 0.0
    rows = _held_rows(row, 5, lights_on=True)
    assert rows[:, LIGHTS].tolist() == [0.0] * 5  # one tap, then they stay off


def test_it_presses_the_keys_the_settings_bind():
    """Throttle bound to W only, steering to A and D: the same row still drives."""
    settings = Settings()
    settings.bindings |= {"throttle": ["w"], "steer_left": ["a"], "steer_right": ["d"]}
    row = idle_controls(1)[0]
    row[THROTTLE], row[STEER] = 1.0, 0.5
    rows = _held_rows(row, 100, settings=settings)
    assert rows[:, THROTTLE].min() == 1.0
    assert abs(rows[:, STEER].mean() - 0.5) < 0.02
