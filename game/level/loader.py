"""``load_level(path) -> Level``: a Tiled map, headless, into the game's SI-unit Level.

Every map the game plays (``play --map``, free drive, a mission's map) comes through
here, and here it gets exactly the checks ``python -m game check`` runs: one reading
(:func:`game.level.reading.read_level`) that both builds the Level and collects the
problems, then the whole-map checks (:func:`game.level.validate.map_problems`) over that
same reading. A map with any problem is refused with one FileProblem.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from game.level.files import SHIPPED_ROOTS
from game.level.model import Level
from game.level.reading import read_level
from game.level.validate import map_problems
from game.problems import FileProblem


def load_level(path: str | Path, roots: Iterable[Path] = SHIPPED_ROOTS) -> Level:
    """Load a Tiled map as a :class:`Level`; any problem ``check`` would report raises one
    FileProblem.

    ``roots`` are the folders (besides the map's own) its tilesets and images may come
    from: the shipped ``levels/`` and ``assets/`` by default. The message names the
    first problem; ``python -m game check PATH`` lists them all.
    """
    reading = read_level(path, roots)
    problems = map_problems(reading)
    if problems:
        first = problems[0]
        more = len(problems) - 1
        message = first.message
        if more:
            message += f" (and {more} more: python -m game check {first.file})"
        raise FileProblem(first.file, first.where, message)
    return reading.level
