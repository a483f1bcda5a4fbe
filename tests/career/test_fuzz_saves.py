"""Whatever a save file holds, loading it answers: the career, or one line naming what is
wrong (the file moved aside, never deleted); never a traceback. The fuzzer breaks a good
save at random: a value anywhere replaced by any JSON value, or the bytes cut or flipped."""

import json

from hypothesis import given
from hypothesis import strategies as st

from game.career.saves import LoadStatus, load_career, save_bytes, save_path
from tests.career.helpers import a_full_career
from tests.fuzz_examples import fuzz_settings

GOOD = save_bytes(a_full_career())
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner,
                                                                max_size=4),
    max_leaves=12,
)


def paths(value, path=()):
    """Every path (keys and indices) into a JSON value."""
    yield path
    if isinstance(value, dict):
        for key, item in value.items():
            yield from paths(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from paths(item, (*path, index))


ALL_PATHS = [p for p in paths(json.loads(GOOD)) if p]


def replaced(path, new):
    data = json.loads(GOOD)
    holder = data
    for step in path[:-1]:
        holder = holder[step]
    holder[path[-1]] = new
    return json.dumps(data).encode()


def answers(tmp_path, data: bytes) -> None:
    slot = tmp_path / "slot"
    slot.mkdir(exist_ok=True)
    for leftover in slot.iterdir():
        leftover.unlink()
    save_path(slot).write_bytes(data)
    loaded = load_career(slot)
    assert loaded.status in (LoadStatus.LOADED, LoadStatus.CORRUPT, LoadStatus.NEWER)
    if loaded.status is LoadStatus.LOADED:
        assert loaded.career is not None
    else:
        assert loaded.career is None and "\n" not in loaded.message
        assert len(loaded.message) < 600
    if loaded.status is LoadStatus.CORRUPT:
        assert not save_path(slot).exists() and (slot / "career.json.corrupt-1").exists()


@fuzz_settings(40)
@given(path=st.sampled_from(ALL_PATHS), new=JSON_VALUES)
def test_any_value_anywhere_is_loaded_or_named(tmp_path_factory, path, new):
    answers(tmp_path_factory.mktemp("v"), replaced(path, new))


@fuzz_settings(40)
@given(cut=st.integers(0, len(GOOD)), flips=st.lists(st.tuples(st.integers(0, len(GOOD) - 1),
                                                                st.integers(0, 255)), max_size=4))
def test_cut_or_flipped_bytes_are_loaded_or_named(tmp_path_factory, cut, flips):
    data = bytearray(GOOD[:cut])
    for where, byte in flips:
        if where < len(data):
            data[where] = byte
    answers(tmp_path_factory.mktemp("b"), bytes(data))
