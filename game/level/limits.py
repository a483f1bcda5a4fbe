"""How big and how strange a map may be: every bound the loader and ``check`` enforce.

A map is a user's file, so the reader trusts none of its numbers. Each limit is checked
before the thing it bounds is allocated or computed (the file's size before it is read,
the element count while the XML is parsed, the map's size before any grid exists, the
lane count before any lane is laid), so no file makes ``check`` or the game take more
than a few seconds or a few hundred MB before answering. The limits leave the shipped
maps plenty of room: downtown is 256 x 256 tiles, 4 tile layers, 496 objects, 1,493 XML
elements, 270 road vertices, 68 km of lanes, at most 3 lanes a direction and 433 m of
turning paths in its busiest intersection.
"""

from __future__ import annotations

MIB = 1 << 20

# -- files ----------------------------------------------------------------------------
MAX_MAP_FILE_BYTES = 64 * MIB  #: a .tmx (downtown is 0.7 MB)
MAX_TILESET_FILE_BYTES = 4 * MIB  #: a .tsx (the biggest shipped one is 14 KB)
MAX_IMAGE_FILE_BYTES = 32 * MIB  #: a tile image (the biggest shipped one is 96 KB)
MAX_IMAGE_SIDE_PX = 4096  #: a tile image's width and height (a 4096 px RGBA image is 64 MB)
MAX_TILESETS = 32  #: tilesets one map may use (the shipped maps use 5)

# -- XML ------------------------------------------------------------------------------
MAX_XML_ELEMENTS = 200_000  #: elements in one file (downtown has 1,493)
MAX_XML_DEPTH = 32  #: nesting of elements, group layers included (the shipped maps: 5)
MAX_PROPERTIES = 100  #: custom properties on one map, layer, tile or object
MAX_TEXT_CHARS = 1_000  #: a name, a kind or a property's value, in characters

# -- the map --------------------------------------------------------------------------
MAX_MAP_SIDE_TILES = 4096  #: tiles along either side (16 km)
MAX_MAP_TILES = 1024 * 1024  #: width x height in tiles (16 km²; downtown has 65,536)
MAX_LAYERS = 64  #: layers of every kind, groups included
MAX_TILE_LAYERS = 16  #: tile layers (the shipped maps have 4)
MAX_GID = 1 << 20  #: one more than the highest tile id (gid) the tilesets may define
MAX_OBJECTS = 10_000  #: objects in all layers (downtown has 496)
MAX_OBJECT_POINTS = 1_000  #: vertices of one polygon or polyline
MAX_COORDINATE_PX = 1_000_000  #: |x|, |y|, width and height of an object, pixels
MAX_ROTATION_DEG = 360.0  #: |rotation| of an object
MAX_LAYER_OFFSET_PX = 1_000_000  #: |offsetx|, |offsety| of a layer or tileset

# -- roads and spawns -----------------------------------------------------------------
MAX_LANES = 6  #: lanes per direction on one road
MIN_SPEED_LIMIT_KMH = 5.0
MAX_SPEED_LIMIT_KMH = 300.0
MIN_SIGNAL_CYCLE_S = 5.0
MAX_SIGNAL_CYCLE_S = 600.0
MAX_HEADING_DEG = 360.0  #: |heading_deg| of a spawn
MAX_ROAD_VERTICES = 5_000  #: vertices of all roads together (the crossing check compares
#: every segment with every other one)
MAX_ROAD_LENGTH_M = 20_000.0  #: one road polyline (lane changes compare the nodes of two
#: neighbouring lanes pairwise)
MAX_LANE_LENGTH_M = 500_000.0  #: all lanes together, each direction counted (downtown: 68 km)
MAX_ROADS_AT_JUNCTION = 8  #: road ends meeting at one vertex
#: turning paths inside one intersection, summed: the traffic AI compares every point of
#: them with every other one, a table that grows as the square (a crossing of two 6-lane
#: roads has 3,128 m and that table peaks at 145 MB; downtown's busiest has 433 m, 6 MB)
MAX_TURN_PATHS_M = 3_200.0
#: a zone's or street area's vertices x the map's tiles: the point-in-polygon tests that
#: grid lookups of it cost (a mission's zone grid tests every tile against its zones)
MAX_AREA_TESTS_PER_OBJECT = 100_000_000
#: the same summed over all zones and street areas, each against the tiles it spans
MAX_AREA_TESTS = 200_000_000
