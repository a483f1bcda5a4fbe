"""Fixtures for the level tests: a written test tileset, map writing, shipped maps loaded once."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

pytest.register_assert_rewrite("tests.level.contract")  # its asserts explain themselves

from game.level import Level, load_level  # noqa: E402
from tests.level.tmxgen import MapSpec, write_tileset  # noqa: E402

MAPS_DIR = Path(__file__).resolve().parents[2] / "levels" / "maps"
SHIPPED_MAPS = sorted(MAPS_DIR.glob("*.tmx"))


@pytest.fixture(scope="session")
def tileset_folder(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("tileset")
    write_tileset(folder)
    return folder


@pytest.fixture
def write_map(tmp_path, tileset_folder):
    """write_map(spec, name="test") -> path of the .tmx, next to a copy of the test tileset."""

    def write(spec: MapSpec, name: str = "test", **kwargs) -> Path:
        for item in tileset_folder.iterdir():
            if not (tmp_path / item.name).exists():
                shutil.copy(item, tmp_path / item.name)
        return spec.write(tmp_path / f"{name}.tmx", **kwargs)

    return write


@pytest.fixture(scope="session")
def shipped_level():
    """shipped_level(path) -> Level, each shipped map loaded once per test session."""
    cache: dict[Path, Level] = {}

    def load(path: Path) -> Level:
        if path not in cache:
            cache[path] = load_level(path)
        return cache[path]

    return load
