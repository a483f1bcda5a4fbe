"""``check_map(path) -> list[Problem]``: everything wrong with a map, one line each.

First what the loader finds while reading (unknown kinds and values, bad shapes,
duplicate names, stray signals), then what only a whole map shows: empty ground cells,
missing tileset images, class-typed properties a Tiled 1.8 re-save would drop, spawns in
solid cells or off their lanes, objects outside the map, roads that cross without a
shared vertex, a road network that is not strongly connected, and the names the game
needs on its shipped maps (:mod:`game.level.required`).
"""

from __future__ import annotations

from pathlib import Path
from xml.etree import ElementTree

import numpy as np

from game.level import schema
from game.level.connectivity import reachable, strong_components
from game.level.loader import LevelReading, read_level
from game.level.objects import describe
from game.level.required import REQUIRED
from game.level.tmxfile import object_where
from game.problems import FileProblem, Problem

#: how far from the nearest lane centre each kind of spawn may be, metres
ROAD_SPAWN_DISTANCE_M = {
    "traffic": (0.0, 3.0),  # on the lane
    "police": (0.0, 8.0),  # on the road or at its side
    "parked": (2.0, 4.5),  # in the gutter half of the curb tile beside the outer lane
}
ROAD_SPAWN_KINDS = tuple(ROAD_SPAWN_DISTANCE_M)
HEADING_TOLERANCE_RAD = np.radians(45.0)  #: traffic and parked cars face their lane's way


def check_map(path: str | Path) -> list[Problem]:
    """Every problem in a map file; an empty list means the map is good."""
    try:
        reading = read_level(path)
    except FileProblem as error:
        return [error.problem]
    file = str(reading.map_file.path)
    problems = list(reading.problems)
    for check in (
        _empty_ground,
        _tileset_images,
        _class_properties,
        _spawn_places,
        _outside_map,
        _road_crossings,
        _road_network,
        _required_names,
    ):
        problems.extend(Problem(file, where, message) for where, message in check(reading))
    return problems


def _empty_ground(reading: LevelReading):
    if schema.GROUND_LAYER not in [layer.name for layer in reading.map_file.tile_layers]:
        return
    empty = reading.grids.empty_ground
    if empty.any():
        row, col = (int(v) for v in np.argwhere(empty)[0])
        yield (
            f"layer '{schema.GROUND_LAYER}'",
            f"{int(empty.sum())} cells have no tile (the first at column {col}, row {row})",
        )


def _tileset_images(reading: LevelReading):
    for tileset in reading.map_file.tilesets:
        base = tileset.path.parent if tileset.source else reading.map_file.path.parent
        name = tileset.root.get("name") or tileset.source
        for image in tileset.root.iter("image"):
            source = image.get("source", "")
            if not (base / source).is_file():
                yield f"tileset '{name}'", f"image '{source}' not found (looked in {base})"


def _where(node: ElementTree.Element, tileset: str | None) -> str:
    if node.tag == "object":
        return object_where(node.get("name"), node.get("id"))
    if node.tag == "tile":
        return f"tileset '{tileset}' tile {node.get('id')}"
    if node.tag == "map":
        return "map properties"
    return f"{node.tag} '{node.get('name', '')}'"


def _class_properties(reading: LevelReading):
    roots = [(reading.map_file.root, None)]
    roots += [(t.root, t.root.get("name")) for t in reading.map_file.tilesets if t.source]
    for root, tileset in roots:
        for node in root.iter():
            for prop in node.findall("properties/property"):
                if prop.get("type") == "class":
                    yield (
                        _where(node, tileset),
                        f"property '{prop.get('name')}' is class-typed; Tiled 1.8 drops it "
                        "when it re-saves the map: use flat properties",
                    )


def _spawn_places(reading: LevelReading):
    level = reading.level
    for spawn in level.spawns.values():
        if spawn.kind == "helicopter":
            continue  # it flies over the roofs
        if level.terrain.is_solid(np.array([spawn.x]), np.array([spawn.y]))[0]:
            row, col = (int(v[0]) for v in level.terrain.cells_of([spawn.x], [spawn.y]))
            yield (
                describe(spawn),
                f"spawn is inside a solid cell (column {col}, row {row}) or off the map",
            )
        elif spawn.kind in ROAD_SPAWN_KINDS and len(level.roads.edge_src):
            message = _off_the_road(level.roads, spawn)
            if message:
                yield describe(spawn), message


def _off_the_road(graph, spawn) -> str | None:
    """Why a traffic, police or parked spawn is not where the road graph expects it."""
    edge, t = graph.nearest_edge(spawn.x, spawn.y)
    a, b = graph.node_xy[graph.edge_src[edge[0]]], graph.node_xy[graph.edge_dst[edge[0]]]
    distance = float(np.hypot(*(a + t[0] * (b - a) - (spawn.x, spawn.y))))
    lane_heading = graph.edge_heading[edge[0]]
    turn = np.angle(np.exp(1j * (lane_heading - spawn.heading)))
    low, high = ROAD_SPAWN_DISTANCE_M[spawn.kind]
    if not low <= distance <= high:
        where = {"traffic": "on", "police": "on or beside", "parked": "at the kerb beside"}
        return (
            f"{spawn.kind} spawn is {distance:.1f} m from the nearest lane centre; put it "
            f"{where[spawn.kind]} a lane ({low:g} to {high:g} m)"
        )
    if spawn.kind != "police" and abs(turn) > HEADING_TOLERANCE_RAD:
        return (
            f"{spawn.kind} spawn faces {np.degrees(spawn.heading):.0f} deg but its lane runs "
            f"{np.degrees(lane_heading):.0f} deg (heading_deg: 0 = east, clockwise)"
        )
    return None


def _outside_map(reading: LevelReading):
    width, height = reading.level.size_m
    shapes = [(describe(z), "zone", z.polygon) for z in reading.level.zones.values()]
    shapes += [(describe(s), "street area", s.polygon) for s in reading.level.streets]
    shapes += [(describe(r), "road", r.points) for r in reading.objects.roads]
    for where, what, points in shapes:
        if (
            (points < -1e-6).any()
            or (points[:, 0] > width + 1e-6).any()
            or (points[:, 1] > height + 1e-6).any()
        ):
            yield where, f"{what} reaches outside the map ({width:.0f} x {height:.0f} m)"


def _road_crossings(reading: LevelReading):
    """Segments of different roads that cross, or a road end on another road's middle."""
    roads = reading.objects.roads
    if len(roads) < 2:
        return
    starts, ends, owner = [], [], []
    for i, road in enumerate(roads):
        pts = np.vstack([road.points, road.points[:1]]) if road.closed else road.points
        starts.append(pts[:-1])
        ends.append(pts[1:])
        owner.append(np.full(len(pts) - 1, i))
    a, b, owner = np.vstack(starts), np.vstack(ends), np.concatenate(owner)
    radius = schema.INTERSECTION_RADIUS_M
    reported: set[tuple[int, int]] = set()
    for i in range(len(a)):
        others = owner > owner[i]
        if not others.any():
            continue
        p, r = a[i], b[i] - a[i]
        q, s = a[others], b[others] - a[others]
        denom = r[0] * s[:, 1] - r[1] * s[:, 0]
        qp = q - p
        with np.errstate(divide="ignore", invalid="ignore"):
            t = (qp[:, 0] * s[:, 1] - qp[:, 1] * s[:, 0]) / denom
            u = (qp[:, 0] * r[1] - qp[:, 1] * r[0]) / denom
            hit_xy = p + t[:, None] * r
        crosses = (np.abs(denom) > 1e-9) & (t >= 0) & (t <= 1) & (u >= 0) & (u <= 1)
        # fine only where the crossing is a vertex of both roads: the shared vertex
        bad = crosses & ~(
            _near_either(hit_xy, p, b[i], radius) & _near_either(hit_xy, q, q + s, radius)
        )
        for j in np.flatnonzero(bad):
            other = int(owner[others][j])
            pair = (int(owner[i]), other)
            if pair in reported:
                continue
            reported.add(pair)
            x, y = hit_xy[j]
            yield (
                describe(roads[owner[i]]),
                f"crosses road {describe(roads[other])[7:]} at ({x:.0f}, {y:.0f}) m without "
                "a shared vertex there (add one to both roads to make an intersection)",
            )


def _near_either(points: np.ndarray, first, second, radius: float) -> np.ndarray:
    return np.minimum(np.hypot(*(points - first).T), np.hypot(*(points - second).T)) <= radius


def _road_network(reading: LevelReading):
    graph = reading.level.roads
    if len(graph.edge_src) == 0:
        return
    labels = strong_components(graph)
    main = int(np.bincount(labels).argmax())
    in_main = labels == main
    if in_main.all():
        return
    from_main = reachable(graph, np.flatnonzero(in_main))
    node_road = reading.roads.node_road_id
    by_id = {road.id: road for road in reading.objects.roads}
    cut_off: dict[int, str] = {}
    for node in np.flatnonzero(~in_main & (node_road >= 0)):
        if not from_main[node]:
            why = "no lane from the rest of the road network leads onto it"
        else:
            why = "traffic on it cannot get back to the rest of the road network (a dead end?)"
        cut_off.setdefault(int(node_road[node]), why)
    for road_id, why in cut_off.items():
        yield describe(by_id[road_id]), f"road graph is not strongly connected: {why}"


def _required_names(reading: LevelReading):
    level = reading.level
    needs = REQUIRED.get(level.name)
    if needs is None:
        return
    min_cols, min_rows = needs.min_size
    if level.cols < min_cols or level.rows < min_rows:
        yield (
            "",
            f"map is {level.cols} x {level.rows} tiles; {level.name} needs {min_cols} x {min_rows}",
        )
    for group, found in (("zone", level.zones), ("spawn", level.spawns)):
        for need in needs.zones if group == "zone" else needs.spawns:
            item = found.get(need.name)
            if item is None:
                yield "", f"{level.name} needs a {need.kind} {group} named '{need.name}'"
                continue
            where = describe(item)
            if item.kind != need.kind:
                yield where, f"must be of kind '{need.kind}', not '{item.kind}'"
            if need.vehicle_class and getattr(item, "vehicle_class", None) != need.vehicle_class:
                yield where, f"needs vehicle_class '{need.vehicle_class}'"
    for prefix, kind, at_least in needs.counts:
        count = sum(s.kind == kind and s.name.startswith(prefix) for s in level.spawns.values())
        if count < at_least:
            yield (
                "",
                f"{level.name} needs {at_least} or more {kind} spawns named {prefix}*; has {count}",
            )
