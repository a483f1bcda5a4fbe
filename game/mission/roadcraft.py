"""A getaway driver's road craft, for any head that picks where to go.

The job autopilot (:mod:`game.mission.autopilot`) decides *where* the Driver goes; how a
getaway driver gets there through a city that is in his way is the same for any head,
the job's or free drive's (``tools/play_keys.py``'s ride head):

* **through a jam** (:meth:`RoadCraft.unjam`): traffic locks up at junctions and a unit
  may pin him; stood still he first closes up on the car ahead, then backs out and
  pulls round whatever still blocks him. Chased, he does not wait: stopped for 3 s with
  two units beside him is busted;
* **round the police he can see** (:meth:`RoadCraft.keep_away`): a unit the minimap
  shows near the way ahead (where it is, and where it will be in a moment) makes him take
  another way there, on which every edge near a unit costs more
  (:meth:`game.ai.routes.RoutePlanner.tree_avoiding`). He knows only what the minimap
  shows a player: the police cars within MINIMAP_REACH_M of his car.

It works on the head's :class:`~game.ai.routes.RouteFollower`, given at each call; the
head says when it is chased and how calmly it drives. Nothing here knows the mission.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from game.ai.driving import DrivingStyle
from game.ai.lanes import EdgeGeometry
from game.ai.routes import AUTOPILOT_STYLE, RouteFollower
from game.ai.steering import Chassis, drive_to, hold_still
from game.sim.controls import BRAKE, HANDBRAKE, STEER

JAM_S = 3.0  #: seconds stood still (not at a red light, not arrived) before it pushes through
PUSHY_S = 3.0  #: seconds it then ignores cars further ahead than PUSHY_STYLE's reach
CHASED_JAM_S = 0.4  #: both of the above while chased (stopped 3 s by a unit is busted)
STILL_MS = 0.3  #: slower than this it counts as stood still...
CHASED_CRAWL_MS = 1.2  #: ...and, while chased, slower than this (busted is below 1.5 m/s)
OVERTAKE_S = 3.5  #: seconds spent backing out and pulling round whatever still blocks it
BACK_OUT_S = 1.0  #: ...of which the first are reversing
OVERTAKE_AHEAD_M = 12.0  #: the pull-out aims this far ahead...
OVERTAKE_SIDE_M = 4.5  #: ...and this far to the left (one lane)
OVERTAKE_MS = 6.0  #: at this speed
PUSHY_STYLE = replace(AUTOPILOT_STYLE, reach_m=4.0)
#: the minimap shows the cars within this of his, in x and in y (game/render/minimap.py:
#: 220 px at 2.5 m a pixel); the driver knows of no police car beyond it
MINIMAP_REACH_M = 275.0
AVOID_EVERY_S = 1.0  #: seconds between looks at the way ahead for police on it
AVOID_AHEAD_M = 220.0  #: the way ahead looked along (its first AVOID_FROM_M not: a
AVOID_FROM_M = 25.0  #: unit right behind him is no reason for another way)
AVOID_RADIUS_M = 35.0  #: a unit this near an edge makes it cost more...
AVOID_COST_M = 400.0  #: ...up to this many metres of road more, right beside it
AVOID_LEAD_S = 2.0  #: a moving unit is avoided where it is and where it will be this soon


class RoadCraft:
    """The Driver's hands through jams and round the police, for one session's player.

    ``session`` is a :class:`~game.session.drive.DriveSession` (its world, setting and
    police). Each call takes ``dt``: the sim seconds since the head's last decision."""

    def __init__(self, session) -> None:
        self.session = session
        self.planner = session.setting.planner
        self.signals = session.setting.signals
        self.still_s = 0.0  #: seconds stood still while it wants to move
        self.overtake_s = 0.0  #: seconds left of pulling out round a blocker...
        self.overtake_to = (0.0, 0.0)  #: ...towards this point
        #: the pull-out is over: the head should plan a fresh route from where the car is
        self.fresh_route_wanted = False
        self.avoid_s = 0.0  #: seconds until it looks at the way ahead for police again

    def unjam(self, follower: RouteFollower, calm: DrivingStyle, chased: bool,
              dt: float) -> np.ndarray | None:  # fmt: skip
        """Traffic can lock up at a junction; a getaway driver does not wait it out.

        Stood still (not at a red light) for JAM_S: it closes up on the car ahead for
        PUSHY_S; still stuck: it pulls out round the blocker on the left for OVERTAKE_S,
        then asks for a fresh route (:attr:`fresh_route_wanted`). Chased, both waits are
        CHASED_JAM_S and a crawl counts as stood still. Sets the ``follower``'s style
        (``calm``, or closing up); returns the row to use instead of the route's.
        """
        world, player = self.session.world, self.session.player
        jam_s, pushy_s = (CHASED_JAM_S, CHASED_JAM_S) if chased else (JAM_S, PUSHY_S)
        if self.overtake_s > 0.0:
            self.overtake_s -= dt
            if self.overtake_s <= 0.0:
                self.fresh_route_wanted = True
            if self.overtake_s > OVERTAKE_S - BACK_OUT_S:  # first back out of the pin
                row = hold_still(1)[0]
                row[HANDBRAKE], row[BRAKE], row[STEER] = 0.0, 1.0, 1.0  # held brake reverses
                return row
            v = np.array([player])
            tx, ty = self.overtake_to
            return drive_to(world.x[v], world.y[v], world.heading[v], world.vx[v],
                            np.array([tx]), np.array([ty]), np.array([OVERTAKE_MS]),
                            Chassis.of_classes(world.vehicle_class[v]))[0]  # fmt: skip
        edge = follower.lane_edge
        at_red = edge >= 0 and not chased and \
            bool(self.signals.is_red(np.array([edge]), world.time)[0])  # chased: no lights
        crawl = CHASED_CRAWL_MS if chased else STILL_MS  # chased, a crawl is as bad as still
        stuck = abs(float(world.vx[player])) < crawl and not follower.arrived and not at_red
        self.still_s = self.still_s + dt if stuck else 0.0
        follower.style = (
            replace(calm, reach_m=PUSHY_STYLE.reach_m) if self.still_s >= jam_s else calm
        )
        if self.still_s >= jam_s + pushy_s:
            self.still_s, self.overtake_s = 0.0, OVERTAKE_S
            x, y, h = float(world.x[player]), float(world.y[player]), float(world.heading[player])
            forward, left = (np.cos(h), np.sin(h)), (np.sin(h), -np.cos(h))
            self.overtake_to = (x + OVERTAKE_AHEAD_M * forward[0] + OVERTAKE_SIDE_M * left[0],
                                y + OVERTAKE_AHEAD_M * forward[1] + OVERTAKE_SIDE_M * left[1])
        return None

    def keep_away(self, follower: RouteFollower, dt: float) -> None:
        """Every AVOID_EVERY_S: a police car the minimap shows near the way ahead (now or
        AVOID_LEAD_S on) makes it take the way there that keeps clear of them."""
        self.avoid_s -= dt
        if self.avoid_s > 0.0 or follower.lane_edge < 0:
            return
        self.avoid_s = AVOID_EVERY_S
        points = self.police_on_minimap()
        if not len(points):
            return
        ahead = self._way_ahead(follower)
        if not ahead.size or edge_costs(self.planner.geometry, ahead, points).max() <= 0.0:
            return
        extra = edge_costs(self.planner.geometry, None, points)
        follower.reroute(self.planner.tree_avoiding(follower.tree.goal_edges, extra))

    def police_on_minimap(self) -> np.ndarray:
        """(K, 2) where the police cars the minimap shows are, and where each will be
        AVOID_LEAD_S on at its speed: what a player sees of them."""
        world, player = self.session.world, self.session.player
        units = self.session.police.units
        units = units[~world.wrecked[units]]
        dx, dy = world.x[units] - world.x[player], world.y[units] - world.y[player]
        shown = units[(np.abs(dx) <= MINIMAP_REACH_M) & (np.abs(dy) <= MINIMAP_REACH_M)]
        now = np.column_stack([world.x[shown], world.y[shown]])
        soon = now + AVOID_LEAD_S * np.column_stack([world.world_vx[shown],
                                                     world.world_vy[shown]])
        return np.concatenate([now, soon])

    def _way_ahead(self, follower: RouteFollower) -> np.ndarray:
        """The edges of its route from AVOID_FROM_M to AVOID_AHEAD_M ahead of the car."""
        graph, geo, tree = self.planner.graph, self.planner.geometry, follower.tree
        edge, along, edges = follower.lane_edge, 0.0, []
        for _ in range(64):  # a few edges of one route: a loop
            along += float(geo.length[edge])
            if along > AVOID_AHEAD_M or edge in tree.goal_edges:
                break
            edge = int(tree.next_edge[graph.edge_dst[edge]])
            if edge < 0:
                break
            if along >= AVOID_FROM_M:
                edges.append(edge)
        return np.array(edges, dtype=np.intp)


def edge_costs(geometry: EdgeGeometry, edges: np.ndarray | None, points: np.ndarray
               ) -> np.ndarray:  # fmt: skip
    """Metres of road each edge costs more for the police at ``points`` (K, 2): up to
    AVOID_COST_M per unit right beside it, nothing beyond AVOID_RADIUS_M. ``edges``: the
    edges to cost (None: all of them); whole arrays, edges by units."""
    index = slice(None) if edges is None else edges
    start, direction = geometry.start[index], geometry.direction[index]
    length = geometry.length[index]
    rel_x = points[None, :, 0] - start[:, None, 0]
    rel_y = points[None, :, 1] - start[:, None, 1]
    along = np.clip(rel_x * direction[:, None, 0] + rel_y * direction[:, None, 1],
                    0.0, length[:, None])
    distance = np.hypot(rel_x - along * direction[:, None, 0],
                        rel_y - along * direction[:, None, 1])
    near = np.clip(1.0 - distance / AVOID_RADIUS_M, 0.0, 1.0)
    return AVOID_COST_M * near.sum(axis=1)
