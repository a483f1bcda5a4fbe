"""Every number a map carries is finite and in a sane range, or the map is refused by name.

Each case once crashed or misled the game: ``speed_limit_kmh = 1e308`` put NaN into the
simulation, a spawn at x = 1e300 crashed the minimap, ``lanes = 50`` ran out of memory in
the traffic AI and ``lanes = 100000`` hung ``check``.
"""

from __future__ import annotations

import math
import time

import numpy as np
import pytest

from game.level import limits
from tests.level.contract import assert_clean, assert_refused, edit
from tests.level.tmxgen import MapSpec, crossroads

MAIN_STREET = [(20, 80), (80, 80), (140, 80)]


def _main_street(**props):
    """crossroads with Main Street's properties replaced (it is object 1)."""

    def change(spec: MapSpec):
        spec.objects["roads"] = []
        spec.next_id = 1
        spec.road("Main Street", MAIN_STREET, **props)
        spec.road("First Street", [(80, 20), (80, 80), (80, 140)], lanes=2, speed_limit_kmh=40)
        spec.point("roads", "light", "signal", 86, 86, cycle_s=30.0)
        spec.next_id = 10

    return change


def _spawn(**props):
    def change(spec: MapSpec):
        spec.point("spawns", "odd", "player", 60, 82, **props)

    return change


def _signal(cycle):
    def change(spec: MapSpec):
        spec.point("roads", "odd_light", "signal", 74, 74, cycle_s=cycle)

    return change


ROAD = "object 'Main Street' (id 1): "
CASES = {
    "speed_limit_1e308": (
        _main_street(speed_limit_kmh=1e308),
        ROAD + "speed_limit_kmh is 1e+308; it must be 5 to 300",
    ),
    "speed_limit_nan": (
        _main_street(speed_limit_kmh=math.nan),
        ROAD + "property speed_limit_kmh is 'nan', not a finite number",
    ),
    "speed_limit_inf": (
        _main_street(speed_limit_kmh=math.inf),
        ROAD + "property speed_limit_kmh is 'inf', not a finite number",
    ),
    "speed_limit_negative": (
        _main_street(speed_limit_kmh=-50),
        ROAD + "speed_limit_kmh is -50; it must be 5 to 300",
    ),
    "speed_limit_zero": (
        _main_street(speed_limit_kmh=0),
        ROAD + "speed_limit_kmh is 0; it must be 5",
    ),
    "speed_limit_text": (
        _main_street(speed_limit_kmh="fast"),
        ROAD + "property speed_limit_kmh is 'fast', not a number",
    ),
    "lanes_50": (_main_street(lanes=50), ROAD + "lanes is 50; it must be 1 to 6"),
    "lanes_100000": (_main_street(lanes=100000), ROAD + "lanes is 100000; it must be 1 to 6"),
    "lanes_negative": (_main_street(lanes=-1), ROAD + "lanes is -1; it must be 1 to 6"),
    "lanes_fraction": (_main_street(lanes=2.5), ROAD + "property lanes is 2.5, not a whole number"),
    "lanes_text": (_main_street(lanes="two"), ROAD + "property lanes is 'two', not a number"),
    "lanes_typed_int_text": (
        _main_street(lanes=("int", "two")),
        ROAD + "property 'lanes' is 'two', not a whole number (int)",
    ),
    "lanes_huge_int": (_main_street(lanes=10**30), ROAD + "lanes is 1e+30; it must be 1 to 6"),
    "cycle_zero": (_signal(0.0), "object 'odd_light' (id 10): cycle_s is 0; it must be 5 to 600"),
    "cycle_inf": (
        _signal(math.inf),
        "object 'odd_light' (id 10): property cycle_s is 'inf', not a finite",
    ),
    "cycle_huge": (
        _signal(1e9),
        "object 'odd_light' (id 10): cycle_s is 1e+09; it must be 5 to 600",
    ),
    "heading_nan": (
        _spawn(heading_deg=math.nan),
        "object 'odd' (id 10): property heading_deg is 'nan'",
    ),
    "heading_1e300": (
        _spawn(heading_deg=1e300),
        "object 'odd' (id 10): heading_deg is 1e+300; it must be -360 to 360",
    ),
    "heading_720": (
        _spawn(heading_deg=720.0),
        "object 'odd' (id 10): heading_deg is 720; it must be -360 to 360",
    ),
    "heading_text": (
        _spawn(heading_deg="north"),
        "object 'odd' (id 10): property heading_deg is 'north', not a number",
    ),
    "bool_typed_maybe": (
        _spawn(parked=("bool", "maybe")),
        "object 'odd' (id 10): property 'parked' is 'maybe', not true or false (bool)",
    ),
    "float_typed_text": (
        _spawn(heading_deg=("float", "east")),
        "object 'odd' (id 10): property 'heading_deg' is 'east', not a number (float)",
    ),
    "unknown_property_type": (
        _spawn(speed=("vector", "1,2")),
        "object 'odd' (id 10): property 'speed' has the unknown type 'vector'",
    ),
}


@pytest.mark.parametrize("case", CASES, ids=str)
def test_a_property_out_of_range_is_refused_by_name(write_map, case):
    change, expected = CASES[case]
    spec = crossroads()
    change(spec)
    assert_refused(write_map(spec), expected)


def test_the_extremes_of_each_range_load(write_map):
    spec = MapSpec(100, 100)  # two 6-lane avenues crossing: the widest intersection allowed
    spec.fill("ground", 0)
    top = limits.MAX_SPEED_LIMIT_KMH
    spec.road("Avenue", [(20, 200), (200, 200), (380, 200)], lanes=6, speed_limit_kmh=top)
    spec.road("Street", [(200, 20), (200, 200), (200, 380)], lanes=limits.MAX_LANES)
    spec.point("roads", "light", "signal", 206, 206, cycle_s=limits.MAX_SIGNAL_CYCLE_S)
    spec.point("spawns", "turned", "player", 100, 202, heading_deg=-limits.MAX_HEADING_DEG)
    level = assert_clean(write_map(spec))
    assert level.roads.edge_speed_limit.max() == pytest.approx(top / 3.6)
    assert level.roads.intersection_cycle_s.tolist() == [limits.MAX_SIGNAL_CYCLE_S]
    assert level.spawns["turned"].heading == pytest.approx(-2 * math.pi)


#: raw attribute edits: (text in the written map, its replacement, the expected line)
ATTRIBUTES = {
    "spawn_x_1e300": (
        'x="480" y="656"',
        'x="1e300" y="656"',
        "object 'player_start' (id 7): attribute 'x' is 1e300; it must be -1e+06 to 1e+06",
    ),
    "spawn_y_minus_inf": (
        'x="480" y="656"',
        'x="480" y="-inf"',
        "object 'player_start' (id 7): attribute 'y' is '-inf', not a number",
    ),
    "spawn_x_text": (
        'x="480" y="656"',
        'x="left" y="656"',
        "attribute 'x' is 'left', not a number",
    ),
    "zone_negative_width": (
        'width="160" height="160"',
        'width="-160" height="160"',
        "object 'home' (id 4): attribute 'width' is -160; it must be 0 to 1e+06",
    ),
    "zone_rotation_huge": (
        'width="160" height="160"',
        'width="160" height="160" rotation="1e9"',
        "attribute 'rotation' is 1e9; it must be -360 to 360",
    ),
    "object_id_text": (
        '<object id="4"',
        '<object id="four"',
        "attribute 'id' is 'four', not a whole number",
    ),
    "layer_offset_fraction": (
        '<layer id="1" name="ground"',
        '<layer id="1" name="ground" offsetx="1.5"',
        "layer 'ground': attribute 'offsetx' is '1.5', not a whole number",
    ),
    "layer_visible_maybe": (
        '<layer id="1" name="ground"',
        '<layer id="1" name="ground" visible="maybe"',
        "attribute 'visible' is 'maybe', not true or false",
    ),
    "opacity_above_one": (
        '<layer id="1" name="ground"',
        '<layer id="1" name="ground" opacity="7"',
        "attribute 'opacity' is 7; it must be 0 to 1",
    ),
    "polyline_three_numbers": (
        'points="0,0 480,0 960,0"',
        'points="0,0,0 480,0 960,0"',
        "object 'Main Street' (id 1): polyline point '0,0,0' is not x,y in pixels",
    ),
    "polyline_nan": (
        'points="0,0 480,0 960,0"',
        'points="0,0 nan,0 960,0"',
        "polyline point 'nan,0' is not x,y",
    ),
    "polyline_huge": (
        'points="0,0 480,0 960,0"',
        'points="0,0 1e300,0 960,0"',
        "polyline point '1e300,0' is not x,y",
    ),
    "polyline_empty": (
        'points="0,0 480,0 960,0"',
        'points=""',
        "object 'Main Street' (id 1): polyline has no points",
    ),
    "map_width_fraction": (
        'width="40" height="40" tilewidth',
        'width="40.5" height="40" tilewidth',
        "attribute 'width' is missing or not a whole number",
    ),
}


@pytest.mark.parametrize("case", ATTRIBUTES, ids=str)
def test_an_attribute_out_of_range_is_refused_by_name(write_map, case):
    old, new, expected = ATTRIBUTES[case]
    assert_refused(edit(write_map(crossroads()), old, new), expected)


def test_lanes_100000_is_refused_at_once(write_map):
    spec = crossroads()
    _main_street(lanes=100000)(spec)
    path = write_map(spec)
    started = time.monotonic()
    assert_refused(path, "lanes is 100000")
    assert time.monotonic() - started < 10  # it hung check before; the bound is generous


def test_a_map_that_passes_keeps_its_numbers_finite(write_map):
    level = assert_clean(write_map(crossroads()))
    graph = level.roads
    for values in (graph.node_xy, graph.edge_speed_limit, graph.intersection_cycle_s):
        assert np.isfinite(values).all()
    assert all(math.isfinite(s.x) and math.isfinite(s.heading) for s in level.spawns.values())
