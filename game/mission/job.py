"""Build a job: the level, a DriveSession with the mission's actors, and its runtime.

Shared by the headless runner (:mod:`game.mission.headless`), the job scene in the
app and replays, so all run exactly the same session: the Driver at the mission's
player spawn, parked cars and traffic from the map's spawns, the mission's vehicle
actors put in by the runtime's :class:`~game.mission.cast.JobCast`, and the runtime
as the session's rules. A career's :class:`~game.session.law.Standing` comes along: the
heat the police start with, the car descriptions that are out, the car the Driver
brings, and when the Detective comes in.
"""

from __future__ import annotations

from pathlib import Path

from game import resources
from game.level import Level
from game.mission.model import Mission
from game.mission.runtime import MissionRuntime
from game.mission.validate import load_mission_and_map
from game.problems import FileProblem
from game.session.drive import DriveSession, add_parked, add_traffic
from game.session.standing import NOTHING_KNOWN, Standing
from game.sim.aids import PLAYER_AIDS

MISSIONS_DIR = resources.shipped_levels() / resources.MISSIONS  #: the shipped missions


def mission_file(name_or_path: str | Path) -> Path:
    """``five_minutes`` -> the mission of that name on the levels search path (the
    shipped levels/missions/five_minutes.toml); a path stays a path."""
    path = Path(name_or_path)
    if path.suffix == ".toml" or path.exists():
        return path
    return resources.find_mission(str(name_or_path)) or MISSIONS_DIR / f"{name_or_path}.toml"


def build_job(
    name_or_path: str | Path, seed: int = 0, crew_late: bool = False,
    player_aids: int = PLAYER_AIDS, standing: Standing = NOTHING_KNOWN,
    difficulty: str = "normal",
) -> tuple[DriveSession, MissionRuntime]:
    """A ready session for the mission, its runtime set as the rules; FileProblem if bad.

    ``standing`` is what the police know when it starts (a career's heat, the cars whose
    description is out, the car the Driver brings)."""
    path = mission_file(name_or_path)
    if not path.exists():
        known = ", ".join(sorted(resources.missions()))
        raise FileProblem(path, "", f"no such mission (missions: {known})")
    mission, level = load_mission_and_map(path)
    return build_session(mission, level, seed, crew_late, player_aids, standing, difficulty)


def build_session(
    mission: Mission, level: Level, seed: int = 0, crew_late: bool = False,
    player_aids: int = PLAYER_AIDS, standing: Standing = NOTHING_KNOWN,
    difficulty: str = "normal",
) -> tuple[DriveSession, MissionRuntime]:
    """The session for a checked mission on its level, with the runtime as its rules.

    With ``standing.player_car`` the Driver drives that car (its class, its plate); with
    ``standing.detective_after_s`` the runtime brings the Detective in after that long."""
    session = DriveSession(level, seed=seed, standing=standing, difficulty=difficulty)
    car = standing.player_car  # a career's car, in its class (the mission's otherwise)
    session.spawn_player(mission.player_spawn, aids=player_aids,
                         vehicle_class=car.vehicle_class if car else mission.player_class)
    add_parked(session, session.spawns_of_kind("parked")[: mission.traffic.parked])
    add_traffic(session, session.spawns_of_kind("traffic")[: mission.traffic.cars])
    runtime = MissionRuntime(mission, session, seed=seed, crew_late=crew_late)
    session.rules = runtime
    for actor in mission.vehicles:
        if actor.at_start:
            runtime.cast.spawn(actor)
    runtime.start()
    session.refresh_view()
    return session, runtime
