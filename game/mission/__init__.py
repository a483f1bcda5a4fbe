"""Missions: TOML job files -> a runtime with stages, the five-minute window, heat, outcomes.

No pygame here. The pieces others use: :func:`load_mission` / :func:`check_mission`
(files), :class:`MissionRuntime` (a DriveSession's rules), and, in
:mod:`game.mission.job`, ``build_job`` (a ready session for the game or a headless run).
"""

from game.mission.mission_file import load_mission, parse_mission
from game.mission.runtime import MissionRuntime
from game.mission.validate import check_mission

__all__ = ["MissionRuntime", "check_mission", "load_mission", "parse_mission"]
