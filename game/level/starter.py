"""A starter map: the smallest map ``check`` passes and ``play`` starts, to draw on in Tiled.

:func:`starter_map` returns the text of a ``.tmx`` of ``cols`` x ``rows`` tiles (one tile
is 32 px and 4 m): Tiled 1.8's format, the shipped tilesets linked by a path relative to
where the map will be, the four tile layers (``ground`` painted: sidewalk, with an asphalt
ring road two tiles wide, two tiles in from the edge) and the four object layers the game
reads, holding the minimum a map needs:

- ``roads``: the ring road's centre line, one closed two-way road of one lane each way,
  and a cross street from its top to its bottom side (without it the ring would be two
  loops, one a direction, that traffic could never leave: ``check`` wants every lane
  reachable from every other);
- ``spawns``: ``player_start`` (jobs start there) and ``free_drive`` (free drive starts
  there), both the Driver's car in a lane of the ring facing the traffic's way, and
  ``police_1``, a patrol car on the ring (free drive sends patrols out from it);
- ``zones`` and ``streets``: empty, for the designer.

Its map properties say it is hand-made (``generator = "none"``): no generator owns it, so
nothing will overwrite the designer's edits. ``python -m game new-map`` writes it
(:mod:`game.new_map`).
"""

from __future__ import annotations

import os
from pathlib import Path
from xml.etree import ElementTree

from game.level import schema
from game.level.files import LEVELS_DIR
from game.sim.terrain import CELL_SIZE_M

TILESETS_DIR = LEVELS_DIR / "tilesets"
#: the shipped tilesets in the order every map lists them (gids run on across them)
TILESETS = ("terrain", "markings", "structures", "roofs", "decor")
TILE_LAYERS = ("ground", "markings", "buildings", "decor")
RING_INSET_TILES = 2  #: tiles between the map's edge and the ring road
RING_WIDTH_TILES = 2  #: one 4 m lane each way
MIN_SIDE_TILES = 12  #: room for the ring road and something inside it
HAND_MADE = "none"  #: the ``generator`` property of a map no generator owns
ROAD_TILE, KERB_TILE = "asphalt", "sidewalk"  #: the terrain tiles (by type) it paints


def tileset_counts() -> list[tuple[str, int]]:
    """(name, tilecount) of each shipped tileset, in map order."""
    counts = []
    for name in TILESETS:
        root = ElementTree.parse(TILESETS_DIR / f"{name}.tsx").getroot()
        counts.append((name, int(root.get("tilecount", "0"))))
    return counts


def terrain_tile_id(tile_type: str) -> int:
    """The local id of the terrain tile whose Tiled type is ``tile_type``."""
    root = ElementTree.parse(TILESETS_DIR / "terrain.tsx").getroot()
    for tile in root.findall("tile"):
        if tile.get("type") == tile_type:
            return int(tile.get("id", "0"))
    raise LookupError(f"terrain.tsx has no tile of type {tile_type!r}")


def ring_cells(cols: int, rows: int) -> list[list[bool]]:
    """Whether each cell is on the ring road or the cross street (rows of columns)."""
    low, high = RING_INSET_TILES, RING_INSET_TILES + RING_WIDTH_TILES
    cross = range(cols // 2 - RING_WIDTH_TILES // 2, cols // 2 + RING_WIDTH_TILES // 2)

    def on_ring(col: int, row: int) -> bool:
        inside_outer = low <= col < cols - low and low <= row < rows - low
        inside_inner = high <= col < cols - high and high <= row < rows - high
        return inside_outer and (not inside_inner or col in cross)

    return [[on_ring(col, row) for col in range(cols)] for row in range(rows)]


def _csv(rows: list[list[int]]) -> str:
    return ",\n".join(",".join(str(gid) for gid in row) for row in rows)


def _spawn(object_id: int, name: str, kind: str, x_m: float, y_m: float, heading_deg: float,
           vehicle_class: str) -> str:
    px = schema.TILE_SIZE_PX / CELL_SIZE_M
    return (
        f'  <object id="{object_id}" name="{name}" type="{kind}" x="{x_m * px:g}" '
        f'y="{y_m * px:g}">\n'
        "   <properties>\n"
        f'    <property name="heading_deg" type="float" value="{heading_deg:g}"/>\n'
        f'    <property name="vehicle_class" propertytype="VehicleClass" '
        f'value="{vehicle_class}"/>\n'
        "   </properties>\n"
        "   <point/>\n"
        "  </object>"
    )


def starter_map(title: str, cols: int, rows: int, map_path: Path) -> str:
    """The starter map's text for a file at ``map_path`` (its tilesets are linked from
    there); ``cols`` and ``rows`` at least :data:`MIN_SIDE_TILES`."""
    if cols < MIN_SIDE_TILES or rows < MIN_SIDE_TILES:
        raise ValueError(f"a starter map is at least {MIN_SIDE_TILES} x {MIN_SIDE_TILES} tiles")
    folder = os.path.relpath(TILESETS_DIR, Path(map_path).resolve().parent).replace(os.sep, "/")
    firstgid, tileset_lines = 1, []
    for name, count in tileset_counts():
        tileset_lines.append(f' <tileset firstgid="{firstgid}" source="{folder}/{name}.tsx"/>')
        firstgid += count
    road, kerb = terrain_tile_id(ROAD_TILE) + 1, terrain_tile_id(KERB_TILE) + 1  # gids
    ground = [[road if cell else kerb for cell in row] for row in ring_cells(cols, rows)]
    empty = [[0] * cols for _ in range(rows)]
    layers = []
    for layer_id, name in enumerate(TILE_LAYERS, start=1):
        data = ground if name == schema.GROUND_LAYER else empty
        layers.append(
            f' <layer id="{layer_id}" name="{name}" width="{cols}" height="{rows}">\n'
            f'  <data encoding="csv">\n{_csv(data)}\n</data>\n </layer>'
        )
    centre = (RING_INSET_TILES + RING_WIDTH_TILES / 2) * CELL_SIZE_M  #: the ring's centre line
    east, south = cols * CELL_SIZE_M - centre, rows * CELL_SIZE_M - centre
    half_lane = schema.LANE_WIDTH_M / 2
    px = schema.TILE_SIZE_PX / CELL_SIZE_M
    # drawn clockwise (east along the top): traffic drives on the right, so eastbound
    # cars use the lane south of the top side, westbound ones north of the bottom side
    cross_x = (cols // 2) * CELL_SIZE_M  #: the cross street's centre line
    ring = [(centre, centre), (cross_x, centre), (east, centre), (east, south),
            (cross_x, south), (centre, south)]
    points = " ".join(f"{(x - centre) * px:g},{(y - centre) * px:g}" for x, y in ring)
    quarter_x, middle_y = cols * CELL_SIZE_M / 4, rows * CELL_SIZE_M / 2
    objects = [
        ' <objectgroup id="5" name="roads">',
        f'  <object id="1" name="Ring Road" type="road" x="{centre * px:g}" '
        f'y="{centre * px:g}">\n'
        "   <properties>\n"
        '    <property name="lanes" type="int" value="1"/>\n'
        '    <property name="oneway" type="bool" value="false"/>\n'
        '    <property name="speed_limit_kmh" type="int" value="50"/>\n'
        "   </properties>\n"
        f'   <polygon points="{points}"/>\n'
        "  </object>",
        f'  <object id="5" name="Cross Street" type="road" x="{cross_x * px:g}" '
        f'y="{centre * px:g}">\n'
        "   <properties>\n"
        '    <property name="lanes" type="int" value="1"/>\n'
        '    <property name="oneway" type="bool" value="false"/>\n'
        '    <property name="speed_limit_kmh" type="int" value="40"/>\n'
        "   </properties>\n"
        f'   <polyline points="0,0 0,{(south - centre) * px:g}"/>\n'
        "  </object>",
        " </objectgroup>",
        ' <objectgroup id="6" name="zones"/>',
        ' <objectgroup id="7" name="spawns">',
        _spawn(2, "player_start", "player", quarter_x, centre + half_lane, 0, "driver"),
        _spawn(3, "free_drive", "player", 3 * quarter_x, south - half_lane, 180, "driver"),
        _spawn(4, "police_1", "police", east - half_lane, middle_y, 90, "police"),
        " </objectgroup>",
        ' <objectgroup id="8" name="streets"/>',
    ]
    return "\n".join([
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<map version="1.8" tiledversion="1.8.2" orientation="orthogonal" '
        f'renderorder="right-down" width="{cols}" height="{rows}" '
        f'tilewidth="{schema.TILE_SIZE_PX}" tileheight="{schema.TILE_SIZE_PX}" infinite="0" '
        'nextlayerid="9" nextobjectid="6">',
        " <properties>",
        f'  <property name="title" value="{_attr(title)}"/>',
        '  <property name="district" value=""/>',
        f'  <property name="generator" value="{HAND_MADE}"/>',
        " </properties>",
        *tileset_lines,
        *layers,
        *objects,
        "</map>",
        "",
    ])


def _attr(text: str) -> str:
    """Text safe inside a double-quoted XML attribute."""
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;"))
