"""The images a map draws with, checked without decoding them (no pygame here).

The renderer loads every tileset image and image-layer image of a map through pytmx and
pygame; this module makes sure, beforehand, that each one resolves inside the map's
allowed folders (:mod:`game.level.files`), is a regular file within the size limit, is a
PNG (its signature and header chunk read, nothing more) no bigger than
``MAX_IMAGE_SIDE_PX`` a side, and is at least as big as the tileset says, so pytmx can
cut every tile out of it.
"""

from __future__ import annotations

import os
import struct
import zlib
from collections.abc import Iterator
from pathlib import Path
from xml.etree import ElementTree

from game.level import limits
from game.level.files import read_bytes, resolve_inside
from game.level.tmxfile import MapFile
from game.problems import FileProblem

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
PNG_HEADER_BYTES = 33  #: signature, then the IHDR chunk: length, type, 13 bytes, CRC


def png_size(data: bytes) -> tuple[int, int] | None:
    """(width, height) from a PNG's header chunk, or None if it is not a sound PNG header."""
    if len(data) < PNG_HEADER_BYTES or not data.startswith(PNG_SIGNATURE):
        return None
    length, kind = struct.unpack(">I4s", data[8:16])
    body, crc = data[16:29], struct.unpack(">I", data[29:33])[0]
    if length != 13 or kind != b"IHDR" or zlib.crc32(kind + body) != crc:
        return None
    width, height = struct.unpack(">II", body[:8])
    return width, height


def image_problems(map_file: MapFile) -> Iterator[tuple[str, str]]:
    """(where, message) for every image of the map's tilesets and image layers that the
    renderer could not load safely."""
    for tileset in map_file.tilesets:
        name = tileset.root.get("name") or tileset.source
        base = tileset.path.parent if tileset.source else map_file.path.parent
        for image in tileset.root.iter("image"):
            yield from _check_image(map_file, base, image, f"tileset '{name}'")
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
        header = read_bytes(path, "image", limits.MAX_IMAGE_FILE_BYTES, PNG_HEADER_BYTES)
    except FileProblem as problem:
        yield where, f"image '{source}': {problem.problem.message}"
        return
    size = png_size(header)
    if size is None:
        yield where, f"image '{source}' is not a PNG file; tile images must be PNG"
        return
    width, height = size
    side = limits.MAX_IMAGE_SIDE_PX
    if not (0 < width <= side and 0 < height <= side):
        yield where, f"image '{source}' is {width:,} x {height:,} px; at most {side} px a side"
        return
    declared = (int(image.get("width", "0") or 0), int(image.get("height", "0") or 0))
    if width < declared[0] or height < declared[1]:
        yield (
            where,
            f"image '{source}' is {width} x {height} px, smaller than the "
            f"{declared[0]} x {declared[1]} px the tileset says; open it in Tiled and save it",
        )
