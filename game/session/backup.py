"""Backup: the law's orders carried out in the world (the end of the tick's law phase).

:class:`Backup` reads :class:`~game.session.law.Orders` each tick and makes them real:

- **units called in** come from out of sight: a police car is placed on a lane between
  :data:`CALL_IN_NEAR_M` and :data:`CALL_IN_FAR_M` from the Driver, clear of every other
  car, and joins the police (and so the pursuit);
- **a roadblock** is set on his predicted way: the road he is on, followed straight on
  :data:`ROADBLOCK_AHEAD_M` metres beyond him (:func:`game.ai.roadblock.roadblock_site`),
  if that spot is out of his sight; two to four cars are parked across it, sometimes with
  a gap a car can get through (the seed decides), and hold it until the police lift it;
- **the helicopter** takes off from the map's edge nearest him;
- **the Detective's calls** (:attr:`game.ai.detective.DetectiveController.calls`): a
  roadblock at each spot he names on the way he predicts, pursuit or not, held for
  :data:`DETECTIVE_HOLD_S` (the police's :class:`~game.ai.police.Roadblock` with
  ``detective`` set), if the spot is out of the Driver's sight and clear; lifted when
  the Detective loses him.

Cars for backup are new vehicles while the police are fewer than :data:`MAX_POLICE`;
after that, units far from him (off his screen) that do not see him are moved (as traffic is
recycled), and an order waits while there are none, so a long chase never grows the police
past MAX_POLICE (a roadblock gets all its cars or is not set). Every order carried out
is said on the radio.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from game.ai.detective import DetectiveController
from game.ai.police import Helicopter, map_exit
from game.ai.roadblock import blocking_positions, roadblock_site
from game.ai.traffic import spawn_on_lanes
from game.session.events import RadioLine
from game.session.radio import place_words

if TYPE_CHECKING:
    from game.session.drive import DriveSession
    from game.session.law import Orders

CALL_IN_NEAR_M = 250.0  #: called-in units appear at least this far from the Driver...
CALL_IN_FAR_M = 450.0  #: ...and no farther than this
CLEARANCE_M = 10.0  #: from every other vehicle
ROADBLOCK_AHEAD_M = 220.0  #: a roadblock stands this far along his way ahead of him
ROADBLOCK_UNSEEN_M = 130.0  #: ...and only where he cannot see it being set
ROADBLOCK_HOLD_S = 45.0  #: it is lifted after this long at the latest
ROADBLOCK_EVERY_S = 25.0  #: seconds between one roadblock and the next
MIN_SPEED_FOR_ROADBLOCK_MS = 6.0  #: a car that is not going anywhere gets no roadblock
MAX_POLICE = 14  #: new police cars stop here; backup then reuses far, unseen units
DETECTIVE_HOLD_S = 240.0  #: a roadblock the Detective calls stands this long at most


class Backup:
    """Units called in, roadblocks and the helicopter, as the law's orders say."""

    def __init__(self, seed: int) -> None:
        self.rng = np.random.default_rng(np.random.SeedSequence([seed, 0xBAC0]))
        self.called_in = 0  #: units called in for the current pursuit
        self.next_roadblock_s = 0.0  #: sim time from which another may be set
        self.roadblocks_set = 0  #: so far in this drive

    def carry_out(self, session: DriveSession, orders: Orders) -> list:
        """This tick's share of the orders; the radio lines it made."""
        police, world = session.police, session.world
        if session.player < 0:
            return []
        out = self._detective_calls(session)
        if not police.pursuing:
            self.called_in = 0
            return out
        if self.called_in < orders.units:
            rows = self._cars(session, 1, self._call_in_points)
            if rows.size:
                self.called_in += 1
                out.append(RadioLine(f"Unit {self.called_in} of {orders.units} responding "
                                     "to the pursuit.", world.time))
        if orders.roadblocks and not police.roadblocks and world.time >= self.next_roadblock_s:
            line = self._roadblock(session)
            if line is not None:
                out.append(line)
        if orders.helicopter and not police.helicopters:
            police.add_helicopter(self._helicopter(session))
            out.append(RadioLine("Air 7 is up, searchlight on.", world.time))
        return out

    # -- where the cars come from ------------------------------------------------------
    def _cars(self, session: DriveSession, count: int, points) -> np.ndarray:
        """``count`` police cars at ``points(session, count)``: (x, y, heading) arrays;
        all of them or none. New cars while the police are fewer than MAX_POLICE, then
        units moved from far off; none when not enough are far off."""
        police, world = session.police, session.world
        room = max(0, MAX_POLICE - police.units.size)  #: new cars the cap still allows
        reusable = self._reusable(session)
        if room + reusable.size < count:  # the order waits; no lane search every tick
            return np.zeros(0, dtype=np.intp)
        x, y, heading = points(session, count)
        if x.size == 0:
            return np.zeros(0, dtype=np.intp)
        new = min(x.size, room)
        reusable = reusable[: x.size - new]
        rows = []
        for k in range(x.size):
            if k < new:
                index = session.spawn("police", float(x[k]), float(y[k]), float(heading[k]))
                session.join_police([index])
            else:
                index = int(reusable[k - new])
                world.place(index, float(x[k]), float(y[k]), float(heading[k]))
            rows.append(index)
        return np.array(rows, dtype=np.intp)

    def _reusable(self, session: DriveSession) -> np.ndarray:
        """Police units out of the Driver's way, farthest first: beyond CALL_IN_NEAR_M,
        not seeing him, not wrecked and not holding a roadblock."""
        police, world = session.police, session.world
        busy = np.zeros(police.units.size, dtype=bool)
        for block in police.roadblocks:
            busy[block.rows] = True
        px, py = float(world.x[session.player]), float(world.y[session.player])
        distance = np.hypot(world.x[police.units] - px, world.y[police.units] - py)
        far = (distance > CALL_IN_NEAR_M) & ~busy & ~police.seen & ~world.wrecked[police.units]
        order = np.argsort(-distance[far], kind="stable")
        return police.units[far][order]

    def _call_in_points(self, session: DriveSession, count: int):
        """Lane points out of sight of the Driver, clear of every car."""
        world, roads = session.world, session.level.roads
        x, y, heading = spawn_on_lanes(roads, self.rng, 400, min_spacing_m=12.0,
                                       geometry=session.setting.planner.geometry)
        px, py = float(world.x[session.player]), float(world.y[session.player])
        distance = np.hypot(x - px, y - py)
        ok = (distance >= CALL_IN_NEAR_M) & (distance <= CALL_IN_FAR_M)
        ok &= _clear(world, x, y)
        pick = np.flatnonzero(ok)[:count]
        return x[pick], y[pick], heading[pick]

    def _roadblock(self, session: DriveSession) -> RadioLine | None:
        world, player = session.world, session.player
        speed = float(world.speed[player])
        if speed < MIN_SPEED_FOR_ROADBLOCK_MS:
            return None
        heading = float(np.arctan2(world.world_vy[player], world.world_vx[player]))
        geo = session.setting.planner.geometry
        site = roadblock_site(geo, float(world.x[player]), float(world.y[player]), heading,
                              ROADBLOCK_AHEAD_M)
        if site is None:
            return None
        gap = bool(self.rng.random() < 0.5)
        if not self._block(session, site, gap, ROADBLOCK_HOLD_S, detective=False):
            return None
        self.next_roadblock_s = world.time + ROADBLOCK_EVERY_S
        where = place_words(session.level, site[0], site[1])
        return RadioLine(f"Roadblock set {where}" + (", one lane open." if gap else "."),
                         world.time)

    def _detective_calls(self, session: DriveSession) -> list:
        """The roadblocks the Detective calls on the ways he predicts (quietly: he does
        not use the open channel), and his blocks lifted once he has lost the Driver."""
        detective = session.fleets.get("detective")
        if not isinstance(detective, DetectiveController):
            return []
        if detective.lost:
            session.police.lift_detective_roadblocks()
            return []
        while detective.calls:
            site = detective.calls.pop(0)
            self._block(session, site, gap=False, hold_s=DETECTIVE_HOLD_S, detective=True)
        return []

    def _block(self, session: DriveSession, site: tuple[float, float, float], gap: bool,
               hold_s: float, detective: bool) -> bool:
        """Police cars parked across the road at ``site`` (x, y, road heading) if it is
        out of the Driver's sight and clear of every car; whether it was set."""
        world, player = session.world, session.player
        sx, sy, road_heading = site
        if np.hypot(sx - world.x[player], sy - world.y[player]) < ROADBLOCK_UNSEEN_M:
            return False
        geo = session.setting.planner.geometry
        x, y, across = blocking_positions(geo, session.level.terrain, sx, sy, road_heading, gap)
        ok = _clear(world, x, y)
        if x.size < 2 or not ok.all():
            return False
        rows = self._cars(session, x.size, lambda s, n: (x, y, across))
        if rows.size < x.size:
            return False
        session.police.set_roadblock(rows, (sx, sy), world.time + hold_s, detective)
        self.roadblocks_set += 1
        return True

    @staticmethod
    def _helicopter(session: DriveSession) -> Helicopter:
        """In from the map's edge nearest the Driver."""
        world = session.world
        px, py = float(world.x[session.player]), float(world.y[session.player])
        x, y = map_exit(session.level.terrain.size_m, px, py)
        return Helicopter(x, y, heading=float(np.arctan2(py - y, px - x)))


def _clear(world, x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """True where a point is at least CLEARANCE_M from every vehicle."""
    if world.n == 0 or np.size(x) == 0:
        return np.ones(np.size(x), dtype=bool)
    near = np.hypot(np.asarray(x)[:, None] - world.x, np.asarray(y)[:, None] - world.y)
    return (near >= CLEARANCE_M).all(axis=1)

