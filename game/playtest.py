"""``python -m game playtest [MISSION ...]``: is a job fair? Its autopilot, over many seeds.

Each mission (default: every one on the levels search path) runs headless with its autopilot
once per seed (``--seeds N``: seeds 0..N-1), in parallel worker processes (``--workers``,
default one per CPU), at the police difficulty asked (``--difficulty``). Per mission it
prints the outcomes and how often each came, the reasons the job ended, how often the
rule was kept, the heat and the sim time; ``--json`` prints one object per run instead
(the job's result). A mission may say what it must reach::

    [playtest]
    min_wins = 6        # of 8 seeds, on normal

playtest exits 1 when a mission wins fewer than that (scaled to the seeds asked), 2 when
a mission cannot be run at all. This is the level designer's tool for a fair job; the
guide (levels/README.md, "Is the job fair?") explains it. No pygame.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor

from game.cli import seed as seed_type
from game.session.escalation import DIFFICULTIES

PLAYTEST_SEEDS = 8  #: the seeds a mission's min_wins is stated against


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("missions", nargs="*", metavar="MISSION",
                        help="mission names or .toml paths (default: every shipped mission)")
    parser.add_argument("--seeds", type=int, default=PLAYTEST_SEEDS,
                        help=f"seeds per mission, 0..N-1 (default {PLAYTEST_SEEDS})")
    parser.add_argument("--first-seed", type=seed_type, default=0,
                        help="the first seed (default 0)")
    parser.add_argument("--difficulty", choices=DIFFICULTIES, default="normal",
                        help="the police's difficulty (default normal)")
    parser.add_argument("--workers", type=int, default=0,
                        help="worker processes (default: one per CPU)")
    parser.add_argument("--json", action="store_true", help="one JSON object per run")


def _one_run(job: tuple[str, int, str]) -> dict:
    """Run one mission with one seed (in a worker process); its result as JSON data."""
    from game.mission.headless import run_headless
    from game.problems import FileProblem

    name, seed, difficulty = job
    started = time.process_time()
    try:
        result = run_headless(name, seed=seed, difficulty=difficulty).to_json()
    except FileProblem as problem:
        return {"mission": name, "seed": seed, "problem": str(problem)}
    result["cpu_s"] = round(time.process_time() - started, 1)
    result["difficulty"] = difficulty
    return result


def _missions(names: list[str]) -> list[str]:
    from game import resources

    return names or [str(path) for _, path in sorted(resources.missions().items())]


def _min_wins(name: str) -> int | None:
    from game.mission.job import mission_file
    from game.mission.mission_file import parse_mission

    mission, _ = parse_mission(mission_file(name))
    return mission.playtest_min_wins if mission is not None else None


def summary_lines(name: str, runs: list[dict], min_wins: int | None, seeds: int) -> list[str]:
    """What a designer reads about one mission's runs."""
    outcomes = Counter(r["outcome"] for r in runs)
    wins = outcomes.get("success", 0)
    lines = [f"{runs[0]['mission'] if runs else name}: {wins} of {len(runs)} won"
             + (f" (needs {_needed(min_wins, seeds)})" if min_wins is not None else "")]
    lines.append("  outcomes: " + ", ".join(f"{k} {v}" for k, v in outcomes.most_common()))
    reasons = Counter(r["reason"] for r in runs if r["outcome"] != "success")
    for reason, count in reasons.most_common():
        lines.append(f"  {count} x {reason or '(no reason given)'}")
        # a mission's own words for a bust ("the police boxed you in") say nothing of
        # where: the law's sentence for each seed does
        lines.extend(f"    seed {r['seed']}: {r['busted']}" for r in runs
                     if r["outcome"] != "success" and r["reason"] == reason
                     and r.get("busted") and r["busted"] != reason)
    kept = sum(bool(r["rule_kept"]) for r in runs)
    heat = [r["heat_max"] for r in runs]
    sim = [r["sim_s"] for r in runs]
    lines.append(f"  rule kept {kept}/{len(runs)}; heat max {min(heat):.1f}-{max(heat):.1f}; "
                 f"sim {min(sim):.0f}-{max(sim):.0f} s; seeds "
                 + " ".join(f"{r['seed']}:{r['outcome'][0]}" for r in runs))
    return lines


def _needed(min_wins: int | None, seeds: int) -> int:
    """min_wins (of 8) scaled to the seeds asked, rounded up."""
    if min_wins is None:
        return 0
    return -(-min_wins * seeds // PLAYTEST_SEEDS)


def run(args: argparse.Namespace) -> int:
    if args.seeds < 1:
        print("playtest: --seeds must be at least 1", file=sys.stderr)
        return 2
    names = _missions(args.missions)
    jobs = [(name, args.first_seed + k, args.difficulty) for name in names
            for k in range(args.seeds)]
    workers = args.workers or os.cpu_count() or 1
    with ProcessPoolExecutor(max_workers=min(workers, len(jobs))) as pool:
        results = list(pool.map(_one_run, jobs))
    problems = [r for r in results if "problem" in r]
    for problem in {r["problem"] for r in problems}:
        print(f"playtest: {problem}", file=sys.stderr)
    if problems:
        return 2
    failing = 0
    for name in names:
        runs = [r for (n, _, _), r in zip(jobs, results, strict=True) if n == name]
        min_wins = _min_wins(name)
        for line in ([json.dumps(r) for r in runs] if args.json
                     else summary_lines(name, runs, min_wins, args.seeds)):
            print(line)
        wins = sum(r["outcome"] == "success" for r in runs)
        failing += min_wins is not None and wins < _needed(min_wins, args.seeds)
    if failing:
        print(f"playtest: {failing} mission(s) below their [playtest] min_wins", file=sys.stderr)
        return 1
    return 0
