"""The career: the Handler's jobs, money and reputation, the Detective's file, and saves.

Headless (no pygame); it builds on the mission layer (a job's typed result, its
``[career]`` terms) and the session's :class:`~game.session.law.Standing`. The pieces:

| module | what it owns |
|---|---|
| :mod:`~game.career.model` | the state: :class:`Career`, its car, job records, evidence |
| :mod:`~game.career.catalogue` | the jobs a career may offer: the missions folder |
| :mod:`~game.career.handler` | the Handler's board: offers, the client-once rule, declining |
| :mod:`~game.career.consequences` | what a job's result does to the career |
| :mod:`~game.career.ending` | how a career ends (arrested, dropped, into the night), its record |
| :mod:`~game.career.dossier` | the Detective's file: evidence, certainty, known cars |
| :mod:`~game.career.standing` | the Standing a job or a free drive of the career starts with |
| :mod:`~game.career.garage` | Shannon's garage: repairs, a respray and new plates |
| :mod:`~game.career.saves` | slots, atomic versioned saves, backups, migrations |
| :mod:`~game.career.headless` | a career played by the autopilot (``career --headless``) |
"""

from game.career.catalogue import Catalogue, read_catalogue
from game.career.consequences import Consequences, apply_result
from game.career.dossier import certainty, known_cars
from game.career.handler import Board, Offer, board, decline, lie_low
from game.career.model import Career, Evidence, JobRecord, OwnedCar, new_career
from game.career.saves import LoadStatus, load_career, restore_backup, save_career
from game.career.standing import standing_for

__all__ = [
    "Board",
    "Career",
    "Catalogue",
    "Consequences",
    "Evidence",
    "JobRecord",
    "LoadStatus",
    "Offer",
    "OwnedCar",
    "apply_result",
    "board",
    "certainty",
    "decline",
    "known_cars",
    "lie_low",
    "load_career",
    "new_career",
    "read_catalogue",
    "restore_backup",
    "save_career",
    "standing_for",
]
