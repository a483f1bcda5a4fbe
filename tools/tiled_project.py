"""The Tiled project file: custom property types, so Tiled offers drop-downs.

Enums are stored as strings, so a map re-saved by a Tiled without the project (1.8's
``--export-map``) keeps plain string values. Each zone and spawn kind, ``road`` and
``signal`` is also a class (Tiled 1.9+ offers class names in the object's Class
field and fills in their members); values stay flat strings, numbers and bools.
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
    "racer": "stock_car",
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


def _member(name: str, kind: str, value, enum: str | None = None) -> dict:
    member = {"name": name, "type": kind, "value": value}
    if enum:
        member["propertyType"] = enum
    return member


def project() -> dict:
    """The project as JSON-ready data."""
    types = [
        _enum(1, "Surface", SURFACES),
        _enum(2, "ZoneKind", ZONE_KINDS),
        _enum(3, "SpawnKind", SPAWN_KINDS),
        _enum(4, "VehicleClass", VEHICLE_CLASSES),
    ]
    next_id = 5
    for kind in ZONE_KINDS:
        types.append(_class(next_id, kind, "#ffa0e0ff", [_member("label", "string", "")]))
        next_id += 1
    for kind in SPAWN_KINDS:
        members = [
            _member("heading_deg", "float", 0.0),
            _member("vehicle_class", "string", SPAWN_DEFAULT_CLASS[kind], "VehicleClass"),
        ]
        types.append(_class(next_id, kind, "#ff60e0ff", members))
        next_id += 1
    road = [
        _member("lanes", "int", 1),
        _member("oneway", "bool", False),
        _member("speed_limit_kmh", "int", 50),
    ]
    types.append(_class(next_id, "road", "#ffffb040", road))
    types.append(_class(next_id + 1, "signal", "#ffff4040", [_member("cycle_s", "float", 40.0)]))
    return {
        "automappingRulesFile": "",
        "commands": [],
        "extensionsPath": "extensions",
        "folders": ["."],
        "objectTypesFile": "",
        "propertyTypes": types,
    }


def write_project(path: Path) -> None:
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(project(), indent=4) + "\n", encoding="utf-8")
    os.replace(tmp, path)
