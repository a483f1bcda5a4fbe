"""The law: the tick's offences-and-heat phase, in free drive and in every job.

After the world has stepped, :meth:`Law.update` reads the Driver's car (where it is, how
fast, its slide, its lights, what it hit this step), detects the offences it commits
(:mod:`game.session.offences`) and counts those a police unit or a helicopter witnessed
(this tick's :class:`~game.ai.driver.Senses`) on the heat meter (:mod:`game.session.heat`,
the table in ``levels/police.toml``). Then, as the police of the genre's best do:

- **the lookout**: once he is wanted (a pursuit starts, or a witnessed offence takes the
  heat to a level with a pursuit), the unit that sees him radios his position, heading
  and car (the plate too, read close up); from then on any unit that sees the car knows
  it (heat without an offence) until he has been unseen for ``lookout_lapse_s``; the
  nearest free units converge on where he was seen and search round it. A minor offence
  below that is noted, not broadcast;
- **pursuit orders**: the meter decides when a pursuit starts and when it is lost (one
  rule); a lost pursuit sends every free unit to search round the last known point;
- **orders by level** (:class:`Orders`): units to call in, roadblocks, the helicopter:
  the session's :mod:`game.session.backup` carries them out in the world;
- **busted**: stopped, slower than ``below_ms``, boxed in by the difficulty's
  ``box_units`` units within ``radius_m``, for ``after_s``, no sooner than
  ``not_before_s`` into the chase.

It returns the tick's events, radio lines included (:mod:`game.session.radio`); it never
plays a sound or draws.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from game.ai.driver import Senses
from game.ai.police import SEARCH_WAIT_S, PoliceController
from game.ai.signals import Signals
from game.level.model import Level
from game.session.escalation import Difficulty, Escalation, load_escalation
from game.session.events import (
    Busted,
    CarRecognised,
    OffenceWitnessed,
    PursuitLost,
    PursuitStarted,
    RadioLine,
)
from game.session.heat import HeatMeter
from game.session.offences import Driving, LaneIndex, detect_offences
from game.session.radio import call_sign, car_words, compass, place_words
from game.session.standing import NOTHING_KNOWN, Standing
from game.sim import StepEvents, VehicleClass, World

RED_GRACE_S = 1.0  #: seconds a light must have been red for running it to count
LOOKOUT_CONVERGE_UNITS = 2  #: free units that go to where a lookout places him


@dataclass(frozen=True)
class Orders:
    """What the heat level asks of the police right now (the backup carries it out)."""

    units: int = 0  #: units called in (beyond those on patrol), difficulty applied
    roadblocks: bool = False
    helicopter: bool = False


@dataclass
class Lookout:
    """What the radio has put out on the Driver's car."""

    xy: tuple[float, float]  #: where he was last seen
    heading: float  #: the way he was going, radians
    time: float  #: sim time he was last seen
    plate: bool  #: the plate was read and given out
    issued: float  #: sim time the lookout went out


class Law:
    """Offences, heat, the lookout, pursuit orders, level orders and the busted rule."""

    def __init__(self, level: Level, signals: Signals, police: PoliceController,
                 standing: Standing = NOTHING_KNOWN, table: Escalation | None = None,
                 difficulty: str = "normal") -> None:
        self.level = level
        self.signals = signals
        self.police = police
        self.standing = standing
        self.table = table if table is not None else load_escalation()
        self.difficulty: Difficulty = self.table.difficulties[difficulty]
        self.heat = HeatMeter(self.table)
        if standing.heat > 0.0:
            self.heat.add(standing.heat)
        self.lanes = LaneIndex(level.roads)
        self.witnessed = False  #: a unit or a helicopter saw the Driver this tick
        self.lookout: Lookout | None = None  #: the description out on him, if any
        #: his car's plate as a unit reads it close up (a job's, or the career car's)
        self.plate: str | None = standing.player_car.plate if standing.player_car else None
        #: the car he drives now, as the radio describes it (None: by its class alone)
        self.car = standing.player_car
        #: he changed cars where no unit saw it: the police do not know the car he is in
        #: until a unit sees him commit an offence in it (:meth:`car_changed`)
        self.stranger = False
        self.orders = Orders()
        self.busted_s = 0.0  #: seconds he has been stopped with a unit beside him
        self.busted: Busted | None = None  #: set once, when he is busted
        self.rng = np.random.default_rng(np.random.SeedSequence([police.seed, 0x5EA4C]))

    @property
    def described_since(self) -> float | None:
        """Since when any unit that sees the car knows it (sim seconds): from the start
        when the file has it, else from the lookout; None when nothing is out."""
        if self.stranger:
            return None
        if self.standing.car_known and self.car is self.standing.player_car:
            return -np.inf
        return self.lookout.issued if self.lookout is not None else None

    def car_changed(self, seen: bool) -> None:
        """He changed cars. Seen by a unit or a helicopter, nothing changes: they
        watched him do it. Unseen, the car he is in is a stranger to them: a unit that
        sees it does not know it (no recognition, no pursuit and no lookout from a
        sighting alone) until it sees him commit an offence in it; its plate is not the
        one read, and the lookout and the search go on for the car he left."""
        self.car = None  # not the career's car: the radio names it by its class
        self.plate = None
        if not seen:
            self.stranger = True
            self.police.forget_car()

    def update(self, senses: Senses, events: StepEvents, world: World) -> list:
        """One tick, after the step: offences -> heat -> lookout -> orders -> busted."""
        player = senses.player
        if player < 0:
            return []
        police = self.police
        seen_by_units = bool(senses.sees_player[police.units].any())
        eyes_on_the_car = seen_by_units or senses.helicopter_sees_player
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
        close = self._closest_seer(senses, world, player) <= self.table.recognise_m
        out = self.heat.update(world.dt, offences, eyes_on_the_car, world.time,
                               described_since=self.described_since if close else None,
                               stranger=self.stranger)
        if self.stranger and any(isinstance(e, OffenceWitnessed) for e in out):
            self.stranger = False  # they saw what he did: the new car is his now
        police.car_known = not self.stranger
        self.witnessed = eyes_on_the_car and not self.stranger
        out += self._radio(out, world, player, senses)
        self.orders = self._orders()
        busted = self._busted(world, driving)
        if busted is not None:
            out.append(busted)
        return out

    def _closest_seer(self, senses: Senses, world: World, player: int) -> float:
        """Metres from the Driver to the nearest unit that sees him (inf: none does)."""
        units = self.police.units[senses.sees_player[self.police.units]]
        if not units.size:
            return np.inf
        return float(np.hypot(world.x[units] - world.x[player],
                              world.y[units] - world.y[player]).min())

    # -- the radio: lookout, pursuit, search ------------------------------------------
    def _radio(self, heat_events: list, world: World, player: int, senses: Senses) -> list:
        police, time = self.police, world.time
        out: list = []
        wanted = self.table.levels[self.heat.level].pursuit
        sighted = wanted and any(isinstance(e, OffenceWitnessed | PursuitStarted
                                            | CarRecognised) for e in heat_events)
        x, y = senses.seen_at
        heading = float(np.arctan2(world.world_vy[player], world.world_vx[player]))
        car = car_words(self.car,
                        VehicleClass(int(world.vehicle_class[player])).name.lower(),
                        self.plate if police.plate_read else None)
        where = place_words(self.level, x, y)
        unit = call_sign(int(np.argmax(police.seen))) if police.seen.any() else "Air 7"
        for event in heat_events:
            if isinstance(event, PursuitStarted):
                police.start_pursuit(time)
                out.append(RadioLine(f"{unit}, in pursuit of a {car}, {compass(heading)} "
                                     f"{where}. Requesting backup.", time))
            elif isinstance(event, PursuitLost):
                police.call_off(time)
                if police.last_seen_xy is not None:
                    police.search(world, *police.last_seen_xy, time, self.rng)
                last = place_words(self.level, *(police.last_seen_xy or (x, y)))
                out.append(RadioLine(f"Contact lost {last}. All units, search the area.",
                                     time))
            elif isinstance(event, CarRecognised):
                out.append(RadioLine(f"{unit}: that's the {car} from the lookout, {where}.",
                                     time))
        if sighted:
            fresh = self.lookout is None
            issued = time if fresh else self.lookout.issued
            self.lookout = Lookout((x, y), heading, time, police.plate_read, issued)
            if fresh and not self.heat.pursuit:
                out.append(RadioLine(f"All units, be on the lookout: {car}, last seen "
                                     f"{compass(heading)} {where}.", time))
                police.respond(world, x, y, LOOKOUT_CONVERGE_UNITS, time, wait_s=SEARCH_WAIT_S)
        elif self.lookout is not None and self.witnessed:
            self.lookout = Lookout((x, y), heading, time, police.plate_read, self.lookout.issued)
        elif self.lookout is not None and time - self.lookout.time >= self.table.lookout_lapse_s \
                and not self.heat.pursuit:
            self.lookout = None
            lost_at = police.last_seen_xy or (x, y)
            police.stand_down(world, *lost_at, time, self.rng)
            out.append(RadioLine("Search called off. All units, resume patrol.", time))
        return out

    def _orders(self) -> Orders:
        """What the heat level brings, while the police are after him."""
        level = self.table.levels[self.heat.level]
        if not self.heat.pursuit:
            return Orders()
        units = int(round(level.units * self.difficulty.units))
        return Orders(units, level.roadblocks, level.helicopter)

    def _red_now(self, time: float):
        signals = self.signals

        def is_red(edge: int) -> bool:
            # red for a moment already: a car caught by the change at the line is no offender
            edges = np.array([edge])
            before = signals.is_red(edges, time - RED_GRACE_S)[0]
            return bool(signals.is_red(edges, time)[0] and before)

        return is_red

    def _busted(self, world: World, driving: Driving) -> Busted | None:
        table = self.table
        if self.busted is not None:
            return None
        caught = self.heat.pursuit and driving.speed < table.busted_below_ms
        caught = caught and not self.stranger  # they do not know the car beside them
        caught = caught and self.heat.pursuit_s >= table.busted_not_before_s
        near = 0
        if caught:
            units = self.police.units[~world.wrecked[self.police.units]]
            distance = np.hypot(world.x[units] - driving.x, world.y[units] - driving.y)
            near = int((distance < table.busted_radius_m).sum())
            caught = near >= self.difficulty.box_units
        self.busted_s = self.busted_s + world.dt if caught else 0.0
        if self.busted_s < table.busted_after_s:
            return None
        where = place_words(self.level, driving.x, driving.y)
        units = "a unit" if near == 1 else f"{near} units"
        reason = (f"busted: stopped for {table.busted_after_s:.0f} s {where} "
                  f"with {units} against you")
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
