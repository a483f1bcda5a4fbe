"""Career saves that are never lost: one versioned JSON file per slot, written atomically.

A **slot** is a folder (``--slot DIR``, or ``careers/N`` in the user's data directory,
``~/.local/share/five-minute-window`` on Linux; ``FMW_DATA_DIR`` overrides it) holding
``career.json``. :func:`save_career` writes it through :func:`game.storage.atomic_write`
with ``backup=True``: the bytes go to a temporary file that is flushed, fsynced and then
renamed over the old save, after the old save was copied the same way to
``career.json.bak``. A process killed at any moment leaves the old save or the new one,
and the last good save beside it.

:func:`load_career` never raises and never deletes anything. It answers with a
:class:`Loaded` whose :class:`LoadStatus` says what it found:

- ``LOADED``: the career; ``MIGRATED``: a save of an older version, brought up to this
  one through :data:`MIGRATIONS` (it is written in the new version at the next save, the
  old file becoming the backup);
- ``MISSING``: no save in the slot (a backup left from a save moved aside earlier is
  still offered);
- ``CORRUPT``: a save that cannot be used (not a file, too big, not JSON, not a career,
  any value out of place: :mod:`game.career.codec` names it) is moved aside to
  ``career.json.corrupt-N``, reported in one line, and the backup is offered
  (:attr:`Loaded.backup`; :func:`restore_backup` takes it);
- ``NEWER``: a save from a newer version of the game is refused in one line and left as
  it is.

The file: ``{"game": "five-minute-window", "kind": "career", "version": N, "career":
{...}}`` with the career as :func:`game.career.codec.encode` writes it.

Version history: 1, the first: one car (``career.car``); 2: the cars he owns
(``career.cars``) and the one he drives (``career.car_in_use``), since Shannon sells cars;
3: a job's ``busted`` is the law's sentence; 4: how the career ended (``career.ending``:
arrested, dropped, into the night) and where the Driver was last (``career.whereabouts``).
"""

from __future__ import annotations

import enum
import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from game import resources
from game.career.codec import DecodeError, decode, encode
from game.career.dossier import SOURCES
from game.career.model import ARRESTED, DROPPED, ENDINGS, WHEREABOUTS, Career, OwnedCar
from game.sim import VehicleClass
from game.storage import (
    UnusableFile,
    atomic_write,
    backup_path,
    clean_temporaries,
    json_from_bytes,
    move_aside,
    read_limited,
)

DATA_DIR_ENV = resources.DATA_DIR_ENV  #: overrides the user data directory (tests, portable)
SAVE_FILE = resources.CAREER_SAVE
SAVE_GAME = "five-minute-window"  #: the "game" a save names
SAVE_KIND = "career"
SAVE_VERSION = 4  #: the version this game writes
MAX_SAVE_BYTES = 16 * 1024 * 1024  #: bytes; a career of a hundred jobs is under 200 kB

def _one_car_to_cars(body: dict) -> dict:
    """1 -> 2: the one car becomes the first (and only) car he owns, and he drives it."""
    body = dict(body)
    body["cars"] = [body.pop("car")]
    body["car_in_use"] = 0
    return body


def _busted_in_words(body: dict) -> dict:
    """2 -> 3: a job's ``busted`` was true or false; it is now the law's sentence ("" when
    he was not busted), so an old arrest reads as one without its details."""
    body = dict(body)
    jobs = []
    for job in body.get("jobs", []):
        job = dict(job)
        result = dict(job.get("result", {}))
        if isinstance(result.get("busted"), bool):
            result["busted"] = "busted" if result["busted"] else ""
        job["result"] = result
        jobs.append(job)
    body["jobs"] = jobs
    return body


def _ending_named(body: dict) -> dict:
    """3 -> 4: how an ended career ended, read from its sentence (the two endings there
    were: an arrest, the Handler dropping him); where he was is the apartment."""
    body = dict(body)
    ended = body.get("ended", "")
    if isinstance(ended, str) and ended:
        body["ending"] = ARRESTED if ended.startswith("arrested") else DROPPED
    return body


#: version -> the function that turns a save's career data of that version into the next
MIGRATIONS: dict[int, Callable[[dict], dict]] = {1: _one_car_to_cars, 2: _busted_in_words,
                                                 3: _ending_named}


class LoadStatus(enum.Enum):
    LOADED = "loaded"
    MIGRATED = "migrated"
    MISSING = "missing"
    CORRUPT = "corrupt"
    NEWER = "newer"


@dataclass(frozen=True)
class Loaded:
    """What :func:`load_career` found in a slot."""

    status: LoadStatus
    career: Career | None  #: the career (LOADED, MIGRATED)
    message: str = ""  #: one line for the player ("" when all is well)
    backup: Career | None = None  #: CORRUPT: the last good save, offered instead


class SaveProblem(ValueError):
    """A save's content cannot be used; ``str()`` says where and why."""


class NewerSave(SaveProblem):
    """A save written by a newer version of the game."""

    def __init__(self, version: int) -> None:
        self.version = version
        super().__init__(f"version {version}")


def data_dir() -> Path:
    """Where careers live: $FMW_DATA_DIR, else the platform's user data directory."""
    return resources.user_data_dir()


def careers_dir() -> Path:
    return resources.careers_dir()


def save_path(slot: str | Path) -> Path:
    return Path(slot) / SAVE_FILE


def slots() -> list[Path]:
    """The slot folders under :func:`careers_dir` holding a save (or the backup of one
    moved aside), last saved first (:func:`game.resources.career_slots`)."""
    return resources.career_slots()


def new_slot() -> Path:
    """The first numbered slot folder under :func:`careers_dir` with no save in it."""
    n = 1
    while os.path.lexists(save_path(careers_dir() / str(n))):
        n += 1
    return careers_dir() / str(n)


def save_bytes(career: Career) -> bytes:
    """The save file's bytes for ``career`` (this version)."""
    data = {"game": SAVE_GAME, "kind": SAVE_KIND, "version": SAVE_VERSION,
            "career": encode(career)}
    return (json.dumps(data, indent=1, allow_nan=False) + "\n").encode("utf-8")


def save_career(slot: str | Path, career: Career) -> Path:
    """Write the career to its slot atomically, the previous save kept as the backup.
    A save the same as the one there is not written again, so the backup stays the save
    before it. Raises OSError when the folder cannot be written (the old save is then
    intact)."""
    path, data = save_path(slot), save_bytes(career)
    try:
        if read_limited(path, MAX_SAVE_BYTES) == data:
            return path
    except (OSError, UnusableFile):
        pass  # nothing there (or nothing usable): write it
    return atomic_write(path, data, backup=True)


def career_from_bytes(data: bytes) -> tuple[Career, int]:
    """The career a save's bytes hold and the version they were written in; SaveProblem
    (saying where and why) for anything but a save this game can use, NEWER included."""
    try:
        top = json_from_bytes(data)
    except ValueError as error:
        raise SaveProblem(str(error)) from None
    if not isinstance(top, dict) or top.get("game") != SAVE_GAME or \
            top.get("kind") != SAVE_KIND:
        raise SaveProblem("not a Five Minute Window career save")
    version = top.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise SaveProblem(f"version: must be a whole number from 1, not {version!r:.40}")
    if version > SAVE_VERSION:
        raise NewerSave(version)
    body = top.get("career")
    if not isinstance(body, dict):
        raise SaveProblem("career: missing, or not an object")
    try:
        for step in range(version, SAVE_VERSION):
            body = MIGRATIONS[step](body)
        career = decode(Career, body, "career")
    except DecodeError as error:
        raise SaveProblem(str(error)) from None
    except (KeyError, TypeError, ValueError) as error:  # a migration met a broken value
        raise SaveProblem(f"career: cannot bring version {version} up to date "
                          f"({error!r:.80})") from None
    _check(career)
    return career, version


def _check(career: Career) -> None:
    """What the types cannot say: values in range, names the game knows."""
    def fail(where: str, message: str) -> None:
        raise SaveProblem(f"career.{where}: {message}")

    if career.night < 1:
        fail("night", f"must be 1 or more, not {career.night}")
    if not career.cars:
        fail("cars", "a career has a car at least")
    if not 0 <= career.car_in_use < len(career.cars):
        fail("car_in_use", f"must be 0 to {len(career.cars) - 1}, not {career.car_in_use}")
    if career.ending not in ENDINGS:
        fail("ending", f"unknown ending {career.ending!r:.40} (one of "
             f"{', '.join(e for e in ENDINGS if e)})")
    if bool(career.ending) != bool(career.ended):
        fail("ending", "an ended career says how and why it ended, and one going on neither")
    if career.whereabouts not in WHEREABOUTS:
        fail("whereabouts", f"unknown place {career.whereabouts!r:.40} (one of "
             f"{', '.join(WHEREABOUTS)})")
    for i, car in enumerate(career.cars):
        _check_car(car, f"cars[{i}]", fail)
    for i, entry in enumerate(career.file):
        if entry.source not in SOURCES:
            fail(f"file[{i}].source", f"unknown source {entry.source!r:.40} (one of "
                 f"{', '.join(SOURCES)})")
        if not 0.0 <= entry.strength <= 1.0:
            fail(f"file[{i}].strength", f"must be from 0 to 1, not {entry.strength}")


def _check_car(car: OwnedCar, where: str, fail: Callable[[str, str], None]) -> None:
    try:
        VehicleClass.from_name(car.vehicle_class)
    except ValueError:
        fail(f"{where}.vehicle_class", f"unknown vehicle class {car.vehicle_class!r:.40}")
    if not 0.0 <= car.damage <= 1.0:
        fail(f"{where}.damage", f"must be from 0 to 1, not {car.damage}")


def _read(path: Path) -> tuple[Career, int]:
    """The career in the file at ``path``; FileNotFoundError, NewerSave or SaveProblem."""
    try:
        data = read_limited(path, MAX_SAVE_BYTES)
    except FileNotFoundError:
        raise
    except UnusableFile as error:
        raise SaveProblem(f"cannot be used: it {error}") from None
    except OSError as error:
        raise SaveProblem(f"cannot be read ({error.strerror or error})") from None
    return career_from_bytes(data)


def load_career(slot: str | Path) -> Loaded:
    """The career in ``slot`` (module docstring: what it does with a save it cannot use)."""
    path = save_path(slot)
    clean_temporaries(path)
    try:
        career, version = _read(path)
    except FileNotFoundError:
        backup = _backup(path)  # a save moved aside before: its backup is still offered
        if backup is not None:
            return Loaded(LoadStatus.MISSING, None, f"{path}: no save here; the backup from "
                          f"night {backup.night} is offered", backup)
        return Loaded(LoadStatus.MISSING, None, f"{path}: no career saved here")
    except NewerSave as error:
        return Loaded(LoadStatus.NEWER, None, f"{path}: saved by a newer version of the "
                      f"game (save version {error.version}; this game reads up to "
                      f"{SAVE_VERSION}): left as it is")
    except SaveProblem as error:
        _, moved = move_aside(path)
        backup = _backup(path)
        offer = (f"the backup from night {backup.night} is offered" if backup is not None
                 else "there is no usable backup")
        return Loaded(LoadStatus.CORRUPT, None, f"{path}: {error}; {moved}; {offer}", backup)
    if version < SAVE_VERSION:
        return Loaded(LoadStatus.MIGRATED, career, f"{path}: a save of version {version}, "
                      f"brought up to version {SAVE_VERSION}")
    return Loaded(LoadStatus.LOADED, career)


def _backup(path: Path) -> Career | None:
    try:
        return _read(backup_path(path))[0]
    except (FileNotFoundError, SaveProblem):
        return None


def peek_career(slot: str | Path) -> Career | None:
    """The career in ``slot`` if it loads as it is, else None; it moves nothing (for a
    look across slots, such as which jobs any career has unlocked)."""
    try:
        return _read(save_path(slot))[0]
    except (FileNotFoundError, SaveProblem):
        return None


def restore_backup(slot: str | Path) -> Loaded:
    """Take the backup: it becomes the slot's save again (the backup itself stays), and
    is loaded as :func:`load_career` loads a save."""
    path = save_path(slot)
    try:
        data = read_limited(backup_path(path), MAX_SAVE_BYTES)
    except (OSError, UnusableFile) as error:
        return Loaded(LoadStatus.MISSING, None, f"{backup_path(path)}: no usable backup "
                      f"({error})")
    atomic_write(path, data)
    return load_career(slot)
