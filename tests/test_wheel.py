"""The game as a user installs it: a wheel and an sdist built here from the tracked files,
the wheel installed into a fresh virtual environment, and the installed game run from
another folder, where it finds its levels and assets through its package (game/resources.py)
and nowhere else. Also from the wheel as a zip on sys.path.

One slow test (about half a minute on 2 cores: the build, the install, and ``check`` of
every shipped map three ways): ``-m "not slow"`` leaves it out. It builds without build
isolation (``--no-isolation``: the test extras bring ``build`` and ``setuptools``), so it
needs no network; .ci/run builds with isolation and installs the dependencies too.
"""

import email
import os
import subprocess
import sys
import sysconfig
import tarfile
import zipfile
from pathlib import Path

import pytest

import game

REPO = Path(__file__).resolve().parents[1]
DATA_FOLDERS = ("levels", "assets")  #: the repository folders the wheel carries as game.<name>


def tracked_files() -> list[str]:
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=REPO, capture_output=True,
                            check=True).stdout.decode()
    return [name for name in listed.split("\0") if name and (REPO / name).is_file()]


def build(tmp_path: Path) -> tuple[Path, Path]:
    """The sdist and the wheel of a clean copy of the tracked tree (as a fresh clone has)."""
    source = tmp_path / "source"
    for name in tracked_files():
        (source / name).parent.mkdir(parents=True, exist_ok=True)
        (source / name).write_bytes((REPO / name).read_bytes())
    dist = tmp_path / "dist"
    subprocess.run([sys.executable, "-m", "build", "--no-isolation", "--outdir", str(dist),
                    str(source)], check=True, capture_output=True)
    return next(dist.glob("*.tar.gz")), next(dist.glob("*.whl"))


def fresh_venv(tmp_path: Path, wheel: Path) -> Path:
    """A new virtual environment with the wheel installed; the dependencies (numpy, pygame-ce,
    pytmx, platformdirs) come from this test's environment through a .pth line, the way an
    offline machine has them, and the game itself only from the wheel."""
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install",
                    "--no-deps", "--no-index", "--quiet", str(wheel)], check=True,
                   capture_output=True)
    site = Path(subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig."
                                "get_paths()['purelib'])"], capture_output=True, text=True,
                               check=True).stdout.strip())
    (site / "test-dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    return venv


def run(command: list[str], cwd: Path, **env: str) -> subprocess.CompletedProcess:
    environment = {key: value for key, value in os.environ.items()
                   if key not in ("PYTHONPATH", "FMW_LEVELS")}
    return subprocess.run(command, cwd=cwd, env={**environment, **env}, capture_output=True,
                          text=True, timeout=300)


@pytest.mark.slow
def test_the_installed_wheel_finds_its_levels_and_assets_from_any_folder(tmp_path):
    sdist, wheel = build(tmp_path)
    data = sorted(name for name in tracked_files() if name.split("/")[0] in DATA_FOLDERS)
    assert "levels/maps/downtown.tmx" in data and "assets/tiles/terrain.png" in data

    with zipfile.ZipFile(wheel) as archive:  # every data file, where the package looks
        names = set(archive.namelist())
        meta = email.message_from_bytes(archive.read(next(
            n for n in names if n.endswith(".dist-info/METADATA"))))
        entry_points = archive.read(next(
            n for n in names if n.endswith(".dist-info/entry_points.txt"))).decode()
    assert [name for name in data if f"game/{name}" not in names] == []
    with tarfile.open(sdist) as archive:
        root = archive.getnames()[0].split("/")[0]
        in_sdist = set(archive.getnames())
    assert [name for name in data if f"{root}/{name}" not in in_sdist] == []
    assert meta["Version"] == game.__version__
    assert meta["Requires-Python"] == ">=3.11" and meta["License-Expression"]
    assert meta["Summary"].startswith("A top-down getaway driving game")
    assert "Topic :: Games/Entertainment :: Arcade" in meta.get_all("Classifier")
    assert "getaway = game.cli:main" in entry_points
    assert "[gui_scripts]\ngetaway-window = game.cli:main" in entry_points

    venv = fresh_venv(tmp_path, wheel)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    python, site = str(venv / "bin" / "python"), venv / "lib"
    where = run([python, "-c", "import game, game.resources as r; print(game.__file__); "
                 "print(r.shipped_levels()); print(r.shipped_assets())"], elsewhere)
    assert where.returncode == 0, where.stderr
    assert all(Path(line).is_relative_to(site) for line in where.stdout.split())

    version = run([str(venv / "bin" / "getaway"), "--version"], elsewhere)
    assert version.stdout == f"Five Minute Window {game.__version__}\n"
    shipped = run([str(venv / "bin" / "getaway"), "check"], elsewhere)
    counted = len([n for n in data if n.startswith("levels/maps/") and n.endswith(".tmx")]) \
        + len([n for n in data if n.startswith("levels/missions/") and n.endswith(".toml")]) + 1
    assert shipped.stdout.splitlines()[-1] == f"{counted} file(s) checked, no problems", \
        shipped.stdout + shipped.stderr
    assert str(REPO) not in shipped.stdout + shipped.stderr

    from tests.mission.shortjob import write_short_job

    write_short_job(tmp_path / "mine")
    designer = run([python, "-m", "game", "check", "--levels", str(tmp_path / "mine")],
                   elsewhere)
    assert designer.stdout.splitlines()[-1] == f"{counted + 2} file(s) checked, no problems"

    zipped = run([python, "-m", "game", "check"], elsewhere, PYTHONPATH=str(wheel),
                 XDG_CACHE_HOME=str(tmp_path / "cache"))  # the wheel as a zip, first on the path
    assert zipped.stdout.splitlines()[-1] == f"{counted} file(s) checked, no problems", \
        zipped.stdout + zipped.stderr
    assert (tmp_path / "cache" / "five-minute-window" / f"data-{game.__version__}" / "levels"
            / "maps" / "downtown.tmx").is_file()
