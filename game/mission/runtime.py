"""The mission runtime: a mission file brought to life as a DriveSession's rules.

It is the rules phase of the tick (:mod:`game.session.drive`): after the world has
stepped and the law has counted offences and heat, :meth:`MissionRuntime.update`
advances the mission clock, reads where the Driver's car is (zones, from a grid
lookup), advances the five-minute window rule (:mod:`game.mission.window`) and fires
the current stage's triggers (:mod:`game.mission.triggers`), whose actions
(:mod:`game.mission.actions`) change the stage, talk, spawn actors through the
:class:`~game.mission.cast.JobCast`, call the police or add heat. Everything it has to
say goes out as events (:mod:`game.mission.events`) into the session's event list for
the HUD and audio, and is logged in :attr:`MissionRuntime.events`.

A career's :class:`~game.session.law.Standing` may name ``detective_after_s``: that long
into the job the runtime has the cast bring the Detective's car in
(:meth:`~game.mission.cast.JobCast.bring_detective`) and says so with a
:class:`~game.mission.events.DetectiveArrived` event (a ``[sting]`` job brings him at
once). He is told the job's places and where the Driver will be (:meth:`bring_detective_now`),
and calls roadblocks ahead of the Driver only once the window has opened.

Triggers about the job's own actors (a chaser shaken, a target that made the tail or
arrived, a T-bone from this step's contacts) read an :class:`~game.mission.actors.ActorWatch`
in the tick; the job's witnesses (:mod:`game.mission.witnesses`) look at the Driver's
car after the window rule, and the first good look at his face is said as a
:class:`~game.mission.events.FaceSeen` event and a message; a job with no crew and no
agreed time (:func:`is_windowless`) has no window: the rule sleeps and the view shows none.

What the frame shows of it comes from :meth:`MissionRuntime.view` (a typed
:class:`~game.session.view.RulesView`); the job's result is made apart from the stage
rules, by :func:`game.mission.result.job_result`. No pygame, no sound.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from game.ai.detective import DetectiveController
from game.ai.routes import zone_goal
from game.level.zones import ZoneGrid
from game.mission.actions import ACTIONS
from game.mission.actors import ActorWatch, actor_meters, followed_car
from game.mission.cast import JobCast
from game.mission.clock import MissionClock, format_clock
from game.mission.crew_walk import CrewWalk, door_point
from game.mission.events import (
    Attention,
    DetectiveArrived,
    FaceSeen,
    Message,
    MissionEnded,
    RuleBroken,
    WindowClosed,
    WindowOpened,
)
from game.mission.mechanics import JobMechanic, mechanic_for
from game.mission.mission_file import all_actions
from game.mission.model import PLAYER, Action, Mission, Trigger
from game.mission.testimony import make_plate
from game.mission.triggers import STOPPED_MS, ArmedTriggers, Tick
from game.mission.window import Crew, CrewState, WindowPhase, WindowRule, draw_return_offsets
from game.mission.witnesses import WitnessWatch, told_line
from game.session.events import RadioLine
from game.session.heat import HeatMeter
from game.session.radio import compass
from game.session.view import RulesView, WindowView

if TYPE_CHECKING:
    from game.session.drive import DriveSession, TickReport

ATTENTION_HEAT = 0.5  #: heat a loitering report adds


class MissionRuntime:
    """One run of a mission in a session: clock, stage, window rule, triggers."""

    def __init__(self, mission: Mission, session: DriveSession, seed: int = 0,
                 crew_late: bool = False) -> None:
        self.mission = mission
        self.session = session
        self.level = session.level
        self.seed = seed
        self.crew_late = crew_late
        self.cast = JobCast(session, mission)
        rng = np.random.default_rng([seed, 5])
        offsets = draw_return_offsets(mission.crew, rng, late=crew_late)
        crew = [
            Crew(m.name, CrewState.AT_PICKUP, off)
            for m, off in zip(mission.crew, offsets, strict=True)
        ]
        place = self.level.zones[mission.contract.place]
        self.rule = WindowRule(mission.contract, crew, place.label)
        self.clock = MissionClock(mission.clock_start, mission.time_scale)
        self.plate = make_plate(rng)  # drawn always, so a career's plate changes no draws
        pickups = {m.name: (self.level.spawns[m.spawn].x, self.level.spawns[m.spawn].y)
                   for m in mission.crew if m.spawn in self.level.spawns}
        self.walk = CrewWalk(pickups, mission.time_scale)  #: where the frame draws the crew
        car = session.law.standing.player_car
        if car is not None:
            self.plate = car.plate
        session.law.plate = self.plate  # what a unit reads close up
        self.zones = ZoneGrid(self.level, sorted(_zone_names(mission)))
        self.events: list = []  #: every mission event so far, oldest first
        self.ended: MissionEnded | None = None
        self.objective = ""
        self.stage_id = ""
        self.stages_entered: list[str] = []  #: every stage begun, in order (the result's)
        self.stage_s = 0.0
        self.elapsed_s = 0.0  #: sim seconds since the job began
        self.window_opened_at: float | None = None
        self.place_reached_at: float | None = None  #: clock time the car first got there
        self.departure = ""  #: how the car last left the place ("north on Alameda")
        self._zones_before: frozenset[str] = frozenset()
        self._armed: ArmedTriggers = ArmedTriggers(())
        self._always = ArmedTriggers(mission.always)
        self._tick_events: list = []
        self._goal_points: dict[str, tuple[float, float]] = {}
        self._started = False
        #: no crew and no agreed time: a job with no window (a takedown); the rule sleeps
        self.windowless = is_windowless(mission)
        #: elapsed_s at which a career brings the Detective in (None: not, or done)
        self.detective_due_s = session.law.standing.detective_after_s
        #: the job's race or audition (game.mission.mechanics), None for stages only
        self.mechanic: JobMechanic | None = mechanic_for(self)
        #: the job's witnesses and how much of his face each has seen
        self.witnesses = WitnessWatch(mission.witnesses, self.level)

    @property
    def heat(self) -> HeatMeter:
        """The session's heat meter (the law keeps it; actions add to it)."""
        return self.session.law.heat

    # -- what actions use -------------------------------------------------------------
    def emit(self, event: object) -> None:
        self._tick_events.append(event)
        self.events.append(event)
        self.session.events.append(event)

    def goto(self, stage_id: str) -> None:
        stage = self.mission.stage(stage_id)
        self.stage_id = stage.id
        self.stages_entered.append(stage.id)
        self.stage_s = 0.0
        self._armed = ArmedTriggers(stage.on)
        if stage.objective:
            ACTIONS["objective"](self, Action(kind="objective", where=stage.where,
                                              text=stage.objective))
        for action in stage.enter:
            self._run(action)

    def end(self, outcome: str, reason: str) -> None:
        if self.ended is None:
            self.ended = MissionEnded(outcome, reason, self.clock.now)
            self.emit(self.ended)

    def spawn_actor(self, name: str) -> None:
        self.cast.spawn(self.mission.vehicle(name))

    def dispatch(self, x: float, y: float, units: int) -> None:
        self.cast.dispatch(x, y, units)

    def bring_detective_now(self) -> None:
        """The Detective comes into the job (unless he is in it), told the places of the
        case (the job's zones; he knows the apartment and Shannon's garage himself) and
        where the Driver will be: the place, while the window has not closed, else where
        the Driver is now (a tip from his informants)."""
        self.detective_due_s = None
        spawn = self.cast.bring_detective()
        if spawn is not None:
            self.emit(DetectiveArrived(spawn.name, self.clock.now))
        detective = self.session.fleets.get("detective")
        if not isinstance(detective, DetectiveController):
            return
        detective.know({zone: self.goal_point(zone) for zone in sorted(self.zones.names)})
        # roadblocks ahead only once there is something to stop him for: the window opened
        detective.calling = self.windowless or self.rule.phase is not WindowPhase.BEFORE
        if self.rule.phase is not WindowPhase.CLOSED:
            detective.stake_out(*self.goal_point(self.mission.contract.place))
        else:
            world, player = self.session.world, self.session.player
            detective.stake_out(float(world.x[player]), float(world.y[player]))

    def left_behind(self) -> list[Crew]:
        return [c for c in self.rule.crew if c.state is CrewState.LEFT_BEHIND]

    # -- the rules phase of the tick ---------------------------------------------------
    def start(self) -> None:
        """Enter the first stage (call once the actors are in place)."""
        self._started = True
        self.goto(self.mission.stages[0].id)

    def update(self, session: DriveSession, report: TickReport) -> None:
        """One tick, after the world step and the law."""
        if not self._started:
            self.start()
        if self.ended is not None:
            return
        self._tick_events = list(report.law)
        world, player = session.world, session.player
        dt = world.dt
        dt_clock = self.clock.advance(dt)
        self.stage_s += dt
        self.elapsed_s += dt
        if self.detective_due_s is not None and self.elapsed_s >= self.detective_due_s:
            self.bring_detective_now()
        x, y = float(world.x[player]), float(world.y[player])
        speed = float(world.speed[player])
        zones = self.zones.names_in(self.zones.mask_at(x, y))
        place = self.mission.contract.place
        in_place = place in zones
        if in_place and self.place_reached_at is None:
            self.place_reached_at = self.clock.now
        if place in self._zones_before and not in_place:
            street = self.level.street_at(x, y)
            # the way it went, not the way it faced (a car can back out of a yard)
            moving = float(np.arctan2(world.world_vy[player], world.world_vx[player]))
            self.departure = compass(moving) + (f" on {street}" if street else "")
        rule_events = [] if self.windowless else \
            self.rule.update(self.clock.now, dt_clock, in_place, speed < STOPPED_MS)
        for event in rule_events:
            self._rule_event(event)
        if self.mechanic is not None:
            for event in self.mechanic.update(self, report):
                self.emit(event)
        lights_on = bool(world.lights_on[player])
        for k in self.witnesses.update(self.level.terrain, (x, y), float(world.heading[player]),
                                       speed, lights_on, dt):
            witness = self.mission.witnesses[k]
            self.emit(FaceSeen(witness.name, witness.label, self.clock.now))
            self.emit(Message(told_line(witness.label), 6.0))
        tick = Tick(
            clock=self.clock.now,
            dt=dt,
            stage_s=self.stage_s,
            zones=zones,
            zones_before=self._zones_before,
            speed=speed,
            events=list(self._tick_events),
            rule=self.rule,
            heat=self.heat,
            wrecked=lambda name: self._wrecked(world, name),
            busted=session.law.busted is not None,
            actors=ActorWatch(self, report.step.collisions),
        )
        self._zones_before = zones
        for trigger in (*self._always.fired_now(tick), *self._armed.fired_now(tick)):
            self._fire(trigger)

    def _rule_event(self, event: object) -> None:
        if isinstance(event, MissionEnded):
            self.end(event.outcome, event.reason)
            return
        self.emit(event)
        if isinstance(event, WindowOpened):
            self.window_opened_at = event.clock
            detective = self.session.fleets.get("detective")
            if isinstance(detective, DetectiveController):
                detective.calling = True  # the job is on: he calls roadblocks ahead now
            world, player = self.session.world, self.session.player
            car = (float(world.x[player]), float(world.y[player]))
            place = self.level.zones[self.mission.contract.place]
            self.walk.window_opened(event.clock, car, door_point(self.level.terrain, place, *car))
            self.emit(Message("The window is open: 5:00"))
        elif isinstance(event, WindowClosed) and event.left_behind:
            self.emit(Message("Time. Left behind: " + ", ".join(event.left_behind)))
        elif isinstance(event, RuleBroken):
            self.emit(Message(f"Rule broken: {event.reason}"))
        elif isinstance(event, Attention):
            self.heat.add(ATTENTION_HEAT)
            self.emit(RadioLine(f"Any unit, check a parked car: {event.reason}.",
                                self.session.world.time))
            self.dispatch(*self.level.zones[self.mission.contract.place].centre, 1)

    def _fire(self, trigger: Trigger) -> None:
        for action in trigger.actions:
            if self.ended is not None:
                return
            self._run(action)

    def _run(self, action: Action) -> None:
        ACTIONS[action.kind](self, action)

    def _wrecked(self, world, name: str) -> bool:
        index = self.session.player if name == PLAYER else self.cast.vehicle_index(name)
        return index is not None and index >= 0 and bool(world.wrecked[index])

    # -- where to go ---------------------------------------------------------------------
    def stage_zone(self) -> str | None:
        """The zone the current stage wants the car stopped (or arriving) in."""
        if not self.stage_id:
            return None
        stage = self.mission.stage(self.stage_id)
        for kind in ("stopped_in_zone", "enter_zone", "vehicle_arrived"):
            for trigger in stage.on:
                if trigger.kind == kind:
                    return trigger.zone
        return None

    def crew_out_there(self) -> bool:
        """Someone went in and is not back yet (inside, or out waiting at the place)."""
        return any(c.state in (CrewState.INSIDE, CrewState.OUT) for c in self.rule.crew)

    def objective_zone(self) -> str | None:
        """Where the job wants the car now: the pickup while the crew waits there, the
        place until the window opens and while anyone is still out, else the stage's zone."""
        rule = self.rule
        if self.ended is not None:
            return None
        if self.mechanic is not None and (self.mission.race or self.mission.audition):
            return self.mechanic.waypoint_zone()  # a race or an audition knows its way
        if any(c.state is CrewState.AT_PICKUP for c in rule.crew):
            return self.stage_zone()
        if rule.phase is WindowPhase.BEFORE and not self.windowless:
            return self.mission.contract.place
        if rule.phase is WindowPhase.OPEN and not rule.all_back and self.crew_out_there():
            return self.mission.contract.place
        return self.stage_zone()

    def goal_point(self, zone_name: str) -> tuple[float, float]:
        """A drivable point inside a zone (its open cell nearest the centre), cached."""
        point = self._goal_points.get(zone_name)
        if point is None:
            point = zone_goal(self.level.zones[zone_name], self.level.terrain)
            self._goal_points[zone_name] = point
        return point

    def waypoint(self) -> tuple[float, float] | None:
        """Where the player should drive now (metres), for the minimap."""
        zone = self.objective_zone()
        return self.goal_point(zone) if zone is not None else None

    def waypoint_label(self) -> str:
        """The display name of the zone the player should drive to now ("" for none)."""
        zone = self.objective_zone()
        return self.level.zones[zone].label if zone is not None else ""

    def at_waypoint(self) -> bool:
        """The car is in the zone the player should drive to now (as of the last tick)."""
        zone = self.objective_zone()
        return zone is not None and zone in self._zones_before

    # -- what the frame shows ----------------------------------------------------------
    def view(self, session: DriveSession) -> RulesView:
        rule = self.rule
        agreed = self.mission.contract.time
        closes = rule.closes_at
        window = WindowView(
            phase=rule.phase.name.lower(),
            place=rule.place_label,
            agreed=format_clock(agreed)[:5] if agreed is not None else None,
            seconds_left=closes - self.clock.now if closes is not None else None,
            rule_kept=rule.rule_kept,
        )
        world, player = session.world, session.player
        car = (float(world.x[player]), float(world.y[player])) if player >= 0 else (0.0, 0.0)
        followed = followed_car(self) if self.ended is None else None
        return RulesView(
            clock_text=self.clock.text(),
            objective=self.objective,
            waypoint=followed[0] if followed else self.waypoint(),
            waypoint_label=followed[1] if followed else self.waypoint_label(),
            waypoint_here=False if followed else self.at_waypoint(),
            window=None if self.windowless else window,
            crew=self.walk.views(rule.crew, self.clock.now, car),
            meters=(*actor_meters(self), *self.witnesses.meters()) if self.ended is None
            else (),
            witnesses=self.witnesses.views(),
            finished=self.ended is not None,
            gauge=self.mechanic.gauge() if self.mechanic is not None else None,
        )

    def state(self) -> tuple:
        """The runtime's state as plain values (the session hashes it for replays)."""
        return (
            round(self.clock.now, 6),
            self.stage_id,
            rule_state(self.rule),
            self.ended.outcome if self.ended is not None else "",
            self.mechanic.state() if self.mechanic is not None else (),
            *((self.witnesses.state(),) if self.mission.witnesses else ()),
        )


def is_windowless(mission: Mission) -> bool:
    """A job with no crew and no agreed time has no five-minute window (its contract
    names only the place; ``check`` allows that only when there is no crew), unless the
    job opens one itself (``start_window``: a race's or an audition's time limit)."""
    opens_one = any(action.kind == "start_window" for action in all_actions(mission))
    return not mission.crew and mission.contract.time is None and not opens_one


def rule_state(rule: WindowRule) -> tuple:
    return (rule.phase.name, rule.rule_kept, tuple(c.state.name for c in rule.crew))


def _zone_names(mission: Mission) -> set[str]:
    names = {mission.contract.place}
    for stage in mission.stages:
        names.update(t.zone for t in stage.on if t.zone)
    names.update(t.zone for t in mission.always if t.zone)
    return names
