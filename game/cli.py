"""Command line: ``python -m game {play,bench,check,mission,replay,playtest,career}``.

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
}


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


def build_parser(argv: list[str]) -> argparse.ArgumentParser:
    """Build the parser, configuring only the subcommand being run (cheap imports)."""
    parser = argparse.ArgumentParser(prog="python -m game", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", metavar="{" + ",".join(COMMANDS) + "}")
    for name, (module_name, help_text) in COMMANDS.items():
        sub_parser = sub.add_parser(name, help=help_text)
        if name in argv:
            importlib.import_module(module_name).configure(sub_parser)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0].startswith("-") and argv[0] not in ("-h", "--help"):
        argv = ["play", *argv]
    parser = build_parser(argv[:1])
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 0
    module = importlib.import_module(COMMANDS[args.command][0])
    return int(module.run(args) or 0)
