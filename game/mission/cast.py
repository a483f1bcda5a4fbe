"""The actors a job directs: police, the helicopter, chasers, the Detective, traffic, parked.

:class:`PoliceCast` is the runtime's :class:`~game.mission.runtime.Cast` for a
DriveSession and a session controller at once (it writes its units' control rows). It
keeps the mission's side of the police: spawning actors by role, answering "is the
Driver seen?" for the heat meter, sending units to a place, turning the pursuit on and
off when the heat meter says so, and where the helicopter searches. The driving is all
:class:`game.ai.police.PoliceController`'s: patrols as traffic, units answering a call,
and the pursuit (routing on the graph when far, steering at where the Driver will be
when in sight, ramming when close). Hostile ``chaser`` cars are
:class:`game.ai.chasers.ChaserController`'s (they always know where he is; no heat
needed); a ``detective`` is :class:`game.ai.detective.DetectiveController`'s (one a job).

Police know only what they see (DESIGN.md, Chases): a unit *witnesses* the Driver when
:func:`game.ai.perception.sees` says so (forward cone, short radius, line of sight over
solid cells, shorter in shadow with lights off or among a crowd); the helicopter when
he is under its searchlight and not hidden in shadow with his lights off. A pursuit's
end is the heat meter's call (seconds unseen, :mod:`game.mission.heat`): the
controller is built without a give-up timer of its own.
"""

from __future__ import annotations

import numpy as np

from game.ai.chasers import ChaserController
from game.ai.detective import DetectiveController
from game.ai.perception import SightParams
from game.ai.police import Helicopter, PoliceController
from game.ai.pursuit import PursuitParams
from game.ai.routes import RoutePlanner
from game.ai.signals import Signals
from game.mission.model import Mission, VehicleActor
from game.mission.zones import ZoneGrid, cell_flag
from game.problems import FileProblem
from game.session.traffic import add_traffic

PATROL_THINK_HZ = 3.0  #: patrols decide less often than traffic: they only cruise
SIGHT_EVERY = 4  #: ticks between looks for the Driver (15 Hz at 60 Hz)
DEFAULT_CLASSES = {"police": "police", "chaser": "muscle", "detective": "unmarked"}
#: the heat meter ends a job's pursuits, so the units have no give-up timer of their own;
#: they ram only once a chase has lasted a while (a car just pulling out gets a chance)
JOB_PURSUIT = PursuitParams(give_up_s=None, ram_after_s=10.0)


class PoliceCast:
    """Police units and the helicopter for one job session."""

    def __init__(self, session, mission: Mission) -> None:
        self.session = session
        self.mission = mission
        self.level = session.level
        self.planner = RoutePlanner(self.level.roads)
        signals = session.signals or Signals(self.level.roads)
        self.police = PoliceController(
            self.planner, self.level.terrain, np.zeros(0, dtype=np.intp), seed=session.seed,
            signals=signals, sight=SightParams(), params=JOB_PURSUIT,
            patrol_think_hz=PATROL_THINK_HZ,
        )  # fmt: skip
        self.names: dict[str, int] = {}  #: actor name -> world index
        self.helicopter: Helicopter | None = None
        self.helicopter_goal: tuple[float, float] | None = None  #: where it searches
        self._witnessed: bool | None = None  #: the last look's answer, held between looks
        self.chasers: ChaserController | None = None  #: hostile cars that always know
        self.detective: DetectiveController | None = None  #: tails, never gives up
        self._signals = signals
        crowds = sorted(name for name, z in self.level.zones.items() if z.kind == "crowd")
        self._crowds = ZoneGrid(self.level, crowds)
        session.controllers.append(self)

    # -- the Cast the runtime talks to -------------------------------------------------
    def spawn(self, actor: VehicleActor) -> None:
        spawn = self.level.spawns[actor.spawn]
        if actor.role == "helicopter":
            self.helicopter = Helicopter(spawn.x, spawn.y, heading=spawn.heading)
            self.helicopter_goal = self.helicopter_goal or self.police.last_seen_xy
            return
        if actor.role == "traffic":
            add_traffic(self.session, [spawn])
            return
        if actor.role == "detective" and self.detective is not None:
            raise FileProblem(
                self.mission.path, f"{actor.where}.role", "a job has one detective at most"
            )
        default = DEFAULT_CLASSES.get(actor.role, "sedan")
        vclass = actor.vehicle_class or spawn.vehicle_class or default
        index = self.session.spawn(
            vclass, spawn.x, spawn.y, spawn.heading, parked=actor.role == "parked"
        )
        self.names[actor.name] = index
        terrain = self.level.terrain
        if actor.role == "police":
            self.police.add_units(np.array([index]))
        elif actor.role == "chaser":  # all chasers hunt together; a newcomer re-forms them
            units = np.append(self.chasers.units if self.chasers else [], index).astype(np.intp)
            self.chasers = ChaserController(self.planner, terrain, units)
        elif actor.role == "detective":
            self.detective = DetectiveController(self.planner, terrain, index, self._signals)

    def witnessed(self) -> bool:
        """Does a unit or the helicopter see the Driver? Looked at every SIGHT_EVERY ticks."""
        world, player = self.session.world, self.session.player
        if world.tick % SIGHT_EVERY and self._witnessed is not None:
            return self._witnessed
        x, y, lights, shadow, crowd = self._driver_cover()
        heli = self.helicopter is not None and self.helicopter.spots(x, y, lights, shadow)
        seen = self.police.observe(world, player, world.time, lights, shadow, crowd, heli)
        self.police.events.clear()  # the heat meter tells the mission; nobody reads these
        self._witnessed = bool(seen.any() or heli)
        return self._witnessed

    def _driver_cover(self) -> tuple[float, float, bool, bool, bool]:
        """Where the Driver is and what hides him: x, y, lights on, in shadow, in a crowd."""
        session = self.session
        x, y = float(session.world.x[session.player]), float(session.world.y[session.player])
        shadow = cell_flag(self.level.shadow, self.level.terrain.cell_size, x, y)
        return x, y, bool(session.player_lights_on), shadow, self._crowds.mask_at(x, y) != 0

    def dispatch(self, x: float, y: float, units: int) -> None:
        self.police.respond(self.session.world, x, y, units, self.session.world.time)
        if self.helicopter_goal is None:
            self.helicopter_goal = (x, y)

    def pursue(self, on: bool) -> None:
        time = self.session.world.time
        if on:
            self.police.start_pursuit(time)
        else:
            self.police.call_off(time)
        self.police.events.clear()

    def police_xy(self) -> np.ndarray:
        world, units = self.session.world, self.police.units
        return np.column_stack([world.x[units], world.y[units]])

    def vehicle_index(self, name: str) -> int | None:
        return self.names.get(name)

    # -- what the session and the renderer read ----------------------------------------
    @property
    def units(self) -> np.ndarray:
        """World indices of the police cars."""
        return self.police.units

    @property
    def pursuing(self) -> bool:
        """A pursuit is on (the session's siren reads this)."""
        return self.police.pursuing

    @property
    def sight_cones(self) -> np.ndarray:
        """(K, 5): x, y, heading, range, half angle per unit, for the minimap."""
        return self.police.sight_cones(self.session.world)

    def write_controls(self, session, controls: np.ndarray) -> None:
        world = session.world
        if self.helicopter is not None:
            last_seen = self.police.last_seen_xy
            if self.pursuing and last_seen is not None:
                self.helicopter_goal = last_seen
            tracking = self.pursuing and bool(self._witnessed)
            self.helicopter.fly(world.dt, self.helicopter_goal, tracking)
        player = session.player
        if self.police.units.size:
            controls[self.police.units] = self.police.controls(world, player, world.time)
        if self.chasers is not None:
            controls[self.chasers.units] = self.chasers.controls(world, player, world.time)
        if self.detective is not None:
            _, _, lights, shadow, crowd = self._driver_cover()
            row = self.detective.controls(world, player, world.time, lights, shadow, crowd)
            controls[self.detective.unit] = row
