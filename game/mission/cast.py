"""The actors a job directs: police units, the helicopter, extra traffic and parked cars.

:class:`PoliceCast` is the runtime's :class:`~game.mission.runtime.Cast` for a
DriveSession and a session controller at once (it writes its units' control rows).
Police know only what they see (DESIGN.md, Chases): a unit *witnesses* the Driver when
:func:`game.ai.perception.sees` says so (forward cone, short radius, line of sight over
solid cells, shorter in shadow with lights off or among a crowd); the helicopter when
he is under its searchlight and not hidden in shadow with his lights off.

Units patrol the road graph as traffic does (:class:`game.ai.traffic.TrafficController`)
until the mission dispatches them to a place or a pursuit starts; then each drives a
:class:`game.ai.routes.RouteFollower` to the place or to where the Driver was last seen,
ignoring lights and limits. A pursuit's end is the heat meter's call (time unseen).
"""

from __future__ import annotations

import numpy as np

from game.ai.driving import DrivingStyle
from game.ai.perception import SightParams, sees
from game.ai.police import Helicopter
from game.ai.routes import RouteFollower, RoutePlanner
from game.ai.signals import Signals
from game.ai.traffic import TrafficController
from game.mission.model import Mission, VehicleActor
from game.mission.zones import ZoneGrid, cell_flag
from game.problems import FileProblem
from game.session.traffic import add_traffic

PURSUIT_STYLE = DrivingStyle(speed_factor=1.5, lateral_accel=6.0, decel=6.0, obey_signals=False)
RESPONSE_STYLE = DrivingStyle(speed_factor=1.25, lateral_accel=5.0, decel=5.0, obey_signals=False)
PATROL_THINK_HZ = 3.0  #: patrols decide less often than traffic: they only cruise
SIGHT_EVERY = 4  #: ticks between looks for the Driver (15 Hz at 60 Hz)
DISPATCH_GIVE_UP_S = 60.0  #: a unit sent to a place waits there, then patrols again
FOLLOW_EVERY = 4  #: ticks between a routed unit's decisions (15 Hz at 60 Hz)
CHASE_REPLAN_S = 1.0  #: seconds between new route goals while the Driver is in sight
DISPATCH_ARRIVE_M = 10.0  #: a unit sent to a place stops this near the street outside it
CHASE_ARRIVE_M = 8.0  #: a chasing unit closes to this near where it saw the Driver
SIGHT = SightParams()


class PoliceCast:
    """Police units and the helicopter for one job session."""

    def __init__(self, session, mission: Mission) -> None:
        self.session = session
        self.mission = mission
        self.level = session.level
        self.planner = RoutePlanner(self.level.roads)
        self.signals = Signals(self.level.roads)
        self.units = np.zeros(0, dtype=np.intp)  #: world indices of police cars
        self.names: dict[str, int] = {}  #: actor name -> world index
        self.helicopter: Helicopter | None = None
        self.helicopter_goal: tuple[float, float] | None = None  #: where it searches
        self.pursuing = False  #: the session's siren reads this
        self.seen = np.zeros(0, dtype=bool)  #: per unit: sees the Driver this tick
        self.last_seen: tuple[float, float] | None = None
        self.followers: dict[int, RouteFollower] = {}  #: unit -> its route while not patrolling
        self._patrol: TrafficController | None = None
        self._replan_s = 0.0
        self._rows: dict[int, np.ndarray] = {}  #: last control row of each routed unit
        self._witnessed: bool | None = None  #: the last look's answer, held between looks
        self._routed_s: dict[int, float] = {}  #: seconds each dispatched unit has been routed
        crowds = sorted(name for name, z in self.level.zones.items() if z.kind == "crowd")
        self._crowds = ZoneGrid(self.level, crowds)
        session.controllers.append(self)

    # -- the Cast the runtime talks to -------------------------------------------------
    def spawn(self, actor: VehicleActor) -> None:
        spawn = self.level.spawns[actor.spawn]
        if actor.role == "helicopter":
            self.helicopter = Helicopter(spawn.x, spawn.y, heading=spawn.heading)
            self.helicopter_goal = self.helicopter_goal or self.last_seen
            return
        if actor.role == "traffic":
            add_traffic(self.session, [spawn])
            return
        if actor.role not in ("police", "parked"):
            raise FileProblem(
                self.mission.path,
                f"{actor.where}.role",
                f"role '{actor.role}' has no driver in this game yet",
            )
        default = "police" if actor.role == "police" else "sedan"
        vclass = actor.vehicle_class or spawn.vehicle_class or default
        index = self.session.spawn(
            vclass, spawn.x, spawn.y, spawn.heading, parked=actor.role == "parked"
        )
        self.names[actor.name] = index
        if actor.role == "police":
            self.units = np.append(self.units, index)
            self.seen = np.zeros(self.units.size, dtype=bool)
            self._patrol = None  # rebuilt with the new unit on the next tick

    def witnessed(self) -> bool:
        """Does a unit or the helicopter see the Driver? Looked at every SIGHT_EVERY ticks."""
        world, player = self.session.world, self.session.player
        if world.tick % SIGHT_EVERY and self._witnessed is not None:
            return self._witnessed
        x, y = float(world.x[player]), float(world.y[player])
        lights = bool(getattr(self.session, "player_lights_on", True))
        shadow = cell_flag(self.level.shadow, self.level.terrain.cell_size, x, y)
        crowd = self._crowds.mask_at(x, y) != 0
        if self.units.size:
            u = self.units
            looking = sees(self.level.terrain, world.x[u], world.y[u], world.heading[u], x, y,
                           SIGHT, lights, shadow, crowd)  # fmt: skip
            self.seen = looking & ~world.wrecked[u]
        heli = self.helicopter is not None and self.helicopter.spots(x, y, lights, shadow)
        self._witnessed = bool(self.seen.any() or heli)
        if self._witnessed:
            self.last_seen = (x, y)
        return self._witnessed

    def dispatch(self, x: float, y: float, units: int) -> None:
        free = [int(u) for u in self.units if int(u) not in self.followers]
        world = self.session.world
        free.sort(key=lambda u: float(np.hypot(world.x[u] - x, world.y[u] - y)))
        # they respond to the street outside the place, not into the yard
        roads = self.level.roads
        edge, t = roads.nearest_edge(np.array([x]), np.array([y]))
        a, b = roads.node_xy[roads.edge_src[edge[0]]], roads.node_xy[roads.edge_dst[edge[0]]]
        kerb_x, kerb_y = a + t[0] * (b - a)
        for unit in free[:units]:
            self._send(unit, float(kerb_x), float(kerb_y), RESPONSE_STYLE, DISPATCH_ARRIVE_M)
        if self.helicopter_goal is None:
            self.helicopter_goal = (x, y)

    def pursue(self, on: bool) -> None:
        self.pursuing = on
        if on:
            self._chase()
        else:
            self.followers.clear()  # give up: back to patrolling
            self._patrol = None

    def police_xy(self) -> np.ndarray:
        world = self.session.world
        return np.column_stack([world.x[self.units], world.y[self.units]])

    def vehicle_index(self, name: str) -> int | None:
        return self.names.get(name)

    # -- what the session and the renderer read ----------------------------------------
    @property
    def sight_cones(self) -> np.ndarray:
        """(K, 4): x, y, heading, range per unit, for the minimap."""
        world = self.session.world
        u = self.units
        ranges = np.full(u.size, SIGHT.cone_range_m)
        return np.column_stack([world.x[u], world.y[u], world.heading[u], ranges])

    def write_controls(self, session, controls: np.ndarray) -> None:
        world = session.world
        if self.helicopter is not None:
            if self.pursuing and self.last_seen is not None:
                self.helicopter_goal = self.last_seen
            tracking = self.pursuing and bool(self._witnessed)
            self.helicopter.fly(world.dt, self.helicopter_goal, tracking)
        if self.pursuing:
            self._replan_s -= world.dt
            if self._replan_s <= 0.0 and self.seen.any():
                self._chase()
        patrolling = np.array(
            [u for u in self.units if int(u) not in self.followers], dtype=np.intp
        )
        if patrolling.size:
            if self._patrol is None or not np.array_equal(self._patrol.vehicles, patrolling):
                self._patrol = TrafficController(
                    self.level.roads,
                    patrolling,
                    seed=session.seed,
                    signals=self.signals,
                    think_hz=PATROL_THINK_HZ,
                )
            controls[patrolling] = self._patrol.controls(world, world.time)
        for unit, follower in list(self.followers.items()):
            # each unit decides every FOLLOW_EVERY ticks, staggered, and holds its row between
            if unit not in self._rows or (world.tick + unit) % FOLLOW_EVERY == 0:
                dt = world.dt * FOLLOW_EVERY
                self._rows[unit] = follower.controls(world, world.time, dt)
            controls[unit] = self._rows[unit]
            self._routed_s[unit] = self._routed_s.get(unit, 0.0) + world.dt
            # a responding unit waits where it was sent (arrived: it holds still) a while
            if self._routed_s[unit] > DISPATCH_GIVE_UP_S and not self.pursuing:
                del self.followers[unit]  # nothing doing: back on patrol

    def _chase(self) -> None:
        self._replan_s = CHASE_REPLAN_S
        if self.last_seen is None:
            return
        for unit in self.units:
            if not self.session.world.wrecked[unit]:
                self._send(int(unit), *self.last_seen, PURSUIT_STYLE, CHASE_ARRIVE_M)

    def _send(self, unit: int, x: float, y: float, style: DrivingStyle, arrive_m: float) -> None:
        self._rows.pop(unit, None)
        self._routed_s[unit] = 0.0
        self.followers[unit] = RouteFollower(
            self.planner,
            unit,
            x,
            y,
            self.level.terrain,
            self.signals,
            style=style,
            arrive_radius_m=arrive_m,
        )
