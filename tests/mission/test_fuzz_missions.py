"""Fuzzed missions: the shipped mission mutated (values, keys, items, bytes) must get a
problem list or a clean load from the parser and from ``check_mission``, never another
exception, within a time bound; and every mutant they pass must run a few hundred ticks
headless, autopilot at the wheel, without an exception or a NaN.

Example counts: see :mod:`tests.fuzz_examples` (``FMW_FUZZ_EXAMPLES`` for more).
"""

from __future__ import annotations

import copy
import datetime
import math
import tempfile
import time
import tomllib
from pathlib import Path

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from game.mission.mission_file import PARAMETER_RANGES, parse_mission
from game.mission.validate import check_mission, load_mission_and_map
from game.problems import Problem
from tests.fuzz_examples import ANSWER_WITHIN_S, fuzz_settings

SHIPPED = Path(__file__).resolve().parents[2] / "levels" / "missions" / "five_minutes.toml"
SHIPPED_TEXT = SHIPPED.read_text(encoding="utf-8")
SHIPPED_DATA = tomllib.loads(SHIPPED_TEXT)
RUN_TICKS = 300  #: ticks a mutant that passes must run (5 s of sim at 60 Hz)


def key_paths(node: object, prefix: tuple = ()) -> list[tuple]:
    """Every path (keys and indices) to a value inside ``node``."""
    found = [prefix] if prefix else []
    children = node.items() if isinstance(node, dict) else enumerate(node) \
        if isinstance(node, list) else ()
    for key, child in children:
        found += key_paths(child, (*prefix, key))
    return found


def _parent(data: object, path: tuple) -> tuple[object, object] | None:
    """(container, key) of the value at ``path``, or None if an earlier change removed it."""
    node = data
    for key in path[:-1]:
        try:
            node = node[key]
        except (KeyError, IndexError, TypeError):
            return None
    if isinstance(node, dict) and path[-1] in node:
        return node, path[-1]
    if isinstance(node, list) and isinstance(path[-1], int) and path[-1] < len(node):
        return node, path[-1]
    return None


PATHS = key_paths(SHIPPED_DATA)
def _value(path: tuple) -> object:
    container, key = _parent(SHIPPED_DATA, path)
    return container[key]


#: short strings of the shipped mission (stage ids, zones, spawns, kinds), to mix in
NAMES = sorted({v for p in PATHS if isinstance(v := _value(p), str) and len(v) < 30})
KEYS = sorted({k for p in PATHS for k in p if isinstance(k, str)} | {"junk", ""})
ODD_NUMBERS = [math.nan, math.inf, -math.inf, 1e308, -1e308, 10**20, -(10**20), 2**63, 2**64,
               -1, 0, 0.0, -0.0, -0.5, 1e-300, 5e-324, 1, 1.5, 300, 3600, 86400]
#: the bounds of every checked range, and just outside them
EDGES = sorted({e for r in PARAMETER_RANGES.values() for b in (r.low, r.high)
                for e in (b, b - 1e-9, b + 1e-9)})

odd_values = st.one_of(
    st.sampled_from(ODD_NUMBERS),
    st.sampled_from(EDGES),
    st.integers(),
    st.floats(),
    st.text(max_size=12),
    st.sampled_from(NAMES),
    st.sampled_from(["02:00", "25:70", "00:00", "23:59:59", "1:5", ""]),
    st.booleans(),
    st.just(datetime.date(1979, 5, 27)),
    st.lists(st.one_of(st.integers(-5, 500), st.floats()), max_size=3),
    st.dictionaries(st.sampled_from(KEYS), st.integers(-2, 2), max_size=2),
)


@st.composite
def mutated_mission(draw) -> dict:
    """The shipped mission with one to four changes: a value replaced, a key or an item
    removed, an unknown or a misplaced key added, an item duplicated, a goto added."""
    data = copy.deepcopy(SHIPPED_DATA)
    for _ in range(draw(st.integers(1, 4))):
        found = _parent(data, draw(st.sampled_from(PATHS)))
        if found is None:
            continue
        container, key = found
        change = draw(st.sampled_from(["replace", "replace", "delete", "add", "copy", "goto"]))
        if change == "replace":
            container[key] = draw(odd_values)
        elif change == "delete":
            del container[key]
        elif change == "add" and isinstance(container, dict):
            container[draw(st.sampled_from(KEYS))] = draw(odd_values)
        elif change == "copy" and isinstance(container, list):
            container.insert(key, copy.deepcopy(container[key]))
        elif change == "goto" and isinstance(data.get("stages"), list) and data["stages"]:
            stage = draw(st.sampled_from(data["stages"]))
            if isinstance(stage, dict):
                enter = stage.setdefault("enter", [])
                if isinstance(enter, list):
                    enter.append({"action": "goto", "stage": draw(st.sampled_from(NAMES))})
    return data


def toml_text(data: dict) -> str:
    """``data`` as TOML, every top-level key on one line (inline tables and arrays)."""
    return "".join(f"{_toml_key(k)} = {_toml_value(v)}\n" for k, v in data.items())


def _toml_key(key: str) -> str:
    bare = key and all(c.isascii() and (c.isalnum() or c in "_-") for c in key)
    return key if bare else _toml_string(key)


def _toml_string(text: str) -> str:
    out = []
    for char in text:
        if char in '"\\':
            out.append("\\" + char)
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def _toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
        return repr(value)
    if isinstance(value, str):
        return _toml_string(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    assert isinstance(value, dict)
    return "{" + ", ".join(f"{_toml_key(k)} = {_toml_value(v)}" for k, v in value.items()) + "}"


def test_the_toml_writer_round_trips_the_shipped_mission():
    assert tomllib.loads(toml_text(SHIPPED_DATA)) == SHIPPED_DATA


def answer(call, *args):
    """``call(*args)`` and how long it took."""
    start = time.perf_counter()
    result = call(*args)
    return result, time.perf_counter() - start


def assert_problem_lines(problems: list, path: Path) -> None:
    for problem in problems:
        assert isinstance(problem, Problem) and problem.file == str(path)
        line = str(problem)
        assert "\n" not in line and len(line) < 1000, line


def assert_runs_headless(path: Path, seed: int) -> None:
    """The mission at ``path`` (which check passed) runs RUN_TICKS ticks, all finite."""
    from game.mission.autopilot import Autopilot
    from game.mission.job import build_session

    mission, level = load_mission_and_map(path)
    session, runtime = build_session(mission, level, seed=seed)
    session.player_driver = Autopilot(runtime)
    world = session.world
    for _ in range(RUN_TICKS):
        session.tick()
        session.drain_events()
        if runtime.ended is not None:
            break
    for name in ("x", "y", "vx", "vy", "heading"):
        assert np.isfinite(getattr(world, name)).all(), name
    assert math.isfinite(runtime.clock.now) and math.isfinite(runtime.heat.heat)


def check_and_run(text_or_bytes: str | bytes, seed: int) -> list[Problem]:
    """Write the mutant, check it (parser and check_mission), run it if it passes."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "mutant.toml"
        if isinstance(text_or_bytes, str):
            text_or_bytes = text_or_bytes.encode("utf-8")
        path.write_bytes(text_or_bytes)
        (mission, parse_problems), parse_s = answer(parse_mission, path)
        problems, check_s = answer(check_mission, path)
        assert parse_s < ANSWER_WITHIN_S and check_s < ANSWER_WITHIN_S
        assert (mission is None) == bool(parse_problems)
        assert_problem_lines(parse_problems + problems, path)
        if parse_problems:
            assert problems == parse_problems  # check adds the map only to a good file
        if not problems:
            assert_runs_headless(path, seed)
        return problems


@fuzz_settings(12)
@given(mutated_mission(), st.integers(0, 2**32 - 1))
def test_mutated_missions_get_problems_or_run(data, seed):
    check_and_run(toml_text(data), seed)


@st.composite
def mutated_bytes(draw) -> bytes:
    """The shipped file's bytes with bytes flipped, inserted, cut or the tail truncated."""
    data = bytearray(SHIPPED_TEXT.encode("utf-8"))
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(data)))
        change = draw(st.sampled_from(["flip", "insert", "cut", "truncate"]))
        if change == "flip" and at < len(data):
            data[at] = draw(st.integers(0, 255))
        elif change == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=8))
        elif change == "cut":
            del data[at:at + draw(st.integers(1, 40))]
        elif change == "truncate":
            del data[at:]
    return bytes(data)


@fuzz_settings(25)
@given(mutated_bytes(), st.integers(0, 2**32 - 1))
def test_mutated_bytes_get_problems_or_run(data, seed):
    check_and_run(data, seed)


#: numeric leaves of the shipped mission (and the traffic counts), for in-range mutations
NUMERIC_PATHS = [p for p in PATHS if isinstance(_value(p), int | float)
                 and not isinstance(_value(p), bool)]


@st.composite
def numbers_at_their_edges(draw) -> dict:
    """The shipped mission with numbers moved to the edges of what check allows (which it
    should pass), so the run below really gets mutants to drive."""
    data = copy.deepcopy(SHIPPED_DATA)
    for path in draw(st.lists(st.sampled_from(NUMERIC_PATHS), min_size=1, max_size=4)):
        container, key = _parent(data, path)
        value = container[key]
        choice = draw(st.sampled_from([0, 1, 2]))
        if isinstance(value, int):
            container[key] = [1, value * 2, 20][choice]
        else:
            container[key] = [0.5, value * 3, 59.5][choice]
    return data


@fuzz_settings(4)
@given(numbers_at_their_edges(), st.integers(0, 2**32 - 1))
def test_numbers_at_the_edges_of_their_ranges_get_problems_or_run(data, seed):
    check_and_run(toml_text(data), seed)
