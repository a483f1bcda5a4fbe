"""The mission format as typed, frozen data: what a ``levels/missions/*.toml`` file says.

A mission names a map, a client, a briefing, a clock, the contract (the place and the
agreed time), actors (crew members, vehicles with AI roles) and stages. A stage has an
objective, actions run when it begins (``enter``) and triggers (``on``), each with the
actions to run when it fires. Triggers and actions are kinds from the tables below,
with the parameters each kind takes; nothing in a mission file is ever executed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: trigger kind -> (required parameters, optional parameters)
TRIGGER_KINDS: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "enter_zone": (frozenset({"zone"}), frozenset()),
    "leave_zone": (frozenset({"zone"}), frozenset()),
    "stopped_in_zone": (frozenset({"zone", "seconds"}), frozenset({"without_pursuit"})),
    "clock": (frozenset({"at"}), frozenset()),
    "after": (frozenset({"seconds"}), frozenset()),
    "window_opened": (frozenset(), frozenset()),
    "window_elapsed": (frozenset({"seconds"}), frozenset()),
    "window_closed": (frozenset(), frozenset()),
    "crew_boarded": (frozenset(), frozenset({"all"})),
    "crew_back": (frozenset(), frozenset()),
    "rule_broken": (frozenset(), frozenset()),
    "pursuit_started": (frozenset(), frozenset()),
    "pursuit_lost": (frozenset(), frozenset()),
    "heat_above": (frozenset({"value"}), frozenset()),
    "vehicle_wrecked": (frozenset({"vehicle"}), frozenset()),
    "busted": (frozenset(), frozenset()),
    "race_finished": (frozenset(), frozenset()),
    "manoeuvres_done": (frozenset(), frozenset()),
    # the job's actors (game/mission/actors.py): chasers, targets
    "chaser_shaken": (frozenset({"vehicle"}), frozenset()),
    "pinned": (frozenset({"vehicle", "seconds"}), frozenset()),
    "vehicle_arrived": (frozenset({"vehicle", "zone"}), frozenset()),
    "target_made": (frozenset({"vehicle"}), frozenset()),
    "target_lost": (frozenset({"vehicle"}), frozenset()),
    "t_bone": (frozenset({"vehicle"}), frozenset()),
    # the Detective (a [sting] job): his search lapsed, he has lost the Driver
    "detective_lost": (frozenset(), frozenset()),
}

#: action kind -> (required parameters, optional parameters)
ACTION_KINDS: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "message": (frozenset({"text"}), frozenset({"seconds"})),
    "scanner": (frozenset({"text"}), frozenset()),
    "objective": (frozenset({"text"}), frozenset()),
    "spawn": (frozenset({"vehicle"}), frozenset()),
    "dispatch": (frozenset({"zone"}), frozenset({"units"})),
    "add_heat": (frozenset({"value"}), frozenset()),
    "board_crew": (frozenset(), frozenset()),
    "start_window": (frozenset(), frozenset()),
    "goto": (frozenset({"stage"}), frozenset()),
    "fail": (frozenset({"reason"}), frozenset()),
    "complete": (frozenset(), frozenset({"reason"})),
    "witness": (frozenset({"text"}), frozenset()),
    "start_race": (frozenset(), frozenset()),
    "judge": (frozenset(), frozenset({"reason"})),
    # orders to the job's actors, and what the crew brings out
    "drive_to": (frozenset({"vehicle", "zone"}), frozenset()),
    "chase": (frozenset({"vehicle"}), frozenset()),
    "crew_down": (frozenset({"crew"}), frozenset()),
    "bag": (frozenset({"value", "text"}), frozenset()),
    # a [sting] job: the job ends failed, and the Detective has the Driver (the career ends)
    "caught": (frozenset({"reason"}), frozenset()),
}

#: trigger and action kinds that need the mission's ``[race]`` or ``[audition]`` table
NEEDS_TABLE: dict[str, tuple[str, ...]] = {
    "race_finished": ("race",),
    "start_race": ("race",),
    "manoeuvres_done": ("audition",),
    "judge": ("race", "audition"),
    "detective_lost": ("sting",),
    "caught": ("sting",),
}

#: actions and triggers about one of the job's actors (never the Driver's own car), and
#: the roles that have them (None: any role); check says so
ACTOR_ROLES: dict[str, tuple[str, ...] | None] = {
    "drive_to": ("chaser", "target"),
    "chase": ("chaser",),
    "chaser_shaken": ("chaser",),
    "pinned": ("chaser",),
    "target_made": ("target",),
    "target_lost": ("target",),
    "vehicle_arrived": None,
    "t_bone": None,
}

PLAYER = "player"  #: the vehicle name missions use for the Driver's car


@dataclass(frozen=True)
class Action:
    kind: str
    where: str  #: key path in the file, for messages
    text: str = ""
    seconds: float = 4.0
    vehicle: str = ""
    zone: str = ""
    units: int = 1
    value: float = 0.0
    stage: str = ""
    reason: str = ""
    crew: str = ""  #: a crew member's name (``crew_down``)


@dataclass(frozen=True)
class Trigger:
    kind: str
    where: str
    actions: tuple[Action, ...]
    zone: str = ""
    seconds: float = 0.0  #: sim seconds (stopped_in_zone, after) or clock seconds (window_elapsed)
    at: float = 0.0  #: clock time, seconds since midnight
    value: float = 0.0
    vehicle: str = ""
    without_pursuit: bool = False
    all: bool = False


@dataclass(frozen=True)
class Stage:
    id: str
    where: str
    objective: str
    enter: tuple[Action, ...]
    on: tuple[Trigger, ...]


@dataclass(frozen=True)
class CrewMember:
    name: str
    spawn: str  #: where he waits for the pickup (a crew spawn)
    return_s: tuple[float, float]  #: clock seconds after the window opens: seeded range
    where: str = ""


@dataclass(frozen=True)
class VehicleActor:
    name: str
    role: str  #: a role of game.mission.roles (which fleet drives it)
    spawn: str
    vehicle_class: str = ""  #: "" = the spawn's own vehicle_class
    at_start: bool = True  #: False: appears only through a ``spawn`` action
    where: str = ""


@dataclass(frozen=True)
class WitnessActor:
    """A person on foot who may see the Driver's face (``[[witnesses]]``: the Player in
    the casino lot). She stands at her spawn looking the way it faces; how well she saw
    him (:mod:`game.mission.witnesses`) goes into the result and a career's file."""

    name: str  #: her id: a later job's ``[career] retracts`` names it
    spawn: str  #: a ``witness`` spawn: where she stands and the way she looks
    label: str  #: who she is, as the file says it ("the Player, a gambler in the casino lot")
    where: str = ""


@dataclass(frozen=True)
class Contract:
    """The time and the place: the rule every job runs under."""

    place: str  #: zone name
    time: float | None  #: clock seconds; None = the window opens by a start_window action
    attention_after_s: float = 240.0  #: clock seconds waiting at the place before it looks odd
    away_grace_s: float = 30.0  #: clock seconds away from the place while the window is open


RISKS = ("low", "medium", "high")  #: how a job's risk is named on the Handler's board


@dataclass(frozen=True)
class CareerTerms:
    """How the Handler offers the job in a career: the mission's ``[career]`` table.

    Every key has a default, so a mission without the table is on the board from the
    first night for anyone, at medium risk, driven in the Driver's own car."""

    on_board: bool = True  #: False: never offered in a career (played from Jobs only)
    first_night: int = 1  #: the first of the Handler's nights it is offered on
    last_night: int | None = None  #: the last (None: until it is taken or turned down)
    min_reputation: int | None = None  #: the reputation he needs for it (None: any will do)
    risk: str = "medium"  #: one of RISKS: shown on the board; more risk, more reputation
    place: str = ""  #: the place as the board names it ("": the contract's place zone)
    requires: tuple[str, ...] = ()  #: missions (file stems) that must be done first
    min_certainty: float = 0.0  #: offered only once the Detective is this sure (0 to 1)
    own_car: bool = True  #: the Driver brings his own car (False: the job provides one)
    reputation: int | None = None  #: reputation a success earns (None: its risk's worth)
    #: the last job: a success in it ends the career, the Driver driving into the night
    finale: bool = False
    #: witnesses (``[[witnesses]]`` names of other jobs) who take back what they told the
    #: Detective once this job is done (the Player, helped, says it was not him)
    retracts: tuple[str, ...] = ()


@dataclass(frozen=True)
class RaceTerms:
    """A race against the ``racer`` fleet: the mission's ``[race]`` table."""

    laps: int  #: laps to the flag
    pay_place: int  #: the place (1 = first) or better the client pays for
    line: str = "finish"  #: the zone the start/finish line runs through
    checkpoints: tuple[str, ...] = ()  #: zones a lap must pass through, any order
    where: str = "race"


#: the manoeuvres an audition may ask for, in the order the guide explains them
MANOEUVRES = ("burnout", "slalom", "handbrake_180", "reverse_180", "spin_360", "brake_test")


@dataclass(frozen=True)
class AuditionTerms:
    """A driving test: the mission's ``[audition]`` table."""

    manoeuvres: tuple[str, ...]  #: of MANOEUVRES, each scored once
    pass_score: int  #: points the audition needs (each manoeuvre is worth up to 100)
    scratch_points: int = 20  #: points each scratch (a touch of a wall, pillar or car) costs
    slalom: tuple[str, ...] = ()  #: the slalom's gates (zones), in order
    brake_line: str = ""  #: the zone of the brake test's line
    spin_zone: str = ""  #: where the 180s and the 360 are best done (the waypoint)
    where: str = "audition"


@dataclass(frozen=True)
class StingTerms:
    """The Detective's set-up: the mission's ``[sting]`` table (game.mission.sting).

    A job with it is the Sting, and the world shows it to an attentive player: unmarked
    cars parked round the place, a van at it with no one in it, a crew member who asks
    where the Driver will go after, no patrol (a sting casts no police), the scanner
    quiet. The Detective is in the job from the start, waiting by the place; when the
    window opens his units take up roadblocks on the ways from the place to every place
    he knows."""

    unmarked_cars: int = 3  #: his unmarked cars parked round the place
    van: bool = True  #: a van with no one in it, parked at the place
    asks: str = ""  #: the crew member who asks where the Driver will go ("": none asks)
    question: str = "So where do we go after? Which way?"  #: what he asks
    stake_out_m: float = 240.0  #: his roadblocks stand this far along each way from it
    where: str = "sting"


@dataclass(frozen=True)
class Traffic:
    cars: int = 0
    parked: int = 0


@dataclass(frozen=True)
class Mission:
    id: str  #: the file stem
    path: str
    title: str
    map: str
    client: str
    briefing: str
    payout: int
    clock_start: float
    time_scale: float
    contract: Contract
    crew: tuple[CrewMember, ...]
    vehicles: tuple[VehicleActor, ...]
    player_spawn: str
    player_class: str
    traffic: Traffic
    stages: tuple[Stage, ...] = field(default_factory=tuple)
    always: tuple[Trigger, ...] = field(default_factory=tuple)  #: checked in every stage
    #: ``[playtest] min_wins``: the autopilot must win this many of 8 seeds (None: no claim)
    playtest_min_wins: int | None = None
    career: CareerTerms = field(default_factory=CareerTerms)  #: how the Handler offers it
    race: RaceTerms | None = None  #: ``[race]``: the job is a race (game.mission.race)
    audition: AuditionTerms | None = None  #: ``[audition]``: a driving test
    witnesses: tuple[WitnessActor, ...] = ()  #: people who may see the Driver's face
    sting: StingTerms | None = None  #: ``[sting]``: the Detective's set-up

    def stage(self, stage_id: str) -> Stage:
        return next(s for s in self.stages if s.id == stage_id)

    def vehicle(self, name: str) -> VehicleActor:
        return next(v for v in self.vehicles if v.name == name)
