"""``python -m game mission NAME``: run a job; ``--headless --autopilot`` prints its result.

Headless, :func:`game.mission.headless.run_headless` runs the job with the autopilot and
this prints its :class:`~game.mission.result.JobResult` as one JSON object (with the
final ``state_hash``). Without ``--headless`` the game window opens straight into the
job; with ``--autoquit`` it leaves at the results screen and prints the same JSON, so
the same mission, seed and driver can be compared window against headless. ``--record
FILE`` writes a replay either way (``python -m game replay FILE --verify``). The command
sits in the app layer because only the app may open a window; the headless path
imports no pygame.

Exit status, headless: 0 when the job ended ``success`` or ``crew_left_behind`` (the
Driver did his part), 1 when it ended ``failed`` (blown, busted, wrecked, or not over
within ``--max-sim-s``), 2 when it cannot run at all (a usage error, or a mission or map
that ``check`` rejects, with check's first line on stderr).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from game import cli
from game.mission.headless import MAX_SIM_S, run_headless

EXIT_DONE = 0  #: the job ended success or crew_left_behind
EXIT_FAILED = 1  #: the job ended failed
EXIT_CANNOT_RUN = 2  #: a usage error, or a mission or map check rejects


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("name", help="mission name (levels/missions/NAME.toml) or a .toml path")
    parser.add_argument("--headless", action="store_true", help="no window: print the result")
    parser.add_argument(
        "--autopilot",
        action="store_true",
        help="the autopilot drives (required with --headless; in the window Tab toggles it)",
    )
    parser.add_argument(
        "--warp", type=float, default=1.0, help="in the window: sim seconds per real second"
    )
    parser.add_argument("--seed", type=cli.seed, default=0, help="seed for the world and the crew")
    parser.add_argument(
        "--crew-late", action="store_true", help="the crew comes out after the window closes"
    )
    parser.add_argument(
        "--max-sim-s",
        type=float,
        default=MAX_SIM_S,
        help=f"headless: stop after this much sim time (default {MAX_SIM_S:.0f} s)",
    )
    parser.add_argument("--record", type=Path, metavar="FILE",
                        help="record the job to FILE (.npz); check it with 'replay FILE --verify'")
    parser.add_argument("--difficulty", choices=("easy", "normal", "hard"), default=None,
                        help="the police (default: normal headless, Settings in the window)")
    parser.add_argument("--autoquit", action="store_true",
                        help="in the window: leave when the job ends and print its result")


def run(args: argparse.Namespace) -> int:
    from game.problems import FileProblem

    if not args.headless:
        from game.app.job_scene import JobOptions, play_job_in_window

        options = JobOptions(args.seed, args.crew_late, args.autopilot, args.warp,
                             record_path=args.record, autoquit=args.autoquit,
                             difficulty=args.difficulty)
        return play_job_in_window(args.name, options)
    if not args.autopilot:
        print("mission: --headless needs --autopilot (nobody else can drive)", file=sys.stderr)
        return EXIT_CANNOT_RUN
    try:
        result = run_headless(args.name, args.seed, args.crew_late, args.max_sim_s, args.record,
                              difficulty=args.difficulty or "normal")
    except FileProblem as problem:
        print(problem, file=sys.stderr)
        return EXIT_CANNOT_RUN
    print(json.dumps(result.to_json()))
    return EXIT_FAILED if result.outcome == "failed" else EXIT_DONE
