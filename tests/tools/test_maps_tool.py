"""tools/make_maps.py: road joining and painting, lane poses, and committed maps up to date."""

import math

import make_maps
import make_tilesets
import numpy as np
import pytest
from maps.canvas import MapCanvas
from maps.city import finish_roads, lay_roads
from maps.roads import Road, join, lane_pose
from maps.tmx import tmx_text, write_tmx

from game.level import provenance
from game.level.validate import check_map


@pytest.fixture(scope="module")
def tilesets():
    return make_tilesets.all_tilesets()


def test_join_gives_crossings_and_t_junctions_a_shared_vertex():
    main = Road("Main", [(0, 10), (40, 10)], lanes=2)
    cross = Road("Cross", [(20, 0), (20, 30)], lanes=2)
    stub = Road("Stub", [(30, 10), (30, 25)], lanes=1)
    junctions = join([main, cross, stub])
    assert (20, 10) in main.points and (20, 10) in cross.points
    assert (30, 10) in main.points
    assert junctions[(20, 10)] == {"Main", "Cross"}
    assert junctions[(30, 10)] == {"Main", "Stub"}


def test_two_way_road_covers_exactly_its_lanes(tilesets):
    canvas = MapCanvas("t", 30, 30, tilesets)
    road = Road("Main", [(0, 10), (30, 10)], lanes=2)
    lay_roads(canvas, [road])
    covered_rows = np.nonzero(road.cells.any(axis=1))[0]
    assert covered_rows.tolist() == [8, 9, 10, 11]
    names = canvas.ground_names()
    assert names[7, 5] == "road_0011" and names[12, 5] == "road_1100"  # curbs either side


def test_one_way_lanes_lie_right_of_the_polyline(tilesets):
    canvas = MapCanvas("t", 30, 30, tilesets)
    westbound = Road("West", [(30, 10), (0, 10)], lanes=3, oneway=True)
    lay_roads(canvas, [westbound])
    assert np.nonzero(westbound.cells.any(axis=1))[0].tolist() == [7, 8, 9]  # north of y = 10
    col, row, heading = lane_pose(westbound, 5.0, 0)
    assert (col, row) == (25.0, 9.5) and math.isclose(heading % 360, 180.0)


def test_opposing_lane_faces_the_other_way():
    road = Road("Main", [(0, 10), (30, 10)], lanes=2)
    col, row, heading = lane_pose(road, 4.0, -1)
    assert row == 9.5 and math.isclose(heading % 360, 180.0)
    col, row, heading = lane_pose(road, 4.0, 0, kerb=True)
    assert row == 12.25 and math.isclose(heading, 0.0)


def test_downtown_traffic_spawns_sit_on_lanes_facing_their_direction(tilesets):
    canvas = make_maps.BUILDERS["downtown"](tilesets)
    solid = canvas.solid_grid()
    traffic = [o for o in canvas.objects if o.layer == "spawns" and o.kind == "traffic"]
    parked = [o for o in canvas.objects if o.layer == "spawns" and o.kind == "parked"]
    assert len(traffic) >= 40 and len(parked) >= 30
    asphalt = canvas.vertices["road"]
    for spawn in traffic + parked:
        row, col = int(spawn.y), int(spawn.x)
        assert not solid[row, col], spawn.name
        assert asphalt[row : row + 2, col : col + 2].any(), spawn.name


@pytest.mark.parametrize("name", sorted(make_maps.BUILDERS))
def test_generated_maps_are_deterministic_and_pass_check(tilesets, name, tmp_path):
    """Built twice, a map is the same text; written out, ``check`` finds nothing wrong.

    (The committed maps are not compared: designers edit them in Tiled.)
    """
    first = make_maps.BUILDERS[name](tilesets)
    second = make_maps.BUILDERS[name](tilesets)
    assert tmx_text(first, "../tilesets") == tmx_text(second, "../tilesets")
    path = tmp_path / f"{name}.tmx"
    write_tmx(first, path, make_tilesets.TSX_DIR)
    assert check_map(path) == []


def test_crossing_gets_crosswalks_stop_lines_on_approaches_and_a_signal(tilesets):
    canvas = MapCanvas("t", 40, 40, tilesets)
    east_west = Road("Sixth", [(0, 20), (40, 20)], lanes=2)
    north_south = Road("Main", [(20, 0), (20, 40)], lanes=2)
    roads = [east_west, north_south]
    finish_roads(canvas, roads, lay_roads(canvas, roads))
    marks = canvas.layers["markings"]
    assert list(marks[17, 18:22]) == ["crosswalk_v"] * 4  # first row north of the crossing
    assert list(marks[16, 18:20]) == ["stop_s"] * 2  # southbound lanes stop before it
    assert marks[16, 20] != "stop_s" and marks[16, 21] != "stop_s"  # northbound lanes leave
    assert list(marks[23, 20:22]) == ["stop_n"] * 2
    assert list(marks[18:22, 17]) == ["crosswalk_h"] * 4
    assert marks[10, 20] == "double_yellow_w" and marks[10, 19] == "dash_w"
    signals = [o for o in canvas.objects if o.kind == "signal"]
    assert len(signals) == 1 and math.dist((signals[0].x, signals[0].y), (20, 20)) * 4 < 12


# -- who owns a map: the generator refuses to wipe a designer's edits (issue 13, item 3) --


SHIPPED_MAPS = sorted(make_maps.MAP_DIR.glob("*.tmx"))


@pytest.mark.parametrize("path", SHIPPED_MAPS, ids=lambda path: path.stem)
def test_every_shipped_map_says_who_owns_it_and_a_generated_one_is_as_generated(path):
    text = path.read_text(encoding="utf-8")
    owner = provenance.owner_of(text)
    assert owner in provenance.OWNERS, f"{path.name}: map property 'generator' is {owner!r}"
    if owner == provenance.MAKE_MAPS:
        assert not provenance.edited_since_generated(text), (
            f"{path.name} was edited by hand: set its map property generator to "
            f"'{provenance.HAND_MADE}' (and say so in levels/README.md), or regenerate it")


def test_make_maps_refuses_to_overwrite_an_edited_map_unless_forced(tmp_path, monkeypatch,
                                                                    capsys):
    monkeypatch.setattr(make_maps, "MAP_DIR", tmp_path)
    path = tmp_path / "garage.tmx"
    assert make_maps.main(["garage"]) == 0  # a new file
    generated = path.read_text(encoding="utf-8")
    assert make_maps.main(["garage"]) == 0  # untouched since: rewritten, the same bytes
    assert path.read_text(encoding="utf-8") == generated
    edited = generated.replace('value="Start"', 'value="The start line"')  # as Tiled saves
    path.write_text(edited, encoding="utf-8")
    capsys.readouterr()
    assert make_maps.main(["garage"]) == 1
    assert path.read_text(encoding="utf-8") == edited  # the edit survives
    said = capsys.readouterr().err
    assert f"make_maps: {path} was edited since make_maps.py wrote it" in said
    assert "port the edits into tools/maps/garage.py, or give --force" in said
    assert make_maps.main(["garage", "--force"]) == 0
    assert path.read_text(encoding="utf-8") == generated


def test_make_maps_refuses_a_hand_made_map_and_one_with_no_hash(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(make_maps, "MAP_DIR", tmp_path)
    path = tmp_path / "garage.tmx"
    assert make_maps.main(["garage"]) == 0
    generated = path.read_text(encoding="utf-8")
    hand_made = generated.replace(f'value="{provenance.MAKE_MAPS}"',
                                  f'value="{provenance.HAND_MADE}"')
    path.write_text(hand_made, encoding="utf-8")
    assert make_maps.main(["garage"]) == 1
    assert "is hand-made (generator = none)" in capsys.readouterr().err
    unhashed = "".join(line for line in generated.splitlines(keepends=True)
                       if provenance.GENERATOR_HASH not in line)
    path.write_text(unhashed, encoding="utf-8")
    assert make_maps.main(["garage"]) == 1
    assert "has no generator_hash" in capsys.readouterr().err
    assert path.read_text(encoding="utf-8") == unhashed


def test_check_names_an_unknown_owner(tmp_path):
    generated = (make_maps.MAP_DIR / "garage.tmx").read_text(encoding="utf-8")
    path = tmp_path / "garage.tmx"
    path.write_text(generated.replace(f'value="{provenance.MAKE_MAPS}"', 'value="me"')
                    .replace('source="../tilesets/', f'source="{make_tilesets.TSX_DIR}/'),
                    encoding="utf-8")
    lines = [str(p) for p in check_map(path)]
    assert lines == [
        f"{path}: map properties: generator is 'me'; it is 'tools/make_maps.py' (that tool "
        "writes the map) or 'none' (made by hand)",
        f"{path}: map properties: generator_hash is only for maps whose generator is "
        "'tools/make_maps.py'",
    ]
