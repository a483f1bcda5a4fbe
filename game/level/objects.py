"""Object layers -> zones, spawns, streets, road polylines and signals (metres, radians).

Every object that breaks the schema becomes one Problem naming it (``object 'warehouse'
(id 12)``) and is left out; the caller decides whether problems are fatal.
"""

from __future__ import annotations

import math
from typing import NamedTuple
from xml.etree import ElementTree

import numpy as np

from game.level import schema
from game.level.grids import as_bool
from game.level.model import Spawn, Street, Zone
from game.level.tmxfile import MapFile, object_where
from game.problems import Problem
from game.sim.terrain import CELL_SIZE_M

METRES_PER_PX = CELL_SIZE_M / schema.TILE_SIZE_PX
KMH = 1000.0 / 3600.0  #: m/s per km/h


class RoadSpec(NamedTuple):
    """One road polyline as drawn: the input of the road graph builder."""

    name: str  #: street name ("" if unnamed)
    id: int
    points: np.ndarray  #: (M, 2) metres, M >= 2, without a repeated closing vertex
    closed: bool  #: a loop (polygon, or a polyline that ends where it starts)
    lanes: int  #: lanes per direction
    oneway: bool
    speed_limit: float  #: m/s


class SignalSpec(NamedTuple):
    name: str
    id: int
    x: float
    y: float
    cycle_s: float


class MapObjects(NamedTuple):
    zones: dict[str, Zone]
    spawns: dict[str, Spawn]
    streets: tuple[Street, ...]
    roads: list[RoadSpec]
    signals: list[SignalSpec]


def describe(obj) -> str:
    """How messages name an object: ``object 'warehouse' (id 12)``."""
    return object_where(obj.name, obj.id)


def object_kind(obj) -> str:
    """The object's kind: ``type`` (Tiled 1.8, 1.10+) or ``class`` (Tiled 1.9)."""
    return (getattr(obj, "type", None) or obj.__dict__.get("class") or "").strip()


def xml_shapes(root: ElementTree.Element) -> dict[int, str]:
    """Object id -> shape (rectangle, point, ellipse, polygon, polyline, text, tile).

    pytmx folds points and ellipses into rectangles, so the shape is read from the XML.
    """
    shapes = {}
    for node in root.iter("object"):
        shape = "tile" if node.get("gid") else "rectangle"
        for child in ("point", "ellipse", "polygon", "polyline", "text"):
            if node.find(child) is not None:
                shape = child
        try:
            shapes[int(node.get("id", "0"))] = shape
        except ValueError:
            continue
    return shapes


def drop_close_vertices(points: np.ndarray, radius: float) -> np.ndarray:
    """Drop vertices within ``radius`` of the previous kept one (they would be one node)."""
    kept = [points[0]]
    for point in points[1:]:
        if np.hypot(*(point - kept[-1])) > radius:
            kept.append(point)
    return np.asarray(kept)


class _Reader:
    """Reads one map's object layers, collecting problems instead of stopping at the first."""

    def __init__(self, map_file: MapFile, problems: list[Problem]) -> None:
        self.file = str(map_file.path)
        self.tmx = map_file.tmx
        self.shapes = xml_shapes(map_file.root)
        self.tile_layer_names = {layer.name for layer in map_file.tile_layers}
        self.problems = problems

    def problem(self, obj, message: str) -> None:
        self.problems.append(Problem(self.file, describe(obj), message))

    def layer_objects(self, layer_name: str) -> list:
        if layer_name in self.tile_layer_names:
            self.problems.append(
                Problem(self.file, f"layer '{layer_name}'", "must be an object layer")
            )
            return []
        layer = self.tmx.layernames.get(layer_name)
        if not isinstance(layer, list):  # missing, or an image or group layer
            return []
        objects = []
        for obj in layer:
            numbers = [obj.x, obj.y, obj.width, obj.height, obj.rotation]
            numbers += [c for point in getattr(obj, "points", ()) for c in point]
            if all(math.isfinite(float(n)) for n in numbers):
                objects.append(obj)
            else:
                self.problem(obj, "position or size is not a finite number")
        return objects

    def number(self, obj, key: str, default: float, cast=float) -> float | None:
        value = obj.properties.get(key, default)
        try:
            number = cast(value)
        except (TypeError, ValueError):
            self.problem(obj, f"property {key} is '{value}', not a number")
            return None
        if not math.isfinite(number):
            self.problem(obj, f"property {key} is '{value}', not a finite number")
            return None
        return number

    def kind_of(self, obj, allowed: tuple[str, ...], layer: str) -> str | None:
        kind = object_kind(obj)
        if kind in allowed:
            return kind
        shown = f"'{kind}'" if kind else "missing"
        self.problem(obj, f"{layer} kind (type) is {shown}; use one of {', '.join(allowed)}")
        return None

    def outline(self, obj) -> np.ndarray | None:
        """Rectangle or polygon -> (K, 2) metres, rotation applied."""
        shape = self.shapes.get(obj.id, "rectangle")
        if shape not in ("rectangle", "polygon", "tile"):
            self.problem(obj, f"is a {shape}; draw a rectangle or a polygon")
            return None
        if shape != "polygon" and (obj.width <= 0 or obj.height <= 0):
            self.problem(obj, "rectangle has no area")
            return None
        points = np.asarray(obj.apply_transformations(), dtype=np.float64) * METRES_PER_PX
        if len(points) < 3:
            self.problem(obj, "polygon needs at least 3 points")
            return None
        return points

    def named(self, obj, seen: dict, layer: str) -> bool:
        if not obj.name:
            self.problem(obj, f"every object in layer '{layer}' needs a name")
            return False
        if obj.name in seen:
            self.problem(obj, f"name '{obj.name}' is used twice (also id {seen[obj.name].id})")
            return False
        return True

    def zones(self) -> dict[str, Zone]:
        zones: dict[str, Zone] = {}
        for obj in self.layer_objects(schema.ZONES_LAYER):
            kind = self.kind_of(obj, schema.ZONE_KINDS, "zone")
            polygon = self.outline(obj)
            if self.named(obj, zones, schema.ZONES_LAYER) and kind and polygon is not None:
                zones[obj.name] = Zone(obj.name, obj.id, kind, polygon, dict(obj.properties))
        return zones

    def spawns(self) -> dict[str, Spawn]:
        spawns: dict[str, Spawn] = {}
        for obj in self.layer_objects(schema.SPAWNS_LAYER):
            kind = self.kind_of(obj, schema.SPAWN_KINDS, "spawn")
            heading_deg = self.number(obj, "heading_deg", 0.0)
            vehicle_class = obj.properties.get("vehicle_class") or None
            valid = (
                self.named(obj, spawns, schema.SPAWNS_LAYER) and kind and heading_deg is not None
            )
            if self.shapes.get(obj.id) != "point":
                self.problem(obj, "a spawn must be a point object")
                valid = False
            classes = schema.vehicle_class_names() if vehicle_class is not None else ()
            if vehicle_class is not None and vehicle_class not in classes:
                self.problem(obj, f"unknown vehicle_class '{vehicle_class}' ({', '.join(classes)})")
                valid = False
            if valid:
                others = {
                    k: v
                    for k, v in obj.properties.items()
                    if k not in ("heading_deg", "vehicle_class")
                }
                spawns[obj.name] = Spawn(
                    obj.name,
                    obj.id,
                    kind,
                    obj.x * METRES_PER_PX,
                    obj.y * METRES_PER_PX,
                    math.radians(heading_deg),
                    vehicle_class,
                    others,
                )
        return spawns

    def streets(self) -> tuple[Street, ...]:
        streets = []
        for obj in self.layer_objects(schema.STREETS_LAYER):
            polygon = self.outline(obj)
            if not obj.name:
                self.problem(obj, "a street area needs the street's name")
            elif polygon is not None:
                streets.append(Street(obj.name, obj.id, polygon))
        return tuple(streets)

    def road(self, obj) -> RoadSpec | None:
        shape = self.shapes.get(obj.id)
        if shape not in ("polyline", "polygon"):
            self.problem(obj, f"a road must be a polyline, not a {shape}")
            return None
        points = np.asarray(obj.apply_transformations(), dtype=np.float64) * METRES_PER_PX
        closed = shape == "polygon"
        if len(points) > 2 and np.hypot(*(points[0] - points[-1])) <= schema.INTERSECTION_RADIUS_M:
            points, closed = points[:-1], True
        points = drop_close_vertices(points, schema.INTERSECTION_RADIUS_M)
        if len(points) < (3 if closed else 2):
            self.problem(obj, "road needs at least two distinct points")
            return None
        lanes = self.number(obj, "lanes", schema.DEFAULT_LANES, int)
        limit = self.number(obj, "speed_limit_kmh", schema.DEFAULT_SPEED_LIMIT_KMH)
        oneway = as_bool(obj.properties.get("oneway", False))
        if oneway is None:
            self.problem(obj, f"oneway is '{obj.properties['oneway']}', not true/false")
        if lanes is not None and lanes < 1:
            self.problem(obj, f"lanes is {lanes}; a road has at least 1 lane per direction")
            lanes = None
        if limit is not None and limit <= 0:
            self.problem(obj, f"speed_limit_kmh is {limit}; it must be above 0")
            limit = None
        if lanes is None or limit is None or oneway is None:
            return None
        return RoadSpec(obj.name or "", obj.id, points, closed, int(lanes), oneway, limit * KMH)

    def roads_and_signals(self) -> tuple[list[RoadSpec], list[SignalSpec]]:
        roads, signals = [], []
        for obj in self.layer_objects(schema.ROADS_LAYER):
            kind = self.kind_of(obj, (schema.ROAD_KIND, schema.SIGNAL_KIND), "road layer")
            if kind == schema.ROAD_KIND:
                road = self.road(obj)
                if road is not None:
                    roads.append(road)
            elif kind == schema.SIGNAL_KIND:
                cycle = self.number(obj, "cycle_s", schema.DEFAULT_SIGNAL_CYCLE_S)
                if cycle is not None and cycle <= 0:
                    self.problem(obj, f"cycle_s is {cycle}; it must be above 0")
                elif cycle is not None:
                    x, y = obj.x * METRES_PER_PX, obj.y * METRES_PER_PX
                    signals.append(SignalSpec(obj.name or "", obj.id, x, y, cycle))
        return roads, signals


def read_objects(map_file: MapFile, problems: list[Problem]) -> MapObjects:
    """All gameplay objects of a map; objects with problems are reported and left out."""
    reader = _Reader(map_file, problems)
    roads, signals = reader.roads_and_signals()
    return MapObjects(reader.zones(), reader.spawns(), reader.streets(), roads, signals)
