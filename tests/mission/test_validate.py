"""check_mission and map_problems: names the map lacks; `python -m game check` on missions."""

import subprocess
import sys
from pathlib import Path

from game.mission.validate import check_mission, map_problems

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
    assert any(line.startswith(f"{path}: stages[2].on[0].zone: no zone 'arena'") for line in lines)
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
        f"{path}: stages[3].on[2].zone: no zone 'arena_crwd' on map 'downtown' "
        "(did you mean 'arena_crowd'?)"
    ]
