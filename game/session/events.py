"""What the law phase of the tick tells the rest of the game: offences seen, pursuits, arrests.

The session's :class:`~game.session.law.Law` returns these each tick; the mission's
triggers read them (``pursuit_started``, ``busted``), the HUD and audio show them. Times
are sim seconds since the drive began.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class OffenceWitnessed:
    offence: str  #: the Offence name, lower case
    points: float  #: heat it added


@dataclass(frozen=True)
class CarRecognised:
    """A unit knew the car from a lookout (or the Detective's file) on sight."""

    time: float


@dataclass(frozen=True)
class HeatLevelChanged:
    level: int  #: index into the police table's levels
    name: str  #: "wanted", "backup", ...
    time: float


@dataclass(frozen=True)
class RadioLine:
    """Police radio chatter made from what the police do (the HUD shows it, audio
    plays a squelch)."""

    text: str
    time: float


@dataclass(frozen=True)
class PursuitStarted:
    time: float


@dataclass(frozen=True)
class PursuitLost:
    time: float


@dataclass(frozen=True)
class Busted:
    """The police stopped the Driver: boxed in, slow, long enough."""

    reason: str  #: a sentence for the player ("stopped for 3 s with a unit beside you")
    time: float


@dataclass(frozen=True)
class CarChanged:
    """The Driver got out of one car and into a spare beside it."""

    left: int  #: the car he got out of (now a spare)
    taken: int  #: the car he drives now
    seen: bool  #: a police unit or a helicopter saw him do it (then they know the new car)
    time: float
