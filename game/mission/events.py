"""What the mission rules tell the rest of the game (HUD, audio, results): events.

The runtime returns a list of these from every update. Nothing in ``game.mission``
plays a sound or draws: the HUD shows messages and the countdown, audio plays the
radio squelch (scanner lines are the session's RadioLine), the results screen reads
:class:`MissionEnded`.
Clock values are seconds since midnight (see :mod:`game.mission.clock`).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Message:
    """A line for the HUD (briefing, objective, what the crew says)."""

    text: str
    seconds: float = 4.0  #: how long to show it, real seconds


@dataclass(frozen=True)
class ObjectiveChanged:
    text: str


@dataclass(frozen=True)
class Attention:
    """The Driver drew attention (loitering at the place long before the time)."""

    reason: str
    clock: float


@dataclass(frozen=True)
class WindowOpened:
    clock: float
    closes_at: float


@dataclass(frozen=True)
class CrewOut:
    """A crew member came out of the job and is heading for the car."""

    name: str
    clock: float


@dataclass(frozen=True)
class CrewBoarded:
    name: str
    clock: float
    returning: bool  #: False at the pickup, True when back from the job


@dataclass(frozen=True)
class WindowClosed:
    clock: float
    left_behind: tuple[str, ...]


@dataclass(frozen=True)
class RuleBroken:
    reason: str
    clock: float


@dataclass(frozen=True)
class Witnessed:
    """Someone saw the Driver's face (a ``witness`` action): it goes into the job's result
    and from there into the Detective's file."""

    text: str  #: who saw what ("the Player, at the casino, saw your face")
    clock: float


@dataclass(frozen=True)
class FaceSeen:
    """A witness of the job (``[[witnesses]]``) has seen the Driver's face well
    (:mod:`game.mission.witnesses`); how well is in the job's result."""

    witness: str  #: her ``[[witnesses]]`` name
    who: str  #: who she is
    clock: float


@dataclass(frozen=True)
class BagOpened:
    """What the bag the crew brought out holds (a ``bag`` action): the double-cross."""

    value: int  #: dollars in it
    text: str  #: what that means, in a sentence the results and the career keep
    clock: float


@dataclass(frozen=True)
class DetectiveArrived:
    """The Detective's unmarked car came into the job (a career's file was thick enough)."""

    spawn: str  #: the spawn point he came in at
    clock: float


@dataclass(frozen=True)
class DetectiveLost:
    """The Detective lost the Driver: his search lapsed (``why`` says by which rule)."""

    why: str
    clock: float


@dataclass(frozen=True)
class MissionEnded:
    outcome: str  #: "success" | "failed" | "crew_left_behind"
    reason: str
    clock: float


OUTCOMES = ("success", "failed", "crew_left_behind")
