"""Police units: patrol like traffic, see with cones, answer calls, chase what they have seen.

:class:`PoliceController` is the ``police`` fleet of a session (a
:class:`~game.ai.driver.FleetDriver`). The police know where the Driver is only when a
unit sees him (the session's senses, :attr:`game.ai.driver.Senses.sees_player`), when a
helicopter's searchlight is on him, or when somebody tells them (:meth:`report`). They
remember the last known position, which units ever saw the car, and whether one read
its plate (close up).

Every unit is in one of three duties, all driven here (and only here):

- *patrol*: the road graph as traffic (:class:`TrafficController`, never recycled);
- *response*: sent to a place (:meth:`PoliceController.respond`, an alarm): the nearest
  free units drive to the street outside it, wait there a while, then patrol again; a
  search called off (:meth:`PoliceController.stand_down`) sends each free unit back to
  a beat of its own far from the search, so the area empties again;
- *pursuit* (:meth:`start_pursuit` .. :meth:`call_off`): the units split the work
  (:meth:`PoliceController.unit_goals`). While he was seen a moment ago and is moving,
  ONE unit cuts him off: of those nearer than he is, by road, to a point
  CUT_OFF_AHEAD_M along his predicted way (the way a driver keeping on takes), the
  nearest; it drives the road graph there and waits for him. The rest chase his tail:
  along the road graph to where he was last seen, straight at him while they see him;
  of those, only the nearest that sees him rams, the others keep station at ramming
  range (a crossing does not fill up with three cars at once); when he stops, the two
  nearest close in (a box). Every unit drives a :class:`game.ai.pursuit.Pursuer`;
  their sirens are on (the SIREN column of their rows).

The police fly the helicopters too: over the last known position in a pursuit, else
circling the place they were last sent to; stood down, they fly off the map's nearest
edge, searchlight out, and are gone (the next pursuit that needs one calls it again).

Who ends a pursuit (one rule, never two): with ``PursuitParams.give_up_s`` set, the
controller calls it off itself after that many seconds unseen (police on their own);
with it None the owner does (the session's law: the heat meter's ``lose_after_s`` in
:mod:`game.session.heat`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

import numpy as np

from game.ai.driving import DrivingStyle
from game.ai.perception import SightParams
from game.ai.pursuit import Pursuer, PursuitParams
from game.ai.routes import RoutePlanner
from game.ai.signals import Signals
from game.ai.steering import hold_still
from game.ai.traffic import TrafficController
from game.sim.controls import SIREN, idle_controls
from game.sim.terrain import Terrain

if TYPE_CHECKING:
    from game.ai.driver import Senses, Setting

#: units answering a call: quick, through red lights, but no chase
RESPONSE_STYLE = DrivingStyle(
    speed_factor=1.25, lateral_accel=5.0, decel=5.0, obey_signals=False, reaction_s=0.6
)
RESPONSE_WAIT_S = 60.0  #: seconds after a call before its units give up and patrol again
PLATE_READ_M = 20.0  #: a unit that sees the car this close reads its plate
SEARCH_WAIT_S = 20.0  #: a search: units reach their search points, look round, then cruise
SEARCH_NEAR_M = 60.0  #: searchers spread over the road graph this far from the last
SEARCH_FAR_M = 260.0  #: known point, and no farther
CUT_OFF_FRESH_S = 3.0  #: seen this recently and moving, one unit cuts him off...
CUT_OFF_MIN_MS = 4.0  #: ...(moving: faster than this, m/s)...
CUT_OFF_AHEAD_M = 160.0  #: ...at the point this far along his predicted way...
CUT_OFF_KEEP_M = 12.0  #: ...kept while his predicted way still passes this near it
CUT_OFF_STEP_M = 10.0  #: his predicted way is looked along in steps of this many metres
BOX_UNITS = 2  #: stopped, this many of the nearest units close in on him (a box)
PATROL_SEED = 0x901CE  #: patrols turn their own way, not the civilians' (same world seed)
ROADBLOCK_LIFT_M = 320.0  #: a roadblock he is this far from is lifted
BEAT_FROM_SEARCH_M = 500.0  #: stood down, a unit's beat is at least this far from the search
BEAT_REACHED_M = 30.0  #: ...it patrols again once this near its beat...
BEAT_WITHIN_S = 150.0  #: ...or after this long on the way, wherever it is
BEAT_STYLE = DrivingStyle()  #: units going back to their beats: the limit, no hurry any more
HELICOPTER_EXIT_M = 60.0  #: a helicopter comes in and leaves this far off the map's edge


class PoliceEvent(NamedTuple):
    kind: str  #: "spotted" (first seen after being unseen) or "lost" (pursuit called off)
    time: float  #: sim seconds


@dataclass
class Roadblock:
    """Units parked across a street ahead of the Driver, lights flashing."""

    rows: np.ndarray  #: indices into PoliceController.units
    site: tuple[float, float]  #: the middle of the block, metres
    until: float  #: sim time it is lifted at the latest
    #: the Detective's (a stake-out on a way he predicts): it stands without a pursuit
    #: and however far the Driver is, until its time
    detective: bool = False


@dataclass
class Response:
    """Units sent to a place: where, until when, and the driver that takes them there."""

    rows: np.ndarray  #: indices into PoliceController.units
    goal: tuple[float, float]  #: a point on the lane nearest the place (metres)
    until: float  #: sim time at which they give up and patrol again
    pursuer: Pursuer  #: route mode only: nobody in sight, so no ramming
    reached_m: float | None = None  #: this near the goal, the call ends (None: wait there)


class PoliceController:
    """Patrol, calls, sight and pursuit for a set of police cars (world indices ``units``)."""

    role = "police"

    def __init__(
        self,
        planner: RoutePlanner,
        terrain: Terrain,
        units: np.ndarray,
        seed: int,
        signals: Signals | None = None,
        sight: SightParams | None = None,
        params: PursuitParams | None = None,
        patrol_think_hz: float = 10.0,
        pit: bool = False,
    ):
        self.planner = planner
        self.terrain = terrain
        self.units = np.asarray(units, dtype=np.intp)
        self.seed = seed
        self.signals = signals
        self.sight = sight or SightParams()
        self.params = params or PursuitParams()
        self.patrol_think_hz = patrol_think_hz  #: patrols only cruise: they may decide less
        self.pit = pit  #: units spin the Driver with a PIT (side ram) when close
        self.pursuing = False  #: a pursuit is on
        self.seen = np.zeros(self.units.size, dtype=bool)  #: per unit: sees the target now
        self.last_seen_xy: tuple[float, float] | None = None
        self.last_seen_time = -np.inf
        self.last_seen_heading = 0.0  #: the way he was moving when last seen, radians...
        self.last_seen_speed = 0.0  #: ...and how fast, m/s
        self.events: list[PoliceEvent] = []  #: appended as they happen; the caller drains it
        self.responses: list[Response] = []  #: calls being answered (out of a pursuit)
        self.roadblocks: list[Roadblock] = []  #: units parked across a street
        self.ever_saw = np.zeros(self.units.size, dtype=bool)  #: per unit: saw the car once
        self.plate_read = False  #: a unit saw the car close enough to read its plate
        #: they know the car the Driver is in; False once he changed cars unseen (the law
        #: says so, :meth:`forget_car`): a sighting of it is not a sighting of him
        self.car_known = True
        self.helicopters: list[Helicopter] = []  #: flown over the last known position
        self.helicopter_goal: tuple[float, float] | None = None  #: where they search
        self._seeing = False  #: somebody saw the target at the last look
        self._patrol: TrafficController | None = None
        self._pursuer = self._new_pursuer()
        self.cut_off_xy: tuple[float, float] | None = None  #: where the cut-off unit goes
        self.cut_off_unit = -1  #: index into units of the unit cutting him off; -1: none
        self._cutter: Pursuer | None = None  #: drives the cut-off unit
        self._cut_off_chosen_s = -np.inf  #: sim time the cut-off was last decided
        self._straight = planner.geometry.straight_on()  #: the way on, per edge

    @classmethod
    def in_setting(cls, setting: Setting, params: PursuitParams | None = None,
                   patrol_think_hz: float = 10.0, sight: SightParams | None = None,
                   pit: bool = False) -> PoliceController:
        """A session's police, with no units yet (they join through :meth:`add`)."""
        return cls(setting.planner, setting.level.terrain, np.zeros(0, dtype=np.intp),
                   seed=setting.seed, signals=setting.signals, sight=sight, params=params,
                   patrol_think_hz=patrol_think_hz, pit=pit)  # fmt: skip

    def _new_pursuer(self) -> Pursuer:
        return Pursuer(self.planner, self.terrain, self.units, self.params, side_ram=self.pit)

    @property
    def rows(self) -> np.ndarray:
        """The fleet's vehicles: the units."""
        return self.units

    def add(self, rows: np.ndarray) -> None:
        """More cars join (a job spawns backup); in a pursuit they join the chase."""
        self.units = np.append(self.units, np.asarray(rows, dtype=np.intp))
        grown = self.units.size - self.seen.size
        self.seen = np.append(self.seen, np.zeros(grown, dtype=bool))
        self.ever_saw = np.append(self.ever_saw, np.zeros(grown, dtype=bool))
        self._pursuer = self._new_pursuer()
        self._drop_cut_off()
        self._patrol = None  # rebuilt with them on the next tick

    def add_helicopter(self, helicopter: Helicopter) -> None:
        """A helicopter joins; it searches where the police last saw him, if anywhere."""
        self.helicopters.append(helicopter)
        self.helicopter_goal = self.helicopter_goal or self.last_seen_xy

    # -- the driver ------------------------------------------------------------------

    def drive(self, senses: Senses, controls: np.ndarray) -> None:
        """Learn from this tick's senses, fly the helicopters, write the units' rows."""
        world, time, player = senses.world, senses.time, senses.player
        if player >= 0:
            known = self.car_known  # a car they do not know: they see a car, not him
            seen = self.observe(senses.sees_player[self.units] & ~world.wrecked[self.units]
                                & known, senses.seen_at, time,
                                senses.helicopter_sees_player and known)
            if seen.any() or (senses.helicopter_sees_player and known):
                self.last_seen_heading = float(np.arctan2(world.world_vy[player],
                                                          world.world_vx[player]))
                self.last_seen_speed = float(world.speed[player])
            self._note_sightings(world, player)
            self._lift_roadblocks(world, player, time)
        self.fly_helicopters(world.dt)
        if self.units.size:
            rows = self.controls(world, player, time)
            rows[:, SIREN] = float(self.pursuing)
            for block in self.roadblocks:  # parked across the road, light bars on
                held = hold_still(block.rows.size)
                held[:, SIREN] = 1.0
                rows[block.rows] = held
            controls[self.units] = rows

    def pursuit_goal(self, time: float) -> tuple[float, float] | None:
        """Where the units that chase his tail drive: where he was last seen (None:
        nobody knows). While they see him they go straight at him instead."""
        return self.last_seen_xy

    def cut_off_goal(self, time: float) -> tuple[float, float] | None:
        """Where a unit would cut him off: CUT_OFF_AHEAD_M along his predicted way from
        where he was last seen (the lane he drove, then straight on at every node),
        while he was seen a moment ago and was moving; else None. A point already
        chosen is kept while his predicted way still passes by it (the unit waits
        there for him instead of backing off as he comes)."""
        if (self.last_seen_xy is None or time - self.last_seen_time > CUT_OFF_FRESH_S
                or self.last_seen_speed < CUT_OFF_MIN_MS):
            return None
        way = self.predicted_way(CUT_OFF_AHEAD_M)
        kept = self.cut_off_xy
        if kept is not None and bool((np.hypot(way[:, 0] - kept[0], way[:, 1] - kept[1])
                                      < CUT_OFF_KEEP_M).any()):
            return kept
        return float(way[-1, 0]), float(way[-1, 1])

    def predicted_way(self, ahead_m: float) -> np.ndarray:
        """(K, 2) points every CUT_OFF_STEP_M along his predicted way from where he was
        last seen, the way he was going, up to ``ahead_m`` (the last point)."""
        geo = self.planner.geometry
        x, y = self.last_seen_xy if self.last_seen_xy is not None else (0.0, 0.0)
        edge, fraction = geo.nearest_aligned_edge(x, y, self.last_seen_heading)
        steps = np.append(np.arange(0.0, ahead_m, CUT_OFF_STEP_M), ahead_m)
        return np.array([geo.walk(int(edge[0]), float(fraction[0]), float(d),
                                  self._straight)[:2] for d in steps])

    def unit_goals(self, world, time: float) -> np.ndarray:
        """(len(units), 2) where each unit drives in the pursuit, metres (NaN: nowhere
        known): the cut-off unit to :meth:`cut_off_goal`, the rest to his tail
        (:meth:`pursuit_goal`). Decides the cut-off (:attr:`cut_off_unit`) anew at most
        every ``params.replan_s``."""
        goals = np.full((self.units.size, 2), np.nan)
        tail = self.pursuit_goal(time)
        if tail is None:
            return goals
        goals[:] = tail
        self._decide_cut_off(world, time)
        if self.cut_off_unit >= 0 and self.cut_off_xy is not None:
            goals[self.cut_off_unit] = self.cut_off_xy
        return goals

    def _decide_cut_off(self, world, time: float) -> None:
        """Pick the cut-off unit: of the free units nearer than he is, by road, to the
        cut-off point, the nearest; keep it while it stays so (no unit: nobody cuts off)."""
        if time - self._cut_off_chosen_s < self.params.replan_s:
            return
        self._cut_off_chosen_s = time
        goal = self.cut_off_goal(time)
        if goal is None or not self.units.size:
            self._drop_cut_off()
            return
        x, y = self.last_seen_xy
        tree = self.planner.tree_to_point(*goal, self.terrain)
        geo = self.planner.geometry
        xs = np.append(world.x[self.units], x)
        ys = np.append(world.y[self.units], y)
        headings = np.append(world.heading[self.units], self.last_seen_heading)
        edge, fraction = geo.nearest_aligned_edge(xs, ys, headings)
        on_goal = np.isin(edge, list(tree.goal_edges))
        road_m = np.where(on_goal, 0.0, tree.cost[self.planner.graph.edge_dst[edge]]
                          + (1.0 - fraction) * geo.length[edge])
        units_m, his_m = road_m[:-1], float(road_m[-1])
        able = (units_m < his_m) & ~world.wrecked[self.units] & ~self._busy()
        if not np.isfinite(his_m) or not able.any():
            self._drop_cut_off()
            return
        unit = int(np.argmin(np.where(able, units_m, np.inf)))
        if unit != self.cut_off_unit:
            self._cutter = Pursuer(self.planner, self.terrain, self.units[[unit]],
                                   self.params, side_ram=self.pit)
            if self.cut_off_unit >= 0:  # the unit that gave up the cut-off rejoins the tail
                self._pursuer.reattach(np.array([self.cut_off_unit]))
        self.cut_off_unit, self.cut_off_xy = unit, goal

    def _drop_cut_off(self) -> None:
        self.cut_off_unit, self.cut_off_xy, self._cutter = -1, None, None

    def rammers(self, world, target: int) -> np.ndarray:
        """Per unit: may ram him now. Of the units chasing his tail, the nearest that
        sees him; when he is (nearly) stopped, the BOX_UNITS nearest that see him.
        The cut-off unit waits ahead: it never rams from in front."""
        u = self.units
        reach = np.hypot(world.x[u] - world.x[target], world.y[u] - world.y[target])
        candidates = self.seen & ~world.wrecked[u]
        if 0 <= self.cut_off_unit < u.size:
            candidates[self.cut_off_unit] = False
        count = BOX_UNITS if float(world.speed[target]) < CUT_OFF_MIN_MS else 1
        order = np.argsort(np.where(candidates, reach, np.inf), kind="stable")[:count]
        rammers = np.zeros(u.size, dtype=bool)
        rammers[order] = candidates[order]
        return rammers

    def set_roadblock(self, rows: np.ndarray, site: tuple[float, float], until: float,
                      detective: bool = False) -> None:
        """Units ``rows`` (world indices, already units) hold a roadblock until ``until``;
        ``detective``: the Detective called it (it stands outside a pursuit too)."""
        index = np.flatnonzero(np.isin(self.units, rows))
        self.roadblocks.append(Roadblock(index, site, until, detective))
        self.responses = [r for r in self.responses if not np.isin(r.rows, index).any()]
        self._patrol = None

    def lift_detective_roadblocks(self) -> None:
        """The Detective's search is off: his blocks are lifted (their units patrol)."""
        kept = [b for b in self.roadblocks if not b.detective]
        if len(kept) != len(self.roadblocks):
            self.roadblocks = kept
            self._patrol = None
            self._pursuer.reset()

    def _lift_roadblocks(self, world, player: int, time: float) -> None:
        """A block is lifted at its time, when the pursuit ends, or once he is far from it
        (he went round, or he is past it): its units join whatever the others are doing.
        The Detective's blocks stand until their time, pursuit or not, near or far."""
        if not self.roadblocks:
            return
        x, y = float(world.x[player]), float(world.y[player])
        kept = [b for b in self.roadblocks if time < b.until and (b.detective or (
                self.pursuing and np.hypot(b.site[0] - x, b.site[1] - y) < ROADBLOCK_LIFT_M))]
        if len(kept) != len(self.roadblocks):
            self.roadblocks = kept
            self._patrol = None
            self._pursuer.reset()

    def _note_sightings(self, world, target: int) -> None:
        if not self.seen.any():
            return
        self.ever_saw |= self.seen
        seers = self.units[self.seen]
        distance = np.hypot(world.x[seers] - world.x[target], world.y[seers] - world.y[target])
        self.plate_read |= bool((distance <= PLATE_READ_M).any())

    def fly_helicopters(self, dt: float) -> None:
        """Each helicopter a tick on: over his last sighting in a pursuit, to its exit
        when it leaves (let go once there), else orbiting its goal."""
        if not self.helicopters:
            return
        if self.pursuing and self.last_seen_xy is not None:
            self.helicopter_goal = self.last_seen_xy
        tracking = self.pursuing and self._seeing
        for helicopter in self.helicopters:
            if helicopter.exit_xy is not None:
                helicopter.fly(dt, helicopter.exit_xy, tracking=True)
            else:
                helicopter.fly(dt, self.helicopter_goal, tracking)
        self.helicopters = [h for h in self.helicopters if not h.gone]

    # -- senses ----------------------------------------------------------------------

    def observe(
        self,
        seen: np.ndarray,
        target_xy: tuple[float, float],
        time: float,
        helicopter_spots: bool = False,
    ) -> np.ndarray:
        """What the units see now: ``seen`` per unit (from the senses), the target at
        ``target_xy``. Updates what the police know; a sighting by a helicopter counts as
        well. Returns ``seen``."""
        self.seen = np.asarray(seen, dtype=bool)
        seeing = bool(self.seen.any() or helicopter_spots)
        if seeing:
            if not self._seeing:
                self.events.append(PoliceEvent("spotted", time))
            self.last_seen_xy = (float(target_xy[0]), float(target_xy[1]))
            self.last_seen_time = time
        else:
            give_up = self.params.give_up_s
            if self.pursuing and give_up is not None and time - self.last_seen_time > give_up:
                self.call_off(time)
        self._seeing = seeing
        return self.seen

    def forget_car(self) -> None:
        """The Driver changed cars where nobody saw: no unit knows the car he is in,
        nor its plate, until the law says they do again (:attr:`car_known`)."""
        self.car_known = False
        self.ever_saw[:] = False
        self.plate_read = False

    def drain_events(self) -> list[PoliceEvent]:
        """What happened since the last call (spotted, lost), oldest first."""
        events, self.events = self.events, []
        return events

    def sight_cones(self, world) -> np.ndarray:
        """(K, 5) per unit: x, y, heading, cone range (m), cone half angle (rad); minimap."""
        u = self.units
        return np.column_stack([
            world.x[u], world.y[u], world.heading[u],
            np.full(u.size, self.sight.cone_range_m),
            np.full(u.size, self.sight.cone_half_angle),
        ])  # fmt: skip

    # -- what they are told ----------------------------------------------------------

    def report(self, x: float, y: float, time: float) -> None:
        """A witness call: the Driver was at (x, y) at ``time`` (a pursuit goes there)."""
        self.last_seen_xy = (float(x), float(y))
        self.last_seen_time = time

    def respond(
        self, world, x: float, y: float, count: int, time: float,
        wait_s: float = RESPONSE_WAIT_S,
    ) -> np.ndarray:  # fmt: skip
        """Send the ``count`` nearest units not already answering a call to the street
        outside (x, y) (the nearest lane point: a yard is no place for a squad car).
        They wait there until ``wait_s`` after the call, then patrol again; in a
        pursuit the call is ignored. Returns the world indices sent."""
        free = np.flatnonzero(~self._busy() & ~world.wrecked[self.units])
        if self.pursuing or free.size == 0 or count <= 0:
            return self.units[:0]
        u = self.units[free]
        order = np.argsort(np.hypot(world.x[u] - x, world.y[u] - y), kind="stable")
        rows = free[order[:count]]
        graph = self.planner.graph
        edge, t = graph.nearest_edge(np.array([x]), np.array([y]))
        a, b = graph.node_xy[graph.edge_src[edge[0]]], graph.node_xy[graph.edge_dst[edge[0]]]
        kerb = a + t[0] * (b - a)
        pursuer = Pursuer(self.planner, self.terrain, self.units[rows], self.params,
                          style=RESPONSE_STYLE)  # fmt: skip
        goal = (float(kerb[0]), float(kerb[1]))
        self.responses.append(Response(rows, goal, time + wait_s, pursuer))
        self._patrol = None
        if self.helicopter_goal is None:
            self.helicopter_goal = (float(x), float(y))
        return self.units[rows]

    def search(self, world, x: float, y: float, time: float, rng: np.random.Generator,
               wait_s: float = SEARCH_WAIT_S) -> np.ndarray:
        """Every free unit to its own point of the road graph round (x, y) (between
        SEARCH_NEAR_M and SEARCH_FAR_M from it, drawn by ``rng``): they spread over the
        area, look round, then cruise on from there. Returns the world indices sent."""
        free = np.flatnonzero(~self._busy() & ~world.wrecked[self.units])
        if self.pursuing or free.size == 0:
            return self.units[:0]
        nodes = self.planner.graph.node_xy
        distance = np.hypot(nodes[:, 0] - x, nodes[:, 1] - y)
        candidates = np.flatnonzero((distance >= SEARCH_NEAR_M) & (distance <= SEARCH_FAR_M))
        if candidates.size == 0:
            return self.respond(world, x, y, free.size, time, wait_s)
        goals = rng.choice(candidates, size=free.size, replace=candidates.size < free.size)
        for row, node in zip(free.tolist(), goals.tolist(), strict=True):
            pursuer = Pursuer(self.planner, self.terrain, self.units[[row]], self.params,
                              style=RESPONSE_STYLE)  # fmt: skip
            goal = (float(nodes[node, 0]), float(nodes[node, 1]))
            self.responses.append(Response(np.array([row]), goal, time + wait_s, pursuer))
        self._patrol = None
        return self.units[free]

    def stand_down(self, world, x: float, y: float, time: float,
                   rng: np.random.Generator) -> np.ndarray:
        """The search round (x, y) is called off: every free unit drives back to a beat
        of its own, the middle of a lane drawn by ``rng`` at least BEAT_FROM_SEARCH_M
        from (x, y) (in the farther half of the lanes, on a map too small for that), and
        patrols from there once it is BEAT_REACHED_M near it (or after BEAT_WITHIN_S);
        the helicopters fly off the map. Without this every unit that searched would
        cruise on round the place the Driver was lost, and the helicopter circle it, for
        the rest of the night.
        Returns the world indices sent (none in a pursuit: there is no standing down)."""
        if self.pursuing:
            return self.units[:0]
        for helicopter in self.helicopters:
            helicopter.leave(map_exit(self.terrain.size_m, helicopter.x, helicopter.y))
        self.helicopter_goal = None
        self.responses.clear()  # searchers and those answering a call alike
        free = np.flatnonzero(~self._busy() & ~world.wrecked[self.units])
        if free.size == 0:
            return self.units[:0]
        graph = self.planner.graph
        middles = 0.5 * (graph.node_xy[graph.edge_src] + graph.node_xy[graph.edge_dst])
        distance = np.hypot(middles[:, 0] - x, middles[:, 1] - y)
        candidates = np.flatnonzero(distance >= min(BEAT_FROM_SEARCH_M, np.median(distance)))
        beats = rng.choice(candidates, size=free.size, replace=candidates.size < free.size)
        for row, edge in zip(free.tolist(), beats.tolist(), strict=True):
            pursuer = Pursuer(self.planner, self.terrain, self.units[[row]], self.params,
                              style=BEAT_STYLE)  # fmt: skip
            goal = (float(middles[edge, 0]), float(middles[edge, 1]))
            self.responses.append(Response(np.array([row]), goal, time + BEAT_WITHIN_S,
                                           pursuer, reached_m=BEAT_REACHED_M))
        self._patrol = None
        return self.units[free]

    def start_pursuit(self, time: float) -> None:
        """Every unit chases (heat over the threshold); needs a known position to go to."""
        if not self.pursuing:
            self.pursuing = True
            self.responses.clear()  # whoever was answering a call joins the chase
            for helicopter in self.helicopters:  # a helicopter on its way home turns back
                helicopter.exit_xy = None
            self._pursuer.reset()
            self._drop_cut_off()
            self._cut_off_chosen_s = -np.inf

    def call_off(self, time: float) -> None:
        """End the pursuit: units go back to patrolling from where they are."""
        if self.pursuing:
            self.pursuing = False
            self.events.append(PoliceEvent("lost", time))
            self._patrol = None

    # -- driving ---------------------------------------------------------------------

    def controls(self, world, target: int, time: float) -> np.ndarray:
        """Control rows (len(units), N_CONTROLS), in the order of ``units``; every tick
        (a roadblock's rows are overwritten by :meth:`drive`)."""
        goal = self.pursuit_goal(time)
        if self.pursuing and goal is not None:
            goals = self.unit_goals(world, time)
            rows = self._pursuer.controls(world, goal, target, self.seen, time,
                                          self.rammers(world, target))
            cutter = self.cut_off_unit
            if cutter >= 0 and self._cutter is not None and not self._busy()[cutter]:
                rows[cutter] = self._cutter.controls(
                    world, (float(goals[cutter, 0]), float(goals[cutter, 1])), target,
                    self.seen[[cutter]], time, np.zeros(1, dtype=bool))[0]
            return rows
        patrol = self._patrol
        if (not self.responses and not self.roadblocks and patrol is not None
                and patrol.vehicles.size == self.units.size):
            return patrol.controls(world, time)  # every unit on patrol: its rows as they are
        rows = idle_controls(self.units.size)
        answering = self._answering(world, time)
        patrolling = np.flatnonzero(~answering)
        if patrolling.size:
            if self._patrol is None:
                patrol_seed = int(np.random.SeedSequence([self.seed, PATROL_SEED])
                                  .generate_state(1)[0])
                self._patrol = TrafficController(
                    self.planner.graph, self.units[patrolling], patrol_seed, self.signals,
                    think_hz=self.patrol_think_hz, geometry=self.planner.geometry,
                    recycle=False,
                )  # fmt: skip
            rows[patrolling] = self._patrol.controls(world, time)
        for response in self.responses:
            nobody = np.zeros(response.rows.size, dtype=bool)
            rows[response.rows] = response.pursuer.controls(
                world, response.goal, target, nobody, time
            )
        return rows

    def _answering(self, world, time: float) -> np.ndarray:
        """Per unit: answering a call now. Calls past their time end (back to patrol),
        and so do those that end on arrival (a beat) once their unit is there."""
        answering = [r for r in self.responses if time < r.until and not self._arrived(world, r)]
        if len(answering) < len(self.responses):
            self.responses = answering
            self._patrol = None
        return self._busy()

    def _arrived(self, world, response: Response) -> bool:
        if response.reached_m is None:
            return False
        u = self.units[response.rows]
        return bool((np.hypot(world.x[u] - response.goal[0], world.y[u] - response.goal[1])
                     <= response.reached_m).all())

    def _busy(self) -> np.ndarray:
        """Per unit: on one of the calls in ``responses``, or holding a roadblock."""
        busy = np.zeros(self.units.size, dtype=bool)
        for duty in (*self.responses, *self.roadblocks):
            busy[duty.rows] = True
        return busy


@dataclass
class Helicopter:
    """Flies over everything (no collisions) with a searchlight; x, y metres."""

    x: float
    y: float
    speed_ms: float = 35.0  #: ground speed
    light_radius_m: float = 25.0  #: searchlight spot on the ground
    orbit_radius_m: float = 30.0  #: circles a spot it was sent to while searching
    heading: float = 0.0
    exit_xy: tuple[float, float] | None = None  #: leaving, searchlight out: off the map here
    gone: bool = False  #: it reached its exit; the police let it go
    _orbit_s: float = 0.0

    def leave(self, exit_xy: tuple[float, float]) -> None:
        """Stood down: fly straight to ``exit_xy`` (off the map), searchlight out."""
        self.exit_xy = exit_xy

    @property
    def searchlight_m(self) -> float:
        """The searchlight's radius on the ground now (0: out, it is leaving)."""
        return 0.0 if self.exit_xy is not None else self.light_radius_m

    def fly(self, dt: float, goal: tuple[float, float] | None, tracking: bool) -> None:
        """Move towards ``goal``: straight over it while ``tracking`` a seen target,
        else circling it to search; hovers without a goal."""
        if goal is None:
            return
        gx, gy = goal
        if not tracking:
            self._orbit_s += dt
            angle = self._orbit_s * self.speed_ms / max(self.orbit_radius_m, 1.0) * 0.3
            gx += self.orbit_radius_m * np.cos(angle)
            gy += self.orbit_radius_m * np.sin(angle)
        dx, dy = gx - self.x, gy - self.y
        distance = float(np.hypot(dx, dy))
        if distance < 1e-6:
            self.gone = self.exit_xy is not None
            return
        step = min(distance, self.speed_ms * dt)
        self.x += dx / distance * step
        self.y += dy / distance * step
        self.heading = float(np.arctan2(dy, dx))

    def spots(self, x: float, y: float, lights_on: bool = True, in_shadow: bool = False) -> bool:
        """Is a car at (x, y) in the searchlight? Not when it hides in shadow, lights off."""
        radius = self.searchlight_m  # 0: leaving, the light is out
        if (in_shadow and not lights_on) or radius <= 0.0:
            return False
        return float(np.hypot(x - self.x, y - self.y)) <= radius


def map_exit(size_m: tuple[float, float], x: float, y: float) -> tuple[float, float]:
    """The point HELICOPTER_EXIT_M beyond the map's edge nearest (x, y): where a
    helicopter comes in from and leaves by (``size_m``: the map's width and height)."""
    width, height = size_m
    edges = [(x, -HELICOPTER_EXIT_M), (x, height + HELICOPTER_EXIT_M),
             (-HELICOPTER_EXIT_M, y), (width + HELICOPTER_EXIT_M, y)]
    return min(edges, key=lambda p: float(np.hypot(p[0] - x, p[1] - y)))
