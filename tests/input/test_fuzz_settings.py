"""Fuzzed settings files: whatever settings.json holds (a mutated JSON of the defaults, or
any bytes), loading gives usable settings and at most one message, never an exception,
within a time bound; and what it gives the game saves and loads again unchanged.

Example counts: see :mod:`tests.fuzz_examples` (``FMW_FUZZ_EXAMPLES`` for more).
"""

from __future__ import annotations

import json
import math
import tempfile
import time
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from game.input.player import key_codes
from game.input.settings import (
    DEFAULT_BINDINGS,
    SETTINGS_FILE,
    Settings,
    load_settings,
    save_settings,
    settings_to_dict,
)
from tests.fuzz_examples import ANSWER_WITHIN_S, fuzz_settings

DEFAULTS = settings_to_dict(Settings())

json_scalars = st.one_of(
    st.sampled_from([math.nan, math.inf, -math.inf, 1e308, -1, 0, 0.5, 1, 2, 10**30, 320,
                     10000, 10001, True, False, None]),
    st.integers(), st.floats(), st.text(max_size=12),
    st.sampled_from(["up", "w", "space", "left shift", "upp", "", "keypad 5", "\x00"]),
)
json_values = st.recursive(
    json_scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner,
                                                                max_size=3),
    max_leaves=8,
)


@st.composite
def mutated_settings(draw) -> object:
    """The defaults as JSON with keys dropped, added or given odd values, bindings too."""
    data = json.loads(json.dumps(DEFAULTS))
    for _ in range(draw(st.integers(1, 4))):
        where = draw(st.sampled_from(["top", "bindings", "binding"]))
        if not isinstance(data.get("bindings"), dict):
            where = "top"
        table = data if where == "top" else data["bindings"]
        keys = sorted(DEFAULTS if where == "top" else DEFAULT_BINDINGS)
        key = draw(st.sampled_from(keys) | st.text(max_size=8))
        change = draw(st.sampled_from(["replace", "delete"]))
        if where == "binding" and key in table:
            names = st.lists(json_scalars, max_size=3)
            table[key] = draw(st.one_of(  # the shape of now, half of it, or the first shape
                st.fixed_dictionaries({"keys": names, "pad": names}),
                st.fixed_dictionaries({"keys": names}), st.fixed_dictionaries({"pad": names}),
                names))
        elif change == "delete":
            table.pop(key, None)
        else:
            table[key] = draw(json_values)
    return draw(st.sampled_from([data, data, [data], data.get("bindings")]))


def load_from(content: bytes) -> tuple[Settings, str | None]:
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / SETTINGS_FILE).write_bytes(content)
        start = time.perf_counter()
        loaded = load_settings(Path(folder))
        assert time.perf_counter() - start < ANSWER_WITHIN_S
        settings, message = loaded
        assert message is None or (isinstance(message, str) and "\n" not in message)
        # what the game got is usable: every key binds, and it saves and loads back as is
        assert key_codes(settings.bindings).unknown == {}
        assert 0 <= settings.volume <= 1 and 0 <= settings.pad_dead_zone < 1
        save_settings(settings, Path(folder))
        assert load_settings(Path(folder)) == (settings, None)
        return loaded


@fuzz_settings(60)
@given(mutated_settings())
def test_mutated_settings_give_usable_settings(data):
    content = json.dumps(data, allow_nan=True).encode("utf-8")
    settings, message = load_from(content)
    if message is None:  # a clean load: exactly what the file said, over the defaults
        assert isinstance(data, dict)
        assert settings_to_dict(settings) == {**DEFAULTS, **data, "version": 2,
                                              "bindings": expected_bindings(data)}


def expected_bindings(data: dict) -> dict:
    """The bindings a clean load of ``data`` must give: each action's entry over its
    default; a file without a version has the first shape (a list of keys, the first two
    kept, the pad's defaults)."""
    merged = {action: dict(entry) for action, entry in DEFAULTS["bindings"].items()}
    for action, entry in data.get("bindings", {}).items():
        if "version" not in data:
            merged[action]["keys"] = entry[:2]
        else:
            merged[action].update(entry)
    return merged


@fuzz_settings(60)
@given(st.one_of(
    st.binary(max_size=200),
    st.builds(lambda cut, extra: json.dumps(DEFAULTS).encode()[:cut] + extra,
              st.integers(0, 400), st.binary(max_size=6)),
))
def test_any_bytes_give_usable_settings(content):
    load_from(content)
