"""``python -m game check`` as a user runs it: one line per problem, exit codes, no traceback."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.level.tmxgen import crossroads, write_tileset

REPO = Path(__file__).resolve().parent.parent


def run_check(*paths: str | Path) -> subprocess.CompletedProcess:
    result = subprocess.run(
        [sys.executable, "-m", "game", "check", *map(str, paths)],
        capture_output=True,
        text=True,
        cwd=REPO,
        check=False,
        timeout=120,
    )
    assert "Traceback" not in result.stdout + result.stderr, result.stdout + result.stderr
    return result


@pytest.fixture(scope="module")
def maps(tmp_path_factory) -> Path:
    """A folder with one clean map and several broken files."""
    folder = tmp_path_factory.mktemp("maps")
    write_tileset(folder)
    crossroads().write(folder / "clean.tmx")
    spec = crossroads()
    spec.rect("zones", "vault", "treasure", 10, 10, 8, 8)
    spec.point("spawns", "inside", "parked", 20, 20)
    spec.write(folder / "broken.tmx")
    (folder / "garbage.tmx").write_text("<map><layer")
    crossroads().write(folder / "iso.tmx", orientation="isometric")
    return folder


def test_clean_map_exits_zero(maps):
    result = run_check(maps / "clean.tmx")
    assert result.returncode == 0
    assert result.stdout.strip() == "1 file(s) checked, no problems"


def test_problems_print_one_line_each_and_exit_one(maps):
    files = [maps / name for name in ("clean.tmx", "broken.tmx", "garbage.tmx", "iso.tmx")]
    result = run_check(*files)
    assert result.returncode == 1
    lines = result.stdout.strip().splitlines()
    assert lines[-1] == "4 problem(s) in 3 of 4 file(s)"
    problems = lines[:-1]
    assert problems[0].startswith(f"{maps / 'broken.tmx'}: object 'vault' (id 10): zone kind")
    assert problems[1].startswith(f"{maps / 'broken.tmx'}: object 'inside' (id 11): spawn is")
    assert problems[2].startswith(f"{maps / 'garbage.tmx'}: not valid XML")
    assert problems[3].startswith(f"{maps / 'iso.tmx'}: map orientation is 'isometric'")


def test_a_folder_is_searched_and_missing_files_are_one_line(maps, tmp_path):
    result = run_check(maps, tmp_path / "nowhere.tmx")
    assert result.returncode == 1
    assert f"{tmp_path / 'nowhere.tmx'}: map not found" in result.stdout.splitlines()
    assert result.stdout.strip().splitlines()[-1] == "5 problem(s) in 4 of 5 file(s)"


def test_an_empty_folder_is_not_a_clean_bill(tmp_path):
    result = run_check(tmp_path)
    assert result.returncode == 1
    assert result.stdout.strip() == "nothing to check: no .tmx or .toml files found"


def test_a_missing_tileset_is_one_line(maps, tmp_path):
    shutil.copy(maps / "clean.tmx", tmp_path / "lonely.tmx")
    result = run_check(tmp_path / "lonely.tmx")
    assert result.returncode == 1
    assert "tileset 'tiles.tsx': tileset file not found" in result.stdout


def test_a_broken_mission_file_is_one_line(tmp_path):
    mission = tmp_path / "broken.toml"
    mission.write_text("this is = = not toml\n")
    result = run_check(mission)
    assert result.returncode == 1
    assert result.stdout.startswith(f"{mission}: ")
    assert len(result.stdout.strip().splitlines()) == 2  # the problem and the summary


def test_everything_shipped_is_clean():
    result = run_check()
    assert result.returncode == 0, result.stdout
    assert result.stdout.strip().endswith("no problems")
    assert not result.stdout.startswith("0 file(s)")


def run_game(*args: str | Path) -> subprocess.CompletedProcess:
    result = subprocess.run(
        [sys.executable, "-m", "game", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=REPO,
        check=False,
        timeout=120,
        env={**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"},
    )
    assert "Traceback" not in result.stdout + result.stderr, result.stdout + result.stderr
    return result


@pytest.fixture(scope="module")
def rejected(tmp_path_factory) -> list[Path]:
    """Maps check rejects that the game once played: a spawn in a wall, a zone off the
    map, a cut-off road, a speed limit of 1e308, lanes = 50, a tileset outside."""
    folder = tmp_path_factory.mktemp("rejected")
    write_tileset(folder)
    breakages = {
        "wall": lambda s: s.point("spawns", "inside", "parked", 20, 20),
        "offmap": lambda s: s.rect("zones", "far", "place", 150, 150, 20, 20),
        "cutoff": lambda s: s.road("Stub", [(100, 140), (140, 140)], oneway=True),
        "fast": lambda s: s.road("Strip", [(100, 140), (140, 140)], speed_limit_kmh=1e308),
        "wide": lambda s: s.road("Wide", [(100, 140), (140, 140)], lanes=50),
        "outside": lambda s: setattr(s, "tileset_source", "../../../../../../etc/passwd"),
    }
    paths = []
    for name, breakage in breakages.items():
        spec = crossroads()
        breakage(spec)
        paths.append(spec.write(folder / f"{name}.tmx"))
    return paths


def test_play_refuses_what_check_rejects_with_the_same_line(rejected):
    for path in rejected:
        checked = run_check(path)
        assert checked.returncode == 1
        first = checked.stdout.splitlines()[0]
        played = run_game("play", "--map", path)
        assert played.returncode == 1, played.stdout + played.stderr
        assert played.stderr.startswith(f"play: {first}"), (played.stderr, first)
        assert len(played.stderr.strip().splitlines()) == 1
