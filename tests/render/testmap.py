"""A small real map for the play tests: the level tests' crossroads plus parked cars."""

from __future__ import annotations

from pathlib import Path

import pygame

from tests.level.tmxgen import crossroads, write_tileset


def write_test_map(folder: Path, traffic: bool = False) -> Path:
    """Write crossroads.tmx (and its tileset) into ``folder``; returns the map's path."""
    if not pygame.display.get_init():
        pygame.display.init()
    write_tileset(folder)
    spec = crossroads()
    # at the kerb, 3 m beside Main Street's lanes (y = 82 eastbound, 78 westbound)
    spec.point("spawns", "parked_1", "parked", 40, 85, heading_deg=0.0, vehicle_class="taxi")
    spec.point("spawns", "parked_2", "parked", 120, 75, heading_deg=180.0,
               vehicle_class="police")
    if traffic:
        for k, x in enumerate((30, 100, 130)):
            spec.point("spawns", f"traffic_{k}", "traffic", x, 82, heading_deg=0.0,
                       vehicle_class="sedan")
    return spec.write(folder / "crossroads.tmx")
