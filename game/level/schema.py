"""The map schema in code: layer names, object kinds, property names and defaults.

The designer's view of the same rules is ``levels/README.md``; the Tiled project's enums
(``levels/five-minute-window.tiled-project``) list the same values.
"""

from __future__ import annotations

import math

from game.sim.terrain import CELL_SIZE_M, SURFACE_NAMES

TILE_SIZE_PX = 32  #: every map and tileset uses 32 x 32 px tiles (one 4 m cell)

GROUND_LAYER = "ground"  #: the one required tile layer: every cell has a tile
ROADS_LAYER = "roads"
ZONES_LAYER = "zones"
SPAWNS_LAYER = "spawns"
STREETS_LAYER = "streets"
#: the object layers the game reads; any other object layer is a problem (a misspelt
#: ``Spawns`` would otherwise drop every spawn without a word)
OBJECT_LAYERS = (ROADS_LAYER, ZONES_LAYER, SPAWNS_LAYER, STREETS_LAYER)

ROAD_KIND = "road"
SIGNAL_KIND = "signal"

ZONE_KINDS = (
    "place",
    "pickup",
    "shadow",
    "crowd",
    "finish",
    "checkpoint",
    "home",
    "garage",
    "pit",
    "start",
)
SPAWN_KINDS = (
    "player",
    "traffic",
    "parked",
    "police",
    "crew",
    "chaser",
    "detective",
    "helicopter",
    "target",
    "racer",
    "witness",
    "spare",
)
SURFACES = tuple(SURFACE_NAMES)
PLAYER_SPAWN_KIND = "player"  #: every map needs one: free drive and jobs start the Driver there

#: the custom properties the game reads on each kind of object; any other name is a
#: problem with a did-you-mean (``heading`` for ``heading_deg`` is otherwise ignored)
ZONE_PROPERTIES = ("label",)
SPAWN_PROPERTIES = ("heading_deg", "vehicle_class")
ROAD_PROPERTIES = ("lanes", "oneway", "speed_limit_kmh")
SIGNAL_PROPERTIES = ("cycle_s",)
STREET_PROPERTIES: tuple[str, ...] = ()
TILE_PROPERTIES = ("solid", "surface", "shadow")  #: set on tiles in the tilesets
#: map properties: shown in menus, and who owns the file (tools/make_maps.py or a person)
MAP_PROPERTIES = ("title", "district", "generator", "generator_hash")

LANE_WIDTH_M = 4.0  #: lane k's centre is (k + 0.5) lane widths right of the road's polyline
DEFAULT_LANES = 1
DEFAULT_SPEED_LIMIT_KMH = 50
DEFAULT_SIGNAL_CYCLE_S = 40.0
INTERSECTION_RADIUS_M = 1.0  #: road vertices this close are one intersection
SIGNAL_RADIUS_M = 12.0  #: a signal this close to an intersection controls it
MAX_EDGE_M = 24.0  #: lane edges are split to be no longer than this (fine nodes for traffic)


def unknown_property(name: str, known: tuple[str, ...], what: str) -> str:
    """The message for a custom property the game does not read on ``what`` (``a spawn``)."""
    from game.problems import close_hint

    reads = f"{what} reads {', '.join(known)}" if known else f"{what} reads none"
    return f"unknown property '{name}'{close_hint(name, known)}: it is ignored; {reads}"


def where_on_map(x_m: float, y_m: float) -> str:
    """A map position in all three of the designer's units: ``(162, 58) m, tile (40, 14),
    (1296, 464) px`` (Tiled shows pixels; the grid counts tiles; the game thinks in m)."""
    metres_per_px = CELL_SIZE_M / TILE_SIZE_PX
    col, row = math.floor(x_m / CELL_SIZE_M), math.floor(y_m / CELL_SIZE_M)
    return (
        f"({x_m:.0f}, {y_m:.0f}) m, tile ({col}, {row}), "
        f"({x_m / metres_per_px:.0f}, {y_m / metres_per_px:.0f}) px"
    )


def heading_text(heading_rad: float) -> str:
    """A heading as the guide writes ``heading_deg``: 0 to 360, 0 = east, clockwise."""
    return f"{round(math.degrees(heading_rad)) % 360} deg"


def vehicle_class_names() -> tuple[str, ...]:
    """The ``vehicle_class`` values a spawn may name: the simulation's vehicle classes."""
    from game.sim import VehicleClass

    return tuple(member.name.lower() for member in VehicleClass)
