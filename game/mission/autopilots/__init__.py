"""Which autopilot plays which job: the lead's Five Minutes autopilot, or a job's own.

:func:`make_autopilot` is the one place the game, the headless runner and ``playtest``
ask for the Driver's autopilot in a job. A job named in :data:`JOB_AUTOPILOTS` (by its
mission id, the file stem) gets its own module here; a job whose mission has a
``[race]`` or an ``[audition]`` table gets the race's or the audition's
(:data:`TABLE_AUTOPILOTS`: any race or audition a designer writes, not only the shipped
ones); every other job gets :class:`game.mission.autopilot.Autopilot`, which follows the
stages, the window and hides from the police. Each is a
:class:`~game.ai.driver.Driver` that writes the player's control row, as the keys do.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from game.ai.driver import Driver
    from game.mission.runtime import MissionRuntime


def _pawn_shop(runtime: MissionRuntime) -> Driver:
    from game.mission.autopilots.pawn_shop import PawnShopAutopilot

    return PawnShopAutopilot(runtime)


def _errand(runtime: MissionRuntime) -> Driver:
    from game.mission.autopilot import Autopilot

    return Autopilot(runtime)  # a delivery: its stages' zones, hiding from the police


def _pch(runtime: MissionRuntime) -> Driver:
    from game.mission.autopilots.pch import TailAutopilot

    return TailAutopilot(runtime)


def _sting(runtime: MissionRuntime) -> Driver:
    from game.mission.autopilots.sting import StingAutopilot

    return StingAutopilot(runtime)


def _race(runtime: MissionRuntime) -> Driver:
    from game.mission.autopilots.race import RaceAutopilot

    return RaceAutopilot(runtime)


def _audition(runtime: MissionRuntime) -> Driver:
    from game.mission.autopilots.audition import AuditionAutopilot

    return AuditionAutopilot(runtime)


#: mission id -> the autopilot made for it (imported when first asked for)
JOB_AUTOPILOTS: dict[str, Callable[[MissionRuntime], Driver]] = {
    "pawn_shop": _pawn_shop,
    "pch": _pch,
    "casino": _pawn_shop,  # the casino's car is a chaser like the pawn shop's
    "the_player": _errand,
    "the_sting": _sting,
}

#: a mission table -> the autopilot of every job that has it
TABLE_AUTOPILOTS: dict[str, Callable[[MissionRuntime], Driver]] = {
    "race": _race,
    "audition": _audition,
}


def make_autopilot(runtime: MissionRuntime) -> Driver:
    """The autopilot for the runtime's job (the Five Minutes one unless it has its own)."""
    mission = runtime.mission
    make = JOB_AUTOPILOTS.get(mission.id)
    tables = {"race": mission.race, "audition": mission.audition}
    for table, autopilot in TABLE_AUTOPILOTS.items():
        if make is None and tables[table] is not None:
            make = autopilot
    if make is not None:
        return make(runtime)
    from game.mission.autopilot import Autopilot

    return Autopilot(runtime)
