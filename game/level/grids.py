"""Tile layers -> solid, surface and shadow grids, through per-tile lookup tables.

A cell is solid if any layer's tile there is solid; its surface is the topmost tile's
``surface`` that is set (asphalt if none); it is shadow if any tile there says so. Each
tile layer is one numpy gather through tables indexed by Tiled gid.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from game.level.schema import GROUND_LAYER, where_on_map
from game.level.tmxfile import MapFile
from game.problems import Problem
from game.sim.terrain import CELL_SIZE_M, SURFACE_NAMES, Surface

NO_SURFACE = -1


class TileGrids(NamedTuple):
    solid: np.ndarray  #: bool (rows, cols)
    surface: np.ndarray  #: uint8 (rows, cols), a Surface per cell
    shadow: np.ndarray  #: bool (rows, cols), from tiles only (zones are added later)
    empty_ground: np.ndarray  #: bool (rows, cols): cells with no tile in the ground layer


def as_bool(value: object) -> bool | None:
    """A Tiled bool property (typed, or typed in by hand as text); None if it is not one."""
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("true", "1", "yes"):
        return True
    if text in ("false", "0", "no", ""):
        return False
    return None


def _tile_where(map_file: MapFile, gid: int, props: dict) -> str:
    try:
        tileset = map_file.tmx.get_tileset_from_gid(gid)
        return f"tileset '{tileset.name}' tile {props.get('id', '?')}"
    except ValueError:
        return f"tile gid {gid}"


def gid_count(map_file: MapFile) -> int:
    """One more than the highest Tiled gid the map's tilesets define (at most MAX_GID)."""
    return max([1, *(t.firstgid + t.extent for t in map_file.tilesets)])


def tile_tables(map_file: MapFile, problems: list[Problem]) -> tuple[np.ndarray, ...]:
    """(solid, surface, shadow) lookup tables indexed by Tiled gid; bad values are reported."""
    tmx = map_file.tmx
    size = gid_count(map_file)
    solid = np.zeros(size, dtype=bool)
    surface = np.full(size, NO_SURFACE, dtype=np.int16)
    shadow = np.zeros(size, dtype=bool)
    for gid, props in tmx.tile_properties.items():
        tiled_gid = tmx.tiledgidmap.get(gid, 0)
        if not 0 < tiled_gid < size:
            continue
        for name, table in (("solid", solid), ("shadow", shadow)):
            if name in props:
                flag = as_bool(props[name])
                if flag is None:
                    where = _tile_where(map_file, gid, props)
                    message = f"{name} is '{props[name]}', not true/false"
                    problems.append(Problem(str(map_file.path), where, message))
                table[tiled_gid] = bool(flag)
        if props.get("surface") not in (None, ""):
            kind = SURFACE_NAMES.get(str(props["surface"]).lower())
            if kind is None:
                where = _tile_where(map_file, gid, props)
                known = ", ".join(SURFACE_NAMES)
                message = f"unknown surface '{props['surface']}' ({known})"
                problems.append(Problem(str(map_file.path), where, message))
            else:
                surface[tiled_gid] = int(kind)
    return solid, surface, shadow


def tile_grids(map_file: MapFile, problems: list[Problem]) -> TileGrids:
    """Combine every tile layer, bottom to top, into the three grids."""
    cols, rows = map_file.size
    solid_lut, surface_lut, shadow_lut = tile_tables(map_file, problems)
    solid = np.zeros((rows, cols), dtype=bool)
    surface = np.full((rows, cols), int(Surface.ASPHALT), dtype=np.int16)
    shadow = np.zeros((rows, cols), dtype=bool)
    empty_ground = np.ones((rows, cols), dtype=bool)
    for layer in map_file.tile_layers:
        unknown = (layer.gids < 0) | (layer.gids >= len(solid_lut))
        if unknown.any():
            row, col = (int(v) for v in np.argwhere(unknown)[0])
            first = where_on_map((col + 0.5) * CELL_SIZE_M, (row + 0.5) * CELL_SIZE_M)
            message = f"{int(unknown.sum())} cells hold a tile of no tileset (the first at {first})"
            problems.append(Problem(str(map_file.path), f"layer '{layer.name}'", message))
        gids = np.where(unknown, 0, layer.gids)
        solid |= solid_lut[gids]
        shadow |= shadow_lut[gids]
        layer_surface = surface_lut[gids]
        np.copyto(surface, layer_surface, where=layer_surface != NO_SURFACE)
        if layer.name == GROUND_LAYER:
            empty_ground = layer.gids == 0
    return TileGrids(solid, surface.astype(np.uint8), shadow, empty_ground)
