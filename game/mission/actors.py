"""The job's actors as the rules see them: orders to them, what triggers ask, the meters.

A mission talks to its chasers and targets by name (``[[vehicles]]``): it sends them
somewhere (``drive_to``), lets a chaser loose (``chase``), and its triggers ask whether a
chaser has been shaken or has the Driver pinned, whether a vehicle has arrived in a zone,
whether the target has made the tail or been lost, and whether the Driver T-boned it
(this step's contacts, :mod:`game.mission.takedown`). :class:`ActorWatch` answers for one tick;
:func:`send` and :func:`chase` carry out the orders through the role's fleet driver
(:mod:`game.ai.chasers`, :mod:`game.ai.target`), which does all the driving.

:func:`actor_meters` is what the HUD shows of them (typed
:class:`~game.session.view.MeterView` lines): the tail meter while a target is being
followed (his suspicion, how far he is, whether you are in his mirrors), and the gap to a
chaser while one hunts (how long the gap that shakes it has held).
:func:`followed_car` puts the HUD's waypoint on the target's car while there is one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from game.ai.chasers import ChaserController
from game.ai.target import LOSE_M, TargetController
from game.mission.takedown import t_boned
from game.session.view import MeterView
from game.sim.events import Collisions

if TYPE_CHECKING:
    from game.mission.runtime import MissionRuntime

STOPPED_MS = 0.8  #: an actor slower than this has stopped (as the Driver's car)


def _fleet(rt: MissionRuntime, name: str):
    """(the fleet driving actor ``name``, its world index), or (None, -1) before it is
    spawned."""
    index = rt.cast.vehicle_index(name)
    if index is None:
        return None, -1
    return rt.session.fleets.get(rt.mission.vehicle(name).role), index


def send(rt: MissionRuntime, name: str, x: float, y: float) -> None:
    """``drive_to``: the actor's fleet drives it to (x, y) (a later spawn goes there too)."""
    fleet, _ = _fleet(rt, name)
    if fleet is not None:
        fleet.send(x, y)


def chase(rt: MissionRuntime, name: str) -> None:
    """``chase``: the chaser's pack goes for the Driver."""
    fleet, _ = _fleet(rt, name)
    if isinstance(fleet, ChaserController):
        fleet.hunt()


class ActorWatch:
    """What the triggers about actors read, for one tick."""

    def __init__(self, rt: MissionRuntime, collisions: Collisions) -> None:
        self.rt = rt
        self.world = rt.session.world
        self.collisions = collisions

    def shaken(self, name: str) -> bool:
        fleet, _ = _fleet(self.rt, name)
        return isinstance(fleet, ChaserController) and fleet.hunting and fleet.shaken(self.world)

    def pinning(self, name: str) -> bool:
        """The chaser's pack has the Driver stopped against one of its cars this tick."""
        fleet, _ = _fleet(self.rt, name)
        return isinstance(fleet, ChaserController) and fleet.hunting and fleet.pinning

    def arrived(self, name: str, zone: str) -> bool:
        _, index = _fleet(self.rt, name)
        if index < 0:
            return False
        x, y = float(self.world.x[index]), float(self.world.y[index])
        zones = self.rt.zones.names_in(self.rt.zones.mask_at(x, y))
        return zone in zones and abs(float(self.world.vx[index])) < STOPPED_MS

    def _target(self, name: str) -> tuple[TargetController | None, int]:
        fleet, index = _fleet(self.rt, name)
        if not isinstance(fleet, TargetController):
            return None, -1
        return fleet, int(np.flatnonzero(fleet.units == index)[0])

    def made(self, name: str) -> bool:
        fleet, k = self._target(name)
        return fleet is not None and bool(fleet.made[k])

    def lost(self, name: str) -> bool:
        fleet, _ = self._target(name)
        return fleet is not None and fleet.lost

    def t_boned(self, name: str) -> bool:
        _, index = _fleet(self.rt, name)
        player = self.rt.session.player
        return index >= 0 and player >= 0 and t_boned(self.world, self.collisions, player, index)


FOLLOW_SNAP_M = 16.0  #: the followed car's marker moves in steps of this (the route refreshes)


def followed_car(rt: MissionRuntime) -> tuple[tuple[float, float], str] | None:
    """Where the car the Driver follows is (a target's, to the nearest FOLLOW_SNAP_M) and
    its name for the HUD ("Nino"), while there is one to follow; else None."""
    fleet = rt.session.fleets.get("target")
    if not isinstance(fleet, TargetController) or not fleet.units.size:
        return None
    car = int(fleet.units[0])
    if rt.session.world.wrecked[car]:
        return None
    names = [name for name, index in rt.cast.names.items() if index == car]
    world = rt.session.world
    snap = FOLLOW_SNAP_M
    point = (round(float(world.x[car]) / snap) * snap, round(float(world.y[car]) / snap) * snap)
    return point, (names[0].replace("_", " ").title() if names else "the target")


def actor_meters(rt: MissionRuntime) -> tuple[MeterView, ...]:
    """The HUD's meters for the job's chasers and targets (none for a job without)."""
    meters: list[MeterView] = []
    world = rt.session.world
    for fleet in rt.session.fleets.values():
        if isinstance(fleet, TargetController) and fleet.units.size:
            k = int(np.argmin(fleet.distance_m))
            distance = float(fleet.distance_m[k])
            if fleet.made[k]:
                state, warn = "HE MADE YOU", True
            elif fleet.in_mirror[k]:
                state, warn = "IN HIS MIRRORS", True
            elif fleet.far_s > 0.0:
                state, warn = "FALLING BEHIND", True
            else:
                state, warn = "unseen", False
            meters.append(MeterView("TAIL", float(fleet.suspicion[k]),
                                    f"{distance:.0f} m  {state}", warn))
        elif isinstance(fleet, ChaserController) and fleet.units.size and fleet.hunting:
            if fleet.shaken(world):
                meters.append(MeterView("CHASER", 1.0, "shaken", False))
                continue
            if not np.isfinite(fleet.nearest_m):
                continue  # it has not moved yet (the next tick has its distance)
            if fleet.pinning:  # against him while he is stopped (what ``pinned`` counts)
                meters.append(MeterView("CHASER", 0.0, "ON YOU: drive out of it", True))
                continue
            held = min(fleet.gap_held_s, fleet.lose_after_s)
            text = (f"{fleet.nearest_m:.0f} m  gap held {held:.0f}/{fleet.lose_after_s:.0f} s"
                    if held > 0.0 else f"{fleet.nearest_m:.0f} m  get {fleet.lose_range_m:.0f}"
                    " m clear")
            meters.append(MeterView("CHASER", held / fleet.lose_after_s, text, held <= 0.0))
    return tuple(meters)


__all__ = ["ActorWatch", "LOSE_M", "actor_meters", "chase", "followed_car", "send"]
