"""``python -m game bench``: headless timing of the simulation (and, with --render, drawing).

A scenario is ``"module:function"``; the function takes ``(cars, seed)`` and returns
``(world, control_fn)``, with ``control_fn(world, tick) -> controls``. After warm-up
steps, ``world.step`` is timed (``step_ms_*``) and, apart, the scenario's drivers
(``controls_ms_p50``, ``controls_ms_p99``: the AI in ``city``); the contacts of the timed
steps are counted too (``car_contacts``, ``wall_contacts``: mean rows per step), since
contact work is what grows as a run goes on. A long ``--warmup`` times a run's later
steps: ``--warmup 5000 --steps 1000`` gives steps 5,000-6,000 (``first_step`` in the
row). Imports no pygame unless ``--render``.
"""

from __future__ import annotations

import argparse
import importlib
import json
import re
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

from game import cli

#: scenario name -> "module:function" building (world, control_fn) from (cars, seed)
SCENARIOS: dict[str, str] = {
    "arena": "game.sim.arena:build",
    "city": "game.session.bench_city:build",
}
DEFAULT_CARS = 1000  #: cars in a run when --cars is not given
DEFAULT_PEER = Path(__file__).resolve().parent.parent.parent / "shared" / "peers" / "pymunk_cars.py"
PEER_TIMEOUT_S = 900


class BenchError(Exception):
    """Something the user asked for cannot run; the message says what."""


def configure(parser: argparse.ArgumentParser) -> None:
    parser.description = "Time World.step headless (and the scenario's drivers, apart)."
    parser.add_argument(
        "--scenario",
        default="arena",
        choices=sorted(SCENARIOS),
        help="arena: random cars in a walled square; city: AI traffic on a map",
    )
    parser.add_argument(
        "--cars",
        default=None,
        help=f"a number or a comma list (a sweep); default {DEFAULT_CARS}, or 200 with --render",
    )
    parser.add_argument("--steps", type=int, default=300, help="timed steps per run")
    parser.add_argument(
        "--warmup",
        type=int,
        default=30,
        help="untimed steps first (5000 times a long run's later steps, with --steps 1000)",
    )
    parser.add_argument(
        "--repeat",
        type=int,
        default=1,
        help="runs per car count; report the best p50 (shared CPUs)",
    )
    parser.add_argument("--seed", type=cli.seed, default=0, help="the world's seed")
    parser.add_argument("--json", action="store_true", help="one JSON object per run")
    parser.add_argument(
        "--peer",
        nargs="?",
        const=str(DEFAULT_PEER),
        default=None,
        metavar="PATH",
        help="also run the pymunk peer with the same cars and steps (default path: %(const)s)",
    )
    parser.add_argument("--render", action="store_true", help="time rendering frames instead")


def run(args: argparse.Namespace) -> int:
    try:
        if args.render:
            return _load("game.render.bench:run", "--render")(args)
        car_counts = _parse_cars(args.cars or str(DEFAULT_CARS))
        if args.steps < 1 or args.warmup < 0 or args.repeat < 1:
            raise BenchError("--steps and --repeat must be at least 1, --warmup at least 0")
        build = _load(SCENARIOS[args.scenario], f"scenario {args.scenario!r}")
        if args.peer and not Path(args.peer).is_file():
            raise BenchError(f"peer script {args.peer} not found")
        rows = []
        for cars in car_counts:
            runs = [
                time_scenario(args.scenario, build, cars, args.steps, args.warmup, args.seed)
                for _ in range(args.repeat)
            ]
            row = min(runs, key=lambda run: run["step_ms_p50"])  # the least disturbed run
            row["runs"] = args.repeat
            if args.peer:
                row.update(run_peer(args.peer, cars, args.steps))
                row["speedup"] = round(row["peer_seconds"] / row["seconds"], 1)
            rows.append(row)
            if args.json:
                print(json.dumps(row), flush=True)
        if not args.json:
            print(format_table(rows))
        return 0
    except BenchError as problem:
        print(f"bench: {problem}", file=sys.stderr)
        return 2


def _parse_cars(text: str) -> list[int]:
    try:
        counts = [int(part) for part in text.split(",") if part.strip()]
    except ValueError:
        raise BenchError(
            f"--cars wants a number or a comma list of numbers, not {text!r}"
        ) from None
    if not counts or min(counts) < 1:
        raise BenchError(f"--cars wants positive car counts, not {text!r}")
    return counts


def _load(target: str, what: str):
    """Import ``module:function``; a missing module is a clear message, not a traceback."""
    module_name, function_name = target.split(":")
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as missing:
        if missing.name and module_name.startswith(missing.name):
            raise BenchError(f"{what} needs {module_name}, which is not there yet") from None
        raise
    try:
        return getattr(module, function_name)
    except AttributeError:
        raise BenchError(
            f"{what} needs {target}, but {module_name} has no {function_name}"
        ) from None


def time_scenario(name: str, build, cars: int, steps: int, warmup: int, seed: int) -> dict:
    """Build the scenario, run warm-up steps, then time ``steps`` calls of ``world.step``.

    ``first_step`` in the row is the warm-up count: with ``--warmup 5000 --steps 1000``
    the figures are those of steps 5,000-6,000, when the arena's cars have jammed (the
    mean contact counts in the row say how much contact work the timed steps held)."""
    world, control_fn = build(cars, seed)
    tick = 0
    for _ in range(warmup):
        world.step(control_fn(world, tick))
        tick += 1
    durations = np.empty(steps)
    deciding = np.empty(steps)  # the scenario's drivers (AI in ``city``), timed apart
    car_contacts = wall_contacts = 0  # the work that grows as a run goes on
    for k in range(steps):
        started = time.perf_counter()
        controls = control_fn(world, tick)
        decided = time.perf_counter()
        events = world.step(controls)
        durations[k] = time.perf_counter() - decided
        deciding[k] = decided - started
        tick += 1
        against_car = int(np.count_nonzero(events.collisions.b >= 0))
        car_contacts += against_car
        wall_contacts += len(events.collisions) - against_car
    seconds = float(durations.sum())
    return {
        "scenario": name,
        "cars": world.n,
        "first_step": warmup,
        "steps": steps,
        "tick_hz": round(1.0 / world.dt, 3),
        "seconds": round(seconds, 4),
        "vehicle_steps_per_s": round(world.n * steps / seconds),
        "step_ms_p50": round(float(np.percentile(durations, 50)) * 1e3, 4),
        "step_ms_p99": round(float(np.percentile(durations, 99)) * 1e3, 4),
        "controls_ms_p50": round(float(np.percentile(deciding, 50)) * 1e3, 4),
        "controls_ms_p99": round(float(np.percentile(deciding, 99)) * 1e3, 4),
        "car_contacts": round(car_contacts / steps, 1),  # car-car contact rows, mean per step
        "wall_contacts": round(wall_contacts / steps, 1),  # cars against walls, mean per step
        "finite": bool(np.isfinite(world.x).all() and np.isfinite(world.y).all()),
    }


def run_peer(path: str, cars: int, steps: int) -> dict:
    """Run the pymunk peer as a subprocess and read its one result line."""
    try:
        done = subprocess.run(
            [sys.executable, path, str(cars), str(steps)],
            capture_output=True,
            text=True,
            timeout=PEER_TIMEOUT_S,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise BenchError(f"peer {path} took over {PEER_TIMEOUT_S} s at {cars} cars") from None
    found = re.search(r"seconds=([\d.]+) vehicle_steps_per_s=(\d+) step_ms=([\d.]+)", done.stdout)
    if done.returncode != 0 or not found:
        tail = (done.stderr or done.stdout).strip().splitlines()[-1:] or ["no output"]
        raise BenchError(f"peer {path} failed at {cars} cars: {tail[0]}")
    return {
        "peer_seconds": float(found.group(1)),
        "peer_vehicle_steps_per_s": int(found.group(2)),
        "peer_step_ms": float(found.group(3)),
    }


def format_table(rows: list[dict]) -> str:
    """A plain-text table; with the peer, its mean step and our speed-up over it."""
    columns = ["scenario", "cars", "first_step", "steps", "tick_hz", "seconds"]
    columns += ["vehicle_steps_per_s", "step_ms_p50", "step_ms_p99", "controls_ms_p50",
                "controls_ms_p99"]
    columns += ["car_contacts", "wall_contacts"]
    if any("peer_step_ms" in row for row in rows):
        columns += ["peer_step_ms", "speedup"]
    cells = [[str(row.get(c, "")) for c in columns] for row in rows]
    widths = [max(len(c), *(len(r[k]) for r in cells)) for k, c in enumerate(columns)]
    lines = ["  ".join(c.rjust(wd) for c, wd in zip(columns, widths, strict=True))]
    lines += ["  ".join(v.rjust(wd) for v, wd in zip(r, widths, strict=True)) for r in cells]
    return "\n".join(lines)
