"""Write small Tiled maps and tilesets for tests, as Tiled 1.8 would save them.

Coordinates given to the helpers are metres (8 px per metre), so tests read like the
Level they expect.
"""

from __future__ import annotations

import base64
import gzip
import struct
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import quoteattr

PX = 8  #: pixels per metre (32 px tile = 4 m)

#: local tile id -> (name, properties) of the test tileset
TEST_TILES = {
    0: ("asphalt", {"surface": ("string", "asphalt")}),
    1: ("concrete", {"surface": ("string", "concrete")}),
    2: ("grass", {"surface": ("string", "grass")}),
    3: ("roof", {"solid": ("bool", "true"), "surface": ("string", "concrete")}),
    4: ("water", {"surface": ("string", "water"), "solid": ("bool", "true")}),
    5: ("dark", {"shadow": ("bool", "true"), "surface": ("string", "dirt")}),
    6: ("sand", {"surface": ("string", "sand")}),
    7: ("plain", {}),
}
ASPHALT, CONCRETE, GRASS, ROOF, WATER, DARK, SAND, PLAIN = range(8)


def _props(props: dict) -> str:
    if not props:
        return ""
    rows = []
    for name, value in props.items():
        kind, text = value if isinstance(value, tuple) else (_tiled_type(value), value)
        type_attr = "" if kind == "string" else f" type={quoteattr(kind)}"
        rows.append(
            f"   <property name={quoteattr(name)}{type_attr} value={quoteattr(str(text))}/>"
        )
    return "  <properties>\n" + "\n".join(rows) + "\n  </properties>\n"


def _tiled_type(value) -> str:
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int):
        return "int"
    if isinstance(value, float):
        return "float"
    return "string"


def _layer_data(grid: list[list[int]], encoding: str) -> str:
    """A layer's <data> element; grid holds local tile ids (-1 empty, flip bits allowed)."""
    gids = [t + 1 if t >= 0 else 0 for row in grid for t in row]
    if encoding == "csv":
        rows = [gids[i : i + len(grid[0])] for i in range(0, len(gids), len(grid[0]))]
        csv = ",\n".join(",".join(str(g) for g in row) for row in rows)
        return f'<data encoding="csv">\n{csv}\n</data>'
    raw = struct.pack(f"<{len(gids)}I", *gids)
    compress = {"base64": None, "zlib": zlib.compress, "gzip": gzip.compress}[encoding]
    attr = f' compression="{encoding}"' if compress else ""
    text = base64.b64encode(compress(raw) if compress else raw).decode()
    return f'<data encoding="base64"{attr}>\n   {text}\n  </data>'


def write_tileset(folder: Path, name: str = "tiles", tiles: dict | None = None) -> Path:
    """A tileset (.tsx) and its image (8 coloured tiles in a row) in ``folder``."""
    import pygame

    tiles = TEST_TILES if tiles is None else tiles
    folder.mkdir(parents=True, exist_ok=True)
    image = pygame.Surface((32 * len(tiles), 32))
    for tile_id in tiles:
        image.fill(((tile_id * 53) % 256, (tile_id * 97) % 256, 90), (tile_id * 32, 0, 32, 32))
    pygame.image.save(image, str(folder / f"{name}.png"))
    body = []
    for tile_id, (_, props) in tiles.items():
        if props:
            body.append(f' <tile id="{tile_id}">\n{_props(props)} </tile>')
    text = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<tileset version="1.8" tiledversion="1.8.2" name="{name}" tilewidth="32" '
        f'tileheight="32" tilecount="{len(tiles)}" columns="{len(tiles)}">\n'
        f' <image source="{name}.png" width="{32 * len(tiles)}" height="32"/>\n'
        + "\n".join(body)
        + "\n</tileset>\n"
    )
    path = folder / f"{name}.tsx"
    path.write_text(text)
    return path


@dataclass
class MapSpec:
    """A map under construction: tile layers (local tile ids) and object layers."""

    cols: int
    rows: int
    layers: dict[str, list[list[int]]] = field(default_factory=dict)
    objects: dict[str, list[str]] = field(default_factory=dict)
    properties: dict = field(default_factory=dict)
    next_id: int = 1
    tileset_source: str = "tiles.tsx"
    kind_attribute: str = "type"  #: "class" writes objects as Tiled 1.9 did

    def fill(self, layer: str, tile: int | None) -> list[list[int]]:
        grid = [[-1 if tile is None else tile] * self.cols for _ in range(self.rows)]
        self.layers[layer] = grid
        return grid

    def _object(
        self,
        layer: str,
        name: str,
        kind: str,
        x: float,
        y: float,
        inner: str,
        props: dict,
        extra: str = "",
    ) -> int:
        object_id = self.next_id
        self.next_id += 1
        kind_attr = f" {self.kind_attribute}={quoteattr(kind)}" if kind else ""
        name_attr = f" name={quoteattr(name)}" if name else ""
        text = (
            f' <object id="{object_id}"{name_attr}{kind_attr} '
            f'x="{x * PX:g}" y="{y * PX:g}"{extra}>\n'
            f"{_props(props)}{inner} </object>"
        )
        self.objects.setdefault(layer, []).append(text)
        return object_id

    def rect(self, layer: str, name: str, kind: str, x, y, w, h, **props) -> int:
        return self._object(
            layer, name, kind, x, y, "", props, f' width="{w * PX:g}" height="{h * PX:g}"'
        )

    def point(self, layer: str, name: str, kind: str, x, y, **props) -> int:
        return self._object(layer, name, kind, x, y, "  <point/>\n", props)

    def poly(self, layer: str, name: str, kind: str, points, closed=False, **props) -> int:
        x0, y0 = points[0]
        text = " ".join(f"{(x - x0) * PX:g},{(y - y0) * PX:g}" for x, y in points)
        tag = "polygon" if closed else "polyline"
        return self._object(layer, name, kind, x0, y0, f'  <{tag} points="{text}"/>\n', props)

    def road(self, name: str, points, **props) -> int:
        return self.poly("roads", name, "road", points, **props)

    def write(
        self, path: Path, orientation: str = "orthogonal", infinite: int = 0, encoding: str = "csv"
    ) -> Path:
        """Write the map; ``encoding`` is csv, base64, zlib or gzip (base64, compressed)."""
        parts = [
            '<?xml version="1.0" encoding="UTF-8"?>',
            f'<map version="1.8" tiledversion="1.8.2" orientation="{orientation}" '
            f'renderorder="right-down" width="{self.cols}" height="{self.rows}" tilewidth="32" '
            f'tileheight="32" infinite="{infinite}" nextlayerid="20" '
            f'nextobjectid="{self.next_id}">',
        ]
        if self.properties:
            parts.append(_props(self.properties).rstrip("\n"))
        parts.append(f' <tileset firstgid="1" source="{self.tileset_source}"/>')
        layer_id = 1
        for name, grid in self.layers.items():
            parts.append(
                f' <layer id="{layer_id}" name="{name}" width="{self.cols}" height="{self.rows}">\n'
                f"  {_layer_data(grid, encoding)}\n </layer>"
            )
            layer_id += 1
        for name, objects in self.objects.items():
            parts.append(f' <objectgroup id="{layer_id}" name="{name}">')
            parts.extend(objects)
            parts.append(" </objectgroup>")
            layer_id += 1
        parts.append("</map>\n")
        path.write_text("\n".join(parts))
        return path


def crossroads(cols: int = 40, rows: int = 40) -> MapSpec:
    """A 160 m square: two two-way roads crossing at a signalised intersection, dead ends
    at all four ends, roofs in the corners, a shadow zone, spawns on the road."""
    spec = MapSpec(cols, rows, properties={"title": "Crossroads", "district": "Test"})
    ground = spec.fill("ground", ASPHALT)
    for r in range(rows):
        for c in range(cols):
            if (r < 15 or r >= 25) and (c < 15 or c >= 25):
                ground[r][c] = GRASS
    buildings = spec.fill("buildings", None)
    for r in range(2, 12):
        for c in range(2, 12):
            buildings[r][c] = ROOF
    buildings[30][30] = DARK
    spec.road("Main Street", [(20, 80), (80, 80), (140, 80)], lanes=1, speed_limit_kmh=50)
    spec.road("First Street", [(80, 20), (80, 80), (80, 140)], lanes=2, speed_limit_kmh=40)
    spec.point("roads", "light", "signal", 86, 86, cycle_s=30.0)
    spec.rect("zones", "home", "home", 100, 100, 20, 20, label="Home")
    spec.rect("zones", "hideout", "shadow", 64, 128, 8, 8)
    spec.poly("zones", "lot", "place", [(104, 40), (136, 40), (120, 64)], closed=True)
    spec.point("spawns", "player_start", "player", 60, 82, heading_deg=0.0, vehicle_class="driver")
    spec.point("spawns", "cop", "police", 82, 40, heading_deg=90.0, vehicle_class="police")
    spec.rect("streets", "Main Street", "", 16, 72, 128, 16)
    return spec
