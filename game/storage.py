"""Files the game writes for the player (settings, replays, career saves): whole or not at all.

:func:`atomic_write` is the one way the game writes such a file. The bytes go to a
temporary file in the same folder, are flushed and fsynced, and then replace the old
file in one ``os.replace`` (atomic on POSIX and Windows), after which the folder itself
is fsynced so the rename survives a power cut. A process killed at any moment leaves
either the old file or the new one, never a torn one. With ``backup=True`` the previous
good file is first copied, the same atomic way, to ``NAME.bak``, so a file that later
turns out unreadable still has a last good copy beside it.

A kill can leave a temporary file behind (``.NAME.XXXX.tmp``); :func:`clean_temporaries`
removes them and the game calls it when it starts. No pygame, no game state: every layer
may use this module.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

TEMP_SUFFIX = ".tmp"
BACKUP_SUFFIX = ".bak"


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
