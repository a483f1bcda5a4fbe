"""Triggers: when a stage's condition holds this tick. One small function per kind.

The runtime builds a :class:`Tick` (what the rules know this tick) and asks each armed
trigger of the current stage (and the mission's ``always`` list) whether it fires. A
trigger fires once per stage visit; ``stopped_in_zone`` and ``pinned`` need their
condition to hold for their seconds without a break.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from game.mission.actors import ActorWatch
from game.mission.audition import AuditionComplete
from game.mission.events import (
    CrewBoarded,
    DetectiveLost,
    RuleBroken,
    WindowClosed,
    WindowOpened,
)
from game.mission.model import Trigger
from game.mission.race import RaceFinished
from game.mission.window import CrewState, WindowRule
from game.session.events import PursuitLost, PursuitStarted
from game.session.heat import HeatMeter

STOPPED_MS = 0.8  #: below this speed (m/s) the car counts as stopped


@dataclass
class Tick:
    """What triggers read: the clock, the car, this tick's events, the rule and the heat."""

    clock: float  #: seconds since midnight
    dt: float  #: sim seconds this tick
    stage_s: float  #: sim seconds since the current stage began
    zones: frozenset[str]  #: zones the player's car is in now
    zones_before: frozenset[str]  #: ...and was in on the tick before
    speed: float  #: m/s
    events: list  #: the law's and the mission's events so far this tick
    rule: WindowRule
    heat: HeatMeter
    wrecked: Callable[[str], bool]  #: vehicle name -> wrecked now
    busted: bool = False
    actors: ActorWatch | None = None  #: the job's chasers and targets, this tick


@dataclass
class TriggerState:
    fired: bool = False
    held_s: float = 0.0


@dataclass
class ArmedTriggers:
    """The triggers being watched and their state (re-armed on each stage visit)."""

    triggers: tuple[Trigger, ...]
    states: list[TriggerState] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.states = [TriggerState() for _ in self.triggers]

    def fired_now(self, tick: Tick) -> list[Trigger]:
        """The triggers that fire this tick (each at most once)."""
        fired = []
        for trigger, state in zip(self.triggers, self.states, strict=True):
            if not state.fired and _CHECKS[trigger.kind](trigger, tick, state):
                state.fired = True
                fired.append(trigger)
        return fired


def _happened(kind: type) -> Callable[[Trigger, Tick, TriggerState], bool]:
    return lambda trigger, tick, state: any(isinstance(e, kind) for e in tick.events)


def _stopped_in_zone(trigger: Trigger, tick: Tick, state: TriggerState) -> bool:
    holds = trigger.zone in tick.zones and tick.speed < STOPPED_MS
    if trigger.without_pursuit:
        holds = holds and not tick.heat.pursuit
    state.held_s = state.held_s + tick.dt if holds else 0.0
    return holds and state.held_s >= trigger.seconds


def _crew_boarded(trigger: Trigger, tick: Tick, state: TriggerState) -> bool:
    boarded = any(isinstance(e, CrewBoarded) for e in tick.events)
    if not trigger.all:
        return boarded
    waiting = (CrewState.AT_PICKUP, CrewState.INSIDE, CrewState.OUT)
    return boarded and not any(c.state in waiting for c in tick.rule.crew)


def _pinned(trigger: Trigger, tick: Tick, state: TriggerState) -> bool:
    holds = tick.actors is not None and tick.actors.pinning(trigger.vehicle)
    state.held_s = state.held_s + tick.dt if holds else 0.0
    return holds and state.held_s >= trigger.seconds


def _window_elapsed(trigger: Trigger, tick: Tick, state: TriggerState) -> bool:
    opened = tick.rule.opened_at
    return opened is not None and tick.clock - opened >= trigger.seconds


_CHECKS: dict[str, Callable[[Trigger, Tick, TriggerState], bool]] = {
    "enter_zone": lambda t, tick, s: t.zone in tick.zones and t.zone not in tick.zones_before,
    "leave_zone": lambda t, tick, s: t.zone in tick.zones_before and t.zone not in tick.zones,
    "stopped_in_zone": _stopped_in_zone,
    "clock": lambda t, tick, s: tick.clock >= t.at,
    "after": lambda t, tick, s: tick.stage_s >= t.seconds,
    "window_opened": _happened(WindowOpened),
    "window_elapsed": _window_elapsed,
    "window_closed": _happened(WindowClosed),
    "crew_boarded": _crew_boarded,
    "crew_back": lambda t, tick, s: tick.rule.all_back,
    "rule_broken": _happened(RuleBroken),
    "pursuit_started": _happened(PursuitStarted),
    "pursuit_lost": _happened(PursuitLost),
    "heat_above": lambda t, tick, s: tick.heat.heat > t.value,
    "vehicle_wrecked": lambda t, tick, s: tick.wrecked(t.vehicle),
    "busted": lambda t, tick, s: tick.busted,
    "race_finished": _happened(RaceFinished),
    "manoeuvres_done": _happened(AuditionComplete),
    "chaser_shaken": lambda t, tick, s: tick.actors is not None and tick.actors.shaken(t.vehicle),
    "pinned": _pinned,
    "vehicle_arrived": lambda t, tick, s: tick.actors is not None
    and tick.actors.arrived(t.vehicle, t.zone),
    "target_made": lambda t, tick, s: tick.actors is not None and tick.actors.made(t.vehicle),
    "target_lost": lambda t, tick, s: tick.actors is not None and tick.actors.lost(t.vehicle),
    "t_bone": lambda t, tick, s: tick.actors is not None and tick.actors.t_boned(t.vehicle),
    "detective_lost": _happened(DetectiveLost),
}
