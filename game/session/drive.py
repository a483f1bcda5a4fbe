"""DriveSession: one drive in a level, headless (no pygame), and the tick in one function.

A session owns the :class:`~game.sim.World` built from a level, the Driver's car, one
fleet driver per role (traffic, parked, police, and whatever a job adds), the player's
driver (keys, pad, autopilot or a replay), the law (offences and heat), and the rules
(free drive's clock, or a job's :class:`~game.mission.runtime.MissionRuntime`). The app
renders a session and the headless runners step it; both call :meth:`DriveSession.tick`,
which is the whole tick, in the order DESIGN.md fixes::

    sense   who sees the Driver's car, and what hides it          -> Senses
    decide  every driver writes the control rows of its vehicles  -> controls (N x 7)
            (the player's driver, the fleets in the order they joined, the police last:
            traffic may move a far car out of the way first, and police react to it)
    step    World.step(controls): aids, physics, collisions       -> StepEvents
    law     offences and heat, pursuit orders, busted             -> law events
    rules   the mission's clock, window, stages                   -> rules events
    view    the typed FrameView the HUD, minimap and audio read

Extension points, all typed: a rules object (:class:`Rules`), the player's driver
(:attr:`DriveSession.player_driver`, any :class:`~game.ai.driver.Driver`), the fleets
(:meth:`DriveSession.join` hands vehicles of a role to that role's
:class:`~game.ai.driver.FleetDriver`) and a recorder (:attr:`DriveSession.recorder`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

import numpy as np

from game.ai.driver import Cover, Driver, FleetDriver, Senses, Setting
from game.ai.parked import ParkedCars
from game.ai.perception import vehicles_see
from game.ai.police import PoliceController
from game.ai.pursuit import PursuitParams
from game.ai.traffic import TrafficController
from game.level.model import Level, Spawn
from game.level.zones import ZoneGrid, cell_flag
from game.session.guide import NO_ROUTE, RouteGuide
from game.session.law import NOTHING_KNOWN, Law, Standing
from game.session.view import FrameView, HeatView, HelicopterView, RulesView
from game.sim import Snapshot, StepEvents, VehicleClass, World
from game.sim.aids import NO_AIDS, PLAYER_AIDS
from game.sim.controls import HORN, SIREN, idle_controls

FREE_DRIVE_START_CLOCK_S = 23 * 3600 + 12 * 60  #: free drive starts at 23:12, LA at night
FREE_DRIVE_SPAWNS = ("free_drive", "player_start")  #: preferred player spawns, in order
SIGHT_EVERY = 4  #: ticks between looks for the Driver (15 Hz at 60 Hz); held between
WRECKED_LINE = "WRECKED: pause and Restart for a new car"
#: the police of a job or free drive: the heat meter ends a pursuit, not the units; they
#: ram only once a chase has lasted a while (a car just pulling out gets a chance)
LAW_PURSUIT = PursuitParams(give_up_s=None, ram_after_s=10.0)
PATROL_THINK_HZ = 3.0  #: patrols decide less often than traffic: they only cruise


@dataclass(frozen=True)
class TickReport:
    """What one tick did, as the rules phase reads it."""

    senses: Senses
    step: StepEvents
    law: tuple  #: the law's events this tick (game.session.events)


class Rules(Protocol):
    """A drive's rules: free drive's clock, a job's stages, a replay's time left."""

    def update(self, session: DriveSession, report: TickReport) -> None:
        """The rules phase of the tick (after the law)."""
        ...

    def view(self, session: DriveSession) -> RulesView:
        """What the rules show this tick."""
        ...

    def state(self) -> tuple:
        """The rules' state as plain values, for the session's state hash."""
        ...


def clock_hhmm(seconds: float) -> str:
    """Time of day as HH:MM from seconds after midnight (wraps at 24 h)."""
    minutes = int(seconds // 60) % (24 * 60)
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


class FreeDriveRules:
    """Free drive: no objective; the clock runs from a late-evening start time."""

    def __init__(self, start_clock_s: float = FREE_DRIVE_START_CLOCK_S) -> None:
        self.start_clock_s = start_clock_s

    def update(self, session: DriveSession, report: TickReport) -> None:
        return None

    def view(self, session: DriveSession) -> RulesView:
        """The time of day; and, when the car is wrecked, how to get a new one (it no
        longer answers the controls, and free drive never ends by itself)."""
        player = session.player
        wrecked = player >= 0 and bool(session.world.wrecked[player])
        clock = clock_hhmm(self.start_clock_s + session.world.time)
        return RulesView(clock_text=clock, notes=(WRECKED_LINE,) if wrecked else ())

    def state(self) -> tuple:
        return ()


class Recorder(Protocol):
    """Takes the player's row and the session's state after every tick (a replay)."""

    def after_tick(self, session: DriveSession, player_row: np.ndarray) -> None: ...


class DriveSession:
    """A level, its World, the Driver's car, the fleets, the law and the rules."""

    def __init__(self, level: Level, seed: int = 0, rules: Rules | None = None,
                 standing: Standing = NOTHING_KNOWN) -> None:
        self.level = level
        self.seed = seed
        self.world = World(level.terrain, seed=seed)
        self.setting = Setting.of(level, seed)
        self.rules: Rules = rules if rules is not None else FreeDriveRules()
        self.player = -1  #: the Driver's vehicle index (-1 until spawn_player)
        #: drives the Driver's car each tick (keys, pad, autopilot, replay); None: it coasts
        self.player_driver: Driver | None = None
        self.recorder: Recorder | None = None  #: records the drive, when set
        self.police = PoliceController.in_setting(self.setting, LAW_PURSUIT, PATROL_THINK_HZ)
        self.fleets: dict[str, FleetDriver] = {"police": self.police}  #: role -> its driver
        self.role_names: list[str] = []  #: role codes: index -> role name
        self.role = np.zeros(0, dtype=np.int16)  #: per vehicle: its role's code, -1: none
        self.law = Law(level, self.setting.signals, self.police, standing)
        crowds = sorted(name for name, zone in level.zones.items() if zone.kind == "crowd")
        self._crowds = ZoneGrid(level, crowds)
        self._sight = np.zeros(0, dtype=bool)  #: who saw the Driver at the last look...
        self._sight_heli = False  #: ...whether a helicopter did...
        self._sight_at = (0.0, 0.0)  #: ...and where the Driver was then
        self.events: list = []  #: everything since the frame last drained (steps, law, rules)
        #: the way to the rules' waypoint, for the view (refreshed at a low rate)
        self.guide = RouteGuide(self.setting.planner, level.terrain)
        self.view = self.refresh_view()

    # -- building --------------------------------------------------------------------
    def spawn(self, vehicle_class: VehicleClass | str, x: float, y: float,
              heading: float, speed: float = 0.0, aids: int = NO_AIDS) -> int:
        """Add one vehicle (nobody drives it until it joins a fleet); returns its index."""
        if isinstance(vehicle_class, str):
            vehicle_class = VehicleClass.from_name(vehicle_class)
        index = int(np.atleast_1d(self.world.spawn(vehicle_class, x, y, heading, speed,
                                                   aids=aids))[0])
        self.role = np.append(self.role, np.int16(-1))
        return index

    def spawn_at(self, spawn: Spawn, default_class: str = "sedan") -> int:
        """Add a vehicle at a level spawn point, with its class (or ``default_class``)."""
        return self.spawn(spawn.vehicle_class or default_class, spawn.x, spawn.y, spawn.heading)

    def spawn_player(self, spawn_name: str = "player_start", aids: int = PLAYER_AIDS,
                     vehicle_class: str = "") -> int:
        """Put the Driver's car at a named spawn; it becomes the player's car."""
        spawn = self.spawn_named(spawn_name)
        self.player = self.spawn(vehicle_class or spawn.vehicle_class or "driver",
                                 spawn.x, spawn.y, spawn.heading, aids=aids)
        self.role[self.player] = self.role_code("player")
        return self.player

    def spawn_named(self, name: str) -> Spawn:
        try:
            return self.level.spawns[name]
        except KeyError:
            raise KeyError(f"{self.level.path}: no spawn named {name!r}") from None

    def spawns_of_kind(self, kind: str) -> list[Spawn]:
        """Spawns of one kind, in name order (so seeds give the same cars every run)."""
        return sorted((s for s in self.level.spawns.values() if s.kind == kind),
                      key=lambda s: s.name)

    def role_code(self, role: str) -> int:
        """The code of a role in :attr:`role` (new roles get the next code)."""
        if role not in self.role_names:
            self.role_names.append(role)
        return self.role_names.index(role)

    def join(self, role: str, rows: np.ndarray,
             make: Callable[[Setting], FleetDriver]) -> FleetDriver:
        """Vehicles ``rows`` get ``role`` and join its fleet (made by ``make`` the first time)."""
        fleet = self.fleets.get(role)
        if fleet is None:
            fleet = self.fleets[role] = make(self.setting)
        rows = np.atleast_1d(np.asarray(rows, dtype=np.intp))
        fleet.add(rows)
        self.role[rows] = self.role_code(role)
        return fleet

    def vehicles_of(self, role: str) -> np.ndarray:
        """World indices of the vehicles with ``role``."""
        if role not in self.role_names:
            return np.zeros(0, dtype=np.intp)
        return np.flatnonzero(self.role == self.role_names.index(role))

    # -- running ---------------------------------------------------------------------
    @property
    def dt(self) -> float:
        return self.world.dt

    @property
    def previous(self) -> Snapshot:
        """Poses before the last tick, for render interpolation: the World keeps them (a
        spawn or a teleport through ``World.place`` is not drawn as a motion)."""
        return self.world.previous

    def tick(self) -> StepEvents:
        """One fixed step of the whole game, in the DESIGN.md order (module docstring)."""
        world = self.world
        senses = self.sense()
        controls = idle_controls(world.n)
        if self.player_driver is not None and self.player >= 0:
            self.player_driver.drive(senses, controls)
        for fleet in self.fleets.values():
            if fleet is not self.police:
                fleet.drive(senses, controls)
        self.police.drive(senses, controls)
        step = world.step(controls)
        law = tuple(self.law.update(senses, step, world))
        self.rules.update(self, TickReport(senses, step, law))
        self.refresh_view()
        self.events += [step, *law]
        if self.recorder is not None:
            player_row = controls[self.player] if self.player >= 0 else idle_controls(1)[0]
            self.recorder.after_tick(self, player_row)
        return step

    def sense(self) -> Senses:
        """Who sees the Driver's car now: each fleet with a sight looks, every
        SIGHT_EVERY ticks (what they saw holds between looks), and the helicopters."""
        world, player = self.world, self.player
        if player < 0:
            return Senses(world, -1, Cover(), np.zeros(world.n, dtype=bool), False, None)
        cover = self._cover()
        if world.tick % SIGHT_EVERY == 0 or self._sight.size != world.n:
            sees = np.zeros(world.n, dtype=bool)
            for fleet in self.fleets.values():
                rows = fleet.rows
                if fleet.sight is not None and rows.size:
                    sees[rows] = vehicles_see(
                        self.level.terrain, world, rows, player, fleet.sight,
                        cover.lights_on, cover.in_shadow, cover.in_crowd,
                    ) & ~world.wrecked[rows]  # fmt: skip
            x, y = float(world.x[player]), float(world.y[player])
            self._sight_heli = any(h.spots(x, y, cover.lights_on, cover.in_shadow)
                                   for h in self.police.helicopters)
            self._sight, self._sight_at = sees, (x, y)
        focus = (float(world.x[player]), float(world.y[player]))
        return Senses(world, player, cover, self._sight, self._sight_heli, focus,
                      self._sight_at)

    def _cover(self) -> Cover:
        world, player = self.world, self.player
        x, y = float(world.x[player]), float(world.y[player])
        shadow = cell_flag(self.level.shadow, self.level.terrain.cell_size, x, y)
        return Cover(bool(world.lights_on[player]), shadow, self._crowds.mask_at(x, y) != 0)

    def refresh_view(self) -> FrameView:
        """Build :attr:`view` from the state now (the tick's last phase; also call it
        after changing the rules, so the first frame shows them)."""
        world, police, player = self.world, self.police, self.player
        heat = self.law.heat
        helicopters = tuple(HelicopterView(h.x, h.y, h.heading, h.light_radius_m)
                            for h in police.helicopters)
        rules = self.rules.view(self)
        route = NO_ROUTE if player < 0 else self.guide.update(
            world.time, float(world.x[player]), float(world.y[player]),
            float(world.heading[player]), rules.waypoint)
        self.view = FrameView(
            rules=rules,
            heat=HeatView(heat.heat, heat.pursuit, self.law.witnessed),
            sight_cones=police.sight_cones(world),
            helicopters=helicopters,
            sirens=np.flatnonzero(world.controls[:, SIREN] > 0.5),
            police=police.units.copy(),
            route=route.points,
            route_m=route.length_m,
        )
        return self.view

    @property
    def horn(self) -> bool:
        """The Driver is sounding his horn (as the last step's controls had it)."""
        return self.player >= 0 and bool(self.world.controls[self.player, HORN] > 0.5)

    def drain_events(self) -> list:
        """Events since the last call (step events, law events, rules events), in order;
        the frame drains them (particles, sounds, HUD messages)."""
        events, self.events = self.events, []
        return events

    def state_hash(self) -> str:
        """sha256 of the world's state, the heat and the rules' state (replays)."""
        digest = hashlib.sha256(self.world.state_hash().encode())
        heat = self.law.heat
        digest.update(repr((heat.heat, heat.pursuit, self.police.pursuing,
                            self.rules.state())).encode())
        return digest.hexdigest()


SessionFactory = Callable[[], DriveSession]


def free_drive_spawn(level: Level) -> str | None:
    """Where free drive starts: the map's ``free_drive`` spawn (out on a street), else
    ``player_start`` (where jobs start), else any player spawn; None if it has none."""
    players = [s.name for s in level.spawns.values() if s.kind == "player"]
    for name in FREE_DRIVE_SPAWNS:
        if name in players:
            return name
    return players[0] if players else None


def add_parked(session: DriveSession, spawns: list[Spawn]) -> np.ndarray:
    """A parked car at each spawn, in the session's ``parked`` fleet."""
    rows = np.array([session.spawn_at(spawn) for spawn in spawns], dtype=np.intp)
    if rows.size:
        session.join("parked", rows, ParkedCars.in_setting)
    return rows


def add_traffic(session: DriveSession, spawns: list[Spawn]) -> np.ndarray:
    """A car at each traffic spawn, in the session's ``traffic`` fleet (none without roads)."""
    if not spawns or len(session.level.roads.edge_src) == 0:
        return np.zeros(0, dtype=np.intp)
    rows = np.array([session.spawn_at(spawn) for spawn in spawns], dtype=np.intp)
    session.join("traffic", rows, TrafficController.in_setting)
    return rows


def free_drive_session(level: Level, seed: int = 0, player_spawn: str | None = None,
                       player_aids: int = PLAYER_AIDS) -> DriveSession:
    """Free drive: the Driver at ``player_spawn`` (default :func:`free_drive_spawn`),
    parked cars kerbside, traffic on the lanes."""
    session = DriveSession(level, seed=seed)
    session.spawn_player(player_spawn or free_drive_spawn(level) or "player_start",
                         aids=player_aids)
    add_parked(session, session.spawns_of_kind("parked"))
    add_traffic(session, session.spawns_of_kind("traffic"))
    return session
