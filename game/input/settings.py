"""Player settings (bindings, volume, fullscreen, resolution) as JSON in the config dir.

Every action has up to :data:`SLOTS` keys and :data:`SLOTS` pad buttons. Keys are stored
by their pygame names ("up", "w", "space"), which :func:`game.input.player.key_codes`
turns into key codes; pad buttons by SDL's game-controller names (:data:`PAD_BUTTONS`:
"a", "start", "leftshoulder"). This module imports pygame only to check key names, and
only where pygame is installed.

The file (version :data:`SETTINGS_VERSION`) holds, per action, ``{"keys": [...], "pad":
[...]}``; an action or a list left out keeps its default. A file from before (no
``version``: each action a plain list of key names) still loads: its keys are kept (the
first :data:`SLOTS`), its pad buttons are the defaults, and the next save writes the new
shape.

The settings never stop the game from starting. Whatever ``settings.json`` holds (any
bytes, JSON nested thousands deep, a folder or a pipe by that name, a file over
:data:`MAX_SETTINGS_BYTES`), :func:`load_settings` gives the defaults and one message;
a file it cannot use is moved aside to ``settings.json.corrupt-<n>`` (never deleted),
and if even that is refused (a read-only folder) the message says so and the game goes
on. Key names pygame does not know are named in the message and their actions keep
their default keys (pad button names likewise); the rest of the file is used. Saves go through
:func:`game.storage.atomic_write` (whole or not at all), and the temporary files a
killed save leaves are removed at each load.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path

from game.problems import shown
from game.storage import (
    APP_NAME,
    UnusableFile,
    atomic_write_text,
    clean_temporaries,
    json_from_bytes,
    move_aside,
    read_limited,
)

CONFIG_DIR_ENV = "FMW_CONFIG_DIR"  #: overrides the config directory (tests, portable installs)
SETTINGS_FILE = "settings.json"

SETTINGS_VERSION = 2  #: the file's shape (no version: the first one, keys only)
SLOTS = 2  #: keys per action, and pad buttons per action
#: action -> default keys (pygame key names); every action the game reads
DEFAULT_BINDINGS: dict[str, tuple[str, ...]] = {
    "throttle": ("up", "w"),
    "brake": ("down", "s"),
    "steer_left": ("left", "a"),
    "steer_right": ("right", "d"),
    "handbrake": ("space",),
    "horn": ("h",),
    "lights": ("l",),
    "change_car": ("c",),
    "map": ("m",),
    "autopilot": ("tab",),
    "pause": ("escape",),
}
ACTIONS: tuple[str, ...] = tuple(DEFAULT_BINDINGS)
#: SDL game-controller button names, as the file stores them
PAD_BUTTONS: tuple[str, ...] = (
    "a", "b", "x", "y", "back", "guide", "start", "leftstick", "rightstick", "leftshoulder",
    "rightshoulder", "dpup", "dpdown", "dpleft", "dpright",
)  # fmt: skip
#: action -> default pad buttons (the pedals and steering are on the triggers and stick)
DEFAULT_PAD_BINDINGS: dict[str, tuple[str, ...]] = {
    "throttle": (), "brake": (), "steer_left": (), "steer_right": (),
    "handbrake": ("a",), "horn": ("b",), "lights": ("y",), "change_car": ("rightshoulder",),
    "map": ("back",), "autopilot": ("x",), "pause": ("start",),
}  # fmt: skip
#: how the screens name each action
ACTION_LABELS: dict[str, str] = {
    "throttle": "Throttle", "brake": "Brake / reverse", "steer_left": "Steer left",
    "steer_right": "Steer right", "handbrake": "Handbrake", "horn": "Horn",
    "lights": "Lights", "change_car": "Change cars", "map": "Map",
    "autopilot": "Autopilot (jobs)", "pause": "Pause",
}  # fmt: skip
#: how the screens name pad buttons (the Xbox names; PlayStation pads map the same places)
PAD_LABELS: dict[str, str] = {
    "a": "A", "b": "B", "x": "X", "y": "Y", "back": "Back", "guide": "Guide", "start": "Start",
    "leftstick": "L3", "rightstick": "R3", "leftshoulder": "LB", "rightshoulder": "RB",
    "dpup": "D-pad up", "dpdown": "D-pad down", "dpleft": "D-pad left", "dpright": "D-pad right",
}  # fmt: skip
MAX_SETTINGS_BYTES = 64 * 1024  #: bytes; a settings file is under 1 kB
DIFFICULTIES = ("easy", "normal", "hard")  #: the police table's presets (game.session.escalation)
RESOLUTIONS: tuple[tuple[int, int], ...] = ((1280, 720), (1600, 900), (1920, 1080), (960, 540))


@dataclass
class Settings:
    #: action -> its keys (pygame names), at most SLOTS
    bindings: dict[str, list[str]] = field(
        default_factory=lambda: {a: list(keys) for a, keys in DEFAULT_BINDINGS.items()})
    #: action -> its pad buttons (PAD_BUTTONS names), at most SLOTS
    pad_bindings: dict[str, list[str]] = field(
        default_factory=lambda: {a: list(b) for a, b in DEFAULT_PAD_BINDINGS.items()})
    volume: float = 0.8  #: master volume 0..1
    fullscreen: bool = False
    resolution: tuple[int, int] = (1280, 720)  #: window size in pixels
    pad_dead_zone: float = 0.15  #: fraction of the stick's travel ignored around the centre
    difficulty: str = "normal"  #: the police: "easy", "normal" or "hard" (levels/police.toml)


def key_label(name: str) -> str:
    """A key's name as the screens show it: "W", "Up", "Left Shift"."""
    return name.upper() if len(name) == 1 else name.title()


def pad_label(name: str) -> str:
    """A pad button's name as the screens show it: "A", "Back", "LB"."""
    return PAD_LABELS.get(name, name)


#: what a pad does with its sticks and triggers (fixed: only buttons are bound)
PAD_AXES: dict[str, str] = {"throttle": "RT", "brake": "LT", "steer_left": "left stick",
                            "steer_right": "left stick"}


def controls_of(settings: Settings, action: str, axes: bool = False) -> str:
    """Everything that does an action, for hints: "Up / W", "M / pad Back" (with
    ``axes``, the pad's trigger or stick too: "Up / W / pad RT")."""
    keys = [key_label(k) for k in settings.bindings.get(action, [])]
    pads = [f"pad {pad_label(b)}" for b in settings.pad_bindings.get(action, [])]
    if axes and action in PAD_AXES:
        pads.append(f"pad {PAD_AXES[action]}")
    return " / ".join(keys + pads) or "unbound"


class SettingsError(ValueError):
    """A settings file's content is not valid; the message names the key."""


def config_dir() -> Path:
    """Where settings live: $FMW_CONFIG_DIR, else the platform's user config directory."""
    override = os.environ.get(CONFIG_DIR_ENV)
    if override:
        return Path(override)
    try:
        import platformdirs
    except ImportError:  # the package is a declared dependency; this covers bare checkouts
        base = os.environ.get("XDG_CONFIG_HOME") or os.path.join(Path.home(), ".config")
        return Path(base) / APP_NAME
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


FILE_KEYS = ("version", "bindings", "volume", "fullscreen", "resolution", "pad_dead_zone",
             "difficulty")


def _names(value: object, path: str, what: str, most: int | None) -> list[str]:
    """A list of names from the file, checked: strings, and at most ``most`` of them."""
    if not isinstance(value, list) or not all(isinstance(k, str) for k in value):
        raise SettingsError(f"{shown(path)} must be a list of {what}")
    if most is not None and len(value) > most:
        raise SettingsError(f"{shown(path)} has {len(value)} {what}; at most {most}")
    return list(value)


def _bindings(data: dict, version: int) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """Keys and pad buttons per action from the file, over the defaults (either shape)."""
    defaults = Settings()
    bindings = data.get("bindings", {})
    if not isinstance(bindings, dict):
        raise SettingsError("'bindings' must be an object of action -> its keys and buttons")
    keys, pad = dict(defaults.bindings), dict(defaults.pad_bindings)
    for action, entry in bindings.items():
        path = "bindings." + action
        if action not in DEFAULT_BINDINGS:
            raise SettingsError(f"{shown(path)} is not an action")
        if version < SETTINGS_VERSION:  # the first shape: a list of key names
            keys[action] = _names(entry, path, "key names", None)[:SLOTS]
            continue
        if not isinstance(entry, dict):
            raise SettingsError(f"{shown(path)} must be an object with 'keys' and 'pad'")
        extra = sorted(set(entry) - {"keys", "pad"})
        if extra:
            raise SettingsError(f"{shown(path + '.' + extra[0])} is not 'keys' or 'pad'")
        if "keys" in entry:
            keys[action] = _names(entry["keys"], path + ".keys", "key names", SLOTS)
        if "pad" in entry:
            pad[action] = _names(entry["pad"], path + ".pad", "pad button names", SLOTS)
    return keys, pad


def settings_from_dict(data: object) -> Settings:
    """Check a decoded JSON object and build Settings; unknown keys are an error too.
    A file of the first shape (no ``version``) is migrated."""
    if not isinstance(data, dict):
        raise SettingsError("the file is not a JSON object")
    defaults = Settings()
    unknown = sorted(set(data) - set(FILE_KEYS))
    if unknown:
        raise SettingsError(f"unknown key {shown(unknown[0])}")
    version = data.get("version", 1)
    if isinstance(version, bool) or version not in (1, SETTINGS_VERSION):
        raise SettingsError(f"'version' must be {SETTINGS_VERSION}")
    merged, pad = _bindings(data, version)
    volume = data.get("volume", defaults.volume)
    if isinstance(volume, bool) or not isinstance(volume, int | float) or not 0 <= volume <= 1:
        raise SettingsError("'volume' must be a number from 0 to 1")
    fullscreen = data.get("fullscreen", defaults.fullscreen)
    if not isinstance(fullscreen, bool):
        raise SettingsError("'fullscreen' must be true or false")
    resolution = data.get("resolution", list(defaults.resolution))
    if (not isinstance(resolution, list) or len(resolution) != 2
            or not all(isinstance(v, int) and 320 <= v <= 10000 for v in resolution)):
        raise SettingsError("'resolution' must be [width, height] in pixels")
    dead_zone = data.get("pad_dead_zone", defaults.pad_dead_zone)
    if isinstance(dead_zone, bool) or not isinstance(dead_zone, int | float) \
            or not 0 <= dead_zone < 1:
        raise SettingsError("'pad_dead_zone' must be a number from 0 to below 1")
    difficulty = data.get("difficulty", defaults.difficulty)
    if difficulty not in DIFFICULTIES:
        raise SettingsError(f"'difficulty' must be one of {', '.join(DIFFICULTIES)}")
    return Settings(merged, pad, float(volume), fullscreen, (resolution[0], resolution[1]),
                    float(dead_zone), difficulty)


def settings_to_dict(settings: Settings) -> dict:
    """The settings as the file holds them (the current shape)."""
    data = asdict(settings)
    data["resolution"] = list(settings.resolution)
    data.pop("pad_bindings")
    data["bindings"] = {
        action: {"keys": list(settings.bindings.get(action, [])),
                 "pad": list(settings.pad_bindings.get(action, []))}
        for action in ACTIONS}
    return {"version": SETTINGS_VERSION, **data}


def unknown_keys_message(unknown: dict[str, list[str]], kind: str = "key",
                         plural: str = "keys") -> str | None:
    """One line naming the key (or pad button) names that could not be bound, per
    action; None if none."""
    if not unknown:
        return None
    named = "; ".join(f"{action} {', '.join(shown(n) for n in names)}"
                      for action, names in unknown.items())
    return (f"unknown {kind} names in the bindings ({named}): those actions keep their "
            f"default {plural}")


def _unknown_names(settings: Settings) -> str | None:
    """Set actions bound to key or pad button names nobody knows back to their defaults
    (keys: pygame's names, checked only where pygame is installed; pad buttons:
    :data:`PAD_BUTTONS`); one message naming them, None if there were none."""
    pad = unknown_pad_buttons(settings.pad_bindings)
    for action in pad:
        settings.pad_bindings[action] = list(DEFAULT_PAD_BINDINGS[action])
    keys: dict[str, list[str]] = {}
    try:
        from game.input.player import key_codes
    except ImportError:  # no pygame here: the names are checked when the game binds them
        pass
    else:
        keys = key_codes(settings.bindings).unknown
    for action in keys:
        settings.bindings[action] = list(DEFAULT_BINDINGS[action])
    said = [unknown_keys_message(keys), unknown_keys_message(pad, "pad button", "buttons")]
    return "; ".join(line for line in said if line) or None


def unknown_pad_buttons(pad_bindings: dict[str, list[str]]) -> dict[str, list[str]]:
    """Action -> the pad button names in its bindings that are not in PAD_BUTTONS."""
    unknown = {action: [b for b in buttons if b not in PAD_BUTTONS]
               for action, buttons in pad_bindings.items()}
    return {action: bad for action, bad in unknown.items() if bad}


def _decode(data: bytes) -> Settings:
    """Settings from the file's bytes; SettingsError says what is wrong."""
    try:
        decoded = json_from_bytes(data)
    except ValueError as error:
        raise SettingsError(str(error)) from None
    return settings_from_dict(decoded)


def load_settings(directory: Path | None = None) -> tuple[Settings, str | None]:
    """Settings from the config dir and an optional message for the player; never raises.

    A missing file gives the defaults quietly; one that cannot be used gives the
    defaults, is moved aside and is named in the message.
    """
    path = (directory or config_dir()) / SETTINGS_FILE
    clean_temporaries(path)
    try:
        settings = _decode(read_limited(path, MAX_SETTINGS_BYTES))
    except FileNotFoundError:
        return Settings(), None
    except OSError as error:
        reason = f"cannot be read ({error.strerror or error})"
    except UnusableFile as error:
        reason = f"cannot be used: it {error}"
    except SettingsError as error:
        reason = str(error)
    else:
        message = _unknown_names(settings)
        return settings, (f"{path}: {message}" if message else None)
    return Settings(), f"{path}: {reason}; using default settings ({move_aside(path)[1]})"


def save_settings(settings: Settings, directory: Path | None = None) -> Path:
    """Write the settings atomically (:func:`game.storage.atomic_write`); returns the path.

    Raises OSError when the folder cannot be written; the old file is then intact.
    """
    path = (directory or config_dir()) / SETTINGS_FILE
    text = json.dumps(settings_to_dict(settings), indent=2) + "\n"
    return atomic_write_text(path, text)
