"""The cast of a job: the mission's vehicle actors put into the session, known by name.

:class:`JobCast` is all the mission knows of the actors. It spawns an actor at its spawn
point with its role's car (:mod:`game.mission.roles`) and hands it to that role's fleet
in the session, where the fleet's driver does all the driving; it remembers each actor's
vehicle by name (``vehicle_wrecked`` triggers ask), and it passes the mission's calls on
to the session's police (``dispatch``: the nearest free units go to the street outside
a place). Sightings, heat and pursuits are the session's (its senses and its law).
"""

from __future__ import annotations

from game.ai.police import Helicopter
from game.mission.model import Mission, VehicleActor
from game.mission.roles import HELICOPTER, ROLES
from game.problems import FileProblem
from game.session.drive import DriveSession


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

    def vehicle_index(self, name: str) -> int | None:
        """The world index of actor ``name``'s car, None until it is spawned."""
        return self.names.get(name)

    def dispatch(self, x: float, y: float, units: int) -> None:
        """Send the ``units`` nearest free police units to the street outside (x, y)."""
        world = self.session.world
        self.session.police.respond(world, x, y, units, world.time)
