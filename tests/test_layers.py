"""The layers of DESIGN.md (and the README's Layout table), enforced: each package imports
only the layers below it, and the headless ones never import pygame (benchmarks and tests
run the game's own code). The pygame side has its order too: render and audio read the
session's typed view, input writes a driver's row, and only the app ties them together."""

import ast
from pathlib import Path

import pytest

GAME = Path(__file__).resolve().parent.parent / "game"
SHARED = {"game", "game.problems", "game.storage", "game.resources"}  #: importable from every layer

#: package -> the game packages it may import (besides itself and SHARED)
ALLOWED = {
    "sim": set(),
    "level": {"sim"},
    "ai": {"sim", "level"},
    "session": {"sim", "level", "ai"},
    "mission": {"sim", "level", "ai", "session"},
    "career": {"sim", "level", "ai", "session", "mission"},
    "audio": set(),
    "input": {"sim", "ai"},
    "render": {"sim", "level", "ai", "session"},
    "app": {"sim", "level", "ai", "session", "mission", "career", "audio", "input", "render"},
}
HEADLESS = {"sim", "level", "ai", "session", "mission", "career"}


def imports_of(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
    return names


@pytest.mark.parametrize("package", sorted(ALLOWED))
def test_package_imports_only_the_layers_below_it(package):
    allowed = ALLOWED[package] | {package}
    wrong = []
    for path in sorted((GAME / package).rglob("*.py")):
        for name in imports_of(path):
            parts = name.split(".")
            if parts[0] == "pygame" and package in HEADLESS:
                wrong.append(f"{path.relative_to(GAME)} imports {name}")
            if parts[0] == "game" and name not in SHARED and parts[1] not in allowed:
                wrong.append(f"{path.relative_to(GAME)} imports {name}")
    assert not wrong, "layer violations:\n" + "\n".join(wrong)


def test_the_rules_see_every_package():
    packages = {p.name for p in GAME.iterdir() if (p / "__init__.py").exists()}
    assert packages == set(ALLOWED)
