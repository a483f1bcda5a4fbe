"""Where the game's files are: the shipped levels and assets, and the designers' own folders.

**The shipped world is package data.** In the repository ``levels/`` and ``assets/`` stay
at the top; the build (``setup.py``) maps them into the package as ``game.levels`` and
``game.assets``, so a wheel carries them beside the code, siblings as in the repository
(a tileset's ``../../assets/tiles/...`` still resolves). :func:`shipped_levels` and
:func:`shipped_assets` find them with :mod:`importlib.resources`, wherever the package
is: a wheel installed into site-packages, an editable install (setuptools' finder maps
the two names to the repository's own folders; each holds an ``__init__.py`` only for
that), or a zip on ``sys.path`` (the data is copied out once into the user's cache
folder, since Tiled maps are read from real files). Never the current directory.

**The levels search path** (:func:`levels_path`), in this order:

1. the shipped levels folder;
2. the user's levels folder, ``levels/`` in the user data directory (``FMW_DATA_DIR``
   overrides that directory), when it exists: where a player drops a community map;
3. each folder named in ``$FMW_LEVELS`` (several joined with ``os.pathsep``);
4. each ``--levels DIR`` of the command line (:func:`add_levels`).

A levels folder is laid out like the shipped one: ``maps/NAME.tmx``,
``missions/NAME.toml``, and the tilesets and images its maps use anywhere inside it
(every folder on the path is an allowed root for a map's files, :func:`map_roots`).
Maps and missions are known by name (the file's stem): :func:`find_map` and
:func:`find_mission` take the first along the path. A name found in two folders is a
*clash*, never silently shadowed: :func:`path_problems` names both files (``check``
counts each as a problem; the other commands print it once as a warning and use the
earlier file), along with any folder on the path that cannot be used.

**Career slots** are folders under ``careers/`` in the user data directory, each with its
``career.json`` (:func:`careers_dir`, :func:`career_slots`; :mod:`game.career.saves`
reads and writes them): found here so the title can offer Continue without loading the
career package. No pygame: every layer may use this module.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from collections.abc import Iterable
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import NamedTuple

from game.problems import Problem
from game.storage import APP_NAME, backup_path

LEVELS_PACKAGE = "game.levels"  #: the repository's levels/ inside the package
ASSETS_PACKAGE = "game.assets"  #: the repository's assets/ inside the package
LEVELS_ENV = "FMW_LEVELS"  #: designers' levels folders, joined with os.pathsep
DATA_DIR_ENV = "FMW_DATA_DIR"  #: overrides the user data directory (tests, portable installs)
USER_LEVELS = "levels"  #: the user's own levels folder, inside the user data directory
CAREERS = "careers"  #: the career slots' folder, inside the user data directory
CAREER_SAVE = "career.json"  #: the save file of a career slot
MAPS = "maps"  #: a levels folder's maps: maps/NAME.tmx
MISSIONS = "missions"  #: a levels folder's missions: missions/NAME.toml
MAP_SUFFIX = ".tmx"
MISSION_SUFFIX = ".toml"
POLICE_TABLE = "police.toml"  #: the police's table, shipped only (levels/police.toml)
SHIPPED, USER, ENVIRONMENT, COMMAND_LINE = "shipped", "user folder", LEVELS_ENV, "--levels"

#: the --levels folders of this run (add_levels), kept in the environment so that worker
#: processes (``playtest``) search the same path however they are started
COMMAND_LINE_ENV = "FMW_COMMAND_LINE_LEVELS"


class NotInstalled(RuntimeError):
    """The package's data is missing: a checkout used without ``pip install -e .``."""


class LevelsFolder(NamedTuple):
    """One folder on the levels search path and where it came from (``SHIPPED`` ...)."""

    path: Path
    origin: str


def user_data_dir() -> Path:
    """The user's data directory: $FMW_DATA_DIR, else the platform's (platformdirs)."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override)
    try:
        import platformdirs
    except ImportError:  # a declared dependency; this covers bare checkouts
        base = os.environ.get("XDG_DATA_HOME") or os.path.join(Path.home(), ".local", "share")
        return Path(base) / APP_NAME
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def careers_dir() -> Path:
    """Where career slots live: ``careers/`` in the user data directory."""
    return user_data_dir() / CAREERS


def career_slots() -> list[Path]:
    """The slot folders under :func:`careers_dir` holding a career save (or the backup of
    one moved aside), last saved first. Here, not in ``game.career.saves``, so the title
    can ask whether to offer Continue without loading the career package."""
    def saved_at(slot: Path) -> float:
        save = slot / CAREER_SAVE
        files = [f for f in (save, backup_path(save)) if f.is_file()]
        return max((f.stat().st_mtime for f in files), default=-1.0)

    try:
        found = [(saved_at(p), p) for p in careers_dir().iterdir() if p.is_dir()]
    except OSError:
        return []
    return [slot for when, slot in sorted(found, reverse=True) if when >= 0.0]


@cache
def shipped_levels() -> Path:
    """The shipped levels folder (maps, tilesets, missions, the police table)."""
    return _package_folder(LEVELS_PACKAGE)


@cache
def shipped_assets() -> Path:
    """The shipped assets folder (tile images, screenshots)."""
    return _package_folder(ASSETS_PACKAGE)


def shipped_map(name: str) -> Path:
    """A shipped map by name (``downtown`` -> .../levels/maps/downtown.tmx)."""
    return shipped_levels() / MAPS / f"{name}{MAP_SUFFIX}"


def police_table() -> Path:
    """The shipped police table: it is the game's, not a levels folder's."""
    return shipped_levels() / POLICE_TABLE


def _package_folder(package: str) -> Path:
    try:
        folder = resources.files(package)
    except ModuleNotFoundError:
        raise NotInstalled(
            f"the game's data package {package} is not installed: install the game "
            "(pip install a wheel, or pip install -e . in the repository)") from None
    if isinstance(folder, Path):
        return folder
    return _copied_out(package, folder)


def _copied_out(package: str, folder: Traversable) -> Path:
    """A package folder inside a zip, copied once to the user's cache (Tiled reads files),
    one copy per version of the game: a new version copies its own."""
    from game import __version__

    try:
        import platformdirs

        cache_root = Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))
    except ImportError:
        cache_root = Path(tempfile.gettempdir()) / APP_NAME
    target = cache_root / f"data-{__version__}" / package.rsplit(".", 1)[-1]
    if not target.is_dir():
        target.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(dir=target.parent, prefix=".copy-"))
        _copy_tree(folder, staging)
        try:
            staging.rename(target)
        except OSError:  # another process copied it first
            shutil.rmtree(staging, ignore_errors=True)
    return target


def _copy_tree(source: Traversable, target: Path) -> None:
    for entry in source.iterdir():
        if entry.is_dir():
            (target / entry.name).mkdir()
            _copy_tree(entry, target / entry.name)
        else:
            (target / entry.name).write_bytes(entry.read_bytes())


def add_levels(folders: Iterable[str | Path]) -> None:
    """Put the command line's ``--levels`` folders on the search path (after the others)."""
    named = [*_listed(COMMAND_LINE_ENV), *(str(Path(folder).absolute()) for folder in folders)]
    if named:
        os.environ[COMMAND_LINE_ENV] = os.pathsep.join(named)


def clear_command_line() -> None:
    """Forget the ``--levels`` folders (a test, or a second command in one process)."""
    os.environ.pop(COMMAND_LINE_ENV, None)


def _listed(variable: str) -> list[str]:
    return [text for text in os.environ.get(variable, "").split(os.pathsep) if text.strip()]


def _named_folders() -> list[LevelsFolder]:
    named = [LevelsFolder(user_data_dir() / USER_LEVELS, USER)]
    named += [LevelsFolder(Path(text), ENVIRONMENT) for text in _listed(LEVELS_ENV)]
    return named + [LevelsFolder(Path(text), COMMAND_LINE) for text in _listed(COMMAND_LINE_ENV)]


def why_unusable(path: Path) -> str | None:
    """Why ``path`` cannot be a levels folder (``"is not a folder"`` ...), or None."""
    try:
        if not path.is_dir():
            return "is not a folder"
        if not any((path / sub).is_dir() for sub in (MAPS, MISSIONS)):
            return f"has neither a {MAPS}/ nor a {MISSIONS}/ folder"
    except OSError as error:
        return f"cannot be read ({error.strerror or error})"
    return None


def _unusable(folder: LevelsFolder) -> str | None:
    """Why a folder on the path cannot be used, or None (a missing user folder is fine)."""
    if folder.origin == USER and not folder.path.exists():
        return None
    return why_unusable(folder.path)


def levels_path() -> tuple[LevelsFolder, ...]:
    """The usable levels folders, shipped first; the same folder named twice counts once."""
    seen: set[Path] = set()
    found = []
    for folder in [LevelsFolder(shipped_levels(), SHIPPED), *_named_folders()]:
        if folder.origin != SHIPPED and (_unusable(folder) or not folder.path.is_dir()):
            continue
        real = folder.path.resolve()
        if real not in seen:
            seen.add(real)
            found.append(folder)
    return tuple(found)


def added_folders() -> tuple[Path, ...]:
    """The levels folders on the path besides the shipped one (the user's, the designers')."""
    return tuple(folder.path for folder in levels_path()[1:])


def map_roots() -> tuple[Path, ...]:
    """Where a map's tilesets and images may be: the shipped folders and every levels folder
    on the path (a map's own folder is always allowed too, by the map reader)."""
    return (shipped_levels(), shipped_assets(), *added_folders())


def _by_name(sub: str, suffix: str) -> dict[str, list[tuple[Path, LevelsFolder]]]:
    """Every file ``sub/*suffix`` along the path, by name, in path order."""
    named: dict[str, list[tuple[Path, LevelsFolder]]] = {}
    for folder in levels_path():
        try:
            paths = sorted((folder.path / sub).glob(f"*{suffix}"))
        except OSError:
            continue
        for path in paths:
            named.setdefault(path.stem, []).append((path, folder))
    return named


def maps() -> dict[str, Path]:
    """Every map on the path by name (the first one of each name)."""
    return {name: found[0][0] for name, found in _by_name(MAPS, MAP_SUFFIX).items()}


def missions() -> dict[str, Path]:
    """Every mission on the path by name (the first one of each name)."""
    return {name: found[0][0] for name, found in _by_name(MISSIONS, MISSION_SUFFIX).items()}


def find_map(name: str) -> Path | None:
    """The map called ``name`` on the path, or None."""
    return maps().get(name)


def find_mission(name: str) -> Path | None:
    """The mission called ``name`` on the path, or None."""
    return missions().get(name)


def path_problems() -> list[Problem]:
    """Every folder on the path that cannot be used, and every name found twice."""
    problems = [Problem(str(folder.path), "", f"levels folder from {folder.origin} {why}")
                for folder in _named_folders() if (why := _unusable(folder))]
    for sub, suffix, kind in ((MAPS, MAP_SUFFIX, "map"), (MISSIONS, MISSION_SUFFIX, "mission")):
        for name, found in sorted(_by_name(sub, suffix).items()):
            used, used_from = found[0]
            problems += [
                Problem(str(path), "", f"{kind} name {name!r} clashes with {used} "
                        f"({used_from.origin}), which is the one used; rename this file, "
                        "or name it by its path")
                for path, _ in found[1:]]
    return problems


def warn_path_problems() -> None:
    """Print :func:`path_problems` once to stderr as warnings (the commands that play)."""
    for problem in path_problems():
        print(f"warning: {problem}", file=sys.stderr)
