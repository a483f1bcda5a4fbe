"""Files the game writes for the player (settings, replays, career saves): whole or not at all.

:func:`atomic_write` is the one way the game writes such a file. The bytes go to a
temporary file in the same folder, are flushed and fsynced, and then replace the old
file in one ``os.replace`` (atomic on POSIX and Windows), after which the folder itself
is fsynced so the rename survives a power cut. A process killed at any moment leaves
either the old file or the new one, never a torn one. With ``backup=True`` the previous
good file is first copied, the same atomic way, to ``NAME.bak``, so a file that later
turns out unreadable still has a last good copy beside it.

A kill can leave a temporary file behind (``.NAME.XXXX.tmp``); :func:`clean_temporaries`
removes them and the game calls it when it starts. A file the game cannot use is never
deleted: :func:`move_aside` renames it to the first free ``NAME.corrupt-N``.

:func:`read_limited` is the one way the game reads a small file a person wrote or
may have broken (settings, missions, saves): only a regular file, and only up to a size
checked before anything is read, so a folder, a pipe, a device or a huge file gets a
clear answer instead of a hang or a memory blow-up; :func:`json_from_bytes` decodes such
a file's JSON with one short reason for whatever is wrong. No pygame, no game state:
every layer may use this module.
"""

from __future__ import annotations

import json
import os
import stat
import tempfile
from pathlib import Path

APP_NAME = "five-minute-window"  #: the folder name of the user's config and data dirs
TEMP_SUFFIX = ".tmp"
BACKUP_SUFFIX = ".bak"
CORRUPT_SUFFIX = ".corrupt-"


class UnusableFile(ValueError):
    """A file that exists but is not one to read: not a regular file, or too big."""


def temp_prefix(path: Path) -> str:
    """The prefix of the temporary files written for ``path`` (hidden, named after it)."""
    return f".{path.name}."


def backup_path(path: str | Path) -> Path:
    """Where ``atomic_write(..., backup=True)`` keeps the previous good copy of ``path``."""
    path = Path(path)
    return path.with_name(path.name + BACKUP_SUFFIX)


def _fsync_directory(directory: Path) -> None:
    """Make a rename in ``directory`` durable (a no-op where folders cannot be opened)."""
    try:
        handle = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError:
        pass
    finally:
        os.close(handle)


def _replace_with(path: Path, data: bytes) -> None:
    handle, temp_name = tempfile.mkstemp(prefix=temp_prefix(path), suffix=TEMP_SUFFIX,
                                         dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp_name, path)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise


def atomic_write(path: str | Path, data: bytes, *, backup: bool = False) -> Path:
    """Write ``data`` to ``path`` atomically (see the module docstring); returns the path.

    With ``backup`` the file being replaced, if there is one, is kept as ``NAME.bak``
    first. Raises OSError when the folder cannot be written; the old file is then intact.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if backup and path.is_file():
        _replace_with(backup_path(path), path.read_bytes())
    _replace_with(path, data)
    _fsync_directory(path.parent)
    return path


def atomic_write_text(path: str | Path, text: str, *, backup: bool = False) -> Path:
    """:func:`atomic_write` of ``text`` as UTF-8."""
    return atomic_write(path, text.encode("utf-8"), backup=backup)


def clean_temporaries(path: str | Path) -> int:
    """Remove temporary files a killed write of ``path`` left behind; returns how many."""
    path = Path(path)
    removed = 0
    try:
        leftovers = list(path.parent.glob(temp_prefix(path) + "*" + TEMP_SUFFIX))
    except OSError:
        return 0
    for leftover in leftovers:
        try:
            if leftover.is_file() and not leftover.is_symlink():
                leftover.unlink()
                removed += 1
        except OSError:
            continue
    return removed


def read_limited(path: str | Path, max_bytes: int) -> bytes:
    """The bytes of the regular file ``path``, which may hold at most ``max_bytes``.

    Raises FileNotFoundError when there is none, OSError when it cannot be opened or
    read, and UnusableFile (its message says why) for a folder, a pipe, a socket or a
    device (reading one could block or never end) or a file over ``max_bytes``. The
    file is opened without blocking and then examined, so one swapped for a pipe after
    a look at its name still cannot hang the game.
    """
    handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        info = os.fstat(handle)
        if not stat.S_ISREG(info.st_mode):
            raise UnusableFile("is not a regular file (a folder, a pipe or a device)")
        if info.st_size > max_bytes:
            raise UnusableFile(f"is {info.st_size:,} bytes; at most {max_bytes:,} are read")
        stream = os.fdopen(handle, "rb")
    except BaseException:
        os.close(handle)
        raise
    with stream:
        data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:  # it grew after the look
        raise UnusableFile(f"is over {max_bytes:,} bytes; at most {max_bytes:,} are read")
    return data


def json_from_bytes(data: bytes) -> object:
    """The JSON value a file's bytes hold; ValueError with one short reason otherwise
    (not UTF-8, not JSON and where, nested too deeply, a number too long)."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ValueError(f"not UTF-8 text (byte {error.start})") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise ValueError(f"not valid JSON (line {error.lineno}: {error.msg})") from None
    except RecursionError:
        raise ValueError("nested too deeply to read") from None
    except ValueError as error:  # an integer too long for Python to convert
        raise ValueError(f"not valid JSON ({error})") from None


def move_aside(path: str | Path) -> tuple[Path | None, str]:
    """Rename an unusable file to the first free ``NAME.corrupt-N``: the new path (None
    if the rename was refused) and a few words saying what was done."""
    path = Path(path)
    n = 1
    while os.path.lexists(target := path.with_name(f"{path.name}{CORRUPT_SUFFIX}{n}")):
        n += 1
    try:
        os.replace(path, target)
    except OSError as error:
        return None, f"could not move the file aside: {error.strerror or error}"
    return target, f"kept the file as {target.name}"
