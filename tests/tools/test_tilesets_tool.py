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


def test_tiled_18_object_types_give_each_kind_the_properties_the_game_reads():
    """``levels/objecttypes.xml`` is what the script writes, Tiled 1.8's format (the
    project's ``objectTypesFile``), and each type's properties are the ones ``check``
    accepts on that kind of object."""
    from xml.etree import ElementTree

    from game.level import schema

    written = make_tilesets.PROJECT.with_name(tiled_project.OBJECT_TYPES_FILE)
    assert written.read_text(encoding="utf-8") == tiled_project.object_types_xml()
    project = json.loads(make_tilesets.PROJECT.read_text(encoding="utf-8"))
    assert project["objectTypesFile"] == "objecttypes.xml"
    root = ElementTree.parse(written).getroot()
    types = {node.get("name"): node for node in root.findall("objecttype")}
    wanted = {**dict.fromkeys(schema.ZONE_KINDS, schema.ZONE_PROPERTIES),
              **dict.fromkeys(schema.SPAWN_KINDS, schema.SPAWN_PROPERTIES),
              "road": schema.ROAD_PROPERTIES, "signal": schema.SIGNAL_PROPERTIES}
    assert set(types) == set(wanted)
    for kind, properties in wanted.items():
        found = {p.get("name"): p for p in types[kind].findall("property")}
        assert set(found) == set(properties), kind
        assert all(p.get("type") in ("string", "int", "float", "bool") for p in found.values())
        assert all(p.get("default") is not None for p in found.values())
    assert types["police"].find("property[@name='vehicle_class']").attrib == {
        "name": "vehicle_class", "type": "string", "propertytype": "VehicleClass",
        "default": "police"}


def test_every_enum_of_the_project_is_used_by_a_property():
    project = tiled_project.project()["propertyTypes"]
    enums = {t["name"] for t in project if t["type"] == "enum"}
    used = {m["propertyType"] for t in project if t["type"] == "class"
            for m in t["members"] if "propertyType" in m}
    used |= {"Surface"}  # tiles' surface (the tilesets write it so)
    assert enums == used == {"Surface", "VehicleClass"}
    tsx = (make_tilesets.TSX_DIR / "terrain.tsx").read_text(encoding="utf-8")
    assert 'name="surface" propertytype="Surface"' in tsx
