"""Read a mission TOML file into a :class:`~game.mission.model.Mission`, checking every key.

:func:`parse_mission` collects every problem it finds (``check`` prints them all);
:func:`load_mission` raises the first as a :class:`~game.problems.FileProblem`. Each
problem names the file and the key path (``stages[2].on[0].zone``), and an unknown key
comes with the closest known one. Checks against the map (zones, spawns) live in
:mod:`game.mission.validate`.
"""

from __future__ import annotations

import difflib
import tomllib
from pathlib import Path
from typing import Any

from game.mission.clock import parse_clock
from game.mission.model import (
    ACTION_KINDS,
    TRIGGER_KINDS,
    Action,
    Contract,
    CrewMember,
    Mission,
    Stage,
    Traffic,
    Trigger,
    VehicleActor,
)
from game.mission.roles import role_names
from game.problems import FileProblem, Problem

_TOP_KEYS = {
    "title",
    "map",
    "client",
    "briefing",
    "payout",
    "clock",
    "contract",
    "player",
    "traffic",
    "crew",
    "vehicles",
    "stages",
    "always",
}
_CLOCK_KEYS = {"start", "time_scale"}
_CONTRACT_KEYS = {"place", "time", "attention_after_s", "away_grace_s"}
_PLAYER_KEYS = {"spawn", "class"}
_TRAFFIC_KEYS = {"cars", "parked"}
_CREW_KEYS = {"name", "spawn", "return_s"}
_VEHICLE_KEYS = {"name", "role", "spawn", "class", "at_start"}
_STAGE_KEYS = {"id", "objective", "enter", "on"}
#: parameter -> TOML type; every other parameter is a string
_PARAM_TYPES = {
    "seconds": "number",
    "value": "number",
    "units": "int",
    "without_pursuit": "bool",
    "all": "bool",
}
_KIND_WORD = {True: "action", False: "trigger"}


class _Reader:
    """Typed access to a TOML table that records problems instead of raising."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: list[Problem] = []

    def problem(self, where: str, message: str) -> None:
        self.problems.append(Problem(self.file, where, message))

    def keys(self, table: dict, allowed: set[str] | frozenset[str], where: str) -> None:
        for key in table:
            if key not in allowed:
                close = difflib.get_close_matches(key, sorted(allowed), n=1)
                hint = f" (did you mean '{close[0]}'?)" if close else ""
                self.problem(_path(where, key), f"unknown key{hint}")

    def get(self, table: dict, key: str, kind: str, where: str, default: Any = None) -> Any:
        """Value of ``key`` checked against ``kind`` (str, number, int, bool, table, list)."""
        path = _path(where, key)
        if key not in table:
            if default is None:
                self.problem(path, f"missing (a {kind} is required)")
            return default
        value = table[key]
        ok = {
            "str": isinstance(value, str),
            "number": isinstance(value, int | float) and not isinstance(value, bool),
            "int": isinstance(value, int) and not isinstance(value, bool),
            "bool": isinstance(value, bool),
            "table": isinstance(value, dict),
            "list": isinstance(value, list),
        }[kind]
        if not ok:
            self.problem(path, f"must be a {kind}, not {type(value).__name__} {value!r}")
            return default
        return float(value) if kind == "number" else value

    def clock(self, table: dict, key: str, where: str, required: bool = True) -> float | None:
        text = self.get(table, key, "str", where, None if required else "")
        if not text:
            return None
        try:
            return parse_clock(text)
        except ValueError as error:
            self.problem(_path(where, key), str(error))
            return None

    def tables(self, table: dict, key: str, where: str) -> list[tuple[str, dict]]:
        """An array of tables as (key path, table) pairs; anything else is a problem."""
        items = self.get(table, key, "list", where, [])
        out = []
        for index, item in enumerate(items):
            path = f"{_path(where, key)}[{index}]"
            if isinstance(item, dict):
                out.append((path, item))
            else:
                self.problem(path, f"must be a table, not {item!r}")
        return out


def _path(where: str, key: str) -> str:
    return f"{where}.{key}" if where else key


def parse_mission(path: str | Path) -> tuple[Mission | None, list[Problem]]:
    """Read and check a mission file; the Mission is None when it cannot be used."""
    file = str(path)
    reader = _Reader(file)
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as error:
        return None, [Problem(file, "", f"cannot read the file: {error.strerror or error}")]
    except UnicodeDecodeError:
        return None, [Problem(file, "", "not a text file (expected UTF-8 TOML)")]
    except tomllib.TOMLDecodeError as error:
        return None, [Problem(file, "", f"TOML syntax error: {error}")]
    reader.keys(data, _TOP_KEYS, "")
    mission = _read_mission(reader, data, Path(path))
    _check_stage_graph(reader, mission)
    return (mission if not reader.problems else None), reader.problems


def load_mission(path: str | Path) -> Mission:
    """The mission in ``path``; raises FileProblem naming the first bad key."""
    mission, problems = parse_mission(path)
    if problems:
        first = problems[0]
        raise FileProblem(first.file, first.where, first.message)
    assert mission is not None
    return mission


def _read_mission(r: _Reader, data: dict, path: Path) -> Mission:
    clock = r.get(data, "clock", "table", "", {})
    r.keys(clock, _CLOCK_KEYS, "clock")
    time_scale = r.get(clock, "time_scale", "number", "clock", 1.0)
    if time_scale <= 0:
        r.problem("clock.time_scale", f"must be above 0, not {time_scale}")
    player = r.get(data, "player", "table", "", {})
    r.keys(player, _PLAYER_KEYS, "player")
    traffic = r.get(data, "traffic", "table", "", {})
    r.keys(traffic, _TRAFFIC_KEYS, "traffic")
    return Mission(
        id=path.stem,
        path=str(path),
        title=r.get(data, "title", "str", ""),
        map=r.get(data, "map", "str", ""),
        client=r.get(data, "client", "str", ""),
        briefing=r.get(data, "briefing", "str", ""),
        payout=r.get(data, "payout", "int", "", 0),
        clock_start=r.clock(clock, "start", "clock") or 0.0,
        time_scale=time_scale,
        contract=_read_contract(r, r.get(data, "contract", "table", "", {})),
        crew=tuple(_read_crew(r, w, t) for w, t in r.tables(data, "crew", "")),
        vehicles=tuple(_read_vehicle(r, w, t) for w, t in r.tables(data, "vehicles", "")),
        player_spawn=r.get(player, "spawn", "str", "player", "player_start"),
        player_class=r.get(player, "class", "str", "player", "driver"),
        traffic=Traffic(
            cars=r.get(traffic, "cars", "int", "traffic", 0),
            parked=r.get(traffic, "parked", "int", "traffic", 0),
        ),
        stages=tuple(_read_stage(r, w, t) for w, t in r.tables(data, "stages", "")),
        always=tuple(_read_trigger(r, w, t) for w, t in r.tables(data, "always", "")),
    )


def _read_contract(r: _Reader, table: dict) -> Contract:
    r.keys(table, _CONTRACT_KEYS, "contract")
    return Contract(
        place=r.get(table, "place", "str", "contract", ""),
        time=r.clock(table, "time", "contract", required=False),
        attention_after_s=r.get(table, "attention_after_s", "number", "contract", 240.0),
        away_grace_s=r.get(table, "away_grace_s", "number", "contract", 30.0),
    )


def _read_crew(r: _Reader, where: str, table: dict) -> CrewMember:
    r.keys(table, _CREW_KEYS, where)
    span = r.get(table, "return_s", "list", where, [0.0, 0.0])
    numbers = [v for v in span if isinstance(v, int | float) and not isinstance(v, bool)]
    if len(span) != 2 or len(numbers) != 2 or not 0 <= numbers[0] <= numbers[1]:
        r.problem(f"{where}.return_s", f"must be [earliest, latest] clock seconds, not {span!r}")
        numbers = [0.0, 0.0]
    return CrewMember(
        name=r.get(table, "name", "str", where, ""),
        spawn=r.get(table, "spawn", "str", where, ""),
        return_s=(float(numbers[0]), float(numbers[1])),
        where=where,
    )


def _read_vehicle(r: _Reader, where: str, table: dict) -> VehicleActor:
    r.keys(table, _VEHICLE_KEYS, where)
    role = r.get(table, "role", "str", where, "")
    if role and role not in role_names():
        r.problem(f"{where}.role", f"unknown role '{role}' (one of {', '.join(role_names())})")
    return VehicleActor(
        name=r.get(table, "name", "str", where, ""),
        role=role,
        spawn=r.get(table, "spawn", "str", where, ""),
        vehicle_class=r.get(table, "class", "str", where, ""),
        at_start=r.get(table, "at_start", "bool", where, True),
        where=where,
    )


def _read_stage(r: _Reader, where: str, table: dict) -> Stage:
    r.keys(table, _STAGE_KEYS, where)
    return Stage(
        id=r.get(table, "id", "str", where, ""),
        where=where,
        objective=r.get(table, "objective", "str", where, ""),
        enter=tuple(_read_action(r, w, t) for w, t in r.tables(table, "enter", where)),
        on=tuple(_read_trigger(r, w, t) for w, t in r.tables(table, "on", where)),
    )


def _kind(r: _Reader, table: dict, key: str, where: str, kinds: dict) -> str | None:
    kind = r.get(table, key, "str", where, "")
    if kind and kind not in kinds:
        close = difflib.get_close_matches(kind, sorted(kinds), n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        r.problem(_path(where, key), f"unknown {key} kind '{kind}'{hint}")
    return kind if kind in kinds else None


def _params(r: _Reader, table: dict, kind: str, where: str, kinds: dict, own: set[str]) -> dict:
    """The kind's parameters, typed; unknown and missing ones become problems."""
    required, optional = kinds[kind]
    r.keys(table, required | optional | own, where)
    params: dict[str, Any] = {}
    for key in sorted(required | optional):
        if key not in table:
            if key in required:
                r.problem(
                    _path(where, key),
                    f"missing (the {kind} {_KIND_WORD[kinds is ACTION_KINDS]} needs it)",
                )
            continue
        if key == "at":
            params[key] = r.clock(table, key, where) or 0.0
        else:
            value = r.get(table, key, _PARAM_TYPES.get(key, "str"), where, None)
            if value is not None:
                params[key] = value
    return params


def _read_action(r: _Reader, where: str, table: dict) -> Action:
    kind = _kind(r, table, "action", where, ACTION_KINDS)
    if kind is None:
        return Action(kind="", where=where)
    params = _params(r, table, kind, where, ACTION_KINDS, {"action"})
    return Action(kind=kind, where=where, **params)


def _read_trigger(r: _Reader, where: str, table: dict) -> Trigger:
    kind = _kind(r, table, "trigger", where, TRIGGER_KINDS)
    actions = tuple(_read_action(r, w, t) for w, t in r.tables(table, "actions", where))
    if kind is None:
        return Trigger(kind="", where=where, actions=actions)
    params = _params(r, table, kind, where, TRIGGER_KINDS, {"trigger", "actions"})
    return Trigger(kind=kind, where=where, actions=actions, **params)


def _check_stage_graph(r: _Reader, mission: Mission) -> None:
    """Stage ids unique, every goto lands on a stage, every later stage is reached."""
    ids = [stage.id for stage in mission.stages]
    if not mission.stages:
        r.problem("stages", "a mission needs at least one stage")
        return
    seen: set[str] = set()
    for stage in mission.stages:
        if stage.id in seen:
            r.problem(f"{stage.where}.id", f"stage id '{stage.id}' is used twice")
        seen.add(stage.id)
    targets: dict[str, set[str]] = {stage.id: set() for stage in mission.stages}
    always = [a for trigger in mission.always for a in trigger.actions]
    # a goto in `always` can fire from any stage, so the first stage stands for all of them
    sources = [(s.id, _stage_actions(s)) for s in mission.stages] + [(ids[0], always)]
    for source, actions in sources:
        for action in actions:
            if action.kind != "goto":
                continue
            if action.stage not in targets:
                close = difflib.get_close_matches(action.stage, ids, n=1)
                hint = f" (did you mean '{close[0]}'?)" if close else ""
                r.problem(f"{action.where}.stage", f"no stage '{action.stage}'{hint}")
            else:
                targets[source].add(action.stage)
    reached = {ids[0]}
    frontier = [ids[0]]
    while frontier:
        for target in targets.get(frontier.pop(), ()):
            if target not in reached:
                reached.add(target)
                frontier.append(target)
    for stage in mission.stages:
        if stage.id not in reached:
            r.problem(f"{stage.where} ('{stage.id}')", "unreachable: no goto leads to this stage")


def _stage_actions(stage: Stage) -> list[Action]:
    return [*stage.enter, *(a for trigger in stage.on for a in trigger.actions)]


def all_actions(mission: Mission) -> list[Action]:
    """Every action in the mission, in file order."""
    always = [a for trigger in mission.always for a in trigger.actions]
    return [*(a for stage in mission.stages for a in _stage_actions(stage)), *always]
