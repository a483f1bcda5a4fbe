"""Career saves: every field round-trips; a corrupt save is moved aside with the backup
offered; a newer save is refused in one line and left alone; a save of the previous
version migrates; the data directory comes from FMW_DATA_DIR."""

import dataclasses
import json
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from game.career import saves
from game.career.model import new_career
from game.career.saves import (
    DATA_DIR_ENV,
    SAVE_VERSION,
    LoadStatus,
    load_career,
    new_slot,
    restore_backup,
    save_career,
    save_path,
    slots,
)
from tests.career.helpers import a_full_career


def walk(value):
    """Every dataclass inside ``value`` (itself included)."""
    if dataclasses.is_dataclass(value):
        yield value
        for field in dataclasses.fields(value):
            yield from walk(getattr(value, field.name))
    elif isinstance(value, tuple):
        for item in value:
            yield from walk(item)


def test_the_sample_career_sets_every_field_away_from_its_default():
    """...in at least one of the parts of its kind (a None is there on purpose too)."""
    defaulted, away = set(), set()
    for part in walk(a_full_career()):
        for field in dataclasses.fields(part):
            if field.default is not dataclasses.MISSING:
                same = getattr(part, field.name) == field.default
                (defaulted if same else away).add((type(part).__name__, field.name))
    assert defaulted <= away, sorted(defaulted - away)


def test_save_and_load_round_trip_every_field(tmp_path):
    career = a_full_career()
    path = save_career(tmp_path / "slot", career)
    assert path == save_path(tmp_path / "slot")
    loaded = load_career(tmp_path / "slot")
    assert loaded.status is LoadStatus.LOADED and loaded.message == ""
    assert loaded.career == career
    data = json.loads(path.read_text())
    assert data["version"] == SAVE_VERSION and data["kind"] == "career"


def test_each_save_keeps_the_one_before_as_the_backup(tmp_path):
    first, second = new_career(seed=1), new_career(seed=2)
    save_career(tmp_path, first)
    save_career(tmp_path, second)
    save_career(tmp_path, second)  # the same again (quitting): the backup stays the first
    assert load_career(tmp_path).career == second
    backup = saves.backup_path(save_path(tmp_path))
    assert saves.career_from_bytes(backup.read_bytes())[0] == first


CORRUPTIONS = {
    "truncated": lambda good: good[: len(good) // 2],
    "not json": lambda good: b"\x00\xff garbage",
    "empty": lambda good: b"",
    "not a career": lambda good: b'{"game": "other", "kind": "career", "version": 1}',
    "a wrong value deep inside": lambda good: good.replace(b'"payout": 4500', b'"payout": "lots"'),
    "an unknown source": lambda good: good.replace(b'"source": "crew"', b'"source": "psychic"'),
    "a number that is not finite": lambda good: good.replace(b'"money": 12345', b'"money": NaN'),
    "nested too deep": lambda good: b"[" * 100_000 + b"]" * 100_000,
}


@pytest.mark.parametrize("kind", sorted(CORRUPTIONS))
def test_a_corrupt_save_is_moved_aside_and_the_backup_offered(tmp_path, kind):
    older, newer = new_career(seed=5), a_full_career()
    save_career(tmp_path, older)
    path = save_career(tmp_path, newer)
    path.write_bytes(CORRUPTIONS[kind](path.read_bytes()))
    loaded = load_career(tmp_path)
    assert loaded.status is LoadStatus.CORRUPT and loaded.career is None
    assert "\n" not in loaded.message and str(path) in loaded.message
    assert "career.json.corrupt-1" in loaded.message
    assert "the backup from night 1 is offered" in loaded.message
    assert loaded.backup == older
    assert not path.exists() and (tmp_path / "career.json.corrupt-1").is_file()
    restored = restore_backup(tmp_path)
    assert restored.status is LoadStatus.LOADED and restored.career == older


def test_a_corrupt_save_names_what_is_wrong(tmp_path):
    path = save_career(tmp_path, a_full_career())
    path.write_bytes(path.read_bytes().replace(b'"payout": 4500', b'"payout": "lots"'))
    message = load_career(tmp_path).message
    assert "career.jobs[0].result.payout: must be a whole number, not 'lots'" in message
    assert "there is no usable backup" in message


def test_a_folder_in_place_of_the_save_is_moved_aside_too(tmp_path):
    save_path(tmp_path).mkdir(parents=True)
    loaded = load_career(tmp_path)
    assert loaded.status is LoadStatus.CORRUPT and "not a regular file" in loaded.message
    assert (tmp_path / "career.json.corrupt-1").is_dir()


def test_a_newer_save_is_refused_in_one_line_and_left_alone(tmp_path):
    path = save_career(tmp_path, new_career())
    data = json.loads(path.read_text())
    data["version"] = SAVE_VERSION + 1
    data["career"]["a_field_from_the_future"] = 1
    text = json.dumps(data)
    path.write_text(text)
    loaded = load_career(tmp_path)
    assert loaded.status is LoadStatus.NEWER and loaded.career is None
    assert "newer version" in loaded.message and "\n" not in loaded.message
    assert path.read_text() == text and not (tmp_path / "career.json.corrupt-1").exists()


SAVES = Path(__file__).parent / "saves"


def test_a_save_of_the_previous_version_migrates(tmp_path):
    """career-v1.json was written by the game when saves were version 1 (one car)."""
    shutil.copy(SAVES / "career-v1.json", save_path(tmp_path))
    loaded = load_career(tmp_path)
    assert loaded.status is LoadStatus.MIGRATED and "version 1" in loaded.message
    career = loaded.career
    full = a_full_career()
    assert career.cars == (full.car,) and career.car == full.car  # his one car, in use
    # version 3 keeps the law's sentence for an arrest; version 1 knew only that it was one
    # and the results' fields since (the place reached, the stages, the window, the bag)
    # come as their defaults
    worded = tuple(replace(job, result=replace(
        job.result, busted="busted" if job.result.busted else "", place_reached_at=None,
        stages_entered=(), under_window=True, bag_usd=0, bag_note="",
        own_reason=False, identified=())) for job in full.jobs)
    # ...and no job of version 1 was a race, an audition or the Sting (newer fields)
    unscored = {"scorecard": (), "place": 0, "lap_times": (), "score": 0,
                "manoeuvres_passed": (), "scratches": 0, "sting": False,
                "caught_by_detective": False, "detective_outwitted": False}
    worded = tuple(replace(job, result=replace(job.result, **unscored)) for job in worded)
    # version 4 reads how it ended from its sentence (an arrest), and where he was last
    # is the apartment
    assert career.ending == "arrested" and career.whereabouts == "apartment"
    # ...nor did its file hold a witness's look (the Casino's witness entry is newer)
    older_file = tuple(e for e in full.file if not e.witness)
    assert replace(career, cars=full.cars, car_in_use=full.car_in_use) == \
        replace(full, jobs=worded, whereabouts="apartment", file=older_file)
    save_career(tmp_path, career)  # the next save is of this version...
    assert load_career(tmp_path).status is LoadStatus.LOADED
    backup = saves.backup_path(save_path(tmp_path))  # ...and the old file is the backup
    assert json.loads(backup.read_text())["version"] == 1


def test_a_broken_save_of_the_previous_version_is_corrupt_not_a_crash(tmp_path):
    data = json.loads((SAVES / "career-v1.json").read_text())
    del data["career"]["car"]
    save_path(tmp_path).write_text(json.dumps(data))
    loaded = load_career(tmp_path)
    assert loaded.status is LoadStatus.CORRUPT and "version 1" in loaded.message


def test_a_car_in_use_that_is_not_there_is_named(tmp_path):
    path = save_career(tmp_path, a_full_career())
    path.write_text(path.read_text().replace('"car_in_use": 1', '"car_in_use": 5'))
    assert "career.car_in_use: must be 0 to 1, not 5" in load_career(tmp_path).message


def test_no_save_is_missing_not_corrupt(tmp_path):
    loaded = load_career(tmp_path / "empty")
    assert loaded.status is LoadStatus.MISSING and loaded.career is None


def test_slots_live_in_the_data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path))
    assert slots() == [] and new_slot() == tmp_path / "careers" / "1"
    save_career(new_slot(), new_career(seed=1))
    assert new_slot() == tmp_path / "careers" / "2"
    save_career(new_slot(), new_career(seed=2))
    assert [load_career(s).career.seed for s in slots()] == [2, 1]  # last saved first


def test_temporaries_of_a_killed_save_are_removed_at_load(tmp_path):
    save_career(tmp_path, new_career())
    leftover = tmp_path / ".career.json.abc123.tmp"
    leftover.write_bytes(b"half a save")
    assert load_career(tmp_path).status is LoadStatus.LOADED
    assert not leftover.exists()


def test_a_save_moved_aside_still_offers_its_backup_later(tmp_path, monkeypatch):
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path))
    slot = new_slot()
    save_career(slot, new_career(seed=1))
    save_career(slot, new_career(seed=2))
    save_path(slot).write_bytes(b"torn")
    assert load_career(slot).status is LoadStatus.CORRUPT  # moved aside now
    again = load_career(slot)
    assert again.status is LoadStatus.MISSING and again.backup == new_career(seed=1)
    assert "backup from night 1 is offered" in again.message
    assert slots() == [slot]  # Continue still finds it
    assert restore_backup(slot).career == new_career(seed=1)
