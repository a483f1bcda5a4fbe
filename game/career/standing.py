"""What the police know when a drive of the career starts: the career's Standing.

:func:`standing_for` turns the Detective's file into the
:class:`~game.session.law.Standing` a job (``build_job(..., standing=...)``) or a free
drive starts with:

- **heat**: the thicker the file, the hotter he starts: :data:`START_HEAT_PER_CERTAINTY`
  per unit of certainty, at most :data:`START_HEAT_MAX` (just over the pursuit threshold:
  a unit that sees him gives chase);
- **known cars**: every description the file names (class, colour, plate);
- **his car**: the one he drives, its plate the one witnesses read (none when the job
  gives him a car of its own);
- **the Detective**: from :data:`~game.career.dossier.DETECTIVE_FROM` certainty he comes
  into the job, after :data:`DETECTIVE_LATEST_S` sim seconds, sooner as the file
  thickens, down to :data:`DETECTIVE_SOONEST_S` when he is sure. In free drive between
  jobs he pulls up beside the Driver instead and says one line from his file
  (:func:`~game.career.dossier.detective_line`).

How the police react to a known car is theirs (``Standing.car_known``); this module only
says what they know.
"""

from __future__ import annotations

from game.career.dossier import DETECTIVE_FROM, certainty, detective_line, known_cars
from game.career.model import Career
from game.mission.model import Mission
from game.session.standing import Standing

START_HEAT_PER_CERTAINTY = 1.5  #: heat at the start per unit of the Detective's certainty
START_HEAT_MAX = 1.25  #: the most heat a drive starts with
DETECTIVE_LATEST_S = 300.0  #: sim seconds into a job he comes in at DETECTIVE_FROM certainty
DETECTIVE_SOONEST_S = 45.0  #: ...and when he is certain


def detective_after_s(sure: float) -> float | None:
    """Sim seconds into a job before the Detective comes in (None: not yet interested)."""
    if sure < DETECTIVE_FROM:
        return None
    share = (sure - DETECTIVE_FROM) / (1.0 - DETECTIVE_FROM)
    return DETECTIVE_LATEST_S + (DETECTIVE_SOONEST_S - DETECTIVE_LATEST_S) * min(share, 1.0)


def standing_for(career: Career, mission: Mission | None = None) -> Standing:
    """The Standing of tonight's job ``mission`` (None: a free drive) in ``career``."""
    sure = certainty(career.file, career.night)
    own_car = mission is None or mission.career.own_car
    return Standing(
        heat=round(min(START_HEAT_PER_CERTAINTY * sure, START_HEAT_MAX), 3),
        known_cars=known_cars(career.file),
        player_car=career.car.description if own_car else None,
        detective_after_s=detective_after_s(sure) if mission is not None else None,
        detective_line=detective_line(career.file, career.night) if mission is None else "",
    )
