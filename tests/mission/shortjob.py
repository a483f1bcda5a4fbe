"""A short real job on the crossroads test map: pickup, the window, home. Files on disk,
so the whole path (mission file, map file, build_job, replays) runs as the game runs it."""

from __future__ import annotations

from pathlib import Path

from tests.level.tmxgen import crossroads, write_tileset

SHORT_JOB = """
title = "Short job"
map = "cross"
client = "the tests"
briefing = "Round the block."
payout = 500

[clock]
start = "01:57:00"
time_scale = 10.0

[contract]
place = "lot"
time = "02:00"

[player]
spawn = "player_start"

[[crew]]
name = "Cook"
spawn = "crew_1"
return_s = [20, 40]

[[vehicles]]
name = "cop"
role = "police"
spawn = "cop"

[[always]]
trigger = "vehicle_wrecked"
vehicle = "player"
actions = [{ action = "fail", reason = "the car is wrecked" }]

[[stages]]
id = "pickup"
objective = "Pick up Cook."
[[stages.on]]
trigger = "stopped_in_zone"
zone = "pickup"
seconds = 0.5
actions = [{ action = "board_crew" }, { action = "goto", stage = "window" }]

[[stages]]
id = "window"
objective = "Wait at the lot."
[[stages.on]]
trigger = "crew_back"
actions = [{ action = "goto", stage = "home" }]
[[stages.on]]
trigger = "window_closed"
actions = [{ action = "goto", stage = "home" }]

[[stages]]
id = "home"
objective = "Go home."
[[stages.on]]
trigger = "stopped_in_zone"
zone = "home"
seconds = 1.0
actions = [{ action = "complete" }]
"""


def write_short_job(folder: Path) -> Path:
    """``folder/maps/cross.tmx`` (with its tileset) and ``folder/missions/short.toml``;
    returns the mission's path."""
    maps = folder / "maps"
    maps.mkdir(parents=True, exist_ok=True)
    write_tileset(maps)
    spec = crossroads()
    spec.rect("zones", "pickup", "pickup", 64, 74, 12, 12)
    spec.point("spawns", "crew_1", "crew", 70, 70)
    spec.write(maps / "cross.tmx")
    missions = folder / "missions"
    missions.mkdir(parents=True, exist_ok=True)
    path = missions / "short.toml"
    path.write_text(SHORT_JOB, encoding="utf-8")
    return path
