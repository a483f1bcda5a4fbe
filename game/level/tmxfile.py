"""Open a ``.tmx`` safely: our own checks first, then pytmx, every failure a FileProblem.

pytmx (3.32) answers bad input with bare exceptions (a ``KeyError`` for class-typed
properties, an ``Exception()`` with no text for infinite maps, XML parse errors), opens
whatever path a tileset names, and allocates whatever size a file declares. So the map
is read here within the limits of :mod:`game.level.limits` (:mod:`game.level.files`: its
bytes, its XML), its header and its shape (:mod:`game.level.structure`) are checked, its
tilesets are read from inside the allowed folders only, and only then does pytmx read the
already-parsed tree, with the tilesets built in (so it opens no file itself), headless
(no images). Tile layer data is decoded by :mod:`game.level.layers` with numpy instead
(pytmx is slow at it).
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from xml.etree import ElementTree

from game.level import limits
from game.level.files import SHIPPED_ROOTS, allowed_roots, read_xml, resolve_inside
from game.level.layers import TileLayer, tile_layers, without_tile_layers
from game.level.schema import TILE_SIZE_PX
from game.level.structure import check_structure, object_where
from game.problems import FileProblem

__all__ = ["MapFile", "TilesetFile", "import_pytmx", "object_where", "open_map"]


def import_pytmx() -> ModuleType:
    """Import pytmx without letting it import pygame (it only wants it for type hints).

    game.level must stay pygame-free so headless tools start fast; if the game has
    already imported pygame, pytmx is welcome to see it.
    """
    if "pytmx" in sys.modules:
        return sys.modules["pytmx"]
    logging.getLogger("pytmx").addHandler(logging.NullHandler())  # no stray log lines
    hide_pygame = "pygame" not in sys.modules
    if hide_pygame:
        sys.modules["pygame"] = None  # type: ignore[assignment]  # makes `import pygame` fail
    try:
        import pytmx
    finally:
        if hide_pygame:
            del sys.modules["pygame"]
    if hide_pygame and not hasattr(pytmx, "load_pygame"):
        # the renderer calls pytmx.load_pygame later, once pygame is there: look it up then
        pytmx.__getattr__ = _late_pygame_loader
    return pytmx


def _late_pygame_loader(name: str):
    if name == "load_pygame":
        from pytmx.util_pygame import load_pygame

        return load_pygame
    raise AttributeError(f"module 'pytmx' has no attribute {name!r}")


@dataclass
class TilesetFile:
    """A tileset as the map uses it."""

    source: str  #: as written in the map; "" for a tileset embedded in the map
    path: Path  #: the .tsx file (the map itself for an embedded tileset)
    root: ElementTree.Element  #: the parsed <tileset>
    firstgid: int  #: the map's gid of the tileset's tile 0
    extent: int  #: gids it covers: firstgid .. firstgid + extent - 1
    #: the folder its images are relative to, as pytmx and Tiled see it: the map's folder
    #: joined with the source's, links not followed (a linked .tsx keeps the link's folder)
    folder: Path


@dataclass
class MapFile:
    """A parsed map: the XML tree (for checks pytmx cannot do) and pytmx's view of it."""

    path: Path
    root: ElementTree.Element
    tilesets: list[TilesetFile]
    tile_layers: list[TileLayer]  #: decoded here; pytmx's ``tmx.layers`` has no tile layers
    tmx: object  #: pytmx.TiledMap: tilesets, tile properties, object layers, map properties
    roots: tuple[Path, ...]  #: the real folders its files may come from (its own included)
    size: tuple[int, int]  #: (cols, rows) in tiles


def _int_attr(path: Path, node: ElementTree.Element, name: str, where: str = "") -> int:
    try:
        return int(node.get(name, ""))
    except ValueError:
        raise FileProblem(
            path, where, f"attribute '{name}' is missing or not a whole number"
        ) from None


def check_map_header(path: Path, root: ElementTree.Element) -> tuple[int, int]:
    """Refuse what the game cannot use: non-maps, non-orthogonal, infinite, wrong tile
    size, a size beyond the limits. Returns (cols, rows)."""
    if root.tag != "map":
        kind = "a Tiled tileset" if root.tag == "tileset" else f"an XML <{root.tag}> file"
        raise FileProblem(path, "", f"not a Tiled map (it is {kind})")
    orientation = root.get("orientation", "orthogonal")
    if orientation != "orthogonal":
        raise FileProblem(
            path, "", f"map orientation is '{orientation}'; only orthogonal maps work"
        )
    if root.get("infinite", "0") == "1":
        raise FileProblem(
            path, "", "infinite map; untick Map > Map Properties > Infinite and give it a size"
        )
    width, height = _int_attr(path, root, "width"), _int_attr(path, root, "height")
    if width <= 0 or height <= 0:
        raise FileProblem(path, "", f"map size {width} x {height} tiles is empty")
    side = limits.MAX_MAP_SIDE_TILES
    if width > side or height > side or width * height > limits.MAX_MAP_TILES:
        raise FileProblem(
            path,
            "",
            f"map size {width:,} x {height:,} tiles is too big; the game reads up to "
            f"{side:,} tiles a side and {limits.MAX_MAP_TILES:,} tiles in all",
        )
    tile_w, tile_h = _int_attr(path, root, "tilewidth"), _int_attr(path, root, "tileheight")
    if (tile_w, tile_h) != (TILE_SIZE_PX, TILE_SIZE_PX):
        raise FileProblem(
            path,
            "",
            f"tile size is {tile_w} x {tile_h} px; maps use {TILE_SIZE_PX} x {TILE_SIZE_PX}",
        )
    return width, height


def read_tilesets(
    path: Path, root: ElementTree.Element, roots: tuple[Path, ...]
) -> list[TilesetFile]:
    """Parse every tileset the map names, from inside ``roots`` only; a missing, unusable
    or overlapping one is a FileProblem."""
    tilesets: list[TilesetFile] = []
    for node in root.findall("tileset"):
        source = node.get("source")
        where = f"tileset '{source or node.get('name', '')}'"
        if node.get("firstgid") is None:
            raise FileProblem(path, where, "tileset has no firstgid; re-add it in Tiled")
        firstgid = int(node.get("firstgid"))
        if source is None:  # embedded in the map
            ts_path, ts_root = path, node
        else:
            ts_path = resolve_inside(path.parent, source, roots, path, where, "tileset file")
            if not os.path.lexists(ts_path):  # a link (even a looping one) is read below
                raise FileProblem(path, where, f"tileset file not found (looked for {ts_path})")
            ts_root = read_xml(ts_path, "tileset", limits.MAX_TILESET_FILE_BYTES)
            if ts_root.tag != "tileset":
                raise FileProblem(
                    ts_path, "", f"not a Tiled tileset (root element <{ts_root.tag}>)"
                )
            check_structure(ts_path, ts_root)
        extent = check_tileset(ts_path, ts_root)
        folder = path.parent / Path(source).parent if source else path.parent
        tilesets.append(TilesetFile(source or "", ts_path, ts_root, firstgid, extent, folder))
    _check_gid_ranges(path, tilesets)
    return tilesets


def check_tileset(path: Path, root: ElementTree.Element) -> int:
    """Tile size, tile ids, no class-typed tile properties (pytmx cannot read them in
    tilesets), an image with its size; returns how many gids the tileset covers."""
    where = f"tileset '{root.get('name', '')}'"
    size = (_int_attr(path, root, "tilewidth", where), _int_attr(path, root, "tileheight", where))
    if size != (TILE_SIZE_PX, TILE_SIZE_PX):
        raise FileProblem(
            path, where, f"tile size is {size[0]} x {size[1]} px; tilesets use {TILE_SIZE_PX} px"
        )
    extent = int(root.get("tilecount", "0"))
    for image in [root.find("image"), *(tile.find("image") for tile in root.findall("tile"))]:
        if image is not None and (image.get("width") is None or image.get("height") is None):
            raise FileProblem(path, where, "an image has no width or height; save it in Tiled")
    for tile in root.findall("tile"):
        if tile.get("id") is None:
            raise FileProblem(path, where, "a tile has no id; save the tileset in Tiled")
        extent = max(extent, int(tile.get("id")) + 1)
        for prop in tile.iter("property"):
            if prop.get("type") == "class":
                raise FileProblem(
                    path,
                    f"{where} tile {tile.get('id')}",
                    f"property '{prop.get('name')}' is class-typed; use flat properties",
                )
    return extent


def _check_gid_ranges(path: Path, tilesets: list[TilesetFile]) -> None:
    """Tilesets number the map's tiles in order, one range each, below MAX_GID."""
    end = 1
    for tileset in tilesets:
        where = f"tileset '{tileset.source or tileset.root.get('name', '')}'"
        if tileset.firstgid < end:
            raise FileProblem(
                path,
                where,
                f"firstgid {tileset.firstgid} overlaps the tiles before it "
                f"(the next free gid is {end}); re-add the tileset in Tiled",
            )
        end = tileset.firstgid + tileset.extent
        if end > limits.MAX_GID:
            raise FileProblem(
                path,
                where,
                f"its tiles end at gid {end - 1:,}; the game reads gids up to "
                f"{limits.MAX_GID - 1:,}",
            )


def for_pytmx(root: ElementTree.Element, tilesets: list[TilesetFile]) -> ElementTree.Element:
    """The map's tree as pytmx gets it: no tile layers (decoded by numpy), the external
    tilesets built in (so pytmx opens no file), no collision shapes inside tiles."""
    tree = without_tile_layers(root)
    by_source = {t.source: t for t in tilesets if t.source}
    for index, node in enumerate(tree):
        if node.tag != "tileset":
            continue
        tileset = by_source.get(node.get("source", ""))
        source_root = tileset.root if tileset else node
        built = ElementTree.Element("tileset", dict(source_root.attrib))
        built.set("firstgid", node.get("firstgid", "0"))
        for child in source_root:
            if child.tag == "tile" and child.find("objectgroup") is not None:
                child = _without(child, "objectgroup")
            built.append(child)
        tree[index] = built
    return tree


def _without(node: ElementTree.Element, tag: str) -> ElementTree.Element:
    copy = ElementTree.Element(node.tag, node.attrib)
    copy.text = node.text
    copy.extend(child for child in node if child.tag != tag)
    return copy


def open_map(path: str | Path, roots: Iterable[Path] = SHIPPED_ROOTS) -> MapFile:
    """Parse and check a map file and hand it to pytmx; raises FileProblem, nothing else.

    Its tilesets must lie inside ``roots`` or the map's own folder.
    """
    path = Path(path)
    home = allowed_roots(path, roots)
    root = read_xml(path, "map", limits.MAX_MAP_FILE_BYTES)
    cols, rows = check_map_header(path, root)
    check_structure(path, root)
    tilesets = read_tilesets(path, root, home)
    layers = tile_layers(path, root, cols, rows)
    pytmx = import_pytmx()
    tmx = pytmx.TiledMap(allow_duplicate_names=False)  # as strict as the renderer's pytmx
    tmx.filename = str(path)
    # Class-typed properties need the project's types or pytmx raises a bare KeyError;
    # register an empty class for each so the map still loads (check_map reports them).
    for prop in root.iter("property"):
        if prop.get("type") == "class":
            name = prop.get("propertytype", "")
            tmx.custom_types.setdefault(name, pytmx.TiledClassType(name, []))
    try:
        tmx.parse_xml(for_pytmx(root, tilesets))
    except Exception as error:  # pytmx raises bare Exception, ValueError, TypeError, KeyError
        detail = str(error) or type(error).__name__
        raise FileProblem(path, "", f"Tiled data that cannot be read: {detail}") from None
    return MapFile(path, root, tilesets, layers, tmx, home, (cols, rows))
