"""The Detective's file: evidence from each job, his certainty, the cars he knows.

Every job's result turns into entries (:func:`evidence_from`), one per piece of evidence,
each from a source of :data:`SOURCES`:

=========  ======================================================  ========  ============
source     what it is                                              strength  half-life
=========  ======================================================  ========  ============
crew       a crew member left behind: the car, the plate, the way  0.30      never fades
witness    someone who saw the Driver's face (a ``witness`` action) 0.35      never fades
arrest     he was busted: booked, printed, photographed             0.25      never fades
detective  the Detective had the car in sight himself               0.15      12 nights
plate      a unit read the plate                                    0.12      8 nights
sighting   units saw the car (no plate)                             0.04      3 nights
=========  ======================================================  ========  ============

His **certainty** (:func:`certainty`) treats the entries as independent pointers:
``1 - prod(1 - strength * fade)``, where a fading source loses half its weight every
half-life of nights. It decides what the career does to the Driver
(:mod:`game.career.standing`): from :data:`DETECTIVE_FROM` he comes into jobs, sooner the
surer he is; at :data:`ARREST_AT` a bust ends the career in an arrest; at
:data:`HANDLER_DROPS` the Handler will not know him any more.

A witness of a job (``[[witnesses]]``, the Player in the casino lot) gives a ``witness``
entry scaled by how well she saw his face (:class:`~game.mission.witnesses.Identification`):
a glimpse weighs little, a good look the whole 0.35. A later job whose ``[career]
retracts`` names her, once done, has her take it back (:func:`retract`): the entry stays
in the file, marked, and weighs :data:`RETRACTED_SHARE` of what it did (he does not quite
believe her, but his case is weaker).

A car is **known** (:func:`known_cars`) when an entry names its description (class,
colour and plate): a crew's statement, a plate read, the Detective's own look. A respray
and new plates at Shannon's give the car a description no entry names.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from game.career.model import Evidence
from game.mission.result import JobResult
from game.session.standing import CarDescription

DETECTIVE_FROM = 0.2  #: certainty from which the Detective comes into jobs
ARREST_AT = 0.7  #: certainty at which a bust ends the career: he has enough to charge
HANDLER_DROPS = 0.85  #: certainty at which the Handler drops the Driver
RETRACTED_SHARE = 0.2  #: what a witness's entry still weighs once she has taken it back


@dataclass(frozen=True)
class Source:
    """A kind of evidence: how it reads in the dossier and how much it weighs."""

    label: str  #: the dossier's heading for it
    strength: float  #: 0..1: how strongly one such entry points at the Driver
    half_life_nights: float | None  #: nights for its weight to halve (None: never fades)


SOURCES: dict[str, Source] = {
    "crew": Source("Crew left behind", 0.30, None),
    "witness": Source("Witnesses", 0.35, None),
    "arrest": Source("Arrests", 0.25, None),
    "detective": Source("His own eyes", 0.15, 12.0),
    "plate": Source("Plates read", 0.12, 8.0),
    "sighting": Source("Sightings", 0.04, 3.0),
}


def weight(entry: Evidence, night: int) -> float:
    """How strongly ``entry`` points at the Driver on ``night`` (faded by its age)."""
    half_life = SOURCES[entry.source].half_life_nights
    strength = entry.strength * (RETRACTED_SHARE if entry.retracted else 1.0)
    if half_life is None:
        return strength
    age = max(night - entry.night, 0)
    return strength * 0.5 ** (age / half_life)


def certainty(file: tuple[Evidence, ...], night: int) -> float:
    """The Detective's certainty that the Driver is his man, 0 to 1, from his file."""
    doubt = 1.0
    for entry in file:
        doubt *= 1.0 - min(max(weight(entry, night), 0.0), 1.0)
    return 1.0 - doubt


def known_cars(file: tuple[Evidence, ...]) -> tuple[CarDescription, ...]:
    """Every car description the file names, oldest first, each once."""
    seen: dict[CarDescription, None] = {}
    for entry in file:
        if entry.car is not None:
            seen.setdefault(entry.car)
    return tuple(seen)


def evidence_from(result: JobResult, night: int,
                  car: CarDescription | None) -> tuple[Evidence, ...]:
    """What the Detective learns from one job: an entry per crew member left behind, per
    witness, for a plate read (or a sighting), for a bust and for his own look.

    ``car`` is the Driver's own car as it was on the job (None: the job gave him one, so
    nothing ties a car of his to it)."""
    def entry(source: str, who: str, says: str, described: CarDescription | None = None,
              share: float = 1.0, witness: str = ""):
        return Evidence(source, who, says, night, result.mission, result.clock_end,
                        round(SOURCES[source].strength * share, 4), described, witness)

    entries = [
        entry("crew", f"{told.crew}, left behind on {result.title}",
              f"{told.car}, plate {told.plate}, went {told.direction}", car)
        for told in result.testimony
    ]
    entries += [entry("witness", "a witness", text) for text in result.witnesses]
    entries += [entry("witness", seen.who or "a witness",
                      f"saw the Driver's face on {result.title}: {look_words(seen.strength)}",
                      share=min(max(seen.strength, 0.0), 1.0), witness=seen.witness)
                for seen in result.identified]
    where = f" on {result.last_seen_on}" if result.last_seen_on else ""
    units = ", ".join(result.seen_by) or "a unit"
    if result.plate_read:
        entries.append(entry("plate", units, f"read the plate {result.plate}{where}", car))
    elif result.seen_by:
        entries.append(entry("sighting", units, f"saw the car{where}"))
    if result.busted:
        entries.append(entry("arrest", "the arresting units",
                             f"booked the Driver after {result.title} ({result.reason})"))
    if result.detective_saw:
        entries.append(entry("detective", "the Detective",
                             f"had the car in sight, plate {result.plate}{where}", car))
    return tuple(entries)


def look_words(strength: float) -> str:
    """How well a witness saw him, in words ("a good look")."""
    if strength >= 0.7:
        return f"a good look ({strength:.0%})"
    if strength >= 0.3:
        return f"a fair look ({strength:.0%})"
    return f"a glimpse ({strength:.0%})"


def retract(file: tuple[Evidence, ...], witnesses: tuple[str, ...],
            night: int) -> tuple[tuple[Evidence, ...], tuple[Evidence, ...]]:
    """The file after ``witnesses`` (``[[witnesses]]`` names) took back what they told him
    on ``night``, and the entries they took back (each marked and weighing
    RETRACTED_SHARE of itself from now on; entries already taken back stay as they are)."""
    taken_back = []
    after = []
    for entry in file:
        if entry.witness and entry.witness in witnesses and not entry.retracted:
            entry = replace(entry, retracted=True, says=(
                f"{entry.says}; on night {night} she told him it was not the Driver"))
            taken_back.append(entry)
        after.append(entry)
    return tuple(after), tuple(taken_back)


def detective_line(file: tuple[Evidence, ...], night: int) -> str:
    """What the Detective says when he pulls up beside the Driver in free drive: built
    from the strongest entry in his file (who told him what); "" while he is not
    interested yet (under :data:`DETECTIVE_FROM`)."""
    if not file or certainty(file, night) < DETECTIVE_FROM:
        return ""
    best = max(file, key=lambda e: (weight(e, night), e.night))
    job = best.job.replace("_", " ")
    told = {
        "crew": f"{best.who.split(',')[0]} talks, you know. {best.says}.",
        "witness": f"Somebody saw your face: {best.says}.",
        "arrest": "I've got your prints now. I've got your picture.",
        "detective": f"I had you in sight myself, the night of the {job}.",
        "plate": f"A unit {best.says}.",
        "sighting": f"A unit {best.says}.",
    }[best.source]
    return f"Detective: \"{told} I know it was you on the {job}. I'll be seeing you.\""


def dossier(file: tuple[Evidence, ...], night: int) -> list[tuple[str, list[str]]]:
    """The file as a person reads it: (heading, lines) per source, strongest source
    first; each line says who told him what, on which night."""
    sections = []
    for source, kind in sorted(SOURCES.items(), key=lambda item: -item[1].strength):
        lines = [f"Night {e.night}, {e.who}: {e.says}" + _faded(e, night)
                 for e in file if e.source == source]
        if lines:
            sections.append((kind.label, lines))
    return sections


def _faded(entry: Evidence, night: int) -> str:
    now = weight(entry, night)
    return " (going cold)" if now < entry.strength * 0.5 else ""
