"""What a job's result does to the career: money, reputation, the client, the car, the file.

:func:`apply_result` is the one place a finished job changes a career:

- **money**: the job's payout (the crew's share of it, halved if the rule was broken);
- **reputation** (:func:`reputation_change`): a clean job adds its risk's worth
  (:data:`RISK_REPUTATION`), or what its ``[career] reputation`` says it earns (the
  garage audition: Shannon puts his name about); crew left behind while the rule was
  kept adds one (he did what he said); a blown job costs one; a broken rule costs two
  more;
- **the client** has hired the Driver now, and never will again;
- **the car**: its damage after the job (a wreck is driven nowhere until Shannon repairs
  it); a job that gave him its own car leaves his untouched;
- **the file**: the Detective's new evidence (:func:`game.career.dossier.evidence_from`);
  a won job whose ``[career] retracts`` names a witness has her take back what she told
  him (:func:`game.career.dossier.retract`: the Player, helped, says it was not him);
- **the night** is over, and the Driver goes home (the next night's drive starts at the
  apartment).

Then the endings (:func:`game.career.ending.ending_after_job`): caught by the Detective
(``caught_by_detective``), or busted once his certainty has reached
:data:`~game.career.dossier.ARREST_AT`, the career ends in an arrest; at
:data:`~game.career.dossier.HANDLER_DROPS` the Handler drops him and it ends there; a
success in the last job (``[career] finale``) ends it with the Driver driving into the
night. Whether the Handler has anything more to offer needs her catalogue:
:func:`game.career.ending.after_the_last_job` asks it after this.

The Sting (a ``[sting]`` job, :mod:`game.mission.sting`) settles the case either way:

- **caught** (``result.caught_by_detective``): the career ends in an arrest whatever his
  certainty;
- **outwitted** (``result.detective_outwitted``): his set-up came to nothing and his case
  is burned (:func:`burned_case`): the file is closed, every entry in it gone, so his
  certainty is nought again (the job's own evidence, a plate read on the way, stays).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from game.career.dossier import certainty, evidence_from, retract
from game.career.ending import ending_after_job
from game.career.handler import Offer
from game.career.model import APARTMENT, Career, Evidence, JobRecord
from game.mission.result import JobResult

RISK_REPUTATION = {"low": 1, "medium": 2, "high": 3}  #: reputation a clean job earns
LEFT_BEHIND_REPUTATION = 1  #: he kept the rule and left on time: that is his name
BLOWN_REPUTATION = -1  #: a blown job
RULE_BROKEN_REPUTATION = -2  #: on top: he drove off on a crew inside the window


@dataclass(frozen=True)
class Consequences:
    """What one job changed, for the results screen and the headless line."""

    money: int  #: dollars earned
    reputation: int  #: reputation gained (or lost)
    evidence: tuple[Evidence, ...]  #: the entries added to the Detective's file
    certainty_before: float
    certainty_after: float
    ended: str  #: why the career ended with this job ("" if it goes on)
    #: entries of the file a witness took back after this job (``[career] retracts``)
    retracted: tuple[Evidence, ...] = ()


def reputation_change(result: JobResult, risk: str, earned: int | None = None) -> int:
    """What the job did to the Driver's name (module docstring); ``earned``: what a
    success earns instead of the risk's worth (the mission's ``[career] reputation``)."""
    if result.outcome == "success":
        change = earned if earned is not None else RISK_REPUTATION.get(
            risk, RISK_REPUTATION["medium"])
    elif result.outcome == "crew_left_behind" and result.rule_kept:
        change = LEFT_BEHIND_REPUTATION
    else:
        change = BLOWN_REPUTATION
    return change + (0 if result.rule_kept else RULE_BROKEN_REPUTATION)


def burned_case(file: tuple[Evidence, ...],
                tonight: tuple[Evidence, ...]) -> tuple[Evidence, ...]:
    """The Detective's file once his sting came to nothing: the case is closed, and all
    that stays is tonight's evidence other than his own (a plate a unit read)."""
    return tuple(e for e in tonight if e.source != "detective" and e in file)


def apply_result(career: Career, offer: Offer, result: JobResult) -> tuple[Career, Consequences]:
    """The career after ``result`` of the job ``offer`` (taken tonight), and what changed."""
    own_car = offer.mission.career.own_car
    before = certainty(career.file, career.night)
    evidence = evidence_from(result, career.night, career.car.description if own_car else None)
    change = reputation_change(result, offer.risk, offer.mission.career.reputation)
    damage = min(max(result.car_damage, 0.0), 1.0)
    if own_car:
        career = career.with_car(replace(career.car, damage=damage))
    record = JobRecord(career.night, offer.client, result, change)
    after_job = replace(
        career,
        night=career.night + 1,
        money=career.money + result.payout,
        reputation=career.reputation + change,
        clients=(*career.clients, offer.client),
        jobs=(*career.jobs, record),
        file=(*career.file, *evidence),
        whereabouts=APARTMENT,
    )
    retracted: tuple[Evidence, ...] = ()
    if result.won and offer.mission.career.retracts:
        file, retracted = retract(after_job.file, offer.mission.career.retracts, career.night)
        after_job = replace(after_job, file=file)
    if result.detective_outwitted:
        after_job = replace(after_job, file=burned_case(after_job.file, evidence))
    sure = certainty(after_job.file, career.night)
    ending, ended = ending_after_job(after_job, offer.mission, result)
    after_job = replace(after_job, ending=ending, ended=ended)
    return after_job, Consequences(result.payout, change, evidence, before, sure, ended,
                                   retracted)
