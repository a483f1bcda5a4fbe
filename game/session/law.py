"""The law: the tick's offences-and-heat phase, in free drive and in every job.

After the world has stepped, :meth:`Law.update` reads the Driver's car (where it is, how
fast, its slide, its lights, what it hit this step), detects the offences it commits
(:mod:`game.session.offences`), counts those a police unit or a helicopter witnessed
(this tick's :class:`~game.ai.driver.Senses`) on the heat meter (:mod:`game.session.heat`),
orders the police into a pursuit or out of one when the meter says so (one rule for
when a chase ends: the meter's), and decides when the Driver is busted: stopped, with a
pursuing unit beside him, for :data:`BUSTED_AFTER_S`. It returns the events of the tick
(:mod:`game.session.events`); it never plays a sound or draws.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from game.ai.driver import Senses
from game.ai.police import PoliceController
from game.ai.signals import Signals
from game.level.model import Level
from game.session.events import Busted, PursuitLost, PursuitStarted
from game.session.heat import HeatMeter
from game.session.offences import Driving, LaneIndex, detect_offences
from game.sim import StepEvents, World

RED_GRACE_S = 1.0  #: seconds a light must have been red for running it to count
BUSTED_RADIUS_M = 9.0  #: a pursuing unit this close to a stopped Driver...
BUSTED_SPEED_MS = 1.5  #: ...while he is slower than this...
BUSTED_AFTER_S = 3.0  #: ...for this long: busted
BUSTED_MIN_PURSUIT_S = 5.0  #: nobody is busted in the first seconds of a chase


@dataclass(frozen=True)
class CarDescription:
    """A car as witnesses and the police describe it."""

    vehicle_class: str  #: "driver", "sedan", ... (game.sim.VehicleClass names)
    colour: str  #: "grey"
    plate: str  #: "4KKI394"


@dataclass(frozen=True)
class Standing:
    """What the police know of the Driver when a drive begins (a career carries it from
    job to job): the heat he starts with, the cars whose description is out, and the car
    he drives today (its plate is the one witnesses read)."""

    heat: float = 0.0
    known_cars: tuple[CarDescription, ...] = ()
    player_car: CarDescription | None = None
    #: sim seconds into a job after which the Detective's car comes in (None: he does not)
    detective_after_s: float | None = None

    @property
    def car_known(self) -> bool:
        """The police have the description of the car he is driving."""
        return self.player_car is not None and self.player_car in self.known_cars


NOTHING_KNOWN = Standing()  #: a drive the police know nothing about yet


class Law:
    """Offences, heat, pursuit orders and the busted rule for the Driver's car."""

    def __init__(self, level: Level, signals: Signals, police: PoliceController,
                 standing: Standing = NOTHING_KNOWN) -> None:
        self.level = level
        self.signals = signals
        self.police = police
        self.standing = standing
        self.heat = HeatMeter()
        if standing.heat > 0.0:
            self.heat.add(standing.heat)
        self.lanes = LaneIndex(level.roads)
        self.witnessed = False  #: a unit or a helicopter saw the Driver this tick
        self.busted_s = 0.0  #: seconds he has been stopped with a unit beside him
        self.busted: Busted | None = None  #: set once, when he is busted

    def update(self, senses: Senses, events: StepEvents, world: World) -> list:
        """One tick, after the step: offences -> heat -> pursuit orders -> busted."""
        player = senses.player
        if player < 0:
            return []
        police = self.police
        seen_by_units = bool(senses.sees_player[police.units].any())
        self.witnessed = seen_by_units or senses.helicopter_sees_player
        driving = Driving(
            x=float(world.x[player]),
            y=float(world.y[player]),
            heading=float(world.heading[player]),
            speed=float(world.speed[player]),
            slip_rear=float(world.slip_rear[player]),
            lights_on=bool(world.lights_on[player]),
            hit_car_impulse=player_impulse(events, player, wall=False),
            hit_property_impulse=player_impulse(events, player, wall=True),
            pursued=self.heat.pursuit,
        )
        offences = detect_offences(driving, self.lanes, self._red_now(world.time))
        out = self.heat.update(world.dt, offences, self.witnessed, world.time)
        for event in out:
            if isinstance(event, PursuitStarted):
                police.start_pursuit(world.time)
            elif isinstance(event, PursuitLost):
                police.call_off(world.time)
        busted = self._busted(world, driving)
        if busted is not None:
            out.append(busted)
        return out

    def _red_now(self, time: float):
        signals = self.signals

        def is_red(edge: int) -> bool:
            # red for a moment already: a car caught by the change at the line is no offender
            edges = np.array([edge])
            before = signals.is_red(edges, time - RED_GRACE_S)[0]
            return bool(signals.is_red(edges, time)[0] and before)

        return is_red

    def _busted(self, world: World, driving: Driving) -> Busted | None:
        if self.busted is not None:
            return None
        caught = self.heat.pursuit and driving.speed < BUSTED_SPEED_MS
        caught = caught and self.heat.pursuit_s >= BUSTED_MIN_PURSUIT_S
        near = 0
        if caught:
            units = self.police.units[~world.wrecked[self.police.units]]
            distance = np.hypot(world.x[units] - driving.x, world.y[units] - driving.y)
            near = int((distance < BUSTED_RADIUS_M).sum())
            caught = near > 0
        self.busted_s = self.busted_s + world.dt if caught else 0.0
        if self.busted_s < BUSTED_AFTER_S:
            return None
        street = self.level.street_at(driving.x, driving.y)
        where = f" on {street}" if street else ""
        units = "a unit" if near == 1 else f"{near} units"
        reason = f"busted: stopped for {BUSTED_AFTER_S:.0f} s{where} with {units} against you"
        self.busted = Busted(reason, world.time)
        return self.busted


def player_impulse(events: StepEvents, player: int, wall: bool) -> float:
    """The largest impulse of a contact involving the player this step (N*s)."""
    collisions = events.collisions
    if len(collisions.a) == 0:
        return 0.0
    a, b = np.asarray(collisions.a), np.asarray(collisions.b)
    mine = (a == player) | (b == player)
    other = np.where(a == player, b, a)
    chosen = mine & ((other == -1) if wall else (other >= 0))
    return float(np.asarray(collisions.impulse)[chosen].max()) if chosen.any() else 0.0
