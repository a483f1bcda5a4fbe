"""The shape of a map: duplicates, counts, sizes and places of elements, tilesets' tile
numbers, images, and the size of the road network, each bounded and reported by name."""

from __future__ import annotations

import math
import struct
import zlib

import pytest

from game.level import limits
from tests.level.contract import assert_clean, assert_refused, edit
from tests.level.tmxgen import MapSpec, crossroads

# -- duplicates: pytmx keeps one of each, so the other's data vanished ---------------


def test_a_layer_name_used_twice_is_refused(write_map):
    spec = crossroads()
    path = write_map(spec)
    edit(path, 'name="streets"', 'name="zones"')
    assert_refused(path, "layer 'zones': layer name 'zones' is used twice (also layer id 4)")


def test_an_object_id_used_twice_is_refused(write_map):
    path = edit(write_map(crossroads()), '<object id="5"', '<object id="4"')
    assert_refused(path, "object 'hideout' (id 4): object id 4 is used twice (also 'home')")


def test_an_object_without_an_id_is_refused(write_map):
    path = edit(write_map(crossroads()), '<object id="5" ', "<object ")
    assert_refused(path, "object 'hideout' (no id): object has no id")


def test_a_tile_listed_twice_in_a_tileset_is_refused(write_map):
    path = write_map(crossroads())
    edit(path.parent / "tiles.tsx", '<tile id="4">', '<tile id="3">')
    assert_refused(path, "tileset 'tiles' tile 3: tile id is listed twice in its tileset")


def test_a_property_set_twice_is_refused(write_map):
    spec = crossroads()
    spec.rect("zones", "bank", "place", 20, 100, 8, 8, label="Bank")
    path = edit(
        write_map(spec),
        'value="Bank"/>',
        'value="Bank"/>\n   <property name="label" value="Vault"/>',
    )
    assert_refused(path, "object 'bank' (id 10): property 'label' is set twice")


@pytest.mark.parametrize("name", ["name", "width", "visible", "points", "__class__"])
def test_a_property_named_like_a_tiled_attribute_is_refused(write_map, name):
    spec = crossroads()
    spec.rect("zones", "bank", "place", 20, 100, 8, 8, label="Bank")
    path = edit(write_map(spec), 'name="label" value="Bank"', f'name="{name}" value="Bank"')
    assert_refused(
        path, f"object 'bank' (id 10): property '{name}' has the name of a Tiled attribute"
    )


def test_a_property_without_a_name_is_refused(write_map):
    path = edit(write_map(crossroads()), '<property name="label"', "<property")
    assert_refused(path, "object 'home' (id 4): a custom property has no name")


# -- places and sizes of elements ---------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            '<objectgroup id="3" name="roads">',
            '<objectgroup id="3" name="roads"><layer id="40" name="x" width="40" height="40">'
            '<data encoding="csv">0</data></layer>',
            "layer 'x': a <layer> inside <objectgroup>; Tiled puts it only in <group> or <map>",
        ),
        (
            '<layer id="1" name="ground"',
            '<group id="41" name="g"><tileset firstgid="500" source="tiles.tsx"/></group>'
            '<layer id="1" name="ground"',
            "a <tileset> inside <group>",
        ),
        (
            '<objectgroup id="3" name="roads">',
            '<object id="99" name="stray" x="0" y="0"/><objectgroup id="3" name="roads">',
            "object 'stray' (id 99): a <object> inside <map>",
        ),
        (
            'name="buildings" width="40" height="40"',
            'name="buildings" width="41" height="40"',
            "layer 'buildings': tile layer is 41 x 40 tiles; the map is 40 x 40: the layer must",
        ),
        (
            "</map>",
            '<imagelayer id="30" name="sky"/></map>',
            "layer 'sky': image layer has no image; give it one or delete it",
        ),
        (
            'name="home"',
            'name="' + "h" * 1001 + '"',
            "attribute 'name' is 1,001 characters long; at most 1,000",
        ),
        (
            'value="Home"',
            'value="' + "h" * 1001 + '"',
            "object 'home' (id 4): property 'label' is 1,001 characters long",
        ),
        (
            '<object id="4" name="home"',
            '<object id="4" name="home" template="lot.tx"',
            "object 'home' (id 4): uses the template 'lot.tx'; detach it in Tiled",
        ),
    ],
    ids=[
        "layer-in-objects",
        "tileset-in-group",
        "object-in-map",
        "layer-size",
        "image-layer",
        "long-name",
        "long-value",
        "template",
    ],
)
def test_an_element_out_of_place_or_size_is_refused(write_map, old, new, expected):
    assert_refused(edit(write_map(crossroads()), old, new), expected)


def _many(spec: MapSpec, what: str, count: int) -> None:
    if what == "tile layers":
        for i in range(count - len(spec.layers)):
            spec.fill(f"decor_{i}", None)
    elif what == "layers":
        for i in range(count - len(spec.layers) - len(spec.objects)):
            spec.objects[f"notes_{i}"] = []
    elif what == "objects":
        for i in range(count - spec.next_id + 1):
            spec.point("notes", f"n{i}", "", 10, 10)


@pytest.mark.parametrize(
    ("what", "limit"),
    [
        ("tile layers", limits.MAX_TILE_LAYERS),
        ("layers", limits.MAX_LAYERS),
        ("objects", limits.MAX_OBJECTS),
    ],
)
def test_counts_past_the_limits_are_refused(write_map, what, limit):
    spec = crossroads()
    _many(spec, what, limit + 1)
    assert_refused(write_map(spec), f"has {limit + 1:,} {what}; the game reads at most {limit:,}")


def test_too_many_properties_on_one_object_are_refused(write_map):
    spec = crossroads()
    spec.rect("zones", "busy", "place", 20, 100, 8, 8, **{f"p{i}": i for i in range(101)})
    assert_refused(write_map(spec), "object 'busy' (id 10): has 101 properties; at most 100")


def test_a_polygon_with_too_many_points_is_refused(write_map):
    spec = crossroads()
    spec.poly(
        "zones", "lace", "place", [(10 + i * 0.01, 10 + i % 2) for i in range(1001)], closed=True
    )
    assert_refused(
        write_map(spec), "object 'lace' (id 10): polygon has more than 1,000 points"
    )


@pytest.mark.parametrize(
    ("cols", "rows", "expected"),
    [
        (4097, 1, "map size 4,097 x 1 tiles is too big"),
        (1025, 1024, "map size 1,025 x 1,024 tiles is too big"),
        (0, 10, "map size 0 x 10 tiles is empty"),
        (-5, 10, "map size -5 x 10 tiles is empty"),
    ],
)
def test_a_map_size_out_of_range_is_refused(write_map, cols, rows, expected):
    path = edit(
        write_map(crossroads()),
        'width="40" height="40" tilewidth',
        f'width="{cols}" height="{rows}" tilewidth',
    )
    assert_refused(path, expected)


# -- tilesets: one range of tile numbers each ---------------------------------------


def test_tilesets_whose_numbers_overlap_are_refused(write_map):
    path = write_map(crossroads())
    edit(
        path,
        '<tileset firstgid="1" source="tiles.tsx"/>',
        '<tileset firstgid="1" source="tiles.tsx"/>\n <tileset firstgid="5" source="tiles.tsx"/>',
    )
    assert_refused(
        path,
        "tileset 'tiles.tsx': firstgid 5 overlaps the tiles before it (the next free gid is 9)",
    )


def test_a_tileset_without_firstgid_is_refused(write_map):
    path = edit(write_map(crossroads()), '<tileset firstgid="1" ', "<tileset ")
    assert_refused(path, "tileset 'tiles.tsx': tileset has no firstgid; re-add it in Tiled")


def test_tile_numbers_past_the_limit_are_refused(write_map):
    path = write_map(crossroads())
    edit(path.parent / "tiles.tsx", '<tile id="6">', '<tile id="2000000"/>\n <tile id="6">')
    assert_refused(
        path,
        "tileset 'tiles.tsx': its tiles end at gid 2,000,001; the game reads gids up to 1,048,575",
    )


def test_a_tileset_image_without_a_size_is_refused(write_map):
    path = write_map(crossroads())
    edit(path.parent / "tiles.tsx", ' width="256" height="32"/>', "/>")
    assert_refused(path, "tileset 'tiles': an image has no width or height")


# -- images ---------------------------------------------------------------------------


def _png(width: int, height: int, body: bytes | None = None) -> bytes:
    """A grey 8-bit PNG; ``body`` replaces its compressed image data."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    rows = zlib.compress(bytes((1 + width) * height)) if body is None else body
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", rows) + chunk(b"IEND", b"")
    )


@pytest.mark.parametrize(
    ("image", "expected"),
    [
        (b"just text", "image 'tiles.png' is not a PNG file; tile images must be PNG"),
        (_png(256, 32)[:60], "image 'tiles.png' is a PNG cut short"),
        (
            _png(256, 32).replace(b"IEND", b"IENX"),
            "image 'tiles.png' is a damaged PNG (the CRC of a 'IENX' chunk is wrong)",
        ),
        (
            _png(256, 32, zlib.compress(bytes(100))),
            "image 'tiles.png' is a PNG cut short (less image data than its size needs)",
        ),
        (
            _png(256, 32, zlib.compress(bytes(257 * 32 + 1))),
            "image 'tiles.png' is a damaged PNG (more image data than its size needs)",
        ),
        (
            _png(256, 32, zlib.compress(b"\x09" * 257 * 32)),
            "image 'tiles.png' is a damaged PNG (a row has an unknown filter type)",
        ),
        (
            _png(5000, 5000, zlib.compress(bytes(5001 * 5000), 9)),
            "image 'tiles.png' is 5,000 x 5,000 px; tile images are at most 4096 px a side",
        ),
        (
            _png(128, 32),
            "image 'tiles.png' is 128 x 32 px, smaller than the 256 x 32 px the tileset says",
        ),
    ],
    ids=[
        "text",
        "cut-short",
        "bad-crc",
        "too-little-data",
        "too-much-data",
        "bad-filter",
        "too-big",
        "smaller-than-declared",
    ],
)
def test_an_image_pygame_could_not_load_is_refused(write_map, image, expected):
    path = write_map(crossroads())
    (path.parent / "tiles.png").write_bytes(image)
    assert_refused(path, "tileset 'tiles': " + expected)


def test_a_sound_grey_png_loads(write_map):
    path = write_map(crossroads())
    (path.parent / "tiles.png").write_bytes(_png(256, 32))
    assert_clean(path)


# -- the road network's size ----------------------------------------------------------


def _open(cols: int = 100, rows: int = 100) -> MapSpec:
    spec = MapSpec(cols, rows)
    spec.fill("ground", 0)
    return spec


def test_too_many_roads_meeting_at_one_point_are_refused(write_map):
    spec = _open()
    for k in range(9):
        spec.road(
            f"Spoke {k}", [(200, 200), (200 + 150 * (k % 3 - 1) + 1, 200 + 150 * (k // 3 - 1) + 1)]
        )
    assert_refused(write_map(spec), "junction at (200, 200) m: 9 road ends meet here; at most 8")


def test_an_intersection_too_big_for_the_traffic_ai_is_refused(write_map):
    spec = _open()
    for k, (dx, dy) in enumerate([(1, 0), (0, 1), (1, 1), (1, -1)]):
        spec.road(
            f"Avenue {k}",
            [(200 - 180 * dx, 200 - 180 * dy), (200, 200), (200 + 180 * dx, 200 + 180 * dy)],
            lanes=6,
        )
    line = assert_refused(
        write_map(spec), "intersection at (200, 200) m, tile (50, 50), (1600, 1600) px: has "
    )
    assert "m of turning paths; at most 3,200 m" in line


def test_a_road_longer_than_the_limit_is_refused(write_map):
    spec = _open()
    zigzag = [(20 + 360 * (i % 2), 20 + i * 0.3) for i in range(60)]  # 59 x 360 m = 21 km
    spec.road("Switchback", zigzag, oneway=True)
    assert_refused(
        write_map(spec),
        "object 'Switchback' (id 1): road is 21.2 km long; one road may be at most 20 km",
    )


def test_too_many_road_vertices_are_refused(write_map):
    spec = _open()
    for k in range(6):
        spec.road(f"Wiggle {k}", [(20 + i * 0.35, 20 + 60 * k + (i % 2) * 2) for i in range(900)])
    assert_refused(
        write_map(spec),
        "layer 'roads': roads have 5,400 vertices in all; the game reads at most 5,000",
    )


def test_too_much_lane_length_is_refused(write_map):
    spec = _open()
    for k in range(4):  # 4 roads x 19.8 km x 6 lanes x 2 ways: 950 km of lanes
        spec.road(
            f"Loop {k}", [(20 + 360 * (i % 2), 20 + k * 90 + i * 1.0) for i in range(56)], lanes=6
        )
    assert_refused(
        write_map(spec),
        "layer 'roads': roads have 950 km of lanes in all; the game reads at most 500 km",
    )


def test_an_area_too_costly_to_grid_is_refused(write_map):
    spec = _open(1024, 1024)
    ring = [(2000 + 1000 * math.cos(i / 100), 2000 + 1000 * math.sin(i / 100)) for i in range(200)]
    spec.poly("zones", "lake", "shadow", ring, closed=True)
    line = assert_refused(
        write_map(spec, encoding="zlib"),
        "object 'lake' (id 1): has 200 vertices: too many for a map of 1024 x 1024 tiles",
    )
    assert "(vertices x tiles may be at most 100,000,000)" in line


def test_areas_past_the_total_budget_are_refused(write_map):
    spec = _open(256, 256)
    square = [(0, 0), (1024, 0), (1024, 1024), (0, 1024)]
    for k in range(60):  # each 1,000 vertices x 65,536 tiles: 4 of them fill the budget
        spec.poly("streets", f"Street {k}", "", square * 250, closed=True)
    line = assert_refused(
        write_map(spec, encoding="zlib"),
        "zones and street areas together need more than 200,000,000",
    )
    assert "object 'Street 3' (id 4)" in line
