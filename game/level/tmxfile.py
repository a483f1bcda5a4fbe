"""Open a ``.tmx`` safely: our own checks first, then pytmx, every failure a FileProblem.

pytmx (3.32) answers bad input with bare exceptions (a ``KeyError`` for class-typed
properties, an ``Exception()`` with no text for infinite maps, XML parse errors), so the
file is parsed with ElementTree first, everything the game cannot use is reported by name,
and only then does pytmx read the already-parsed tree, headless (no images). Tile layer
data is decoded by :mod:`game.level.layers` with numpy instead (pytmx is slow at it).
"""

from __future__ import annotations

import logging
import sys
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from xml.etree import ElementTree

from game.level.layers import TileLayer, tile_layers, without_tile_layers
from game.level.schema import TILE_SIZE_PX
from game.problems import FileProblem


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
    """An external tileset as referenced by the map."""

    source: str  #: as written in the map
    path: Path  #: resolved
    root: ElementTree.Element | None  #: parsed <tileset>, None when missing or broken


@dataclass
class MapFile:
    """A parsed map: the XML tree (for checks pytmx cannot do) and pytmx's view of it."""

    path: Path
    root: ElementTree.Element
    tilesets: list[TilesetFile]
    tile_layers: list[TileLayer]  #: decoded here; pytmx's ``tmx.layers`` has no tile layers
    tmx: object  #: pytmx.TiledMap: tilesets, tile properties, object layers, map properties


def object_where(name: str | None, object_id: object) -> str:
    """How messages name an object: ``object 'warehouse' (id 12)``, or ``object (id 12)``."""
    return f"object '{name}' (id {object_id})" if name else f"object (id {object_id})"


def parse_xml(path: Path, what: str) -> ElementTree.Element:
    try:
        return ElementTree.parse(path).getroot()
    except FileNotFoundError:
        raise FileProblem(path, "", f"{what} not found") from None
    except IsADirectoryError:
        raise FileProblem(path, "", f"is a folder, not a {what}") from None
    except ElementTree.ParseError as error:
        raise FileProblem(path, "", f"not valid XML ({error})") from None
    except (OSError, UnicodeError) as error:
        raise FileProblem(path, "", f"cannot read the {what}: {error}") from None


def _int_attr(path: Path, node: ElementTree.Element, name: str, where: str = "") -> int:
    try:
        return int(node.get(name, ""))
    except ValueError:
        raise FileProblem(
            path, where, f"attribute '{name}' is missing or not a whole number"
        ) from None


def check_map_header(path: Path, root: ElementTree.Element) -> None:
    """Refuse what the game cannot use: non-maps, non-orthogonal, infinite, wrong tile size."""
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
    tile_w, tile_h = _int_attr(path, root, "tilewidth"), _int_attr(path, root, "tileheight")
    if (tile_w, tile_h) != (TILE_SIZE_PX, TILE_SIZE_PX):
        raise FileProblem(
            path,
            "",
            f"tile size is {tile_w} x {tile_h} px; maps use {TILE_SIZE_PX} x {TILE_SIZE_PX}",
        )
    for node in root.iter("object"):
        if node.get("template"):
            where = object_where(node.get("name"), node.get("id"))
            raise FileProblem(
                path, where, f"uses the template '{node.get('template')}'; detach it in Tiled"
            )


def read_tilesets(path: Path, root: ElementTree.Element) -> list[TilesetFile]:
    """Parse every tileset the map names; a missing or unusable one is a FileProblem."""
    tilesets = []
    for node in root.findall("tileset"):
        source = node.get("source")
        if source is None:  # embedded in the map
            tilesets.append(TilesetFile("", path, node))
            check_tileset(path, node)
            continue
        ts_path = (path.parent / source).resolve()
        if not ts_path.is_file():
            where = f"tileset '{source}'"
            raise FileProblem(path, where, f"tileset file not found (looked for {ts_path})")
        ts_root = parse_xml(ts_path, "tileset")
        if ts_root.tag != "tileset":
            raise FileProblem(ts_path, "", f"not a Tiled tileset (root element <{ts_root.tag}>)")
        check_tileset(ts_path, ts_root)
        tilesets.append(TilesetFile(source, ts_path, ts_root))
    return tilesets


def check_tileset(path: Path, root: ElementTree.Element) -> None:
    """Tile size, and no class-typed tile properties (pytmx cannot read them in tilesets)."""
    where = f"tileset '{root.get('name', '')}'"
    size = (_int_attr(path, root, "tilewidth", where), _int_attr(path, root, "tileheight", where))
    if size != (TILE_SIZE_PX, TILE_SIZE_PX):
        raise FileProblem(
            path, where, f"tile size is {size[0]} x {size[1]} px; tilesets use {TILE_SIZE_PX} px"
        )
    for tile in root.iter("tile"):
        for prop in tile.iter("property"):
            if prop.get("type") == "class":
                raise FileProblem(
                    path,
                    f"{where} tile {tile.get('id')}",
                    f"property '{prop.get('name')}' is class-typed; use flat properties",
                )


def open_map(path: str | Path) -> MapFile:
    """Parse and check a map file and hand it to pytmx; raises FileProblem, nothing else."""
    path = Path(path)
    root = parse_xml(path, "map")
    check_map_header(path, root)
    tilesets = read_tilesets(path, root)
    layers = tile_layers(path, root, int(root.get("width")), int(root.get("height")))
    pytmx = import_pytmx()
    tmx = pytmx.TiledMap(allow_duplicate_names=True)
    tmx.filename = str(path)
    # Class-typed properties need the project's types or pytmx raises a bare KeyError;
    # register an empty class for each so the map still loads (check_map reports them).
    for prop in root.iter("property"):
        if prop.get("type") == "class":
            name = prop.get("propertytype", "")
            tmx.custom_types.setdefault(name, pytmx.TiledClassType(name, []))
    try:
        tmx.parse_xml(without_tile_layers(root))
    except Exception as error:  # pytmx raises bare Exception, ValueError, TypeError, KeyError
        detail = str(error) or type(error).__name__
        raise FileProblem(path, "", f"Tiled data that cannot be read: {detail}") from None
    return MapFile(path, root, tilesets, layers, tmx)
