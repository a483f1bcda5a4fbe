"""Levels: Tiled maps -> :class:`Level` (grids, zones, spawns, streets, road graph). No pygame."""

from game.level.loader import load_level
from game.level.model import Level, RoadGraph, Spawn, Street, Zone, points_in_polygon

__all__ = ["Level", "RoadGraph", "Spawn", "Street", "Zone", "load_level", "points_in_polygon"]
