"""Keyboard and gamepad -> the Driver's control row: a driver like any other.

:class:`PlayerInput` is the session's player driver while a person drives
(:class:`~game.ai.driver.Driver`): each tick it writes the whole row, pedals, steering,
handbrake, headlights (toggled by a key) and horn (held). It writes what the player
asks for and nothing more: driver aids (traction control, the steering help for keys)
are options of the car, applied by the simulation the same way whoever drives
(:mod:`game.sim.aids`).

Input is read from events only (never from polled device state), so synthetic events in
tests drive it exactly like a person. Gamepads go through SDL's game-controller API
(``pygame._sdl2.controller``): right trigger throttle, left trigger brake, left stick
steers through a dead zone; the buttons do what the settings bind them to (by default
A/cross the handbrake, B the horn, Y the lights, RB changes cars, Back the map, X the
autopilot, Start pauses), and a button bound to a pedal or a steering action presses it
fully. Joysticks SDL does not know as game controllers fall back to raw axes (0 steer, 5
throttle, 2 brake, button 0 handbrake). Plugging a pad in picks it up; pulling the active one out
reports ``"pad_removed"`` so the game pauses.
"""

from __future__ import annotations

import warnings
from typing import TYPE_CHECKING, NamedTuple

import numpy as np
import pygame

from game.input.settings import (
    ACTIONS,
    DEFAULT_BINDINGS,
    DEFAULT_PAD_BINDINGS,
    Settings,
    unknown_keys_message,
    unknown_pad_buttons,
)
from game.sim.controls import (
    BRAKE,
    CHANGE_CAR,
    HANDBRAKE,
    HORN,
    LIGHTS,
    N_CONTROLS,
    STEER,
    THROTTLE,
)

if TYPE_CHECKING:
    from game.ai.driver import Senses

AXIS_FULL = 32767.0  #: SDL game-controller axes run -32768..32767 (triggers 0..32767)
RAW_STEER_AXIS, RAW_BRAKE_AXIS, RAW_THROTTLE_AXIS, RAW_HANDBRAKE_BUTTON = 0, 2, 5, 0
#: reported when pressed, not held
ONE_SHOT_ACTIONS = ("pause", "horn", "lights", "map", "autopilot")
#: the settings' pad button names -> SDL game-controller buttons
PAD_BUTTON_CODES: dict[str, int] = {
    "a": pygame.CONTROLLER_BUTTON_A, "b": pygame.CONTROLLER_BUTTON_B,
    "x": pygame.CONTROLLER_BUTTON_X, "y": pygame.CONTROLLER_BUTTON_Y,
    "back": pygame.CONTROLLER_BUTTON_BACK, "guide": pygame.CONTROLLER_BUTTON_GUIDE,
    "start": pygame.CONTROLLER_BUTTON_START, "leftstick": pygame.CONTROLLER_BUTTON_LEFTSTICK,
    "rightstick": pygame.CONTROLLER_BUTTON_RIGHTSTICK,
    "leftshoulder": pygame.CONTROLLER_BUTTON_LEFTSHOULDER,
    "rightshoulder": pygame.CONTROLLER_BUTTON_RIGHTSHOULDER,
    "dpup": pygame.CONTROLLER_BUTTON_DPAD_UP, "dpdown": pygame.CONTROLLER_BUTTON_DPAD_DOWN,
    "dpleft": pygame.CONTROLLER_BUTTON_DPAD_LEFT, "dpright": pygame.CONTROLLER_BUTTON_DPAD_RIGHT,
}  # fmt: skip
PAD_BUTTON_NAMES = {code: name for name, code in PAD_BUTTON_CODES.items()}


class KeyCodes(NamedTuple):
    """Bindings by key name turned into key codes, and the names that could not be."""

    codes: dict[int, str]  #: key code -> action
    unknown: dict[str, list[str]]  #: action -> key names pygame does not know


def key_code(name: str) -> int | None:
    """pygame's key code for a key name ("up", "left shift"), or None if it knows none.

    Safe before ``pygame.init()`` (settings are checked before the window opens): the
    name table is SDL's own and needs no video system, so pygame's warning is quieted.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return pygame.key.key_code(name)
        except (ValueError, TypeError):
            return None


def key_codes(bindings: dict[str, list[str]]) -> KeyCodes:
    """Key code -> action from bindings by key name, and the names that are unknown.

    An action bound to any name pygame does not know keeps its default keys instead
    (a typo must not leave throttle unbound); the caller reports ``unknown``.
    """
    codes: dict[int, str] = {}
    unknown: dict[str, list[str]] = {}
    for action in ACTIONS:
        names = bindings.get(action, [])
        bad = [name for name in names if key_code(name) is None]
        if bad:
            unknown[action] = bad
            names = DEFAULT_BINDINGS[action]
        for name in names:
            code = key_code(name)
            if code is not None:
                codes[code] = action
    return KeyCodes(codes, unknown)


def pad_codes(pad_bindings: dict[str, list[str]]) -> dict[int, str]:
    """Pad button -> action from bindings by button name; an action bound to a name that
    is not a button keeps its default buttons (the settings loader has reported it)."""
    unknown = unknown_pad_buttons(pad_bindings)
    codes: dict[int, str] = {}
    for action in ACTIONS:
        names = DEFAULT_PAD_BINDINGS[action] if action in unknown else \
            pad_bindings.get(action, [])
        for name in names:
            codes[PAD_BUTTON_CODES[name]] = action
    return codes


def apply_dead_zone(value: float, dead_zone: float) -> float:
    """Rescale a stick value so the dead zone reads 0 and full travel still reads +-1."""
    magnitude = abs(value)
    if magnitude <= dead_zone:
        return 0.0
    return float(np.sign(value) * min(1.0, (magnitude - dead_zone) / (1.0 - dead_zone)))


class PlayerInput:
    """Turns pygame events into the player's control row and one-shot actions."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.rebind(settings.bindings, settings.pad_bindings)
        self.held: set[str] = set()  #: keyboard actions held down
        self.pad_held: set[str] = set()  #: pad-button actions held down
        self.stick_x = 0.0  #: -1..1 left stick, before the dead zone
        self.trigger_throttle = 0.0  #: 0..1
        self.trigger_brake = 0.0  #: 0..1
        self.raw_handbrake = False  #: a raw joystick's handbrake button is down
        self.pads: dict[int, object] = {}  #: instance id -> opened game controller
        self.joysticks: dict[int, object] = {}  #: instance id -> raw joystick (not a pad)
        self.active_pad: int | None = None  #: the pad that drives (the last one used)
        self.lights_on = True  #: headlights (a key toggles them; a new drive starts with them on)
        self.horn = False  #: the horn is held

    def start_drive(self, lights_on: bool = True) -> None:
        """A drive starts (or the wheel comes back from the autopilot): headlights as
        given, horn off (keys held stay held: the player may already be on the throttle)."""
        self.lights_on = lights_on
        self.horn = False

    def rebind(self, bindings: dict[str, list[str]],
               pad_bindings: dict[str, list[str]] | None = None) -> str | None:
        """Use these bindings (keys, and pad buttons if given) now; a message naming any
        key names it could not bind (those actions keep their default keys)."""
        self.codes, unknown = key_codes(bindings)
        if pad_bindings is not None:
            self.pad_codes = pad_codes(pad_bindings)
        return unknown_keys_message(unknown)

    # -- events ----------------------------------------------------------------------
    def handle_event(self, event: pygame.event.Event) -> list[str]:
        """Update the held state from one event; returns one-shot actions it triggered.

        One-shot actions: "pause", "horn", "horn_off", "lights", "pad_added", "pad_removed".
        """
        kind = event.type
        if kind in (pygame.KEYDOWN, pygame.KEYUP):
            return self._key(event.key, kind == pygame.KEYDOWN)
        if kind == pygame.CONTROLLERAXISMOTION:
            self._pad_axis(event.instance_id, event.axis, event.value)
        elif kind in (pygame.CONTROLLERBUTTONDOWN, pygame.CONTROLLERBUTTONUP):
            return self._pad_button(event.instance_id, event.button,
                                    kind == pygame.CONTROLLERBUTTONDOWN)
        elif kind == pygame.JOYAXISMOTION and event.instance_id not in self.pads:
            self._raw_axis(event.instance_id, event.axis, event.value)
        elif kind in (pygame.JOYBUTTONDOWN, pygame.JOYBUTTONUP) \
                and event.instance_id not in self.pads:
            if event.button == RAW_HANDBRAKE_BUTTON:
                self.active_pad = event.instance_id
                self.raw_handbrake = kind == pygame.JOYBUTTONDOWN
        elif kind == pygame.CONTROLLERDEVICEADDED:
            return self._open_pad(event.device_index)
        elif kind == pygame.JOYDEVICEADDED:
            return self._open_raw_joystick(event.device_index)
        elif kind in (pygame.CONTROLLERDEVICEREMOVED, pygame.JOYDEVICEREMOVED):
            return self._close_pad(event.instance_id)
        return []

    def _key(self, code: int, down: bool) -> list[str]:
        return self._press(self.codes.get(code), down, self.held)

    def _press(self, action: str | None, down: bool, held: set[str]) -> list[str]:
        """An action's key or button went down or up; ``held`` is that device's set."""
        if action is None:
            return []
        if action == "horn":
            return self._horn(down)
        if action == "lights" and down:
            return self._toggle_lights()
        if action in ONE_SHOT_ACTIONS:
            return [action] if down else []
        if down:
            held.add(action)
        else:
            held.discard(action)
        return []

    def _pad_axis(self, pad: int, axis: int, value: int) -> None:
        self.active_pad = pad
        if axis == pygame.CONTROLLER_AXIS_LEFTX:
            self.stick_x = max(-1.0, value / AXIS_FULL)
        elif axis == pygame.CONTROLLER_AXIS_TRIGGERRIGHT:
            self.trigger_throttle = max(0.0, value / AXIS_FULL)
        elif axis == pygame.CONTROLLER_AXIS_TRIGGERLEFT:
            self.trigger_brake = max(0.0, value / AXIS_FULL)

    def _raw_axis(self, pad: int, axis: int, value: float) -> None:
        self.active_pad = pad
        if axis == RAW_STEER_AXIS:
            self.stick_x = float(value)
        elif axis == RAW_THROTTLE_AXIS:  # a raw trigger rests at -1 and reads +1 pressed
            self.trigger_throttle = (float(value) + 1.0) / 2.0
        elif axis == RAW_BRAKE_AXIS:
            self.trigger_brake = (float(value) + 1.0) / 2.0

    def _pad_button(self, pad: int, button: int, down: bool) -> list[str]:
        self.active_pad = pad
        return self._press(self.pad_codes.get(button), down, self.pad_held)

    def _horn(self, down: bool) -> list[str]:
        self.horn = down
        return ["horn"] if down else ["horn_off"]

    def _toggle_lights(self) -> list[str]:
        self.lights_on = not self.lights_on
        return ["lights"]

    def _open_pad(self, device_index: int) -> list[str]:
        try:
            from pygame._sdl2 import controller

            if not controller.get_init():
                controller.init()
            pad = controller.Controller(device_index)
        except (pygame.error, ImportError, ValueError):
            return []
        instance_id = pad.as_joystick().get_instance_id()
        self.pads[instance_id] = pad
        return ["pad_added"]

    def _open_raw_joystick(self, device_index: int) -> list[str]:
        """Open a joystick SDL has no game-controller mapping for (pads arrive as
        CONTROLLERDEVICEADDED too, and are opened there)."""
        try:
            from pygame._sdl2 import controller

            if controller.get_init() and controller.is_controller(device_index):
                return []
            stick = pygame.joystick.Joystick(device_index)
        except (pygame.error, ImportError, ValueError):
            return []
        self.joysticks[stick.get_instance_id()] = stick
        return ["pad_added"]

    def _close_pad(self, instance_id: int) -> list[str]:
        was_active = instance_id == self.active_pad
        self.pads.pop(instance_id, None)
        self.joysticks.pop(instance_id, None)
        if not was_active:
            return []
        self.active_pad = None
        self.release_pad()
        return ["pad_removed"]

    def release_pad(self) -> None:
        """Forget the pad's axes and buttons (after it is pulled out)."""
        self.stick_x = self.trigger_throttle = self.trigger_brake = 0.0
        self.pad_held.clear()
        self.raw_handbrake = False

    def release_all(self) -> None:
        """Forget everything held (on pause, so no key stays stuck down)."""
        self.held.clear()
        self.horn = False
        self.release_pad()

    # -- the control row -------------------------------------------------------------
    def drive(self, senses: Senses, controls: np.ndarray) -> None:
        """The player's driver: his row for this tick, from what is held now."""
        controls[senses.player] = self.control_row()

    def control_row(self) -> np.ndarray:
        """The whole control row from whatever is held now (keys or pad), with the
        headlights and the horn. A steering key asks for full lock; the car's steering
        assist (an aid of the car, :mod:`game.sim.aids`) decides how much of it to use.
        """
        row = np.zeros(N_CONTROLS)
        held = self.held | self.pad_held
        row[THROTTLE] = max(float("throttle" in held), self.trigger_throttle)
        row[BRAKE] = max(float("brake" in held), self.trigger_brake)
        row[HANDBRAKE] = float("handbrake" in held or self.raw_handbrake)
        key_steer = float("steer_right" in held) - float("steer_left" in held)
        if key_steer:
            row[STEER] = key_steer
        else:
            row[STEER] = apply_dead_zone(self.stick_x, self.settings.pad_dead_zone)
        row[LIGHTS] = float(self.lights_on)
        row[HORN] = float(self.horn)
        row[CHANGE_CAR] = float("change_car" in held)  # held; the session acts as it goes down
        return row
