"""Build a job: the level, a DriveSession with the mission's actors, and its runtime.

Shared by the headless runner (:mod:`game.mission.headless`) and the job scene in the
app, so both run exactly the same session: the Driver at the mission's player spawn,
parked cars and traffic from the map's spawns, the mission's vehicles handed to the
:class:`~game.mission.cast.PoliceCast`, and the runtime as the session's rules.
"""

from __future__ import annotations

from pathlib import Path

from game.ai.signals import Signals
from game.level import Level
from game.mission.cast import PoliceCast
from game.mission.model import Mission
from game.mission.runtime import MissionRuntime
from game.mission.validate import LEVELS_DIR, load_mission_and_map
from game.problems import FileProblem
from game.session.drive import DriveSession
from game.session.traffic import add_traffic

MISSIONS_DIR = LEVELS_DIR / "missions"


def mission_file(name_or_path: str | Path) -> Path:
    """``five_minutes`` -> levels/missions/five_minutes.toml; a path stays a path."""
    path = Path(name_or_path)
    if path.suffix == ".toml" or path.exists():
        return path
    return MISSIONS_DIR / f"{name_or_path}.toml"


def build_job(
    name_or_path: str | Path, seed: int = 0, crew_late: bool = False
) -> tuple[DriveSession, MissionRuntime]:
    """A ready session for the mission, its runtime set as the rules; FileProblem if bad."""
    path = mission_file(name_or_path)
    if not path.exists():
        known = ", ".join(sorted(p.stem for p in MISSIONS_DIR.glob("*.toml")))
        raise FileProblem(path, "", f"no such mission (missions: {known})")
    mission, level = load_mission_and_map(path)
    return build_session(mission, level, seed, crew_late)


def build_session(
    mission: Mission, level: Level, seed: int = 0, crew_late: bool = False
) -> tuple[DriveSession, MissionRuntime]:
    """The session for a checked mission on its level, with the runtime as its rules."""
    session = DriveSession(level, seed=seed)
    session.spawn_player(mission.player_spawn)
    parked = session.spawns_of_kind("parked")[: mission.traffic.parked]
    for spawn in parked:
        session.spawn_at(spawn, parked=True)
    add_traffic(session, session.spawns_of_kind("traffic")[: mission.traffic.cars])
    cast = PoliceCast(session, mission)
    signals = Signals(level.roads)
    runtime = MissionRuntime(
        mission, level, seed=seed, crew_late=crew_late, cast=cast, signals=signals
    )
    session.rules = runtime
    for actor in mission.vehicles:
        if actor.at_start:
            cast.spawn(actor)
    runtime.start()
    return session, runtime
