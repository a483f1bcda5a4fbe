"""Actions: what a mission does when a trigger fires or a stage begins. One function each.

An action reads and changes the :class:`~game.mission.runtime.MissionRuntime` only
through its small public surface (events, stage, heat, window rule, police, spawning),
and returns nothing; what others must know goes out as events.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from game.mission import actors
from game.mission.events import BagOpened, Message, ObjectiveChanged, Witnessed
from game.mission.model import Action
from game.session.events import RadioLine

if TYPE_CHECKING:
    from game.mission.runtime import MissionRuntime


def _message(rt: MissionRuntime, action: Action) -> None:
    rt.emit(Message(action.text, action.seconds))


def _objective(rt: MissionRuntime, action: Action) -> None:
    rt.objective = action.text
    rt.emit(ObjectiveChanged(action.text))


def _dispatch(rt: MissionRuntime, action: Action) -> None:
    x, y = rt.level.zones[action.zone].centre
    rt.dispatch(x, y, action.units)


def _board_crew(rt: MissionRuntime, action: Action) -> None:
    for event in rt.rule.board_at_pickup(rt.clock.now):
        rt.emit(event)


def _complete(rt: MissionRuntime, action: Action) -> None:
    left_behind = [c.name for c in rt.left_behind()]
    reason = action.reason or ("left behind: " + ", ".join(left_behind) if left_behind else "")
    rt.end("crew_left_behind" if left_behind else "success", reason)


def _start_race(rt: MissionRuntime, action: Action) -> None:
    from game.mission.race import RaceTracker

    if isinstance(rt.mechanic, RaceTracker):  # check allows start_race only with [race]
        rt.mechanic.go(rt)


def _caught(rt: MissionRuntime, action: Action) -> None:
    """The Detective has the Driver (a ``[sting]`` job): it ends failed, and says so."""
    from game.mission.sting import Sting

    if isinstance(rt.mechanic, Sting):  # check allows caught only with [sting]
        rt.mechanic.caught = True
    rt.end("failed", action.reason)


def _scanner(rt: MissionRuntime, action: Action) -> None:
    """A scanner line; in the Sting the scanner has gone quiet (the Detective has the
    band cleared) until the crew is back in the car."""
    from game.mission.sting import Sting

    if isinstance(rt.mechanic, Sting) and rt.mechanic.scanner_quiet:
        return
    rt.emit(RadioLine(action.text, rt.session.world.time))


def _judge(rt: MissionRuntime, action: Action) -> None:
    """End the job on the race's or the audition's verdict (``reason`` goes first)."""
    if rt.mechanic is None:
        return
    won, sentence = rt.mechanic.verdict()
    rt.end("success" if won else "failed", f"{action.reason}: {sentence}" if action.reason
           else sentence)
def _drive_to(rt: MissionRuntime, action: Action) -> None:
    actors.send(rt, action.vehicle, *rt.goal_point(action.zone))


def _bag(rt: MissionRuntime, action: Action) -> None:
    rt.emit(BagOpened(int(action.value), action.text, rt.clock.now))
    rt.emit(Message(action.text, 6.0))


ACTIONS: dict[str, Callable[[MissionRuntime, Action], None]] = {
    "message": _message,
    "scanner": _scanner,
    "objective": _objective,
    "spawn": lambda rt, a: rt.spawn_actor(a.vehicle),
    "dispatch": _dispatch,
    "add_heat": lambda rt, a: rt.heat.add(a.value),
    "board_crew": _board_crew,
    "start_window": lambda rt, a: rt.rule.request_open(),
    "goto": lambda rt, a: rt.goto(a.stage),
    "fail": lambda rt, a: rt.end("failed", a.reason),
    "complete": _complete,
    "witness": lambda rt, a: rt.emit(Witnessed(a.text, rt.clock.now)),
    "start_race": _start_race,
    "judge": _judge,
    "drive_to": _drive_to,
    "chase": lambda rt, a: actors.chase(rt, a.vehicle),
    "crew_down": lambda rt, a: rt.rule.crew_down(a.crew),
    "bag": _bag,
    "caught": _caught,
}
