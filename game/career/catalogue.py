"""The jobs a career can be offered: every mission file in the missions folder.

A job comes onto the Handler's board through its mission file alone (its ``client``,
``payout``, ``[contract]`` and ``[career]`` keys; levels/README.md), so a mission added
later is offered with no change to the code. :func:`read_catalogue` reads the folder with
the mission file's own checks (the map is checked when the job is taken, by
:func:`game.mission.job.build_job`); a file with problems is left off the board and
counted, with its first problem, in :attr:`Catalogue.problems`.

The title's Jobs menu replays jobs outside a career: :func:`unlocked` is those a new
career is offered on its first night, those never on the board (``on_board = false``),
and every job done in any saved career.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from game import resources
from game.mission.job import MISSIONS_DIR
from game.mission.mission_file import parse_mission
from game.mission.model import Mission
from game.problems import Problem

MAX_MISSIONS = 500  #: mission files read from a folder (the rest are ignored)


@dataclass(frozen=True)
class Catalogue:
    """The missions of one folder that a career may offer, in file-name order."""

    folder: Path
    missions: tuple[Mission, ...]
    problems: tuple[Problem, ...] = ()  #: the first problem of each file left off

    def mission(self, mission_id: str) -> Mission | None:
        return next((m for m in self.missions if m.id == mission_id), None)


def read_catalogue(folder: str | Path = MISSIONS_DIR) -> Catalogue:
    """Every readable mission in ``folder`` (``levels/missions`` by default)."""
    folder = Path(folder)
    try:
        paths = sorted(folder.glob("*.toml"))[:MAX_MISSIONS]
    except OSError:
        paths = []
    return _catalogue(folder, paths)


def read_levels_path() -> Catalogue:
    """Every readable mission on the levels search path (:mod:`game.resources`: the shipped
    ones, the user's folder, ``FMW_LEVELS``, ``--levels``), the first of each name: the Jobs
    menu's, so a designer's job or one dropped in can be replayed. ``folder`` is the
    shipped missions folder."""
    paths = [path for _, path in sorted(resources.missions().items())][:MAX_MISSIONS]
    return _catalogue(MISSIONS_DIR, paths)


def _catalogue(folder: Path, paths: list[Path]) -> Catalogue:
    missions, problems = [], []
    for path in paths:
        mission, found = parse_mission(path)
        if mission is not None:
            missions.append(mission)
        elif found:
            problems.append(found[0])
    return Catalogue(folder, tuple(missions), tuple(problems))


def open_from_the_start(mission: Mission) -> bool:
    """A new career could be offered it on the first night (or it is never on the board)."""
    terms = mission.career
    return not terms.on_board or (
        terms.first_night == 1 and terms.min_reputation is None and not terms.requires
        and terms.min_certainty == 0.0)


def unlocked(catalogue: Catalogue, done: set[str] | None = None) -> list[Mission]:
    """The jobs to replay outside a career: open from the start, or done in a career
    (``done``: mission ids; default, those of every saved career)."""
    if done is None:
        from game.career.saves import peek_career, slots

        careers = [peek_career(slot) for slot in slots()]
        done = {m for career in careers if career is not None for m in career.done}
    return [m for m in catalogue.missions if m.id in done or open_from_the_start(m)]
