"""The real Tiled editor's tools on every map: tmxrasterizer draws it, ``tiled --export-map``
re-saves it, and the re-saved copy loads to the same Level.

These need Debian's ``tiled`` package (``./dev test`` and ``.ci/run`` install it); without
it they fail, on purpose, rather than skip.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest

from game.level import Level, load_level
from game.level.files import SHIPPED_ROOTS
from tests.level.conftest import SHIPPED_MAPS
from tests.level.tmxgen import crossroads

GENERATED = "generated-crossroads"
MAPS = [*SHIPPED_MAPS, GENERATED]


def tool(name: str) -> str:
    path = shutil.which(name)
    assert path, f"{name} is not installed: apt-get install tiled (./dev test does)"
    return path


def run_tool(*args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.setdefault("XDG_RUNTIME_DIR", "/tmp")
    return subprocess.run(args, capture_output=True, text=True, env=env, check=False, timeout=120)


@pytest.fixture
def map_path(request, write_map) -> Path:
    if request.param == GENERATED:
        return write_map(crossroads(), name="crossroads")
    return request.param


def map_id(item) -> str:
    return item if isinstance(item, str) else item.stem


@pytest.mark.parametrize("map_path", MAPS, ids=map_id, indirect=True)
def test_tmxrasterizer_draws_the_map(map_path, tmp_path):
    import pygame

    image_path = tmp_path / f"{map_path.stem}.png"
    result = run_tool(tool("tmxrasterizer"), "--size", "1024", str(map_path), str(image_path))
    assert result.returncode == 0, result.stderr
    assert image_path.stat().st_size > 0
    image = pygame.image.load(str(image_path))
    pixels = np.frombuffer(pygame.image.tobytes(image, "RGBA"), dtype=np.uint8).reshape(-1, 4)
    assert image.get_width() > 0 and image.get_height() > 0
    assert (pixels != pixels[0]).any(), "the rendered map is a single colour"


@pytest.mark.parametrize("map_path", MAPS, ids=map_id, indirect=True)
def test_tiled_resave_loads_to_the_same_level(map_path, tmp_path, shipped_level):
    out_dir = tmp_path / "resaved"
    out_dir.mkdir()
    resaved = out_dir / map_path.name
    result = run_tool(tool("tiled"), "--export-map", "tmx", str(map_path), str(resaved))
    assert result.returncode == 0, result.stdout + result.stderr
    original = shipped_level(map_path) if map_path in SHIPPED_MAPS else load_level(map_path)
    # the copy of the generated map points back at its tileset, next to the original map:
    # that folder is named as an allowed root, as a designer's --levels folder would be
    assert_same_level(load_level(resaved, roots=[*SHIPPED_ROOTS, map_path.parent]), original)


#: Tiled writes coordinates with 6 significant digits, so on a 1 km map a re-save may move
#: a point by up to 0.05 px (6 mm); this is the tolerance for positions, in metres
RESAVE_TOLERANCE_M = 0.01


def assert_same_level(got: Level, want: Level) -> None:
    assert got.name == want.name
    assert got.properties == want.properties
    np.testing.assert_array_equal(got.terrain.solid, want.terrain.solid)
    np.testing.assert_array_equal(got.terrain.surface, want.terrain.surface)
    np.testing.assert_array_equal(got.shadow, want.shadow)
    assert got.zones.keys() == want.zones.keys()
    for name, zone in want.zones.items():
        other = got.zones[name]
        assert (other.id, other.kind, other.properties) == (zone.id, zone.kind, zone.properties)
        np.testing.assert_allclose(other.polygon, zone.polygon, atol=RESAVE_TOLERANCE_M)
    assert got.spawns.keys() == want.spawns.keys()
    for name, spawn in want.spawns.items():
        other = got.spawns[name]
        assert (other.id, other.kind, other.vehicle_class, other.properties) == (
            spawn.id,
            spawn.kind,
            spawn.vehicle_class,
            spawn.properties,
        )
        np.testing.assert_allclose(
            [other.x, other.y, other.heading],
            [spawn.x, spawn.y, spawn.heading],
            rtol=0,
            atol=RESAVE_TOLERANCE_M,
        )
    assert [(s.name, s.id) for s in got.streets] == [(s.name, s.id) for s in want.streets]
    for mine, theirs in zip(got.streets, want.streets, strict=True):
        np.testing.assert_allclose(mine.polygon, theirs.polygon, atol=RESAVE_TOLERANCE_M)
    assert got.roads.street_names == want.roads.street_names
    for name in ("node_xy", "edge_speed_limit", "intersection_xy", "intersection_cycle_s"):
        np.testing.assert_allclose(
            getattr(got.roads, name),
            getattr(want.roads, name),
            atol=RESAVE_TOLERANCE_M,
            err_msg=name,
        )
    for name in (
        "node_intersection", "edge_src", "edge_dst", "edge_street", "edge_phase", "out_start",
        "out_edges", "intersection_signalised",
    ):  # fmt: skip
        np.testing.assert_array_equal(
            getattr(got.roads, name), getattr(want.roads, name), err_msg=name
        )
