"""Synthetic keyboard, game-controller and joystick events -> the right control rows."""

import pygame
import pytest

from game.input.player import AXIS_FULL, PlayerInput, apply_dead_zone
from game.input.settings import Settings
from game.sim.controls import BRAKE, CHANGE_CAR, HANDBRAKE, HORN, LIGHTS, N_DRIVE, STEER, THROTTLE


@pytest.fixture
def player_input():
    pygame.init()
    yield PlayerInput(Settings())
    pygame.quit()


def key(code, down=True):
    return pygame.event.Event(pygame.KEYDOWN if down else pygame.KEYUP, key=code, mod=0)


def test_arrow_keys_and_wasd_drive(player_input):
    player_input.handle_event(key(pygame.K_UP))
    player_input.handle_event(key(pygame.K_a))
    row = player_input.control_row()
    assert row[THROTTLE] == 1 and row[STEER] == -1 and row[BRAKE] == 0
    player_input.handle_event(key(pygame.K_UP, down=False))
    player_input.handle_event(key(pygame.K_s))
    player_input.handle_event(key(pygame.K_SPACE))
    row = player_input.control_row()
    assert row[THROTTLE] == 0 and row[BRAKE] == 1 and row[HANDBRAKE] == 1 and row[STEER] == -1


def test_one_shot_keys_report_actions(player_input):
    assert player_input.handle_event(key(pygame.K_ESCAPE)) == ["pause"]
    assert player_input.handle_event(key(pygame.K_l)) == ["lights"]
    assert player_input.handle_event(key(pygame.K_h)) == ["horn"]
    assert player_input.handle_event(key(pygame.K_h, down=False)) == ["horn_off"]
    assert not player_input.control_row().any()


def test_rebinding_moves_the_action(player_input):
    player_input.rebind({**Settings().bindings, "handbrake": ["left shift"]})
    player_input.handle_event(key(pygame.K_SPACE))
    assert player_input.control_row()[HANDBRAKE] == 0
    player_input.handle_event(key(pygame.K_LSHIFT))
    assert player_input.control_row()[HANDBRAKE] == 1


def pad(kind, **fields):
    return pygame.event.Event(kind, instance_id=3, **fields)


def test_controller_triggers_stick_and_button(player_input):
    player_input.handle_event(pad(pygame.CONTROLLERAXISMOTION,
                                  axis=pygame.CONTROLLER_AXIS_TRIGGERRIGHT, value=16384))
    player_input.handle_event(pad(pygame.CONTROLLERAXISMOTION,
                                  axis=pygame.CONTROLLER_AXIS_TRIGGERLEFT, value=32767))
    player_input.handle_event(pad(pygame.CONTROLLERAXISMOTION,
                                  axis=pygame.CONTROLLER_AXIS_LEFTX, value=32767))
    player_input.handle_event(pad(pygame.CONTROLLERBUTTONDOWN, button=pygame.CONTROLLER_BUTTON_A))
    row = player_input.control_row()
    assert row[THROTTLE] == pytest.approx(16384 / AXIS_FULL)
    assert row[BRAKE] == pytest.approx(1.0)
    assert row[STEER] == pytest.approx(1.0)
    assert row[HANDBRAKE] == 1
    assert player_input.handle_event(
        pad(pygame.CONTROLLERBUTTONDOWN, button=pygame.CONTROLLER_BUTTON_START)) == ["pause"]


def test_stick_dead_zone(player_input):
    dead_zone = player_input.settings.pad_dead_zone
    player_input.handle_event(pad(pygame.CONTROLLERAXISMOTION, axis=pygame.CONTROLLER_AXIS_LEFTX,
                                  value=int(0.9 * dead_zone * AXIS_FULL)))
    assert player_input.control_row()[STEER] == 0
    player_input.handle_event(pad(pygame.CONTROLLERAXISMOTION, axis=pygame.CONTROLLER_AXIS_LEFTX,
                                  value=-int(AXIS_FULL * (dead_zone + (1 - dead_zone) / 2))))
    assert player_input.control_row()[STEER] == pytest.approx(-0.5, abs=1e-3)
    assert apply_dead_zone(-1.0, 0.2) == -1.0


def test_raw_joystick_axes(player_input):
    player_input.handle_event(pad(pygame.JOYAXISMOTION, axis=5, value=1.0))
    player_input.handle_event(pad(pygame.JOYAXISMOTION, axis=2, value=-1.0))
    player_input.handle_event(pad(pygame.JOYAXISMOTION, axis=0, value=-0.575))
    player_input.handle_event(pad(pygame.JOYBUTTONDOWN, button=0))
    row = player_input.control_row()
    assert row[THROTTLE] == pytest.approx(1.0) and row[BRAKE] == pytest.approx(0.0)
    assert row[STEER] == pytest.approx(-0.5) and row[HANDBRAKE] == 1


def test_pulling_out_the_active_pad_releases_it_and_reports(player_input):
    player_input.handle_event(pad(pygame.CONTROLLERAXISMOTION,
                                  axis=pygame.CONTROLLER_AXIS_TRIGGERRIGHT, value=32767))
    assert player_input.control_row()[THROTTLE] == pytest.approx(1.0)
    assert player_input.handle_event(pad(pygame.CONTROLLERDEVICEREMOVED)) == ["pad_removed"]
    assert not player_input.control_row()[:N_DRIVE].any()
    other = pygame.event.Event(pygame.CONTROLLERDEVICEREMOVED, instance_id=99)
    assert player_input.handle_event(other) == []


def test_a_steering_key_asks_for_full_lock_the_cars_aid_decides_how_much(player_input):
    player_input.handle_event(key(pygame.K_RIGHT))
    assert player_input.control_row()[STEER] == 1.0  # eased by the car (game.sim.aids)
    player_input.handle_event(key(pygame.K_SPACE))
    assert player_input.control_row()[STEER] == 1.0


def test_the_stick_is_passed_on_as_it_is(player_input):
    player_input.handle_event(pad(pygame.CONTROLLERAXISMOTION, axis=pygame.CONTROLLER_AXIS_LEFTX,
                                  value=-32767))
    assert player_input.control_row()[STEER] == pytest.approx(-1.0)


def test_the_row_carries_the_headlights_and_the_horn(player_input):
    assert player_input.control_row()[LIGHTS] == 1.0  # a drive starts with them on
    assert player_input.handle_event(key(pygame.K_l)) == ["lights"]
    assert player_input.control_row()[LIGHTS] == 0.0
    player_input.handle_event(key(pygame.K_h))
    assert player_input.control_row()[HORN] == 1.0
    player_input.handle_event(key(pygame.K_h, down=False))
    assert player_input.control_row()[HORN] == 0.0
    player_input.start_drive()
    assert player_input.control_row()[LIGHTS] == 1.0


def test_the_change_car_key_and_button_are_held_in_the_row(player_input):
    assert player_input.control_row()[CHANGE_CAR] == 0.0
    player_input.handle_event(key(pygame.K_c))
    assert player_input.control_row()[CHANGE_CAR] == 1.0  # the session acts as it goes down
    player_input.handle_event(key(pygame.K_c, down=False))
    assert player_input.control_row()[CHANGE_CAR] == 0.0
    player_input.handle_event(pad(pygame.CONTROLLERBUTTONDOWN,
                                  button=pygame.CONTROLLER_BUTTON_RIGHTSHOULDER))
    assert player_input.control_row()[CHANGE_CAR] == 1.0
