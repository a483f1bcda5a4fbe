"""The levels search path (game/resources.py): the shipped world found through the package,
a designer's folder added by FMW_LEVELS, --levels or the user's data folder, and two
files of one name reported as a clash, never silently shadowed.

The lookup from an installed wheel (not this editable checkout) is tests/test_wheel.py."""

import argparse
import shutil
from importlib import resources as importlib_resources
from pathlib import Path

import pytest

import game
from game import cli, resources
from game.career.catalogue import read_levels_path
from game.level import load_level
from game.mission.job import build_job, mission_file
from game.problems import FileProblem
from tests.level.tmxgen import crossroads, write_tileset
from tests.mission.shortjob import write_short_job


@pytest.fixture
def designer(tmp_path, monkeypatch):
    """A designer's levels folder (maps/cross.tmx, missions/short.toml), not yet on the path."""
    monkeypatch.delenv(resources.LEVELS_ENV, raising=False)
    monkeypatch.setenv(resources.DATA_DIR_ENV, str(tmp_path / "data"))
    monkeypatch.chdir(tmp_path)  # nothing may come from the current folder
    folder = tmp_path / "mine"
    write_short_job(folder)
    return folder


def test_the_shipped_levels_are_the_package_data_not_the_current_folder(designer):
    assert resources.shipped_levels() == Path(str(importlib_resources.files("game.levels")))
    assert resources.shipped_assets() == resources.shipped_levels().parent / "assets"
    assert (resources.shipped_levels() / "tilesets" / "terrain.tsx").is_file()
    assert resources.find_map("downtown") == resources.shipped_levels() / "maps" / "downtown.tmx"
    assert resources.find_mission("five_minutes").is_file()
    assert resources.police_table().is_file()
    assert [f.origin for f in resources.levels_path()] == [resources.SHIPPED]
    assert resources.find_mission("short") is None  # the designer's folder is not on it yet


def test_a_designer_folder_in_FMW_LEVELS_adds_its_maps_and_missions(designer, monkeypatch):
    monkeypatch.setenv(resources.LEVELS_ENV, str(designer))
    assert [f.origin for f in resources.levels_path()] == [resources.SHIPPED,
                                                           resources.ENVIRONMENT]
    assert resources.find_mission("short") == designer / "missions" / "short.toml"
    assert resources.find_map("cross") == designer / "maps" / "cross.tmx"
    assert "downtown" in resources.maps()  # the shipped ones stay
    assert mission_file("short") == designer / "missions" / "short.toml"
    session, runtime = build_job("short", seed=1)  # the game plays it by name
    assert runtime.mission.title == "Short job" and session.level.path.parent == designer / "maps"
    assert "Short job" in [m.title for m in read_levels_path().missions]  # the Jobs menu's
    assert resources.path_problems() == []


def test_a_mission_names_a_map_of_another_levels_folder(designer, tmp_path, monkeypatch):
    maps_only = tmp_path / "maps_only"
    shutil.move(designer / "maps", maps_only / "maps")
    monkeypatch.setenv(resources.LEVELS_ENV, f"{designer}:{maps_only}")
    _, runtime = build_job("short")
    assert runtime.level.path == maps_only / "maps" / "cross.tmx"


def test_a_map_may_use_the_tilesets_of_its_levels_folder_once_it_is_on_the_path(
        designer, monkeypatch):
    write_tileset(designer / "tilesets")
    spec = crossroads()
    spec.tileset_source = "../tilesets/tiles.tsx"
    spec.write(designer / "maps" / "shared.tmx")
    with pytest.raises(FileProblem, match="outside the folders a map may use"):
        load_level(designer / "maps" / "shared.tmx")
    monkeypatch.setenv(resources.LEVELS_ENV, str(designer))
    assert load_level(designer / "maps" / "shared.tmx").path == designer / "maps" / "shared.tmx"


def test_levels_on_the_command_line_are_searched_and_forgotten_after(designer, capsys):
    assert cli.main(["check", "--levels", str(designer), str(designer)]) == 0
    capsys.readouterr()
    assert cli.main(["check", "--levels", str(designer)]) == 0
    out = capsys.readouterr().out
    shipped = len(list((resources.shipped_levels() / "maps").rglob("*.tmx")))
    shipped += len(list((resources.shipped_levels() / "missions").glob("*.toml")))
    assert out.splitlines()[-1] == f"{shipped + 2 + 1} file(s) checked, no problems"
    assert resources.find_mission("short") is None  # main() leaves the path as it was


def test_the_user_data_folder_is_picked_up(designer, tmp_path):
    shutil.copytree(designer, tmp_path / "data" / "levels")
    found = resources.levels_path()
    assert [f.origin for f in found] == [resources.SHIPPED, resources.USER]
    users = tmp_path / "data" / "levels"
    assert resources.find_mission("short") == users / "missions" / "short.toml"


def test_names_that_clash_are_reported_and_the_earlier_file_used(designer, tmp_path, monkeypatch,
                                                                 capsys):
    again = tmp_path / "again"
    shutil.copytree(designer, again)
    monkeypatch.setenv(resources.LEVELS_ENV, f"{designer}:{again}")
    problems = resources.path_problems()
    assert [p.file for p in problems] == [str(again / "maps" / "cross.tmx"),
                                          str(again / "missions" / "short.toml")]
    assert problems[1].message == (
        f"mission name 'short' clashes with {designer / 'missions' / 'short.toml'} "
        f"({resources.LEVELS_ENV}), which is the one used; rename this file, or name it by "
        "its path")
    assert resources.find_mission("short") == designer / "missions" / "short.toml"

    resources.warn_path_problems()  # what play, mission and playtest print first
    assert capsys.readouterr().err.splitlines() == [f"warning: {p}" for p in problems]
    assert cli.main(["check"]) == 1  # and check counts them
    out = capsys.readouterr().out.splitlines()
    assert out[:2] == [str(p) for p in problems]
    assert out[-1].startswith("2 problem(s) in 2 of ")


def test_a_shipped_name_is_never_shadowed(designer, monkeypatch):
    (designer / "missions" / "short.toml").rename(designer / "missions" / "five_minutes.toml")
    monkeypatch.setenv(resources.LEVELS_ENV, str(designer))
    shipped = resources.shipped_levels() / "missions" / "five_minutes.toml"
    assert [str(p) for p in resources.path_problems()] == [
        f"{designer / 'missions' / 'five_minutes.toml'}: mission name 'five_minutes' clashes "
        f"with {shipped} (shipped), which is the one used; rename this file, or name it by its "
        "path"]
    assert mission_file("five_minutes") == shipped


@pytest.mark.parametrize(("make", "why"), [
    (lambda folder: folder, "has neither a maps/ nor a missions/ folder"),
    (lambda folder: folder / "nowhere", "is not a folder"),
])
def test_a_levels_folder_the_game_cannot_use_is_refused(tmp_path, monkeypatch, capsys, make,
                                                        why):
    folder = make(tmp_path)
    with pytest.raises(SystemExit) as stopped:
        cli.main(["mission", "five_minutes", "--levels", str(folder)])
    assert stopped.value.code == 2
    error = capsys.readouterr().err
    assert f"error: argument --levels: '{folder}' {why}" in error and "Traceback" not in error

    monkeypatch.setenv(resources.LEVELS_ENV, str(folder))  # the variable: one problem line
    assert [str(p) for p in resources.path_problems()] == [
        f"{folder}: levels folder from {resources.LEVELS_ENV} {why}"]
    assert [f.origin for f in resources.levels_path()] == [resources.SHIPPED]


def test_the_command_line_says_the_packages_version(capsys):
    with pytest.raises(SystemExit) as stopped:
        cli.main(["--version"])
    assert stopped.value.code == 0
    assert capsys.readouterr().out == f"Five Minute Window {game.__version__}\n"


@pytest.mark.parametrize("command", ["play", "mission", "check", "playtest"])
def test_every_command_that_reads_levels_takes_a_levels_folder(command):
    parser = cli.build_parser([command])
    subparsers = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    levels = next(a for a in subparsers.choices[command]._actions if a.dest == "levels")
    assert levels.type is cli.levels_folder and levels.default == []


def test_replay_takes_levels_like_the_commands_that_made_its_recording(designer, tmp_path,
                                                                       capsys):
    """`replay` takes --levels as `mission` does; a designer's job is recorded by its
    path, so its replay finds it with or without the folder on the path."""
    from game.mission.headless import run_headless

    resources.add_levels([designer])
    try:
        result = run_headless("short", seed=3, record=tmp_path / "job.npz")
    finally:
        resources.clear_command_line()
    assert result.outcome == "success"
    replay = ["replay", str(tmp_path / "job.npz"), "--verify"]
    assert cli.main([*replay, "--levels", str(designer)]) == 0
    assert cli.main(replay) == 0
    assert capsys.readouterr().out.count("the replay matches the recording") == 2
