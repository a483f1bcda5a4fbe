"""The one contract, as tests assert it: what ``check_map`` reports, ``load_level`` refuses
with the very same line; what it passes, ``load_level`` loads."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.level import load_level
from game.level.files import SHIPPED_ROOTS
from game.level.validate import check_map
from game.problems import FileProblem


def assert_refused(path: Path, expected: str, roots=SHIPPED_ROOTS) -> str:
    """``check_map`` reports ``expected`` in its first line and ``load_level`` refuses the
    map with that line; returns it."""
    lines = [str(problem) for problem in check_map(path, roots)]
    assert lines, f"check passed {path}"
    assert expected in lines[0], "\n".join(lines)
    assert all("\n" not in line and "Traceback" not in line for line in lines)
    assert lines[0].startswith(f"{path}: ") or lines[0].startswith(str(path.parent))
    with pytest.raises(FileProblem) as refused:
        load_level(path, roots)
    assert str(refused.value).startswith(lines[0])
    return lines[0]


def assert_clean(path: Path, roots=SHIPPED_ROOTS):
    """``check_map`` has nothing to say and ``load_level`` loads the map."""
    assert [str(problem) for problem in check_map(path, roots)] == []
    return load_level(path, roots)


def edit(path: Path, old: str, new: str, count: int = 1) -> Path:
    """Replace text in a written map (or tileset), as a designer's text editor would."""
    text = path.read_text()
    assert old in text, f"{old!r} is not in {path.name}"
    path.write_text(text.replace(old, new, count))
    return path
