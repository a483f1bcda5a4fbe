"""Tile layer data -> numpy arrays of Tiled gids, decoded without pytmx.

pytmx decodes tile data with one Python call per tile (about a quarter of a second for
downtown's four 256 x 256 layers); numpy reads the same CSV or base64 text in a few
milliseconds. pytmx still reads everything else (tilesets, tile properties, objects).
"""

from __future__ import annotations

import base64
import binascii
import re
import warnings
import zlib
from pathlib import Path
from typing import NamedTuple
from xml.etree import ElementTree

import numpy as np

from game.problems import FileProblem

GID_FLAGS = 0xF0000000  #: flip and rotation bits of a Tiled gid (they do not change the tile)
CSV_CHARACTERS = b"0123456789, \t\r\n"  #: all that CSV tile data may contain
#: zlib's window-bits for each compression Tiled writes
WINDOW_BITS = {"zlib": zlib.MAX_WBITS, "gzip": 16 + zlib.MAX_WBITS}


class TileLayer(NamedTuple):
    name: str
    gids: np.ndarray  #: (rows, cols) uint32 Tiled gids without flip bits; 0 = no tile


def _decode_csv(path: Path, where: str, text: str) -> np.ndarray:
    """CSV cells -> gids. numpy parses; what it would misread (a sign, a trailing comma)
    or refuse is found first, and a bad cell is named by its position."""
    try:
        plain = not text.encode("ascii").translate(None, CSV_CHARACTERS)
    except UnicodeError:
        plain = False
    gids = None
    if plain and not text.endswith(","):
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # numpy 1.x warns where numpy 2 raises
            try:
                gids = np.fromstring(text, dtype=np.int64, sep=",")
            except (ValueError, DeprecationWarning):
                gids = None
    if gids is None:
        number, cell = csv_fault(text.encode("utf-8", "replace"))
        raise FileProblem(
            path,
            where,
            f"CSV tile data holds '{cell or 'an empty cell'}' at cell {number:,}; "
            "every cell must be a tile number",
        )
    if gids.size and int(gids.max()) > 0xFFFFFFFF:
        raise FileProblem(path, where, "CSV tile data holds a number beyond 32 bits")
    return gids.astype(np.uint32)


BAD_CSV_BYTE = re.compile(rb"[^0-9, \t\r\n]")  #: not a digit, comma or space
PARTED_DIGITS = re.compile(rb"[0-9][ \t\r\n]+(?=[0-9])")  #: "1 2": pytmx's int() refuses it


def csv_fault(raw: bytes) -> tuple[int, str]:
    """(number, text) of the first cell of CSV tile data that pytmx could not read: one
    with a byte that is not a digit, comma or space, digits parted by space, or nothing
    in it. Found with whole-buffer searches, so a 50 MB layer takes a second, not more."""
    faults = []
    for pattern in (BAD_CSV_BYTE, PARTED_DIGITS):
        found = pattern.search(raw)
        if found:
            at = found.end() if pattern is PARTED_DIGITS else found.start()
            start = raw.rfind(b",", 0, at) + 1
            end = raw.find(b",", at)
            cell = raw[start : end if end >= 0 else len(raw)].strip()[:20]
            faults.append((raw.count(b",", 0, start) + 1, cell.decode("utf-8", "replace")))
    compact = raw.translate(None, b" \t\r\n")
    pair = compact.find(b",,")
    if compact.startswith(b",") or not compact:
        faults.append((1, ""))
    elif pair >= 0:
        faults.append((compact.count(b",", 0, pair + 1) + 1, ""))
    elif compact.endswith(b","):
        faults.append((compact.count(b",") + 1, ""))
    return min(faults, default=(0, ""))


def _decode(path: Path, where: str, data: ElementTree.Element, cells: int) -> np.ndarray:
    """The layer's gids, flat; never more than ``cells`` of them are decompressed."""
    encoding = data.get("encoding")
    text = (data.text or "").strip()
    if encoding == "csv":
        return _decode_csv(path, where, text)
    if encoding != "base64":
        raise FileProblem(path, where, "tile data must be CSV (or base64) encoded")
    compression = data.get("compression")
    if compression and compression not in WINDOW_BITS:
        raise FileProblem(path, where, f"{compression} compression is not supported")
    wanted = cells * 4
    try:
        raw = base64.b64decode(text)
        if compression:
            inflater = zlib.decompressobj(WINDOW_BITS[compression])
            compressed = raw
            raw = inflater.decompress(compressed, wanted + 1)
            if len(raw) > wanted or not inflater.eof or inflater.unused_data:
                raise FileProblem(
                    path, where, f"tile data does not decompress to exactly {cells:,} tiles"
                )
    except (ValueError, binascii.Error, zlib.error) as error:
        raise FileProblem(path, where, f"tile data cannot be decoded: {error}") from None
    if len(raw) != wanted:
        return np.zeros(len(raw) // 4, dtype=np.uint32)  # the caller reports the count
    return np.frombuffer(raw, dtype="<u4").astype(np.uint32)


def tile_layers(path: Path, root: ElementTree.Element, cols: int, rows: int) -> list[TileLayer]:
    """Every tile layer, bottom to top (document order, group layers included)."""
    layers = []
    for node in root.iter("layer"):
        name = node.get("name", "")
        where = f"layer '{name}'"
        data = node.find("data")
        if data is None:
            raise FileProblem(path, where, "tile layer has no <data>")
        if data.find("chunk") is not None:
            raise FileProblem(path, where, "layer is stored in chunks (infinite map)")
        gids = _decode(path, where, data, rows * cols)
        if gids.size != rows * cols:
            raise FileProblem(
                path, where, f"holds {gids.size} tiles; a {cols} x {rows} map needs {rows * cols}"
            )
        layers.append(TileLayer(name, (gids & ~np.uint32(GID_FLAGS)).reshape(rows, cols)))
    return layers


def without_tile_layers(node: ElementTree.Element) -> ElementTree.Element:
    """A shallow copy of the map tree without its tile layers (pytmx need not decode them)."""
    copy = ElementTree.Element(node.tag, node.attrib)
    copy.text = node.text
    for child in node:
        if child.tag == "layer":
            continue
        copy.append(without_tile_layers(child) if child.tag == "group" else child)
    return copy
