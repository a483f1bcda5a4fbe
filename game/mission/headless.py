"""``python -m game mission NAME``: run a job; ``--headless --autopilot`` prints its outcome.

Headless, the mission runs as fast as the machine allows with the autopilot at the wheel
(:mod:`game.mission.autopilot`: real driving through the player's control row) and
prints one JSON object: mission, outcome (success | failed | crew_left_behind),
rule_kept, window_opened, crew_back (clock time or null), mission_clock_end, heat_max,
and more (reason, who was left behind and what they will tell the Detective, payout).
Without ``--headless`` the game window opens straight into the job.
"""

from __future__ import annotations

import argparse
import json
import sys

MAX_SIM_S = 900.0  #: a headless run that has not ended after this much sim time stops


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("name", help="mission name (levels/missions/NAME.toml) or a .toml path")
    parser.add_argument("--headless", action="store_true", help="no window: print the outcome")
    parser.add_argument(
        "--autopilot",
        action="store_true",
        help="the autopilot drives (required with --headless; in the window Tab toggles it)",
    )
    parser.add_argument(
        "--warp", type=float, default=1.0, help="in the window: sim seconds per real second"
    )
    parser.add_argument("--seed", type=int, default=0, help="seed for the world and the crew")
    parser.add_argument(
        "--crew-late", action="store_true", help="the crew comes out after the window closes"
    )
    parser.add_argument(
        "--max-sim-s",
        type=float,
        default=MAX_SIM_S,
        help=f"stop after this much sim time (default {MAX_SIM_S:.0f} s)",
    )


def run(args: argparse.Namespace) -> int:
    from game.problems import FileProblem

    if not args.headless:
        from game.app.job_scene import JobOptions, play_job_in_window

        options = JobOptions(args.seed, args.crew_late, args.autopilot, args.warp)
        return play_job_in_window(args.name, options)
    if not args.autopilot:
        print("mission: --headless needs --autopilot (nobody else can drive)", file=sys.stderr)
        return 2
    try:
        result = run_headless(args.name, args.seed, args.crew_late, args.max_sim_s)
    except FileProblem as problem:
        print(problem, file=sys.stderr)
        return 1
    print(json.dumps(result))
    return 0


def run_headless(
    name: str, seed: int = 0, crew_late: bool = False, max_sim_s: float = MAX_SIM_S
) -> dict:
    """Run the job with the autopilot until it ends (or ``max_sim_s``); its outcome."""
    from game.mission.autopilot import Autopilot
    from game.mission.job import build_job

    session, runtime = build_job(name, seed=seed, crew_late=crew_late)
    autopilot = Autopilot(runtime, session.level)
    while runtime.ended is None and session.world.time < max_sim_s:
        session.player_controls[:] = autopilot.controls(session)
        session.tick()
        session.last_events.clear()  # nobody drains them headless
    result = runtime.outcome()
    if runtime.ended is None:
        result["outcome"] = "failed"
        result["reason"] = f"not over after {max_sim_s:.0f} s of sim time"
    result["sim_s"] = round(session.world.time, 2)
    return result
