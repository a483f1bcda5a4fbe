"""The map schema in code: layer names, object kinds, property names and defaults.

The designer's view of the same rules is ``levels/README.md``; the Tiled project's enums
(``levels/five-minute-window.tiled-project``) list the same values.
"""

from __future__ import annotations

from game.sim.terrain import SURFACE_NAMES

TILE_SIZE_PX = 32  #: every map and tileset uses 32 x 32 px tiles (one 4 m cell)

GROUND_LAYER = "ground"  #: the one required tile layer: every cell has a tile
ROADS_LAYER = "roads"
ZONES_LAYER = "zones"
SPAWNS_LAYER = "spawns"
STREETS_LAYER = "streets"

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
)
SURFACES = tuple(SURFACE_NAMES)

LANE_WIDTH_M = 4.0  #: lane k's centre is (k + 0.5) lane widths right of the road's polyline
DEFAULT_LANES = 1
DEFAULT_SPEED_LIMIT_KMH = 50
DEFAULT_SIGNAL_CYCLE_S = 40.0
INTERSECTION_RADIUS_M = 1.0  #: road vertices this close are one intersection
SIGNAL_RADIUS_M = 12.0  #: a signal this close to an intersection controls it
MAX_EDGE_M = 24.0  #: lane edges are split to be no longer than this (fine nodes for traffic)


def vehicle_class_names() -> tuple[str, ...]:
    """The ``vehicle_class`` values a spawn may name: the simulation's vehicle classes."""
    from game.sim import VehicleClass

    return tuple(member.name.lower() for member in VehicleClass)
