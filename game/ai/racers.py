"""Racers: stock cars that race the Driver round a track, on its racing line.

The ``racer`` fleet of a session (:data:`game.mission.roles.ROLES`). Every racer drives
the lap of :func:`game.ai.racing_line.track_lines` (the map's fastest road loop) at the
speed the line's curvature allows (its speed profile), times its own seeded pace, in a
lane of its own across the track's width. All of it is whole-array work over the racers:
one projection onto the line, one (racers x cars) table of who is ahead of whom (every
car in the world counts: the Driver's, a rival's, one stalled on the track).

* **Overtaking**: a car ahead in the racer's lane, closer than ``look_m`` (more the
  faster the racer closes on it: ``look_s`` seconds of the closing speed) and not faster,
  is passed on the side with more room, if that side is clear alongside; if not, the
  racer follows it at its speed, ``follow_gap_m`` behind. The Driver's car counts like
  any racer's: they pass him, or push him when there is no room (contact is the world's).
* **The pit lane**: a racer whose damage passes ``pit_damage``, or whose seeded stop is
  due (one racer in ``pit_share`` plans one), moves to the inside before the pit entry,
  takes the pit lane at its limit, stands ``pit_stop_s`` at the box and rejoins.
* **The start**: they hold on the grid (handbrake) until :meth:`RacerController.go`
  (the mission's ``start_race`` action); the race is the mission's, laps and positions
  are its race tracker's.

They drive through control rows like every driver (:mod:`game.ai.steering`), headlights
on, nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from game.ai.racing_line import Track, track_lines
from game.ai.steering import Chassis, drive_to, hold_still
from game.sim.vehicles import CLASS_TABLE, VehicleClass

if TYPE_CHECKING:
    from game.ai.driver import Senses, Setting

MODE_LAP, MODE_PIT = 0, 1  #: where a racer drives: the lap's line, or the pit lane


@dataclass(frozen=True)
class RacerParams:
    pace_range: tuple[float, float] = (0.9, 0.98)  #: share of the line's speed (seeded)
    look_base_m: float = 10.0  #: steering target this far ahead on the line...
    look_per_ms: float = 0.3  #: ...plus this many metres per m/s of speed
    look_m: float = 20.0  #: a car this close ahead in the lane is to be passed or followed...
    look_s: float = 2.5  #: ...or closer than this many seconds at the speed it is closed on
    car_width_m: float = 2.6  #: cars closer sideways than this share a lane
    pass_offset_m: float = 4.0  #: a pass is this far to the side of the car passed
    alongside_m: float = 9.0  #: the passing side must be clear from this far back to this
    #: far beyond the car passed
    follow_gap_m: float = 9.0  #: a racer that cannot pass holds this gap
    lateral_gain: float = 0.8  #: metres aimed further in per metre a racer runs wide
    lateral_ms: float = 4.0  #: how fast a racer drifts across the track (m/s sideways)
    pit_damage: float = 0.35  #: damage above which a racer pits
    pit_share: int = 3  #: one racer in this many plans a stop (seeded)
    pit_after_s: tuple[float, float] = (40.0, 70.0)  #: sim seconds after the start, seeded
    pit_stop_s: float = 3.0  #: seconds at the box
    pit_approach_m: float = 160.0  #: metres before the pit entry it moves to the inside
    pit_brake: float = 4.0  #: m/s^2 it slows at on the way to the pit entry
    wall_margin_m: float = 1.5  #: racers keep this far inside the outer lane's centre


class RacerController:
    """Drives every racer of a session round its track (module docstring)."""

    role = "racer"
    sight = None  #: racers race; they do not look for anyone

    def __init__(self, track: Track, seed: int = 0, params: RacerParams = RacerParams()):
        self.track = track
        self.params = params
        self.rng = np.random.default_rng([seed, 0x8ACE])
        self.rows = np.zeros(0, dtype=np.intp)
        self.green_at: float | None = None  #: sim time the race started (None: on the grid)
        self.lane = np.zeros(0)  #: (R,) metres right of the line each racer keeps to
        self.lateral = np.zeros(0)  #: (R,) metres right of the line it steers for now
        self.pace = np.zeros(0)  #: (R,) share of the line's speed it drives at
        self.pit_due = np.zeros(0)  #: (R,) sim seconds after the start (inf: no stop)
        self.mode = np.zeros(0, dtype=np.int8)  #: (R,) MODE_LAP or MODE_PIT
        self.pitted = np.zeros(0, dtype=bool)  #: (R,) has made its stop
        self.box_s = np.zeros(0)  #: (R,) seconds stood at the box so far
        self._chassis: Chassis | None = None
        self._entry_s: float | None = None

    @classmethod
    def in_setting(cls, setting: Setting, params: RacerParams = RacerParams()
                   ) -> RacerController:
        top = float(CLASS_TABLE.top_speed[VehicleClass.STOCK_CAR])
        return cls(track_lines(setting.level, top), setting.seed, params)

    def add(self, rows: np.ndarray) -> None:
        """Racers join on the grid: each gets a lane, a pace and maybe a planned stop."""
        rows = np.asarray(rows, dtype=np.intp)
        p, n = self.params, rows.size
        lo, hi = self._width()
        count = self.rows.size + n
        self.rows = np.append(self.rows, rows)
        # two lines, alternately: single file mostly, two abreast at most (4 m apart)
        lanes = np.where(np.arange(count - n, count) % 2 == 0, lo + 1.0, lo + 5.0)
        self.lane = np.append(self.lane, lanes)
        self.lateral = np.append(self.lateral, lanes)
        self.pace = np.append(self.pace, self.rng.uniform(*p.pace_range, n))
        plans = self.rng.integers(0, p.pit_share, n) == 0
        due = np.where(plans, self.rng.uniform(*p.pit_after_s, n), np.inf)
        self.pit_due = np.append(self.pit_due, due)
        self.mode = np.append(self.mode, np.zeros(n, dtype=np.int8))
        self.pitted = np.append(self.pitted, np.zeros(n, dtype=bool))
        self.box_s = np.append(self.box_s, np.zeros(n))
        self._chassis = None

    def go(self, time: float) -> None:
        """The lights are green: the racers leave the grid."""
        self.green_at = time

    def drive(self, senses: Senses, controls: np.ndarray) -> None:
        u = self.rows
        if not u.size:
            return
        world = senses.world
        if self.green_at is None or senses.time < self.green_at:
            controls[u] = hold_still(u.size)
            return
        if self._chassis is None:
            self._chassis = Chassis.of_classes(world.vehicle_class[u])
        everyone = np.arange(world.n, dtype=np.intp)  # the Driver, rivals, a stalled car
        cars = np.concatenate([u, everyone[~np.isin(everyone, u)]])
        lap, pit, p = self.track.lap, self.track.pit, self.params
        s_all, lat_all = lap.project(world.x[cars], world.y[cars])
        s, lat, speed = s_all[: u.size], lat_all[: u.size], world.speed[u]
        target_lat, target_speed = self._traffic(s, lat, speed, s_all, lat_all,
                                                 world.speed[cars], u, cars)
        due = ~self.pitted & ((senses.time - self.green_at >= self.pit_due)
                              | (world.damage[u] > p.pit_damage))
        self._take_pit(due, s)
        approaching, to_entry = self._approaching_pit(due, s)
        target_lat = np.where(approaching, self.track.lateral_range[0], target_lat)
        if pit is not None:  # slow enough at the entry to take the pit lane's first bend
            entry = np.sqrt(float(pit.speed[0]) ** 2 + 2.0 * p.pit_brake * np.maximum(to_entry, 0))
            target_speed = np.where(approaching, np.minimum(target_speed, entry), target_speed)
        step = p.lateral_ms * world.dt
        self.lateral += np.clip(target_lat - self.lateral, -step, step)
        look = p.look_base_m + p.look_per_ms * speed
        # aim off the line by the error too: a car running wide in a bend aims further in
        aim = self.lateral + np.clip(p.lateral_gain * (self.lateral - lat), -3.0, 3.0)
        tx, ty = lap.pose_at(s + look, aim)
        want = np.minimum(lap.speed_at(s + 0.5 * look) * self.pace, target_speed)
        if pit is not None and (self.mode == MODE_PIT).any():
            tx, ty, want = self._pit_targets(world, u, look, tx, ty, want, target_speed)
        rows = drive_to(world.x[u], world.y[u], world.heading[u], world.vx[u], tx, ty,
                        want, self._chassis)
        controls[u] = rows

    def _traffic(self, s, lat, speed, s_all, lat_all, speed_all, u, cars):
        """Where each racer steers across the track and the most it may go: pass a slower
        car in its lane where the side is clear, else follow it (module docstring)."""
        p = self.params
        lo, hi = self._width()
        gap = self.track.lap.ahead_m(s[:, None], s_all[None, :])  # (R, C) metres ahead
        side = lat_all[None, :] - self.lateral[:, None]
        me = u[:, None] == cars[None, :]
        closing = np.maximum(speed[:, None] - speed_all[None, :], 0.0)
        reach = p.look_m + p.look_s * closing
        ahead = (gap > 0.0) & (gap < reach) & (np.abs(side) < p.car_width_m) & ~me
        ahead &= speed_all[None, :] < speed[:, None] + 0.5
        blocked = ahead.any(axis=1)
        nearest = np.argmin(np.where(ahead, gap, np.inf), axis=1)
        their_lat = lat_all[nearest]
        go_right = (hi - their_lat) > (their_lat - lo)
        pass_lat = np.clip(their_lat + np.where(go_right, p.pass_offset_m, -p.pass_offset_m),
                           lo, hi)
        their_gap = gap[np.arange(u.size), nearest]
        # the passing lane must be clear from alongside to beyond the car passed
        in_the_way = (gap > -p.alongside_m) & (gap < their_gap[:, None] + p.alongside_m) & ~me
        taken = in_the_way & (np.abs(lat_all[None, :] - pass_lat[:, None]) < p.car_width_m)
        room = np.abs(pass_lat - their_lat) >= p.car_width_m
        passing = blocked & room & ~taken.any(axis=1)
        target_lat = np.where(passing, pass_lat, self.lane)
        follow = speed_all[nearest] + 0.5 * (their_gap - p.follow_gap_m)
        limit = np.where(blocked & ~passing, np.maximum(follow, 0.0), np.inf)
        return target_lat, limit

    def _width(self) -> tuple[float, float]:
        """The lateral range racers use: the track's lanes, kept off the outer wall."""
        lo, hi = self.track.lateral_range
        return lo, hi - self.params.wall_margin_m

    def _take_pit(self, due: np.ndarray, s: np.ndarray) -> None:
        """Racers due a stop (planned, or damaged) take the pit lane at its entry."""
        if self.track.pit is None:
            return
        at_entry = self.track.lap.ahead_m(s, self._pit_entry_s())
        enter = due & (self.mode == MODE_LAP) & (at_entry > -2.0) & (at_entry < 6.0)
        self.mode[enter] = MODE_PIT
        self.box_s[enter] = 0.0

    def _pit_entry_s(self) -> float:
        """Metres along the lap where the pit lane leaves it (worked out once)."""
        if self._entry_s is None:
            pit = self.track.pit
            assert pit is not None
            s, _ = self.track.lap.project(pit.xy[:1, 0], pit.xy[:1, 1])
            self._entry_s = float(s[0])
        return self._entry_s

    def _approaching_pit(self, due: np.ndarray, s: np.ndarray
                         ) -> tuple[np.ndarray, np.ndarray]:
        """Which racers are on their way into the pits, and their metres to its entry."""
        if self.track.pit is None:
            return np.zeros(s.shape, dtype=bool), np.zeros(s.shape)
        due = due & (self.mode == MODE_LAP)
        to_entry = self.track.lap.ahead_m(s, self._pit_entry_s())
        return due & (to_entry > -2.0) & (to_entry < self.params.pit_approach_m), to_entry

    def _pit_targets(self, world, u, look, tx, ty, want, traffic):
        """In the pit lane: its line at its limit, a stop at the box, out at its end."""
        pit, p = self.track.pit, self.params
        assert pit is not None
        in_pit = self.mode == MODE_PIT
        ps, _ = pit.project(world.x[u], world.y[u])
        px, py = pit.pose_at(ps + look, 0.0)
        box = pit.length / 2.0
        at_box = in_pit & (np.abs(ps - box) < 3.0) & (self.box_s < p.pit_stop_s)
        stopped = at_box & (world.speed[u] < 0.8)
        self.box_s[stopped] += world.dt
        to_box = np.where(ps < box, box - ps, np.inf)
        slow = np.minimum(pit.speed_at(ps + 0.5 * look), np.sqrt(2.0 * 3.0 * to_box))
        pit_want = np.where(at_box, 0.0, np.where(self.box_s < p.pit_stop_s, slow,
                                                   pit.speed_at(ps + 0.5 * look)))
        done = in_pit & (ps > pit.length - 8.0)
        self.mode[done] = MODE_LAP
        self.pitted |= done
        in_pit &= ~done
        return (np.where(in_pit, px, tx), np.where(in_pit, py, ty),
                np.where(in_pit, np.minimum(pit_want, traffic), want))
