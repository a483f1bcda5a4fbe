"""The mission runtime: a mission file brought to life as a DriveSession's rules.

Tick order (DESIGN.md): the session steps the world, then calls :meth:`update` with the
step's events. The runtime then advances the mission clock; reads the player's car
(zones it is in, from a grid lookup; collisions from the step); detects offences and
asks the :class:`Cast` whether police or the helicopter witness them (heat); advances
the five-minute window rule; fires the current stage's triggers and runs their actions.
Everything it has to say goes out as events (:mod:`game.mission.events`), collected in
:attr:`MissionRuntime.events` for the HUD and audio to drain. No pygame, no sound.

The :class:`Cast` is how the runtime directs the actors without knowing the AI: it
spawns vehicles, answers "is the Driver seen?", sends units to a place and turns the
pursuit on and off. :mod:`game.mission.cast` adapts ``game.ai``'s police to it.
"""

from __future__ import annotations

from typing import Protocol

import numpy as np

from game.level.model import Level
from game.mission.actions import ACTIONS
from game.mission.clock import MissionClock, format_clock, format_countdown
from game.mission.events import (
    Attention,
    MissionEnded,
    PursuitLost,
    PursuitStarted,
    ScannerLine,
    WindowOpened,
)
from game.mission.heat import HeatMeter
from game.mission.model import PLAYER, Action, Mission, Trigger, VehicleActor
from game.mission.offences import Driving, LaneIndex, detect_offences
from game.mission.testimony import CAR_DESCRIPTIONS, Testimony, compass, make_plate
from game.mission.triggers import STOPPED_MS, ArmedTriggers, Tick
from game.mission.window import Crew, CrewState, WindowPhase, WindowRule, draw_return_offsets
from game.mission.zones import ZoneGrid
from game.sim import StepEvents

ATTENTION_HEAT = 0.5  #: heat a loitering report adds
RED_GRACE_S = 1.0  #: seconds a light must have been red for running it to count
SCANNER_SHOW_S = 7.0  #: sim seconds a scanner line stays in the HUD lines
BUSTED_RADIUS_M = 9.0  #: a pursuing unit this close to a stopped Driver...
BUSTED_SPEED_MS = 1.5  #: ...while he is slower than this...
BUSTED_AFTER_S = 3.0  #: ...for this long: busted
BUSTED_MIN_PURSUIT_S = 5.0  #: nobody is busted in the first seconds of a chase
RULE_BROKEN_PAY = 0.5  #: fraction of the pay a crew hands over when the Driver broke the rule


class Cast(Protocol):
    """The actors a mission directs (police, helicopter, others), whatever AI drives them."""

    def spawn(self, actor: VehicleActor) -> None: ...

    def witnessed(self) -> bool: ...

    def dispatch(self, x: float, y: float, units: int) -> None: ...

    def pursue(self, on: bool) -> None: ...

    def police_xy(self) -> np.ndarray: ...

    def vehicle_index(self, name: str) -> int | None: ...


class NoCast:
    """No AI actors: nobody sees the Driver, dispatches go nowhere (tests, bare runs)."""

    def spawn(self, actor: VehicleActor) -> None:
        return None

    def witnessed(self) -> bool:
        return False

    def dispatch(self, x: float, y: float, units: int) -> None:
        return None

    def pursue(self, on: bool) -> None:
        return None

    def police_xy(self) -> np.ndarray:
        return np.zeros((0, 2))

    def vehicle_index(self, name: str) -> int | None:
        return None


class MissionRuntime:
    """One run of a mission: clock, stage, window rule, heat, outcome."""

    def __init__(
        self,
        mission: Mission,
        level: Level,
        seed: int = 0,
        crew_late: bool = False,
        cast: Cast | None = None,
        signals: object | None = None,
    ) -> None:
        self.mission = mission
        self.level = level
        self.seed = seed
        self.cast: Cast = cast if cast is not None else NoCast()
        self.signals = signals  #: game.ai.signals.Signals, for the red-light offence
        rng = np.random.default_rng([seed, 5])
        offsets = draw_return_offsets(mission.crew, rng, late=crew_late)
        crew = [
            Crew(m.name, CrewState.AT_PICKUP, off)
            for m, off in zip(mission.crew, offsets, strict=True)
        ]
        place = level.zones[mission.contract.place]
        self.rule = WindowRule(mission.contract, crew, place.properties.get("label", place.name))
        self.clock = MissionClock(mission.clock_start, mission.time_scale)
        self.heat = HeatMeter()
        self.plate = make_plate(rng)
        self.zones = ZoneGrid(level, sorted(_zone_names(mission)))
        self.lanes = LaneIndex(level.roads)
        self.events: list = []  #: mission events not yet drained by the HUD/audio
        self.ended: MissionEnded | None = None
        self.objective = ""
        self.stage_id = ""
        self.stage_s = 0.0
        self.elapsed_s = 0.0  #: sim seconds since the job began
        self.scanner = ""  #: the latest scanner line...
        self.scanner_until = 0.0  #: ...shown until this elapsed_s
        self.window_opened_at: float | None = None
        self.departure = ""  #: how the car last left the place ("north on Alameda")
        self.busted_s = 0.0
        self._zones_before: frozenset[str] = frozenset()
        self._pursuing = False
        self._armed: ArmedTriggers = ArmedTriggers(())
        self._always = ArmedTriggers(mission.always)
        self._tick_events: list = []
        self._session: object | None = None
        self._started = False

    # -- what actions use -------------------------------------------------------------
    def emit(self, event: object) -> None:
        self._tick_events.append(event)
        self.events.append(event)
        if isinstance(event, ScannerLine):
            self.scanner, self.scanner_until = event.text, self.elapsed_s + SCANNER_SHOW_S

    def goto(self, stage_id: str) -> None:
        stage = self.mission.stage(stage_id)
        self.stage_id = stage.id
        self.stage_s = 0.0
        self._armed = ArmedTriggers(stage.on)
        if stage.objective:
            ACTIONS["objective"](self, _objective_action(stage.objective, stage.where))
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

    def left_behind(self) -> list[Crew]:
        return [c for c in self.rule.crew if c.state is CrewState.LEFT_BEHIND]

    # -- the session's rules hook ------------------------------------------------------
    def start(self) -> None:
        """Enter the first stage (call once the actors are in place)."""
        self._started = True
        self.goto(self.mission.stages[0].id)

    def update(self, session: object, events: StepEvents, dt: float) -> None:
        """One tick after the world step (DriveSession's rules hook)."""
        if not self._started:
            self.start()
        if self.ended is not None:
            return
        self._tick_events = []
        self._session = session
        world, player = session.world, session.player
        dt_clock = self.clock.advance(dt)
        self.stage_s += dt
        self.elapsed_s += dt
        x, y = float(world.x[player]), float(world.y[player])
        speed = float(world.speed[player])
        zones = self.zones.names_in(self.zones.mask_at(x, y))
        driving = Driving(
            x=x,
            y=y,
            heading=float(world.heading[player]),
            speed=speed,
            slip_rear=float(world.slip_rear[player]),
            lights_on=bool(session.player_lights_on),
            hit_car_impulse=_player_impulse(events, player, wall=False),
            hit_property_impulse=_player_impulse(events, player, wall=True),
            pursued=self.heat.pursuit,
        )
        self._police_and_heat(driving, dt, world.time)
        place = self.mission.contract.place
        in_place = place in zones
        if place in self._zones_before and not in_place:
            street = self.level.street_at(x, y)
            # the way it went, not the way it faced (a car can back out of a yard)
            moving = driving.heading + float(np.arctan2(world.vy[player], world.vx[player]))
            self.departure = compass(moving) + (f" on {street}" if street else "")
        for event in self.rule.update(self.clock.now, dt_clock, in_place, speed < STOPPED_MS):
            self._rule_event(event)
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
            busted=self._busted(x, y, speed, dt),
        )
        self._zones_before = zones
        for trigger in (*self._always.fired_now(tick), *self._armed.fired_now(tick)):
            self._fire(trigger)

    def _police_and_heat(self, driving: Driving, dt: float, sim_time: float) -> None:
        signals = self.signals

        def is_red(edge: int) -> bool:
            # red for a moment already: a car caught by the change at the line is no offender
            times = (sim_time, sim_time - RED_GRACE_S)
            return all(bool(signals.is_red(np.array([edge]), t)[0]) for t in times)

        offences = detect_offences(driving, self.lanes, is_red if signals else None)
        for event in self.heat.update(dt, offences, self.cast.witnessed(), self.clock.now):
            self.emit(event)
            if isinstance(event, PursuitStarted | PursuitLost):
                self.cast.pursue(isinstance(event, PursuitStarted))

    def _rule_event(self, event: object) -> None:
        if isinstance(event, MissionEnded):
            self.end(event.outcome, event.reason)
            return
        self.emit(event)
        if isinstance(event, WindowOpened):
            self.window_opened_at = event.clock
        elif isinstance(event, Attention):
            self.heat.add(ATTENTION_HEAT)
            self.emit(ScannerLine(f"Any unit, check a parked car: {event.reason}."))
            self.dispatch(*self.level.zones[self.mission.contract.place].centre, 1)

    def _fire(self, trigger: Trigger) -> None:
        for action in trigger.actions:
            if self.ended is not None:
                return
            self._run(action)

    def _run(self, action: Action) -> None:
        ACTIONS[action.kind](self, action)

    def _wrecked(self, world: object, name: str) -> bool:
        index = self._session_player if name == PLAYER else self.cast.vehicle_index(name)
        return index is not None and index >= 0 and bool(world.wrecked[index])

    def _busted(self, x: float, y: float, speed: float, dt: float) -> bool:
        caught = self.heat.pursuit and speed < BUSTED_SPEED_MS
        caught = caught and self.heat.pursuit_s >= BUSTED_MIN_PURSUIT_S
        if caught:
            police = self.cast.police_xy()
            distance = np.hypot(police[:, 0] - x, police[:, 1] - y)
            caught = bool(police.size) and float(distance.min()) < BUSTED_RADIUS_M
        self.busted_s = self.busted_s + dt if caught else 0.0
        return self.busted_s >= BUSTED_AFTER_S

    @property
    def _session_player(self) -> int | None:
        return getattr(self._session, "player", None)

    # -- what the HUD and the results read ---------------------------------------------
    def drain(self) -> list:
        events, self.events = self.events, []
        return events

    def clock_text(self, session: object = None) -> str:
        return self.clock.text()

    def hud_lines(self, session: object = None) -> list[str]:
        lines = [self.objective] if self.objective else []
        if self.rule.phase is WindowPhase.OPEN and self.rule.closes_at is not None:
            lines.append(f"WINDOW {format_countdown(self.rule.closes_at - self.clock.now)}")
        elif self.rule.phase is WindowPhase.BEFORE and self.mission.contract.time is not None:
            place, agreed = self.rule.place_label, format_clock(self.mission.contract.time)[:5]
            lines.append(f"{place.upper()} AT {agreed}")
        crew = self.rule.crew
        if crew and self.rule.phase is not WindowPhase.BEFORE:
            back = sum(c.state is CrewState.BACK for c in crew)
            lines.append(f"CREW {back}/{len(crew)}")
        if not self.rule.rule_kept:
            lines.append("RULE BROKEN")
        lines.append(f"HEAT {self.heat.heat:.1f}" + ("  PURSUIT" if self.heat.pursuit else ""))
        if self.scanner and self.elapsed_s < self.scanner_until:
            lines.append(f"SCANNER: {self.scanner}")
        return lines

    def testimonies(self) -> list[Testimony]:
        car = CAR_DESCRIPTIONS.get(self.mission.player_class, "a car")
        direction = self.departure or "still at the " + self.mission.contract.place
        return [Testimony(c.name, car, self.plate, direction) for c in self.left_behind()]

    def payout(self) -> int:
        if self.ended is None or self.ended.outcome == "failed" or not self.rule.crew:
            return 0
        share = sum(c.state is CrewState.BACK for c in self.rule.crew) / len(self.rule.crew)
        kept = 1.0 if self.rule.rule_kept else RULE_BROKEN_PAY
        return int(round(self.mission.payout * share * kept))

    def outcome(self) -> dict:
        """The run's result as plain data (the headless JSON, the results screen)."""
        ended = self.ended
        back = self.rule.crew_back_at
        opened = self.window_opened_at
        return {
            "mission": self.mission.id,
            "outcome": ended.outcome if ended else None,
            "reason": ended.reason if ended else "",
            "rule_kept": self.rule.rule_kept,
            "window_opened": opened is not None,
            "window_opened_at": format_clock(opened) if opened is not None else None,
            "crew_back": format_clock(back) if back is not None else None,
            "crew_left_behind": [c.name for c in self.left_behind()],
            "testimony": [t.as_dict() for t in self.testimonies()],
            "mission_clock_end": self.clock.text(),
            "heat_max": round(self.heat.heat_max, 2),
            "payout": self.payout(),
            "seed": self.seed,
        }


def _zone_names(mission: Mission) -> set[str]:
    names = {mission.contract.place}
    for stage in mission.stages:
        names.update(t.zone for t in stage.on if t.zone)
    names.update(t.zone for t in mission.always if t.zone)
    return names


def _objective_action(text: str, where: str) -> Action:
    return Action(kind="objective", where=where, text=text)


def _player_impulse(events: StepEvents, player: int, wall: bool) -> float:
    """The largest impulse of a contact involving the player this step (N*s)."""
    collisions = events.collisions
    if len(collisions.a) == 0:
        return 0.0
    a, b = np.asarray(collisions.a), np.asarray(collisions.b)
    mine = (a == player) | (b == player)
    other = np.where(a == player, b, a)
    chosen = mine & ((other == -1) if wall else (other >= 0))
    return float(np.asarray(collisions.impulse)[chosen].max()) if chosen.any() else 0.0
