"""Object layers -> zones, spawns, streets, road polylines and signals (metres, radians).

Every object that breaks the schema becomes one Problem naming it (``object 'warehouse'
(id 12)``) and is left out; the caller decides whether problems are fatal. Numbers are
checked for finiteness and for the ranges of :mod:`game.level.limits` (lanes, speed
limits, signal cycles, headings); roads are bounded in vertices and lane length, zones
and street areas in the point-in-polygon tests they cost, before any of it is built.
"""

from __future__ import annotations

import math
from typing import NamedTuple
from xml.etree import ElementTree

import numpy as np

from game.level import limits, schema
from game.level.geometry import polyline_length
from game.level.grids import as_bool
from game.level.model import Spawn, Street, Zone
from game.level.structure import object_where
from game.level.tmxfile import MapFile
from game.problems import Problem, close_hint
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
    """The gameplay objects: only those without problems go into the Level; the ``drawn_``
    ones hold every object whose place could be read, problems or not, so the whole-map
    checks (off the map, in a wall, off its lane) still look at an object with a bad
    name or class, and one object's problems are all reported, not the first."""

    zones: dict[str, Zone]
    spawns: dict[str, Spawn]
    streets: tuple[Street, ...]
    roads: list[RoadSpec]
    signals: list[SignalSpec]
    drawn_zones: tuple[Zone, ...] = ()
    drawn_spawns: tuple[Spawn, ...] = ()  #: heading nan where it could not be read
    drawn_streets: tuple[Street, ...] = ()
    drawn_roads: tuple[RoadSpec, ...] = ()


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


def object_layer_names(root: ElementTree.Element) -> list[str]:
    """The names of the map's object layers, in groups too (not a tile's collision shapes)."""
    names = []
    pending = list(root)
    while pending:
        node = pending.pop(0)
        if node.tag == "objectgroup":
            names.append(node.get("name", ""))
        elif node.tag == "group":
            pending[:0] = list(node)
    return names


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
        self.tmx_root = map_file.root
        self.tile_layer_names = {layer.name for layer in map_file.tile_layers}
        self.problems = problems
        self.size = map_file.size  #: (cols, rows) in tiles
        self.area_budget = limits.MAX_AREA_TESTS  #: point-in-polygon tests left for areas
        self.drawn_zones: list[Zone] = []
        self.drawn_spawns: list[Spawn] = []
        self.drawn_streets: list[Street] = []
        self.drawn_roads: list[RoadSpec] = []

    def problem(self, obj, message: str) -> None:
        self.problems.append(Problem(self.file, describe(obj), message))

    def layer_names(self) -> None:
        """A problem for each object layer the game does not read, and for a missing
        ``ground`` tile layer, with the closest name: a layer renamed ``Spawns`` or
        ``road`` would otherwise drop all its objects without a word."""
        for name in object_layer_names(self.tmx_root):
            if name not in schema.OBJECT_LAYERS:
                hint = close_hint(name, schema.OBJECT_LAYERS)
                fix = "rename it" if hint else "rename it to one of them or delete it"
                self.problems.append(
                    Problem(
                        self.file,
                        f"layer '{name}'",
                        f"the game reads no object layer of this name{hint}: its objects "
                        f"are ignored (object layers: {', '.join(schema.OBJECT_LAYERS)}; {fix})",
                    )
                )

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

    def known_properties(self, obj, known: tuple[str, ...], what: str) -> None:
        """A problem for each custom property the game does not read on this kind of
        object (a typo would otherwise be ignored without a word)."""
        for key, value in obj.properties.items():
            # a class-typed property has its own message (Tiled 1.8 drops it)
            if key not in known and isinstance(value, (str, int, float, bool)):
                self.problem(obj, schema.unknown_property(key, known, f"a {what}"))

    def number(
        self, obj, key: str, default: float, low: float, high: float, whole: bool = False
    ) -> float | None:
        """A numeric property, finite, within [low, high] (and whole if asked); None with
        a problem if it is not."""
        value = obj.properties.get(key, default)
        try:
            number = float(value)
        except (TypeError, ValueError):
            self.problem(obj, f"property {key} is '{value}', not a number")
            return None
        if not math.isfinite(number):
            self.problem(obj, f"property {key} is '{value}', not a finite number")
            return None
        if whole and number != int(number):
            self.problem(obj, f"property {key} is {value}, not a whole number")
            return None
        if not low <= number <= high:
            self.problem(
                obj,
                f"{key} is {value:g}; it must be {low:g} to {high:g}"
                if isinstance(value, (int, float))
                else f"{key} is '{value}'; it must be {low:g} to {high:g}",
            )
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
        return points if self.area_affordable(obj, points) else None

    def area_affordable(self, obj, points: np.ndarray) -> bool:
        """Whether the grids built from this area (shadow, street names, a mission's zone
        grid) stay within the point-in-polygon test budget; a problem if not."""
        cols, rows = self.size
        whole_map = len(points) * cols * rows
        if whole_map > limits.MAX_AREA_TESTS_PER_OBJECT:
            self.problem(
                obj,
                f"has {len(points)} vertices: too many for a map of {cols} x {rows} "
                f"tiles (vertices x tiles may be at most {limits.MAX_AREA_TESTS_PER_OBJECT:,})",
            )
            return False
        low = np.clip(np.floor(points.min(axis=0) / CELL_SIZE_M), 0, (cols, rows))
        high = np.clip(np.ceil(points.max(axis=0) / CELL_SIZE_M), 0, (cols, rows))
        spanned = len(points) * int(np.prod(high - low))
        if spanned > self.area_budget:
            self.problem(
                obj,
                f"zones and street areas together need more than "
                f"{limits.MAX_AREA_TESTS:,} point-in-polygon tests; draw this one with "
                "fewer vertices or smaller",
            )
            return False
        self.area_budget -= spanned
        return True

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
            named = self.named(obj, zones, schema.ZONES_LAYER)
            self.known_properties(obj, schema.ZONE_PROPERTIES, "zone")
            if polygon is None:
                continue
            zone = Zone(obj.name or "", obj.id, kind or "", polygon, dict(obj.properties))
            self.drawn_zones.append(zone)
            if named and kind:
                zones[obj.name] = zone
        return zones

    def spawns(self) -> dict[str, Spawn]:
        spawns: dict[str, Spawn] = {}
        for obj in self.layer_objects(schema.SPAWNS_LAYER):
            kind = self.kind_of(obj, schema.SPAWN_KINDS, "spawn")
            heading_deg = self.number(
                obj, "heading_deg", 0.0, -limits.MAX_HEADING_DEG, limits.MAX_HEADING_DEG
            )
            vehicle_class = obj.properties.get("vehicle_class") or None
            named = self.named(obj, spawns, schema.SPAWNS_LAYER)
            point = self.shapes.get(obj.id) == "point"
            if not point:
                self.problem(obj, "a spawn must be a point object")
            valid = named and kind and heading_deg is not None and point
            classes = schema.vehicle_class_names() if vehicle_class is not None else ()
            if vehicle_class is not None and vehicle_class not in classes:
                self.problem(
                    obj,
                    f"unknown vehicle_class '{vehicle_class}'{close_hint(vehicle_class, classes)}"
                    f" ({', '.join(classes)})",
                )
                valid = False
            self.known_properties(obj, schema.SPAWN_PROPERTIES, "spawn")
            if not point:
                continue
            heading = math.radians(heading_deg) if heading_deg is not None else math.nan
            spawn = Spawn(
                obj.name or "",
                obj.id,
                kind or "",
                obj.x * METRES_PER_PX,
                obj.y * METRES_PER_PX,
                heading,
                vehicle_class,
                {k: v for k, v in obj.properties.items() if k not in schema.SPAWN_PROPERTIES},
            )
            self.drawn_spawns.append(spawn)
            if valid:
                spawns[obj.name] = spawn
        return spawns

    def streets(self) -> tuple[Street, ...]:
        streets = []
        for obj in self.layer_objects(schema.STREETS_LAYER):
            polygon = self.outline(obj)
            self.known_properties(obj, schema.STREET_PROPERTIES, "street area")
            if polygon is not None:
                self.drawn_streets.append(Street(obj.name or "", obj.id, polygon))
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
        lanes = self.number(obj, "lanes", schema.DEFAULT_LANES, 1, limits.MAX_LANES, whole=True)
        limit = self.number(
            obj,
            "speed_limit_kmh",
            schema.DEFAULT_SPEED_LIMIT_KMH,
            limits.MIN_SPEED_LIMIT_KMH,
            limits.MAX_SPEED_LIMIT_KMH,
        )
        oneway = as_bool(obj.properties.get("oneway", False))
        if oneway is None:
            self.problem(obj, f"oneway is '{obj.properties['oneway']}', not true/false")
        length = polyline_length(np.vstack([points, points[:1]]) if closed else points)
        self.known_properties(obj, schema.ROAD_PROPERTIES, "road")
        if length > limits.MAX_ROAD_LENGTH_M:
            self.problem(
                obj,
                f"road is {length / 1000:,.1f} km long; one road may be at most "
                f"{limits.MAX_ROAD_LENGTH_M / 1000:g} km (split it)",
            )
            return None
        drawn = RoadSpec(
            obj.name or "",
            obj.id,
            points,
            closed,
            int(lanes or schema.DEFAULT_LANES),
            bool(oneway),
            (limit or schema.DEFAULT_SPEED_LIMIT_KMH) * KMH,
        )
        self.drawn_roads.append(drawn)
        if lanes is None or limit is None or oneway is None:
            return None
        return drawn

    def roads_and_signals(self) -> tuple[list[RoadSpec], list[SignalSpec]]:
        roads, signals = [], []
        for obj in self.layer_objects(schema.ROADS_LAYER):
            kind = self.kind_of(obj, (schema.ROAD_KIND, schema.SIGNAL_KIND), "road layer")
            if kind == schema.ROAD_KIND:
                road = self.road(obj)
                if road is not None:
                    roads.append(road)
            elif kind == schema.SIGNAL_KIND:
                self.known_properties(obj, schema.SIGNAL_PROPERTIES, "signal")
                cycle = self.number(
                    obj,
                    "cycle_s",
                    schema.DEFAULT_SIGNAL_CYCLE_S,
                    limits.MIN_SIGNAL_CYCLE_S,
                    limits.MAX_SIGNAL_CYCLE_S,
                )
                if cycle is not None:
                    x, y = obj.x * METRES_PER_PX, obj.y * METRES_PER_PX
                    signals.append(SignalSpec(obj.name or "", obj.id, x, y, cycle))
        return roads, signals


def affordable_roads(roads: list[RoadSpec], file: str, problems: list[Problem]) -> list[RoadSpec]:
    """The roads, if all of them together stay within the vertex and lane-length limits
    (the crossing check and the graph grow with them); none, with a problem, if not."""
    vertices = sum(len(road.points) for road in roads)
    lane_m = sum(
        polyline_length(road.points) * road.lanes * (1 if road.oneway else 2) for road in roads
    )
    if vertices > limits.MAX_ROAD_VERTICES:
        message = (
            f"roads have {vertices:,} vertices in all; the game reads at most "
            f"{limits.MAX_ROAD_VERTICES:,}"
        )
    elif lane_m > limits.MAX_LANE_LENGTH_M:
        message = (
            f"roads have {lane_m / 1000:,.0f} km of lanes in all; the game reads at most "
            f"{limits.MAX_LANE_LENGTH_M / 1000:,.0f} km"
        )
    else:
        return roads
    problems.append(Problem(file, f"layer '{schema.ROADS_LAYER}'", message))
    return []


def read_objects(map_file: MapFile, problems: list[Problem]) -> MapObjects:
    """All gameplay objects of a map; objects with problems are reported and left out."""
    reader = _Reader(map_file, problems)
    reader.layer_names()
    roads, signals = reader.roads_and_signals()
    roads = affordable_roads(roads, reader.file, problems)
    zones, spawns, streets = reader.zones(), reader.spawns(), reader.streets()
    return MapObjects(
        zones,
        spawns,
        streets,
        roads,
        signals,
        tuple(reader.drawn_zones),
        tuple(reader.drawn_spawns),
        tuple(reader.drawn_streets),
        tuple(reader.drawn_roads) if roads else (),
    )
