"""The Handler: her board of tonight's offers, and what turning one down costs.

Between jobs the Handler offers up to :data:`MAX_OFFERS` jobs, each with its client,
place, time, pay and risk (:class:`Offer`). Which jobs, is said by each mission file's
``[career]`` table (:class:`~game.mission.model.CareerTerms`) and by the career so far:

- **each client hires the Driver once**: a client he has worked for never offers again;
- a job he turned down is gone, and turning it down costs :data:`DECLINE_COST` of
  reputation (she vouched for him);
- a job is offered from its ``first_night`` to its ``last_night``, once his reputation
  reaches its ``min_reputation``, once the jobs it ``requires`` are done and once the
  Detective is as sure as its ``min_certainty`` (a sting is set up for a man he suspects);
- she won't come along, and she drops him once the Detective's certainty reaches
  :data:`~game.career.dossier.HANDLER_DROPS` (:mod:`game.career.consequences` ends the
  career then; her board says it in her own words).

The board is sorted by night offered, then pay, so the same career always gets the same
board. A job he drives in his own car cannot be taken in a wreck (:func:`cannot_take`).
:func:`lie_low` lets a night go by with nothing taken (evidence that fades fades).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from game.career.catalogue import Catalogue
from game.career.dossier import certainty
from game.career.model import APARTMENT, Career
from game.mission.clock import format_clock
from game.mission.model import Mission

MAX_OFFERS = 3  #: jobs on the board at once
DECLINE_COST = 1  #: reputation lost for turning a job down

#: what the Handler says over her board, by what it holds
LINES = {
    "offers": "Here's what came in. Pick one. I don't come along, and I don't want to know.",
    "one": "One job tonight. Take it or don't.",
    "wait": "Nothing tonight. Nobody's called. Keep your head down.",
    "name": "There's work, but they want a driver with a name. Yours isn't one yet.",
    "none": "Nothing more tonight, and nobody's asking. That's all the work there is.",
    "dropped": "He's got a file on you this thick. Don't call me. I don't know you.",
    "arrested": "They took you in. Nobody calls a driver the Detective has in a cell.",
    "into_the_night": "That was the last of it. Don't call. Drive.",
}


@dataclass(frozen=True)
class Offer:
    """A job on the board, as the Handler puts it."""

    mission: Mission

    @property
    def client(self) -> str:
        return self.mission.client

    @property
    def place(self) -> str:
        """The place as the board names it (the contract's zone unless the file says)."""
        return self.mission.career.place or self.mission.contract.place.replace("_", " ")

    @property
    def time(self) -> str:
        """The agreed time, HH:MM, or "when called" for a job that opens on a signal."""
        agreed = self.mission.contract.time
        return format_clock(agreed)[:5] if agreed is not None else "when called"

    @property
    def pay(self) -> int:
        return self.mission.payout

    @property
    def risk(self) -> str:
        return self.mission.career.risk

    @property
    def label(self) -> str:
        """A short line for a menu: "Five Minutes: $9,000, high risk"."""
        return f"{self.mission.title}: ${self.pay:,}, {self.risk} risk"

    def line(self) -> str:
        """One line for the board: "Five Minutes: Two men...; warehouse at 02:00; $9,000;
        high risk"."""
        refuse = "; more than anyone pays: you may turn it down" if self.mission.sting else ""
        return (f"{self.mission.title}: {self.client}; {self.place} at {self.time}; "
                f"${self.pay:,}; {self.risk} risk{refuse}")


@dataclass(frozen=True)
class Board:
    """Tonight's offers and what the Handler says over them."""

    night: int
    offers: tuple[Offer, ...]
    line: str
    closed: bool = False  #: she will never offer him anything again

    @property
    def empty(self) -> bool:
        return not self.offers


def _open_to(career: Career, mission: Mission, night: int, sure: float) -> bool:
    """Everything but the night and the reputation allows it."""
    terms = mission.career
    return (terms.on_board and mission.client not in career.clients
            and mission.id not in career.declined and mission.id not in career.done
            and all(name in career.done for name in terms.requires)
            and sure >= terms.min_certainty
            and (terms.last_night is None or night <= terms.last_night))


def _name_enough(career: Career, mission: Mission) -> bool:
    needed = mission.career.min_reputation
    return needed is None or career.reputation >= needed


def board(career: Career, catalogue: Catalogue) -> Board:
    """Tonight's board for ``career`` from the jobs in ``catalogue``."""
    night = career.night
    if career.over:
        return Board(night, (), LINES.get(career.ending, LINES["dropped"]), closed=True)
    sure = certainty(career.file, night)
    open_jobs = [m for m in catalogue.missions if _open_to(career, m, night, sure)]
    tonight = [m for m in open_jobs if m.career.first_night <= night]
    offers = [m for m in tonight if _name_enough(career, m)]
    offers.sort(key=lambda m: (m.career.first_night, -m.payout, m.id))
    offers = offers[:MAX_OFFERS]
    if offers:
        line = LINES["one" if len(offers) == 1 else "offers"]
    elif tonight:
        line = LINES["name"]
    elif open_jobs:
        line = LINES["wait"]
    else:
        line = LINES["none"]
    return Board(night, tuple(Offer(m) for m in offers), line)


def cannot_take(career: Career, offer: Offer) -> str:
    """Why the Driver cannot take ``offer`` tonight ("" if he can): his own car, wrecked."""
    if offer.mission.career.own_car and career.car.wrecked:
        return "Your car's a wreck. Get Shannon to fix it, or take another car."
    return ""


def decline(career: Career, offer: Offer) -> Career:
    """Turn the job down: it is gone for good, and the Driver's name suffers."""
    return replace(career, declined=(*career.declined, offer.mission.id),
                   reputation=career.reputation - DECLINE_COST)


def lie_low(career: Career) -> Career:
    """Let tonight go by with nothing taken."""
    return replace(career, night=career.night + 1, whereabouts=APARTMENT)


def jobs_to_come(career: Career, catalogue: Catalogue) -> bool:
    """Some job may still be offered tonight or on a later night: one still open to him
    that his name is enough for (a job that wants more name than he has comes only
    through other work, which builds it)."""
    sure = certainty(career.file, career.night)
    return not career.over and any(_open_to(career, m, career.night, sure)
                                   and _name_enough(career, m) for m in catalogue.missions)
