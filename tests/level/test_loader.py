"""load_level on small maps the tests write: grids, zones, spawns, streets, properties."""

from __future__ import annotations

import math
import subprocess
import sys
from dataclasses import replace

import numpy as np
import pytest

from game.level import load_level
from game.level.model import Zone
from game.problems import FileProblem
from game.sim.terrain import Surface
from tests.level.tmxgen import DARK, PLAIN, ROOF, SAND, WATER, MapSpec, crossroads


def test_grids_follow_tile_properties(write_map):
    level = load_level(write_map(crossroads()))
    assert level.terrain.shape == (40, 40)
    assert level.terrain.solid[2:12, 2:12].all()  # roofs in the buildings layer
    assert level.terrain.solid.sum() == 100
    assert level.terrain.surface[20, 20] == Surface.ASPHALT
    assert level.terrain.surface[0, 0] == Surface.GRASS
    assert level.terrain.surface[5, 5] == Surface.CONCRETE  # roof tile sets concrete on top
    assert level.terrain.surface[30, 30] == Surface.DIRT  # the dark tile's surface wins
    assert level.shadow[30, 30]  # from the tile property


def test_topmost_set_surface_wins_and_unset_falls_back_to_asphalt(write_map):
    spec = MapSpec(4, 2)
    ground = spec.fill("ground", SAND)
    ground[0][0] = PLAIN
    decor = spec.fill("decor", None)
    decor[0][1] = WATER
    decor[1][1] = PLAIN  # no surface property: the sand below still counts
    ground[1][3] = PLAIN
    spec.point("spawns", "player_start", "player", 2, 2)
    level = load_level(write_map(spec))
    assert level.terrain.surface.tolist() == [
        [Surface.ASPHALT, Surface.WATER, Surface.SAND, Surface.SAND],  # plain tile: no surface
        [Surface.SAND, Surface.SAND, Surface.SAND, Surface.ASPHALT],
    ]
    assert level.terrain.solid.tolist() == [[False, True, False, False], [False] * 4]


@pytest.mark.parametrize("encoding", ["base64", "zlib", "gzip"])
def test_every_tiled_layer_encoding_reads_the_same(write_map, encoding):
    as_csv = load_level(write_map(crossroads(), name="csv"))
    other = load_level(write_map(crossroads(), name=encoding, encoding=encoding))
    np.testing.assert_array_equal(other.terrain.solid, as_csv.terrain.solid)
    np.testing.assert_array_equal(other.terrain.surface, as_csv.terrain.surface)
    np.testing.assert_array_equal(other.shadow, as_csv.shadow)


def test_flipped_tiles_keep_their_properties(write_map):
    spec = crossroads()
    flipped_h, flipped_v, turned = 0x80000000, 0x40000000, 0x20000000
    spec.layers["buildings"][2][2] = ROOF | flipped_h
    spec.layers["buildings"][3][3] = ROOF | flipped_v | turned
    spec.layers["ground"][20][20] = SAND | flipped_h
    level = load_level(write_map(spec))
    assert level.terrain.solid[2, 2] and level.terrain.solid[3, 3]
    assert level.terrain.surface[20, 20] == Surface.SAND


def test_zones_are_polygons_in_metres(write_map):
    level = load_level(write_map(crossroads()))
    home = level.zones["home"]
    assert home.kind == "home"
    assert home.properties == {"label": "Home"}
    np.testing.assert_allclose(home.polygon.min(axis=0), [100, 100])
    np.testing.assert_allclose(home.polygon.max(axis=0), [120, 120])
    lot = level.zones["lot"]
    np.testing.assert_allclose(lot.polygon, [[104, 40], [136, 40], [120, 64]])
    assert lot.contains(np.array([120.0, 104.0]), np.array([45.0, 60.0])).tolist() == [True, False]


def test_a_zone_is_shown_by_its_label_else_by_its_id_in_words(write_map):
    level = load_level(write_map(crossroads()))
    assert level.zones["home"].label == "Home"  # the label property
    assert level.zones["lot"].label == "lot"  # none: the id
    pickup = Zone("crew_pickup", 1, "pickup", np.zeros((3, 2)), {"label": "  Broadway &  3rd "})
    assert pickup.label == "Broadway & 3rd"
    assert replace(pickup, properties={"label": " "}).label == "crew pickup"
    assert replace(pickup, properties={"label": 7}).label == "crew pickup"


def test_rotated_rectangle_zone_is_turned_about_its_corner(write_map):
    spec = crossroads()
    spec.objects["zones"][0] = spec.objects["zones"][0].replace(
        'height="160"', 'height="160" rotation="90"'
    )
    level = load_level(write_map(spec))
    # a 20 m square at (100, 100) turned 90 deg clockwise about its top-left corner
    np.testing.assert_allclose(level.zones["home"].polygon.min(axis=0), [80, 100], atol=1e-9)
    np.testing.assert_allclose(level.zones["home"].polygon.max(axis=0), [100, 120], atol=1e-9)


def test_shadow_zone_darkens_the_cells_it_covers(write_map):
    level = load_level(write_map(crossroads()))
    # hideout: 8 m square at (64, 128) m -> columns 16-17, rows 32-33
    assert level.shadow[32:34, 16:18].all()
    assert not level.shadow[31, 16] and not level.shadow[32, 18]
    assert level.shadow.sum() == 5  # four zone cells and the dark tile
    assert level.in_shadow(np.array([66.0, 10.0]), np.array([130.0, 10.0])).tolist() == [
        True,
        False,
    ]


def test_spawns_have_heading_in_radians_and_vehicle_class(write_map):
    level = load_level(write_map(crossroads()))
    cop = level.spawns["cop"]
    assert (cop.kind, cop.x, cop.y, cop.vehicle_class) == ("police", 82.0, 40.0, "police")
    assert cop.heading == pytest.approx(math.pi / 2)  # 90 deg: facing south, clockwise from east
    assert level.spawns["player_start"].vehicle_class == "driver"


def test_streets_and_map_properties(write_map):
    level = load_level(write_map(crossroads(), name="crossroads"))
    assert level.name == "crossroads"
    assert level.properties == {"title": "Crossroads", "district": "Test"}
    assert level.street_at(50.0, 80.0) == "Main Street"
    assert level.street_at(80.0, 30.0) is None


def test_tiled_1_9_class_attribute_loads_the_same(write_map):
    as_type = load_level(write_map(crossroads(), name="typed"))
    spec = crossroads()
    spec.kind_attribute = "class"
    as_class = load_level(write_map(spec, name="classed"))
    assert {n: z.kind for n, z in as_class.zones.items()} == {
        n: z.kind for n, z in as_type.zones.items()
    }
    assert as_class.spawns == as_type.spawns
    np.testing.assert_array_equal(as_class.roads.edge_src, as_type.roads.edge_src)


def test_class_typed_property_is_one_line_not_a_key_error(write_map):
    spec = crossroads()
    spec.objects["zones"][0] = spec.objects["zones"][0].replace(
        "<properties>",
        '<properties>\n   <property name="info" type="class" propertytype="ZoneInfo"/>',
    )
    with pytest.raises(FileProblem, match="object 'home' \\(id 4\\): property 'info' is class"):
        load_level(write_map(spec))


def test_a_problem_in_the_map_raises_one_file_problem_naming_the_object(write_map):
    spec = crossroads()
    spec.rect("zones", "vault", "treasure", 10, 10, 8, 8)
    path = write_map(spec)
    with pytest.raises(FileProblem) as caught:
        load_level(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: object 'vault' (id ")
    assert "zone kind (type) is 'treasure'" in message


def test_loading_a_level_never_imports_pygame(write_map):
    path = write_map(crossroads())
    code = (
        "import sys; from game.level import load_level; "
        f"level = load_level({str(path)!r}); "
        "assert 'pygame' not in sys.modules, 'pygame was imported'; print(len(level.zones)); "
        # the renderer imports pygame later and still finds pytmx's pygame loader
        "import pygame, pytmx; from pytmx.util_pygame import load_pygame; "
        "assert pytmx.load_pygame is load_pygame"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "3"


def test_shadow_tile_in_an_upper_layer_is_dark_but_not_solid(write_map):
    spec = crossroads()
    spec.layers["buildings"][20][20] = DARK
    level = load_level(write_map(spec))
    assert not level.terrain.solid[20, 20] and level.shadow[20, 20]
