"""tools/make_tilesets.py: complete terrain sets, .tsx files that match the art, determinism."""

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import make_tilesets
import numpy as np
import pygame
import pytest
import tiled_project
from tileart import terrain
from tileart.corners import all_corner_sets
from tileart.sheet import write_tileset

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def tilesets():
    return make_tilesets.all_tilesets()


def test_every_corner_set_has_all_sixteen_corner_combinations(tilesets):
    terrain_set = next(t for t in tilesets if t.name == "terrain")
    assert [w.name for w in terrain_set.wangsets] == ["Road", "Park", "Shore", "Track"]
    wanted = {tuple(1 if c else 2 for c in corners) for corners in all_corner_sets()}
    for wangset in terrain_set.wangsets:
        assert {corners for _, corners in wangset.tiles} == wanted, wangset.name


def test_road_edge_tile_is_asphalt_where_its_corners_say(tilesets):
    terrain_set = next(t for t in tilesets if t.name == "terrain")
    top_asphalt = terrain_set.tiles[terrain_set.index("road_1100")].image
    luminance = top_asphalt[..., :3].mean(axis=2)
    assert luminance[:10].mean() < luminance[-10:].mean() - 8  # dark asphalt above the curb


def test_tile_names_unique_and_properties_valid(tilesets):
    for tileset in tilesets:
        names = [tile.name for tile in tileset.tiles]
        assert len(names) == len(set(names)), tileset.name
        for tile in tileset.tiles:
            assert tile.surface is None or tile.surface in tiled_project.SURFACES
            assert tile.image.shape == (32, 32, 4)
    all_names = [tile.name for tileset in tilesets for tile in tileset.tiles]
    assert len(all_names) == len(set(all_names)), "maps look tiles up by name across tilesets"


def test_written_tsx_matches_the_definitions(tilesets, tmp_path):
    for tileset in tilesets:
        write_tileset(tileset, tmp_path / "tsx", tmp_path / "png")
        root = ET.parse(tmp_path / "tsx" / f"{tileset.name}.tsx").getroot()
        assert int(root.get("tilecount")) == tileset.capacity >= len(tileset.tiles)
        image = root.find("image")
        sheet = pygame.image.load(str((tmp_path / "tsx" / image.get("source")).resolve()))
        assert sheet.get_size() == (int(image.get("width")), int(image.get("height")))
        for element in root.findall("tile"):
            tile = tileset.tiles[int(element.get("id"))]
            assert element.get("type") == tile.name
            props = {p.get("name"): p.get("value") for p in element.iter("property")}
            assert (props.get("solid") == "true") == tile.solid
            assert props.get("surface") == tile.surface
        for wangtile in root.iter("wangtile"):
            assert 0 <= int(wangtile.get("tileid")) < len(tileset.tiles)


def test_committed_project_is_what_the_script_writes():
    committed = json.loads(make_tilesets.PROJECT.read_text(encoding="utf-8"))
    assert committed == json.loads(json.dumps(tiled_project.project()))


def test_drawing_is_deterministic():
    assert np.array_equal(terrain.build().sheet(), terrain.build().sheet())


def test_project_enums_match_the_schema():
    types = {t["name"]: t for t in tiled_project.project()["propertyTypes"]}
    assert types["Surface"]["values"] == ["asphalt", "concrete", "dirt", "sand", "grass", "water"]
    assert "stock_car" in types["VehicleClass"]["values"]
    for kind in tiled_project.ZONE_KINDS + tiled_project.SPAWN_KINDS + ("road", "signal"):
        assert types[kind]["type"] == "class"
    for t in types.values():
        if t["type"] == "class":  # members stay flat: never a class-typed property
            assert all(m["type"] in ("string", "int", "float", "bool") for m in t["members"])
