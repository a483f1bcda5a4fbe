"""The Tiled project file and its object types: drop-downs and default properties.

Enums are stored as strings, so a map re-saved by a Tiled without the project (1.8's
``--export-map``) keeps plain string values. There are two enums, each the values of the
properties that take it: ``Surface`` (a tile's ``surface``) and ``VehicleClass`` (a
spawn's ``vehicle_class``); an object's kind is its type, picked from the object types.

Each zone and spawn kind, ``road`` and ``signal`` is an object type with its properties
and their defaults, written twice, for both families of Tiled:

- Tiled 1.8 reads object types from ``objecttypes.xml`` (the project's
  ``objectTypesFile``): type a kind in an object's Type field (or pick it) and the
  properties appear, greyed, with their defaults;
- Tiled 1.9+ reads them as classes of the project (``useAs: object``): pick the kind in
  the object's Class field.

Values stay flat strings, numbers and bools.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

# The enums come from the game itself, so Tiled's drop-downs offer exactly what the loader accepts.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from game.level.schema import SPAWN_KINDS, ZONE_KINDS  # noqa: E402
from game.sim.terrain import Surface  # noqa: E402
from game.sim.vehicles import VehicleClass  # noqa: E402

SURFACES = tuple(surface.name.lower() for surface in Surface)
VEHICLE_CLASSES = tuple(vehicle_class.name.lower() for vehicle_class in VehicleClass)

#: spawn kind -> the vehicle class a new spawn of that kind starts with
SPAWN_DEFAULT_CLASS = {
    "player": "driver", "traffic": "sedan", "parked": "sedan", "police": "police", "crew": "sedan",
    "chaser": "muscle", "detective": "unmarked", "helicopter": "police", "target": "sedan",
    "racer": "stock_car", "witness": "sedan", "spare": "sedan",
}  # fmt: skip


def _enum(type_id: int, name: str, values: tuple[str, ...]) -> dict:
    return {
        "id": type_id, "name": name, "type": "enum", "storageType": "string",
        "values": list(values), "valuesAsFlags": False,
    }  # fmt: skip


def _class(type_id: int, name: str, color: str, members: list[dict]) -> dict:
    return {
        "id": type_id,
        "name": name,
        "type": "class",
        "useAs": ["object"],
        "color": color,
        "members": members,
    }


OBJECT_TYPES_FILE = "objecttypes.xml"  #: beside the project; Tiled 1.8's object types


def _member(name: str, kind: str, value, enum: str | None = None) -> dict:
    member = {"name": name, "type": kind, "value": value}
    if enum:
        member["propertyType"] = enum
    return member


def object_types() -> list[tuple[str, str, list[dict]]]:
    """(kind, colour #aarrggbb, members) of every object type: zones, spawns, road, signal."""
    types = [(kind, "#ffa0e0ff", [_member("label", "string", "")]) for kind in ZONE_KINDS]
    for kind in SPAWN_KINDS:
        members = [
            _member("heading_deg", "float", 0.0),
            _member("vehicle_class", "string", SPAWN_DEFAULT_CLASS[kind], "VehicleClass"),
        ]
        types.append((kind, "#ff60e0ff", members))
    road = [
        _member("lanes", "int", 1),
        _member("oneway", "bool", False),
        _member("speed_limit_kmh", "int", 50),
    ]
    types.append(("road", "#ffffb040", road))
    types.append(("signal", "#ffff4040", [_member("cycle_s", "float", 40.0)]))
    return types


def project() -> dict:
    """The project as JSON-ready data."""
    types = [_enum(1, "Surface", SURFACES), _enum(4, "VehicleClass", VEHICLE_CLASSES)]
    for type_id, (kind, color, members) in enumerate(object_types(), start=5):
        types.append(_class(type_id, kind, color, members))
    return {
        "automappingRulesFile": "",
        "commands": [],
        "extensionsPath": "extensions",
        "folders": ["."],
        "objectTypesFile": OBJECT_TYPES_FILE,
        "propertyTypes": types,
    }


def object_types_xml() -> str:
    """``objecttypes.xml`` as Tiled 1.8 writes it: a type's colour is #rrggbb, a property
    its type, its enum (``propertytype``) and its ``default``."""
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', "<objecttypes>"]
    for kind, color, members in object_types():
        lines.append(f' <objecttype name="{kind}" color="#{color[3:]}">')
        for member in members:
            value = member["value"]
            default = ("true" if value else "false") if isinstance(value, bool) else str(value)
            enum = f' propertytype="{member["propertyType"]}"' if "propertyType" in member else ""
            lines.append(f'  <property name="{member["name"]}" type="{member["type"]}"{enum} '
                         f'default="{default}"/>')
        lines.append(" </objecttype>")
    lines.append("</objecttypes>")
    return "\n".join(lines) + "\n"


def write_project(path: Path) -> None:
    """The project, and Tiled 1.8's object types beside it."""
    for target, text in ((path, json.dumps(project(), indent=4) + "\n"),
                         (path.with_name(OBJECT_TYPES_FILE), object_types_xml())):
        tmp = target.with_suffix(".tmp")
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, target)
