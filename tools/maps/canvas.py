"""MapCanvas: tile layers, corner-terrain vertex grids and objects of one map being built.

Cells are (row, col); vertices (corners) are (row, col) in a grid one larger. Ground
comes from, in priority order: an explicit tile, the Road corner set, the Track set,
the Shore set, the Park set, and the base fill. Tiles are named as in the tileset
definitions (``tools/tileart``), so the generator never handles raw tile ids.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass, field

import numpy as np
from tileart.sheet import TilesetDef

TILE_M = 4.0  #: metres per tile
TILE_PX = 32
#: corner sets in ground priority order: (vertex grid name, tile prefix, pure A, pure B)
CORNER_LAYERS = (
    ("road", "road", "asphalt", "sidewalk"),
    ("track", "track", "asphalt", "grass"),
    ("shore", "shore", "water", "sand"),
    ("park", "park", "grass", "sidewalk"),
)
#: pure tiles and the worn variants mixed in, with their weights
VARIANTS = {
    "asphalt": (
        ("asphalt", 86),
        ("asphalt_cracked", 8),
        ("asphalt_patched", 4),
        ("asphalt_manhole", 2),
    ),
    "sidewalk": (("sidewalk", 85), ("sidewalk_worn", 15)),
    "grass": (("grass", 75), ("grass_dark", 25)),
}
TILE_LAYERS = ("ground", "markings", "buildings", "decor")


@dataclass
class MapObject:
    """One Tiled object; coordinates in tiles (converted to pixels when written)."""

    layer: str
    name: str
    kind: str = ""
    x: float = 0.0
    y: float = 0.0
    width: float = 0.0
    height: float = 0.0
    polygon: list[tuple[float, float]] | None = None  #: points relative to (x, y)
    polyline: list[tuple[float, float]] | None = None
    point: bool = False
    properties: list[tuple[str, str, object, str | None]] = field(default_factory=list)
    #: (name, Tiled type, value, enum property type or None)


class MapCanvas:
    def __init__(self, name: str, cols: int, rows: int, tilesets: list[TilesetDef], seed: int = 1):
        self.name, self.cols, self.rows = name, cols, rows
        self.tilesets = tilesets
        self.rng = np.random.default_rng(zlib.crc32(name.encode()) + seed)
        self.vertices = {
            grid: np.zeros((rows + 1, cols + 1), dtype=bool) for grid, *_ in CORNER_LAYERS
        }
        self.base = np.full((rows, cols), "sidewalk", dtype=object)
        self.explicit = np.full((rows, cols), None, dtype=object)
        self.layers = {
            layer: np.full((rows, cols), None, dtype=object) for layer in TILE_LAYERS[1:]
        }
        self.objects: list[MapObject] = []
        self.properties: dict[str, str] = {}
        self._lookup = {}
        for tileset in tilesets:
            for tile_name in tileset.names():
                self._lookup.setdefault(tile_name, tileset.name)

    # --- painting -------------------------------------------------------------------
    def fill(self, layer: str, rows: slice, cols: slice, tile: str | None) -> None:
        """Set a rectangle of one layer; ``ground`` means explicit ground tiles."""
        target = self.explicit if layer == "ground" else self.layers[layer]
        target[rows, cols] = tile

    def corner_fill(self, grid: str, rows: slice, cols: slice, value: bool = True) -> None:
        """Mark the corners of a rectangle of cells as terrain A of a corner set."""
        self.vertices[grid][rows.start : rows.stop + 1, cols.start : cols.stop + 1] = value

    def clear(self, rows: slice, cols: slice) -> None:
        """Empty a rectangle on every layer above the ground and drop explicit ground."""
        self.explicit[rows, cols] = None
        for layer in self.layers.values():
            layer[rows, cols] = None

    def in_bounds(self, row: int, col: int) -> bool:
        return 0 <= row < self.rows and 0 <= col < self.cols

    # --- objects --------------------------------------------------------------------
    def add(self, obj: MapObject) -> MapObject:
        if any(
            o.name == obj.name and o.layer == obj.layer and obj.layer != "roads"
            for o in self.objects
        ):
            raise ValueError(f"{self.name}: duplicate object name {obj.name!r}")
        self.objects.append(obj)
        return obj

    def zone(
        self,
        name: str,
        kind: str,
        col0: float,
        row0: float,
        col1: float,
        row1: float,
        label: str = "",
    ) -> None:
        props = [("label", "string", label, None)] if label else []
        self.add(
            MapObject("zones", name, kind, col0, row0, col1 - col0, row1 - row0, properties=props)
        )

    def spawn(
        self, name: str, kind: str, col: float, row: float, heading_deg: float, vehicle: str | None
    ) -> None:
        props: list = [("heading_deg", "float", round(heading_deg % 360.0, 2), None)]
        if vehicle:
            props.append(("vehicle_class", "string", vehicle, "VehicleClass"))
        self.add(MapObject("spawns", name, kind, col, row, point=True, properties=props))

    def street(self, name: str, col0: float, row0: float, col1: float, row1: float) -> None:
        col0, col1 = max(col0, 0.0), min(col1, float(self.cols))
        row0, row1 = max(row0, 0.0), min(row1, float(self.rows))
        self.objects.append(MapObject("streets", name, "", col0, row0, col1 - col0, row1 - row0))

    def street_polygon(self, name: str, points: list[tuple[float, float]]) -> None:
        points = [(min(max(x, 0.0), self.cols), min(max(y, 0.0), self.rows)) for x, y in points]
        x0, y0 = points[0]
        rel = [(x - x0, y - y0) for x, y in points]
        self.objects.append(MapObject("streets", name, "", x0, y0, polygon=rel))

    # --- resolving ------------------------------------------------------------------
    def _variant(self, pure: str, row: int, col: int) -> str:
        choices = VARIANTS.get(pure)
        if not choices:
            return pure
        roll = zlib.crc32(f"{self.name}:{row}:{col}".encode()) % 100
        for name, weight in choices:
            if roll < weight:
                return name
            roll -= weight
        return pure

    def ground_names(self) -> np.ndarray:
        """The ground layer as tile names: explicit tiles, then corner sets, then the base."""
        names = self.base.copy()
        for grid, prefix, pure_a, _ in reversed(CORNER_LAYERS):
            v = self.vertices[grid]
            corners = np.stack([v[:-1, :-1], v[:-1, 1:], v[1:, 1:], v[1:, :-1]], axis=-1)
            count = corners.sum(axis=-1)
            for row, col in zip(*np.nonzero(count), strict=True):
                if count[row, col] == 4:
                    names[row, col] = self._variant(pure_a, row, col)
                else:
                    names[row, col] = (
                        f"{prefix}_{''.join('1' if c else '0' for c in corners[row, col])}"
                    )
        for row, col in zip(*np.nonzero(names == "sidewalk"), strict=True):
            names[row, col] = self._variant("sidewalk", row, col)
        for row, col in zip(*np.nonzero(names == "grass"), strict=True):
            names[row, col] = self._variant("grass", row, col)
        has_explicit = self.explicit != None  # noqa: E711 (element-wise on an object array)
        names[has_explicit] = self.explicit[has_explicit]
        return names

    def tileset_of(self, tile: str) -> str:
        try:
            return self._lookup[tile]
        except KeyError:
            raise KeyError(f"{self.name}: no tileset has a tile named {tile!r}") from None

    def tile_def(self, tile: str):
        tileset = next(t for t in self.tilesets if t.name == self.tileset_of(tile))
        return tileset.tiles[tileset.index(tile)]

    def solid_grid(self) -> np.ndarray:
        """Which cells are solid once written (for checking spawns while generating)."""
        solid = np.zeros((self.rows, self.cols), dtype=bool)
        for names in (self.ground_names(), *self.layers.values()):
            for tile in set(names[names != None].tolist()):  # noqa: E711
                if self.tile_def(tile).solid:
                    solid |= names == tile
        return solid
