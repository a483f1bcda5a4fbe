"""The mistakes a designer makes in Tiled, each reported by ``check`` (never ignored), and
every problem of an object reported, not only its first (issue 13, item 1)."""

from __future__ import annotations

import pytest

from game.level.validate import check_map
from tests.level.tmxgen import TEST_TILES, MapSpec, crossroads, write_tileset


def lines(path) -> list[str]:
    return [str(problem) for problem in check_map(path)]


def only_line(path) -> str:
    found = lines(path)
    assert len(found) == 1, "\n".join(found)
    return found[0]


def _spawn_heading(spec: MapSpec):
    spec.point("spawns", "cab", "player", 50, 82, heading=90.0)
    return "object 'cab' (id 10): unknown property 'heading' (did you mean 'heading_deg'?)"


def _zone_lable(spec: MapSpec):
    spec.rect("zones", "bar", "place", 20, 100, 8, 8, lable="The bar")
    return "object 'bar' (id 10): unknown property 'lable' (did you mean 'label'?)"


def _road_lane(spec: MapSpec):
    main_street = spec.objects["roads"][0]
    spec.objects["roads"][0] = main_street.replace(
        "<properties>", '<properties>\n   <property name="lane" type="int" value="2"/>'
    )
    return "object 'Main Street' (id 1): unknown property 'lane' (did you mean 'lanes'?)"


def _signal_cycle(spec: MapSpec):
    spec.point("roads", "light_2", "signal", 74, 74, cycle=30.0)
    return "object 'light_2' (id 10): unknown property 'cycle' (did you mean 'cycle_s'?)"


def _map_property(spec: MapSpec):
    spec.properties["titel"] = "Crossroads"
    return "map properties: unknown property 'titel' (did you mean 'title'?)"


@pytest.mark.parametrize(
    "make", [_spawn_heading, _zone_lable, _road_lane, _signal_cycle, _map_property],
    ids=lambda make: make.__name__[1:],
)
def test_a_misspelled_property_is_named_with_the_right_one(write_map, make):
    spec = crossroads()
    expected = make(spec)
    line = only_line(write_map(spec))
    assert expected in line
    assert "it is ignored" in line


def test_a_misspelled_tile_property_is_named(tmp_path):
    tiles = dict(TEST_TILES)
    tiles[0] = (tiles[0][0], {"solidd": True})
    write_tileset(tmp_path, tiles=tiles)
    line = only_line(crossroads().write(tmp_path / "test.tmx"))
    assert "tileset 'tiles' tile 0: unknown property 'solidd' (did you mean 'solid'?)" in line


@pytest.mark.parametrize(
    ("layer", "closest"), [("Spawns", "spawns"), ("road", "roads"), ("zone", "zones")]
)
def test_a_misnamed_object_layer_is_named_not_dropped(write_map, layer, closest):
    spec = crossroads()
    spec.objects[layer] = spec.objects.pop(closest)
    found = lines(write_map(spec))
    expected = (
        f"layer '{layer}': the game reads no object layer of this name "
        f"(did you mean '{closest}'?): its objects are ignored"
    )
    assert any(expected in line for line in found), "\n".join(found)


def test_an_unknown_object_layer_lists_the_layers_the_game_reads(write_map):
    spec = crossroads()
    spec.point("notes", "todo", "", 10, 10)
    line = only_line(write_map(spec))
    assert "layer 'notes': the game reads no object layer of this name" in line
    assert "(object layers: roads, zones, spawns, streets; rename it" in line


def test_a_misnamed_ground_layer_gets_a_did_you_mean(write_map):
    spec = crossroads()
    spec.layers = {("Ground" if k == "ground" else k): v for k, v in spec.layers.items()}
    found = lines(write_map(spec))
    assert "has no tile layer named 'ground' (did you mean 'Ground'?)" in found[0]


def test_every_problem_of_one_spawn_is_reported(write_map):
    # a bad vehicle_class used to hide the heading error and the wrong-way check
    spec = crossroads()
    spec.point("spawns", "cab", "traffic", 50, 82, heading_deg=180.0, vehicle_class="cab",
               colour="red")
    found = lines(write_map(spec))
    assert len(found) == 3, "\n".join(found)
    assert "object 'cab' (id 10): unknown vehicle_class 'cab'" in found[0]
    assert "object 'cab' (id 10): unknown property 'colour'" in found[1]
    assert (
        "object 'cab' (id 10): traffic spawn faces 180 deg but its lane runs 0 deg: "
        "set heading_deg to 0" in found[2]
    )


@pytest.mark.parametrize(
    ("add", "where_it_is"),
    [
        # a zone whose name is taken still reaches off the map
        (lambda spec: spec.rect("zones", "home", "place", 150, 150, 20, 20),
         "object 'home' (id 10): zone reaches outside the map"),
        # a spawn whose name is taken still stands in a roof
        (lambda spec: spec.point("spawns", "cop", "police", 20, 20),
         "object 'cop' (id 10): spawn is inside a solid cell"),
    ],
    ids=["zone_off_the_map", "spawn_in_a_roof"],
)
def test_a_duplicate_name_does_not_hide_where_the_object_is(write_map, add, where_it_is):
    spec = crossroads()
    add(spec)
    found = lines(write_map(spec))
    assert len(found) == 2, "\n".join(found)
    assert "is used twice (also id" in found[0]
    assert where_it_is in found[1]


def test_headings_are_0_to_360_and_positions_in_tiles_pixels_and_metres(write_map):
    spec = crossroads()
    # Main Street runs east at y = 80 m; its westbound lane is north of it (y 78)
    spec.point("spawns", "wrong_way", "traffic", 100, 82, heading_deg=-90.0)
    line = only_line(write_map(spec))
    assert "traffic spawn faces 270 deg but its lane runs 0 deg" in line
    spec = crossroads()
    spec.point("spawns", "far", "traffic", 100, 120, heading_deg=0.0)
    line = only_line(write_map(spec))
    assert "it is at (100, 120) m, tile (25, 30), (800, 960) px" in line
