"""One reportable problem in a user's file: which file, which object, what is wrong.

Loaders raise :class:`FileProblem`; validators collect :class:`Problem` lists. Either
prints as one line, ``file: where: message``, and never as a traceback. A value quoted
from the file goes through :func:`shown`, so a message stays one short line whatever the
file holds (a megabyte string, an array nested a thousand deep).
"""

from __future__ import annotations

import difflib
import reprlib
from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

_SHOWN = reprlib.Repr()
_SHOWN.maxstring = _SHOWN.maxother = 40
_SHOWN.maxlevel = 2


MAX_HINT_CHARS = 64  #: longer words get no "did you mean" (difflib is quadratic in length)


def close_hint(word: str, choices: Iterable[str]) -> str:
    """`` (did you mean 'x'?)`` for the closest of ``choices``, or "" (none is close, or
    the word is too long to compare). Case is ignored when matching, so ``Spawns`` finds
    ``spawns``."""
    if len(word) > MAX_HINT_CHARS:
        return ""
    by_folded: dict[str, str] = {}
    for choice in sorted(choices):
        by_folded.setdefault(choice.casefold(), choice)
    close = difflib.get_close_matches(word.casefold(), list(by_folded), n=1)
    return f" (did you mean '{by_folded[close[0]]}'?)" if close else ""


def shown(value: object) -> str:
    """A short repr of a value read from a user's file, for a message."""
    try:
        return _SHOWN.repr(value)
    except ValueError:  # an int too long for Python to print
        return "a number too long to print"


class Problem(NamedTuple):
    file: str  #: the path as the user gave it
    where: str  #: the object (``object 'warehouse' (id 12)``), layer or key path; "" for the file
    message: str  #: what is wrong, in words a designer understands

    def __str__(self) -> str:
        if self.where:
            return f"{self.file}: {self.where}: {self.message}"
        return f"{self.file}: {self.message}"


class FileProblem(Exception):
    """A user's file cannot be used; ``str()`` is the one-line message to show."""

    def __init__(self, file: str | Path, where: str, message: str) -> None:
        self.problem = Problem(str(file), where, message)
        super().__init__(str(self.problem))
