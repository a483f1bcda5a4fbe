"""Write a MapCanvas as a Tiled 1.8 ``.tmx``: finite, orthogonal, CSV layers, external tilesets.

Object kinds go in the ``type`` attribute (what Tiled 1.8 writes); properties are flat
(enums as strings with ``propertytype``) so a re-save without the project loses nothing.
"""

from __future__ import annotations

import os
from pathlib import Path
from xml.sax.saxutils import quoteattr

import numpy as np
from tileart.sheet import FORMAT_VERSION, TILED_VERSION

from game.level.provenance import GENERATOR, MAKE_MAPS, with_hash

from .canvas import TILE_LAYERS, TILE_PX, MapCanvas, MapObject

OBJECT_LAYERS = ("roads", "zones", "spawns", "streets")


def _num(value: float) -> str:
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _property(name: str, kind: str, value, enum: str | None) -> str:
    if kind == "bool":
        value = "true" if value else "false"
    type_attr = f' type="{kind}"' if kind != "string" else ""
    enum_attr = f' propertytype="{enum}"' if enum else ""
    return f'   <property name="{name}"{type_attr}{enum_attr} value={quoteattr(str(value))}/>'


def _object(obj: MapObject, object_id: int) -> list[str]:
    attrs = f'id="{object_id}" name={quoteattr(obj.name)}'
    if obj.kind:
        attrs += f' type="{obj.kind}"'
    attrs += f' x="{_num(obj.x * TILE_PX)}" y="{_num(obj.y * TILE_PX)}"'
    if obj.width or obj.height:
        attrs += f' width="{_num(obj.width * TILE_PX)}" height="{_num(obj.height * TILE_PX)}"'
    body = []
    if obj.properties:
        body += ["  <properties>", *(_property(*p) for p in obj.properties), "  </properties>"]
    if obj.point:
        body.append("  <point/>")
    for tag, points in (("polygon", obj.polygon), ("polyline", obj.polyline)):
        if points:
            text = " ".join(f"{_num(x * TILE_PX)},{_num(y * TILE_PX)}" for x, y in points)
            body.append(f'  <{tag} points="{text}"/>')
    if not body:
        return [f"  <object {attrs}/>"]
    return [f"  <object {attrs}>", *body, "  </object>"]


def tmx_text(canvas: MapCanvas, tileset_dir: str) -> str:
    """The map as TMX text; ``tileset_dir`` is the tilesets' path relative to the map."""
    first_gid, gids = 1, {}
    tileset_lines = []
    for tileset in canvas.tilesets:
        tileset_lines.append(
            f' <tileset firstgid="{first_gid}" source="{tileset_dir}/{tileset.name}.tsx"/>'
        )
        for name, index in tileset.names().items():
            gids[(tileset.name, name)] = first_gid + index
        first_gid += tileset.capacity
    layers = {"ground": canvas.ground_names(), **canvas.layers}
    n_layers = len(TILE_LAYERS) + len(OBJECT_LAYERS)
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<map version="{FORMAT_VERSION}" tiledversion="{TILED_VERSION}" orientation="orthogonal" '
        f'renderorder="right-down" width="{canvas.cols}" height="{canvas.rows}" '
        f'tilewidth="{TILE_PX}" tileheight="{TILE_PX}" infinite="0" nextlayerid="{n_layers + 1}" '
        f'nextobjectid="{len(canvas.objects) + 1}">',
    ]
    if canvas.properties:
        out.append(" <properties>")
        out += [_property(k, "string", v, None)[1:] for k, v in canvas.properties.items()]
        out.append(" </properties>")
    out += tileset_lines
    layer_id = 0
    for layer_id, layer in enumerate(TILE_LAYERS, start=1):
        names = layers[layer]
        grid = np.zeros(names.shape, dtype=np.int64)
        for tile in set(names[names != None].tolist()):  # noqa: E711
            grid[names == tile] = gids[(canvas.tileset_of(tile), tile)]
        rows = [",".join(map(str, row)) for row in grid.tolist()]
        out.append(
            f' <layer id="{layer_id}" name="{layer}" width="{canvas.cols}" height="{canvas.rows}">'
        )
        out.append('  <data encoding="csv">')
        out.append(",\n".join(rows))
        out += ["</data>", " </layer>"]
    object_id = 1
    for offset, layer in enumerate(OBJECT_LAYERS, start=1):
        out.append(f' <objectgroup id="{layer_id + offset}" name="{layer}">')
        for obj in (o for o in canvas.objects if o.layer == layer):
            out += [" " + line for line in _object(obj, object_id)]
            object_id += 1
        out.append(" </objectgroup>")
    out.append("</map>")
    return "\n".join(out) + "\n"


def generated_text(canvas: MapCanvas, tileset_dir: str) -> str:
    """The map as the generator writes it: owned by ``tools/make_maps.py``, with the hash
    of this very text, so the generator can tell later whether anyone edited it."""
    canvas.properties[GENERATOR] = MAKE_MAPS
    return with_hash(tmx_text(canvas, tileset_dir))


def write_tmx(canvas: MapCanvas, path: Path, tileset_dir: Path) -> None:
    rel = os.path.relpath(tileset_dir, path.parent).replace(os.sep, "/")
    tmp = path.with_suffix(".tmp")
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp.write_text(generated_text(canvas, rel), encoding="utf-8")
    os.replace(tmp, path)
