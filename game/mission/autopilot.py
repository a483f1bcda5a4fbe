"""The mission autopilot: a Driver who follows the job, through the player's own controls.

It is a :class:`~game.ai.driver.Driver` like any other: it reads the runtime (the
stage's triggers, the window rule, the heat) to pick a goal, and drives there with
:class:`game.ai.routes.RouteFollower` on the road graph: lane driving, lights, the cars
ahead. Its output is the same control row a keyboard writes, headlights included, into
the Driver's row; nothing is teleported. The decisions, in order:

* mission over: stand still;
* crew at the pickup: the pickup zone of the stage's ``stopped_in_zone`` trigger;
* before the window: the place (stopping short while it is too early to wait there);
* window open, crew still out: wait at the place, stopped;
* otherwise (getaway): pursued, or while the police still search for the car (their
  lookout is out), the nearest dark pocket of the map (under a bridge, an alley), lights
  off there, standing still until the search is called off, and on to another if they
  find it there or a unit comes at him head-on on the way (one on the far side of it);
  then the zone where the stage wants the car stopped (the crowd at the arena).

Its hands are a getaway driver's (:class:`game.mission.roadcraft.RoadCraft`): out of
jams, and on the getaway round the police the minimap shows, as a player reads it. It
keeps to the lights except when chased, or when it is late for the place (the road left
takes longer than the time left) and the minimap shows no police car near: then it runs
reds.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from game.ai.driver import Senses
from game.ai.driving import DrivingStyle
from game.ai.routes import AUTOPILOT_STYLE, RouteFollower
from game.ai.steering import hold_still
from game.level.zones import cell_flag, shadow_pockets
from game.mission.roadcraft import RoadCraft
from game.mission.runtime import MissionRuntime
from game.mission.window import CrewState, WindowPhase
from game.sim.controls import LIGHTS

DECIDE_EVERY = 4  #: ticks per decision (15 Hz at the 60 Hz tick)
#: chased: as fast as the car and the corners allow, through red lights
GETAWAY_STYLE = replace(
    AUTOPILOT_STYLE, speed_factor=1.7, lateral_accel=6.5, decel=6.5, obey_signals=False
)
#: late for the place (below), with no police car on the minimap: it runs red lights
LATE_STYLE = replace(AUTOPILOT_STYLE, obey_signals=False)
LATE_PACE_MS = 5.0  #: "late": the way left at this pace takes longer than the time left...
LATE_SLACK_S = 15.0  #: ...less this (sim seconds: the last corner, pulling in, stopping)
#: late, it runs a red only with no police car on the minimap this near (now or soon):
#: beyond a police car's sight (90 m, a third more on hard) with room to spare
LATE_CLEAR_M = 150.0
EARLY_MARGIN_S = 30.0  #: clock seconds short of drawing attention it still goes in to wait
HOLD_BACK_M = 60.0  #: while too early, stop this far short of the place
FOUND_M = 20.0  #: in his hideout, seen (the HUD says so) or a unit this close: he moves on
HIDDEN_M = 12.0  #: this close to a pocket's point the car is in it
HEAD_ON_M = 45.0  #: a unit this close ahead of him, coming his way, makes him turn off
HEAD_ON_COS = 0.75  #: "ahead": within about 40 degrees of his heading
HEAD_ON_CLOSING_MS = 4.0  #: "coming his way": the gap closing at least this fast


class Autopilot:
    """Drives the Driver's car through a mission (the session's player driver)."""

    def __init__(self, runtime: MissionRuntime):
        self.runtime = runtime
        setting = runtime.session.setting
        self.level = setting.level
        self.planner = setting.planner
        self.signals = setting.signals
        self.goal: str = ""  #: the route's key: the zone it drives to and the hold-back
        self.goal_zone: str = ""  #: the zone (or pocket) it drives to now, or "hold"
        self.holding_back = False  #: too early: it stops short of the goal
        self.follower: RouteFollower | None = None
        self.lights_on = True
        self._xy = (0.0, 0.0)  #: the player's car this tick
        self.craft = RoadCraft(runtime.session)  #: its hands: out of jams, round police
        self._row: np.ndarray | None = None  #: the row held between decisions
        self.hideout: str | None = None  #: the shadow pocket it hides in, while it does
        #: the map's dark places, by a name of their own ("pocket 3")
        self.pockets = {f"pocket {k}": point for k, point in
                        enumerate(shadow_pockets(self.level))}
        self.burned: set[str] = set()  #: pockets the police found it in

    def drive(self, senses: Senses, controls: np.ndarray) -> None:
        """The Driver's row for this tick, headlights included.

        It decides every DECIDE_EVERY ticks and holds the row between, as a driver's
        hands do; the mission's state is re-read at each decision.
        """
        if self._row is None or senses.world.tick % DECIDE_EVERY == 0:
            self._row = self._decide_row(senses.world, senses.player)
            self._row[LIGHTS] = float(self.lights_on)
        controls[senses.player] = self._row

    def _decide_row(self, world, player: int) -> np.ndarray:
        self._xy = (float(world.x[player]), float(world.y[player]))
        goal, hold_back = self._decide()
        self.goal_zone, self.holding_back = goal, hold_back
        if goal == "hold":
            self.goal, self.follower = goal, None
            return hold_still(1)[0]
        key = f"{goal}:{hold_back}"
        if self.craft.fresh_route_wanted:  # pulled out round a blocker: from here
            self.craft.fresh_route_wanted, self.goal = False, ""
        if key != self.goal or self.follower is None:
            self.goal = key
            x, y = self._goal_point(goal, hold_back)
            self.follower = RouteFollower(
                self.planner, player, x, y, self.level.terrain, self.signals
            )
        dt = world.dt * DECIDE_EVERY
        instead = self.craft.unjam(self.follower, self._style(world, player),
                                   self.runtime.heat.pursuit, dt)  # fmt: skip
        if instead is not None:
            return instead
        if self.runtime.heat.pursuit or self.runtime.session.law.lookout is not None:
            self.craft.keep_away(self.follower, dt)
        return self.follower.controls(world, world.time, dt)

    def _style(self, world, player: int) -> DrivingStyle:
        """Chased: all out, through red lights. Late for the place with no police car
        within LATE_CLEAR_M on the minimap: through red lights, as a driver with a crew
        waiting would (no one there to see it). Otherwise by the rules: heat stays low."""
        if self.runtime.heat.pursuit:
            return GETAWAY_STYLE
        if self._late():
            police = self.craft.police_on_minimap()
            gap_m = np.hypot(police[:, 0] - world.x[player], police[:, 1] - world.y[player])
            if not (gap_m < LATE_CLEAR_M).any():
                return LATE_STYLE
        return AUTOPILOT_STYLE

    def _late(self) -> bool:
        """Before the window, on the way to the place (through the pickup, if that is the
        goal now): the road left, at LATE_PACE_MS, takes longer than the sim seconds left
        to the time, less LATE_SLACK_S. Holding back while too early is never late."""
        rt, follower = self.runtime, self.follower
        contract = rt.mission.contract
        if (rt.rule.phase is not WindowPhase.BEFORE or contract.time is None
                or follower is None or follower.lane_edge < 0 or self.holding_back):
            return False
        graph = self.planner.graph
        road_m = float(follower.tree.cost[graph.edge_dst[follower.lane_edge]])
        if not np.isfinite(road_m):
            return False
        zone = self.goal_zone
        if zone != contract.place and zone in self.level.zones:  # then on to the place
            gx, gy = self.level.zones[zone].centre
            px, py = self.level.zones[contract.place].centre
            road_m += float(np.hypot(px - gx, py - gy))
        left_s = (contract.time - rt.clock.now) / rt.clock.time_scale
        return road_m / LATE_PACE_MS > left_s - LATE_SLACK_S

    def _decide(self) -> tuple[str, bool]:
        """(zone to drive to or "hold", whether to stop short of it): the job's own
        objective (the runtime's), but hiding in shadow while pursued, and holding
        back from the place while it is too early to wait there."""
        rt = self.runtime
        rule, contract = rt.rule, rt.mission.contract
        self.lights_on = True
        if rt.ended is not None:
            return "hold", False
        zone = rt.objective_zone()
        if rule.phase is WindowPhase.BEFORE and zone == contract.place:
            too_early = (
                contract.time is not None
                and contract.time - rt.clock.now > contract.attention_after_s - EARLY_MARGIN_S
            )
            return zone, too_early
        waiting_for_crew = rule.phase is WindowPhase.OPEN and rt.crew_out_there()
        at_pickup = any(c.state is CrewState.AT_PICKUP for c in rule.crew)
        searched = rt.session.law.lookout is not None  # they still look for the car
        if (rt.heat.pursuit or searched) and not waiting_for_crew and not at_pickup:
            shadow = self._hideout()
            in_shadow = cell_flag(self.level.shadow, self.level.terrain.cell_size, *self._xy)
            self.lights_on = not in_shadow
            if shadow is not None:
                hx, hy = self.pockets[shadow]
                if in_shadow and np.hypot(hx - self._xy[0], hy - self._xy[1]) < HIDDEN_M:
                    return "hold", False  # in the dark, lights off: keep still
                return shadow, False
        self.hideout = None
        return zone or "hold", False

    def _hideout(self) -> str | None:
        """The dark place to hide in: the nearest of the map's shadow pockets
        (:func:`game.level.zones.shadow_pockets`), kept until the police find him there
        (the HUD says he is seen, or a unit is within FOUND_M: a player in the dark keeps
        still while a unit passes at 30 m) or a unit comes at him head-on, then the
        nearest one they have not found him in (away from that unit)."""
        if not self.pockets:
            return None
        x, y = self._xy
        world, units = self.runtime.session.world, self.runtime.session.police.units
        found = self.runtime.heat.pursuit and (self.runtime.session.view.heat.seen or bool(
            (np.hypot(world.x[units] - x, world.y[units] - y) < FOUND_M).any()))
        head_on = self._unit_head_on() if self.runtime.heat.pursuit else None
        if self.hideout is not None:
            hx, hy = self.pockets[self.hideout]
            there = np.hypot(hx - x, hy - y) < HIDDEN_M
            # a unit coming at him: a fresh choice (and route) at every decision while it
            # comes, even of a pocket away from him (keeping that one, on the route that
            # meets the unit, lost more jobs: Five Minutes 4 and 5 of 8, not 7)
            if not (found and there) and head_on is None:
                return self.hideout
            self.burned.add(self.hideout)
        fresh = [name for name in self.pockets if name not in self.burned] or list(self.pockets)
        if head_on is not None:  # not that way: a pocket on the other side of him
            away = [n for n in fresh if np.dot(np.subtract(self.pockets[n], self._xy),
                                               head_on) < 0.0]
            fresh = away or fresh
        self.hideout = min(fresh, key=lambda n: np.hypot(self.pockets[n][0] - x,
                                                         self.pockets[n][1] - y))
        return self.hideout

    def _unit_head_on(self) -> np.ndarray | None:
        """The way (a unit vector) to a unit coming at him from ahead, inside
        HEAD_ON_M in front and closing, or None: a driver turns off before he meets it."""
        world, player = self.runtime.session.world, self.runtime.session.player
        units = self.runtime.session.police.units
        if units.size == 0:
            return None
        dx, dy = world.x[units] - self._xy[0], world.y[units] - self._xy[1]
        distance = np.maximum(np.hypot(dx, dy), 1e-6)
        h = float(world.heading[player])
        ahead = (dx * np.cos(h) + dy * np.sin(h)) / distance
        closing = -((world.world_vx[units] - world.world_vx[player]) * dx
                    + (world.world_vy[units] - world.world_vy[player]) * dy) / distance
        coming = (distance < HEAD_ON_M) & (ahead > HEAD_ON_COS) & (closing > HEAD_ON_CLOSING_MS)
        if not coming.any():
            return None
        k = int(np.argmin(np.where(coming, distance, np.inf)))
        return np.array([dx[k], dy[k]]) / distance[k]

    def _goal_point(self, zone_name: str, hold_back: bool) -> tuple[float, float]:
        if zone_name in self.pockets:
            return self.pockets[zone_name]
        x, y = self.runtime.goal_point(zone_name)
        if not hold_back:
            return x, y
        tree = self.planner.tree_to_point(x, y, self.level.terrain)
        graph = self.planner.graph
        edge, _ = graph.nearest_edge(np.array([self._xy[0]]), np.array([self._xy[1]]))
        node = int(graph.edge_dst[edge[0]])
        # walk the shortest way there until HOLD_BACK_M before the place
        for _ in range(len(graph.node_xy)):
            step = int(tree.next_edge[node])
            if step < 0 or tree.cost[node] <= HOLD_BACK_M:
                break
            node = int(graph.edge_dst[step])
        return float(graph.node_xy[node, 0]), float(graph.node_xy[node, 1])

