"""The police as data: ``levels/police.toml`` read into a typed, checked :class:`Escalation`.

The file (after Driver 2's felony table) says, per offence, the heat it adds when calm
and when already pursued, how long its condition must hold before it is an offence
(``hold_s``), how long after it stops a unit that comes into view still counts it
(``counts_for_s``) and its cooldown; how sightings work (episodes, recognising a car from
a lookout, reading a plate); how heat cools; when a stopped Driver is busted; the heat
*levels*, each with what it brings (a pursuit, units called in, roadblocks, the
helicopter); and the difficulty presets. :func:`load_escalation` raises one
:class:`~game.problems.FileProblem` for the first problem and :func:`check_escalation`
lists them all (``python -m game check`` runs it): the game plays exactly what check
passes. No pygame, no game state.
"""

from __future__ import annotations

import math
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from game import resources
from game.ai.perception import SightParams
from game.problems import FileProblem, Problem
from game.session.offences import N_OFFENCES, Offence

POLICE_FILE = resources.police_table()
MAX_FILE_BYTES = 64 * 1024
DIFFICULTIES = ("easy", "normal", "hard")
HEAT_CEILING = 100.0  #: the most heat any police table may allow (its max_heat)
OFFENCE_KEYS = ("calm", "pursuit", "hold_s", "counts_for_s", "cooldown_s")


@dataclass(frozen=True)
class HeatLevel:
    """What a level of heat brings, from ``at`` upwards."""

    name: str
    at: float  #: heat where the level begins
    pursuit: bool = False  #: a unit that sees the Driver gives chase
    units: int = 0  #: units called in from out of sight (at normal difficulty)
    roadblocks: bool = False  #: cars parked across the road on his predicted way
    helicopter: bool = False  #: the helicopter comes


@dataclass(frozen=True)
class Difficulty:
    """Settings > Difficulty: how keen and how many the police are."""

    name: str
    sight: float  #: times every sight range
    units: float  #: times the patrols of free drive and the units called in
    ram_after_s: float  #: seconds into a chase before a unit may ram
    pit: bool  #: units may spin the Driver with a PIT manoeuvre
    box_units: int = 1  #: units within the busted radius it takes to box him in


@dataclass(frozen=True)
class Escalation:
    """The whole police table, arrays over :class:`~game.session.offences.Offence`."""

    max_heat: float
    sight: SightParams  #: how a unit sees (before the difficulty scales its ranges)
    points_calm: np.ndarray  #: heat per counted offence when not pursued
    points_pursuit: np.ndarray  #: ...and during a pursuit
    hold_s: np.ndarray  #: seconds the condition must hold
    counts_for_s: np.ndarray  #: seconds after it stops that it can still be witnessed
    cooldown_s: np.ndarray  #: seconds before it may count again
    episode_gap_s: float  #: unseen this long ends a sighting episode
    recognised: float  #: heat when a unit recognises the car (once per episode)
    recognise_m: float  #: a unit recognises the car only this close
    plate_read_m: float  #: a unit this close reads the plate
    cool_after_s: float  #: unseen this long, heat starts to fall...
    cool_per_s: float  #: ...by this much a second, out of a pursuit
    lose_after_s: float  #: unseen this long in a pursuit: it is called off
    after_lost: float  #: a lost pursuit leaves at most this much heat
    lookout_lapse_s: float  #: unseen this long: the lookout and the search end
    busted_radius_m: float
    busted_below_ms: float
    busted_after_s: float
    busted_not_before_s: float
    levels: tuple[HeatLevel, ...]
    difficulties: dict[str, Difficulty]

    def level_at(self, heat: float) -> int:
        """The index of the level that heat is in."""
        return max(i for i, level in enumerate(self.levels) if heat >= level.at)

    @property
    def pursuit_heat(self) -> float:
        """The heat from which a unit that sees him gives chase."""
        return min((lv.at for lv in self.levels if lv.pursuit), default=math.inf)


class _Checker:
    """Reads the table's values by key path, noting problems instead of raising."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: list[Problem] = []

    def problem(self, where: str, message: str) -> None:
        self.problems.append(Problem(self.file, where, message))

    def table(self, data: dict, key: str, where: str = "") -> dict:
        value = data.get(key, {})
        path = f"{where}.{key}" if where else key
        if not isinstance(value, dict):
            self.problem(path, "must be a table")
            return {}
        return value

    def keys(self, table: dict, allowed: tuple[str, ...] | set[str], where: str) -> None:
        for key in table:
            if key not in allowed:
                self.problem(f"{where}.{key}" if where else key,
                             f"unknown key (known: {', '.join(sorted(allowed))})")

    def number(self, table: dict, key: str, where: str, low: float, high: float,
               default: float | None = None) -> float:
        path = f"{where}.{key}" if where else key
        if key not in table:
            if default is None:
                self.problem(path, "missing (a number is required)")
                return low
            return default
        value = table[key]
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.problem(path, f"must be a number, not {type(value).__name__}")
            return low
        if not math.isfinite(value) or not low <= value <= high:
            self.problem(path, f"must be from {low:g} to {high:g}, not {value!r}")
            return low
        return float(value)

    def flag(self, table: dict, key: str, where: str) -> bool:
        value = table.get(key, False)
        if not isinstance(value, bool):
            self.problem(f"{where}.{key}", "must be true or false")
            return False
        return value


def _offences(c: _Checker, data: dict) -> np.ndarray:
    table = c.table(data, "offences")
    names = [o.name.lower() for o in Offence]
    c.keys(table, set(names), "offences")
    values = np.zeros((len(OFFENCE_KEYS), N_OFFENCES))
    limits = {"calm": 5.0, "pursuit": 5.0, "hold_s": 60.0, "counts_for_s": 60.0,
              "cooldown_s": 600.0}
    for offence in Offence:
        where = f"offences.{offence.name.lower()}"
        if offence.name.lower() not in table:
            c.problem(where, "missing (every offence needs its row)")
            continue
        row = c.table(table, offence.name.lower(), "offences")
        c.keys(row, OFFENCE_KEYS, where)
        for k, key in enumerate(OFFENCE_KEYS):
            values[k, offence] = c.number(row, key, where, 0.0, limits[key])
    return values


def _levels(c: _Checker, data: dict) -> tuple[HeatLevel, ...]:
    items = data.get("levels", [])
    if not isinstance(items, list) or not items:
        c.problem("levels", "needs at least one [[levels]] table")
        return (HeatLevel("calm", 0.0),)
    levels = []
    for index, item in enumerate(items[:16]):
        where = f"levels[{index}]"
        if not isinstance(item, dict):
            c.problem(where, "must be a table")
            continue
        c.keys(item, {"name", "at", "pursuit", "units", "roadblocks", "helicopter"}, where)
        name = item.get("name", "")
        if not isinstance(name, str) or not name.strip():
            c.problem(f"{where}.name", "needs a name (the HUD shows it)")
            name = f"level {index}"
        at = c.number(item, "at", where, 0.0, HEAT_CEILING)
        units = c.number(item, "units", where, 0.0, 12.0, default=0.0)
        if units != int(units):
            c.problem(f"{where}.units", f"must be a whole number, not {units!r}")
        levels.append(HeatLevel(name, at, c.flag(item, "pursuit", where), int(units),
                                c.flag(item, "roadblocks", where),
                                c.flag(item, "helicopter", where)))
    if len(items) > 16:
        c.problem("levels", "at most 16 levels")
    if levels and levels[0].at != 0.0:
        c.problem("levels[0].at", "the first level starts at heat 0")
    for index in range(1, len(levels)):
        if levels[index].at <= levels[index - 1].at:
            c.problem(f"levels[{index}].at", "levels must rise: each starts above the last")
    return tuple(levels) or (HeatLevel("calm", 0.0),)


def _difficulties(c: _Checker, data: dict) -> dict[str, Difficulty]:
    table = c.table(data, "difficulty")
    c.keys(table, set(DIFFICULTIES), "difficulty")
    out = {}
    for name in DIFFICULTIES:
        where = f"difficulty.{name}"
        if name not in table:
            c.problem(where, "missing (easy, normal and hard are each needed)")
            out[name] = Difficulty(name, 1.0, 1.0, 10.0, False, 1)
            continue
        row = c.table(table, name, "difficulty")
        c.keys(row, {"sight", "units", "ram_after_s", "pit", "box_units"}, where)
        out[name] = Difficulty(name, c.number(row, "sight", where, 0.2, 3.0),
                               c.number(row, "units", where, 0.0, 4.0),
                               c.number(row, "ram_after_s", where, 0.0, 120.0),
                               c.flag(row, "pit", where),
                               int(c.number(row, "box_units", where, 1, 4, default=1)))
    return out


def read_escalation(path: str | Path = POLICE_FILE) -> tuple[Escalation | None, list[Problem]]:
    """The table in ``path`` and every problem in it (None when it cannot be used)."""
    file = str(path)
    c = _Checker(file)
    path = Path(path)
    try:
        if not path.is_file():
            return None, [Problem(file, "", "no police table here (a .toml file)")]
        if path.stat().st_size > MAX_FILE_BYTES:
            return None, [Problem(file, "", f"too big (over {MAX_FILE_BYTES // 1024} kB)")]
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        return None, [Problem(file, "", f"cannot be read ({error})")]
    except (tomllib.TOMLDecodeError, RecursionError) as error:
        return None, [Problem(file, "", f"TOML syntax error: {error}")]
    c.keys(data, {"max_heat", "sight", "offences", "sighting", "cooling", "busted",
                  "levels", "difficulty"}, "")
    sight = c.table(data, "sight")
    c.keys(sight, {"cone_range_m", "cone_half_angle_deg", "near_radius_m",
                   "shadow_lights_off", "lights_off", "crowd"}, "sight")
    offences = _offences(c, data)
    sighting, cooling, busted = (c.table(data, k) for k in ("sighting", "cooling", "busted"))
    c.keys(sighting, {"episode_gap_s", "recognised", "recognise_m", "plate_read_m"},
           "sighting")
    c.keys(cooling, {"after_s", "per_s", "lose_pursuit_after_s", "after_lost",
                     "lookout_lapse_s"}, "cooling")
    c.keys(busted, {"radius_m", "below_ms", "after_s", "not_before_s"}, "busted")
    table = Escalation(
        max_heat=c.number(data, "max_heat", "", 1.0, HEAT_CEILING),
        sight=SightParams(
            cone_range_m=c.number(sight, "cone_range_m", "sight", 5.0, 500.0),
            cone_half_angle=float(np.radians(
                c.number(sight, "cone_half_angle_deg", "sight", 5.0, 180.0))),
            near_radius_m=c.number(sight, "near_radius_m", "sight", 0.0, 100.0),
            shadow_lights_off_factor=c.number(sight, "shadow_lights_off", "sight", 0.0, 1.0),
            lights_off_factor=c.number(sight, "lights_off", "sight", 0.0, 1.0),
            crowd_factor=c.number(sight, "crowd", "sight", 0.0, 1.0),
        ),
        points_calm=offences[0], points_pursuit=offences[1], hold_s=offences[2],
        counts_for_s=offences[3], cooldown_s=offences[4],
        episode_gap_s=c.number(sighting, "episode_gap_s", "sighting", 0.1, 120.0),
        recognised=c.number(sighting, "recognised", "sighting", 0.0, 5.0),
        recognise_m=c.number(sighting, "recognise_m", "sighting", 0.0, 500.0),
        plate_read_m=c.number(sighting, "plate_read_m", "sighting", 0.0, 200.0),
        cool_after_s=c.number(cooling, "after_s", "cooling", 0.0, 3600.0),
        cool_per_s=c.number(cooling, "per_s", "cooling", 0.0, 10.0),
        lose_after_s=c.number(cooling, "lose_pursuit_after_s", "cooling", 1.0, 600.0),
        after_lost=c.number(cooling, "after_lost", "cooling", 0.0, HEAT_CEILING),
        lookout_lapse_s=c.number(cooling, "lookout_lapse_s", "cooling", 1.0, 3600.0),
        busted_radius_m=c.number(busted, "radius_m", "busted", 2.0, 50.0),
        busted_below_ms=c.number(busted, "below_ms", "busted", 0.1, 10.0),
        busted_after_s=c.number(busted, "after_s", "busted", 0.5, 60.0),
        busted_not_before_s=c.number(busted, "not_before_s", "busted", 0.0, 120.0),
        levels=_levels(c, data),
        difficulties=_difficulties(c, data),
    )  # fmt: skip
    if table.levels[-1].at > table.max_heat:
        c.problem("levels", f"the top level starts above max_heat ({table.max_heat:g})")
    if not any(level.pursuit for level in table.levels):
        c.problem("levels", "no level starts a pursuit (give one pursuit = true)")
    return (table if not c.problems else None), c.problems


def check_escalation(path: str | Path = POLICE_FILE) -> list[Problem]:
    """Every problem in a police table (empty: the game can use it)."""
    return read_escalation(path)[1]


@cache
def load_escalation(path: str | Path = POLICE_FILE) -> Escalation:
    """The police table at ``path`` (read once); FileProblem naming the first problem."""
    table, problems = read_escalation(path)
    if table is None:
        first = problems[0]
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise FileProblem(first.file, first.where, first.message + more)
    return table


def shipped_max_heat() -> float:
    """The heat the shipped police table goes up to (what a mission's heat values may
    reach); the ceiling any table may have when that file is broken (check names it)."""
    table, _ = read_escalation(POLICE_FILE)
    return table.max_heat if table is not None else HEAT_CEILING
