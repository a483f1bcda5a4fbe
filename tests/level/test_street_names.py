"""The HUD's street names on the shipped maps say where the player is."""

from pathlib import Path

from game.level import load_level

MAPS = Path(__file__).resolve().parents[2] / "levels" / "maps"


def test_the_speedway_grid_is_not_called_the_back_stretch():
    level = load_level(MAPS / "speedway.tmx")
    grid = level.spawns["player_start"]
    start = level.zones["start"]
    assert start.contains(grid.x, grid.y)  # the grid is on the front straight, at the line
    name = level.street_at(grid.x, grid.y)
    assert name is not None and "back" not in name.lower()
    cell = level.terrain.cell_size
    back_straight = grid.x, grid.y - 44 * cell  # across the infield, the same distance on
    assert level.street_at(*back_straight) == name  # one name all the way round


def test_downtown_free_drive_starts_on_hill_st():
    level = load_level(MAPS / "downtown.tmx")
    spawn = level.spawns["free_drive"]
    assert level.street_at(spawn.x, spawn.y) == "Hill St"
