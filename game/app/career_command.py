"""``python -m game career``: a career in the window, or ``--headless --autopilot`` played
by the autopilot with one JSON line per job and a summary line.

A new career goes into ``--slot DIR`` (or the first free slot of the user's data
directory, ``FMW_DATA_DIR`` overriding it) and is refused if that slot holds a career
already (nothing a player did is overwritten); ``--continue`` resumes the slot (or the
career saved last). A save that cannot be used is moved aside and reported in one line;
``--use-backup`` then continues from its backup. ``--missions DIR`` offers the jobs of
another missions folder (by default the board offers every mission on the levels search
path: the shipped ones, the user folder, ``FMW_LEVELS``, ``--levels``). In the window,
``--autopilot`` (and ``--warp``) puts the autopilot at the wheel of every job taken from
the board (Tab hands it back). The command sits in the app layer because only the app opens a
window; the headless path imports no pygame.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from game import cli

DEFAULT_JOBS = 3  #: jobs a headless career plays unless --jobs says otherwise


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--headless", action="store_true",
                        help="no window: the autopilot plays, one JSON line per job")
    parser.add_argument("--autopilot", action="store_true",
                        help="the autopilot drives (required with --headless; in the "
                        "window it starts at the wheel of every job, Tab hands it back)")
    parser.add_argument("--seed", type=cli.seed, default=0,
                        help="seed of a new career (its jobs and plates)")
    parser.add_argument("--jobs", type=_jobs, default=DEFAULT_JOBS, metavar="K",
                        help=f"headless: jobs to play (default {DEFAULT_JOBS})")
    parser.add_argument("--slot", type=Path, metavar="DIR",
                        help="the career's folder (default: a slot in the user data dir)")
    parser.add_argument("--continue", dest="resume", action="store_true",
                        help="resume the career in the slot (default: the one saved last)")
    parser.add_argument("--use-backup", action="store_true",
                        help="with --continue: resume from the backup of an unusable save")
    parser.add_argument("--missions", type=Path, metavar="DIR",
                        help="offer the jobs of this missions folder only (default: every "
                        "mission on the levels path: shipped, the user folder, FMW_LEVELS, "
                        "--levels)")
    parser.add_argument("--warp", type=float, default=1.0,
                        help="in the window with --autopilot: sim seconds per real second")


def _jobs(text: str) -> int:
    try:
        value = int(text, 10)
    except ValueError:
        value = -1
    if not 0 <= value <= 1000:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of jobs (0 to 1000)")
    return value


def choose_slot(slot: Path | None, resume: bool) -> Path | None:
    """The slot to use: the one given; to resume, the career saved last; else a new one."""
    from game.career.saves import new_slot, slots

    if slot is not None:
        return slot
    if resume:
        saved = slots()
        return saved[0] if saved else None
    return new_slot()


def open_career(slot: Path, resume: bool, use_backup: bool, seed: int):
    """The career to play in ``slot`` and a one-line message; (None, why) if there is none."""
    from game.career.model import new_career
    from game.career.saves import LoadStatus, load_career, restore_backup, save_path

    if not resume:
        if os.path.lexists(save_path(slot)):
            return None, (f"{save_path(slot)}: this slot holds a career already; --continue "
                          "resumes it, or give another --slot for a new one")
        return new_career(seed), ""
    loaded = load_career(slot)
    if loaded.status in (LoadStatus.CORRUPT, LoadStatus.MISSING) and loaded.backup is not None:
        if not use_backup:
            return None, f"{loaded.message}: --use-backup continues from it"
        restored = restore_backup(slot)
        return restored.career, f"{loaded.message}; continuing from the backup"
    return loaded.career, loaded.message


def run(args: argparse.Namespace) -> int:
    if not args.headless:
        from game.app.career_scene import play_career_in_window

        return play_career_in_window(args.slot, args.resume, args.use_backup, args.seed,
                                     args.missions, autopilot=args.autopilot, warp=args.warp)
    if not args.autopilot:
        print("career: --headless needs --autopilot (nobody else can drive)", file=sys.stderr)
        return 2
    return run_headless(args)


def run_headless(args: argparse.Namespace) -> int:
    from game.career.catalogue import read_catalogue, read_levels_path
    from game.career.headless import play_career
    from game.problems import FileProblem

    slot = choose_slot(args.slot, args.resume)
    if slot is None:
        print("career: no career saved to continue (start one without --continue)",
              file=sys.stderr)
        return 1
    career, message = open_career(slot, args.resume, args.use_backup, args.seed)
    if message:
        print(f"career: {message}", file=sys.stderr)
    if career is None:
        return 1
    catalogue = read_catalogue(args.missions) if args.missions else read_levels_path()
    for problem in catalogue.problems:
        print(f"career: left off the board: {problem}", file=sys.stderr)
    try:
        for line in play_career(career, slot, catalogue, args.jobs):
            print(json.dumps(line), flush=True)
    except FileProblem as problem:
        print(f"career: {problem}", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"career: cannot save to {slot}: {error.strerror or error}", file=sys.stderr)
        return 1
    return 0
