"""Mission files: the shipped one parses; broken ones give one line naming file and key path."""

from pathlib import Path

import pytest

from game.mission.mission_file import load_mission, parse_mission
from game.problems import FileProblem

SHIPPED = Path(__file__).resolve().parents[2] / "levels" / "missions" / "five_minutes.toml"

GOOD = """
title = "Test job"
map = "downtown"
client = "nobody"
briefing = "A time and a place."

[clock]
start = "01:55"
time_scale = 2.0

[contract]
place = "warehouse"
time = "02:00"

[[crew]]
name = "Irish"
spawn = "crew_1"
return_s = [100, 200]

[[stages]]
id = "first"
objective = "Go."
[[stages.on]]
trigger = "window_opened"
actions = [{ action = "goto", stage = "second" }]

[[stages]]
id = "second"
objective = "Wait."
[[stages.on]]
trigger = "crew_back"
actions = [{ action = "complete" }]
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "job.toml"
    path.write_text(text, encoding="utf-8")
    return path


def single_problem(tmp_path: Path, text: str) -> str:
    mission, problems = parse_mission(write(tmp_path, text))
    assert mission is None
    assert len(problems) == 1, problems
    line = str(problems[0])
    assert line.startswith(str(tmp_path / "job.toml") + ": ") and "\n" not in line
    return line


def test_shipped_mission_parses():
    mission = load_mission(SHIPPED)
    assert mission.id == "five_minutes" and mission.map == "downtown"
    assert mission.contract.place == "warehouse" and mission.contract.time == 2 * 3600
    assert [s.id for s in mission.stages] == ["pickup", "to_warehouse", "window", "getaway"]
    assert {c.name for c in mission.crew} == {"Irish", "Blanche"}


def test_good_mission_parses(tmp_path):
    mission, problems = parse_mission(write(tmp_path, GOOD))
    assert problems == [] and mission is not None
    assert mission.clock_start == 3600 + 55 * 60 and mission.time_scale == 2.0
    assert mission.stages[0].on[0].actions[0].stage == "second"


def test_syntax_error_names_the_line(tmp_path):
    line = single_problem(tmp_path, GOOD.replace('client = "nobody"', "client = nobody"))
    assert "TOML syntax error" in line and "line 4" in line


def test_unknown_key_suggests_the_close_one(tmp_path):
    line = single_problem(tmp_path, GOOD.replace("time_scale = 2.0", "time_scal = 2.0"))
    assert "clock.time_scal: unknown key (did you mean 'time_scale'?)" in line


def test_unknown_key_inside_a_trigger(tmp_path):
    text = GOOD.replace('trigger = "crew_back"', 'trigger = "crew_back"\nzone = "warehouse"')
    line = single_problem(tmp_path, text)
    assert "stages[1].on[0].zone: unknown key" in line


def test_bad_clock_time(tmp_path):
    line = single_problem(tmp_path, GOOD.replace('time = "02:00"', 'time = "25:70"'))
    assert "contract.time: '25:70' is not a clock time" in line


def test_unknown_trigger_and_action_kinds(tmp_path):
    line = single_problem(tmp_path, GOOD.replace('"window_opened"', '"window_open"'))
    assert "stages[0].on[0].trigger: unknown trigger kind 'window_open'" in line
    assert "did you mean 'window_opened'" in line
    line = single_problem(tmp_path, GOOD.replace('action = "complete"', 'action = "win"'))
    assert "stages[1].on[0].actions[0].action: unknown action kind 'win'" in line


def test_missing_parameter_and_wrong_type(tmp_path):
    text = GOOD.replace('trigger = "crew_back"', 'trigger = "stopped_in_zone"\nzone = "x"')
    assert "stages[1].on[0].seconds: missing" in single_problem(tmp_path, text)
    line = single_problem(tmp_path, GOOD.replace("time_scale = 2.0", 'time_scale = "fast"'))
    assert "clock.time_scale: must be a number" in line


def test_goto_to_a_missing_stage(tmp_path):
    _, problems = parse_mission(
        write(tmp_path, GOOD.replace('stage = "second"', 'stage = "secnd"'))
    )
    # the stage it meant to reach is now unreachable too: two problems, both named
    assert [p.where for p in problems] == [
        "stages[0].on[0].actions[0].stage",
        "stages[1] ('second')",
    ]
    assert problems[0].message == "no stage 'secnd' (did you mean 'second'?)"


def test_unreachable_stage(tmp_path):
    text = GOOD.replace('actions = [{ action = "goto", stage = "second" }]', "actions = []")
    line = single_problem(tmp_path, text)
    assert "stages[1] ('second'): unreachable" in line


def test_load_mission_raises_file_problem_with_key_path(tmp_path):
    path = write(tmp_path, GOOD.replace("return_s = [100, 200]", "return_s = [200, 100]"))
    with pytest.raises(FileProblem) as caught:
        load_mission(path)
    assert str(caught.value).startswith(f"{path}: crew[0].return_s: must be [earliest, latest]")


def test_missing_file_and_binary_file(tmp_path):
    _, problems = parse_mission(tmp_path / "nope.toml")
    assert "cannot read the file" in str(problems[0])
    (tmp_path / "job.toml").write_bytes(b"\xff\xfe\x00binary")
    _, problems = parse_mission(tmp_path / "job.toml")
    assert len(problems) == 1
