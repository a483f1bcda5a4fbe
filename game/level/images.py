"""The images a map draws with, checked without decoding them (no pygame here).

The renderer loads every tileset image and image-layer image of a map through pytmx and
pygame; this module makes sure, beforehand, that each one resolves inside the map's
allowed folders (:mod:`game.level.files`), is a regular file within the size limit, is a
PNG a decoder will read (:func:`read_png`: its chunks, header and image data checked,
the pixels inflated piece by piece, never decoded) no bigger than ``MAX_IMAGE_SIDE_PX``
a side, and is at least as big as the tileset says, so pytmx can cut every tile out of
it. What ``check`` passes, pygame loads.
"""

from __future__ import annotations

import os
import struct
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple
from xml.etree import ElementTree

import numpy as np

from game.level import limits
from game.level.files import read_bytes, resolve_inside
from game.level.tmxfile import MapFile
from game.problems import FileProblem

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
#: colour type -> (channels, the bit depths it allows), as the PNG standard lists them
PNG_COLOUR_TYPES = {0: (1, (1, 2, 4, 8, 16)), 2: (3, (8, 16)), 3: (1, (1, 2, 4, 8)),
                    4: (2, (8, 16)), 6: (4, (8, 16))}  # fmt: skip
PNG_CRITICAL = (b"IHDR", b"PLTE", b"IDAT", b"IEND")  #: the critical chunks a decoder knows
#: Adam7 interlacing: (first column, first row, column step, row step) of each pass
ADAM7 = ((0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2),
         (0, 1, 1, 2))  # fmt: skip
INFLATE_STEP = 1 << 20  #: image data is inflated (and forgotten) this many bytes at a time


class PngImage(NamedTuple):
    width: int
    height: int


def read_png(data: bytes) -> PngImage | str:
    """The image's size if ``data`` is a PNG a decoder will read; else why not.

    Everything is checked but the pixels' values: the signature, every chunk's length and
    CRC, the header's fields, the critical chunks' order, and the image data, inflated a
    piece at a time (never held whole), to exactly the size the header implies, with a
    valid filter type at the start of every row.
    """
    if not data.startswith(PNG_SIGNATURE):
        return "is not a PNG file; tile images must be PNG"
    chunks, at = [], len(PNG_SIGNATURE)
    while at < len(data):
        if at + 12 > len(data):
            return "is a PNG cut short (a chunk header runs past its end)"
        length, kind = struct.unpack(">I4s", data[at : at + 8])
        end = at + 12 + length
        if end > len(data):
            return "is a PNG cut short (a chunk runs past its end)"
        body = data[at + 8 : end - 4]
        if zlib.crc32(kind + body) != struct.unpack(">I", data[end - 4 : end])[0]:
            return f"is a damaged PNG (the CRC of a {kind.decode('latin-1')!r} chunk is wrong)"
        chunks.append((kind, body))
        at = end
        if kind == b"IEND":
            break
    kinds = [kind for kind, _ in chunks]
    if not kinds or kinds[0] != b"IHDR" or len(chunks[0][1]) != 13:
        return "is a damaged PNG (it does not start with a header chunk)"
    if kinds[-1] != b"IEND":
        return "is a PNG cut short (no end chunk)"
    if kinds.count(b"IHDR") > 1 or kinds.count(b"PLTE") > 1:
        return "is a damaged PNG (a header or palette chunk appears twice)"
    unknown = {k for k in kinds if k[:1].isupper() and k not in PNG_CRITICAL}
    if unknown:
        return f"is a PNG with a critical chunk no decoder knows ({sorted(unknown)[0]!r})"
    width, height, depth, colour, method, filtering, interlace = struct.unpack(
        ">IIBBBBB", chunks[0][1]
    )
    channels, depths = PNG_COLOUR_TYPES.get(colour, (0, ()))
    if depth not in depths or method or filtering or interlace not in (0, 1):
        return "is a PNG with an impossible header (colour type, bit depth or method)"
    side = limits.MAX_IMAGE_SIDE_PX
    if not (0 < width <= side and 0 < height <= side):
        return f"is {width:,} x {height:,} px; tile images are at most {side} px a side"
    if colour == 3 and b"PLTE" not in kinds:
        return "is a palette PNG without a palette"
    idat = [i for i, k in enumerate(kinds) if k == b"IDAT"]
    if not idat or idat != list(range(idat[0], idat[-1] + 1)):
        return "is a damaged PNG (its image data is missing or split up)"
    if b"PLTE" in kinds and kinds.index(b"PLTE") > idat[0]:
        return "is a damaged PNG (its palette comes after the image data)"
    rows = _png_rows(width, height, channels * depth, interlace)
    problem = _inflate_rows(b"".join(chunks[i][1] for i in idat), rows)
    return problem or PngImage(width, height)


def _png_rows(width: int, height: int, bits: int, interlace: int) -> list[tuple[int, int]]:
    """(row count, bytes per row with its filter byte) of each pass of the image data."""
    passes = ADAM7 if interlace else ((0, 0, 1, 1),)
    rows = []
    for col0, row0, col_step, row_step in passes:
        cols = -(-(width - col0) // col_step) if width > col0 else 0
        count = -(-(height - row0) // row_step) if height > row0 else 0
        if cols and count:
            rows.append((count, 1 + -(-(cols * bits) // 8)))
    return rows


def _inflate_rows(stream: bytes, rows: list[tuple[int, int]]) -> str | None:
    """Inflate the image data piece by piece; why it is not ``rows`` of filtered bytes."""
    starts = []  # offset of every row's filter byte, pass after pass
    offset = 0
    for count, stride in rows:
        starts.append(offset + stride * np.arange(count, dtype=np.int64))
        offset += count * stride
    filter_at = np.concatenate(starts)
    inflater = zlib.decompressobj()
    done = 0
    try:
        while True:
            piece = inflater.decompress(stream, INFLATE_STEP)
            stream = inflater.unconsumed_tail
            if done + len(piece) > offset:
                return "is a damaged PNG (more image data than its size needs)"
            inside = filter_at[(filter_at >= done) & (filter_at < done + len(piece))] - done
            if len(inside) and np.frombuffer(piece, np.uint8)[inside].max() > 4:
                return "is a damaged PNG (a row has an unknown filter type)"
            done += len(piece)
            if inflater.eof or not (piece or stream):
                break
    except zlib.error as error:
        return f"is a damaged PNG (its image data cannot be inflated: {error})"
    if done != offset or not inflater.eof:
        return "is a PNG cut short (less image data than its size needs)"
    return None


def image_problems(map_file: MapFile) -> Iterator[tuple[str, str]]:
    """(where, message) for every image of the map's tilesets and image layers that the
    renderer could not load safely."""
    for tileset in map_file.tilesets:
        name = tileset.root.get("name") or tileset.source
        for image in tileset.root.iter("image"):
            yield from _check_image(map_file, tileset.folder, image, f"tileset '{name}'")
    for layer in map_file.root.iter("imagelayer"):
        for image in layer.findall("image"):
            if image.get("source"):
                yield from _check_image(
                    map_file, map_file.path.parent, image, f"layer '{layer.get('name', '')}'"
                )


def _check_image(
    map_file: MapFile, base: Path, image: ElementTree.Element, where: str
) -> Iterator[tuple[str, str]]:
    source = image.get("source", "")
    try:
        path = resolve_inside(
            base, source, map_file.roots, map_file.path, where, f"image '{source}'"
        )
    except FileProblem as problem:
        yield where, problem.problem.message
        return
    if not os.path.lexists(path):  # a link (even a looping one) is read below
        yield where, f"image '{source}' not found (looked in {base})"
        return
    try:
        data = read_bytes(path, "image", limits.MAX_IMAGE_FILE_BYTES)
    except FileProblem as problem:
        yield where, f"image '{source}': {problem.problem.message}"
        return
    png = read_png(data)
    if isinstance(png, str):
        yield where, f"image '{source}' {png}"
        return
    declared = (int(image.get("width", "0") or 0), int(image.get("height", "0") or 0))
    if png.width < declared[0] or png.height < declared[1]:
        yield (
            where,
            f"image '{source}' is {png.width} x {png.height} px, smaller than the "
            f"{declared[0]} x {declared[1]} px the tileset says; open it in Tiled and save it",
        )
