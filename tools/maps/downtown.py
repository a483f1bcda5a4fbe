"""Downtown Los Angeles, condensed to 1 km square (256 x 256 tiles).

West to east: the Harbor Freeway (110) in its corridor, Figueroa, Grand, Hill,
Broadway, Spring, Main, San Pedro, Alameda, the rail yards, the LA river channel,
Mission Rd and Boyle Heights. North to south: Cesar Chavez Ave, 1st to 9th St,
Olympic Blvd. Two-way avenues have two lanes each way; 2nd, 3rd, 5th, 8th and 9th
are three-lane one-way streets. Bridges cross the river at Cesar Chavez, 1st, 4th,
6th and Olympic; the freeway joins the grid at both ends and by two ramps, and
crosses over the 5th St underpass (the shadow beneath it is a hiding place).
"""

from __future__ import annotations

import math

from .blocks import building, fill_block, free_regions, parking_lot, pocket_park
from .canvas import MapCanvas
from .city import arc, clear_of_roads, finish_roads, lay_roads, scatter_spawns
from .roads import Road, lane_pose

SIZE = 256
AVENUES = {  # two-way north-south streets: name -> centre line column
    "Figueroa St": 36, "Grand Ave": 60, "Hill St": 84, "Broadway": 106,
    "Spring St": 128, "Main St": 150, "San Pedro St": 172, "Alameda St": 196,
}  # fmt: skip
EAST_WEST = (  # name, centre/left-edge row, oneway direction (+1 east, -1 west, 0 two-way), bridge
    ("Cesar Chavez Ave", 10, 0, True), ("1st St", 32, 0, True), ("2nd St", 54, -1, False),
    ("3rd St", 76, 1, False), ("4th St", 98, 0, True), ("5th St", 120, -1, False),
    ("6th St", 142, 0, True), ("7th St", 164, 0, False), ("8th St", 186, -1, False),
    ("9th St", 208, 1, False), ("Olympic Blvd", 244, 0, True),
)  # fmt: skip
NORTH, SOUTH = 10, 244  #: rows of the northern and southern arterials
WEST_JOIN = 30  #: column where the freeway meets those arterials
RIVER = (208, 228)  #: channel columns, walls included
MISSION = 236  #: Mission Rd, on the east bank
UNDERPASS = (116, 121)  #: rows of the 5th St underpass below the freeway
FREEWAY_SB, FREEWAY_NB = 9, 11  #: carriageway polylines (left edges, by the median)
CURVE_CENTRE = 26  #: the freeway's end curves turn round (26, 26) and (26, 228)
#: radii (tiles) of the cells whose centres make the curves' median barrier: the
#: carriageways' edges are at 15 and 17, and a cell reaches 0.71 tiles past its centre
#: on a diagonal, so a wider ring pokes its corners into the inside lanes
MEDIAN_RING = (15.5, 16.5)


def _roads() -> list[Road]:
    roads = []
    for name, col in AVENUES.items():
        end = 208 if name == "Grand Ave" else SOUTH
        roads.append(Road(name, [(col, NORTH), (col, end)], lanes=2))
    for name, row, direction, bridge in EAST_WEST:
        west = WEST_JOIN if row in (NORTH, SOUTH) else AVENUES["Figueroa St"]
        east = MISSION if bridge else AVENUES["Alameda St"]
        if direction == 0:
            roads.append(Road(name, [(west, row), (east, row)], lanes=2))
        else:
            points = [(west, row), (east, row)] if direction > 0 else [(east, row), (west, row)]
            roads.append(Road(name, points, lanes=3, oneway=True))
    roads.append(Road("Mission Rd", [(MISSION, NORTH), (MISSION, SOUTH)], lanes=2))
    c, south = CURVE_CENTRE, SOUTH - 16
    southbound = [(WEST_JOIN, NORTH), (c, NORTH - 1), *arc(c, c, 17, -90, -180)[1:]]
    southbound += [*arc(c, south, 17, 180, 90), (WEST_JOIN, SOUTH)]
    northbound = [(WEST_JOIN, SOUTH), (c, SOUTH - 1), *arc(c, south, 15, 90, 180)[1:]]
    northbound += [*arc(c, c, 15, 180, 270), (WEST_JOIN, NORTH)]
    freeway = {"lanes": 3, "oneway": True, "speed_kmh": 100, "signals": False, "paint": False}
    roads.append(Road("Harbor Fwy (110) South", southbound, street="Harbor Fwy (110)", **freeway))
    roads.append(Road("Harbor Fwy (110) North", northbound, street="Harbor Fwy (110)", **freeway))
    fig = AVENUES["Figueroa St"]
    exit_ramp = [(FREEWAY_NB, 106), (14, 100), (18, 94), (24, 90), (30, 88), (fig, 88)]
    entry_ramp = [(fig, 226), (28, 226), (22, 224), (16, 219), (12.5, 213), (FREEWAY_NB, 206)]
    ramp = {"lanes": 2, "oneway": True, "speed_kmh": 60, "signals": False, "paint": False}
    roads.append(Road("110 Exit Figueroa", exit_ramp, **ramp))
    roads.append(Road("110 Entrance Figueroa", entry_ramp, **ramp))
    return roads


def _freeway_corridor(canvas: MapCanvas) -> None:
    """Median barrier, the embankments, and the deck over the 5th St underpass."""
    c = CURVE_CENTRE
    south = SOUTH - 16
    canvas.fill("ground", slice(c, south), slice(FREEWAY_SB, FREEWAY_NB), "median")
    for row in range(canvas.rows):
        for col in range(0, c + 1):
            for centre_row in (c, south):
                radius = ((col + 0.5 - c) ** 2 + (row + 0.5 - centre_row) ** 2) ** 0.5
                in_quadrant = col + 0.5 < c and (
                    row + 0.5 < c if centre_row == c else row + 0.5 > south
                )
                if in_quadrant and MEDIAN_RING[0] < radius < MEDIAN_RING[1]:
                    canvas.explicit[row, col] = "median"
    canvas.base[:, 0:5] = "dirt"
    canvas.corner_fill("park", slice(c + 2, south - 2), slice(15, 20))
    for row in range(c + 4, south - 4, 6):
        canvas.layers["decor"][row, 17] = "palm"
        canvas.layers["decor"][row + 3, 2] = "palm_b"
    top, bottom = UNDERPASS
    canvas.corner_fill("road", slice(top + 1, bottom - 1), slice(0, AVENUES["Figueroa St"]))
    canvas.fill("ground", slice(top, bottom), slice(6, 14), "deck")
    canvas.fill("ground", slice(top, top + 1), slice(6, 14), "deck_joint")
    # the deck runs across the median here and under its west rail: nothing up on the
    # freeway is a dark place (the underpass east of it is)
    canvas.fill("ground", slice(top + 1, bottom - 1), slice(14, 21), "asphalt_shadow")
    canvas.fill("ground", slice(top + 1, bottom - 1), slice(5, 6), "deck")
    canvas.fill("decor", slice(top, bottom), slice(5, 6), "rail_w")
    canvas.fill("decor", slice(top, bottom), slice(14, 15), "rail_e")
    yard = (slice(top - 10, bottom + 10), slice(0, 5))
    canvas.fill("ground", *yard, "concrete_shadow")
    canvas.fill("decor", *yard, None)
    for row in range(top - 8, bottom + 10, 4):
        if not top - 1 <= row <= bottom:
            canvas.explicit[row, 2] = "pillar_shadow"


def _river(canvas: MapCanvas, roads: list[Road]) -> None:
    """The concrete channel, its sloped walls, bridge shadows, access ramps and rail yards."""
    west, east = RIVER
    bridge_rows = set()
    shadow_rows = set()
    for _, row, _, bridge in EAST_WEST:
        if bridge:
            bridge_rows.update(range(row - 3, row + 3))
            shadow_rows.update(range(row - 6, row + 6))
    for row in range(canvas.rows):
        if row in bridge_rows:
            continue
        dark = "_shadow" if row in shadow_rows else ""
        canvas.explicit[row, west : west + 2] = ["river_wall_w_top", "river_wall_w_low"]
        canvas.explicit[row, east - 2 : east] = ["river_wall_e_low", "river_wall_e_top"]
        canvas.explicit[row, west + 2 : east - 2] = "river_floor" + dark
        canvas.explicit[row, west + 9 : west + 11] = ["river_trickle" + dark, "river_floor" + dark]
    for _, row, _, bridge in EAST_WEST:
        if bridge:
            canvas.layers["decor"][row - 3, west:east] = "rail_n"
            canvas.layers["decor"][row + 2, west:east] = "rail_s"
    for row in range(2, canvas.rows - 2, 5):  # tags on the channel walls
        if row not in bridge_rows and canvas.rng.random() < 0.45:
            col = west + 1 if canvas.rng.random() < 0.5 else east - 2
            canvas.layers["decor"][row, col] = f"graffiti_{'abc'[row % 3]}"
    canvas.explicit[60:72, west : west + 2] = "river_ramp"
    canvas.explicit[150:162, east - 2 : east] = "river_ramp"
    road_rows = {r for _, row, _, bridge in EAST_WEST if bridge for r in range(row - 3, row + 3)}
    for row in range(canvas.rows):
        if row not in road_rows:
            canvas.base[row, 203:208] = "dirt"
            canvas.explicit[row, 203] = "rails"
            canvas.explicit[row, 205] = "rails"
            canvas.base[row, east : MISSION - 3] = "dirt"
    for row in range(4, canvas.rows - 4, 7):
        if row not in road_rows:
            canvas.layers["decor"][row, east + 2] = "palm"


def _site(canvas: MapCanvas, rows: tuple[int, int], cols: tuple[int, int]) -> tuple[slice, slice]:
    """Clear a rectangle of the generic fill for a named place; returns its slices."""
    area = slice(*rows), slice(*cols)
    canvas.clear(*area)
    ring = canvas.explicit[rows[0] - 1 : rows[1] + 1, cols[0] - 1 : cols[1] + 1]
    ring[ring == "asphalt_shadow"] = None  # alley stubs left in the sidewalk round the site
    canvas.vertices["road"][rows[0] : rows[1] + 1, cols[0] : cols[1] + 1] = False
    canvas.vertices["park"][rows[0] : rows[1] + 1, cols[0] : cols[1] + 1] = False
    return area


def _sites(canvas: MapCanvas) -> None:
    """The places missions use, each drawn over its block, and their zones."""
    # The Driver's apartment block on Hill St, with its parking court.
    _site(canvas, (36, 49), (64, 80))
    building(canvas, 36, 64, 49, 73, "concrete")
    building(canvas, 36, 73, 38, 80, "tar")
    parking_lot(canvas, 38, 73, 49, 80)
    canvas.zone("apartment", "home", 73, 38, 82, 50, "The Driver's apartment")
    # Shannon's garage: a workshop and its yard on Alameda St.
    _site(canvas, (168, 181), (176, 192))
    building(canvas, 168, 176, 181, 185, "metal", neon="neon_cyan")
    canvas.fill("ground", slice(168, 181), slice(185, 192), "concrete")
    for row, col in ((170, 187), (174, 189), (178, 186)):
        canvas.explicit[row, col] = "garage_oil"
    canvas.zone("shannons_garage", "garage", 185, 168, 194, 181, "Shannon's garage")
    # The crew waits at the corner lot of Broadway and 3rd.
    _site(canvas, (81, 88), (110, 118))
    parking_lot(canvas, 81, 110, 88, 118)
    canvas.zone("crew_pickup", "pickup", 109, 80, 119, 89, "Broadway & 3rd")
    # The warehouse and its loading yard on 5th St.
    _site(canvas, (102, 115), (176, 192))
    building(canvas, 102, 176, 109, 192, "metal")
    canvas.fill("ground", slice(109, 115), slice(176, 192), "concrete")
    canvas.fill("markings", slice(109, 110), slice(176, 192), "hatch_yellow")
    canvas.zone("warehouse", "place", 175, 109, 193, 116, "Warehouse, 5th & Alameda")
    # The arena: a great roof ringed with neon, and the crowd's lot and plaza.
    _site(canvas, (213, 240), (40, 80))
    building(canvas, 214, 57, 239, 80, "concrete")
    canvas.fill("decor", slice(214, 239), slice(57, 80), None)
    for row in range(215, 238):  # a ring of lit roof panels round the bowl
        for col in range(58, 79):
            if 0.78 < math.hypot((row + 0.5 - 226.5) / 10.5, (col + 0.5 - 68.5) / 9.5) < 0.9:
                canvas.layers["decor"][row, col] = "skylight_lit"
    for row, col in ((225, 67), (225, 68), (226, 67), (226, 68)):
        canvas.layers["decor"][row, col] = "neon_cyan" if row == 225 else "neon_pink"
    for col in range(58, 79, 3):
        canvas.layers["decor"][214, col] = "neon_cyan"
        canvas.layers["decor"][238, col] = "neon_pink"
    parking_lot(canvas, 213, 40, 240, 53)
    canvas.fill("ground", slice(213, 240), slice(53, 57), "concrete")
    for row in range(213, 240):
        for col in range(53, 57):
            canvas.layers["decor"][row, col] = "crowd_a" if (row + col) % 2 else "crowd_b"
    canvas.zone("arena_crowd", "crowd", 39, 212, 57, 241, "Arena crowd")
    # The pawn shop on 8th St with its small lot.
    _site(canvas, (188, 196), (154, 168))
    building(canvas, 188, 154, 195, 160, "tar", neon="neon_pink")
    parking_lot(canvas, 188, 160, 195, 168)
    canvas.zone("pawn_shop_lot", "place", 160, 187, 169, 196, "Pawn shop lot")
    # The motel across the river, on Mission Rd.
    _site(canvas, (108, 135), (240, 256))
    building(canvas, 108, 249, 135, 256, "terracotta")
    building(canvas, 130, 240, 135, 249, "terracotta")
    parking_lot(canvas, 108, 240, 130, 249)
    canvas.layers["decor"][108, 240] = "neon_pink"
    canvas.layers["decor"][109, 241] = "neon_pool_pink"
    canvas.zone("motel", "finish", 239, 108, 249, 130, "The motel")
    # The bank at Spring and 4th, with a side lot on Main St.
    _site(canvas, (102, 115), (132, 146))
    building(canvas, 102, 132, 115, 140, "concrete")
    parking_lot(canvas, 102, 140, 115, 146)
    canvas.zone("bank", "place", 140, 101, 148, 116, "Bank, Spring & 4th")
    # The card casino on 9th St and its lot.
    _site(canvas, (213, 240), (154, 168))
    building(canvas, 213, 154, 227, 168, "gravel")
    for col in range(155, 168, 2):
        canvas.layers["decor"][226, col] = "neon_pink" if col % 4 == 1 else "neon_cyan"
    parking_lot(canvas, 228, 154, 240, 168)
    canvas.zone("casino", "place", 153, 227, 169, 241, "Card casino")
    # The parking garage between Hill and Broadway: walls, pillars and bays.
    rows, cols = _site(canvas, (146, 160), (88, 102))
    canvas.fill("ground", rows, cols, "garage_floor")
    canvas.fill("ground", slice(146, 147), cols, "garage_wall")
    canvas.fill("ground", slice(159, 160), cols, "garage_wall")
    canvas.fill("ground", rows, slice(88, 89), "garage_wall")
    canvas.fill("ground", rows, slice(101, 102), "garage_wall")
    canvas.fill("ground", slice(151, 155), slice(101, 102), "garage_floor")
    canvas.fill("ground", slice(159, 160), slice(93, 97), "garage_floor")
    for row in (149, 156):
        for col in (92, 97):
            canvas.explicit[row, col] = "garage_pillar"
    for col in range(90, 100):
        canvas.layers["markings"][147, col] = canvas.layers["markings"][158, col] = "bay_w"
    canvas.zone("parking_garage", "place", 89, 147, 101, 159, "Parking garage")
    # Hiding places: under the freeway at 5th St, and in the channel under the 6th St bridge.
    # The 110's own carriageways (columns 6-14) stay out of the zone: a top-down map puts
    # the deck and the street beneath it in the same cells, and a car up on the freeway
    # is in the open (the yard west of the deck is dark by its tiles).
    canvas.zone(
        "overpass_shadow", "shadow", 14, UNDERPASS[0] - 3, 21, UNDERPASS[1] + 3, "Under the 110"
    )
    canvas.zone(
        "river_shadow", "shadow", RIVER[0] + 2, 136, RIVER[1] - 2, 148, "Under the 6th St bridge"
    )
    _site(canvas, (13, 29), (39, 58))
    pocket_park(canvas, 13, 39, 29, 58)


def build(tilesets) -> MapCanvas:
    canvas = MapCanvas("downtown", SIZE, SIZE, tilesets)
    canvas.properties = {"title": "Downtown Los Angeles", "district": "Downtown"}
    roads = _roads()
    junctions = lay_roads(canvas, roads)
    _freeway_corridor(canvas)
    _river(canvas, roads)
    free = _free_cells(canvas)
    for box in free_regions(free):
        east = box[1] >= AVENUES["San Pedro St"]
        styles = (
            {"metal": 5, "tar": 2, "gravel": 1}
            if east
            else {"tar": 3, "gravel": 2, "concrete": 3, "terracotta": 1}
        )
        fill_block(canvas, box, styles, free)
    _sites(canvas)
    finish_roads(canvas, roads, junctions)
    _spawns(canvas, roads)
    return canvas


def _free_cells(canvas: MapCanvas):
    v = canvas.vertices["road"] | canvas.vertices["park"]
    touched = v[:-1, :-1] | v[:-1, 1:] | v[1:, 1:] | v[1:, :-1]
    free = ~touched & (canvas.explicit == None)  # noqa: E711
    return free & (canvas.base == "sidewalk")


def _spawns(canvas: MapCanvas, roads: list[Road]) -> None:
    """Named spawns, then traffic on lanes and parked cars at kerbs, all off solid cells."""
    by_name = {road.name: road for road in roads}
    solid = canvas.solid_grid()
    # Jobs start on Hill St outside the apartment's court, in the southbound kerb lane
    # and facing the way traffic drives: holding throttle drives down the street.
    col, row, heading = lane_pose(by_name["Hill St"], 35.0, 1)
    canvas.spawn("player_start", "player", col, row, heading, "driver")
    canvas.spawn("helicopter", "helicopter", 128.0, 128.0, 0.0, None)
    for i, (col, row) in enumerate(((112.0, 82.5), (114.0, 82.5), (116.0, 82.5)), start=1):
        canvas.spawn(f"crew_{i}", "crew", col, row, 90.0, None)
    canvas.spawn("chaser_1", "chaser", 164.5, 192.0, 270.0, "muscle")
    police = (
        ("Figueroa St", 60, 0), ("Broadway", 150, -1), ("6th St", 120, 0),
        ("Alameda St", 40, 1), ("Main St", 200, -2), ("Mission Rd", 130, 0),
    )  # fmt: skip
    placed: list[tuple[float, float]] = []
    for i, (name, distance, lane) in enumerate(police, start=1):
        col, row, heading = _clear_lane_pose(canvas, roads, by_name[name], distance, lane)
        canvas.spawn(f"police_{i}", "police", col, row, heading, "police")
        placed.append((col, row))
    col, row, heading = _clear_lane_pose(canvas, roads, by_name["Spring St"], 100, 1)
    canvas.spawn("detective", "detective", col, row, heading, "unmarked")
    placed.append((col, row))
    scatter_spawns(canvas, roads, solid, placed, "traffic", 64, kerb=False)
    city_roads = [road for road in roads if road.paint]
    scatter_spawns(canvas, city_roads, solid, placed, "parked", 44, kerb=True)
    # Free drive starts out on Hill St, just pulled out of the apartment's court, heading
    # south in the kerb lane: holding throttle drives down the street, not into a wall.
    # (Last, so the spawns above keep their object ids.)
    col, row, heading = lane_pose(by_name["Hill St"], 29.5, 1)
    canvas.spawn("free_drive", "player", col, row, heading, "driver")
    # The night's drive can start from Shannon's garage too: on Alameda St right outside
    # its yard, in the southbound kerb lane, facing the way traffic drives (after
    # free_drive, so every object above keeps its id).
    col, row, heading = _clear_lane_pose(canvas, roads, by_name["Alameda St"], 164.0, 1)
    canvas.spawn("garage_start", "player", col, row, heading, "driver")
    # The Player, a gambler by her car in the south-east corner of the casino lot, looking
    # across the lot at the casino's door (the Casino's witness; after free_drive, so the
    # spawns above keep their object ids).
    canvas.spawn("the_player", "witness", 165.0, 238.0, 225.0, None)
    # The casino's security car, in the north-west corner of its lot under the wall.
    canvas.spawn("casino_security", "chaser", 155.5, 229.5, 0.0, "muscle")
    # A spare car at the kerb of Hill St between 7th and 8th, facing south: a job may leave
    # it for the Driver to change into (the Sting); last, so the spawns keep their ids.
    col, row, heading = lane_pose(by_name["Hill St"], 168.0, 1, kerb=True)
    canvas.spawn("spare_car", "spare", round(col, 2), round(row, 2), heading, "sedan")


def _clear_lane_pose(canvas: MapCanvas, roads: list[Road], road: Road, distance: float, lane: int):
    """The lane pose at ``distance``, moved on along the road until clear of junctions."""
    while True:
        col, row, heading = lane_pose(road, distance, lane)
        if clear_of_roads(canvas, roads, col, row, 3.5):
            return col, row, heading
        distance += 1.0
