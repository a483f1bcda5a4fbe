"""Player settings (bindings, volume, fullscreen, resolution) as JSON in the config dir.

Keys are stored by their pygame names ("up", "w", "space"), which
:func:`game.input.player.key_codes` turns into key codes. This module imports pygame
only to check those names, and only where pygame is installed.

The settings never stop the game from starting. Whatever ``settings.json`` holds (any
bytes, JSON nested thousands deep, a folder or a pipe by that name, a file over
:data:`MAX_SETTINGS_BYTES`), :func:`load_settings` gives the defaults and one message;
a file it cannot use is moved aside to ``settings.json.corrupt-<n>`` (never deleted),
and if even that is refused (a read-only folder) the message says so and the game goes
on. Key names pygame does not know are named in the message and their actions keep
their default keys; the rest of the file is used. Saves go through
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

#: action -> default keys (pygame key names); every action the game reads
DEFAULT_BINDINGS: dict[str, tuple[str, ...]] = {
    "throttle": ("up", "w"),
    "brake": ("down", "s"),
    "steer_left": ("left", "a"),
    "steer_right": ("right", "d"),
    "handbrake": ("space",),
    "horn": ("h",),
    "lights": ("l",),
    "pause": ("escape",),
}
ACTIONS: tuple[str, ...] = tuple(DEFAULT_BINDINGS)
MAX_SETTINGS_BYTES = 64 * 1024  #: bytes; a settings file is under 1 kB
DIFFICULTIES = ("easy", "normal", "hard")  #: the police table's presets (game.session.escalation)
RESOLUTIONS: tuple[tuple[int, int], ...] = ((1280, 720), (1600, 900), (1920, 1080), (960, 540))


@dataclass
class Settings:
    bindings: dict[str, list[str]] = field(
        default_factory=lambda: {a: list(keys) for a, keys in DEFAULT_BINDINGS.items()})
    volume: float = 0.8  #: master volume 0..1
    fullscreen: bool = False
    resolution: tuple[int, int] = (1280, 720)  #: window size in pixels
    pad_dead_zone: float = 0.15  #: fraction of the stick's travel ignored around the centre
    difficulty: str = "normal"  #: the police: "easy", "normal" or "hard" (levels/police.toml)


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


def settings_from_dict(data: object) -> Settings:
    """Check a decoded JSON object and build Settings; unknown keys are an error too."""
    if not isinstance(data, dict):
        raise SettingsError("the file is not a JSON object")
    defaults = Settings()
    unknown = sorted(set(data) - set(asdict(defaults)))
    if unknown:
        raise SettingsError(f"unknown key {shown(unknown[0])}")
    bindings = data.get("bindings", defaults.bindings)
    if not isinstance(bindings, dict):
        raise SettingsError("'bindings' must be an object of action -> list of key names")
    merged = dict(defaults.bindings)
    for action, keys in bindings.items():
        if action not in DEFAULT_BINDINGS:
            raise SettingsError(f"{shown('bindings.' + action)} is not an action")
        if not isinstance(keys, list) or not all(isinstance(k, str) for k in keys):
            raise SettingsError(f"{shown('bindings.' + action)} must be a list of key names")
        merged[action] = list(keys)
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
    return Settings(merged, float(volume), fullscreen, (resolution[0], resolution[1]),
                    float(dead_zone), difficulty)


def settings_to_dict(settings: Settings) -> dict:
    data = asdict(settings)
    data["resolution"] = list(settings.resolution)
    return data


def unknown_keys_message(unknown: dict[str, list[str]]) -> str | None:
    """One line naming the key names that could not be bound, per action; None if none."""
    if not unknown:
        return None
    named = "; ".join(f"{action} {', '.join(shown(n) for n in names)}"
                      for action, names in unknown.items())
    return f"unknown key names in the bindings ({named}): those actions keep their default keys"


def _unknown_key_names(settings: Settings) -> dict[str, list[str]]:
    """Actions bound to key names pygame does not know, now set back to their defaults."""
    try:
        from game.input.player import key_codes
    except ImportError:  # no pygame here: the names are checked when the game binds them
        return {}
    unknown = key_codes(settings.bindings).unknown
    for action in unknown:
        settings.bindings[action] = list(DEFAULT_BINDINGS[action])
    return unknown


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
        message = unknown_keys_message(_unknown_key_names(settings))
        return settings, (f"{path}: {message}" if message else None)
    return Settings(), f"{path}: {reason}; using default settings ({move_aside(path)[1]})"


def save_settings(settings: Settings, directory: Path | None = None) -> Path:
    """Write the settings atomically (:func:`game.storage.atomic_write`); returns the path.

    Raises OSError when the folder cannot be written; the old file is then intact.
    """
    path = (directory or config_dir()) / SETTINGS_FILE
    text = json.dumps(settings_to_dict(settings), indent=2) + "\n"
    return atomic_write_text(path, text)
