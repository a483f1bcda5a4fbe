"""``python -m game new-map NAME --size W H``: write a starter map to draw on in Tiled.

NAME is a bare name (``levels/maps/NAME.tmx`` in a source checkout, the user's levels
folder's ``maps/NAME.tmx`` in an installed game: where ``play --map NAME`` and a
mission's ``map = "NAME"`` find it) or a path ending in ``.tmx``. The map
(:func:`game.level.starter.starter_map`) has the layers, the shipped tilesets, a ring
road and the spawns a map needs, and passes ``check`` as written: this command checks it
before it says so. An existing file is never overwritten unless ``--force`` is given.
Exit status 0 when written, 1 when refused (the file is there, or the check failed), 2
for a usage error.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from game import resources
from game.level import limits


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("name", help="a map name (levels/maps/NAME.tmx) or a path to a .tmx")
    parser.add_argument("--size", nargs=2, type=int, default=(64, 64), metavar=("W", "H"),
                        help="width and height in tiles (one tile is 32 px and 4 m; "
                             "default 64 x 64, 256 m square)")
    parser.add_argument("--title", help="the map's title in menus (default: from the name)")
    parser.add_argument("--force", action="store_true", help="overwrite an existing file")


def target(name: str) -> Path | None:
    """Where NAME goes: ``maps/NAME.tmx`` of the levels a designer edits for a bare name
    (:func:`designers_levels`), the path itself for a .tmx."""
    from game.level.files import MAP_NAME

    if MAP_NAME.fullmatch(name):
        return designers_levels() / "maps" / f"{name}.tmx"
    return Path(name) if name.lower().endswith(".tmx") else None


def designers_levels(shipped: Path | None = None) -> Path:
    """The levels folder a new map goes into: the shipped ``levels/`` (``shipped``, by
    default the game's) when the game runs from a source checkout (its
    ``pyproject.toml`` beside it), else the user's own levels folder: an installed game's
    package folder is no place for a designer's work (a reinstall would delete it, and it
    may not be writable)."""
    if shipped is None:
        from game.level.files import LEVELS_DIR as shipped
    if (shipped.parent / "pyproject.toml").is_file():
        return shipped
    return resources.user_data_dir() / resources.USER_LEVELS


def run(args: argparse.Namespace) -> int:
    from game.level.starter import MIN_SIDE_TILES, starter_map
    from game.level.validate import check_map

    path = target(args.name)
    if path is None:
        print(f"new-map: {args.name!r} is neither a map name (letters, digits, _ and -) nor "
              "a path ending in .tmx", file=sys.stderr)
        return 2
    cols, rows = args.size
    side = limits.MAX_MAP_SIDE_TILES
    if not (MIN_SIDE_TILES <= cols <= side and MIN_SIDE_TILES <= rows <= side):
        print(f"new-map: --size {cols} {rows}: each side must be {MIN_SIDE_TILES} to "
              f"{side:,} tiles", file=sys.stderr)
        return 2
    if path.exists() and not args.force:
        print(f"new-map: {path} is already there; choose another name, or --force to "
              "overwrite it", file=sys.stderr)
        return 1
    title = args.title or path.stem.replace("_", " ").replace("-", " ").title()
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.new")
    temporary.write_text(starter_map(title, cols, rows, path), encoding="utf-8")
    os.replace(temporary, path)
    problems = check_map(path)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        return 1
    play = path.stem if path == target(path.stem) else str(path)
    print(f"{path}: {cols} x {rows} tiles ({cols * 4} x {rows * 4} m), check passes; "
          f"open it in Tiled, or drive it: python -m game play --map {play}")
    return 0
