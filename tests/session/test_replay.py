"""Recording files: whatever their bytes, a damaged, foreign or other-version recording is
one FileProblem naming the file; a good one round-trips every field."""

import io
import json
import zipfile
from dataclasses import asdict

import numpy as np
import pytest

from game.problems import FileProblem
from game.session.replay import FORMAT, FREE_DRIVE, Recording, Source, load_recording
from game.sim.controls import CHANGE_CAR, N_CONTROLS

SOURCE = Source(kind=FREE_DRIVE, map="downtown", map_sha256="ab" * 32, seed=7, spawn="free_drive")


def recording(ticks: int = 120) -> Recording:
    rng = np.random.default_rng(1)
    controls = rng.random((ticks, N_CONTROLS))
    checks = rng.integers(0, 2**32, ticks).astype(np.uint32)
    hashes = [f"{n:064x}" for n in range(ticks // 60)]
    return Recording(SOURCE, controls, checks, hashes)


def write_npz(path, **arrays) -> None:
    buffer = io.BytesIO()
    np.savez(buffer, **arrays)
    path.write_bytes(buffer.getvalue())


def meta(**changes) -> np.ndarray:
    data = {"format": FORMAT, "source": asdict(SOURCE), "ticks": 120}
    data.update(changes)
    return np.array(json.dumps(data))


def test_a_recording_round_trips(tmp_path):
    original = recording()
    original.save(tmp_path / "r.npz")
    loaded = load_recording(tmp_path / "r.npz")
    assert loaded.source == SOURCE and loaded.hashes == original.hashes
    assert np.array_equal(loaded.controls, original.controls)
    assert np.array_equal(loaded.checks, original.checks)


def problem(path) -> str:
    with pytest.raises(FileProblem) as caught:
        load_recording(path)
    text = str(caught.value)
    assert str(path) in text and "\n" not in text and "pickle" not in text
    return text


def test_damaged_and_foreign_files_are_one_problem_each(tmp_path):
    (tmp_path / "bytes.npz").write_bytes(np.random.default_rng(0).bytes(4000))
    assert "not a Five Minute Window recording" in problem(tmp_path / "bytes.npz")
    (tmp_path / "empty.npz").write_bytes(b"")
    problem(tmp_path / "empty.npz")
    write_npz(tmp_path / "nothing.npz")
    assert "no checks, controls, hashes, meta" in problem(tmp_path / "nothing.npz")
    with zipfile.ZipFile(tmp_path / "zip.npz", "w") as archive:
        archive.writestr("meta.npy", b"garbage")
    problem(tmp_path / "zip.npz")
    (tmp_path / "folder.npz").mkdir()
    assert "not a file" in problem(tmp_path / "folder.npz")
    assert "no such recording" in problem(tmp_path / "missing.npz")
    objects = tmp_path / "objects.npz"  # an object array would need pickle: refused
    write_npz(objects, meta=meta(), controls=np.array([object()], dtype=object),
              checks=np.zeros(0), hashes=np.zeros(0))
    problem(objects)


@pytest.mark.parametrize("change, where", [
    ({"format": 1}, "format 1 is not this game's"),
    ({"format": "two"}, "is not this game's"),
    ({"source": {**asdict(SOURCE), "seed": -1}}, "bad seed -1"),
    ({"source": {**asdict(SOURCE), "seed": "zero"}}, "bad seed 'zero'"),
    ({"source": {**asdict(SOURCE), "kind": "movie"}}, "unknown kind"),
    ({"source": {"map": "downtown"}}, "does not say what was driven"),
])
def test_bad_meta_is_named(tmp_path, change, where):
    good = recording()
    path = tmp_path / "bad.npz"
    write_npz(path, meta=meta(**change), controls=good.controls, checks=good.checks,
              hashes=np.array(good.hashes, dtype="U64"))
    assert where in problem(path)


def test_controls_and_checks_must_fit_together(tmp_path):
    good = recording()
    hashes = np.array(good.hashes, dtype="U64")
    nan = good.controls.copy()
    nan[5, 2] = np.nan
    for name, controls, checks in (("narrow", good.controls[:, :4], good.checks),
                                   ("nan", nan, good.checks),
                                   ("short", good.controls, good.checks[:-1])):
        path = tmp_path / f"{name}.npz"
        write_npz(path, meta=meta(), controls=controls, checks=checks, hashes=hashes)
        problem(path)


def test_a_replays_rules_show_everything_the_drives_rules_do():
    """The replay adds its time left and its end to the inner rules' view, field by
    field as they are (a free drive replayed in the window once lost the newer fields)."""
    from types import SimpleNamespace

    from game.session.replay import ReplayRules
    from game.session.view import CrewView, RulesView

    crew = (CrewView("Blanche", "out", (1.0, 2.0), walking=True),)
    inner_view = RulesView("23:14", "Drive.", (1.0, 2.0), "Hill St", True, None, crew,
                           notes=("x",))
    inner = SimpleNamespace(view=lambda session: inner_view)
    session = SimpleNamespace(world=SimpleNamespace(tick=30), dt=1 / 60)
    shown = ReplayRules(inner, ticks=90).view(session)
    assert (shown.waypoint_label, shown.waypoint_here, shown.crew) == ("Hill St", True, crew)
    assert shown.notes == ("x", "REPLAY   1.0 s left") and not shown.finished
    session.world.tick = 90
    assert ReplayRules(inner, ticks=90).view(session).finished


def test_a_recording_from_before_the_car_change_plays_with_the_column_at_zero(tmp_path):
    old = recording()
    old = Recording(old.source, old.controls[:, :CHANGE_CAR], old.checks, old.hashes)
    old.save(tmp_path / "old.npz")
    loaded = load_recording(tmp_path / "old.npz")
    assert loaded.controls.shape == (120, N_CONTROLS)
    assert np.array_equal(loaded.controls[:, :CHANGE_CAR], old.controls)
    assert not loaded.controls[:, CHANGE_CAR].any()  # he never asked to change cars
