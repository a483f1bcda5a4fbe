"""How a career ends, and the record it leaves: an arrest, the Handler's door shut, or the
Driver driving into the night after the last job.

A career ends in one of three ways (:data:`~game.career.model.ENDINGS`), each decided
from data, never from a job's name:

- **arrested** (:func:`ending_after_job`): the Detective has him. Either a job's result
  says so outright (``caught_by_detective``: taken by the Detective's own men, as in his
  sting), or the police busted him, in a job or in a free drive of the career
  (:func:`busted_in_free_drive`), while the Detective's certainty, computed from his file
  with the bust in it, is at least :data:`~game.career.dossier.ARREST_AT`: he has
  enough to charge him;
- **dropped**: the file reached :data:`~game.career.dossier.HANDLER_DROPS`: the Handler
  won't know him any more, and without her there is no work;
- **into the night**: the last job is done. A success in a job whose ``[career] finale``
  is true (the Sting outwitted), or a job done after which the Handler will never offer
  anything again (:func:`after_the_last_job`: every job taken, turned down or gone).

:func:`record` is what an ended career's screen (and a headless career's last line)
shows: the nights, the jobs, the money, the reputation, the clients and the file.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from game.career.catalogue import Catalogue
from game.career.dossier import ARREST_AT, HANDLER_DROPS, SOURCES, certainty
from game.career.handler import jobs_to_come
from game.career.model import (
    APARTMENT,
    ARRESTED,
    DROPPED,
    INTO_THE_NIGHT,
    Career,
    Evidence,
)
from game.mission.model import Mission
from game.mission.result import JobResult

FREE_DRIVE_JOB = "free_drive"  #: the ``job`` of evidence from a free drive of the career

#: the heading of each ending's screen, and the line under it
HEADINGS = {
    ARRESTED: ("Arrested", "The Detective got his man."),
    DROPPED: ("Dropped", "The Handler doesn't know you any more. Nobody calls."),
    INTO_THE_NIGHT: ("Into the night", "No more jobs. You drive, and the city lets you go."),
}


def ending_after_job(career: Career, mission: Mission, result: JobResult) -> tuple[str, str]:
    """How the career ends with this job's ``result`` (``career`` is the career after it,
    the job's evidence in its file, its night not yet over): (kind, sentence), or
    ("", "") when it goes on."""
    night = career.night - 1  # the job's night (apply_result has moved the night on)
    sure = certainty(career.file, night)
    if result.caught_by_detective:
        return ARRESTED, (f"arrested on night {night} after {result.title}: it was the "
                          f"Detective's set-up, and he was waiting for you")
    if result.busted and sure >= ARREST_AT:
        return ARRESTED, (f"arrested on night {night} after {result.title}: the Detective "
                          f"had enough to charge you")
    if sure >= HANDLER_DROPS:
        return DROPPED, (f"dropped by the Handler after {result.title}: the Detective's "
                         f"file was too thick")
    if mission.career.finale and result.won:
        return INTO_THE_NIGHT, (f"drove into the night after {result.title}, the last job, "
                                f"on night {night}")
    return "", ""


def ended(career: Career, kind: str, why: str) -> Career:
    """``career``, over: ``kind`` of ending, ``why`` in a sentence."""
    return replace(career, ending=kind, ended=why)


def after_the_last_job(career: Career, catalogue: Catalogue) -> Career:
    """The career, ended into the night if a job has been done and the Handler will never
    offer another (every job of ``catalogue`` taken, turned down or past its nights);
    as it is otherwise (or if it is over already)."""
    if career.over or not career.jobs or jobs_to_come(career, catalogue):
        return career
    last = career.jobs[-1]
    return ended(career, INTO_THE_NIGHT,
                 f"drove into the night after {last.result.title}, the last job there was, "
                 f"on night {last.night}")


@dataclass(frozen=True)
class FreeDriveBust:
    """What a bust in a free drive of the career did."""

    career: Career  #: the career after it (the night over, the arrest in the file)
    evidence: Evidence  #: the arrest's entry in the Detective's file
    certainty_after: float


def busted_in_free_drive(career: Career, sentence: str, clock_s: float) -> FreeDriveBust:
    """The police busted the Driver on a drive through the night (``sentence``: the law's
    words): booked (an arrest in the file), the night spent in a cell, and the career
    ended in an arrest if the Detective is now sure enough (:data:`ARREST_AT`)."""
    night = career.night
    entry = Evidence("arrest", "the arresting units",
                     f"booked the Driver on a drive through the night ({sentence})",
                     night, FREE_DRIVE_JOB, clock_s, SOURCES["arrest"].strength)
    after = replace(career, file=(*career.file, entry), night=night + 1,
                    whereabouts=APARTMENT)
    sure = certainty(after.file, night)
    if sure >= ARREST_AT:
        after = ended(after, ARRESTED, f"arrested on night {night} on a drive through the "
                      f"night: the Detective had enough to charge you")
    return FreeDriveBust(after, entry, sure)


def record(career: Career) -> list[str]:
    """The career's record, a line each: how it ended, the nights, the jobs, the money,
    the reputation, the clients and the Detective's file."""
    nights = career.night - 1 if career.over else career.night
    sure = certainty(career.file, career.night)
    won = sum(job.result.won for job in career.jobs)
    lines = [career.ended[:1].upper() + career.ended[1:]] if career.ended else []
    lines += [
        f"Nights: {max(nights, 1)}",
        f"Jobs: {len(career.jobs)} ({won} clean)",
        f"Money: ${career.money:,}",
        f"Reputation: {career.reputation:+d}",
        f"Clients: {', '.join(career.clients) or 'none'}",
        f"The Detective's file: {len(career.file)} entries, {sure:.0%} sure",
    ]
    return lines
