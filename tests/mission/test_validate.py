"""check_mission and map_problems: names the map lacks; `python -m game check` on missions."""

import subprocess
import sys
from pathlib import Path

import pytest

from game.mission.validate import check_mission, load_mission_and_map, map_problems
from game.problems import FileProblem

from .tiny import MISSION, tiny_level, tiny_mission

REPO = Path(__file__).resolve().parents[2]


def test_tiny_mission_matches_its_level(tmp_path):
    assert map_problems(tiny_mission(tmp_path), tiny_level()) == []


def test_missing_zone_spawn_and_class_are_named_by_key_path(tmp_path):
    text = (
        MISSION.replace('place = "warehouse"', 'place = "warehose"')
        .replace('zone = "arena_crowd"', 'zone = "arena"')
        .replace('spawn = "police_1"', 'spawn = "police_9"\nclass = "tank"')
    )
    level = tiny_level()
    lines = [str(p) for p in map_problems(tiny_mission(tmp_path, text), level)]
    path = tmp_path / "tiny.toml"
    assert (
        f"{path}: contract.place: no zone 'warehose' on map 'tiny' (did you mean 'warehouse'?)"
        in lines
    )
    assert f"{path}: vehicles[0].class: unknown vehicle class 'tank'" in lines
    assert any(
        line.startswith(f"{path}: stages['getaway'].on[0].zone: no zone 'arena'") for line in lines
    )
    assert any(line.startswith(f"{path}: vehicles[0].spawn: no spawn 'police_9'") for line in lines)


def test_place_must_be_a_place_zone(tmp_path):
    text = MISSION.replace('place = "warehouse"', 'place = "arena_crowd"')
    problems = map_problems(tiny_mission(tmp_path, text), tiny_level())
    assert [p.message for p in problems if p.where == "contract.place"] == [
        "zone 'arena_crowd' is a crowd, not a place"
    ]


def test_unknown_map_is_one_problem(tmp_path):
    path = tmp_path / "job.toml"
    path.write_text(MISSION.replace('map = "tiny"', 'map = "atlantis"'), encoding="utf-8")
    problems = check_mission(path)
    assert len(problems) == 1 and problems[0].where == "map"
    assert "no map 'atlantis'" in problems[0].message


def test_check_command_reports_broken_mission_without_traceback(tmp_path):
    path = tmp_path / "job.toml"
    path.write_text(MISSION.replace('time = "02:00"', 'time = "25:70"'), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "game", "check", str(path)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
    )
    output = done.stdout + done.stderr
    assert done.returncode == 1
    assert f"{path}: contract.time: '25:70' is not a clock time" in output
    assert "Traceback" not in output


def test_readme_example_mission_is_valid(tmp_path):
    readme = (REPO / "levels" / "README.md").read_text(encoding="utf-8")
    missions = readme.split("## Missions", 1)[1]
    example = missions.split("### Example", 1)[1].split("```toml", 1)[1].split("```", 1)[0]
    path = tmp_path / "example.toml"
    path.write_text(example, encoding="utf-8")
    assert check_mission(path) == []


def test_shipped_missions_are_valid():
    paths = sorted((REPO / "levels" / "missions").glob("*.toml"))
    assert paths
    for path in paths:
        assert check_mission(path) == [], path


def test_broken_zone_on_the_shipped_map_names_the_key_path(tmp_path):
    shipped = (REPO / "levels" / "missions" / "five_minutes.toml").read_text(encoding="utf-8")
    path = tmp_path / "five_minutes.toml"
    path.write_text(
        shipped.replace('zone = "arena_crowd"', 'zone = "arena_crwd"'), encoding="utf-8"
    )
    lines = [str(p) for p in check_mission(path)]
    assert lines == [
        f"{path}: stages['getaway'].on[1].zone: no zone 'arena_crwd' on map 'downtown' "
        "(did you mean 'arena_crowd'?)"
    ]


# -- the map a mission names: by name or by path, always through the map checks ----------

CROSSROADS_JOB = """
title = "Crossroads job"
map = "{map}"
client = "test"
briefing = "A time and a place."

[clock]
start = "01:58"
time_scale = 10.0

[contract]
place = "lot"
time = "02:00"

[[crew]]
name = "Irish"
spawn = "crew_1"
return_s = [10, 20]

[[vehicles]]
name = "patrol"
role = "police"
spawn = "cop"

[[stages]]
id = "pickup"
objective = "Pick him up."
[[stages.on]]
trigger = "stopped_in_zone"
zone = "corner"
seconds = 1
actions = [{{ action = "board_crew" }}, {{ action = "goto", stage = "wait" }}]

[[stages]]
id = "wait"
objective = "Wait."
[[stages.on]]
trigger = "window_closed"
actions = [{{ action = "complete" }}]
"""


def write_crossroads(folder: Path, spawn_in_a_building: bool = False) -> Path:
    """The level tests' crossroads with a crew spawn and a pickup (and a broken spawn)."""
    from tests.level.tmxgen import crossroads, write_tileset

    write_tileset(folder)
    spec = crossroads()
    spec.point("spawns", "crew_1", "crew", 62, 90)
    spec.rect("zones", "corner", "pickup", 90, 90, 8, 8)
    if spawn_in_a_building:
        spec.point("spawns", "inside", "parked", 20, 20)
    return spec.write(folder / "cross.tmx")


def write_job(folder: Path, map_ref: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "job.toml"
    path.write_text(CROSSROADS_JOB.format(map=map_ref), encoding="utf-8")
    return path


def test_a_map_by_relative_path_is_checked_and_loaded(tmp_path):
    write_crossroads(tmp_path / "maps")
    job = write_job(tmp_path / "jobs", "../maps/cross.tmx")
    assert check_mission(job) == []
    mission, level = load_mission_and_map(job)
    assert mission.map == "../maps/cross.tmx" and level.name == "cross"
    assert "lot" in level.zones and "crew_1" in level.spawns


@pytest.mark.parametrize("form", ["relative", "absolute"])
def test_a_map_path_gets_the_full_map_checks(tmp_path, form):
    from game.level import load_level

    tmx = write_crossroads(tmp_path / "maps", spawn_in_a_building=True)
    with pytest.raises(FileProblem, match="spawn is inside a solid cell"):
        load_level(tmx)  # the loader refuses what check_map reports
    job = write_job(tmp_path / "jobs", str(tmx) if form == "absolute" else "../maps/cross.tmx")
    problems = check_mission(job)
    assert [(p.where, p.message) for p in problems] == [
        ("map", f"its map has a problem: {tmx}: object 'inside' (id 12): spawn is inside a "
                "solid cell, at (20, 20) m, tile (5, 5), (160, 160) px")
    ]
    with pytest.raises(FileProblem) as caught:
        load_mission_and_map(job)
    assert str(caught.value) == str(problems[0])


def test_the_game_refuses_a_job_whose_map_check_would_reject(tmp_path):
    from game.mission.job import build_job

    write_crossroads(tmp_path / "maps", spawn_in_a_building=True)
    job = write_job(tmp_path / "jobs", "../maps/cross.tmx")
    with pytest.raises(FileProblem, match=r"job\.toml: map: its map has a problem: .*inside"):
        build_job(job)


def test_a_bare_name_finds_the_map_beside_the_missions_folder(tmp_path):
    write_crossroads(tmp_path / "levels" / "maps")
    job = write_job(tmp_path / "levels" / "missions", "cross")
    mission, level = load_mission_and_map(job)
    assert level.path == (tmp_path / "levels" / "maps" / "cross.tmx")


@pytest.mark.parametrize(
    ("map_ref", "said"),
    [
        ("", "missing (a map is required)"),
        ("../notes.txt", "'../notes.txt' is neither a map name (letters, digits, _ and -) nor a "
                         "path to a .tmx file"),
        ("down town", "is neither a map name"),
        ("nowhere.tmx", "no map 'nowhere.tmx' (looked for "),
        ("folder.tmx", "no map 'folder.tmx' (looked for "),
    ],
)
def test_map_references_that_cannot_be_used(tmp_path, map_ref, said):
    (tmp_path / "folder.tmx").mkdir()
    job = write_job(tmp_path, map_ref)
    problems = check_mission(job)
    assert len(problems) == 1 and problems[0].where == "map" and said in problems[0].message
    with pytest.raises(FileProblem):
        load_mission_and_map(job)


def test_the_shipped_mission_loads_for_play_with_its_map():
    mission, level = load_mission_and_map(REPO / "levels" / "missions" / "five_minutes.toml")
    assert mission.id == "five_minutes" and level.name == "downtown"


@pytest.mark.parametrize(
    "change",
    [
        ("time_scale = 4.0", "time_scale = nan"),
        ('objective = "Pick up the crew at the corner."',
         'objective = "x"\nenter = [{ action = "goto", stage = "pickup" }]'),
        ("return_s = [150, 280]", "return_s = [0, inf]"),
        ("cars = 20", "cars = -20"),
        ("seconds = 1.5", "seconds = nan"),
        ("away_grace_s = 30", "away_grace_s = -30"),
        ('time = "02:00"', ""),
        ('map = "downtown"', 'map = "../../levels/maps/nowhere.tmx"'),
    ],
)
def test_what_check_reports_the_loader_refuses_with_the_same_line(tmp_path, change):
    """One contract: check's first line is the game's refusal, for each case of issue 9."""
    shipped = (REPO / "levels" / "missions" / "five_minutes.toml").read_text(encoding="utf-8")
    assert change[0] in shipped
    path = tmp_path / "five_minutes.toml"
    path.write_text(shipped.replace(change[0], change[1], 1), encoding="utf-8")
    problems = check_mission(path)
    assert problems
    with pytest.raises(FileProblem) as caught:
        load_mission_and_map(path)
    assert str(caught.value).startswith(str(problems[0]))
