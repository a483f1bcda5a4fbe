"""The five-minute window as a state machine driven by the clock and where the car is.

The contract (DESIGN.md, section 1): be at the place before the agreed time; waiting
there long before it draws attention; at the agreed time the window opens for
:data:`~game.mission.clock.WINDOW_S` clock seconds and the crew goes in. A crew member
who comes out inside the window gets in when the car is in the place and stopped.
Being away from the place longer than the grace while the window is open and anyone is
still out breaks the rule. When the window closes, whoever is not back is left behind.

:meth:`WindowRule.update` takes plain values (clock, car in place, car stopped), so the
whole rule is testable with synthetic input; it returns the events it emits.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum, auto

import numpy as np

from game.mission.clock import WINDOW_S, format_clock
from game.mission.events import (
    Attention,
    CrewBoarded,
    CrewOut,
    MissionEnded,
    RuleBroken,
    WindowClosed,
    WindowOpened,
)
from game.mission.model import Contract, CrewMember


class CrewState(Enum):
    AT_PICKUP = auto()  #: waiting to be collected
    ABOARD = auto()  #: in the car, on the way to the job
    INSIDE = auto()  #: doing the job
    OUT = auto()  #: came out, waiting for the car at the place
    BACK = auto()  #: in the car after the job
    LEFT_BEHIND = auto()  #: not back when the window closed
    DOWN = auto()  #: shot or taken inside (a ``crew_down`` action): not coming back


class WindowPhase(Enum):
    BEFORE = auto()
    OPEN = auto()
    CLOSED = auto()


@dataclass
class Crew:
    name: str
    state: CrewState
    return_offset: float  #: clock seconds after the window opens when he comes out
    back_at: float | None = None  #: clock time he got back in the car


def draw_return_offsets(
    crew: tuple[CrewMember, ...], rng: np.random.Generator, late: bool = False
) -> list[float]:
    """Seeded return times (clock seconds after opening); ``late`` puts them all after it."""
    offsets = [float(rng.uniform(low, high)) for low, high in (m.return_s for m in crew)]
    if late:
        offsets = [WINDOW_S + 20.0 + 15.0 * i for i in range(len(crew))]
    return offsets


class WindowRule:
    """The contract for one job. Read ``phase``, ``crew``, ``rule_kept`` and ``closes_at``."""

    def __init__(self, contract: Contract, crew: list[Crew], place_label: str = "") -> None:
        self.contract = contract
        self.crew = crew
        self.place_label = place_label or contract.place
        self.phase = WindowPhase.BEFORE
        self.opened_at: float | None = None
        self.rule_kept = True
        self.arrived_at: float | None = None
        self.waited_s = 0.0  #: clock seconds spent at the place before the window
        self.away_s = 0.0  #: clock seconds away from the place while the window is open
        self.attention_drawn = False
        self.blown = False
        self._open_requested = False

    @property
    def closes_at(self) -> float | None:
        return None if self.opened_at is None else self.opened_at + WINDOW_S

    @property
    def all_back(self) -> bool:
        """Every crew member who went in is back in the car."""
        went_in = [c for c in self.crew
                   if c.state not in (CrewState.AT_PICKUP, CrewState.ABOARD, CrewState.DOWN)]
        return bool(went_in) and all(c.state is CrewState.BACK for c in went_in)

    @property
    def crew_back_at(self) -> float | None:
        """Clock time the last crew member got back in, once all are back."""
        if not self.all_back:
            return None
        return max(c.back_at for c in self.crew if c.back_at is not None)

    def board_at_pickup(self, clock: float) -> list[CrewBoarded]:
        """The crew waiting at the pickup get in (the car is stopped there)."""
        boarded = [c for c in self.crew if c.state is CrewState.AT_PICKUP]
        for member in boarded:
            member.state = CrewState.ABOARD
        return [CrewBoarded(m.name, clock, returning=False) for m in boarded]

    def crew_down(self, name: str) -> None:
        """``name`` is not coming back (shot at the door): the rest are all that can be."""
        for member in self.crew:
            if member.name == name and member.state is not CrewState.BACK:
                member.state = CrewState.DOWN

    def request_open(self) -> None:
        """Open the window on the next update (the ``start_window`` action)."""
        self._open_requested = True

    def update(self, clock: float, dt_clock: float, in_place: bool, stopped: bool) -> list:
        """Advance the rule to ``clock``; returns the events it emits this step."""
        if self.blown:
            return []
        if self.phase is WindowPhase.BEFORE:
            return self._before(clock, dt_clock, in_place)
        if self.phase is WindowPhase.OPEN:
            return self._open(clock, dt_clock, in_place, stopped)
        return []

    def _before(self, clock: float, dt_clock: float, in_place: bool) -> list:
        events: list = []
        if in_place:
            if self.arrived_at is None:
                self.arrived_at = clock
            self.waited_s += dt_clock
            if self.waited_s > self.contract.attention_after_s and not self.attention_drawn:
                self.attention_drawn = True
                events.append(Attention(f"a car has been waiting at {self.place_label}", clock))
        agreed = self.contract.time
        if self._open_requested or (agreed is not None and clock >= agreed):
            events.extend(self._try_open(clock, in_place))
        return events

    def _try_open(self, clock: float, in_place: bool) -> list:
        if not in_place:
            self.blown = True
            when = format_clock(self.contract.time or clock)
            return [MissionEnded("failed", f"late: not at {self.place_label} at {when}", clock)]
        if any(c.state is CrewState.AT_PICKUP for c in self.crew):
            self.blown = True
            return [MissionEnded("failed", "the crew was never picked up", clock)]
        self.phase = WindowPhase.OPEN
        self.opened_at = clock
        for member in self.crew:
            member.state = CrewState.INSIDE
        return [WindowOpened(clock, clock + WINDOW_S)]

    def _open(self, clock: float, dt_clock: float, in_place: bool, stopped: bool) -> list:
        assert self.opened_at is not None
        events: list = []
        elapsed = clock - self.opened_at
        inside_window = elapsed < WINDOW_S
        for member in self.crew:
            comes_out = inside_window and elapsed >= member.return_offset
            if member.state is CrewState.INSIDE and comes_out:
                member.state = CrewState.OUT
                events.append(CrewOut(member.name, clock))
            if member.state is CrewState.OUT and inside_window and in_place and stopped:
                member.state = CrewState.BACK
                member.back_at = clock
                events.append(CrewBoarded(member.name, clock, returning=True))
        waiting_for = [c for c in self.crew if c.state in (CrewState.INSIDE, CrewState.OUT)]
        self.away_s = 0.0 if in_place or not waiting_for else self.away_s + dt_clock
        if self.rule_kept and self.away_s > self.contract.away_grace_s:
            self.rule_kept = False
            names = ", ".join(c.name for c in waiting_for)
            events.append(RuleBroken(f"drove off inside the window without {names}", clock))
        if not inside_window:
            self.phase = WindowPhase.CLOSED
            for member in waiting_for:
                member.state = CrewState.LEFT_BEHIND
            events.append(WindowClosed(clock, tuple(c.name for c in waiting_for)))
        return events
