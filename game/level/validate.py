"""``check_map(path) -> list[Problem]``: everything wrong with a map, one line each.

First what the reader finds (:mod:`game.level.reading`: unknown kinds and values,
numbers out of range, bad shapes, duplicate names, stray signals), then what only a whole
map shows (:func:`map_problems`): empty ground cells, tileset and layer images that are
missing, outside the map's folders or not loadable PNGs, class-typed properties a Tiled
1.8 re-save would drop, spawns in solid cells or off their lanes, objects outside the
map, roads that cross without a shared vertex, intersections too big for the traffic AI,
a road network that is not strongly connected, and the names the game needs on its
shipped maps (:mod:`game.level.required`).

:func:`game.level.load_level` runs exactly these checks on the same reading and refuses
a map with any problem: what ``check`` passes, the game runs.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import numpy as np

from game.level import limits, provenance, schema
from game.level.connectivity import reachable, strong_components
from game.level.files import SHIPPED_ROOTS
from game.level.images import image_problems
from game.level.objects import describe
from game.level.reading import LevelReading, read_level
from game.level.required import REQUIRED
from game.level.structure import walk
from game.problems import FileProblem, Problem
from game.sim.terrain import CELL_SIZE_M

#: how far from the nearest lane centre each kind of spawn may be, metres
ROAD_SPAWN_DISTANCE_M = {
    "traffic": (0.0, 3.0),  # on the lane
    "police": (0.0, 8.0),  # on the road or at its side
    "parked": (2.0, 4.5),  # in the gutter half of the curb tile beside the outer lane
}
ROAD_SPAWN_KINDS = tuple(ROAD_SPAWN_DISTANCE_M)
HEADING_TOLERANCE_RAD = np.radians(45.0)  #: traffic and parked cars face their lane's way


def check_map(path: str | Path, roots: Iterable[Path] = SHIPPED_ROOTS) -> list[Problem]:
    """Every problem in a map file; an empty list means the map is good.

    Its tilesets and images must lie inside ``roots`` or the map's own folder.
    """
    try:
        reading = read_level(path, roots)
    except FileProblem as error:
        return [error.problem]
    return map_problems(reading)


def map_problems(reading: LevelReading) -> list[Problem]:
    """The reader's problems, then the whole-map checks', in that order."""
    file = str(reading.map_file.path)
    problems = list(reading.problems)
    for check in (
        _empty_ground,
        _images,
        _class_properties,
        _unknown_map_and_tile_properties,
        _spawn_places,
        _outside_map,
        _road_crossings,
        _intersection_sizes,
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
        first = schema.where_on_map((col + 0.5) * CELL_SIZE_M, (row + 0.5) * CELL_SIZE_M)
        yield (
            f"layer '{schema.GROUND_LAYER}'",
            f"{int(empty.sum())} cells have no tile (the first at {first})",
        )


def _images(reading: LevelReading):
    yield from image_problems(reading.map_file)


def _class_properties(reading: LevelReading):
    roots = [reading.map_file.root]
    roots += [t.root for t in reading.map_file.tilesets if t.source]
    for root in roots:
        if not any(p.get("type") == "class" for p in root.iter("property")):
            continue  # the usual case: no need to walk the tree for names
        for node, _, where, _ in walk(root):
            if node.tag == "property" and node.get("type") == "class":
                yield (
                    where,
                    f"property '{node.get('name')}' is class-typed; Tiled 1.8 drops it "
                    "when it re-saves the map: use flat properties",
                )


def _unknown_map_and_tile_properties(reading: LevelReading):
    """Map and tile properties the game does not read (objects are checked as they are
    read, :mod:`game.level.objects`)."""
    root = reading.map_file.root
    for node in root.findall("properties/property"):
        name = node.get("name", "")
        if name not in schema.MAP_PROPERTIES:
            yield "map properties", schema.unknown_property(name, schema.MAP_PROPERTIES, "a map")
    owner = reading.level.properties.get(provenance.GENERATOR)
    if owner is not None and owner not in provenance.OWNERS:
        yield "map properties", (
            f"generator is '{owner}'; it is '{provenance.MAKE_MAPS}' (that tool writes the "
            f"map) or '{provenance.HAND_MADE}' (made by hand)"
        )
    if provenance.GENERATOR_HASH in reading.level.properties and owner != provenance.MAKE_MAPS:
        yield "map properties", (
            f"generator_hash is only for maps whose generator is '{provenance.MAKE_MAPS}'"
        )
    for tileset in reading.map_file.tilesets:
        label = tileset.root.get("name") or tileset.source
        for tile in tileset.root.findall("tile"):
            for node in tile.findall("properties/property"):
                name = node.get("name", "")
                if name not in schema.TILE_PROPERTIES:
                    where = f"tileset '{label}' tile {tile.get('id')}"
                    yield where, schema.unknown_property(name, schema.TILE_PROPERTIES, "a tile")


def _spawn_places(reading: LevelReading):
    """Every spawn drawn as a point (a bad name or class does not hide its place)."""
    level = reading.level
    spawns = [s for s in reading.objects.drawn_spawns if s.kind != "helicopter"]  # it flies
    if not spawns:
        return
    x, y = np.array([s.x for s in spawns]), np.array([s.y for s in spawns])
    solid = level.terrain.is_solid(x, y)
    on_road = np.array([s.kind in ROAD_SPAWN_KINDS for s in spawns]) & ~solid
    off_road = {}
    if on_road.any() and len(level.roads.edge_src):
        off_road = _off_the_road(
            level.roads, [s for s, keep in zip(spawns, on_road, strict=True) if keep]
        )
    for spawn, in_wall in zip(spawns, solid, strict=True):
        if in_wall:
            width, height = level.size_m
            at = schema.where_on_map(spawn.x, spawn.y)
            if 0 <= spawn.x < width and 0 <= spawn.y < height:
                message = f"spawn is inside a solid cell, at {at}"
            else:
                message = (
                    f"spawn is off the map, at {at} (the map is {width:.0f} x {height:.0f} m, "
                    f"{level.cols} x {level.rows} tiles)"
                )
            yield describe(spawn), message
        elif spawn.id in off_road:
            yield describe(spawn), off_road[spawn.id]


def _off_the_road(graph, spawns) -> dict[int, str]:
    """Why each traffic, police or parked spawn is not where the road graph expects it
    (by object id; the nearest lanes of all of them found at once)."""
    xy = np.array([(s.x, s.y) for s in spawns])
    edges, distances = _nearest_lanes(
        graph, xy, max(high for _, high in ROAD_SPAWN_DISTANCE_M.values())
    )
    lane_headings = graph.edge_heading[edges]
    where = {"traffic": "on", "police": "on or beside", "parked": "at the kerb beside"}
    reasons = {}
    for spawn, distance, lane_heading in zip(spawns, distances, lane_headings, strict=True):
        low, high = ROAD_SPAWN_DISTANCE_M[spawn.kind]
        turn = np.angle(np.exp(1j * (lane_heading - spawn.heading)))
        if not low <= distance <= high:
            reasons[spawn.id] = (
                f"{spawn.kind} spawn is {distance:.1f} m from the nearest lane centre; put it "
                f"{where[spawn.kind]} a lane ({low:g} to {high:g} m); it is at "
                f"{schema.where_on_map(spawn.x, spawn.y)}"
            )
        elif (
            spawn.kind != "police"
            and np.isfinite(spawn.heading)
            and abs(turn) > HEADING_TOLERANCE_RAD
        ):
            reasons[spawn.id] = (
                f"{spawn.kind} spawn faces {schema.heading_text(spawn.heading)} but its lane "
                f"runs {schema.heading_text(lane_heading)}: set heading_deg to "
                f"{schema.heading_text(lane_heading)[:-4]} (0 = east, 90 = south, clockwise)"
            )
    return reasons


def _nearest_lanes(graph, xy: np.ndarray, radius: float) -> tuple[np.ndarray, np.ndarray]:
    """The nearest lane edge of each point and its distance, exact within ``radius``
    (and beyond it too): only edges whose midpoints are near a point are compared,
    unless none of them is within ``radius``; then all edges are."""
    a, b = graph.node_xy[graph.edge_src], graph.node_xy[graph.edge_dst]
    middle = (a + b) / 2
    reach = radius + schema.MAX_EDGE_M  # an edge within radius has its middle this near
    order = np.argsort(middle[:, 0], kind="stable")
    sorted_x = middle[order, 0]
    edges = np.empty(len(xy), dtype=np.intp)
    distances = np.empty(len(xy))
    for k, (x, y) in enumerate(xy):
        window = order[np.searchsorted(sorted_x, x - reach) : np.searchsorted(sorted_x, x + reach)]
        near = np.sort(window[np.abs(middle[window, 1] - y) <= reach])
        for candidates in (near, np.arange(len(a))):
            if len(candidates) == 0:
                continue
            d = b[candidates] - a[candidates]
            t = np.clip(
                ((xy[k] - a[candidates]) * d).sum(axis=1) / np.maximum((d * d).sum(axis=1), 1e-9),
                0,
                1,
            )
            gap = np.hypot(*(a[candidates] + t[:, None] * d - xy[k]).T)
            best = int(np.argmin(gap))
            edges[k], distances[k] = candidates[best], gap[best]
            if distances[k] <= radius:
                break
    return edges, distances


def _outside_map(reading: LevelReading):
    """Every zone, street area and road as drawn (problems or not) within the map."""
    level, objects = reading.level, reading.objects
    width, height = level.size_m
    shapes = [(describe(z), "zone", z.polygon) for z in objects.drawn_zones]
    shapes += [(describe(s), "street area", s.polygon) for s in objects.drawn_streets]
    shapes += [(describe(r), "road", r.points) for r in objects.drawn_roads]
    for where, what, points in shapes:
        outside = (
            (points[:, 0] < -1e-6)
            | (points[:, 1] < -1e-6)
            | (points[:, 0] > width + 1e-6)
            | (points[:, 1] > height + 1e-6)
        )
        if outside.any():
            x, y = points[np.argmax(outside)]
            yield (
                where,
                f"{what} reaches outside the map ({width:.0f} x {height:.0f} m, "
                f"{level.cols} x {level.rows} tiles): a vertex at {schema.where_on_map(x, y)}",
            )


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
    reported: set[tuple[int, int]] = set()
    for i, j, (x, y) in _bad_crossings(a, b, owner, schema.INTERSECTION_RADIUS_M):
        pair = (int(owner[i]), int(owner[j]))
        if pair in reported:
            continue
        if len(reported) == MAX_CROSSINGS_LISTED:
            yield (
                "",
                f"more roads cross without a shared vertex; the first {len(reported)} are listed",
            )
            return
        reported.add(pair)
        yield (
            describe(roads[pair[0]]),
            f"crosses road {describe(roads[pair[1]])[7:]} at {schema.where_on_map(x, y)} "
            "without a shared vertex there (add one to both roads to make an intersection)",
        )


#: crossings listed at most: every pair of roads may cross, and a line each would be
#: millions of lines for a few thousand roads
MAX_CROSSINGS_LISTED = 100


#: segment pairs compared at once by the crossing check (bounds its temporary arrays)
CROSSING_BLOCK = 1 << 18


def _bad_crossings(a: np.ndarray, b: np.ndarray, owner: np.ndarray, radius: float):
    """(i, j, crossing point) for segments a[i]-b[i] and a[j]-b[j] of different roads
    (owner[j] > owner[i]) that cross away from a vertex of both; rows in order.

    Only pairs whose bounding boxes overlap are tested exactly, a block of rows at a time.
    """
    low, high = np.minimum(a, b), np.maximum(a, b)
    rows_per_block = max(1, CROSSING_BLOCK // max(len(a), 1))
    for first in range(0, len(a), rows_per_block):
        block = slice(first, min(first + rows_per_block, len(a)))
        overlap = owner[None, :] > owner[block, None]
        for axis in (0, 1):
            overlap &= low[None, :, axis] <= high[block, None, axis]
            overlap &= high[None, :, axis] >= low[block, None, axis]
        i, j = np.nonzero(overlap)
        i += first
        p, r = a[i], b[i] - a[i]
        q, s = a[j], b[j] - a[j]
        denom = r[:, 0] * s[:, 1] - r[:, 1] * s[:, 0]
        qp = q - p
        with np.errstate(divide="ignore", invalid="ignore"):
            t = (qp[:, 0] * s[:, 1] - qp[:, 1] * s[:, 0]) / denom
            u = (qp[:, 0] * r[:, 1] - qp[:, 1] * r[:, 0]) / denom
            hit = p + t[:, None] * r
        crosses = (np.abs(denom) > 1e-9) & (t >= 0) & (t <= 1) & (u >= 0) & (u <= 1)
        # fine only where the crossing is a vertex of both roads: the shared vertex
        near_own = _near_either(hit, p, p + r, radius)
        near_other = _near_either(hit, q, q + s, radius)
        bad = np.flatnonzero(crosses & ~(near_own & near_other))
        # the first crossing of each pair of roads in the block, in row order
        _, first_of_pair = np.unique(owner[i[bad]] * len(a) + owner[j[bad]], return_index=True)
        for k in bad[np.sort(first_of_pair)].tolist():
            yield int(i[k]), int(j[k]), hit[k]


def _near_either(points: np.ndarray, first, second, radius: float) -> np.ndarray:
    """Whether each point is within ``radius`` of ``first`` or of ``second`` (broadcast)."""
    near_first = np.hypot(*np.moveaxis(points - first, -1, 0)) <= radius
    return near_first | (np.hypot(*np.moveaxis(points - second, -1, 0)) <= radius)


def _intersection_sizes(reading: LevelReading):
    """Intersections whose turning paths the traffic AI could not compare point by point."""
    graph = reading.level.roads
    if len(graph.intersection_xy) == 0:
        return
    src_in = graph.node_intersection[graph.edge_src]
    inside = (src_in >= 0) & (src_in == graph.node_intersection[graph.edge_dst])
    paths_m = np.bincount(
        src_in[inside], weights=graph.edge_length[inside], minlength=len(graph.intersection_xy)
    )
    for index in np.flatnonzero(paths_m > limits.MAX_TURN_PATHS_M):
        x, y = graph.intersection_xy[index]
        yield (
            f"intersection at {schema.where_on_map(x, y)}",
            f"has {paths_m[index]:,.0f} m of turning paths; at most "
            f"{limits.MAX_TURN_PATHS_M:,.0f} m (fewer lanes or fewer roads meeting there)",
        )


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
    """A player spawn on every map (free drive and every job start the Driver at one),
    then the names a shipped map must have (:mod:`game.level.required`)."""
    level = reading.level
    drawn_kinds = {spawn.kind for spawn in reading.objects.drawn_spawns}
    if schema.PLAYER_SPAWN_KIND not in drawn_kinds:
        yield (
            f"layer '{schema.SPAWNS_LAYER}'",
            f"the map has no spawn of kind '{schema.PLAYER_SPAWN_KIND}': free drive and "
            f"every job start the Driver at one (add a point of type "
            f"'{schema.PLAYER_SPAWN_KIND}' named 'player_start')",
        )
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
