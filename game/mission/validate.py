"""``check_mission(path)``: every problem in a mission file, including against its map.

The file's own checks (syntax, keys, kinds, clock times, the stage graph) come from
:mod:`game.mission.mission_file`; this module adds what needs the map: the map exists,
and every zone, spawn and vehicle class the mission names is there. ``python -m game
check`` calls :func:`check_mission` for each ``levels/missions/*.toml``.
"""

from __future__ import annotations

import difflib
from pathlib import Path

from game.level.model import Level
from game.mission.mission_file import all_actions, parse_mission
from game.mission.model import PLAYER, Mission
from game.problems import FileProblem, Problem

LEVELS_DIR = Path(__file__).resolve().parents[2] / "levels"


def map_path(mission_path: str | Path, map_name: str) -> Path:
    """The .tmx a mission names: ``../maps/NAME.tmx`` beside it, else the shipped one."""
    beside = Path(mission_path).resolve().parent.parent / "maps" / f"{map_name}.tmx"
    return beside if beside.exists() else LEVELS_DIR / "maps" / f"{map_name}.tmx"


def check_mission(path: str | Path) -> list[Problem]:
    """Every problem in the mission file at ``path`` (empty: it is good to run)."""
    mission, problems = parse_mission(path)
    if mission is None:
        return problems
    tmx = map_path(path, mission.map)
    if not tmx.exists():
        return [Problem(str(path), "map", f"no map '{mission.map}' (looked for {tmx})")]
    from game.level import load_level

    try:
        level = load_level(tmx)
    except FileProblem as problem:
        return [Problem(str(path), "map", f"its map does not load: {problem}")]
    return map_problems(mission, level)


def map_problems(mission: Mission, level: Level) -> list[Problem]:
    """Names in ``mission`` that ``level`` lacks, one problem each."""
    from game.sim import VehicleClass

    file = mission.path
    problems: list[Problem] = []

    def need(names: dict, name: str, what: str, where: str, kind: str | None = None) -> None:
        if name not in names:
            close = difflib.get_close_matches(name, sorted(names), n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            problems.append(Problem(file, where, f"no {what} '{name}' on map '{level.name}'{hint}"))
        elif kind is not None and names[name].kind != kind:
            message = f"{what} '{name}' is a {names[name].kind}, not a {kind}"
            problems.append(Problem(file, where, message))

    def vehicle_class(name: str, where: str) -> None:
        try:
            VehicleClass.from_name(name)
        except (KeyError, ValueError):
            problems.append(Problem(file, where, f"unknown vehicle class '{name}'"))

    need(level.zones, mission.contract.place, "zone", "contract.place", kind="place")
    need(level.spawns, mission.player_spawn, "spawn", "player.spawn")
    vehicle_class(mission.player_class, "player.class")
    for member in mission.crew:
        need(level.spawns, member.spawn, "spawn", f"{member.where}.spawn")
    for actor in mission.vehicles:
        need(level.spawns, actor.spawn, "spawn", f"{actor.where}.spawn")
        if actor.vehicle_class:
            vehicle_class(actor.vehicle_class, f"{actor.where}.class")
    vehicles = {actor.name: actor for actor in mission.vehicles}
    for stage in mission.stages:
        for trigger in (*stage.on, *mission.always):
            if trigger.zone:
                need(level.zones, trigger.zone, "zone", f"{trigger.where}.zone")
            if trigger.vehicle and trigger.vehicle != PLAYER:
                need(vehicles, trigger.vehicle, "vehicle actor", f"{trigger.where}.vehicle")
    for action in all_actions(mission):
        if action.zone:
            need(level.zones, action.zone, "zone", f"{action.where}.zone")
        if action.kind == "spawn":
            need(vehicles, action.vehicle, "vehicle actor", f"{action.where}.vehicle")
    return problems
