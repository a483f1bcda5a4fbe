"""``read_level(path) -> LevelReading``: one pass over a map that both builds the Level
and collects every problem met on the way.

The loader (:func:`game.level.load_level`) and the checker
(:func:`game.level.validate.check_map`) both start here, then run the same whole-map
checks over the reading, so a map is read once and the two can never disagree.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

import numpy as np

from game.level import schema
from game.level.files import SHIPPED_ROOTS
from game.level.grids import TileGrids, tile_grids
from game.level.model import Level, Zone
from game.level.objects import MapObjects, read_objects
from game.level.roads import BuiltRoads, build_road_graph
from game.level.tmxfile import MapFile, open_map
from game.problems import Problem, close_hint
from game.sim.terrain import CELL_SIZE_M, Terrain


class LevelReading(NamedTuple):
    """Everything read from one map, for the loader and the validator alike."""

    level: Level
    map_file: MapFile
    grids: TileGrids
    objects: MapObjects
    roads: BuiltRoads
    problems: list[Problem]  #: what the file gets wrong; the loader refuses a map with any


def zone_cells(zone: Zone, rows: int, cols: int) -> tuple[np.ndarray, np.ndarray]:
    """(row, col) of the cells whose centres lie inside the zone (clipped to the map)."""
    low = np.floor(zone.polygon.min(axis=0) / CELL_SIZE_M).astype(int)
    high = np.ceil(zone.polygon.max(axis=0) / CELL_SIZE_M).astype(int)
    col0, row0 = np.maximum(low, 0)
    col1, row1 = min(high[0], cols), min(high[1], rows)
    if col1 <= col0 or row1 <= row0:
        return np.zeros(0, int), np.zeros(0, int)
    r, c = np.mgrid[row0:row1, col0:col1]
    inside = zone.contains((c + 0.5) * CELL_SIZE_M, (r + 0.5) * CELL_SIZE_M)
    return r[inside], c[inside]


def read_level(path: str | Path, roots: Iterable[Path] = SHIPPED_ROOTS) -> LevelReading:
    """Read a map, collecting every problem; FileProblem only if it cannot be read at all.

    Its tilesets and images must lie inside ``roots`` or the map's own folder.
    """
    map_file = open_map(path, roots)
    problems: list[Problem] = []
    grids = tile_grids(map_file, problems)
    objects = read_objects(map_file, problems)
    roads = build_road_graph(objects.roads, objects.signals, str(map_file.path), problems)
    shadow = grids.shadow.copy()
    rows, cols = shadow.shape
    for zone in objects.zones.values():
        if zone.kind == "shadow":
            shadow[zone_cells(zone, rows, cols)] = True
    properties = dict(map_file.tmx.properties)
    level = Level(
        name=map_file.path.stem,
        path=map_file.path,
        terrain=Terrain(solid=grids.solid, surface=grids.surface),
        shadow=shadow,
        zones=objects.zones,
        spawns=objects.spawns,
        streets=objects.streets,
        roads=roads.graph,
        properties=properties,
    )
    tile_layer_names = [layer.name for layer in map_file.tile_layers]
    if schema.GROUND_LAYER not in tile_layer_names:
        hint = close_hint(schema.GROUND_LAYER, tile_layer_names)
        problems.insert(0, Problem(str(map_file.path), "", f"has no tile layer named "
                                   f"'{schema.GROUND_LAYER}'{hint}: every cell needs a tile "
                                   "in it"))
    return LevelReading(level, map_file, grids, objects, roads, problems)
