"""Property tests: mutated shipped maps get an answer, never an exception, and what passes
runs.

Each example takes a shipped map (or the tests' crossroads) and breaks it: its bytes
(flipped, cut, repeated, inserted), its XML (elements dropped, duplicated, moved,
attributes dropped, shuffled or set to nan, inf, huge, negative, non-numeric values) or
its numbers (positions, sizes, headings, lanes, speed limits, cycles). Then:

- ``check_map`` returns a list of one-line problems and ``load_level`` either refuses
  with a FileProblem whose line is check's first, or, when check found nothing, loads;
  nothing else is ever raised, and both answer within a few seconds;
- a map that loads has its tiles loaded by the renderer (pytmx and pygame, reading the
  files again), and runs 300 ticks of free drive headless with no exception and no NaN
  or infinity in the world's arrays (a map without a player spawn is refused by free
  drive itself, with a notice, so it is not driven).

A fixed, small number of examples runs by default, the same every run; set
``FMW_FUZZ_EXAMPLES=N`` for N random examples per test.
"""

from __future__ import annotations

import copy
import io
import os
import random
import struct
import time
import zlib
from pathlib import Path
from xml.etree import ElementTree

import numpy as np
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from game.level import load_level
from game.level.files import LEVELS_DIR
from game.level.images import read_png
from game.level.validate import check_map
from game.problems import FileProblem, Problem
from game.session.drive import free_drive_session, free_drive_spawn
from tests.level.conftest import SHIPPED_MAPS
from tests.level.tmxgen import crossroads, write_tileset

TICKS = 300  #: free drive ticks a passing map must run (5 s of game time)
ANSWER_S = 20.0  #: generous: a map is answered in well under a second on a quiet machine
RANDOM = "FMW_FUZZ_EXAMPLES" in os.environ


def fuzz(default_examples: int):
    """Hypothesis settings: ``default_examples`` derandomized, or FMW_FUZZ_EXAMPLES random."""
    return settings(
        max_examples=int(os.environ.get("FMW_FUZZ_EXAMPLES", default_examples)),
        derandomize=not RANDOM,
        database=None if not RANDOM else settings.default.database,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    )


@pytest.fixture(scope="module")
def workshop(tmp_path_factory) -> Path:
    """Where mutants are written: a folder with the crossroads' tileset in it."""
    folder = tmp_path_factory.mktemp("mutants")
    write_tileset(folder)
    return folder


@pytest.fixture(scope="module")
def sources(workshop) -> dict[str, bytes]:
    """The maps to break, as bytes, their tilesets named by absolute path (so a mutant
    written anywhere still finds them, inside the shipped levels/ folder)."""
    found = {}
    tilesets = f'source="{LEVELS_DIR / "tilesets"}/'
    for path in SHIPPED_MAPS:
        found[path.stem] = path.read_text().replace('source="../tilesets/', tilesets).encode()
    found["crossroads"] = crossroads().write(workshop / "crossroads.tmx").read_bytes()
    return found


def answer(path: Path):
    """check_map's problems and load_level's answer agree; returns the Level or None."""
    started = time.monotonic()
    problems = check_map(path)
    assert isinstance(problems, list)
    assert all(isinstance(p, Problem) and "\n" not in str(p) for p in problems)
    try:
        level = load_level(path)
    except FileProblem as refusal:
        assert problems, f"load_level refused what check passed: {refusal}"
        assert str(refusal).startswith(str(problems[0]))
        level = None
    else:
        assert problems == [], "load_level loaded what check refused:\n" + "\n".join(
            map(str, problems)
        )
    assert time.monotonic() - started < ANSWER_S
    return level


def drive(level) -> str:
    """The renderer loads the map's tiles, then 300 ticks of free drive run, as ``play
    --map`` would start them; no NaN anywhere. Returns what happened, for hypothesis's
    statistics."""
    if level is None:
        return "refused"
    draw(level)
    if free_drive_spawn(level) is None:
        return "loads; no player spawn, so free drive refuses it"
    session = free_drive_session(level, seed=0)
    for _ in range(TICKS):
        session.tick()
    for name, values in vars(session.world).items():
        if isinstance(values, np.ndarray) and values.dtype.kind == "f":
            assert np.isfinite(values).all(), f"world.{name} is not finite"
    return "loads and drives"


def draw(level) -> None:
    """The renderer's tile loading (pytmx and pygame, reading the files again) succeeds."""
    import pygame

    from game.render.chunks import TileLayers

    if pygame.display.get_surface() is None:
        pygame.display.init()
        pygame.display.set_mode((8, 8))
    tiles = TileLayers(level.path)  # a FileProblem here would break the contract too
    assert (tiles.cols, tiles.rows) == (level.cols, level.rows)


def write(workshop: Path, name: str, data: bytes) -> Path:
    path = workshop / f"{name}.tmx"  # the map's own name: its required names still apply
    path.write_bytes(data)
    return path


# -- bytes ------------------------------------------------------------------------------

BYTE_EDITS = st.lists(
    st.tuples(
        st.sampled_from(["flip", "delete", "insert", "repeat", "truncate"]),
        st.floats(0, 1),
        st.integers(1, 200),
        st.binary(min_size=1, max_size=12),
    ),
    min_size=1,
    max_size=4,
)


def edit_bytes(data: bytes, edits) -> bytes:
    out = bytearray(data)
    for kind, where, length, blob in edits:
        at = int(where * max(len(out) - 1, 0))
        if kind == "flip":
            out[at : at + len(blob)] = blob
        elif kind == "delete":
            del out[at : at + length]
        elif kind == "insert":
            out[at:at] = blob
        elif kind == "repeat":
            out[at:at] = out[at : at + length] * 2
        else:
            del out[at:]
    return bytes(out)


@fuzz(40)
@given(
    name=st.sampled_from(["garage", "speedway", "pch", "downtown", "crossroads"]), edits=BYTE_EDITS
)
def test_mutated_bytes_get_an_answer(sources, workshop, name, edits):
    event(drive(answer(write(workshop, name, edit_bytes(sources[name], edits)))))


# -- XML structure ------------------------------------------------------------------

ODD_VALUES = st.one_of(
    st.sampled_from(
        ["nan", "inf", "-inf", "1e308", "-1e308", "1e300", "-1", "0", "-0", "", " ", "abc",
         "1.5", "2.5e-320", "99999999999999999999", "0x10", "1_000", "١٢", "true", "../x"]
    ),
    st.integers(-(10**12), 10**12).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
)  # fmt: skip


def mutate_tree(data: bytes, ops, values) -> bytes:
    root = ElementTree.fromstring(data)
    for op, pick, other in ops:
        elements = [(parent, child) for parent in root.iter() for child in parent]
        if not elements:
            break
        parent, node = elements[int(pick * (len(elements) - 1))]
        names = sorted(node.attrib)
        if op == "drop":
            parent.remove(node)
        elif op == "duplicate":
            parent.insert(list(parent).index(node) + 1, copy.deepcopy(node))
        elif op == "move":
            target = elements[int(other * (len(elements) - 1))][1]
            if target is not node and node not in list(target.iter()):
                parent.remove(node)
                target.append(node)
        elif op == "swap" and len(parent) > 1:
            siblings = list(parent)
            i, j = siblings.index(node), int(other * (len(siblings) - 1))
            siblings[i], siblings[j] = siblings[j], siblings[i]
            parent[:] = siblings
        elif op == "drop_attribute" and names:
            del node.attrib[names[int(other * (len(names) - 1))]]
        elif op == "shuffle_attributes" and names:
            items = list(node.attrib.items())
            random.Random(other).shuffle(items)
            node.attrib.clear()
            node.attrib.update(items)
        elif op == "set_attribute" and names:
            node.set(names[int(other * (len(names) - 1))], values.pop() if values else "nan")
    return ElementTree.tostring(root, encoding="utf-8", xml_declaration=True)


XML_OPS = st.lists(
    st.tuples(
        st.sampled_from(
            ["drop", "duplicate", "move", "swap", "drop_attribute", "shuffle_attributes",
             "set_attribute", "set_attribute"]
        ),
        st.floats(0, 1),
        st.floats(0, 1),
    ),
    min_size=1,
    max_size=5,
)  # fmt: skip


@fuzz(20)
@given(
    name=st.sampled_from(["garage", "speedway", "pch", "downtown", "crossroads"]),
    ops=XML_OPS,
    values=st.lists(ODD_VALUES, max_size=5),
)
def test_mutated_xml_gets_an_answer(sources, workshop, name, ops, values):
    event(drive(answer(write(workshop, name, mutate_tree(sources[name], ops, list(values))))))


# -- numbers ----------------------------------------------------------------------------

NUMBER_PROPERTIES = ("lanes", "speed_limit_kmh", "heading_deg", "cycle_s")
NUMBERS = st.one_of(
    st.floats(-500, 500),
    st.integers(-10, 10),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([0, 1, 6, 7, 50, 100000, 1e308, -1e308, 1e300, float("nan")]),
)


def mutate_numbers(data: bytes, changes) -> bytes:
    """Set object positions, sizes and rotations, and the numeric gameplay properties,
    to the drawn numbers (``(which, number)``: which picks the target)."""
    root = ElementTree.fromstring(data)
    targets = [
        (o, a) for o in root.iter("object") for a in ("x", "y", "width", "height", "rotation")
    ]
    targets += [(p, "value") for p in root.iter("property") if p.get("name") in NUMBER_PROPERTIES]
    for which, number in changes:
        node, attribute = targets[int(which * (len(targets) - 1))]
        # positions are nudged by metres' worth of pixels; wild values are set as they are
        scale = 8.0 if attribute != "value" and abs(number) <= 500 else 1.0
        old = float(node.get(attribute, "0") or 0)
        value = old + number * scale if abs(number) <= 500 and attribute != "value" else number
        if attribute == "value" and node.get("type") == "int" and float(value).is_integer():
            value = int(value)
        node.set(attribute, repr(value) if isinstance(value, float) else str(value))
    return ElementTree.tostring(root, encoding="utf-8", xml_declaration=True)


@fuzz(12)
@given(
    name=st.sampled_from(["garage", "speedway", "pch", "downtown", "crossroads"]),
    changes=st.lists(st.tuples(st.floats(0, 1), NUMBERS), min_size=1, max_size=4),
)
def test_mutated_numbers_get_an_answer_and_what_passes_drives(sources, workshop, name, changes):
    event(drive(answer(write(workshop, name, mutate_numbers(sources[name], changes)))))


def test_the_unmutated_sources_drive(sources, workshop):
    """The fuzzers' starting points pass and drive, so mutants test something."""
    for name, data in sources.items():
        level = answer(write(workshop, name, data))
        assert level is not None, name
        drive(level)


# -- images ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def pngs() -> list[bytes]:
    return [
        path.read_bytes() for path in sorted((LEVELS_DIR.parent / "assets" / "tiles").glob("*.png"))
    ]


def png_chunks(data: bytes) -> list[list]:
    chunks, at = [], 8
    while at + 8 <= len(data):
        length, kind = struct.unpack(">I4s", data[at : at + 8])
        chunks.append([kind, bytearray(data[at + 8 : at + 8 + length])])
        at += 12 + length
    return chunks


def png_bytes(chunks: list[list]) -> bytes:
    """The chunks with correct lengths and CRCs, so a decoder looks past them."""
    out = bytearray(b"\x89PNG\r\n\x1a\n")
    for kind, body in chunks:
        out += struct.pack(">I", len(body)) + kind + body
        out += struct.pack(">I", zlib.crc32(kind + bytes(body)))
    return bytes(out)


PNG_OPS = st.lists(
    st.tuples(
        st.sampled_from(["body", "pixels", "drop", "duplicate", "header", "bytes"]),
        st.floats(0, 1),
        st.integers(0, 255),
    ),
    min_size=1,
    max_size=3,
)


def mutate_png(data: bytes, ops) -> bytes:
    """Break a PNG where a decoder looks: chunk bodies (CRCs kept right), the inflated
    pixel rows, the chunk list, the header's fields, or raw bytes."""
    chunks = png_chunks(data)
    for op, where, value in ops:
        chunk = chunks[int(where * (len(chunks) - 1))] if chunks else None
        if op == "body" and chunk and chunk[1]:
            chunk[1][int(where * (len(chunk[1]) - 1))] = value
        elif op == "pixels":
            idat = [c for c in chunks if c[0] == b"IDAT"]
            try:
                rows = bytearray(zlib.decompress(b"".join(bytes(c[1]) for c in idat)))
            except zlib.error:  # an earlier edit broke it already
                rows = None
            if rows:
                rows[int(where * (len(rows) - 1))] = value
                cut = rows[: int(len(rows) * (0.9 + where / 10))] if value % 3 == 0 else rows
                first = chunks.index(idat[0])
                chunks = [c for c in chunks if c[0] != b"IDAT"]
                chunks.insert(first, [b"IDAT", bytearray(zlib.compress(bytes(cut)))])
        elif op == "drop" and chunk:
            chunks.remove(chunk)
        elif op == "duplicate" and chunk:
            chunks.insert(int(value / 256 * len(chunks)), [chunk[0], bytearray(chunk[1])])
        elif op == "header" and chunks and len(chunks[0][1]) == 13:
            chunks[0][1][8 + value % 5] = value % 17
    image = bytearray(png_bytes(chunks))
    for op, where, value in ops:
        if op == "bytes":
            image[int(where * (len(image) - 1))] = value
    return bytes(image)


@fuzz(150)
@given(which=st.integers(0, 4), ops=PNG_OPS)
def test_a_png_that_passes_loads_in_pygame(pngs, which, ops):
    """Whatever read_png accepts, pygame decodes (it may refuse more than pygame does)."""
    import pygame

    image = mutate_png(pngs[which % len(pngs)], ops)
    if isinstance(read_png(image), str):
        event("refused")
        return
    event("accepted")
    pygame.image.load(io.BytesIO(image), "tile.png")  # must not raise
