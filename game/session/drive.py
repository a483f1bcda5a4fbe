"""DriveSession: one drive in a level, headless (no pygame), with a hook for game rules.

A session owns the :class:`~game.sim.World` built from a level, the player's control row,
the AI controllers that drive the other cars, and an optional *rules* object. The
:class:`~game.app.drive_scene.DriveScene` renders a session and feeds it input; headless
runs (tests, autopilots, the mission runner) call :meth:`DriveSession.tick` themselves.

One tick, in the order DESIGN.md fixes::

    player row + every controller's rows -> controls (N x 4)
    -> world.step(controls)               -> StepEvents
    -> rules.update(session, events, dt)  (missions, heat, offences consume the events)

Extension point (how a job plugs in): build a session, spawn the actors the job needs
with ``session.spawn(...)``, append controllers (anything with
``write_controls(session, controls)`` that fills the rows of the cars it drives), and
set ``session.rules`` to an object with

* ``update(session, events, dt) -> None``: called after every world step;
* ``hud_lines(session) -> list[str]`` (optional): text the HUD shows under the clock
  (objective, countdown, messages);
* ``clock_text(session) -> str | None`` (optional): the clock the HUD shows (None or
  missing: the time of day);
* ``finished`` (optional attribute): true once the drive is over; the DriveScene then
  calls its ``on_end(app, session)`` once (a job shows its results there);
* ``waypoint(session) -> (x, y) | None`` (optional): where the player should go next;
  the minimap marks it (at its edge when it is out of range).

A controller may also expose ``sight_cones`` (an array, or a method taking the world, of
rows x, y, heading, range and optionally half angle per unit: drawn on the minimap; a
method may take the world or nothing),
``pursuing`` (bool: starts the siren), ``helicopter`` (an object with x, y, heading
and light_radius_m: drawn with its searchlight) and ``close()`` (called when the drive
ends or restarts: a recorder saves its file there).
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Protocol

import numpy as np

from game.level.model import Level, Spawn
from game.sim import Snapshot, VehicleClass, World
from game.sim.controls import N_CONTROLS

DEFAULT_CONE_HALF_ANGLE = 0.6  #: rad, for sight cones given without their angle
FREE_DRIVE_START_CLOCK_S = 23 * 3600 + 12 * 60  #: free drive starts at 23:12, LA at night
FREE_DRIVE_SPAWNS = ("free_drive", "player_start")  #: preferred player spawns, in order


class Rules(Protocol):
    """What a session's rules provide (a mission runtime, free drive's clock)."""

    def update(self, session: DriveSession, events: object, dt: float) -> None: ...

    def hud_lines(self, session: DriveSession) -> list[str]: ...

    def clock_text(self, session: DriveSession) -> str | None: ...


class Controller(Protocol):
    """Anything that drives cars: fills its own rows of the control array each tick."""

    def write_controls(self, session: DriveSession, controls: np.ndarray) -> None: ...


def clock_hhmm(seconds: float) -> str:
    """Time of day as HH:MM from seconds after midnight (wraps at 24 h)."""
    minutes = int(seconds // 60) % (24 * 60)
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


WRECKED_LINE = "WRECKED: pause and Restart for a new car"


class FreeDriveRules:
    """Free drive: no objective; the clock runs from a late-evening start time."""

    def __init__(self, start_clock_s: float = FREE_DRIVE_START_CLOCK_S) -> None:
        self.start_clock_s = start_clock_s

    def update(self, session: DriveSession, events: object, dt: float) -> None:
        return None

    def hud_lines(self, session: DriveSession) -> list[str]:
        """Nothing to do, except say so when the car is wrecked (it no longer answers
        the controls, and free drive never ends by itself)."""
        player = session.player
        if player >= 0 and session.world.wrecked[player]:
            return [WRECKED_LINE]
        return []

    def clock_text(self, session: DriveSession) -> str | None:
        return clock_hhmm(self.start_clock_s + session.world.time)


class DriveSession:
    """A level, its World, the player's car, the AI controllers and the rules."""

    def __init__(self, level: Level, seed: int = 0, rules: Rules | None = None) -> None:
        self.level = level
        self.seed = seed
        self.world = World(level.terrain, seed=seed)
        self.rules: Rules = rules if rules is not None else FreeDriveRules()
        self.controllers: list[Controller] = []
        self.player = -1  #: the player's vehicle index (-1 until spawn_player)
        self.player_controls = np.zeros(N_CONTROLS)  #: the row input writes each frame
        #: when set, drives the player's car: called every tick for its control row, in
        #: place of what input wrote (an autopilot); None gives the wheel back
        self.player_driver: Callable[[DriveSession], np.ndarray] | None = None
        self.player_lights_on = True  #: headlights; off hides the car in shadow (missions)
        self.horn = False  #: the player is sounding the horn (audio; witnesses may react)
        self.parked = np.zeros(0, dtype=bool)  #: per vehicle: placed kerbside, nobody drives it
        self.signals = None  #: game.ai.signals.Signals of the level, once traffic runs
        self.last_events: list[object] = []  #: events since the scene last drained them

    # -- building --------------------------------------------------------------------
    def spawn(self, vehicle_class: VehicleClass | str, x: float, y: float,
              heading: float, speed: float = 0.0, parked: bool = False) -> int:
        """Add one vehicle; returns its index."""
        if isinstance(vehicle_class, str):
            vehicle_class = VehicleClass.from_name(vehicle_class)
        index = int(np.atleast_1d(self.world.spawn(vehicle_class, x, y, heading, speed))[0])
        self.parked = np.append(self.parked, parked)
        return index

    def spawn_at(self, spawn: Spawn, default_class: str = "sedan", parked: bool = False) -> int:
        """Add a vehicle at a level spawn point, with its class (or ``default_class``)."""
        return self.spawn(spawn.vehicle_class or default_class, spawn.x, spawn.y,
                          spawn.heading, parked=parked)

    def spawn_player(self, spawn_name: str = "player_start") -> int:
        """Put the Driver's car at a named spawn; it becomes the player's car."""
        self.player = self.spawn_at(self.spawn_named(spawn_name), default_class="driver")
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

    # -- running ---------------------------------------------------------------------
    @property
    def dt(self) -> float:
        return self.world.dt

    @property
    def previous(self) -> Snapshot:
        """Poses before the last tick, for render interpolation: the World keeps them (a
        spawn or a teleport through ``World.place`` is not drawn as a motion)."""
        return self.world.previous

    def tick(self) -> object:
        """One fixed step: controls in, world step, events out, rules consume them."""
        controls = np.zeros((self.world.n, N_CONTROLS))
        if self.player_driver is not None:
            self.player_controls = self.player_driver(self)
        if self.player >= 0:
            controls[self.player] = self.player_controls
        for controller in self.controllers:
            controller.write_controls(self, controls)
        events = self.world.step(controls)
        self.rules.update(self, events, self.world.dt)
        self.last_events.append(events)
        return events

    def drain_events(self) -> list[object]:
        """Step events since the last call (the renderer and audio consume them per frame)."""
        events, self.last_events = self.last_events, []
        return events

    def hud_lines(self) -> list[str]:
        """The rules' HUD lines (rules without ``hud_lines`` show none)."""
        method = getattr(self.rules, "hud_lines", None)
        return list(method(self)) if method is not None else []

    def clock_text(self) -> str:
        """The rules' clock, or the time of day when the rules have none."""
        method = getattr(self.rules, "clock_text", None)
        text = method(self) if method is not None else None
        return text if text is not None else clock_hhmm(FREE_DRIVE_START_CLOCK_S + self.world.time)

    def waypoint(self) -> tuple[float, float] | None:
        """The rules' next destination for the player, metres, or None."""
        method = getattr(self.rules, "waypoint", None)
        return method(self) if method is not None else None

    def sight_cones(self) -> np.ndarray:
        """Police sight cones from every controller that has them, (K, 5): x, y, heading,
        range (m), half angle (rad). A controller's ``sight_cones`` may be an array or a
        method taking the world; 4 columns mean the default half angle."""
        cones = []
        for controller in self.controllers:
            found = getattr(controller, "sight_cones", None)
            if callable(found):  # the AI's police take the world; a job's cast does not
                found = found(self.world) if inspect.signature(found).parameters else found()
            if found is None or not np.size(found):
                continue
            found = np.asarray(found, dtype=np.float64)
            if found.shape[1] == 4:
                found = np.column_stack([found, np.full(len(found), DEFAULT_CONE_HALF_ANGLE)])
            cones.append(found[:, :5])
        return np.concatenate(cones) if cones else np.zeros((0, 5))

    def helicopters(self) -> list:
        """Helicopters the controllers fly (objects with x, y, heading, light_radius_m)."""
        return [c.helicopter for c in self.controllers
                if getattr(c, "helicopter", None) is not None]

    def pursuing(self) -> bool:
        """True while any controller is chasing the player (the siren plays)."""
        return any(bool(getattr(c, "pursuing", False)) for c in self.controllers)


SessionFactory = Callable[[], DriveSession]


def free_drive_spawn(level: Level) -> str | None:
    """Where free drive starts: the map's ``free_drive`` spawn (out on a street), else
    ``player_start`` (where jobs start), else any player spawn; None if it has none."""
    players = [s.name for s in level.spawns.values() if s.kind == "player"]
    for name in FREE_DRIVE_SPAWNS:
        if name in players:
            return name
    return players[0] if players else None


def free_drive_session(level: Level, seed: int = 0,
                       player_spawn: str | None = None) -> DriveSession:
    """Free drive: the Driver at ``player_spawn`` (default :func:`free_drive_spawn`),
    parked cars kerbside, traffic on the lanes."""
    from game.session.traffic import add_traffic

    session = DriveSession(level, seed=seed)
    session.spawn_player(player_spawn or free_drive_spawn(level) or "player_start")
    for spawn in session.spawns_of_kind("parked"):
        session.spawn_at(spawn, parked=True)
    add_traffic(session, session.spawns_of_kind("traffic"))
    return session
