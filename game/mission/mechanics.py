"""A job's own mechanic: what a race or an audition adds to the stages and the window.

Most of a job is stages, triggers and actions (:mod:`game.mission.runtime`). A job whose
mission file has a ``[race]`` table also has a :class:`~game.mission.race.RaceTracker`,
and one with an ``[audition]`` table an :class:`~game.mission.audition.Audition`, and one
with a ``[sting]`` table the Detective's set-up, :class:`~game.mission.sting.Sting`. The
runtime owns it and calls it in the rules phase of every tick, before the triggers (so
a trigger sees what it emitted); the rest of the game sees it only through this
interface:

* :meth:`JobMechanic.update`: this tick's events (a lap done, a manoeuvre passed);
* :meth:`JobMechanic.gauge`: the job's gauge on the HUD (the lap board, the manoeuvres);
* :meth:`JobMechanic.waypoint_zone`: where the job wants the car next, if it knows
  better than the stage (the audition's next gate), for the waypoint and the route;
* :meth:`JobMechanic.verdict`: whether the job is won and the sentence that says so (the
  ``judge`` action ends the job with it);
* :meth:`JobMechanic.scorecard` and :meth:`JobMechanic.result_fields`: what the results
  screen and the :class:`~game.mission.result.JobResult` say of it;
* :meth:`JobMechanic.state`: plain values for the replay's state hash.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from game.session.view import Gauge

if TYPE_CHECKING:
    from game.mission.runtime import MissionRuntime
    from game.session.drive import TickReport


class JobMechanic(Protocol):
    def update(self, runtime: MissionRuntime, report: TickReport) -> list: ...

    def gauge(self) -> Gauge | None: ...

    def waypoint_zone(self) -> str | None: ...

    def verdict(self) -> tuple[bool, str]: ...

    def scorecard(self) -> tuple[str, ...]: ...

    def result_fields(self) -> dict: ...

    def state(self) -> tuple: ...


def mechanic_for(runtime: MissionRuntime) -> JobMechanic | None:
    """The mechanic the runtime's mission asks for, or None (a job of stages only)."""
    from game.mission.audition import Audition
    from game.mission.race import RaceTracker
    from game.mission.sting import Sting

    mission = runtime.mission
    if mission.race is not None:
        return RaceTracker(mission.race, runtime.level)
    if mission.audition is not None:
        return Audition(mission.audition, runtime)
    if mission.sting is not None:
        return Sting(mission.sting, runtime)
    return None
