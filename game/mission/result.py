"""The job's result: one typed value, made from a finished run apart from its stage rules.

:func:`job_result` reads the runtime (outcome, the window rule, the crew, the clock) and
the session (the heat, what the police saw, the state hash) and returns a frozen
:class:`JobResult`. It is what the results screen shows, what ``mission --headless`` and
``replay --headless`` print (:meth:`JobResult.to_json`), and what a career keeps.
Payout: the agreed pay times the share of the crew that got back, halved when the
Driver broke the rule; nothing for a blown job.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING

from game.mission.clock import format_clock
from game.mission.testimony import CAR_DESCRIPTIONS, Testimony
from game.mission.window import CrewState

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
    reason: str  #: why it ended, in a sentence
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
    #: the law's sentence when the police stopped the Driver ("busted: stopped for 3 s on
    #: Alameda St with 2 units against you"), else ""
    busted: str = ""

    @property
    def won(self) -> bool:
        return self.outcome == "success"

    def to_json(self) -> dict:
        """Plain data for JSON: clock times as HH:MM:SS, testimony as objects."""
        data = asdict(self)
        data["window_opened"] = self.window_opened_at is not None
        for key in ("window_opened_at", "crew_back_at"):
            data[key] = format_clock(data[key]) if data[key] is not None else None
        data["crew_back"] = data.pop("crew_back_at")
        data["mission_clock_end"] = format_clock(data.pop("clock_end"))
        data["crew_returned"] = list(self.crew_returned)
        data["crew_left_behind"] = list(self.crew_left_behind)
        data["seen_by"] = list(self.seen_by)
        data["testimony"] = [t.as_dict() for t in self.testimony]
        data["heat_max"] = round(self.heat_max, 2)
        data["sim_s"] = round(self.sim_s, 2)
        return data


def payout(runtime: MissionRuntime) -> int:
    ended, crew = runtime.ended, runtime.rule.crew
    if ended is None or ended.outcome == "failed" or not crew:
        return 0
    share = sum(c.state is CrewState.BACK for c in crew) / len(crew)
    kept = 1.0 if runtime.rule.rule_kept else RULE_BROKEN_PAY
    return int(round(runtime.mission.payout * share * kept))


def testimonies(runtime: MissionRuntime) -> tuple[Testimony, ...]:
    """What each crew member left behind says: the car, the plate, the way it went."""
    car = CAR_DESCRIPTIONS.get(runtime.mission.player_class, "a car")
    direction = runtime.departure or "still at the " + runtime.rule.place_label
    return tuple(Testimony(c.name, car, runtime.plate, direction) for c in runtime.left_behind())


def _seen_by(runtime: MissionRuntime, session: DriveSession) -> tuple[str, ...]:
    police = session.police
    seers = set(police.units[police.ever_saw].tolist())
    names = [name for name, index in runtime.cast.names.items() if index in seers]
    return tuple(sorted(names))


def job_result(runtime: MissionRuntime, session: DriveSession) -> JobResult:
    """The result of the run so far (``unfinished`` if it has not ended)."""
    ended = runtime.ended
    rule = runtime.rule
    return JobResult(
        mission=runtime.mission.id,
        title=runtime.mission.title,
        seed=runtime.seed,
        outcome=ended.outcome if ended is not None else UNFINISHED,
        reason=ended.reason if ended is not None else "",
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
        busted=session.law.busted.reason if session.law.busted is not None else "",
    )
