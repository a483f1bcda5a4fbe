"""Command line: ``python -m game COMMAND`` (play, bench, check, mission, replay, playtest,
career, handling, new-map).

Each subcommand lives in the module that owns it; that module exposes
``configure(parser)`` to add its arguments and ``run(args) -> int`` to do the work.
Modules are imported only when their subcommand runs, so ``bench`` and ``check`` never
import pygame and start fast. Arguments several commands share have one type here
(:func:`seed`), so each command rejects a bad value the same way.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path

from game import __version__, resources

#: subcommand -> (module that owns it, one-line help)
COMMANDS: dict[str, tuple[str, str]] = {
    "play": ("game.app.main", "open the game window (the default)"),
    "bench": ("game.bench", "headless benchmarks of the simulation (and --render)"),
    "check": ("game.check", "validate maps and missions; exit 1 on problems"),
    "mission": ("game.app.mission_command", "run a mission, headless with an autopilot"),
    "replay": ("game.app.replay", "play back a recorded run"),
    "playtest": ("game.playtest", "run jobs with their autopilot over many seeds: are they fair?"),
    "career": ("game.app.career_command", "a career of jobs; headless with an autopilot"),
    "handling": ("game.handling", "a car class's test sheet, measured in the simulation"),
    "new-map": ("game.new_map", "write a starter map (layers, tilesets, spawns) to draw on"),
}


#: the commands that read maps and missions: each takes ``--levels DIR`` (game/resources.py)
LEVELS_COMMANDS = ("play", "mission", "check", "playtest", "replay", "career")

SEED_MAX = 2**32 - 1  #: seeds are 0 .. 2**32-1 (what numpy's seeding takes as one word)


def seed(text: str) -> int:
    """The argparse type of every ``--seed``: a whole number 0 .. 2**32-1, else argparse's
    usage message and exit status 2 (never a traceback from deep inside the world)."""
    try:
        value = int(text, 10)
    except ValueError:
        value = -1
    if not 0 <= value <= SEED_MAX:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a seed (a whole number from 0 to {SEED_MAX})")
    return value


def levels_folder(text: str) -> Path:
    """The argparse type of ``--levels``: a folder holding ``maps/`` or ``missions/``, else
    a usage message naming the folder and what is wrong (exit status 2)."""
    why = resources.why_unusable(Path(text))
    if why:
        raise argparse.ArgumentTypeError(f"{text!r} {why} (a levels folder holds maps/, "
                                         "missions/ or both, like the shipped levels/)")
    return Path(text)


def build_parser(argv: list[str]) -> argparse.ArgumentParser:
    """Build the parser, configuring only the subcommand being run (cheap imports)."""
    parser = argparse.ArgumentParser(prog="python -m game", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version",
                        version=f"Five Minute Window {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="{" + ",".join(COMMANDS) + "}")
    for name, (module_name, help_text) in COMMANDS.items():
        sub_parser = sub.add_parser(name, help=help_text)
        if name in argv:
            importlib.import_module(module_name).configure(sub_parser)
        if name in LEVELS_COMMANDS:
            sub_parser.add_argument(
                "--levels", type=levels_folder, action="append", default=[], metavar="DIR",
                help=f"a folder of your own maps/ and missions/, searched after the shipped "
                     f"ones (again for more; also ${resources.LEVELS_ENV})")
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0].startswith("-") and argv[0] not in ("-h", "--help", "--version"):
        argv = ["play", *argv]
    parser = build_parser(argv[:1])
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 0
    module = importlib.import_module(COMMANDS[args.command][0])
    resources.add_levels(getattr(args, "levels", []))
    try:
        if args.command in LEVELS_COMMANDS and args.command != "check":
            resources.warn_path_problems()  # check counts them as problems of its own
        return int(module.run(args) or 0)
    finally:
        resources.clear_command_line()
