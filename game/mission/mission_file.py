"""Read a mission TOML file into a :class:`~game.mission.model.Mission`, checking every key.

:func:`parse_mission` collects every problem it finds (``check`` prints them all);
:func:`load_mission` raises the first as a :class:`~game.problems.FileProblem`. Each
problem names the file and the key path (``stages[2].on[0].zone``), and an unknown key
comes with the closest known one. Checks against the map (zones, spawns) live in
:mod:`game.mission.validate`, which is what the game and ``check`` both call.

What a file may hold, so that whatever passes here runs:

- **Bounded**: at most :data:`MAX_FILE_BYTES`, a regular file (never a pipe or a
  folder), UTF-8; nesting too deep for the TOML reader is one problem, not a crash;
  lists of crew, vehicles, stages, triggers and actions have a most each
  (:data:`MAX_ITEMS`); at most :data:`MAX_PROBLEMS` problems are listed, then counted.
- **Numbers**: every number is read through :meth:`_Reader.number` against a
  :class:`NumberRange` (finite, the right kind, in a range the game can work with):
  the payout, the clock's time scale, the contract's times, crew return times, traffic
  counts, and each trigger and action parameter (:data:`PARAMETER_RANGES`).
- **Stages**: ids unique and not empty, every ``goto`` lands on a stage, one ``goto``
  per list of actions, every stage is reached, and no loop of stages goes round without
  waiting for anything (a ``goto`` in ``enter``, or in a trigger whose condition may
  already hold when the stage begins, such as ``after`` 0 or a clock time already past):
  such a loop would recurse or change stage every tick forever.
- **The contract**: a window that can open (a ``time`` after the clock's start, or a
  ``start_window`` action somewhere).
- **Actors**: vehicle names unique, at most one detective, ``spawn`` actions only for
  vehicles that are not there from the start.
"""

from __future__ import annotations

import math
import re
import tomllib
from pathlib import Path
from typing import Any, NamedTuple

from game.mission.clock import WINDOW_S, format_clock, parse_clock
from game.mission.model import (
    ACTION_KINDS,
    ACTOR_ROLES,
    MANOEUVRES,
    NEEDS_TABLE,
    PLAYER,
    RISKS,
    TRIGGER_KINDS,
    Action,
    AuditionTerms,
    CareerTerms,
    Contract,
    CrewMember,
    Mission,
    RaceTerms,
    Stage,
    StingTerms,
    Traffic,
    Trigger,
    VehicleActor,
    WitnessActor,
)
from game.mission.roles import role_names
from game.problems import FileProblem, Problem, close_hint, shown
from game.session.escalation import shipped_max_heat
from game.sim import DT
from game.storage import UnusableFile, read_limited

MAX_FILE_BYTES = 256 * 1024  #: bytes; the shipped mission is about 6 kB
MAX_PROBLEMS = 100  #: problems listed per file; any more are counted in one last line
#: list key -> the most items it may hold
MAX_ITEMS = {
    "crew": 8,
    "witnesses": 8,
    "vehicles": 64,
    "stages": 100,  # a chain of `enter` gotos recurses once per stage
    "always": 64,
    "on": 64,
    "enter": 64,
    "actions": 64,
}


class NumberRange(NamedTuple):
    """What a number in a mission may be: its kind, its bounds and its unit (for messages)."""

    low: float
    high: float
    unit: str = ""
    integer: bool = False
    below_high: bool = False  #: the high bound itself is not allowed

    def holds(self, value: int | float) -> bool:
        """``value`` is finite and in range (an int is compared exactly, never converted)."""
        if isinstance(value, float) and not math.isfinite(value):
            return False
        if self.below_high:
            return self.low <= value < self.high
        return self.low <= value <= self.high

    def describe(self) -> str:
        kind = "a whole number" if self.integer else "a number"
        top = f"below {self.high:g}" if self.below_high else f"to {self.high:g}"
        unit = f" ({self.unit})" if self.unit else ""
        return f"{kind} from {self.low:g} {top}{unit}"


PAYOUT = NumberRange(0, 100_000_000, "dollars", integer=True)
TIME_SCALE = NumberRange(0.1, 60.0, "clock seconds per second")
ATTENTION_S = NumberRange(0.0, 3600.0, "clock seconds")
AWAY_GRACE_S = NumberRange(0.0, WINDOW_S, "clock seconds, at most the window")
RETURN_S = NumberRange(0.0, 3600.0, "clock seconds after the window opens")
VEHICLE_COUNT = NumberRange(0, 1000, "cars", integer=True)
NIGHT = NumberRange(1, 10_000, "the Handler's nights, counted from 1", integer=True)
REPUTATION = NumberRange(-1000, 1000, "reputation points", integer=True)
CERTAINTY = NumberRange(0.0, 1.0, "the Detective's certainty")
MAX_REQUIRES = 16  #: missions a job may require done before it is offered
#: (trigger or action kind, parameter) -> its range; every numeric parameter is here
MAX_HEAT = shipped_max_heat()  #: heat values in a mission stay within the police table's
PARAMETER_RANGES: dict[tuple[str, str], NumberRange] = {
    ("stopped_in_zone", "seconds"): NumberRange(0.0, 600.0, "sim seconds"),
    ("after", "seconds"): NumberRange(0.0, 3600.0, "sim seconds"),
    ("pinned", "seconds"): NumberRange(0.5, 60.0, "sim seconds"),
    ("window_elapsed", "seconds"): NumberRange(0.0, 3600.0, "clock seconds"),
    ("heat_above", "value"): NumberRange(0.0, MAX_HEAT, "heat", below_high=True),
    ("message", "seconds"): NumberRange(0.5, 60.0, "seconds on screen"),
    ("dispatch", "units"): NumberRange(1, 20, "police units", integer=True),
    ("add_heat", "value"): NumberRange(-MAX_HEAT, MAX_HEAT, "heat"),
    ("bag", "value"): NumberRange(0, 100_000_000, "dollars", integer=True),
}
_BOOL_PARAMETERS = {"without_pursuit", "all"}  #: every other non-numeric parameter is a string

#: trigger kinds that test a state, not an event of this tick: if the state already holds
#: when the stage begins, the trigger fires on its first tick
_STATE_TRIGGERS = frozenset({"clock", "window_elapsed", "crew_back", "vehicle_wrecked",
                             "heat_above", "busted", "chaser_shaken", "vehicle_arrived",
                             "target_made", "target_lost"})
#: ...and these do too when their seconds are no longer than one tick
_TIMED_TRIGGERS = frozenset({"after", "stopped_in_zone", "pinned"})

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
    "playtest",
    "crew",
    "vehicles",
    "stages",
    "always",
    "career",
    "race",
    "audition",
    "witnesses",
    "sting",
}
_CAREER_KEYS = {"on_board", "first_night", "last_night", "min_reputation", "risk", "place",
                "requires", "min_certainty", "own_car", "reputation", "finale", "retracts"}
_RACE_KEYS = {"laps", "pay_place", "line", "checkpoints"}
_AUDITION_KEYS = {"manoeuvres", "pass_score", "scratch_points", "slalom", "brake_line",
                  "spin_zone"}
_STING_KEYS = {"unmarked_cars", "van", "asks", "question", "stake_out_m"}
UNMARKED_CARS = NumberRange(0, 6, "unmarked cars", integer=True)
STAKE_OUT_M = NumberRange(50.0, 1000.0, "metres along each way")
LAPS = NumberRange(1, 50, "laps", integer=True)
PLACE = NumberRange(1, 64, "a finishing place, 1 = first", integer=True)
SCORE = NumberRange(0, 100 * len(MANOEUVRES), "points, up to 100 a manoeuvre", integer=True)
SCRATCH = NumberRange(0, 1000, "points a scratch costs", integer=True)
_CLOCK_KEYS = {"start", "time_scale"}
_CONTRACT_KEYS = {"place", "time", "attention_after_s", "away_grace_s"}
_PLAYER_KEYS = {"spawn", "class"}
_TRAFFIC_KEYS = {"cars", "parked"}
_PLAYTEST_KEYS = {"min_wins"}
MIN_WINS = NumberRange(0, 8, "wins of 8 seeds", integer=True)
_CREW_KEYS = {"name", "spawn", "return_s"}
_WITNESS_KEYS = {"name", "spawn", "label"}
_VEHICLE_KEYS = {"name", "role", "spawn", "class", "at_start"}
_STAGE_KEYS = {"id", "objective", "enter", "on"}
_KIND_WORD = {True: "action", False: "trigger"}
_BARE_KEY = re.compile(r"[A-Za-z0-9_-]{1,64}")  #: keys shown as they are; others quoted
_TYPE_CHECKS = {
    "str": lambda value: isinstance(value, str),
    "bool": lambda value: isinstance(value, bool),
    "table": lambda value: isinstance(value, dict),
    "list": lambda value: isinstance(value, list),
}

class _Reader:
    """Typed access to a TOML table that records problems instead of raising."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: list[Problem] = []
        self.unlisted = 0  #: problems past MAX_PROBLEMS, only counted

    @property
    def full(self) -> bool:
        """As many problems as are listed: any more are only counted."""
        return len(self.problems) >= MAX_PROBLEMS

    def problem(self, where: str, message: str) -> None:
        if self.full:
            self.unlisted += 1
        else:
            self.problems.append(Problem(self.file, where, message))

    def all_problems(self) -> list[Problem]:
        if not self.unlisted:
            return self.problems
        more = Problem(self.file, "", f"and {self.unlisted} more problems not listed")
        return [*self.problems, more]

    def keys(self, table: dict, allowed: set[str] | frozenset[str], where: str) -> None:
        for key in table:
            if key in allowed:
                continue
            hint = "" if self.full else close_hint(key, allowed)
            self.problem(_path(where, key), f"unknown key{hint}")

    def get(self, table: dict, key: str, kind: str, where: str, default: Any = None) -> Any:
        """Value of ``key`` checked against ``kind`` (str, bool, table, list); numbers go
        through :meth:`number`."""
        path = _path(where, key)
        if key not in table:
            if default is None:
                self.problem(path, f"missing (a {kind} is required)")
            return default
        value = table[key]
        if not _TYPE_CHECKS[kind](value):
            self.problem(path, f"must be a {kind}, not {type(value).__name__} {shown(value)}")
            return default
        return value

    def number(
        self, table: dict, key: str, where: str, allowed: NumberRange, default: Any = None
    ) -> Any:
        """The number at ``key``: finite, of the right kind and in ``allowed``, else a
        problem and ``default``. Every number in a mission is read here."""
        path = _path(where, key)
        if key not in table:
            if default is None:
                self.problem(path, f"missing ({allowed.describe()} is required)")
            return default
        return self.checked_number(table[key], path, allowed, default)

    def checked_number(self, value: object, path: str, allowed: NumberRange, default: Any) -> Any:
        """:meth:`number` for a value already in hand (an item of a list)."""
        kinds = int if allowed.integer else int | float
        if isinstance(value, bool) or not isinstance(value, kinds) or not allowed.holds(value):
            self.problem(path, f"must be {allowed.describe()}, not {shown(value)}")
            return default
        return int(value) if allowed.integer else float(value)

    def clock(self, table: dict, key: str, where: str, required: bool = True) -> float | None:
        text = self.get(table, key, "str", where, None if required else "")
        if not text:
            return None
        try:
            return parse_clock(text)
        except ValueError:
            self.problem(_path(where, key), f"{shown(text)} is not a clock time "
                         "(write HH:MM or HH:MM:SS, hours 0-23, minutes and seconds 0-59)")
            return None

    def tables(self, table: dict, key: str, where: str) -> list[tuple[str, dict]]:
        """An array of tables as (key path, table) pairs; anything else is a problem."""
        items = self.get(table, key, "list", where, [])
        most = MAX_ITEMS[key]
        if len(items) > most:
            self.problem(_path(where, key), f"has {len(items)} items; at most {most} are allowed")
            items = items[:most]
        out = []
        for index, item in enumerate(items):
            path = f"{_path(where, key)}[{index}]"
            if isinstance(item, dict):
                out.append((path, item))
            else:
                self.problem(path, f"must be a table, not {shown(item)}")
        return out


def _path(where: str, key: str) -> str:
    """``where.key``; a key that is not a bare TOML key is quoted (one short line)."""
    if not _BARE_KEY.fullmatch(key):
        key = shown(key)
    return f"{where}.{key}" if where else key


def _read_toml(file: str) -> tuple[dict | None, str]:
    """The file's TOML as a dict, or None and why it cannot be read."""
    try:
        data = read_limited(file, MAX_FILE_BYTES)
    except UnusableFile as error:
        return None, f"cannot be read as a mission: it {error}"
    except OSError as error:
        return None, f"cannot read the file: {error.strerror or error}"
    try:
        text = data.decode("utf-8-sig")  # a byte-order mark (Windows editors) is no problem
    except UnicodeDecodeError:
        return None, "not a text file (expected UTF-8 TOML)"
    try:
        return tomllib.loads(text), ""
    except RecursionError:
        return None, "nested too deeply to read (arrays or tables inside each other)"
    except ValueError as error:  # TOMLDecodeError, and numbers Python will not convert
        return None, f"TOML syntax error: {error}"


def parse_mission(path: str | Path) -> tuple[Mission | None, list[Problem]]:
    """Read and check a mission file; the Mission is None when it cannot be used."""
    file = str(path)
    data, reason = _read_toml(file)
    if data is None:
        return None, [Problem(file, "", reason)]
    reader = _Reader(file)
    reader.keys(data, _TOP_KEYS, "")
    mission = _read_mission(reader, data, Path(path))
    _check_stage_graph(reader, mission)
    _check_contract(reader, mission)
    _check_actors(reader, mission)
    _check_job_tables(reader, mission)
    problems = reader.all_problems()
    return (mission if not problems else None), problems


def load_mission(path: str | Path) -> Mission:
    """The mission in ``path``; raises FileProblem naming the first bad key.

    This checks the file alone; :func:`game.mission.validate.load_mission_and_map` is
    what the game loads a job with (it checks the map too).
    """
    mission, problems = parse_mission(path)
    if problems:
        first = problems[0]
        raise FileProblem(first.file, first.where, first.message)
    assert mission is not None
    return mission


def _read_mission(r: _Reader, data: dict, path: Path) -> Mission:
    clock = r.get(data, "clock", "table", "", {})
    r.keys(clock, _CLOCK_KEYS, "clock")
    player = r.get(data, "player", "table", "", {})
    r.keys(player, _PLAYER_KEYS, "player")
    traffic = r.get(data, "traffic", "table", "", {})
    r.keys(traffic, _TRAFFIC_KEYS, "traffic")
    playtest = r.get(data, "playtest", "table", "", {})
    r.keys(playtest, _PLAYTEST_KEYS, "playtest")
    return Mission(
        id=path.stem,
        path=str(path),
        title=r.get(data, "title", "str", ""),
        map=r.get(data, "map", "str", ""),
        client=r.get(data, "client", "str", ""),
        briefing=r.get(data, "briefing", "str", ""),
        payout=r.number(data, "payout", "", PAYOUT, 0),
        clock_start=r.clock(clock, "start", "clock") or 0.0,
        time_scale=r.number(clock, "time_scale", "clock", TIME_SCALE, 1.0),
        contract=_read_contract(r, r.get(data, "contract", "table", "", {})),
        crew=tuple(_read_crew(r, w, t) for w, t in r.tables(data, "crew", "")),
        vehicles=tuple(_read_vehicle(r, w, t) for w, t in r.tables(data, "vehicles", "")),
        player_spawn=r.get(player, "spawn", "str", "player", "player_start"),
        player_class=r.get(player, "class", "str", "player", "driver"),
        traffic=Traffic(
            cars=r.number(traffic, "cars", "traffic", VEHICLE_COUNT, 0),
            parked=r.number(traffic, "parked", "traffic", VEHICLE_COUNT, 0),
        ),
        stages=_read_stages(r, data),
        always=tuple(_read_trigger(r, w, t) for w, t in r.tables(data, "always", "")),
        playtest_min_wins=(int(r.number(playtest, "min_wins", "playtest", MIN_WINS, 0))
                           if "min_wins" in playtest else None),
        career=_read_career(r, r.get(data, "career", "table", "", {})),
        race=_optional_table(r, data, "race", _read_race),
        audition=_optional_table(r, data, "audition", _read_audition),
        witnesses=tuple(_read_witness(r, w, t) for w, t in r.tables(data, "witnesses", "")),
        sting=_optional_table(r, data, "sting", _read_sting),
    )


def _optional_table(r: _Reader, data: dict, key: str, read: Any) -> Any:
    """``read(r, table)`` for a table the file has; None (and a problem if ``key`` is
    there but not a table) otherwise."""
    table = r.get(data, key, "table", "", {}) if key in data else None
    return read(r, table) if isinstance(table, dict) and key in data else None


def _zone_names(r: _Reader, table: dict, key: str, where: str) -> tuple[str, ...]:
    """A list of zone names (strings); anything else is a problem."""
    names = r.get(table, key, "list", where, [])
    for index, name in enumerate(names):
        if not isinstance(name, str) or not name:
            r.problem(f"{where}.{key}[{index}]", f"must be a zone's name, not {shown(name)}")
    return tuple(n for n in names if isinstance(n, str) and n)[:MAX_ITEMS["on"]]


def _read_race(r: _Reader, table: dict) -> RaceTerms:
    """The ``[race]`` table: laps, the place that pays, the line and the checkpoints."""
    r.keys(table, _RACE_KEYS, "race")
    return RaceTerms(
        laps=r.number(table, "laps", "race", LAPS, 1),
        pay_place=r.number(table, "pay_place", "race", PLACE, 1),
        line=r.get(table, "line", "str", "race", "finish"),
        checkpoints=_zone_names(r, table, "checkpoints", "race"),
    )


def _read_sting(r: _Reader, table: dict) -> StingTerms:
    """The ``[sting]`` table: the signs of the set-up and where his units wait."""
    r.keys(table, _STING_KEYS, "sting")
    return StingTerms(
        unmarked_cars=int(r.number(table, "unmarked_cars", "sting", UNMARKED_CARS, 3)),
        van=r.get(table, "van", "bool", "sting", True),
        asks=r.get(table, "asks", "str", "sting", ""),
        question=r.get(table, "question", "str", "sting", StingTerms.question),
        stake_out_m=r.number(table, "stake_out_m", "sting", STAKE_OUT_M, 240.0),
    )


def _read_audition(r: _Reader, table: dict) -> AuditionTerms:
    """The ``[audition]`` table: the manoeuvres asked for, the pass mark, the course."""
    r.keys(table, _AUDITION_KEYS, "audition")
    asked = r.get(table, "manoeuvres", "list", "audition", [])
    for index, name in enumerate(asked):
        if name not in MANOEUVRES:
            r.problem(f"audition.manoeuvres[{index}]", f"unknown manoeuvre {shown(name)} "
                      f"(one of {', '.join(MANOEUVRES)})"
                      + (close_hint(name, MANOEUVRES) if isinstance(name, str) else ""))
    manoeuvres = tuple(dict.fromkeys(n for n in asked if n in MANOEUVRES))
    if not manoeuvres and "manoeuvres" in table:
        r.problem("audition.manoeuvres", "an audition needs at least one manoeuvre")
    pass_score = r.number(table, "pass_score", "audition", SCORE, 0)
    if pass_score > 100 * len(manoeuvres) and manoeuvres:
        r.problem("audition.pass_score", f"{pass_score} is more than the "
                  f"{len(manoeuvres)} manoeuvres can score ({100 * len(manoeuvres)})")
    slalom = _zone_names(r, table, "slalom", "audition")
    brake_line = r.get(table, "brake_line", "str", "audition", "")
    if "slalom" in manoeuvres and len(slalom) < 2:
        r.problem("audition.slalom", "the slalom manoeuvre needs at least two gates (zones)")
    if "brake_test" in manoeuvres and not brake_line:
        r.problem("audition.brake_line", "missing (the brake_test manoeuvre needs its line)")
    return AuditionTerms(
        manoeuvres=manoeuvres,
        pass_score=pass_score,
        scratch_points=r.number(table, "scratch_points", "audition", SCRATCH, 20),
        slalom=slalom,
        brake_line=brake_line,
        spin_zone=r.get(table, "spin_zone", "str", "audition", ""),
    )


def _names(r: _Reader, table: dict, key: str, valid, what: str) -> tuple[str, ...]:
    """``[career] key``: a list of at most MAX_REQUIRES names, each a string ``valid``
    accepts; every other item is a problem that says it must be ``what``. Returns the
    good names."""
    names = r.get(table, key, "list", "career", [])
    if len(names) > MAX_REQUIRES:
        r.problem(f"career.{key}", f"has {len(names)} items; at most {MAX_REQUIRES} "
                  "are allowed")
        names = names[:MAX_REQUIRES]
    for index, name in enumerate(names):
        if not isinstance(name, str) or not valid(name):
            r.problem(f"career.{key}[{index}]", f"must be {what}, not {shown(name)}")
    return tuple(n for n in names if isinstance(n, str) and valid(n))


def _read_career(r: _Reader, table: dict) -> CareerTerms:
    """The ``[career]`` table: how the Handler offers the job (every key optional)."""
    r.keys(table, _CAREER_KEYS, "career")
    defaults = CareerTerms()
    first = r.number(table, "first_night", "career", NIGHT, defaults.first_night)
    last = r.number(table, "last_night", "career", NIGHT, 1) if "last_night" in table else None
    if last is not None and last < first:
        r.problem("career.last_night", f"{last} is before first_night ({first}): the job "
                  "would never be offered")
    risk = r.get(table, "risk", "str", "career", defaults.risk)
    if risk not in RISKS:
        r.problem("career.risk", f"unknown risk {shown(risk)} (one of {', '.join(RISKS)})")
    requires = _names(r, table, "requires", bool,
                      "a mission's name (its file name without .toml)")
    retracts = _names(r, table, "retracts", lambda n: bool(_BARE_KEY.fullmatch(n)),
                      "a witness's name (a [[witnesses]] name of another job)")
    return CareerTerms(
        on_board=r.get(table, "on_board", "bool", "career", defaults.on_board),
        first_night=first,
        last_night=last,
        min_reputation=(r.number(table, "min_reputation", "career", REPUTATION, 0)
                        if "min_reputation" in table else None),
        risk=risk if risk in RISKS else defaults.risk,
        place=r.get(table, "place", "str", "career", ""),
        requires=requires,
        min_certainty=r.number(table, "min_certainty", "career", CERTAINTY, 0.0),
        own_car=r.get(table, "own_car", "bool", "career", defaults.own_car),
        reputation=(r.number(table, "reputation", "career", REPUTATION, 0)
                    if "reputation" in table else None),
        finale=r.get(table, "finale", "bool", "career", defaults.finale),
        retracts=retracts,
    )


def _read_contract(r: _Reader, table: dict) -> Contract:
    r.keys(table, _CONTRACT_KEYS, "contract")
    return Contract(
        place=r.get(table, "place", "str", "contract", ""),
        time=r.clock(table, "time", "contract", required=False),
        attention_after_s=r.number(table, "attention_after_s", "contract", ATTENTION_S, 240.0),
        away_grace_s=r.number(table, "away_grace_s", "contract", AWAY_GRACE_S, 30.0),
    )


def _read_crew(r: _Reader, where: str, table: dict) -> CrewMember:
    r.keys(table, _CREW_KEYS, where)
    path = f"{where}.return_s"
    span = r.get(table, "return_s", "list", where, [0.0, 0.0])
    if len(span) != 2:
        r.problem(path, f"must be [earliest, latest] ({RETURN_S.unit}), not {shown(span)}")
        span = [0.0, 0.0]
    earliest, latest = (r.checked_number(v, path, RETURN_S, None) for v in span)
    if earliest is None or latest is None:
        earliest = latest = 0.0
    elif earliest > latest:
        r.problem(path, f"must be [earliest, latest]: {earliest:g} is after {latest:g}")
    return CrewMember(
        name=r.get(table, "name", "str", where, ""),
        spawn=r.get(table, "spawn", "str", where, ""),
        return_s=(earliest, latest),
        where=where,
    )


def _read_witness(r: _Reader, where: str, table: dict) -> WitnessActor:
    r.keys(table, _WITNESS_KEYS, where)
    name = r.get(table, "name", "str", where, "")
    if name and not _BARE_KEY.fullmatch(name):
        r.problem(f"{where}.name", f"{shown(name)} is not a name a later job can retract "
                  "(letters, digits, _ and -, at most 64)")
    return WitnessActor(
        name=name,
        spawn=r.get(table, "spawn", "str", where, ""),
        label=r.get(table, "label", "str", where, ""),
        where=where,
    )


def _read_vehicle(r: _Reader, where: str, table: dict) -> VehicleActor:
    r.keys(table, _VEHICLE_KEYS, where)
    role = r.get(table, "role", "str", where, "")
    if role and role not in role_names():
        r.problem(f"{where}.role",
                  f"unknown role {shown(role)} (one of {', '.join(role_names())})")
    return VehicleActor(
        name=r.get(table, "name", "str", where, ""),
        role=role,
        spawn=r.get(table, "spawn", "str", where, ""),
        vehicle_class=r.get(table, "class", "str", where, ""),
        at_start=r.get(table, "at_start", "bool", where, True),
        where=where,
    )


def _read_stages(r: _Reader, data: dict) -> tuple[Stage, ...]:
    """The stages, each named in messages by its id (``stages['wait'].on[1].zone``) when
    that id is a plain word used once, else by its place (``stages[3]``)."""
    tables = r.tables(data, "stages", "")
    ids = [table.get("id") for _, table in tables]
    return tuple(
        _read_stage(r, _stage_where(where, table.get("id"), ids), table)
        for where, table in tables
    )


def _stage_where(index_path: str, stage_id: object, ids: list[object]) -> str:
    if isinstance(stage_id, str) and _BARE_KEY.fullmatch(stage_id) and ids.count(stage_id) == 1:
        return f"stages['{stage_id}']"
    return index_path


def _read_stage(r: _Reader, where: str, table: dict) -> Stage:
    r.keys(table, _STAGE_KEYS, where)
    stage_id = r.get(table, "id", "str", where)
    if stage_id == "":
        r.problem(f"{where}.id", "must not be empty (gotos name the stage by it)")
    return Stage(
        id=stage_id or "",
        where=where,
        objective=r.get(table, "objective", "str", where, ""),
        enter=tuple(_read_action(r, w, t) for w, t in r.tables(table, "enter", where)),
        on=tuple(_read_trigger(r, w, t) for w, t in r.tables(table, "on", where)),
    )


def _kind(r: _Reader, table: dict, key: str, where: str, kinds: dict) -> str | None:
    kind = r.get(table, key, "str", where, "")
    if kind and kind not in kinds:
        r.problem(_path(where, key), f"unknown {key} kind {shown(kind)}{close_hint(kind, kinds)}")
    return kind if kind in kinds else None


def _params(r: _Reader, table: dict, kind: str, where: str, kinds: dict, own: set[str]) -> dict:
    """The kind's parameters, typed and in range; unknown and missing ones are problems."""
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
            value = r.clock(table, key, where)
        elif (kind, key) in PARAMETER_RANGES:
            value = r.number(table, key, where, PARAMETER_RANGES[kind, key])
        else:
            value = r.get(table, key, "bool" if key in _BOOL_PARAMETERS else "str", where)
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
    """Stage ids unique, every goto lands on a stage, every later stage is reached, and no
    loop of instant transitions."""
    ids = [stage.id for stage in mission.stages]
    if not mission.stages:
        r.problem("stages", "a mission needs at least one stage")
        return
    seen: set[str] = set()
    for stage in mission.stages:
        if stage.id in seen:
            r.problem(f"{stage.where}.id", f"stage id {shown(stage.id)} is used twice")
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
                hint = close_hint(action.stage, ids)
                r.problem(f"{action.where}.stage", f"no stage {shown(action.stage)}{hint}")
            else:
                targets[source].add(action.stage)
    _check_one_goto_per_list(r, mission)
    reached = {ids[0]}
    frontier = [ids[0]]
    while frontier:
        for target in targets.get(frontier.pop(), ()):
            if target not in reached:
                reached.add(target)
                frontier.append(target)
    for stage in mission.stages:
        if stage.id not in reached:
            r.problem(stage.where, f"stage {shown(stage.id)} is unreachable: no goto leads to it")
    _check_instant_loops(r, mission)


def _check_one_goto_per_list(r: _Reader, mission: Mission) -> None:
    """One goto per list of actions: the first already moved on (and ``enter`` lists with
    several would branch, so entering a stage could run exponentially many stages)."""
    lists = [stage.enter for stage in mission.stages]
    lists += [t.actions for t in (*(t for s in mission.stages for t in s.on), *mission.always)]
    for actions in lists:
        gotos = [action for action in actions if action.kind == "goto"]
        for extra in gotos[1:]:
            r.problem(f"{extra.where}.stage", f"a second goto in the list (after "
                      f"{gotos[0].where}), which has already moved on: one goto per list")


class _InstantGoto(NamedTuple):
    """A goto that runs as soon as its stage begins (or may: its condition already holds)."""

    target: str
    where: str  #: the goto action's key path
    why: str  #: "enter", "after 0 s", "clock 02:00" ...


def _instant_gotos(stage: Stage, stage_ids: set[str]) -> list[_InstantGoto]:
    gotos = [_InstantGoto(a.stage, a.where, "enter") for a in stage.enter if a.kind == "goto"]
    for trigger in stage.on:
        timed = trigger.kind in _TIMED_TRIGGERS and trigger.seconds <= DT
        if trigger.kind not in _STATE_TRIGGERS and not timed:
            continue
        why = trigger.kind
        if timed:
            why += f" {trigger.seconds:g} s"
        elif trigger.kind == "clock":
            why += f" {format_clock(trigger.at)}"
        gotos += [_InstantGoto(a.stage, a.where, why) for a in trigger.actions
                  if a.kind == "goto"]
    return [goto for goto in gotos if goto.target in stage_ids]


def _check_instant_loops(r: _Reader, mission: Mission) -> None:
    """A loop of stages where every goto runs at once on entering: the game would recurse
    (``enter`` gotos) or change stage every tick forever. One problem per loop."""
    ids = {stage.id for stage in mission.stages}
    edges = {stage.id: _instant_gotos(stage, ids) for stage in mission.stages}
    reported: set[frozenset[str]] = set()
    for stage in mission.stages:
        loop = _loop_back_to(stage.id, edges)
        if loop is None or frozenset(g.target for g in loop) in reported:
            continue
        reported.add(frozenset(g.target for g in loop))
        names = " -> ".join(shown(name) for name in [stage.id, *(g.target for g in loop)])
        whys = ", ".join(sorted({g.why for g in loop}))
        r.problem(loop[0].where, f"stages {names} go round without waiting for anything "
                  f"(each goto runs as soon as its stage begins: {whys}); the job would "
                  "never move on")


def _loop_back_to(start: str, edges: dict[str, list[_InstantGoto]]) -> list[_InstantGoto] | None:
    """The instant gotos of a loop from ``start`` back to it, or None (depth-first)."""
    trail: list[_InstantGoto] = []
    pending = [iter(edges[start])]
    visited = {start}
    while pending:
        goto = next(pending[-1], None)
        if goto is None:
            pending.pop()
            if trail:
                trail.pop()
            continue
        if goto.target == start:
            return [*trail, goto]
        if goto.target not in visited:
            visited.add(goto.target)
            trail.append(goto)
            pending.append(iter(edges[goto.target]))
    return None


def _check_contract(r: _Reader, mission: Mission) -> None:
    """The window can open: an agreed time after the clock's start, or a start_window; no
    ``clock`` trigger set before the clock starts."""
    if any(p.where in ("contract.time", "clock.start") for p in r.problems):
        return  # already said what is wrong with them
    agreed = mission.contract.time
    if agreed is None and not mission.crew:
        return  # no crew, no window: a job like a takedown runs on its stages alone
    if agreed is None:
        if not any(a.kind == "start_window" for a in all_actions(mission)):
            r.problem("contract.time", "missing, and no start_window action opens the window "
                      "instead: the window would never open and the job never end")
    elif agreed <= mission.clock_start:
        r.problem("contract.time", f"{format_clock(agreed)} is not after the clock's start "
                  f"({format_clock(mission.clock_start)}): the Driver would be late at once")
    for trigger in (*(t for stage in mission.stages for t in stage.on), *mission.always):
        if trigger.kind == "clock" and trigger.at is not None and trigger.at < mission.clock_start:
            r.problem(f"{trigger.where}.at", f"{format_clock(trigger.at)} is before the clock "
                      f"starts ({format_clock(mission.clock_start)}): it would fire as soon as "
                      "its stage begins")


def _check_actors(r: _Reader, mission: Mission) -> None:
    """Vehicle names unique, one detective at most, spawn actions for late arrivals only."""
    by_name: dict[str, VehicleActor] = {}
    detectives = 0
    for actor in mission.vehicles:
        if actor.name in by_name:
            r.problem(f"{actor.where}.name", f"vehicle name {shown(actor.name)} is used twice")
        by_name.setdefault(actor.name, actor)
        detectives += actor.role == "detective"
        if actor.role == "detective" and detectives > 1:
            r.problem(f"{actor.where}.role", "a job has one detective at most")
    for action in all_actions(mission):
        actor = by_name.get(action.vehicle) if action.kind == "spawn" else None
        if actor is not None and actor.at_start:
            r.problem(f"{action.where}.vehicle", f"vehicle {shown(actor.name)} is there from "
                      f"the start (set at_start = false in {actor.where} to bring it in here)")
    _check_actor_roles(r, mission, by_name)
    witnesses: set[str] = set()
    for witness in mission.witnesses:
        if witness.name in witnesses:
            r.problem(f"{witness.where}.name", f"witness name {shown(witness.name)} is used twice")
        witnesses.add(witness.name)


def _check_actor_roles(r: _Reader, mission: Mission, by_name: dict[str, VehicleActor]) -> None:
    """Orders and triggers about an actor name one of the roles that has them (a ``chase``
    for a chaser, ``target_made`` for a target), and ``crew_down`` a member of the crew."""
    triggers = [*(t for s in mission.stages for t in s.on), *mission.always]
    crew = [member.name for member in mission.crew]
    for item in [*all_actions(mission), *triggers]:
        roles = ACTOR_ROLES.get(item.kind)
        actor = by_name.get(item.vehicle)
        if item.kind in ACTOR_ROLES and item.vehicle == PLAYER:
            r.problem(f"{item.where}.vehicle", f"{item.kind} is about one of the job's "
                      "vehicles, not the Driver's own car")
        elif roles is not None and actor is not None and actor.role not in roles:
            r.problem(f"{item.where}.vehicle", f"{item.kind} needs a vehicle with the role "
                      f"{' or '.join(map(shown, roles))}; {shown(actor.name)} is a "
                      f"{shown(actor.role)}")
        if item.kind == "crew_down" and item.crew not in crew:
            r.problem(f"{item.where}.crew", f"no crew member {shown(item.crew)}"
                      f"{close_hint(item.crew, crew)}")


def _check_job_tables(r: _Reader, mission: Mission) -> None:
    """A race or an audition, not both; their triggers and actions only with their table."""
    if mission.race is not None and mission.audition is not None:
        r.problem("audition", "a job is a race or an audition, not both (it has [race] too)")
    has = {"race": mission.race is not None, "audition": mission.audition is not None,
           "sting": mission.sting is not None}
    sting = mission.sting
    if sting is not None and (mission.race is not None or mission.audition is not None):
        r.problem("sting", "a sting is a job with a crew and a window, not a race or an "
                  "audition")
    if sting is not None:
        crew = [m.name for m in mission.crew]
        if sting.asks and sting.asks not in crew:
            r.problem("sting.asks", f"no crew member {shown(sting.asks)}"
                      f"{close_hint(sting.asks, crew)}")
        for actor in mission.vehicles:
            if actor.role == "police" and actor.at_start:
                r.problem(f"{actor.where}.role", "a sting has no patrol at the start (the "
                          "Detective has the streets cleared: that is one of its signs); "
                          "give it at_start = false and a spawn action, or no police")
    triggers = [*(t for s in mission.stages for t in s.on), *mission.always]
    for item in [*triggers, *all_actions(mission)]:
        tables = NEEDS_TABLE.get(item.kind)
        if tables is not None and not any(has[name] for name in tables):
            needed = " or ".join(f"[{name}]" for name in tables)
            r.problem(item.where, f"{item.kind} needs the mission's {needed} table, which "
                      "it does not have")


def _stage_actions(stage: Stage) -> list[Action]:
    return [*stage.enter, *(a for trigger in stage.on for a in trigger.actions)]


def all_actions(mission: Mission) -> list[Action]:
    """Every action in the mission, in file order."""
    always = [a for trigger in mission.always for a in trigger.actions]
    return [*(a for stage in mission.stages for a in _stage_actions(stage)), *always]
