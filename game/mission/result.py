"""The job's result: one typed value, made from a finished run apart from its stage rules.

:func:`job_result` reads the runtime (outcome, the window rule, the crew, the clock) and
the session (the heat, what the police saw, the state hash) and returns a frozen
:class:`JobResult`. It is what the results screen shows, what ``mission --headless`` and
``replay --headless`` print (:meth:`JobResult.to_json`), and what a career keeps.
Payout: the agreed pay times the share of the crew that got back, halved when the
Driver broke the rule; nothing for a blown job. A job without a crew (a race, an
audition) pays the agreed pay when it is won.

What a career reads to build the Detective's file is here too: what the crew left behind
will say (in the colour the Driver's car has now), the witnesses a ``witness`` action
named, how well each of the job's ``[[witnesses]]`` saw his face, the street where the
police last saw the car, whether a unit read the plate, whether the Detective himself
saw it, whether the Driver was busted, and the car's damage.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING

from game.ai.detective import DetectiveController
from game.mission.clock import format_clock
from game.mission.events import BagOpened, Witnessed
from game.mission.testimony import Testimony
from game.mission.window import CrewState
from game.mission.witnesses import Identification
from game.session.radio import describe_car
from game.sim import VehicleClass

if TYPE_CHECKING:
    from game.mission.runtime import MissionRuntime
    from game.session.drive import DriveSession

RULE_BROKEN_PAY = 0.5  #: fraction of the pay a crew hands over when the Driver broke the rule
UNFINISHED = "unfinished"  #: the outcome of a run stopped before the job ended


@dataclass(frozen=True)
class JobResult:
    """How one job went (clock times are seconds since midnight)."""

    mission: str  #: the mission's id (its file stem)
    title: str
    seed: int
    outcome: str  #: "success" | "failed" | "crew_left_behind" | "unfinished"
    reason: str  #: why it ended, in a sentence (a success says its stage, crew and rule too)
    rule_kept: bool  #: the Driver kept the five-minute rule
    payout: int  #: dollars
    window_opened_at: float | None
    crew_back_at: float | None  #: when the last of the crew got back in
    crew_returned: tuple[str, ...]  #: who got back in the car after the job
    crew_left_behind: tuple[str, ...]
    testimony: tuple[Testimony, ...]  #: what those left behind will tell the Detective
    heat_max: float
    seen_by: tuple[str, ...]  #: the police actors (or "patrol") that saw the car
    plate_read: bool  #: a unit saw the car close enough to read its plate
    plate: str  #: the car's plate
    stage: str  #: the stage the job was in when it ended
    clock_end: float
    sim_s: float  #: sim seconds the run took
    state_hash: str  #: the session's state hash at the end (replays check it)
    witnesses: tuple[str, ...] = ()  #: who saw the Driver's face (``witness`` actions)
    last_seen_on: str = ""  #: the street where the police last saw the car ("" unseen)
    detective_saw: bool = False  #: the Detective had the car in sight in this job
    #: the law's sentence when the police stopped the Driver ("busted: stopped for 3 s on
    #: Alameda St with 2 units against you"), else ""
    busted: str = ""
    car_damage: float = 0.0  #: the Driver's car's damage at the end, 0 (new) to 1 (wrecked)
    place_reached_at: float | None = None  #: when the car first reached the contract's place
    stages_entered: tuple[str, ...] = ()  #: every stage the job began, in order (ids)
    #: a race's or an audition's lines for the results screen ("Place: 2nd of 6", ...)
    scorecard: tuple[str, ...] = ()
    place: int = 0  #: a race: the Driver's place, 1 = first (0: not a race)
    lap_times: tuple[float, ...] = ()  #: a race: his lap times, sim seconds
    score: int = 0  #: an audition: the points scored (scratches taken off)
    manoeuvres_passed: tuple[str, ...] = ()  #: an audition: the manoeuvres passed
    scratches: int = 0  #: an audition: touches of a wall, a pillar or a car
    under_window: bool = True  #: the job ran under the five-minute rule (False: no crew)
    bag_usd: int = 0  #: dollars in the bag the crew brought out (a ``bag`` action), else 0
    #: what the bag means (the double-cross: far more than agreed), kept by the career
    bag_note: str = ""
    #: ``reason`` is the job's own words (its ``complete`` or ``fail`` action), not the
    #: stage-and-crew fallback of :func:`done_reason`: the results screen says only the
    #: job's own words as the story, and tells a plain clean getaway in its own sentence
    own_reason: bool = False
    #: the job's witnesses who saw the Driver's face, and how well (0..1 each)
    identified: tuple[Identification, ...] = ()
    sting: bool = False  #: the job was the Detective's set-up (a ``[sting]`` mission)
    #: the Detective had him in the Sting (busted, or a ``caught`` action): the career ends
    caught_by_detective: bool = False
    #: the Sting won after the Detective lost him: his case is burned
    detective_outwitted: bool = False

    @property
    def won(self) -> bool:
        return self.outcome == "success"

    def to_json(self) -> dict:
        """Plain data for JSON: clock times as HH:MM:SS, testimony as objects."""
        data = asdict(self)
        data["window_opened"] = self.window_opened_at is not None
        for key in ("window_opened_at", "crew_back_at", "place_reached_at"):
            data[key] = format_clock(data[key]) if data[key] is not None else None
        data["crew_back"] = data.pop("crew_back_at")
        data["mission_clock_end"] = format_clock(data.pop("clock_end"))
        data["crew_returned"] = list(self.crew_returned)
        data["crew_left_behind"] = list(self.crew_left_behind)
        data["seen_by"] = list(self.seen_by)
        data["witnesses"] = list(self.witnesses)
        data["stages_entered"] = list(self.stages_entered)
        data["scorecard"] = list(self.scorecard)
        data["lap_times"] = list(self.lap_times)
        data["manoeuvres_passed"] = list(self.manoeuvres_passed)
        data["car_damage"] = round(self.car_damage, 3)
        data["testimony"] = [t.as_dict() for t in self.testimony]
        data["identified"] = list(data["identified"])  # objects: witness, who, strength
        data["heat_max"] = round(self.heat_max, 2)
        data["sim_s"] = round(self.sim_s, 2)
        return data


def payout(runtime: MissionRuntime) -> int:
    ended, crew = runtime.ended, runtime.rule.crew
    if ended is None or ended.outcome == "failed":
        return 0
    if not crew:  # a job with no crew (a takedown) pays its client's price
        return runtime.mission.payout
    share = sum(c.state is CrewState.BACK for c in crew) / len(crew)
    kept = 1.0 if runtime.rule.rule_kept else RULE_BROKEN_PAY
    return int(round(runtime.mission.payout * share * kept))


def testimonies(runtime: MissionRuntime) -> tuple[Testimony, ...]:
    """What each crew member left behind says: the car (as it looks now: a career's
    respray shows), the plate, the way it went."""
    session = runtime.session
    vehicle_class = VehicleClass(int(session.world.vehicle_class[session.player]))
    brought = session.law.standing.player_car
    car = describe_car(vehicle_class.name.lower(), brought.colour if brought else None)
    direction = runtime.departure or "still at the " + runtime.rule.place_label
    return tuple(Testimony(c.name, car, runtime.plate, direction) for c in runtime.left_behind())


def _seen_by(runtime: MissionRuntime, session: DriveSession) -> tuple[str, ...]:
    police = session.police
    seers = set(police.units[police.ever_saw].tolist())
    names = [name for name, index in runtime.cast.names.items() if index in seers]
    return tuple(sorted(names))


def _last_seen_on(session: DriveSession) -> str:
    where = session.police.last_seen_xy
    return session.level.street_at(*where) if where is not None else ""


def _detective_saw(session: DriveSession) -> bool:
    detective = session.fleets.get("detective")
    return isinstance(detective, DetectiveController) and detective.last_seen is not None


def job_result(runtime: MissionRuntime, session: DriveSession) -> JobResult:
    """The result of the run so far (``unfinished`` if it has not ended)."""
    ended = runtime.ended
    rule = runtime.rule
    player = session.player
    return JobResult(
        mission=runtime.mission.id,
        title=runtime.mission.title,
        seed=runtime.seed,
        outcome=ended.outcome if ended is not None else UNFINISHED,
        reason=(ended.reason or done_reason(runtime)) if ended is not None else "",
        rule_kept=rule.rule_kept,
        payout=payout(runtime),
        window_opened_at=runtime.window_opened_at,
        crew_back_at=rule.crew_back_at,
        crew_returned=tuple(c.name for c in rule.crew if c.state is CrewState.BACK),
        crew_left_behind=tuple(c.name for c in runtime.left_behind()),
        testimony=testimonies(runtime),
        heat_max=session.law.heat.heat_max,
        seen_by=_seen_by(runtime, session),
        plate_read=session.police.plate_read,
        plate=runtime.plate,
        stage=runtime.stage_id,
        clock_end=runtime.clock.now,
        sim_s=session.world.time,
        state_hash=session.state_hash(),
        witnesses=tuple(e.text for e in runtime.events if isinstance(e, Witnessed)),
        last_seen_on=_last_seen_on(session) or "",
        detective_saw=_detective_saw(session),
        busted=session.law.busted.reason if session.law.busted is not None else "",
        car_damage=float(session.world.damage[player]) if player >= 0 else 0.0,
        place_reached_at=runtime.place_reached_at,
        stages_entered=tuple(runtime.stages_entered),
        **_mechanic_fields(runtime),
        under_window=not runtime.windowless,
        identified=runtime.witnesses.identifications(),
        **_bag(runtime),
        own_reason=ended is not None and bool(ended.reason),
    )


def _mechanic_fields(runtime: MissionRuntime) -> dict:
    """A race's or an audition's fields of the result (none for a job of stages only)."""
    mechanic = runtime.mechanic
    if mechanic is None:
        return {}
    return {"scorecard": mechanic.scorecard(), **mechanic.result_fields()}


def _bag(runtime: MissionRuntime) -> dict:
    """What the last ``bag`` action said the bag held, as JobResult fields."""
    bags = [e for e in runtime.events if isinstance(e, BagOpened)]
    return {"bag_usd": bags[-1].value, "bag_note": bags[-1].text} if bags else {}


def done_reason(runtime: MissionRuntime) -> str:
    """Why a job that ended without a reason of its own ended: its stage, the crew, the
    rule ("done in stage 'getaway': 2 of 2 crew back, the rule kept")."""
    crew, rule = runtime.rule.crew, runtime.rule
    back = sum(c.state is CrewState.BACK for c in crew)
    said = [f"{back} of {len(crew)} crew back"] if crew else []
    said.append("the rule kept" if rule.rule_kept else "the rule broken")
    return f"done in stage '{runtime.stage_id}': {', '.join(said)}"
