"""The cast of a job: the mission's vehicle actors put into the session, known by name.

:class:`JobCast` is all the mission knows of the actors. It spawns an actor at its spawn
point with its role's car (:mod:`game.mission.roles`) and hands it to that role's fleet
in the session, where the fleet's driver does all the driving; it remembers each actor's
vehicle by name (``vehicle_wrecked`` triggers ask), and it passes the mission's calls on
to the session's police (``dispatch``: the nearest free units go to the street outside
a place). Sightings, heat and pursuits are the session's (its senses and its law).

A career may bring the Detective into a job the mission did not cast him in
(:meth:`JobCast.bring_detective`): his unmarked car comes in at the spawn farthest from
the Driver that no car stands on (a ``detective`` spawn if the map has one, else a
police spawn), and tails him from there.
"""

from __future__ import annotations

import numpy as np

from game.ai.police import Helicopter
from game.level.model import Spawn
from game.mission.model import Mission, VehicleActor
from game.mission.roles import HELICOPTER, ROLES
from game.problems import FileProblem
from game.session.drive import DriveSession

DETECTIVE = "detective"  #: the role (game.mission.roles) of the Detective's car
CLEAR_SPAWN_M = 8.0  #: a spawn with a car nearer than this is taken


class JobCast:
    """The mission's vehicle actors in one session."""

    def __init__(self, session: DriveSession, mission: Mission) -> None:
        self.session = session
        self.mission = mission
        self.names: dict[str, int] = {}  #: actor name -> world index

    def spawn(self, actor: VehicleActor) -> None:
        """Put ``actor`` on the map at its spawn, driven by its role's fleet."""
        session = self.session
        spawn = session.level.spawns[actor.spawn]
        if actor.role == HELICOPTER:
            session.police.add_helicopter(Helicopter(spawn.x, spawn.y, heading=spawn.heading))
            return
        role = ROLES[actor.role]
        vehicle_class = actor.vehicle_class or spawn.vehicle_class or role.default_class
        index = session.spawn(vehicle_class, spawn.x, spawn.y, spawn.heading)
        try:
            session.join(actor.role, [index], role.make)
        except ValueError as error:  # a fleet that takes no more (the Detective works alone)
            raise FileProblem(self.mission.path, f"{actor.where}.role", str(error)) from None
        self.names[actor.name] = index

    def bring_detective(self) -> Spawn | None:
        """The Detective's car at the clear spawn farthest from the Driver (of the map's
        ``detective`` spawns, else its police spawns), in his fleet; the spawn, or None
        when he is in the job already or no spawn is free."""
        session = self.session
        if session.vehicles_of(DETECTIVE).size:
            return None
        spawn = self._far_clear_spawn(DETECTIVE) or self._far_clear_spawn("police")
        if spawn is None:
            return None
        role = ROLES[DETECTIVE]
        index = session.spawn(role.default_class, spawn.x, spawn.y, spawn.heading)
        session.join(DETECTIVE, [index], role.make)
        return spawn

    def _far_clear_spawn(self, kind: str) -> Spawn | None:
        session, world = self.session, self.session.world
        spawns = session.spawns_of_kind(kind)
        if not spawns or session.player < 0:
            return None
        xy = np.array([(s.x, s.y) for s in spawns])
        cars = np.column_stack([world.x, world.y])
        nearest = np.hypot(xy[:, None, 0] - cars[None, :, 0],
                           xy[:, None, 1] - cars[None, :, 1]).min(axis=1)
        player = cars[session.player]
        away = np.hypot(xy[:, 0] - player[0], xy[:, 1] - player[1])
        away[nearest < CLEAR_SPAWN_M] = -1.0
        best = int(np.argmax(away))
        return spawns[best] if away[best] >= 0.0 else None

    def vehicle_index(self, name: str) -> int | None:
        """The world index of actor ``name``'s car, None until it is spawned."""
        return self.names.get(name)

    def dispatch(self, x: float, y: float, units: int) -> None:
        """Send the ``units`` nearest free police units to the street outside (x, y)."""
        world = self.session.world
        self.session.police.respond(world, x, y, units, world.time)
