"""check_map on broken maps the tests write: one line per problem, naming file and object."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.level import load_level
from game.level.validate import check_map
from game.problems import FileProblem
from tests.level.tmxgen import ROOF, MapSpec, crossroads


def only_problem(path: Path) -> str:
    problems = check_map(path)
    assert len(problems) == 1, "\n".join(map(str, problems))
    line = str(problems[0])
    assert line.startswith(f"{path}: ") or line.startswith(str(path.parent))
    assert "\n" not in line and "Traceback" not in line
    return line


def test_the_clean_test_map_has_no_problems(write_map):
    assert check_map(write_map(crossroads())) == []


def _unknown_zone_kind(spec: MapSpec):
    spec.rect("zones", "vault", "treasure", 10, 10, 8, 8)
    return "object 'vault' (id 10): zone kind (type) is 'treasure'; use one of place,"


def _unknown_spawn_kind(spec: MapSpec):
    spec.point("spawns", "ghost", "phantom", 50, 82)
    return "object 'ghost' (id 10): spawn kind (type) is 'phantom'"


def _missing_spawn_kind(spec: MapSpec):
    spec.point("spawns", "nobody", "", 50, 82)
    return "object 'nobody' (id 10): spawn kind (type) is missing"


def _unknown_vehicle_class(spec: MapSpec):
    spec.point("spawns", "bus", "traffic", 50, 82, vehicle_class="bus")
    return "object 'bus' (id 10): unknown vehicle_class 'bus' (driver, sedan,"


def _spawn_in_building(spec: MapSpec):
    spec.point("spawns", "inside", "parked", 20, 20)
    return (
        "object 'inside' (id 10): spawn is inside a solid cell, at (20, 20) m, tile (5, 5), "
        "(160, 160) px"
    )


def _zone_off_the_map(spec: MapSpec):
    spec.rect("zones", "far", "place", 150, 150, 20, 20)
    return (
        "object 'far' (id 10): zone reaches outside the map (160 x 160 m, 40 x 40 tiles): "
        "a vertex at (150, 170) m, tile (37, 42), (1200, 1360) px"
    )


def _duplicate_zone_name(spec: MapSpec):
    spec.rect("zones", "home", "place", 20, 100, 8, 8)
    return "object 'home' (id 10): name 'home' is used twice (also id 4)"


def _unnamed_zone(spec: MapSpec):
    spec.rect("zones", "", "place", 20, 100, 8, 8)
    return "object (id 10): every object in layer 'zones' needs a name"


def _ellipse_zone(spec: MapSpec):
    spec.rect("zones", "round", "crowd", 20, 100, 8, 8)
    spec.objects["zones"][-1] = spec.objects["zones"][-1].replace(
        "</object>", "<ellipse/></object>"
    )
    return "object 'round' (id 10): is a ellipse; draw a rectangle or a polygon"


def _road_cut_off(spec: MapSpec):
    spec.road("Stub", [(100, 140), (140, 140)], oneway=True)
    return "object 'Stub' (id 10): road graph is not strongly connected: no lane from the rest"


def _crossing_without_vertex(spec: MapSpec):
    spec.road("Diagonal", [(100, 60), (100, 100)])
    spec.road("Link", [(100, 100), (140, 80)])
    return "object 'Main Street' (id 1): crosses road 'Diagonal' (id 10) at (100, 80) m"


def _stray_signal(spec: MapSpec):
    spec.point("roads", "lost", "signal", 30, 30)
    return "object 'lost' (id 10): signal is not within 12 m of an intersection"


def _road_with_no_lanes(spec: MapSpec):
    spec.road("Narrow", [(80, 140), (140, 140)], lanes=0)
    return "object 'Narrow' (id 10): lanes is 0; it must be 1 to 6"


def _traffic_facing_backwards(spec: MapSpec):
    spec.point("spawns", "wrong_way", "traffic", 50, 82, heading_deg=180.0)
    return "object 'wrong_way' (id 10): traffic spawn faces 180 deg but its lane runs 0 deg"


def _traffic_off_the_road(spec: MapSpec):
    spec.point("spawns", "lost_car", "traffic", 120, 110)
    return "object 'lost_car' (id 10): traffic spawn is 28.0 m from the nearest lane centre"


def _position_not_a_number(spec: MapSpec):
    spec.point("spawns", "nowhere", "parked", float("nan"), 82)
    return "object 'nowhere' (id 10): attribute 'x' is 'nan', not a number"


def _tile_of_no_tileset(spec: MapSpec):
    spec.layers["ground"][5][6] = 50  # the test tileset has 8 tiles
    return (
        "layer 'ground': 1 cells hold a tile of no tileset (the first at (26, 22) m, "
        "tile (6, 5), (208, 176) px)"
    )


def _parked_in_the_lane(spec: MapSpec):
    spec.point("spawns", "parked_9", "parked", 50, 82)
    return "object 'parked_9' (id 10): parked spawn is 0.0 m from the nearest lane centre"


def _parked_facing_the_wrong_way(spec: MapSpec):
    spec.point("spawns", "parked_8", "parked", 50, 85, heading_deg=180.0)
    return "object 'parked_8' (id 10): parked spawn faces 180 deg but its lane runs 0 deg"


def _unknown_surface(spec: MapSpec):
    spec.tileset_source = "lava.tsx"
    return "tileset 'lava' tile 0: unknown surface 'lava' (asphalt, concrete,"


def _class_typed_property(spec: MapSpec):
    spec.objects["zones"][0] = spec.objects["zones"][0].replace(
        "<properties>",
        '<properties>\n   <property name="info" type="class" propertytype="ZoneInfo"/>',
    )
    return "object 'home' (id 4): property 'info' is class-typed; Tiled 1.8 drops it"


def _no_ground_layer(spec: MapSpec):
    spec.layers["floor"] = spec.layers.pop("ground")
    return "has no tile layer named 'ground'"


def _hole_in_the_ground(spec: MapSpec):
    spec.layers["ground"][3][7] = -1
    return (
        "layer 'ground': 1 cells have no tile (the first at (30, 14) m, tile (7, 3), "
        "(240, 112) px)"
    )


BROKEN = [
    _unknown_zone_kind,
    _unknown_spawn_kind,
    _missing_spawn_kind,
    _unknown_vehicle_class,
    _spawn_in_building,
    _zone_off_the_map,
    _duplicate_zone_name,
    _unnamed_zone,
    _ellipse_zone,
    _road_cut_off,
    _crossing_without_vertex,
    _stray_signal,
    _road_with_no_lanes,
    _traffic_facing_backwards,
    _traffic_off_the_road,
    _position_not_a_number,
    _tile_of_no_tileset,
    _parked_in_the_lane,
    _parked_facing_the_wrong_way,
    _unknown_surface,
    _class_typed_property,
    _no_ground_layer,
    _hole_in_the_ground,
]


@pytest.mark.parametrize("breakage", BROKEN, ids=lambda f: f.__name__.strip("_"))
def test_each_broken_map_gives_its_one_line(write_map, tileset_folder, breakage):
    spec = crossroads()
    expected = breakage(spec)
    if spec.tileset_source == "lava.tsx":
        lava = (tileset_folder / "tiles.tsx").read_text()
        lava = lava.replace('name="tiles"', 'name="lava"').replace('"asphalt"', '"lava"', 1)
        path = write_map(spec)
        (path.parent / "lava.tsx").write_text(lava)
    else:
        path = write_map(spec)
    line = only_problem(path)
    assert expected in line, line
    # one contract: the loader refuses the map with the very line check prints
    with pytest.raises(FileProblem) as refused:
        load_level(path)
    assert str(refused.value) == line


def test_a_oneway_dead_end_names_the_roads_it_cuts_off(write_map):
    spec = crossroads()
    spec.road("Stub", [(140, 80), (140, 40)], oneway=True)  # leaves Main Street's east end
    problems = {p.where: p.message for p in check_map(write_map(spec))}
    assert problems == {
        "object 'Main Street' (id 1)": "road graph is not strongly connected: traffic on it "
        "cannot get back to the rest of the road network (a dead end?)",
        "object 'Stub' (id 10)": "road graph is not strongly connected: traffic on it "
        "cannot get back to the rest of the road network (a dead end?)",
    }


def test_several_problems_are_all_listed(write_map):
    spec = crossroads()
    _unknown_zone_kind(spec)
    spec.point("spawns", "inside", "parked", 20, 20)
    spec.point("spawns", "ghost", "phantom", 50, 82)
    problems = check_map(write_map(spec))
    assert len(problems) == 3
    assert [p.where for p in problems] == [
        "object 'vault' (id 10)",
        "object 'ghost' (id 12)",
        "object 'inside' (id 11)",
    ]


def _write_raw(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text)
    return path


@pytest.mark.parametrize(
    ("setup", "expected"),
    [
        (lambda p, w: w(crossroads(), orientation="isometric"), "map orientation is 'isometric'"),
        (lambda p, w: w(crossroads(), infinite=1), "infinite map"),
        (lambda p, w: _write_raw(p, "broken.tmx", "<map><layer"), "not valid XML"),
        (lambda p, w: _write_raw(p, "notes.tmx", "just some text\n"), "not valid XML"),
        (lambda p, w: _write_raw(p, "thing.tmx", "<svg/>"), "not a Tiled map (it is an XML <svg>"),
        (lambda p, w: p / "missing.tmx", "map not found"),
        (lambda p, w: p, "is a folder, not a map"),
    ],
    ids=["isometric", "infinite", "malformed", "text", "svg", "missing", "folder"],
)
def test_unusable_files_give_one_clear_line(tmp_path, write_map, setup, expected):
    path = setup(tmp_path, write_map)
    line = only_problem(path)
    assert expected in line
    with pytest.raises(FileProblem, match=expected.split("(")[0].strip()):
        load_level(path)


def test_a_tileset_is_not_a_map(write_map):
    path = write_map(crossroads())
    line = only_problem(path.parent / "tiles.tsx")
    assert line.endswith("not a Tiled map (it is a Tiled tileset)")


def test_missing_tileset_file(write_map):
    spec = crossroads()
    spec.tileset_source = "city/city.tsx"
    path = write_map(spec)
    line = only_problem(path)
    assert "tileset 'city/city.tsx': tileset file not found" in line


def test_missing_tileset_image(write_map):
    path = write_map(crossroads())
    (path.parent / "tiles.png").unlink()
    line = only_problem(path)
    assert "tileset 'tiles': image 'tiles.png' not found" in line
    with pytest.raises(FileProblem, match="image 'tiles.png' not found"):
        load_level(path)  # the renderer would need it: the loader refuses it too


def test_class_typed_tile_property_in_a_tileset_is_one_line(write_map):
    path = write_map(crossroads())
    tileset = path.parent / "tiles.tsx"
    tileset.write_text(
        tileset.read_text().replace(
            '<tile id="3">\n  <properties>',
            '<tile id="3">\n  <properties>\n'
            '   <property name="info" type="class" propertytype="TileInfo"/>',
        )
    )
    line = only_problem(path)
    assert line == (
        f"{tileset}: tileset 'tiles' tile 3: property 'info' is class-typed; use flat properties"
    )
    with pytest.raises(FileProblem):
        load_level(path)


def test_template_object_is_one_line(write_map):
    spec = crossroads()
    spec.rect("zones", "stamped", "place", 20, 100, 8, 8)
    spec.objects["zones"][-1] = spec.objects["zones"][-1].replace(
        'name="stamped"', 'name="stamped" template="lot.tx"'
    )
    line = only_problem(write_map(spec))
    assert "object 'stamped' (id 10): uses the template 'lot.tx'; detach it in Tiled" in line
    assert "tiled --export-map --detach-templates test.tmx test-detached.tmx" in line


def test_layer_of_the_wrong_size(write_map):
    spec = crossroads()
    spec.layers["buildings"] = spec.layers["buildings"][:-1]
    line = only_problem(write_map(spec))
    assert "layer 'buildings': holds 1560 tiles; a 40 x 40 map needs 1600" in line


def test_wrong_tile_size(write_map):
    path = write_map(crossroads())
    path.write_text(path.read_text().replace('tilewidth="32"', 'tilewidth="16"'))
    assert "tile size is 16 x 32 px; maps use 32 x 32" in only_problem(path)


def test_shipped_map_names_are_required(write_map):
    spec = MapSpec(20, 20)
    spec.fill("ground", 0)
    spec.rect("zones", "start", "start", 8, 8, 8, 8)
    spec.rect("zones", "finish", "place", 24, 8, 8, 8)
    spec.point("spawns", "player_start", "player", 12, 12, vehicle_class="driver")
    problems = [str(p) for p in check_map(write_map(spec, name="garage"))]
    assert any("garage needs a checkpoint zone named 'slalom_1'" in p for p in problems)
    assert any(
        "object 'finish' (id 2): must be of kind 'finish', not 'place'" in p for p in problems
    )
    assert len(problems) == 7  # slalom_1..4, spin_box, brake_line, finish's kind
    assert check_map(write_map(spec, name="my_test_floor")) == []


def test_roof_tiles_make_spawn_check_use_every_layer(write_map):
    spec = crossroads()
    spec.layers["buildings"][20][12] = ROOF  # under the player_start? no: (12, 20) is x 48-52
    spec.point("spawns", "parked_1", "parked", 50, 82)
    line = only_problem(write_map(spec))
    assert (
        "object 'parked_1' (id 10): spawn is inside a solid cell, at (50, 82) m, "
        "tile (12, 20), (400, 656) px" in line
    )
