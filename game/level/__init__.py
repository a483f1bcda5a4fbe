"""Levels: Tiled maps -> :class:`Level` (grids, zones, spawns, streets, road graph). No pygame.

``load_level`` and ``check_map`` are one contract: the loader refuses whatever the
checker reports. Both take the folders a map's files may come from (``SHIPPED_ROOTS``,
the shipped levels/ and assets/, by default; the map's own folder always).
"""

from game.level.files import SHIPPED_ROOTS
from game.level.loader import load_level
from game.level.model import Level, RoadGraph, Spawn, Street, Zone, points_in_polygon
from game.level.validate import check_map

__all__ = [
    "SHIPPED_ROOTS",
    "Level",
    "RoadGraph",
    "Spawn",
    "Street",
    "Zone",
    "check_map",
    "load_level",
    "points_in_polygon",
]
