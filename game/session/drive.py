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
    law     offences and heat, lookout, pursuit orders, busted     -> law events
            (then the backup carries out the level's orders: units called in,
            a roadblock, the helicopter; then the car change the Driver asked for,
            beside a spare car: the step was in the car he got out of)
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
from dataclasses import dataclass, replace
from typing import Protocol

import numpy as np

from game.ai.detective import DetectiveController
from game.ai.driver import Cover, Driver, FleetDriver, Senses, Setting
from game.ai.parked import ParkedCars, SpareCars
from game.ai.perception import SightParams, vehicles_see
from game.ai.police import PoliceController
from game.ai.pursuit import PursuitParams
from game.ai.traffic import TrafficController, spawn_on_lanes
from game.level.model import Level, Spawn
from game.level.zones import ZoneGrid, cell_flag
from game.session.backup import Backup
from game.session.escalation import Difficulty, load_escalation
from game.session.events import CarChanged, RadioLine
from game.session.guide import NO_ROUTE, RouteGuide
from game.session.law import Law
from game.session.radio import RadioBoard
from game.session.standing import NOTHING_KNOWN, Standing
from game.session.view import FrameView, HeatView, HelicopterView, RulesView
from game.sim import Snapshot, StepEvents, VehicleClass, World
from game.sim.aids import FLEET_AIDS, PLAYER_AIDS
from game.sim.controls import CHANGE_CAR, HORN, SIREN, idle_controls

FREE_DRIVE_START_CLOCK_S = 23 * 3600 + 12 * 60  #: free drive starts at 23:12, LA at night
FREE_DRIVE_SPAWNS = ("free_drive", "player_start")  #: preferred player spawns, in order
SIGHT_EVERY = 4  #: ticks between looks for the Driver (15 Hz at 60 Hz); held between
WRECKED_LINE = "WRECKED: pause and Restart for a new car"
#: the police of a job or free drive: the heat meter ends a pursuit, not the units; they
#: ram only once a chase has lasted a while (a car just pulling out gets a chance)
LAW_PURSUIT = PursuitParams(give_up_s=None, ram_after_s=10.0)
PATROL_THINK_HZ = 3.0  #: patrols decide less often than traffic: they only cruise
LANE_KM_PER_PATROL = 8.0  #: free drive: one patrol car per this many km of lanes...
MIN_PATROLS = 3  #: ...but never fewer than this (normal difficulty)
PATROL_CLEAR_OF_START_M = 150.0  #: no patrol starts nearer the Driver than this
BESIDE_GAP_M = 6.0  #: free drive: the Detective closes to this, to pull up beside him...
SPEAK_M = 12.0  #: ...says his line once this near, seeing him...
SPEAK_S = 8.0  #: ...and it stays on the HUD this long (sim seconds)
CHANGE_REACH_M = 7.0  #: a spare car this near (centre to centre) can be changed into...
CHANGE_BELOW_MS = 1.0  #: ...once the Driver's car is slower than this
NO_SPARES = np.zeros(0, dtype=np.intp)


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
    """Free drive: no objective; the clock runs from a late-evening start time. A career's
    Detective may pull up beside the Driver (:func:`free_drive_session`): once his car is
    within SPEAK_M and sees him, his line is on the HUD for SPEAK_S and he leaves it there."""

    def __init__(self, start_clock_s: float = FREE_DRIVE_START_CLOCK_S,
                 detective_line: str = "") -> None:
        self.start_clock_s = start_clock_s
        self.detective_line = detective_line
        self.spoke_at: float | None = None  #: sim time the Detective said his line

    def update(self, session: DriveSession, report: TickReport) -> None:
        detective = session.fleets.get("detective")
        if self.spoke_at is not None or not isinstance(detective, DetectiveController):
            return
        world, player, unit = session.world, session.player, detective.unit
        near = np.hypot(world.x[unit] - world.x[player], world.y[unit] - world.y[player])
        if near <= SPEAK_M and report.senses.sees_player[unit]:
            self.spoke_at = world.time
            detective.lose("he said what he came to say")

    def view(self, session: DriveSession) -> RulesView:
        """The time of day; when the car is wrecked, how to get a new one (it no longer
        answers the controls); and the end of the drive when the police bust him."""
        player = session.player
        wrecked = player >= 0 and bool(session.world.wrecked[player])
        clock = clock_hhmm(self.start_clock_s + session.world.time)
        busted = session.law.busted
        if busted is not None:
            return RulesView(clock_text=clock, notes=(busted.reason.upper(),), finished=True)
        notes = (WRECKED_LINE,) if wrecked else ()
        if self.spoke_at is not None and session.world.time - self.spoke_at < SPEAK_S:
            notes = (*notes, self.detective_line)
        return RulesView(clock_text=clock, notes=notes)

    def state(self) -> tuple:
        return () if self.spoke_at is None else (self.spoke_at,)


class Recorder(Protocol):
    """Takes the player's row and the session's state after every tick (a replay)."""

    def after_tick(self, session: DriveSession, player_row: np.ndarray) -> None: ...


class DriveSession:
    """A level, its World, the Driver's car, the fleets, the law and the rules."""

    def __init__(self, level: Level, seed: int = 0, rules: Rules | None = None,
                 standing: Standing = NOTHING_KNOWN, difficulty: str = "normal") -> None:
        self.level = level
        self.seed = seed
        self.difficulty = difficulty  #: the police's: "easy", "normal" or "hard"
        self.world = World(level.terrain, seed=seed)
        self.setting = Setting.of(level, seed)
        table = load_escalation()
        police_difficulty = table.difficulties[difficulty]
        self.rules: Rules = rules if rules is not None else FreeDriveRules()
        self.player = -1  #: the Driver's vehicle index (-1 until spawn_player)
        #: drives the Driver's car each tick (keys, pad, autopilot, replay); None: it coasts
        self.player_driver: Driver | None = None
        self.recorder: Recorder | None = None  #: records the drive, when set
        self.police = police_for(self.setting, table.sight, police_difficulty)
        self.fleets: dict[str, FleetDriver] = {"police": self.police}  #: role -> its driver
        self.role_names: list[str] = []  #: role codes: index -> role name
        self.role = np.zeros(0, dtype=np.int16)  #: per vehicle: its role's code, -1: none
        self.law = Law(level, self.setting.signals, self.police, standing, table, difficulty)
        self.backup = Backup(seed)
        crowds = sorted(name for name, zone in level.zones.items() if zone.kind == "crowd")
        self._crowds = ZoneGrid(level, crowds)
        self._sight = np.zeros(0, dtype=bool)  #: who saw the Driver at the last look...
        self._sight_heli = False  #: ...whether a helicopter did...
        self._sight_at = (0.0, 0.0)  #: ...and where the Driver was then
        self.events: list = []  #: everything since the frame last drained (steps, law, rules)
        self.radio = RadioBoard()  #: the radio line on the HUD (one after another)
        #: the way to the rules' waypoint, for the view (refreshed at a low rate)
        self.guide = RouteGuide(self.setting.planner, level.terrain)
        self._asked_change = False  #: the Driver's row asked for a car change last tick
        self.view = self.refresh_view()

    # -- building --------------------------------------------------------------------
    def spawn(self, vehicle_class: VehicleClass | str, x: float, y: float,
              heading: float, speed: float = 0.0, aids: int = FLEET_AIDS) -> int:
        """Add one vehicle (nobody drives it until it joins a fleet); returns its index.
        Every car but the Driver's has :data:`~game.sim.aids.FLEET_AIDS` (its wheels
        never spin)."""
        if isinstance(vehicle_class, str):
            vehicle_class = VehicleClass.from_name(vehicle_class)
        index = int(np.atleast_1d(self.world.spawn(vehicle_class, x, y, heading, speed,
                                                   aids=aids))[0])
        self.role = np.append(self.role, np.int16(-1))
        return index

    def spawn_many(self, vehicle_classes, x, y, heading, speed=0.0) -> np.ndarray:
        """Add many vehicles in one go (one World.spawn: the arrays grow once); their
        indices. ``vehicle_classes`` are names or VehicleClass values."""
        classes = np.array([VehicleClass.from_name(c) if isinstance(c, str) else int(c)
                            for c in vehicle_classes], dtype=np.intp)
        rows = np.atleast_1d(self.world.spawn(classes, x, y, heading, speed,
                                              aids=FLEET_AIDS)).astype(np.intp)
        self.role = np.append(self.role, np.full(rows.size, -1, dtype=np.int16))
        return rows

    def spawn_at(self, spawn: Spawn, default_class: str = "sedan") -> int:
        """Add a vehicle at a level spawn point, with its class (or ``default_class``)."""
        return self.spawn(spawn.vehicle_class or default_class, spawn.x, spawn.y, spawn.heading)

    def spawn_at_all(self, spawns: list[Spawn], default_class: str = "sedan") -> np.ndarray:
        """A vehicle at each spawn point, in one go; their indices."""
        if not spawns:
            return np.zeros(0, dtype=np.intp)
        return self.spawn_many([s.vehicle_class or default_class for s in spawns],
                               [s.x for s in spawns], [s.y for s in spawns],
                               [s.heading for s in spawns])

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

    def join_police(self, rows) -> None:
        """Vehicles ``rows`` become police units (the session always has its police)."""
        rows = np.atleast_1d(np.asarray(rows, dtype=np.intp))
        self.police.add(rows)
        self.role[rows] = self.role_code("police")

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
        law = tuple(self.law.update(senses, step, world)
                    + self.backup.carry_out(self, self.law.orders))
        changed = self._car_change(controls)  # after the law: this step was in the old car
        law = law if changed is None else (*law, changed)
        heard = len(self.events)
        self.rules.update(self, TickReport(senses, step, law))
        self.events += [step, *law]
        for line in self.events[heard:]:
            if isinstance(line, RadioLine):  # the law's and the job's scanner lines alike
                self.radio.hear(line.text)
        self.refresh_view()
        if self.recorder is not None:  # the row he drove with (a car change moves .player)
            player_row = controls[senses.player] if senses.player >= 0 else idle_controls(1)[0]
            self.recorder.after_tick(self, player_row)
        return step

    def _car_change(self, controls: np.ndarray) -> CarChanged | None:
        """The Driver's row asked for a car change this tick (the key went down): he
        changes cars if he can (:meth:`change_car`)."""
        if self.player < 0:
            return None
        asked = bool(controls[self.player, CHANGE_CAR] > 0.5)
        pressed, self._asked_change = asked and not self._asked_change, asked
        return self.change_car() if pressed else None

    def spare_in_reach(self) -> int:
        """The spare car the Driver could change into now (-1: none): one not wrecked
        within CHANGE_REACH_M of his car, the nearest, while his car is slower than
        CHANGE_BELOW_MS."""
        spares, world, player = self.fleets.get("spare"), self.world, self.player
        if not isinstance(spares, SpareCars) or player < 0 or not spares.rows.size \
                or float(world.speed[player]) >= CHANGE_BELOW_MS:
            return -1
        rows = spares.rows[~world.wrecked[spares.rows]]
        distance = np.hypot(world.x[rows] - world.x[player], world.y[rows] - world.y[player])
        near = distance <= CHANGE_REACH_M
        return int(rows[near][np.argmin(distance[near])]) if near.any() else -1

    def change_car(self) -> CarChanged | None:
        """He gets out and into the spare car in reach (None: there is none). The car he
        left takes its place among the spares (parked, lights off), his driver aids go
        with him, and whoever drives the player's row drives the new car. If no police
        unit or helicopter saw him at the last look, the law no longer knows his car
        (:meth:`game.session.law.Law.car_changed`); the Detective, who knows him by his
        car, loses him unless he saw it (his own rule)."""
        taken = self.spare_in_reach()
        if taken < 0:
            return None
        spares = self.fleets["spare"]
        assert isinstance(spares, SpareCars)
        world, left = self.world, self.player
        spares.swap(taken, left)
        world.set_aids(taken, int(world.aids[left]))
        world.set_aids(left, FLEET_AIDS)
        self.role[taken], self.role[left] = self.role_code("player"), self.role_code("spare")
        self.player = taken
        police = self.police.units
        seen = bool(self._sight[police[police < self._sight.size]].any()) or self._sight_heli
        self._sight = np.zeros(0, dtype=bool)  # look again at the new car next tick
        self.law.car_changed(seen)
        return CarChanged(left, taken, seen, world.time)

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
        heat, spares = self.law.heat, self.fleets.get("spare")
        helicopters = tuple(HelicopterView(h.x, h.y, h.heading, h.searchlight_m)
                            for h in police.helicopters)
        rules = self.rules.view(self)
        route = NO_ROUTE if player < 0 else self.guide.update(
            world.time, float(world.x[player]), float(world.y[player]),
            float(world.heading[player]), rules.waypoint)
        self.view = FrameView(
            rules=rules,
            heat=HeatView(heat.heat, heat.pursuit, self.law.witnessed, heat.level,
                          heat.level_name, self.law.lookout is not None),
            sight_cones=police.sight_cones(world),
            helicopters=helicopters,
            sirens=np.flatnonzero(world.controls[:, SIREN] > 0.5),
            police=police.units.copy(),
            radio=self.radio.shown(world.time),
            route=route.points,
            route_m=route.length_m,
            damage=float(world.damage[player]) if player >= 0 else 0.0,
            spare_cars=spares.rows.copy() if isinstance(spares, SpareCars) else NO_SPARES,
            change_car_here=self.spare_in_reach() >= 0,
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


def police_for(setting: Setting, base: SightParams, difficulty: Difficulty) -> PoliceController:
    """A session's police as the table and the difficulty make them: how far they see
    (``base``, scaled), when they ram, whether they spin a car with a PIT."""
    sight = replace(base, cone_range_m=base.cone_range_m * difficulty.sight,
                    near_radius_m=base.near_radius_m * difficulty.sight)
    params = replace(LAW_PURSUIT, ram_after_s=difficulty.ram_after_s)
    return PoliceController.in_setting(setting, params, PATROL_THINK_HZ, sight, difficulty.pit)


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
    rows = session.spawn_at_all(spawns)
    if rows.size:
        session.join("parked", rows, ParkedCars.in_setting)
    return rows


def add_traffic(session: DriveSession, spawns: list[Spawn]) -> np.ndarray:
    """A car at each traffic spawn, in the session's ``traffic`` fleet (none without roads)."""
    if not spawns or len(session.level.roads.edge_src) == 0:
        return np.zeros(0, dtype=np.intp)
    rows = session.spawn_at_all(spawns)
    session.join("traffic", rows, TrafficController.in_setting)
    return rows


def add_patrols(session: DriveSession, count: int) -> np.ndarray:
    """``count`` police cars on lanes spread over the map (seeded), none near the Driver:
    free drive's patrols beyond the map's own police spawns."""
    roads = session.level.roads
    if count <= 0 or len(roads.edge_src) == 0:
        return np.zeros(0, dtype=np.intp)
    rng = np.random.default_rng(np.random.SeedSequence([session.seed, 0x9A7]))
    x, y, heading = spawn_on_lanes(roads, rng, 4 * count + 8, min_spacing_m=10.0,
                                   geometry=session.setting.planner.geometry)
    if session.player >= 0:
        px, py = float(session.world.x[session.player]), float(session.world.y[session.player])
        far = np.hypot(x - px, y - py) > PATROL_CLEAR_OF_START_M
        x, y, heading = x[far], y[far], heading[far]
    x, y, heading = x[:count], y[:count], heading[:count]
    rows = session.spawn_many(["police"] * x.size, x, y, heading)
    session.join_police(rows)
    return rows


def patrols_for(session: DriveSession) -> int:
    """How many patrols free drive puts on the session's map: by its lanes' length and
    the difficulty."""
    lane_km = float(session.setting.planner.geometry.length.sum()) / 1000.0
    base = max(MIN_PATROLS, round(lane_km / LANE_KM_PER_PATROL))
    return int(round(base * session.law.difficulty.units))


def free_drive_session(level: Level, seed: int = 0, player_spawn: str | None = None,
                       player_aids: int = PLAYER_AIDS, difficulty: str = "normal",
                       standing: Standing = NOTHING_KNOWN) -> DriveSession:
    """Free drive ("Take a Ride"): the Driver at ``player_spawn`` (default
    :func:`free_drive_spawn`), parked cars kerbside, traffic on the lanes, and the police:
    the map's police spawns and patrols all over it, reacting to what they see. With a
    career's ``standing.detective_line`` the Detective's unmarked car comes from the map's
    ``detective`` spawn to pull up beside the Driver and say it (:class:`FreeDriveRules`)."""
    rules = FreeDriveRules(detective_line=standing.detective_line)
    session = DriveSession(level, seed=seed, rules=rules, standing=standing,
                           difficulty=difficulty)
    car = standing.player_car  # a career's car, in its class
    session.spawn_player(player_spawn or free_drive_spawn(level) or "player_start",
                         aids=player_aids, vehicle_class=car.vehicle_class if car else "")
    add_parked(session, session.spawns_of_kind("parked"))
    add_traffic(session, session.spawns_of_kind("traffic"))
    police = session.spawns_of_kind("police")
    if police and len(level.roads.edge_src):
        session.join_police(session.spawn_at_all(police, default_class="police"))
    add_patrols(session, patrols_for(session) - len(police))
    if standing.detective_line:
        add_visiting_detective(session)
    session.refresh_view()
    return session


def add_visiting_detective(session: DriveSession) -> DetectiveController | None:
    """The Detective in free drive: his car at the map's ``detective`` spawn (none: he
    does not come), told where the Driver is; he comes to pull up beside him."""
    spawns = session.spawns_of_kind("detective")
    if not spawns or session.player < 0:
        return None
    index = session.spawn_at(spawns[0], default_class="unmarked")
    detective = session.join("detective", [index], DetectiveController.in_setting)
    assert isinstance(detective, DetectiveController)
    detective.tail_gap_m = BESIDE_GAP_M
    world = session.world
    detective.stake_out(float(world.x[session.player]), float(world.y[session.player]))
    return detective
