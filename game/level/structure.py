"""The shape of a parsed Tiled file, checked before anything reads a value from it.

One walk over the XML tree of a map (or of a tileset) checks what pytmx would otherwise
choke on, or silently get wrong, with a message naming the element:

- where elements may be (a layer only in the map or a group, an object only in an
  object layer, a tileset only at the top of the map);
- how many there are (layers, tile layers, tilesets, objects, vertices, properties:
  :mod:`game.level.limits`);
- every attribute pytmx casts (``id``, ``x``, ``rotation``, ``visible``, ...) parses as
  its kind and lies in a sane range, and names and kinds are not absurdly long;
- every custom property has a name, a known type and a value of that type, is set once,
  and does not reuse the name of an attribute pytmx keeps on the same element (pytmx,
  which the renderer uses, refuses that);
- layer names and object ids are unique in the map, tile ids in a tileset (pytmx keeps
  only one of each, so data would vanish and messages would point the wrong way);
- a tile layer is as big as the map, an image layer has an image, an object is not a
  template instance.

The first problem found raises a :class:`~game.problems.FileProblem`.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from xml.etree import ElementTree

from game.level import limits
from game.problems import FileProblem

LAYER_TAGS = ("layer", "objectgroup", "imagelayer", "group")
#: element -> the elements it may be inside
PARENTS = {
    "layer": {"map", "group"},
    "objectgroup": {"map", "group", "tile"},
    "imagelayer": {"map", "group"},
    "group": {"map", "group"},
    "tileset": {"map"},
    "object": {"objectgroup"},
}

WHOLE, NUMBER, FLAG = "a whole number", "a number", "true or false"
_ID_MAX = 2**31 - 1
_COORD = limits.MAX_COORDINATE_PX
_OFFSET = limits.MAX_LAYER_OFFSET_PX
#: attribute -> (kind, lowest, highest): the attributes pytmx casts, on any element
ATTRIBUTES: dict[str, tuple[str, float, float]] = {
    "id": (WHOLE, 0, _ID_MAX),
    "gid": (WHOLE, 0, 2**32 - 1),
    "firstgid": (WHOLE, 1, limits.MAX_GID - 1),
    "tilecount": (WHOLE, 0, limits.MAX_GID),
    "columns": (WHOLE, 0, limits.MAX_GID),
    "tilewidth": (WHOLE, 1, limits.MAX_IMAGE_SIDE_PX),
    "tileheight": (WHOLE, 1, limits.MAX_IMAGE_SIDE_PX),
    "spacing": (WHOLE, 0, limits.MAX_IMAGE_SIDE_PX),
    "margin": (WHOLE, 0, limits.MAX_IMAGE_SIDE_PX),
    "offsetx": (WHOLE, -_OFFSET, _OFFSET),
    "offsety": (WHOLE, -_OFFSET, _OFFSET),
    "nextobjectid": (WHOLE, 0, _ID_MAX),
    "tile": (WHOLE, -1, limits.MAX_GID),
    "tileid": (WHOLE, 0, limits.MAX_GID),
    "duration": (WHOLE, 0, _ID_MAX),
    "x": (NUMBER, -_COORD, _COORD),
    "y": (NUMBER, -_COORD, _COORD),
    "width": (NUMBER, 0, _COORD),
    "height": (NUMBER, 0, _COORD),
    "rotation": (NUMBER, -limits.MAX_ROTATION_DEG, limits.MAX_ROTATION_DEG),
    "opacity": (NUMBER, 0, 1),
    "probability": (NUMBER, 0, 1e9),
    "hexsidelength": (NUMBER, 0, _COORD),
    "pixelsize": (NUMBER, 0, 1e4),
    **{name: (FLAG, 0, 1) for name in ("visible", "bold", "italic", "kerning", "wrap")},
    **{name: (FLAG, 0, 1) for name in ("strikeout", "underline")},
}
#: elements whose width and height pytmx reads as whole numbers
WHOLE_SIZED = {"map", "layer", "tileset", "image", "chunk"}
#: attributes with free text that messages and menus show
TEXT_ATTRIBUTES = ("name", "type", "class", "source", "propertytype")
PROPERTY_TYPES = ("string", "int", "float", "bool", "color", "file", "object", "class")


SHOWN_NAME_CHARS = 40  #: a longer name is cut short in messages


def object_where(name: str | None, object_id: object) -> str:
    """How messages name an object: ``object 'warehouse' (id 12)``, or ``object (id 12)``."""
    ident = "no id" if object_id is None else f"id {object_id}"
    return f"object '{_shown(name)}' ({ident})" if name else f"object ({ident})"


def _shown(name: str) -> str:
    return name if len(name) <= SHOWN_NAME_CHARS else name[: SHOWN_NAME_CHARS - 3] + "..."


def node_where(node: ElementTree.Element, tileset: str | None = None) -> str:
    """How messages name an element that owns attributes or properties."""
    if node.tag == "object":
        return object_where(node.get("name"), node.get("id"))
    if node.tag == "tile":
        return f"tileset '{tileset}' tile {node.get('id')}"
    if node.tag == "map":
        return "map properties"
    if node.tag in LAYER_TAGS:
        return f"layer '{_shown(node.get('name', ''))}'"
    if node.tag == "tileset":
        return f"tileset '{_shown(node.get('name') or node.get('source') or '')}'"
    return f"{node.tag} '{_shown(node.get('name', ''))}'"


def walk(
    root: ElementTree.Element, into_properties: bool = True
) -> Iterator[tuple[ElementTree.Element, ElementTree.Element, str, str | None]]:
    """(element, parent, where, tileset name) for every element below ``root``, in
    document order; ``where`` names the nearest element that messages can point at.
    With ``into_properties`` False, a ``<properties>`` element is yielded but not what
    is inside it."""
    tileset = root.get("name") if root.tag == "tileset" else None
    stack = [(child, root, node_where(root, tileset), tileset) for child in reversed(root)]
    named = ("object", "tile", "tileset", *LAYER_TAGS)
    while stack:
        node, parent, where, tileset = stack.pop()
        tag = node.tag
        if tag == "tileset":
            tileset = node.get("name") or node.get("source")
        if tag in named:
            where = node_where(node, tileset)
        yield node, parent, where, tileset
        if len(node) and (into_properties or tag != "properties"):
            stack.extend((child, node, where, tileset) for child in reversed(node))


def check_structure(path: Path, root: ElementTree.Element) -> None:
    """Check a map's or a tileset's tree (see the module docstring); raises FileProblem."""
    in_map = root.tag == "map"
    where_root = "map" if in_map else node_where(root)
    _check_element(path, root, where_root)
    counts = dict.fromkeys(("layer", "any layer", "tileset", "object"), 0)
    layer_ids: dict[str, str | None] = {}
    object_ids: dict[int, str | None] = {}
    tile_ids: dict[tuple[str | None, int], None] = {}
    for node, parent, where, tileset in walk(root, into_properties=False):
        tag = node.tag
        if tag in PARENTS and parent.tag not in PARENTS[tag]:
            raise FileProblem(
                path,
                where,
                f"a <{tag}> inside <{parent.tag}>; Tiled puts it only in "
                + " or ".join(f"<{p}>" for p in sorted(PARENTS[tag])),
            )
        _check_element(path, node, where)
        in_tile = tileset is not None or not in_map
        if tag in LAYER_TAGS and not in_tile:
            counts["any layer"] += 1
            _unique(path, layer_ids, node.get("name", ""), node.get("id"), "layer name", where)
        if tag == "layer":
            counts["layer"] += 1
            _check_layer_size(path, root, node, where)
        elif tag == "imagelayer" and node.find("image") is None:
            raise FileProblem(path, where, "image layer has no image; give it one or delete it")
        elif tag == "tileset":
            counts["tileset"] += 1
        elif tag == "object":
            counts["object"] += 1
            _check_object(path, node, where, object_ids if not in_tile else None)
        elif tag == "tile" and parent.tag == "tileset":
            key = (tileset, int(node.get("id", "-1")))
            if key in tile_ids:
                raise FileProblem(path, where, "tile id is listed twice in its tileset")
            tile_ids[key] = None
        elif tag in ("polygon", "polyline"):
            _check_points(path, node, where)
        elif tag == "properties":
            _check_properties(path, node, parent, where)
    for name, limit in (
        ("any layer", limits.MAX_LAYERS),
        ("layer", limits.MAX_TILE_LAYERS),
        ("tileset", limits.MAX_TILESETS),
        ("object", limits.MAX_OBJECTS),
    ):
        if counts[name] > limit:
            what = {"any layer": "layers", "layer": "tile layers"}.get(name, f"{name}s")
            raise FileProblem(
                path, "", f"has {counts[name]:,} {what}; the game reads at most {limit:,}"
            )


def _unique(path: Path, seen: dict, key, layer_id, what: str, where: str) -> None:
    if key in seen:
        raise FileProblem(
            path,
            where,
            f"{what} '{key}' is used twice (also layer id {seen[key]}); the game "
            "finds layers by name, so give each its own",
        )
    seen[key] = layer_id


def _check_element(path: Path, node: ElementTree.Element, where: str) -> None:
    """The element's own attributes: kinds and ranges of what pytmx casts, text lengths."""
    for name, text in node.attrib.items():
        if name in TEXT_ATTRIBUTES and len(text) > limits.MAX_TEXT_CHARS:
            raise FileProblem(
                path,
                where,
                f"attribute '{name}' is {len(text):,} characters long; "
                f"at most {limits.MAX_TEXT_CHARS:,}",
            )
        rule = ATTRIBUTES.get(name)
        if rule is None:
            continue
        kind, low, high = rule
        if name in ("width", "height") and node.tag in WHOLE_SIZED:
            kind = WHOLE
        value = parse_value(text, kind)
        if value is None:
            raise FileProblem(path, where, f"attribute '{name}' is '{text}', not {kind}")
        if not low <= value <= high:
            raise FileProblem(
                path, where, f"attribute '{name}' is {text}; it must be {low:g} to {high:g}"
            )


def parse_value(text: str | None, kind: str) -> float | None:
    """The value as pytmx would read it (int(), float(), or its true/false rule), or None
    if it cannot be read or is not finite."""
    if text is None:
        return None
    try:
        if kind == WHOLE:
            return int(text)
        if kind == FLAG:
            return float(tiled_flag(text))
        number = float(text)
    except (ValueError, OverflowError):
        return None
    return number if math.isfinite(number) else None


def tiled_flag(text: str) -> bool:
    """pytmx's reading of a bool: empty, or first letter 1/y/t (true) or -/0/n/f (false)."""
    first = text.strip().lower()[:1]
    if first in ("", "-", "0", "n", "f"):
        return False
    if first in ("1", "y", "t"):
        return True
    raise ValueError(text)


def _check_layer_size(path: Path, root, node, where: str) -> None:
    """A tile layer states the map's size (pytmx cuts its rows by the layer's width)."""
    if node.get("width") is None or node.get("height") is None:
        raise FileProblem(path, where, "tile layer has no width or height; save it in Tiled")
    size = (int(node.get("width")), int(node.get("height")))
    if size != (int(root.get("width")), int(root.get("height"))):
        raise FileProblem(
            path,
            where,
            f"tile layer is {size[0]} x {size[1]} tiles; the map is "
            f"{root.get('width')} x {root.get('height')}: the layer must match",
        )


def _check_object(path: Path, node, where: str, seen_ids: dict | None) -> None:
    if node.get("template"):
        raise FileProblem(
            path,
            where,
            f"uses the template '{node.get('template')}'; detach it in Tiled (right-click, "
            "Detach Template), or write a copy with every template detached: tiled "
            f"--export-map --detach-templates {path.name} {path.stem}-detached.tmx",
        )
    if seen_ids is None:  # a tile's collision shape: its ids are the tile's own
        return
    if node.get("id") is None:
        raise FileProblem(path, where, "object has no id; open and save the map in Tiled")
    object_id = int(node.get("id"))
    if object_id in seen_ids:
        other = seen_ids[object_id]
        also = f" (also '{other}')" if other else ""
        raise FileProblem(
            path,
            where,
            f"object id {object_id} is used twice{also}; Tiled gives every object "
            "its own id: open and save the map in Tiled",
        )
    seen_ids[object_id] = node.get("name")


def _check_points(path: Path, node, where: str) -> None:
    """``points="x,y x,y ..."``: pairs of finite numbers within range, not too many."""
    pairs = (node.get("points") or "").split(None, limits.MAX_OBJECT_POINTS)  # never more
    if len(pairs) > limits.MAX_OBJECT_POINTS:
        raise FileProblem(
            path,
            where,
            f"{node.tag} has more than {limits.MAX_OBJECT_POINTS:,} points",
        )
    if not pairs:
        raise FileProblem(path, where, f"{node.tag} has no points")
    for pair in pairs:
        numbers = [parse_value(c, NUMBER) for c in pair.split(",")]
        if len(numbers) != 2 or any(n is None or abs(n) > _COORD for n in numbers):
            raise FileProblem(
                path,
                where,
                f"{node.tag} point '{pair[:40]}' is not x,y in pixels (finite, within ±{_COORD:,})",
            )


def _check_properties(path: Path, node, owner, where: str) -> None:
    props = node.findall("property")
    if len(props) > limits.MAX_PROPERTIES:
        raise FileProblem(
            path, where, f"has {len(props):,} properties; at most {limits.MAX_PROPERTIES}"
        )
    reserved = reserved_names(owner.tag) | set(owner.attrib)
    names = set()
    for prop in props:
        _check_element(path, prop, where)
        for members in prop.findall("properties"):  # a class-typed property's members
            _check_properties(path, members, prop, where)
        name = prop.get("name")
        if not name:
            raise FileProblem(path, where, "a custom property has no name")
        if name in names:
            raise FileProblem(path, where, f"property '{name}' is set twice")
        names.add(name)
        if name in reserved:
            raise FileProblem(
                path,
                where,
                f"property '{name}' has the name of a Tiled attribute of this "
                "element (pytmx, which draws the map, refuses that): rename it",
            )
        _check_property_value(path, prop, where)


def _check_property_value(path: Path, prop, where: str) -> None:
    name, kind = prop.get("name"), prop.get("type", "string")
    if kind not in PROPERTY_TYPES:
        raise FileProblem(
            path,
            where,
            f"property '{name}' has the unknown type '{kind}' ({', '.join(PROPERTY_TYPES)})",
        )
    text = prop.get("value")
    if text is None and prop.text is not None:
        text = prop.text
    if text is not None and len(text) > limits.MAX_TEXT_CHARS:
        raise FileProblem(
            path,
            where,
            f"property '{name}' is {len(text):,} characters long; "
            f"at most {limits.MAX_TEXT_CHARS:,}",
        )
    wanted = {"int": WHOLE, "object": WHOLE, "float": NUMBER, "bool": FLAG}.get(kind)
    if wanted is None:
        return
    value = prop.get("value")
    readable = value is not None and (
        parse_value(value, wanted) is not None or (kind == "float" and _is_float(value))
    )
    if not readable:
        raise FileProblem(path, where, f"property '{name}' is '{value}', not {wanted} ({kind})")


def _is_float(text: str) -> bool:
    """pytmx reads any float(), nan and inf included; the reader of each property decides."""
    try:
        float(text)
    except ValueError:
        return False
    return True


@cache
def reserved_names(tag: str) -> frozenset[str]:
    """Names pytmx already uses on the object it makes of a ``tag`` element: a custom
    property by one of these names makes pytmx refuse the map."""
    from game.level.tmxfile import import_pytmx

    pytmx = import_pytmx()
    parent = pytmx.TiledMap()
    makers = {
        "map": lambda: parent,
        "object": lambda: pytmx.TiledObject(parent, ElementTree.Element("object"), {}),
        "objectgroup": lambda: pytmx.TiledObjectGroup(parent, ElementTree.Element("og"), {}),
        "group": lambda: pytmx.pytmx.TiledGroupLayer(parent, ElementTree.Element("group")),
        "tileset": lambda: pytmx.TiledTileset(parent, ElementTree.Element("tileset")),
    }
    makers["layer"] = lambda: pytmx.TiledTileLayer(
        parent, _element("layer", {"width": "1", "height": "1"}, ("data", {"encoding": "csv"}, "0"))
    )
    makers["imagelayer"] = lambda: pytmx.TiledImageLayer(
        parent, _element("imagelayer", {}, ("image", {}, None))
    )
    made = makers.get(tag)
    if made is None:  # tiles keep their properties in a dict
        return frozenset()
    instance = made()
    return frozenset(vars(instance)) | frozenset(dir(type(instance))) | SET_LATER.get(tag, set())


#: attributes pytmx sets only after reading the properties, which the game then reads
#: (a property by that name would stand in for a missing one: ``points`` on a rectangle)
SET_LATER = {"object": {"points"}}


def _element(tag: str, attrib: dict, child: tuple) -> ElementTree.Element:
    """A one-child element for :func:`reserved_names`'s sample pytmx objects."""
    node = ElementTree.Element(tag, attrib)
    sub = ElementTree.SubElement(node, child[0], child[1])
    sub.text = child[2]
    return node
