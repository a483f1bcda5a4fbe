"""A career played headless by the autopilot: ``python -m game career --headless``.

:func:`play_career` plays up to K jobs from the Handler's offers, the free drive between
them skipped, and yields one plain-data line per job and a last summary line (the
command prints each as JSON). Between jobs the autopilot Driver does what a careful
player would:

- at Shannon's: a damaged car is repaired when he can pay for it, and a car whose
  description is in the Detective's file is resprayed and re-plated when he can;
- the board is empty but work will come: he lies low, night after night (at most
  :data:`MAX_NIGHTS_LYING_LOW`);
- he takes the first offer on the board (the board's order is fixed), with the
  :class:`~game.session.law.Standing` the career gives it, and the job's seed from the
  career's seed and the night (:func:`~game.career.model.job_seed`).

The career is saved to its slot after every job. A career stops early when the board is
empty for good, when it is over (arrested, dropped, or driven into the night after the
last job: :mod:`game.career.ending`), or when a job cannot be taken; the summary says
why, and its ``ending`` says how the career ended ("" while it goes on).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from game.career.catalogue import Catalogue
from game.career.consequences import Consequences, apply_result
from game.career.dossier import certainty, known_cars
from game.career.ending import after_the_last_job
from game.career.garage import GarageRefusal, repair, repair_price, respray
from game.career.handler import Offer, board, cannot_take, jobs_to_come, lie_low
from game.career.model import Career, job_seed
from game.career.saves import save_career
from game.career.standing import standing_for
from game.mission.headless import MAX_SIM_S, run_headless

MAX_NIGHTS_LYING_LOW = 30  #: nights the autopilot waits for work before it gives up


@dataclass(frozen=True)
class Tonight:
    """The job the autopilot takes tonight, or why there is none."""

    career: Career
    offer: Offer | None
    why_not: str = ""  #: the Handler's line (or the reason) when there is no job
    nights_waited: int = 0


def next_job(career: Career, catalogue: Catalogue) -> Tonight:
    """Lie low until the board has a job (or never will): the first offer on it."""
    waited = 0
    while True:
        tonight = board(career, catalogue)
        if tonight.offers:
            return Tonight(career, tonight.offers[0], "", waited)
        if not jobs_to_come(career, catalogue) or waited >= MAX_NIGHTS_LYING_LOW:
            return Tonight(career, None, tonight.line, waited)
        career, waited = lie_low(career), waited + 1


def visit_shannon(career: Career) -> tuple[Career, list[str]]:
    """Repairs, and a respray and plates for a known car that runs, as far as the money
    goes."""
    done = []
    if repair_price(career) > 0:
        try:
            price = repair_price(career)
            career = repair(career)
            done.append(f"repair ${price:,}")
        except GarageRefusal:
            pass
    if not career.car.wrecked and career.car.description in known_cars(career.file):
        try:
            career = respray(career)
            done.append(f"respray and plates: {career.car.colour}, {career.car.plate}")
        except GarageRefusal:
            pass
    return career, done


def job_line(number: int, night: int, offer: Offer, result, changed: Consequences,
             career: Career, garage: list[str], detective_after_s: float | None) -> dict:
    """What one job of the career prints: the job, its result, what it changed."""
    return {
        "job": number,
        "night": night,
        "client": offer.client,
        "garage": garage,
        "detective_after_s": detective_after_s,
        "result": result.to_json(),
        "money": career.money,
        "reputation": career.reputation,
        "reputation_change": changed.reputation,
        "evidence": [{"source": e.source, "who": e.who, "says": e.says}
                     for e in changed.evidence],
        "retracted": [{"source": e.source, "who": e.who} for e in changed.retracted],
        "certainty": round(changed.certainty_after, 4),
        "ended": career.ended,
        "ending": career.ending,
    }


def summary_line(career: Career, slot: Path, stopped: str) -> dict:
    """The career as it stands: the last line of a headless career."""
    return {
        "summary": True,
        "slot": str(slot),
        "night": career.night,
        "money": career.money,
        "reputation": career.reputation,
        "clients": list(career.clients),
        "jobs_done": len(career.jobs),
        "file_entries": len(career.file),
        "certainty": round(certainty(career.file, career.night), 4),
        "car": {"class": career.car.vehicle_class, "colour": career.car.colour,
                "plate": career.car.plate, "damage": round(career.car.damage, 3)},
        "ended": career.ended,
        "ending": career.ending,
        "stopped": stopped,
    }


def play_career(career: Career, slot: Path, catalogue: Catalogue, jobs: int,
                max_sim_s: float = MAX_SIM_S) -> Iterator[dict]:
    """Play up to ``jobs`` jobs of ``career`` (module docstring), saving to ``slot``."""
    stopped = ""
    for number in range(1, jobs + 1):
        if career.over:
            stopped = career.ended
            break
        tonight = next_job(career, catalogue)
        if tonight.offer is None:
            career, stopped = tonight.career, tonight.why_not
            break
        career, garage = visit_shannon(tonight.career)
        offer = tonight.offer
        stopped = cannot_take(career, offer)
        if stopped:
            break
        standing = standing_for(career, offer.mission)
        result = run_headless(offer.mission.path, seed=job_seed(career), max_sim_s=max_sim_s,
                              standing=standing)
        night = career.night
        career, changed = apply_result(career, offer, result)
        career = after_the_last_job(career, catalogue)
        save_career(slot, career)
        yield job_line(number, night, offer, result, changed, career, garage,
                       standing.detective_after_s)
    save_career(slot, career)
    yield summary_line(career, slot, stopped)
