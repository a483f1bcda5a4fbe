"""``python -m game bench --render``: time whole frames drawn offscreen.

Free drive on downtown at 1280x720 with N cars (200 unless ``--cars`` is given): the
level's parked cars and traffic plus cars on random lanes, all driven by the traffic
controller (the player's car too, so the camera travels through the city), night lights
on. Each frame is one simulation tick (untimed) and one full draw (timed: map, cars,
lights, effects, HUD, minimap). Prints frame_ms_p50 and frame_ms_p99 (wall time) and the
same for the process's own CPU time (frame_cpu_ms_*, steadier on a shared machine) as a
table, or one JSON object with ``--json``. With ``--repeat K`` the drive goes on for K
timed runs and the one with the best p50 is reported (the machine is shared).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time

import numpy as np

from game.session.bench_city import DOWNTOWN

RENDER_CARS = 200  #: cars when --cars is not given on the command line
RENDER_MAP = DOWNTOWN  #: the map the render bench drives
SCREEN = (1280, 720)


def _cars(args: argparse.Namespace) -> int:
    return int(args.cars.split(",")[0]) if args.cars else RENDER_CARS


def build_session(map_path, cars: int, seed: int):
    """A free-drive session with ``cars`` vehicles, all driven by traffic AI."""
    from game.ai.traffic import TrafficController, spawn_on_lanes
    from game.level import load_level
    from game.session.drive import DriveSession, add_parked
    from game.sim import VehicleClass

    level = load_level(map_path)
    session = DriveSession(level, seed=seed)
    session.spawn_player()
    add_parked(session, session.spawns_of_kind("parked")[: max(0, cars // 4)])
    rng = np.random.default_rng(seed)
    missing = max(0, cars - session.world.n)
    x, y, heading = spawn_on_lanes(level.roads, rng, missing)
    classes = rng.choice([VehicleClass.SEDAN, VehicleClass.TAXI, VehicleClass.VAN,
                          VehicleClass.MUSCLE, VehicleClass.POLICE], size=len(x),
                         p=[0.55, 0.15, 0.1, 0.1, 0.1])
    driven = [session.player] + [session.spawn(c, xi, yi, h)
                                 for c, xi, yi, h in zip(classes, x, y, heading, strict=True)]
    # the player's car is traffic too (nobody is at its wheel), so the camera travels
    session.join("traffic", np.array(driven), TrafficController.in_setting)
    return session


def time_frames(session, renderer, screen, frames: int) -> tuple[list[float], list[float]]:
    """Wall and CPU milliseconds of ``frames`` draws, one simulation tick (untimed) each."""
    times, cpu_times = [], []
    for _ in range(frames):
        session.tick()
        start, cpu_start = time.perf_counter(), time.process_time()
        renderer.draw(screen, session, 1.0, session.drain_events())
        times.append((time.perf_counter() - start) * 1000.0)
        cpu_times.append((time.process_time() - cpu_start) * 1000.0)
    return times, cpu_times


def run(args: argparse.Namespace) -> int:
    os.environ["SDL_VIDEODRIVER"] = "dummy"
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    import pygame

    from game.problems import FileProblem
    from game.render.renderer import Renderer

    cars = _cars(args)
    frames = max(1, args.steps)
    warmup = max(0, args.warmup)
    pygame.display.init()
    pygame.font.init()
    screen = pygame.display.set_mode(SCREEN)
    try:
        session = build_session(RENDER_MAP, cars, args.seed)
    except FileProblem as problem:
        print(f"bench --render: {problem}", file=sys.stderr)
        return 2
    renderer = Renderer(session, SCREEN)
    for _ in range(warmup):
        session.tick()
        renderer.draw(screen, session, 1.0, session.drain_events())
    runs = [time_frames(session, renderer, screen, frames)
            for _ in range(max(1, args.repeat))]
    pygame.quit()
    times, cpu_times = min(runs, key=lambda run: float(np.percentile(run[0], 50)))
    result = {
        "scenario": "render", "map": RENDER_MAP.stem, "cars": session.world.n,
        "width": SCREEN[0], "height": SCREEN[1], "frames": frames, "runs": len(runs),
        "frame_ms_p50": round(float(np.percentile(times, 50)), 3),
        "frame_ms_p99": round(float(np.percentile(times, 99)), 3),
        "frame_ms_max": round(float(np.max(times)), 3),
        # this process's CPU time per frame: what a quiet machine would show as wall time
        "frame_cpu_ms_p50": round(float(np.percentile(cpu_times, 50)), 3),
        "frame_cpu_ms_p99": round(float(np.percentile(cpu_times, 99)), 3),
    }  # fmt: skip
    if args.json:
        print(json.dumps(result))
    else:
        for key, value in result.items():
            print(f"{key:<14} {value}")
    return 0
