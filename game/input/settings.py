"""Player settings (bindings, volume, fullscreen, resolution) as JSON in the config dir.

No pygame here: keys are stored by their pygame names ("up", "w", "space"), which
:mod:`game.input.bindings` turns into key codes. The file is written atomically (a temp
file in the same directory, then ``os.replace``). A file that cannot be read as valid
settings is moved aside to ``settings.json.corrupt-<n>`` (never deleted) and the defaults
are used, with one message for the player.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path

CONFIG_DIR_ENV = "FMW_CONFIG_DIR"  #: overrides the config directory (tests, portable installs)
SETTINGS_FILE = "settings.json"
APP_NAME = "five-minute-window"

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
RESOLUTIONS: tuple[tuple[int, int], ...] = ((1280, 720), (1600, 900), (1920, 1080), (960, 540))


@dataclass
class Settings:
    bindings: dict[str, list[str]] = field(
        default_factory=lambda: {a: list(keys) for a, keys in DEFAULT_BINDINGS.items()})
    volume: float = 0.8  #: master volume 0..1
    fullscreen: bool = False
    resolution: tuple[int, int] = (1280, 720)  #: window size in pixels
    pad_dead_zone: float = 0.15  #: fraction of the stick's travel ignored around the centre


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
        raise SettingsError(f"unknown key {unknown[0]!r}")
    bindings = data.get("bindings", defaults.bindings)
    if not isinstance(bindings, dict):
        raise SettingsError("'bindings' must be an object of action -> list of key names")
    merged = dict(defaults.bindings)
    for action, keys in bindings.items():
        if action not in DEFAULT_BINDINGS:
            raise SettingsError(f"'bindings.{action}' is not an action")
        if not isinstance(keys, list) or not all(isinstance(k, str) for k in keys):
            raise SettingsError(f"'bindings.{action}' must be a list of key names")
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
    return Settings(merged, float(volume), fullscreen, (resolution[0], resolution[1]),
                    float(dead_zone))


def settings_to_dict(settings: Settings) -> dict:
    data = asdict(settings)
    data["resolution"] = list(settings.resolution)
    return data


def load_settings(directory: Path | None = None) -> tuple[Settings, str | None]:
    """Settings from the config dir and an optional message for the player.

    A missing file gives the defaults quietly; a corrupt one is moved aside and named.
    """
    path = (directory or config_dir()) / SETTINGS_FILE
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Settings(), None
    except OSError as error:
        return Settings(), f"{path}: cannot read settings ({error.strerror}); using defaults"
    try:
        return settings_from_dict(json.loads(text)), None
    except json.JSONDecodeError as error:
        reason = f"not valid JSON (line {error.lineno}: {error.msg})"
    except SettingsError as error:
        reason = str(error)
    kept = _move_aside(path)
    return Settings(), f"{path}: {reason}; using default settings (kept the file as {kept.name})"


def _move_aside(path: Path) -> Path:
    n = 1
    while (target := path.with_name(f"{path.name}.corrupt-{n}")).exists():
        n += 1
    os.replace(path, target)
    return target


def save_settings(settings: Settings, directory: Path | None = None) -> Path:
    """Write the settings atomically (temp file + replace); returns the file's path."""
    directory = directory or config_dir()
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / SETTINGS_FILE
    handle, temp_name = tempfile.mkstemp(prefix=".settings-", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            json.dump(settings_to_dict(settings), stream, indent=2)
            stream.write("\n")
        os.replace(temp_name, path)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
    return path
