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
    assert "stages['second'].on[0].zone: unknown key" in line


def test_bad_clock_time(tmp_path):
    line = single_problem(tmp_path, GOOD.replace('time = "02:00"', 'time = "25:70"'))
    assert "contract.time: '25:70' is not a clock time" in line


def test_unknown_trigger_and_action_kinds(tmp_path):
    line = single_problem(tmp_path, GOOD.replace('"window_opened"', '"window_open"'))
    assert "stages['first'].on[0].trigger: unknown trigger kind 'window_open'" in line
    assert "did you mean 'window_opened'" in line
    line = single_problem(tmp_path, GOOD.replace('action = "complete"', 'action = "win"'))
    assert "stages['second'].on[0].actions[0].action: unknown action kind 'win'" in line


def test_missing_parameter_and_wrong_type(tmp_path):
    text = GOOD.replace('trigger = "crew_back"', 'trigger = "stopped_in_zone"\nzone = "x"')
    assert "stages['second'].on[0].seconds: missing" in single_problem(tmp_path, text)
    line = single_problem(tmp_path, GOOD.replace("time_scale = 2.0", 'time_scale = "fast"'))
    assert "clock.time_scale: must be a number" in line


def test_goto_to_a_missing_stage(tmp_path):
    _, problems = parse_mission(
        write(tmp_path, GOOD.replace('stage = "second"', 'stage = "secnd"'))
    )
    # the stage it meant to reach is now unreachable too: two problems, both named
    assert [p.where for p in problems] == [
        "stages['first'].on[0].actions[0].stage",
        "stages['second']",
    ]
    assert problems[0].message == "no stage 'secnd' (did you mean 'second'?)"


def test_unreachable_stage(tmp_path):
    text = GOOD.replace('actions = [{ action = "goto", stage = "second" }]', "actions = []")
    line = single_problem(tmp_path, text)
    assert "stages['second']: stage 'second' is unreachable" in line


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


# -- what issue 9 found: files that passed and then crashed or ran wrong ------------------

def lines(tmp_path: Path, text: str) -> list[str]:
    """Every problem line for ``text`` (the mission must be refused: no Mission back)."""
    mission, problems = parse_mission(write(tmp_path, text))
    assert mission is None and problems
    return [str(p) for p in problems]


def with_first_stage_enter(action: str) -> str:
    return GOOD.replace('objective = "Go."', f'objective = "Go."\nenter = [{action}]')


def test_a_stage_whose_enter_goes_to_itself(tmp_path):
    line = single_problem(tmp_path, with_first_stage_enter('{ action = "goto", stage = "first" }'))
    assert "stages['first'].enter[0]: stages 'first' -> 'first' go round without waiting" in line
    assert "(each goto runs as soon as its stage begins: enter)" in line


def test_two_stages_whose_enter_go_to_each_other(tmp_path):
    text = with_first_stage_enter('{ action = "goto", stage = "second" }').replace(
        'objective = "Wait."', 'objective = "Wait."\nenter = [{ action = "goto", stage = "first" }]'
    )
    line = single_problem(tmp_path, text)
    assert "stages['first'].enter[0]: stages 'first' -> 'second' -> 'first' go round" in line


def test_a_loop_through_triggers_that_fire_at_once(tmp_path):
    # `after 0` fires on the stage's first tick; a clock time once past stays past
    text = GOOD.replace('trigger = "window_opened"', 'trigger = "after"\nseconds = 0').replace(
        'trigger = "crew_back"\nactions = [{ action = "complete" }]',
        'trigger = "clock"\nat = "01:56"\nactions = [{ action = "goto", stage = "first" }]',
    )
    line = single_problem(tmp_path, text)
    assert "stages['first'].on[0].actions[0]: stages 'first' -> 'second' -> 'first'" in line
    assert "after 0 s, clock 01:56:00" in line


def test_a_loop_that_waits_for_an_event_is_fine(tmp_path):
    text = GOOD.replace(
        'trigger = "crew_back"\nactions = [{ action = "complete" }]',
        'trigger = "window_closed"\nactions = [{ action = "goto", stage = "first" }]',
    ).replace('trigger = "window_opened"', 'trigger = "after"\nseconds = 2')
    assert parse_mission(write(tmp_path, text))[1] == []


@pytest.mark.parametrize("value", ["nan", "inf", "-inf", "0", "-1", "1e9"])
def test_time_scale_must_be_finite_and_sane(tmp_path, value):
    line = single_problem(tmp_path, GOOD.replace("time_scale = 2.0", f"time_scale = {value}"))
    assert "clock.time_scale: must be a number from 0.1 to 60 (clock seconds per second)" in line
    assert line.endswith(f"not {float(value)!r}") or line.endswith(f"not {value}")


@pytest.mark.parametrize(
    ("span", "said"),
    [
        ("[0, inf]", "must be a number from 0 to 3600 (clock seconds after the window opens), "
                     "not inf"),
        ("[nan, 10]", "not nan"),
        ("[-5, 10]", "not -5"),
        ("[1, 1e400]", "not inf"),
        ('["soon", 10]', "not 'soon'"),
        ("[true, 10]", "not True"),
        ("[10]", "must be [earliest, latest]"),
        ("[300, 200]", "must be [earliest, latest]: 300 is after 200"),
    ],
)
def test_crew_return_times_are_checked_numbers(tmp_path, span, said):
    line = single_problem(tmp_path, GOOD.replace("return_s = [100, 200]", f"return_s = {span}"))
    assert "crew[0].return_s: " in line and said in line


def test_a_3000_deep_nested_array_is_one_problem(tmp_path):
    deep = "[" * 3000 + "]" * 3000
    line = single_problem(tmp_path, GOOD.replace("payout", "x") + f"\nextra = {deep}\n")
    assert line.endswith("nested too deeply to read (arrays or tables inside each other)")
    tables = "a = " + "{b = " * 3000 + "1" + "}" * 3000
    assert "nested too deeply" in single_problem(tmp_path, tables)


def test_a_nested_array_the_reader_accepts_is_quoted_briefly(tmp_path):
    deep = "[" * 200 + "]" * 200
    line = single_problem(tmp_path, GOOD.replace("return_s = [100, 200]", f"return_s = {deep}"))
    assert "crew[0].return_s: must be [earliest, latest]" in line and len(line) < 300


def test_a_file_over_the_size_limit_is_refused_before_parsing(tmp_path):
    from game.mission.mission_file import MAX_FILE_BYTES

    text = GOOD + "#" * MAX_FILE_BYTES
    line = single_problem(tmp_path, text)
    assert f"cannot be read as a mission: it is {len(text.encode()):,} bytes" in line


def test_a_folder_or_a_pipe_named_like_a_mission_is_not_read(tmp_path):
    import os
    import threading

    (tmp_path / "folder.toml").mkdir()
    _, problems = parse_mission(tmp_path / "folder.toml")
    assert [p.message for p in problems] == [
        "cannot be read as a mission: it is not a regular file (a folder, a pipe or a device)"
    ]
    os.mkfifo(tmp_path / "pipe.toml")
    answer = []
    reader = threading.Thread(target=lambda: answer.append(parse_mission(tmp_path / "pipe.toml")))
    reader.start()
    reader.join(timeout=10)  # reading a pipe with no writer would block forever
    assert not reader.is_alive() and "not a regular file" in answer[0][1][0].message


def test_an_integer_too_long_for_python_is_a_syntax_problem(tmp_path):
    line = single_problem(tmp_path, GOOD.replace('client = "nobody"', f"payout = {'9' * 5000}"))
    assert "TOML syntax error" in line and len(line) < 400


@pytest.mark.parametrize(("key", "value"), [("cars", -20), ("parked", -1), ("cars", 5000),
                                            ("cars", 2.5), ("parked", "nan")])
def test_traffic_counts_are_whole_numbers_in_range(tmp_path, key, value):
    text = GOOD + f"\n[traffic]\n{key} = {value}\n"
    line = single_problem(tmp_path, text)
    assert f"traffic.{key}: must be a whole number from 0 to 1000 (cars)" in line


@pytest.mark.parametrize(
    ("trigger", "said"),
    [
        ('trigger = "after"\nseconds = nan', "stages['first'].on[0].seconds: must be a "
                                             "number from 0 to 3600 (sim seconds), not nan"),
        ('trigger = "after"\nseconds = -1', "stages['first'].on[0].seconds: must be a number"),
        ('trigger = "window_elapsed"\nseconds = inf', "stages['first'].on[0].seconds: must be"),
        ('trigger = "stopped_in_zone"\nzone = "z"\nseconds = 1e12',
         "stages['first'].on[0].seconds"),
        ('trigger = "heat_above"\nvalue = 5', "stages['first'].on[0].value: must be a "
                                              "number from 0 below 5 (heat), not 5"),
        ('trigger = "heat_above"\nvalue = nan', "stages['first'].on[0].value"),
        ('trigger = "after"\nseconds = "soon"', "must be a number from 0 to 3600 (sim seconds), "
                                                "not 'soon'"),
    ],
)
def test_trigger_numbers_are_finite_and_in_range(tmp_path, trigger, said):
    line = single_problem(tmp_path, GOOD.replace('trigger = "window_opened"', trigger))
    assert said in line


@pytest.mark.parametrize(
    ("action", "said"),
    [
        ('{ action = "dispatch", zone = "z", units = 0 }', "units: must be a whole number from "
                                                            "1 to 20 (police units), not 0"),
        ('{ action = "dispatch", zone = "z", units = 2.0 }', "units: must be a whole number"),
        ('{ action = "dispatch", zone = "z", units = 99999999999999999999 }', "units: must be"),
        ('{ action = "add_heat", value = inf }', "value: must be a number from -5 to 5 (heat)"),
        ('{ action = "add_heat", value = nan }', "value: must be a number"),
        ('{ action = "message", text = "hi", seconds = 0 }', "seconds: must be a number from "
                                                             "0.5 to 60 (seconds on screen)"),
        ('{ action = "message", text = "hi", seconds = -inf }', "seconds: must be a number"),
    ],
)
def test_action_numbers_are_finite_and_in_range(tmp_path, action, said):
    text = GOOD.replace('actions = [{ action = "complete" }]',
                        f'actions = [{action}, {{ action = "complete" }}]')
    line = single_problem(tmp_path, text)
    assert "stages['second'].on[0].actions[0]." + said.split(":")[0] in line and said in line


@pytest.mark.parametrize(
    ("line_in_file", "said"),
    [
        ("away_grace_s = -10", "contract.away_grace_s: must be a number from 0 to 300 "
                               "(clock seconds, at most the window), not -10"),
        ("away_grace_s = nan", "contract.away_grace_s: must be a number"),
        ("attention_after_s = inf", "contract.attention_after_s: must be a number from 0 to 3600"),
        ("attention_after_s = -1", "contract.attention_after_s: must be a number"),
    ],
)
def test_contract_times_are_finite_and_in_range(tmp_path, line_in_file, said):
    text = GOOD.replace('time = "02:00"', f'time = "02:00"\n{line_in_file}')
    line = single_problem(tmp_path, text)
    assert said in line


@pytest.mark.parametrize("payout", ["-1", "1e3", "100000000000", "nan", '"lots"'])
def test_payout_is_a_whole_number_of_dollars_in_range(tmp_path, payout):
    line = single_problem(tmp_path, GOOD.replace('client = "nobody"',
                                                 f'client = "nobody"\npayout = {payout}'))
    assert "payout: must be a whole number from 0 to 1e+08 (dollars)" in line


def test_no_contract_time_and_no_start_window_never_ends(tmp_path):
    text = GOOD.replace('time = "02:00"\n', "")
    line = single_problem(tmp_path, text)
    assert "contract.time: missing, and no start_window action opens the window" in line
    opened = text.replace('actions = [{ action = "goto", stage = "second" }]',
                          'actions = [{ action = "start_window" }, '
                          '{ action = "goto", stage = "second" }]')
    assert parse_mission(write(tmp_path, opened))[1] == []


def test_a_contract_time_before_the_clock_starts_is_late_at_once(tmp_path):
    line = single_problem(tmp_path, GOOD.replace('time = "02:00"', 'time = "01:50"'))
    assert "contract.time: 01:50:00 is not after the clock's start (01:55:00)" in line


def test_vehicles_named_twice_two_detectives_and_spawning_one_already_there(tmp_path):
    vehicles = """
[[vehicles]]
name = "tail"
role = "detective"
spawn = "police_1"

[[vehicles]]
name = "tail"
role = "detective"
spawn = "police_2"
"""
    text = GOOD.replace('actions = [{ action = "complete" }]',
                        'actions = [{ action = "spawn", vehicle = "tail" }]') + vehicles
    assert [line.split(": ", 1)[1] for line in lines(tmp_path, text)] == [
        "vehicles[1].name: vehicle name 'tail' is used twice",
        "vehicles[1].role: a job has one detective at most",
        "stages['second'].on[0].actions[0].vehicle: vehicle 'tail' is there from the start "
        "(set at_start = false in vehicles[0] to bring it in here)",
    ]


def test_problems_are_listed_up_to_a_limit_then_counted(tmp_path):
    from game.mission.mission_file import MAX_PROBLEMS

    text = GOOD + "\n".join(f"junk_{n} = 1" for n in range(MAX_PROBLEMS + 50))
    found = lines(tmp_path, text)
    assert len(found) == MAX_PROBLEMS + 1
    assert found[-1].endswith("and 50 more problems not listed")


def test_long_lists_are_cut_at_their_limit(tmp_path):
    crew = "".join(f'\n[[crew]]\nname = "c{n}"\nspawn = "crew_1"\nreturn_s = [1, 2]\n'
                   for n in range(20))
    line = single_problem(tmp_path, GOOD + crew)
    assert "crew: has 21 items; at most 8 are allowed" in line


def test_a_huge_unknown_key_is_named_briefly_and_fast(tmp_path):
    key = "k" * 100_000
    line = single_problem(tmp_path, GOOD + f"\n{key} = 1\n")
    assert line.endswith(": unknown key")


def test_a_stage_id_is_required_and_not_empty(tmp_path):
    assert "stages[0].id: missing (a str is required)" in single_problem(
        tmp_path, GOOD.replace('id = "first"\n', ""))
    assert "stages[0].id: must not be empty" in single_problem(
        tmp_path, GOOD.replace('id = "first"', 'id = ""'))


def test_a_byte_order_mark_is_accepted(tmp_path):
    path = tmp_path / "job.toml"
    path.write_bytes(b"\xef\xbb\xbf" + GOOD.encode("utf-8"))
    assert parse_mission(path)[1] == []


def test_one_goto_per_list(tmp_path):
    text = GOOD.replace('trigger = "crew_back"\nactions = [{ action = "complete" }]',
                        'trigger = "window_closed"\n'
                        'actions = [{ action = "goto", stage = "first" }, '
                        '{ action = "goto", stage = "second" }]')
    assert "stages['second'].on[0].actions[1].stage: a second goto in the list (after " \
           "stages['second'].on[0].actions[0]), which has already moved on" in single_problem(
               tmp_path, text)


def test_the_longest_chain_of_enter_gotos_allowed_runs_without_recursing_too_deep(tmp_path):
    """MAX_ITEMS['stages'] stages, each entering the next at once: the game goes through
    them all in one call (one goto per list keeps it a chain, not a tree)."""
    from game.mission.mission_file import MAX_ITEMS

    from .tiny import MISSION, BareSession, tiny_level

    last = MAX_ITEMS["stages"] - 1
    chain = "".join(f'\n[[stages]]\nid = "c{n}"\nobjective = "step {n}"\n'
                    f'enter = [{{ action = "goto", stage = "c{n + 1}" }}]\n' for n in range(last))
    head = MISSION.split("[[stages]]")[0]
    path = write(tmp_path, head + chain + f'\n[[stages]]\nid = "c{last}"\nobjective = "end"\n')
    mission = load_mission(path)
    runtime = BareSession(tiny_level()).job(mission)
    runtime.start()
    assert runtime.stage_id == f"c{last}" and runtime.objective == "end"
