"""``python -m game check [PATH ...]``: validate maps, missions and the police table, one
line per problem.

With no paths it checks every map ``maps/*.tmx`` and every mission ``missions/*.toml``
of each folder on the levels search path (the shipped ``levels/``, the user's folder,
``FMW_LEVELS``, ``--levels DIR``: :mod:`game.resources`), the police table
``levels/police.toml``, and the path itself (a clash of two maps or missions of one name,
a folder that cannot be used: one problem each); a folder is
searched for maps and missions (and for Tiled JSON maps and world files, which the game
does not read, so each gets a line saying what to do). Tiled's automapping rule maps in
a searched folder are not game maps and are skipped, with one line saying how many: a
map in a folder (or below one) with a ``rules.txt``, or named ``rules*.tmx``.
Exit status 1 when anything is wrong, 0 when all is clean.
Never a traceback: an unexpected error in one file becomes one line about that file.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from game import resources
from game.problems import FileProblem, Problem

POLICE_TABLE = "police.toml"  #: the police's table of offences and heat (levels/police.toml)
NOT_READ = (".tmj", ".world")  #: Tiled formats found in a folder are named as unsupported


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="maps (.tmx) and missions (.toml); folders are searched; default: every levels "
        "folder on the search path",
    )


AUTOMAPPING_LIST = "rules.txt"  #: Tiled's list of automapping rule maps, in their folder
AUTOMAPPING_PREFIX = "rules"  #: Tiled's naming of automapping rule maps (rules_walls.tmx)


def automapping_rules(folder: Path, found: list[Path]) -> list[Path]:
    """The maps among ``found`` (below ``folder``) that are Tiled automapping rules."""
    rule_folders = {p.parent for p in folder.rglob(AUTOMAPPING_LIST)}
    return [
        path for path in found
        if path.suffix.lower() == ".tmx"
        and (path.name.lower().startswith(AUTOMAPPING_PREFIX)
             or any(parent in rule_folders for parent in path.parents))
    ]


def files_to_check(paths: list[str]) -> list[Path]:
    if not paths:
        found = [path for folder in resources.levels_path()
                 for path in [*sorted((folder.path / resources.MAPS).rglob("*.tmx")),
                              *sorted((folder.path / resources.MISSIONS).glob("*.toml"))]]
        return [*found, resources.police_table()]
    found: list[Path] = []
    for text in paths:
        path = Path(text)
        if path.is_dir():
            maps = sorted(path.rglob("*.tmx"))
            rules = automapping_rules(path, maps)
            if rules:
                print(f"{path}: skipped {len(rules)} Tiled automapping rule map(s) "
                      f"({', '.join(str(p.relative_to(path)) for p in rules[:3])}"
                      f"{', ...' if len(rules) > 3 else ''}): rules, not game maps")
            found += [p for p in maps if p not in rules] + sorted(path.rglob("*.toml"))
            # formats a designer may think the game reads: each gets its one line
            found += sorted(p for suffix in NOT_READ for p in path.rglob(f"*{suffix}"))
        else:
            found.append(path)
    return found


def check_file(path: Path) -> list[Problem]:
    """Problems in one file; never raises."""
    from game.level.validate import check_map
    from game.mission.validate import check_mission

    try:
        if path.name == POLICE_TABLE:
            from game.session.escalation import check_escalation

            return check_escalation(path)
        if path.suffix.lower() == ".toml":
            return check_mission(path)
        return check_map(path)
    except FileProblem as error:
        return [error.problem]
    except Exception as error:  # a bug must not hide the other files' results
        return [Problem(str(path), "", f"could not be checked: {type(error).__name__}: {error}")]


def run(args: argparse.Namespace) -> int:
    files = files_to_check(args.paths)
    if not files:
        print("nothing to check: no .tmx or .toml files found")
        return 1
    path_problems = resources.path_problems() if not args.paths else []
    for problem in path_problems:
        print(problem)
    problem_count = len(path_problems)
    bad_files = {problem.file for problem in path_problems}
    for path in files:
        problems = check_file(path)
        for problem in problems:
            print(problem)
        problem_count += len(problems)
        if problems:
            bad_files.add(str(path))
    if problem_count:
        print(f"{problem_count} problem(s) in {len(bad_files)} of {len(files)} file(s)")
        return 1
    print(f"{len(files)} file(s) checked, no problems")
    return 0
