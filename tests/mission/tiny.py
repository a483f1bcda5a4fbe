"""A tiny hand-made level and mission for runtime tests (no map files needed)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np

from game.ai.driver import Senses
from game.level.model import Level, RoadGraph, Spawn, Zone
from game.mission.mission_file import load_mission
from game.mission.model import Mission
from game.mission.result import job_result
from game.mission.runtime import MissionRuntime
from game.session.drive import DriveSession
from game.sim.terrain import Terrain

PLACES = {  # zone name -> (kind, x0, y0, x1, y1) metres; each beside the ring road
    "crew_pickup": ("pickup", 20, 14, 40, 30),
    "warehouse": ("place", 130, 40, 146, 70),
    "arena_crowd": ("crowd", 40, 130, 70, 146),
    "overpass_shadow": ("shadow", 14, 60, 30, 90),
}
RING = ((10.0, 10.0), (150.0, 10.0), (150.0, 150.0), (10.0, 150.0))  #: one-way, clockwise
NODE_STEP_M = 20.0

MISSION = """
title = "Tiny job"
map = "tiny"
client = "test"
briefing = "A time and a place."
payout = 1000

[clock]
start = "01:58"
time_scale = 10.0

[contract]
place = "warehouse"
time = "02:00"
away_grace_s = 20

[[crew]]
name = "Irish"
spawn = "crew_1"
return_s = [100, 120]

[[crew]]
name = "Blanche"
spawn = "crew_2"
return_s = [150, 160]

[[vehicles]]
name = "backup"
role = "police"
spawn = "police_1"
at_start = false

[[always]]
trigger = "vehicle_wrecked"
vehicle = "player"
actions = [{ action = "fail", reason = "wrecked" }]

[[stages]]
id = "pickup"
objective = "Pick up the crew."
[[stages.on]]
trigger = "stopped_in_zone"
zone = "crew_pickup"
seconds = 1.0
actions = [{ action = "board_crew" }, { action = "goto", stage = "wait" }]

[[stages]]
id = "wait"
objective = "Wait."
[[stages.on]]
trigger = "window_elapsed"
seconds = 30
actions = [{ action = "scanner", text = "alarm" }, { action = "spawn", vehicle = "backup" }]
[[stages.on]]
trigger = "crew_back"
actions = [{ action = "goto", stage = "getaway" }]
[[stages.on]]
trigger = "window_closed"
actions = [{ action = "goto", stage = "getaway" }]

[[stages]]
id = "getaway"
objective = "Blend in."
enter = [{ action = "add_heat", value = 1.0 }]
[[stages.on]]
trigger = "stopped_in_zone"
zone = "arena_crowd"
seconds = 2
without_pursuit = true
actions = [{ action = "complete" }]
"""


SPAWNS = {
    "crew_1": Spawn("crew_1", 10, "crew", 25.0, 25.0, 0.0),
    "crew_2": Spawn("crew_2", 11, "crew", 30.0, 25.0, 0.0),
    "police_1": Spawn("police_1", 12, "police", 110.0, 10.0, 0.0, "police"),
    "player_start": Spawn("player_start", 13, "player", 30.0, 10.0, 0.0, "driver"),
}


def tiny_level() -> Level:
    terrain = Terrain.open_box(40, 40)
    zones = {
        name: Zone(name, i, kind, np.array([[x0, y0], [x1, y0], [x1, y1], [x0, y1]], float))
        for i, (name, (kind, x0, y0, x1, y1)) in enumerate(PLACES.items())
    }
    kind, x0, y0, x1, y1 = PLACES["overpass_shadow"]
    shadow = np.zeros(terrain.shape, dtype=bool)
    shadow[int(y0 // 4) : int(y1 // 4), int(x0 // 4) : int(x1 // 4)] = True
    return Level(
        name="tiny",
        path=Path("tiny.tmx"),
        terrain=terrain,
        shadow=shadow,
        zones=zones,
        spawns=SPAWNS,
        streets=(),
        roads=ring_road(),
    )


def ring_road() -> RoadGraph:
    """A one-way clockwise ring road, one lane, nodes every NODE_STEP_M."""
    points = []
    for (ax, ay), (bx, by) in zip(RING, RING[1:] + RING[:1], strict=True):
        steps = int(np.hypot(bx - ax, by - ay) // NODE_STEP_M)
        points += [(ax + (bx - ax) * k / steps, ay + (by - ay) * k / steps) for k in range(steps)]
    n = len(points)
    edges = np.arange(n)
    return RoadGraph(
        node_xy=np.array(points),
        node_intersection=np.full(n, -1),
        edge_src=edges,
        edge_dst=(edges + 1) % n,
        edge_speed_limit=np.full(n, 14.0),
        edge_street=np.full(n, -1),
        edge_phase=np.full(n, -1),
        out_start=np.arange(n + 1),
        out_edges=edges.copy(),
        intersection_xy=np.zeros((0, 2)),
        intersection_signalised=np.zeros(0, dtype=bool),
        intersection_cycle_s=np.zeros(0),
    )


def tiny_mission(tmp_path: Path, text: str = MISSION) -> Mission:
    path = tmp_path / "tiny.toml"
    path.write_text(text, encoding="utf-8")
    return load_mission(path)


class BareSession(DriveSession):
    """A real session on the tiny level with nobody at the wheel: the Driver's car stands
    where a test parks it, and the police see him whenever the test says so (``seen``:
    a helicopter's searchlight is on him)."""

    def __init__(self, level: Level) -> None:
        super().__init__(level, seed=0)
        self.player = self.spawn("driver", 60.0, 60.0, 0.0)
        self.seen = False

    def job(self, mission: Mission, seed: int = 0, crew_late: bool = False) -> MissionRuntime:
        """The mission's runtime as this session's rules."""
        self.rules = MissionRuntime(mission, self, seed=seed, crew_late=crew_late)
        return self.rules

    def sense(self) -> Senses:
        senses = super().sense()
        return replace(senses, helicopter_sees_player=True) if self.seen else senses

    def park_at(self, zone: str) -> None:
        x, y = self.level.zones[zone].centre
        self.world.place(self.player, x, y, 0.0)

    def run(self, seconds: float) -> None:
        for _ in range(round(seconds / self.world.dt)):
            self.tick()
            if self.rules.ended is not None:
                return

    def result(self) -> dict:
        """The job's result as the headless JSON has it."""
        return job_result(self.rules, self).to_json()
