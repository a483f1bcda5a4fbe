"""Replays of any drive: the source a recording names, and the session built from it again.

:func:`free_drive_source` and :func:`job_source` describe a drive for
:class:`game.session.replay.Recorder`: the map and the mission by name (a path when
they are not the shipped ones) with the sha256 of their files, the seed and the options
that change the simulation. :func:`session_for` builds the same session from a source,
and refuses, with one :class:`FileProblem`, a map or a mission whose file has changed
since the recording (its replay would drift).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from game import resources
from game.level import load_level
from game.mission.job import MISSIONS_DIR, build_job, mission_file
from game.mission.runtime import MissionRuntime
from game.problems import FileProblem
from game.session.drive import DriveSession, free_drive_session
from game.session.replay import FREE_DRIVE, JOB, Recording, ReplayRules, Source
from game.sim.aids import PLAYER_AIDS

MAPS_DIR = resources.shipped_levels() / resources.MAPS  #: a recording names these by name


def file_sha256(path: str | Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def _name_or_path(path: Path, folder: Path, suffix: str) -> str:
    """``NAME`` for a shipped file ``folder/NAME.suffix``, else the file's full path."""
    path = Path(path).resolve()
    shipped = folder.resolve() / f"{path.stem}{suffix}"
    return path.stem if path == shipped else str(path)


def map_file(name: str) -> Path:
    """The .tmx a source's map names (a shipped map's name, or a path)."""
    return MAPS_DIR / f"{name}.tmx" if "/" not in name and "\\" not in name else Path(name)


def free_drive_source(session: DriveSession, spawn: str,
                      player_aids: int = PLAYER_AIDS) -> Source:
    """The source of a free drive session that starts from ``spawn``."""
    level = session.level
    return Source(kind=FREE_DRIVE, map=_name_or_path(level.path, MAPS_DIR, ".tmx"),
                  map_sha256=file_sha256(level.path), seed=session.seed, spawn=spawn,
                  player_aids=player_aids, difficulty=session.difficulty)  # fmt: skip


def job_source(runtime: MissionRuntime, player_aids: int = PLAYER_AIDS) -> Source:
    """The source of a job being driven (its runtime knows the mission and the seed)."""
    mission, level = runtime.mission, runtime.level
    return Source(
        kind=JOB, map=_name_or_path(level.path, MAPS_DIR, ".tmx"),
        map_sha256=file_sha256(level.path), seed=runtime.seed,
        mission=_name_or_path(Path(mission.path), MISSIONS_DIR, ".toml"),
        mission_sha256=file_sha256(mission.path), crew_late=runtime.crew_late,
        player_aids=player_aids, difficulty=runtime.session.difficulty,
    )  # fmt: skip


def _unchanged(path: Path, expected: str, what: str) -> None:
    try:
        found = file_sha256(path)
    except OSError as error:
        raise FileProblem(path, "", f"the recording's {what} cannot be read "
                                    f"({error.strerror or error})") from None
    if found != expected:
        raise FileProblem(path, "", f"this {what} has changed since the recording was made; "
                                    "the replay would not be the same drive")


def session_for(recording: Recording) -> tuple[DriveSession, MissionRuntime | None]:
    """The session ``recording`` was made in, built again (its runtime for a job)."""
    source = recording.source
    if source.kind == JOB:
        path = mission_file(source.mission)
        _unchanged(path, source.mission_sha256, "mission")
        session, runtime = build_job(path, seed=source.seed, crew_late=source.crew_late,
                                     player_aids=source.player_aids,
                                     difficulty=source.difficulty)
        _unchanged(session.level.path, source.map_sha256, "map")
        return session, runtime
    path = map_file(source.map)
    _unchanged(path, source.map_sha256, "map")
    level = load_level(path)
    session = free_drive_session(level, seed=source.seed, player_spawn=source.spawn or None,
                                 player_aids=source.player_aids, difficulty=source.difficulty)
    session.rules = ReplayRules(session.rules, recording.ticks)
    session.refresh_view()
    return session, None
