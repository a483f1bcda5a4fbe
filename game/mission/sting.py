"""The Sting: the Detective's set-up job, a mission with a ``[sting]`` table.

A crew the Detective has turned hires the Driver for a job at the place (the bank). The
job runs as any other (its stages, the window), and :class:`Sting`, the job's mechanic
(:mod:`game.mission.mechanics`), adds the set-up and its **signs**, which a mission
without the table never has:

- his unmarked cars parked round the place (``unmarked_cars``, lights off, nobody in
  them), and a van with no one in it at the place (``van``);
- a crew member (``asks``) who asks where the Driver will go after (a message, once the
  crew is in the car);
- no patrol passes in the window: ``check`` refuses police actors at the start of a sting;
- the scanner gone quiet: the mission's ``scanner`` lines are not heard until the crew is
  back in the car (:attr:`Sting.scanner_quiet`).

The Detective is in the job from the start (:meth:`~game.mission.cast.JobCast.bring_detective`),
told where the Driver will be (the place) and the places of the case (the job's zones,
the Driver's apartment, Shannon's garage). When the window opens his units take up
roadblocks on the ways from the place to each of them
(:meth:`~game.ai.detective.DetectiveController.stake_out_routes`). When his search
lapses (the Detective's lose rules) the mechanic emits
:class:`~game.mission.events.DetectiveLost`, which the ``detective_lost`` trigger reads.

The result says how it ended for the case: ``caught_by_detective`` (a ``caught`` action,
or busted in a sting: the career ends in an arrest, :mod:`game.career.consequences`) and
``detective_outwitted`` (a success after he lost the Driver: his case is burned).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from game.ai.detective import DetectiveController
from game.ai.parked import ParkedCars
from game.ai.routes import zone_cells
from game.level.model import Zone
from game.mission.events import DetectiveLost, Message
from game.mission.model import StingTerms
from game.mission.window import CrewState, WindowPhase
from game.session.view import Gauge, GaugeLine
from game.sim.terrain import Terrain

if TYPE_CHECKING:
    from game.mission.runtime import MissionRuntime
    from game.session.drive import TickReport

PARKED_CLEAR_M = 10.0  #: his parked cars keep this far from where the Driver stops...
PARKED_APART_M = 7.0  #: ...and this far from each other
PARKED_END_M = 10.0  #: ...and this far from the ends of the place (where cars come in)
UNMARKED = "unmarked"  #: the class of his cars
VAN = "van"


def parking_spots(zone: Zone, terrain: Terrain, keep_clear: tuple[float, float],
                  count: int) -> list[tuple[float, float, float]]:
    """``count`` spots (x, y, heading) for cars parked in ``zone``: open cells inside it,
    nearest its long sides first (cars park along them; the ends, where cars drive in,
    stay free by PARKED_END_M), at least PARKED_CLEAR_M from
    ``keep_clear`` (where the Driver waits) and PARKED_APART_M from each other; the
    heading runs along the zone's longer side. Fewer if the zone has no more room."""
    (x0, y0), (x1, y1) = zone.polygon.min(axis=0), zone.polygon.max(axis=0)
    gx, gy, ok = zone_cells(zone, terrain)
    ok &= np.hypot(gx - keep_clear[0], gy - keep_clear[1]) >= PARKED_CLEAR_M
    tall = (y1 - y0) >= (x1 - x0)
    along, low, high = (gy, y0, y1) if tall else (gx, x0, x1)
    ok &= (along - low >= PARKED_END_M) & (high - along >= PARKED_END_M)  # ends: the ways in
    edge = np.minimum(gx - x0, x1 - gx) if tall else np.minimum(gy - y0, y1 - gy)
    heading = np.pi / 2 if tall else 0.0
    spots: list[tuple[float, float, float]] = []
    for k in np.lexsort((gy, gx, edge)):  # nearest the edge first, then in map order
        if len(spots) >= count:
            break
        if ok[k] and all(np.hypot(gx[k] - x, gy[k] - y) >= PARKED_APART_M for x, y, _ in spots):
            spots.append((float(gx[k]), float(gy[k]), heading))
    return spots


class Sting:
    """The set-up of one run of a ``[sting]`` mission (the module docstring)."""

    def __init__(self, terms: StingTerms, runtime: MissionRuntime) -> None:
        self.terms = terms
        self.runtime = runtime
        self.caught = False  #: the Detective has the Driver (a ``caught`` action ran)
        self.scanner_quiet = True  #: the mission's scanner lines go unheard
        self.signs: tuple[int, ...] = ()  #: world indices of his parked cars and the van
        self.staked_out = 0  #: roadblocks his units were sent to when the window opened
        self.lost = ""  #: why the Detective lost the Driver ("" while he has him)
        self.asked = False
        self._set_up = False

    def detective(self) -> DetectiveController | None:
        """The Detective in this job (he comes in with the set-up)."""
        fleet = self.runtime.session.fleets.get("detective")
        return fleet if isinstance(fleet, DetectiveController) else None

    def update(self, runtime: MissionRuntime, report: TickReport) -> list:
        out: list = []
        if not self._set_up:
            self._set_up = True
            self._place_signs(runtime)
            runtime.bring_detective_now()
        rule = runtime.rule
        detective = self.detective()
        if not self.asked and self.terms.asks and any(
                c.state is not CrewState.AT_PICKUP for c in rule.crew):
            self.asked = True
            out.append(Message(f"{self.terms.asks}: \"{self.terms.question}\"", 6.0))
        if detective is not None and not self.staked_out and rule.phase is not WindowPhase.BEFORE:
            x, y = runtime.goal_point(runtime.mission.contract.place)
            self.staked_out = max(detective.stake_out_routes(x, y, self.terms.stake_out_m), 1)
        if self.scanner_quiet and (rule.all_back or rule.phase is WindowPhase.CLOSED):
            self.scanner_quiet = False
        if detective is not None and detective.lost and not self.lost:
            self.lost = detective.lost
            out.append(DetectiveLost(detective.lost, runtime.clock.now))
        return out

    def _place_signs(self, runtime: MissionRuntime) -> None:
        """His unmarked cars and the empty van, parked in the place, lights off."""
        session, terms = runtime.session, self.terms
        place = runtime.level.zones[runtime.mission.contract.place]
        waits_at = runtime.goal_point(runtime.mission.contract.place)
        spots = parking_spots(place, runtime.level.terrain, waits_at,
                              terms.unmarked_cars + int(terms.van))
        if not spots:
            return
        classes = [UNMARKED] * min(terms.unmarked_cars, len(spots))
        classes += [VAN] * (len(spots) - len(classes))
        rows = session.spawn_many(classes, [s[0] for s in spots], [s[1] for s in spots],
                                  [s[2] for s in spots])
        session.join("parked", rows, ParkedCars.in_setting)
        self.signs = tuple(int(r) for r in rows)

    # -- the JobMechanic interface -------------------------------------------------
    def gauge(self) -> Gauge | None:
        """Nothing says it is a sting; once the crew is back, where the Detective is."""
        if not self.runtime.rule.all_back and self.runtime.rule.phase is not WindowPhase.CLOSED:
            return None
        detective = self.detective()
        if detective is None:
            return None
        if self.lost:
            state = "LOST YOU"
        elif detective.seeing:
            state = "ON YOUR TAIL"
        else:
            state = "SEARCHING"
        return Gauge(f"DETECTIVE  {state}",
                     (GaugeLine("he reckons you make for",
                                self._goal_label(detective.predicted_goal)),))

    def _goal_label(self, goal: str | None) -> str:
        zones = self.runtime.level.zones
        if goal is None:
            return "straight on"
        return zones[goal].label if goal in zones else goal

    def waypoint_zone(self) -> str | None:
        return None

    def verdict(self) -> tuple[bool, str]:
        return (bool(self.lost) and not self.caught,
                "you lost him" if self.lost else "he still had you")

    def scorecard(self) -> tuple[str, ...]:
        if self.caught or self.runtime.session.law.busted is not None:
            return ("The bank job was the Detective's set-up, and he had you.",)
        if self.lost:
            return ("The bank job was the Detective's set-up.",
                    f"You lost him: {self.lost}.")
        return ("The bank job was the Detective's set-up.",)

    def result_fields(self) -> dict:
        runtime = self.runtime
        caught = self.caught or runtime.session.law.busted is not None
        won = runtime.ended is not None and runtime.ended.outcome == "success"
        return {"sting": True, "caught_by_detective": caught,
                "detective_outwitted": won and bool(self.lost) and not caught}

    def state(self) -> tuple:
        return (bool(self.lost), self.staked_out, self.caught, self.scanner_quiet, self.asked)
