"""A mission and its map, checked as one: what ``check`` reports, the game refuses.

:func:`read_mission_and_map` runs every check on a mission file and returns the
mission, its loaded map and the problems; :func:`check_mission` (``python -m game
check``) lists those problems, and :func:`load_mission_and_map` (what the game loads a
job with) raises the first as a :class:`~game.problems.FileProblem`. So a mission that
``check`` passes is exactly one the game plays.

The file's own checks (syntax, keys, kinds, numbers, the stage graph) come from
:mod:`game.mission.mission_file`; this module adds the map:

- ``map`` is a bare name (``downtown``: ``maps/downtown.tmx`` in the levels folder
  beside the mission's folder if there is one, else the first of that name on the levels
  search path, shipped maps first: :mod:`game.resources`), or a
  path to a ``.tmx`` (relative to the mission's folder, or absolute);
- whatever the form, the map gets every check ``python -m game check MAP`` runs
  (:func:`game.level.validate.check_map`), each problem reported under the mission's
  ``map`` key;
- every zone, spawn, vehicle and vehicle class the mission names is on that map (the
  ``[race]`` line and checkpoints and the ``[audition]`` gates and line included), a
  race's map has a lap to race on (a loop of its fastest road through the line), and each
  actor starts at a spawn of its own kind (a crew member at a ``crew`` spawn, a chaser at
  a ``chaser`` spawn: :data:`SPAWN_KINDS_OF_ROLE`);
- the map holds the traffic asked for (``[traffic] cars`` and ``parked`` at most the
  map's ``traffic`` and ``parked`` spawns);
- the clock leaves time to reach the place: from ``clock.start`` to ``contract.time``
  the Driver's car could cover the distance from its spawn to the place at its top speed
  in a straight line (anything less cannot work: the job would fail at once);
- every mission its ``[career] requires`` names is a mission file in the same folder, or
  one on the levels search path (a designer's job may require a shipped one)
  (and not the mission itself: it would never be offered), and every witness its
  ``[career] retracts`` names is a ``[[witnesses]]`` name of a mission there;
- each witness stands at a ``witness`` spawn.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import NamedTuple

import numpy as np

from game import resources
from game.level.model import Level
from game.mission.clock import format_clock
from game.mission.mission_file import all_actions, close_hint, parse_mission
from game.mission.model import PLAYER, Mission
from game.problems import FileProblem, Problem, shown

LEVELS_DIR = resources.shipped_levels()  #: the shipped levels folder
MAP_NAME = re.compile(r"[A-Za-z0-9_-]+")  #: a bare map name; anything with a / is a path
MAP_SUFFIX = ".tmx"


class CheckedMission(NamedTuple):
    """A mission file after every check: both set only when ``problems`` is empty."""

    mission: Mission | None
    level: Level | None
    problems: list[Problem]


def map_file(mission_path: str | Path, map_ref: str) -> Path | None:
    """The .tmx a mission's ``map`` names, or None when it is neither a name nor a path.

    A bare name is ``../maps/NAME.tmx`` beside the mission's folder when that exists,
    else the one of that name on the levels search path; a path ends in ``.tmx`` and is
    relative to the mission's folder.
    """
    folder = Path(mission_path).resolve().parent
    if MAP_NAME.fullmatch(map_ref):
        beside = folder.parent / "maps" / f"{map_ref}{MAP_SUFFIX}"
        if _is_file(beside):
            return beside
        return resources.find_map(map_ref) or resources.shipped_map(map_ref)
    if map_ref.lower().endswith(MAP_SUFFIX) and "\0" not in map_ref:
        return Path(os.path.normpath(folder / map_ref))  # said as the designer wrote it
    return None


def _is_file(path: Path) -> bool:
    """A regular file is there (False for a name too long, a loop of links, a pipe)."""
    try:
        return path.is_file()
    except (OSError, ValueError):
        return False


def read_mission_and_map(path: str | Path) -> CheckedMission:
    """Every check on the mission at ``path`` and on its map; never raises FileProblem."""
    mission, problems = parse_mission(path)
    if mission is None:
        return CheckedMission(None, None, problems)
    level, problems = _checked_map(str(path), mission)
    if level is not None:
        problems = map_problems(mission, level)
    problems = [*requires_problems(mission), *retracts_problems(mission), *problems]
    if problems:
        return CheckedMission(None, None, problems)
    return CheckedMission(mission, level, [])


def _checked_map(file: str, mission: Mission) -> tuple[Level | None, list[Problem]]:
    """The mission's map after every map check, or None and the problems (under ``map``)."""
    if not mission.map:
        return None, [Problem(file, "map", "missing (a map is required)")]
    tmx = map_file(file, mission.map)
    if tmx is None:
        return None, [Problem(file, "map", f"{shown(mission.map)} is neither a map name "
                              f"(letters, digits, _ and -) nor a path to a {MAP_SUFFIX} file")]
    if not _is_file(tmx):
        return None, [Problem(file, "map", f"no map {shown(mission.map)} (looked for {tmx})")]
    from game.level import load_level
    from game.level.validate import check_map

    problems = [Problem(file, "map", f"its map has a problem: {p}") for p in check_map(tmx)]
    if problems:
        return None, problems
    try:
        return load_level(tmx), []
    except FileProblem as problem:  # it changed since the check a moment ago
        return None, [Problem(file, "map", f"its map does not load: {problem}")]


def check_mission(path: str | Path) -> list[Problem]:
    """Every problem in the mission file at ``path`` (empty: it is good to run)."""
    return read_mission_and_map(path).problems


def load_mission_and_map(path: str | Path) -> tuple[Mission, Level]:
    """The mission at ``path`` and its loaded map, for play; FileProblem for the first of
    whatever :func:`check_mission` would report (naming the file, the key and how many
    more there are)."""
    mission, level, problems = read_mission_and_map(path)
    if problems:
        first = problems[0]
        message = first.message
        if len(problems) > 1:
            message += f" (and {len(problems) - 1} more: python -m game check {first.file})"
        raise FileProblem(first.file, first.where, message)
    assert mission is not None and level is not None
    return mission, level


def requires_problems(mission: Mission) -> list[Problem]:
    """``[career] requires`` names missions beside this one or on the levels search path
    (and never this one)."""
    folder = Path(mission.path).parent
    problems = []
    for index, name in enumerate(mission.career.requires):
        where = f"career.requires[{index}]"
        if name == mission.id:
            problems.append(Problem(mission.path, where, "a job cannot require itself: it "
                                    "would never be offered"))
        elif not MAP_NAME.fullmatch(name) or not (_is_file(folder / f"{name}.toml")
                                                   or resources.find_mission(name)):
            known = sorted(p.stem for p in folder.glob("*.toml"))
            problems.append(Problem(mission.path, where, f"no mission {shown(name)} in "
                                    f"{folder} or on the levels path"
                                    f"{close_hint(name, known)}"))
    return problems


def retracts_problems(mission: Mission) -> list[Problem]:
    """``[career] retracts`` names a witness (``[[witnesses]] name``) of a mission beside
    this one: a typo would retract nothing, silently."""
    if not mission.career.retracts:
        return []
    folder = Path(mission.path).parent
    known: set[str] = set()
    for path in sorted(folder.glob("*.toml"))[:500]:
        other, _ = parse_mission(path) if path.name != Path(mission.path).name else (None, [])
        if other is not None:
            known.update(witness.name for witness in other.witnesses)
    return [
        Problem(mission.path, f"career.retracts[{index}]", f"no mission in {folder} has a "
                f"witness {shown(name)}{close_hint(name, known)}")
        for index, name in enumerate(mission.career.retracts) if name not in known
    ]


#: the spawn kinds a vehicle actor of each role may start at (a role not listed here
#: starts at a spawn of the kind of its own name, if there is such a kind)
SPAWN_KINDS_OF_ROLE: dict[str, tuple[str, ...]] = {
    "detective": ("detective", "police"),  # a career brings him in at a police spawn
}
PLAYER_SPAWN_KIND = "player"
CREW_SPAWN_KIND = "crew"
WITNESS_SPAWN_KIND = "witness"


def map_problems(mission: Mission, level: Level) -> list[Problem]:
    """Names in ``mission`` that ``level`` lacks or holds as the wrong kind, traffic it
    cannot hold, a clock that leaves no time to reach the place: one problem each."""
    problems = _names_on_map(mission, level)
    problems += _spawn_kinds(mission, level)
    problems += _traffic_room(mission, level)
    problems += _time_to_the_place(mission, level)
    return problems


def _spawn_kinds(mission: Mission, level: Level) -> list[Problem]:
    """Each actor at a spawn of its kind: the player's, the crew's, each role's."""
    from game.level.schema import SPAWN_KINDS

    wanted = [("player.spawn", mission.player_spawn, (PLAYER_SPAWN_KIND,), "the Driver")]
    wanted += [(f"{member.where}.spawn", member.spawn, (CREW_SPAWN_KIND,), "a crew member")
               for member in mission.crew]
    wanted += [(f"{witness.where}.spawn", witness.spawn, (WITNESS_SPAWN_KIND,), "a witness")
               for witness in mission.witnesses]
    for actor in mission.vehicles:
        kinds = SPAWN_KINDS_OF_ROLE.get(actor.role) or (
            (actor.role,) if actor.role in SPAWN_KINDS else ())
        if kinds:
            wanted.append((f"{actor.where}.spawn", actor.spawn, kinds, f"a {actor.role} vehicle"))
    problems = []
    for where, name, kinds, who in wanted:
        spawn = level.spawns.get(name)
        if spawn is None or spawn.kind in kinds:
            continue  # a missing spawn is named by _names_on_map
        fitting = sorted(s.name for s in level.spawns.values() if s.kind in kinds)
        some = ", ".join(fitting[:4]) + (", ..." if len(fitting) > 4 else "")
        choice = f" (map '{level.name}' has {some})" if fitting else (
            f" (map '{level.name}' has none: add one in its spawns layer)")
        problems.append(Problem(mission.path, where, (
            f"spawn {shown(name)} is a {spawn.kind} spawn; {who} starts at a "
            f"{' or '.join(kinds)} spawn{choice}")))
    return problems


def _traffic_room(mission: Mission, level: Level) -> list[Problem]:
    """``[traffic]`` asks for no more cars than the map has spawns of that kind (the job
    would quietly bring fewer)."""
    problems = []
    for key, kind, asked in (("cars", "traffic", mission.traffic.cars),
                             ("parked", "parked", mission.traffic.parked)):
        room = sum(s.kind == kind for s in level.spawns.values())
        if asked > room:
            problems.append(Problem(mission.path, f"traffic.{key}", (
                f"{asked} cars asked for, but map '{level.name}' has {room} {kind} spawns: "
                f"at most {room} (or add {kind} spawns to the map)")))
    return problems


def _time_to_the_place(mission: Mission, level: Level) -> list[Problem]:
    """The agreed time leaves the Driver time to get there at all: the straight line from
    his spawn to the place at his car's top speed is a bound no drive can beat."""
    from game.sim import VehicleClass
    from game.sim.vehicles import VEHICLE_CLASSES

    agreed, place = mission.contract.time, level.zones.get(mission.contract.place)
    spawn = level.spawns.get(mission.player_spawn)
    if agreed is None or place is None or spawn is None or agreed <= mission.clock_start:
        return []
    try:
        top_speed = VEHICLE_CLASSES[VehicleClass.from_name(mission.player_class)].top_speed
    except (KeyError, ValueError):
        return []  # named by _names_on_map
    low, high = place.polygon.min(axis=0), place.polygon.max(axis=0)
    gap_x = max(low[0] - spawn.x, 0.0, spawn.x - high[0])
    gap_y = max(low[1] - spawn.y, 0.0, spawn.y - high[1])
    distance_m = float(np.hypot(gap_x, gap_y))
    play_s = (agreed - mission.clock_start) / mission.time_scale
    fastest_s = distance_m / top_speed
    if fastest_s <= play_s:
        return []
    return [Problem(mission.path, "contract.time", (
        f"{format_clock(agreed)} leaves the Driver {play_s:.1f} s of play from clock.start "
        f"{format_clock(mission.clock_start)} (at time_scale {mission.time_scale:g}) to reach "
        f"{shown(place.name)}, {distance_m:.0f} m from {shown(spawn.name)}: even at top "
        f"speed ({top_speed:.0f} m/s) in a straight line that takes {fastest_s:.1f} s. "
        "Start the clock earlier or agree a later time"))]


def _names_on_map(mission: Mission, level: Level) -> list[Problem]:
    """Names in ``mission`` that ``level`` lacks, one problem each."""
    from game.sim import VehicleClass

    file = mission.path
    problems: list[Problem] = []

    def need(names: dict, name: str, what: str, where: str, kind: str | None = None) -> None:
        if name not in names:
            hint = close_hint(name, set(names))
            problems.append(
                Problem(file, where, f"no {what} {shown(name)} on map '{level.name}'{hint}")
            )
        elif kind is not None and names[name].kind != kind:
            message = f"{what} '{name}' is a {names[name].kind}, not a {kind}"
            problems.append(Problem(file, where, message))

    def vehicle_class(name: str, where: str) -> None:
        try:
            VehicleClass.from_name(name)
        except (KeyError, ValueError):
            problems.append(Problem(file, where, f"unknown vehicle class {shown(name)}"))

    need(level.zones, mission.contract.place, "zone", "contract.place", kind="place")
    need(level.spawns, mission.player_spawn, "spawn", "player.spawn")
    vehicle_class(mission.player_class, "player.class")
    for member in mission.crew:
        need(level.spawns, member.spawn, "spawn", f"{member.where}.spawn")
    for witness in mission.witnesses:
        need(level.spawns, witness.spawn, "spawn", f"{witness.where}.spawn")
    for actor in mission.vehicles:
        need(level.spawns, actor.spawn, "spawn", f"{actor.where}.spawn")
        if actor.vehicle_class:
            vehicle_class(actor.vehicle_class, f"{actor.where}.class")
    vehicles = {actor.name: actor for actor in mission.vehicles}
    for trigger in (*(t for stage in mission.stages for t in stage.on), *mission.always):
        if trigger.zone:
            need(level.zones, trigger.zone, "zone", f"{trigger.where}.zone")
        if trigger.vehicle and trigger.vehicle != PLAYER:
            need(vehicles, trigger.vehicle, "vehicle actor", f"{trigger.where}.vehicle")
    for action in all_actions(mission):
        if action.zone:
            need(level.zones, action.zone, "zone", f"{action.where}.zone")
        if action.kind == "spawn":
            need(vehicles, action.vehicle, "vehicle actor", f"{action.where}.vehicle")
    problems += _job_table_problems(mission, level, need)
    return problems


def _job_table_problems(mission: Mission, level: Level, need) -> list[Problem]:
    """The zones a ``[race]`` or ``[audition]`` table names, and a race's lap."""
    problems: list[Problem] = []
    race, audition = mission.race, mission.audition
    if race is not None:
        need(level.zones, race.line, "zone", "race.line")
        for index, name in enumerate(race.checkpoints):
            need(level.zones, name, "zone", f"race.checkpoints[{index}]")
        if race.line in level.zones:
            from game.ai.racing_line import track_lines

            try:
                track_lines(level, 80.0, race.line)
            except ValueError as error:
                problems.append(Problem(mission.path, "race.line", f"no lap to race: {error}"))
    if audition is not None:
        for index, name in enumerate(audition.slalom):
            need(level.zones, name, "zone", f"audition.slalom[{index}]")
        if audition.brake_line:
            need(level.zones, audition.brake_line, "zone", "audition.brake_line")
        if audition.spin_zone:
            need(level.zones, audition.spin_zone, "zone", "audition.spin_zone")
    return problems
