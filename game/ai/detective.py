"""The Detective: tails the Driver in an unmarked car, predicts his way, calls roadblocks.

He does not chase. He keeps ``tail_gap_m`` behind, obeying lights and limits like any
driver so as not to be noticed, and drives the road graph after the Driver.

**What he knows**: the places of the case (:meth:`DetectiveController.know`): the job's
place, the Driver's apartment, Shannon's garage, where a crew drops off. A job may tip
him off (:meth:`~DetectiveController.stake_out`): he drives to where the Driver will be
and waits there for him, so he is in the job from the start, not parked where he came in.

**His prediction**: every second he sees the Driver he notes where he is (the *trail*,
the last :data:`TRAIL_POINTS` notes). For each known place a shortest-path tree on the
road graph (Dijkstra, :class:`~game.ai.routes.RoutePlanner`, cached) says how far the
Driver still has to go from every node; a place scores by how much of the way the
Driver drove along the trail brought him nearer to it (1: every metre was a metre
nearer), plus :data:`ON_ROUTE_BONUS` when the lane he is on is on the shortest way
there (a place within :data:`LEAVING_M` of where the trail set out is the one he is
leaving, and scores nothing). The best place above :data:`MIN_AGREEMENT` is the
predicted goal and the tree's way from the Driver to it the predicted route; with no
place that agrees he keeps the goal he had, and before he has had one (or knowing none)
the route is the road straight on (the way that turns least at each node).

**Not shaken by a broken line of sight**: unseen, he reckons the Driver has gone on
along the predicted route at the speed he was last seen doing (at least
:data:`SEARCH_MS`), and drives there (he searches where the Driver was going, not where
he was); at the route's end he waits.

**Roadblocks ahead**: while he has a trail he calls a roadblock on the predicted route
:data:`CALL_AHEAD_M` ahead of the Driver every :data:`CALL_EVERY_S` (at most
:data:`MAX_CALLS` a job), and a job can have him stake out the routes from a place to
every place he knows (:meth:`~DetectiveController.stake_out_routes`); a job holds his
calls ahead off (:attr:`~DetectiveController.calling`) until its window opens. The calls wait
in :attr:`~DetectiveController.calls`; the police's backup
(:mod:`game.session.backup`) parks units across the road there, as it does for its own.

**How he loses the Driver** (the rules; ``levels/README.md`` says them to designers):

- out of his sight for :data:`OFF_ROUTE_LAPSE_S` running while more than
  :data:`OFF_ROUTE_M` from the predicted route (a way he did not predict), or
- out of his sight, in a dark pocket (a shadow cell) with the lights off, for
  :data:`HIDE_LAPSE_S` running (he searched where he thought, and it lapsed), or
- a change of cars he did not see (the Driver got out and into a spare car while out of
  his sight: he knows him by his car, :attr:`~DetectiveController.driver_car`).

Any of these calls his search off for the night: :attr:`~DetectiveController.lost` says
why, and he drives on (the road straight on, as traffic keeps on). Being out of his
sight alone, however long, does not lose him.

:class:`DetectiveController` is the ``detective`` fleet of a session: one car at most
(he works alone). Whether he sees the Driver comes from the session's senses, with his
own :attr:`~DetectiveController.sight`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from game.ai.driving import DrivingStyle, lane_targets
from game.ai.lanes import LaneTracker
from game.ai.perception import SightParams
from game.ai.routes import RoutePlanner, RouteTree, route_chooser
from game.ai.signals import Signals
from game.ai.steering import Chassis, drive_to, hold_still
from game.sim.terrain import Terrain

if TYPE_CHECKING:
    from game.ai.driver import Senses, Setting

TAIL_STYLE = DrivingStyle(speed_factor=1.2, lateral_accel=4.0, decel=4.0)
TAIL_GAIN_PER_S = 0.3  #: m/s of speed per metre the tail gap is off its mark
GOAL_AHEAD_M = 40.0  #: he routes to this far beyond where the Driver is (or must be)
REPLAN_S = 1.0  #: seconds between new routes to the Driver (or to where he must be)
SEARCH_MS = 8.0  #: unseen, he reckons the Driver goes on along the route at least this fast
TRAIL_EVERY_S = 1.0  #: seconds between the notes of where he saw the Driver
TRAIL_POINTS = 10  #: notes kept: the trail his prediction reads
MIN_TRAIL_M = 25.0  #: the trail must cover this much ground before it says anything
MIN_AGREEMENT = 0.35  #: a place is the goal only if the trail agrees with it this well
ON_ROUTE_BONUS = 0.3  #: a place scores this much more when his lane is on its way
LEAVING_M = 60.0  #: a place he is this near to is where he is leaving, not his goal
ROUTE_MAX_NODES = 600  #: the predicted route is cut after this many nodes
OFF_ROUTE_M = 80.0  #: further than this from the predicted route is off it...
OFF_ROUTE_LAPSE_S = 20.0  #: ...and off it, unseen, this long loses him
HIDE_LAPSE_S = 25.0  #: unseen in a dark pocket with lights off this long loses him
CALL_AHEAD_M = 260.0  #: a roadblock he calls stands this far ahead on the predicted way
CALL_EVERY_S = 30.0  #: seconds between his calls
CALL_AFTER_TAIL_S = 8.0  #: he calls the first only after tailing this long
MAX_CALLS = 3  #: roadblocks he calls in one job (his stake-outs not counted)
STAKE_OUT_M = 240.0  #: stake-outs stand this far along each way from the place
STAKE_OUT_WAIT_M = 25.0  #: tipped off, he waits this near the place he was told of
SPOT_HOME_KINDS = ("home", "garage")  #: the map's zones every detective knows


class DetectiveController:
    """Drives world vehicle ``unit`` after ``target``; call :meth:`drive` every tick."""

    role = "detective"

    def __init__(
        self,
        planner: RoutePlanner,
        terrain: Terrain,
        unit: int = -1,
        signals: Signals | None = None,
        tail_gap_m: float = 45.0,
        sight: SightParams | None = None,
    ):
        self.planner = planner
        self.terrain = terrain
        self.unit = int(unit)
        self.signals = signals
        self.tail_gap_m = tail_gap_m
        self.sight = sight or SightParams()
        self.seeing = False  #: he has the Driver in sight this tick
        self.last_seen: tuple[float, float, float, float] | None = None  #: x, y, heading, speed
        self.last_seen_time = -np.inf
        self.goal: tuple[float, float] | None = None  #: where he is driving to now
        self.places: dict[str, tuple[float, float]] = {}  #: the places he knows, metres
        self.tip: tuple[float, float] | None = None  #: where he was told the Driver will be
        self.trail: list[tuple[float, float]] = []  #: where he saw him, a note a second
        self.predicted_goal: str | None = None  #: the place he reckons the Driver makes for
        #: (x, y) points of the Driver's predicted way from where he was last seen
        self.route = np.zeros((0, 2))
        self.lost = ""  #: why he lost the Driver ("" while he has the trail)
        self.calls: list[tuple[float, float, float]] = []  #: roadblocks wanted: x, y, heading
        self.calls_made = 0
        #: he calls roadblocks ahead while tailing (a job holds it off until its crime)
        self.calling = True
        self.tailing_s = 0.0  #: seconds of this tail (seen, or searching since)
        self.unseen_s = 0.0  #: seconds since he last saw the Driver
        self.off_route_s = 0.0  #: unseen and off the predicted route, running
        self.hidden_s = 0.0  #: unseen and dark in a shadow, running
        self._next_note_s = -np.inf
        self._clock: float | None = None  #: the time of the last call, sim seconds
        self._next_call_s = 0.0
        self._straight = planner.geometry.straight_on()
        self._trees: dict[str, RouteTree] = {}
        self._tracker = LaneTracker(planner.geometry, 1, horizon=6)
        self._row = np.zeros(1, dtype=np.intp)
        self._choose = None
        self._replan_s = 0.0
        self._cruising = False  #: called off, he drives on straight
        #: the car he knows the Driver by (-1: none yet); a change he did not see loses him
        self.driver_car = -1

    @classmethod
    def in_setting(cls, setting: Setting) -> DetectiveController:
        """A session's Detective, before his car is on the map (:meth:`add`); he knows the
        Driver's apartment and Shannon's garage (the map's ``home`` and ``garage`` zones)."""
        detective = cls(setting.planner, setting.level.terrain, signals=setting.signals)
        detective.know({name: zone.centre for name, zone in setting.level.zones.items()
                        if zone.kind in SPOT_HOME_KINDS})
        return detective

    @property
    def rows(self) -> np.ndarray:
        return np.array([self.unit] if self.unit >= 0 else [], dtype=np.intp)

    def add(self, rows: np.ndarray) -> None:
        """His car; a second detective is refused (ValueError): he works alone."""
        rows = np.asarray(rows, dtype=np.intp)
        if self.unit >= 0 or rows.size != 1:
            raise ValueError("a job has one detective at most")
        self.unit = int(rows[0])

    # -- what he is told -------------------------------------------------------------
    def know(self, places: dict[str, tuple[float, float]]) -> None:
        """More places of the case (name -> a point on or by the road, metres)."""
        for name, (x, y) in places.items():
            self.places[name] = (float(x), float(y))
        self._trees = {k: v for k, v in self._trees.items() if k in self.places}

    def stake_out(self, x: float, y: float) -> None:
        """He is told the Driver will be at (x, y): he drives there and waits for him."""
        self.tip = (float(x), float(y))

    def stake_out_routes(self, x: float, y: float, ahead_m: float = STAKE_OUT_M) -> int:
        """A roadblock call on the way from (x, y) to every place he knows, ``ahead_m``
        along it (two ways that share the spot share the block); how many were called."""
        edge, fraction = self._edge_at(x, y, None)
        sites: list[tuple[float, float, float]] = []
        for name in sorted(self.places):
            if np.hypot(self.places[name][0] - x, self.places[name][1] - y) < LEAVING_M:
                continue
            route = self._route_from(edge, fraction, self._tree(name))
            site = _along(route, ahead_m)
            if site is not None and all(np.hypot(site[0] - s[0], site[1] - s[1]) > 30.0
                                        for s in sites):
                sites.append(site)
        self.calls.extend(sites)
        return len(sites)

    # -- the driver ------------------------------------------------------------------
    def drive(self, senses: Senses, controls: np.ndarray) -> None:
        if self.unit < 0:
            return
        if senses.player < 0:
            controls[self.unit] = hold_still(1)[0]
            return
        seeing = bool(senses.sees_player[self.unit])
        controls[self.unit] = self.controls(senses.world, senses.player, senses.time, seeing,
                                            hidden=senses.cover.hidden_from_above)

    def controls(self, world, target: int, time: float, seeing: bool,
                 hidden: bool = False) -> np.ndarray:
        """One control row for the Detective's car this tick; ``seeing``: he has the
        Driver's car ``target`` in sight now (the senses say so); ``hidden``: the Driver's
        car is dark in a shadow (the senses' cover), which counts towards losing him."""
        u = np.array([self.unit])
        tx, ty = float(world.x[target]), float(world.y[target])
        if target != self.driver_car:  # the Driver is in another car now
            if self.driver_car >= 0 and self.last_seen is not None and not seeing \
                    and not self.lost:
                self.lose("he changed cars out of the Detective's sight")
            self.driver_car = target
        self.seeing = seeing and not self.lost
        if self.seeing:
            speed = float(np.hypot(world.vx[target], world.vy[target]))
            heading = float(np.arctan2(world.world_vy[target], world.world_vx[target])) \
                if speed > 1.0 else float(world.heading[target])
            self.last_seen = (tx, ty, heading, speed)
            self.last_seen_time = time
            if time >= self._next_note_s:
                self._note(tx, ty, time)
        dt = world.dt if self._clock is None else max(time - self._clock, 0.0)
        self._clock = time
        self._keep_count(dt, tx, ty, hidden)
        self._call_ahead(time)
        if self.lost:
            self._drive_off(world)  # called off: he drives on, straight, as traffic does
        else:
            self._replan(world, time)
        if self._choose is None:
            return hold_still(1)[0]  # nothing known yet: wait, handbrake on
        x, y, heading = world.x[u], world.y[u], world.heading[u]
        if self.goal is not None and self.last_seen is None and \
                np.hypot(self.goal[0] - x[0], self.goal[1] - y[0]) < STAKE_OUT_WAIT_M:
            return hold_still(1)[0]  # at the place he was told of: wait for him there
        self._tracker.update(self._row, x, y, self._choose)
        targets = lane_targets(self._tracker, self._row, u, world, self.signals, time, TAIL_STYLE)
        wanted = targets.speed
        if self.seeing:  # keep the gap: slower when close, faster when dropping back
            distance = float(np.hypot(tx - x[0], ty - y[0]))
            target_speed = self.last_seen[3]
            tail = target_speed + TAIL_GAIN_PER_S * (distance - self.tail_gap_m)
            wanted = np.minimum(wanted, max(tail, 0.0))
        chassis = Chassis.of_classes(world.vehicle_class[u])
        return drive_to(x, y, heading, world.vx[u], targets.x, targets.y, wanted, chassis)[0]

    # -- the prediction --------------------------------------------------------------
    def predict(self) -> str | None:
        """The place the trail says the Driver makes for (None: no place agrees), and the
        predicted route from where he was last seen (:attr:`route`)."""
        if self.last_seen is None:
            return None
        x, y, heading, _ = self.last_seen
        edge, fraction = self._edge_at(x, y, heading)
        goal = self._best_place(edge, fraction) or self.predicted_goal  # held till bettered
        self.predicted_goal = goal
        if goal is None:
            self.route = self._straight_route(edge, fraction)
        else:
            self.route = self._route_from(edge, fraction, self._tree(goal))
        return goal

    def place_scores(self) -> dict[str, float]:
        """How well the trail (and the lane he is on) agrees with each known place."""
        if self.last_seen is None:
            return {}
        x, y, heading, _ = self.last_seen
        edge, fraction = self._edge_at(x, y, heading)
        return self._scores(edge, fraction)

    def predicted_position(self, time: float) -> tuple[float, float, float] | None:
        """Where the Driver must be by ``time``, along the predicted route from where he
        was last seen at the speed he was doing (x, y, heading); None if never seen."""
        if self.last_seen is None:
            return None
        travelled = self._reckoned_m(time)
        return _along(self.route, travelled) or (self.last_seen[0], self.last_seen[1],
                                                 self.last_seen[2])

    def roadblock_site(self, time: float, ahead_m: float = 250.0):
        """(x, y, heading) on the Driver's predicted way ``ahead_m`` beyond where he is
        reckoned to be now, for a roadblock; None before he has ever been seen."""
        if self.last_seen is None:
            return None
        if not self.route.size:
            self.predict()
        travelled = self._reckoned_m(time)
        site = _along(self.route, travelled + ahead_m)
        if site is None or self.predicted_goal is not None:
            return site
        x, y, heading, _ = self.last_seen  # straight on: the way runs on past any end
        edge, fraction = self._edge_at(x, y, heading)
        return self.planner.geometry.walk(int(edge[0]), float(fraction[0]),
                                          travelled + ahead_m, self._straight)

    def route_distance(self, x: float, y: float) -> float:
        """Metres from (x, y) to the predicted route (inf when he has none)."""
        route = self.route
        if route.shape[0] < 2:
            return np.inf
        a, b = route[:-1], route[1:]
        ab = b - a
        length_sq = np.maximum((ab**2).sum(axis=1), 1e-9)
        t = np.clip(((x - a[:, 0]) * ab[:, 0] + (y - a[:, 1]) * ab[:, 1]) / length_sq, 0, 1)
        foot = a + t[:, None] * ab
        return float(np.hypot(foot[:, 0] - x, foot[:, 1] - y).min())

    # -- inside ----------------------------------------------------------------------
    def _reckoned_m(self, time: float) -> float:
        """Metres the Driver has gone on along the route since he was last seen: at the
        speed he was doing, and unseen at least SEARCH_MS (a car that stood has moved on)."""
        assert self.last_seen is not None
        elapsed = max(time - self.last_seen_time, 0.0)
        speed = self.last_seen[3] if self.seeing else max(self.last_seen[3], SEARCH_MS)
        return speed * elapsed

    def _note(self, x: float, y: float, time: float) -> None:
        self._next_note_s = time + TRAIL_EVERY_S
        self.trail = [*self.trail, (x, y)][-TRAIL_POINTS:]
        self.predict()

    def _keep_count(self, dt: float, x: float, y: float, hidden: bool) -> None:
        """The lose rules (module docstring), counted every tick he has a trail."""
        if self.lost or self.last_seen is None:
            return
        self.tailing_s += dt
        if self.seeing:
            self.unseen_s = self.off_route_s = self.hidden_s = 0.0
            return
        self.unseen_s += dt
        off = self.route_distance(x, y) > OFF_ROUTE_M
        self.off_route_s = self.off_route_s + dt if off else 0.0
        self.hidden_s = self.hidden_s + dt if hidden else 0.0
        if self.hidden_s >= HIDE_LAPSE_S:
            self.lose("he sat dark in a shadow, lights off, until the search lapsed")
        elif self.off_route_s >= OFF_ROUTE_LAPSE_S:
            self.lose("he took a way the Detective did not predict")

    def lose(self, why: str) -> None:
        """He has lost the Driver (``why``): the search is off, his calls withdrawn."""
        self.lost = why
        self.seeing = False
        self.calls.clear()

    def _call_ahead(self, time: float) -> None:
        if self.lost or self.last_seen is None or self.calls_made >= MAX_CALLS \
                or not self.calling:
            return
        if time < self._next_call_s or self.tailing_s < CALL_AFTER_TAIL_S:
            return
        site = self.roadblock_site(time, CALL_AHEAD_M)
        if site is None:
            return
        self.calls.append((float(site[0]), float(site[1]), float(site[2])))
        self.calls_made += 1
        self._next_call_s = time + CALL_EVERY_S

    def _edge_at(self, x: float, y: float, heading: float | None):
        geo = self.planner.geometry
        if heading is None:
            edge, fraction = self.planner.graph.nearest_edge(np.array([x]), np.array([y]))
            return np.asarray(edge), np.asarray(fraction)
        return geo.nearest_aligned_edge(x, y, heading)

    def _tree(self, place: str) -> RouteTree:
        tree = self._trees.get(place)
        if tree is None:
            tree = self._trees[place] = self.planner.tree_to_point(*self.places[place],
                                                                   self.terrain)
        return tree

    def _to_go(self, tree: RouteTree, edge: int, fraction: float) -> float:
        """Metres still to go to the tree's goal from ``fraction`` along ``edge``."""
        geo, graph = self.planner.geometry, self.planner.graph
        if edge in tree.goal_edges:
            return 0.0
        return float(tree.cost[graph.edge_dst[edge]] + (1.0 - fraction) * geo.length[edge])

    def _scores(self, edge: np.ndarray, fraction: np.ndarray) -> dict[str, float]:
        here = self.last_seen
        if here is None or not self.places:
            return {}
        trail = np.array(self.trail) if self.trail else np.zeros((0, 2))
        driven = float(np.hypot(*np.diff(trail, axis=0).T).sum()) if len(trail) > 1 else 0.0
        first = None
        if driven >= MIN_TRAIL_M:
            first = self.planner.graph.nearest_edge(trail[:1, 0], trail[:1, 1])
        graph = self.planner.graph
        start = trail[0] if len(trail) else (here[0], here[1])  # where the trail set out
        scores = {}
        for name in sorted(self.places):
            px, py = self.places[name]
            if np.hypot(px - start[0], py - start[1]) < LEAVING_M:
                continue  # the place he is leaving (or still at) is not where he goes
            tree = self._tree(name)
            now = self._to_go(tree, int(edge[0]), float(fraction[0]))
            if not np.isfinite(now):
                continue
            score = 0.0
            if first is not None:
                then = self._to_go(tree, int(first[0][0]), float(first[1][0]))
                if np.isfinite(then):
                    score = (then - now) / driven
            src = int(graph.edge_src[edge[0]])
            if int(tree.next_edge[src]) == int(edge[0]) or int(edge[0]) in tree.goal_edges:
                score += ON_ROUTE_BONUS
            scores[name] = score
        return scores

    def _best_place(self, edge: np.ndarray, fraction: np.ndarray) -> str | None:
        scores = self._scores(edge, fraction)
        if not scores:
            return None
        best = max(sorted(scores), key=lambda name: scores[name])
        return best if scores[best] >= MIN_AGREEMENT else None

    def _route_from(self, edge: np.ndarray, fraction: np.ndarray, tree: RouteTree) -> np.ndarray:
        """Points of the way from ``fraction`` along ``edge`` to the tree's goal."""
        geo, graph = self.planner.geometry, self.planner.graph
        e, f = int(edge[0]), float(fraction[0])
        points = [geo.start[e] + geo.direction[e] * f * geo.length[e]]
        node = int(graph.edge_dst[e])
        points.append(graph.node_xy[node])
        if e in tree.goal_edges:
            return np.array(points)
        for _ in range(ROUTE_MAX_NODES):
            step = int(tree.next_edge[node])
            if step < 0:
                break
            node = int(graph.edge_dst[step])
            points.append(graph.node_xy[node])
            if step in tree.goal_edges:
                break
        return np.array(points)

    def _straight_route(self, edge: np.ndarray, fraction: np.ndarray,
                        length_m: float = 800.0) -> np.ndarray:
        """Points of the road straight on from ``fraction`` along ``edge``."""
        geo, graph = self.planner.geometry, self.planner.graph
        e, f = int(edge[0]), float(fraction[0])
        points = [geo.start[e] + geo.direction[e] * f * geo.length[e]]
        along = (1.0 - f) * geo.length[e]
        for _ in range(ROUTE_MAX_NODES):
            points.append(graph.node_xy[graph.edge_dst[e]])
            nxt = int(self._straight[e])
            if nxt < 0 or along >= length_m:
                break
            e = nxt
            along += float(geo.length[e])
        return np.array(points)

    def _drive_off(self, world) -> None:
        """Once he has lost the Driver he leaves: the road straight on, lights and limits
        kept (he does not stand in a lane for the night)."""
        if self._cruising:
            return
        self._cruising = True
        straight = self._straight

        def choose(from_edges: np.ndarray) -> np.ndarray:
            return np.where(from_edges >= 0, straight[np.maximum(from_edges, 0)], -1)

        self._choose = choose
        self.goal = None
        u = self.unit
        self._tracker.attach(self._row, world.x[u : u + 1], world.y[u : u + 1],
                             world.heading[u : u + 1], choose)

    def _replan(self, world, time: float) -> None:
        self._replan_s -= world.dt
        if self._replan_s > 0.0 and self._choose is not None:
            return
        self._replan_s = REPLAN_S
        if self.last_seen is not None:
            ahead = self.roadblock_site(time, GOAL_AHEAD_M)  # a little past him: his way
        elif self.tip is not None:
            ahead = (*self.tip, 0.0)
        else:
            return
        if ahead is None:
            return
        self.goal = (float(ahead[0]), float(ahead[1]))
        tree = self.planner.tree_to_point(*self.goal, self.terrain)
        first = self._choose is None
        self._choose = route_chooser(self.planner.graph, tree)
        u = self.unit
        if first or abs(self._tracker.offset[0]) > 8.0:
            self._tracker.attach(
                self._row, world.x[u : u + 1], world.y[u : u + 1], world.heading[u : u + 1],
                self._choose,
            )  # fmt: skip
        else:
            self._tracker.replan(self._row, self._choose, keep=1)


def _along(route: np.ndarray, distance: float) -> tuple[float, float, float] | None:
    """The point ``distance`` metres along the polyline ``route`` (x, y, heading of its
    segment), its end if it is shorter; None for a route of fewer than two points."""
    if route.shape[0] < 2:
        return None
    seg = np.diff(route, axis=0)
    length = np.hypot(seg[:, 0], seg[:, 1])
    ends = np.cumsum(length)
    k = int(np.searchsorted(ends, distance))
    if k >= len(length):
        k = len(length) - 1
        distance = float(ends[-1])
    while k > 0 and length[k] < 1e-6:
        k -= 1
    start = ends[k] - length[k]
    t = 0.0 if length[k] < 1e-6 else (distance - start) / length[k]
    point = route[k] + seg[k] * min(max(t, 0.0), 1.0)
    return float(point[0]), float(point[1]), float(np.arctan2(seg[k, 1], seg[k, 0]))
