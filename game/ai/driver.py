"""The one driver interface: what every actor that drives a car is given, and what it does.

The tick (DESIGN.md, "One tick") senses, then lets every driver decide, then steps the
World. A driver is anything with :meth:`Driver.drive`: given this tick's
:class:`Senses` it writes the whole control rows (every column of
:mod:`game.sim.controls`: pedals, steering, handbrake, lights, horn, siren) of the
vehicles it drives into the tick's control array, and touches nothing else. The
player's keys, the mission autopilot, a replay, traffic, police, chasers, the
Detective, racers and targets are all drivers; physics reads only the array.

A :class:`FleetDriver` drives a set of vehicles of one *role* (``traffic``,
``police``, ...): the session keeps one per role, a per-vehicle role array, and hands a
role's new vehicles to its driver with :meth:`FleetDriver.add`. A new kind of driver
is one class with ``role``, ``rows``, ``sight``, ``add`` and ``drive``, built from a
:class:`Setting` (``DriverClass(setting)``); a mission names it by its role.

Sensing is the session's, for everyone at once: which vehicles see the Driver's car
(each fleet's ``sight``, or None for drivers that do not look), whether a helicopter has
him in its light, and what hides him (:class:`Cover`). They look a few times a second;
what they saw, and where he was then (``seen_at``), holds until the next look. Drivers
read it from :class:`Senses`; none runs its own line of sight for the player.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

import numpy as np

from game.ai.perception import SightParams
from game.ai.routes import RoutePlanner
from game.ai.signals import Signals
from game.level.model import Level
from game.sim.world import World


@dataclass(frozen=True)
class Setting:
    """What drivers are built with: the level and what is worked out once from it."""

    level: Level
    planner: RoutePlanner  #: shortest-path trees on the level's roads (shared cache)
    signals: Signals  #: the traffic lights (a pure function of time and the seed)
    seed: int  #: the drive's seed; each driver derives its own generator from it

    @classmethod
    def of(cls, level: Level, seed: int) -> Setting:
        return cls(level, RoutePlanner(level.roads), Signals(level.roads, seed=seed), seed)


@dataclass(frozen=True)
class Cover:
    """What makes the Driver's car hard to see right now."""

    lights_on: bool = True
    in_shadow: bool = False  #: in a shadow cell (an overpass, an alley)
    in_crowd: bool = False  #: among a crowd (the arena lot)

    @property
    def hidden_from_above(self) -> bool:
        """A searchlight does not pick out a dark car in shadow."""
        return self.in_shadow and not self.lights_on


@dataclass(frozen=True)
class Senses:
    """Everything a driver is given for one tick (read-only)."""

    world: World  #: the state before this tick's step (read, never write)
    player: int  #: the Driver's car, -1 when there is none
    cover: Cover  #: what hides the Driver's car
    sees_player: np.ndarray  #: (n,) bool: this vehicle saw the Driver's car at the last look
    helicopter_sees_player: bool  #: a helicopter's searchlight was on him at the last look
    focus: tuple[float, float] | None  #: where the camera is (the Driver's car), metres
    #: where the Driver's car was at the last look (what a sighting tells), metres
    seen_at: tuple[float, float] = (0.0, 0.0)

    @property
    def time(self) -> float:
        """Sim seconds since the drive began."""
        return self.world.time

    @property
    def player_xy(self) -> tuple[float, float]:
        return float(self.world.x[self.player]), float(self.world.y[self.player])


class Driver(Protocol):
    """Writes the control rows of its vehicles for this tick."""

    def drive(self, senses: Senses, controls: np.ndarray) -> None: ...


class FleetDriver(Driver, Protocol):
    """A driver of every vehicle of one role in a session."""

    role: str  #: the role its vehicles have ("traffic", "police", ...)
    rows: np.ndarray  #: world indices of the vehicles it drives
    sight: SightParams | None  #: how its vehicles look for the Driver (None: they do not)

    def add(self, rows: np.ndarray) -> None:
        """More vehicles of this role join (spawned at the start or by a mission)."""
        ...
