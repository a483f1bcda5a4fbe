"""``python -m game new-map``: the starter map passes ``check``, renders in the real
``tmxrasterizer``, drives in a headless free drive, and never overwrites a file unasked
(issue 13, item 2)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from game.level import load_level
from game.level.validate import check_map
from game.new_map import target
from game.session.drive import free_drive_session
from tests.session.steady import Steady

REPO = Path(__file__).resolve().parents[1]


def new_map(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "game", "new-map", *args], cwd=REPO,
                          capture_output=True, text=True, timeout=60)


@pytest.fixture(scope="module")
def harbor(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("maps") / "harbor.tmx"
    done = new_map(str(path), "--size", "40", "30")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"{path}: 40 x 30 tiles (160 x 120 m), check passes")
    return path


def test_the_starter_map_passes_check_with_what_every_map_needs(harbor):
    assert check_map(harbor) == []
    level = load_level(harbor)
    assert (level.cols, level.rows) == (40, 30)
    kinds = {name: spawn.kind for name, spawn in level.spawns.items()}
    assert kinds == {"player_start": "player", "free_drive": "player", "police_1": "police"}
    assert level.properties["generator"] == "none"  # hand-made from here on
    assert len(level.roads.edge_src) > 0


@pytest.mark.parametrize("size", [("12", "12"), ("13", "17"), ("100", "64")])
def test_every_size_passes_check(tmp_path, size):
    path = tmp_path / "odd.tmx"
    assert new_map(str(path), "--size", *size).returncode == 0
    assert check_map(path) == []


def test_the_starter_map_renders_in_tmxrasterizer(harbor, tmp_path):
    import pygame

    tool = shutil.which("tmxrasterizer")
    assert tool, "tmxrasterizer is not installed: apt-get install tiled (./dev test does)"
    image = tmp_path / "harbor.png"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.setdefault("XDG_RUNTIME_DIR", "/tmp")
    done = subprocess.run([tool, "--scale", "0.25", str(harbor), str(image)], env=env,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    drawn = pygame.image.load(str(image))
    assert drawn.get_size() == (40 * 8, 30 * 8)  # 32 px tiles at a quarter
    pixels = pygame.surfarray.array3d(drawn).reshape(-1, 3)
    assert len({tuple(p) for p in pixels[::7]}) > 3, "drawn in one colour: no tiles"


def test_free_drive_starts_and_drives_on_the_starter_map(harbor):
    level = load_level(harbor)
    session = free_drive_session(level, seed=0)
    session.player_driver = Steady(throttle=0.6)
    start = float(session.world.x[session.player])
    for _ in range(120):  # two seconds
        session.tick()
    assert float(session.world.x[session.player]) < start - 4  # west along the bottom side
    assert np.isfinite(session.world.x).all()
    assert session.police.units.size >= 1


def test_an_existing_file_is_kept_unless_forced(harbor):
    before = harbor.read_bytes()
    harbor.write_text(before.decode().replace('value="Harbor"', 'value="My harbor"'))
    edited = harbor.read_bytes()
    refused = new_map(str(harbor), "--size", "20", "20")
    assert refused.returncode == 1 and "already there" in refused.stderr
    assert harbor.read_bytes() == edited
    assert new_map(str(harbor), "--size", "40", "30", "--force").returncode == 0
    assert harbor.read_bytes() == before


def test_names_and_sizes_it_refuses(tmp_path):
    assert target("harbor") == REPO / "levels" / "maps" / "harbor.tmx"
    assert target("maps/harbor.tmx") == Path("maps/harbor.tmx")
    assert target("maps/harbor") is None
    small = new_map(str(tmp_path / "tiny.tmx"), "--size", "5", "40")
    assert small.returncode == 2 and "each side must be 12 to 4,096 tiles" in small.stderr
    odd = new_map("my map", "--size", "20", "20")
    assert odd.returncode == 2 and "neither a map name" in odd.stderr


def test_an_installed_game_writes_a_new_map_into_the_user_s_levels(tmp_path, monkeypatch):
    """Installed (no pyproject.toml beside the package's levels), a bare name goes into the
    user's levels folder, where `play --map` and missions find it, not into site-packages."""
    import argparse

    from game import new_map as command
    from game import resources

    installed = tmp_path / "site-packages" / "game" / "levels"
    installed.mkdir(parents=True)
    monkeypatch.setenv(resources.DATA_DIR_ENV, str(tmp_path / "data"))
    user_maps = tmp_path / "data" / resources.USER_LEVELS / "maps"
    assert command.designers_levels(installed) == user_maps.parent
    assert command.designers_levels() == REPO / "levels"  # this checkout
    where = command.designers_levels
    monkeypatch.setattr(command, "designers_levels", lambda: where(installed))
    assert target("harbor") == user_maps / "harbor.tmx"
    assert command.run(argparse.Namespace(name="harbor", size=[20, 20], title=None,
                                          force=False)) == 0
    assert (user_maps / "harbor.tmx").is_file() and not any(installed.iterdir())
    assert resources.find_map("harbor") == user_maps / "harbor.tmx"
    assert check_map(user_maps / "harbor.tmx") == []
