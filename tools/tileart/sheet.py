"""Tileset definitions and their two outputs: the PNG sheet and Tiled's ``.tsx`` file.

A :class:`TilesetDef` is the single source of truth: the map generator looks tiles up
by name in the same definitions, so maps and art never drift apart.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import quoteattr

import numpy as np

from .corners import Corners
from .paint import TILE_PX, finish

#: Tiled 1.8.2 is the oldest editor the project supports; write its format.
TILED_VERSION = "1.8.2"
FORMAT_VERSION = "1.8"


@dataclass
class TileDef:
    name: str  #: unique within its tileset; written as the tile's ``type`` in Tiled
    image: np.ndarray  #: (32, 32, 4) RGBA
    solid: bool = False
    surface: str | None = None  #: a Surface enum name, or None to let lower layers decide
    shadow: bool = False
    probability: float = 1.0  #: how often Tiled's terrain brush picks it among equals


@dataclass
class WangSetDef:
    """A Tiled corner terrain set: ``colors`` are (name, #rrggbb); tiles map to corners."""

    name: str
    colors: list[tuple[str, str]]
    tiles: list[tuple[str, Corners]] = field(default_factory=list)  #: corners hold color ids 1..n


@dataclass
class TilesetDef:
    name: str
    tiles: list[TileDef]
    wangsets: list[WangSetDef] = field(default_factory=list)
    columns: int = 16

    def index(self, name: str) -> int:
        """Local tile id of the tile called ``name``."""
        for i, tile in enumerate(self.tiles):
            if tile.name == name:
                return i
        raise KeyError(f"tileset {self.name!r} has no tile {name!r}")

    def names(self) -> dict[str, int]:
        return {tile.name: i for i, tile in enumerate(self.tiles)}

    @property
    def rows(self) -> int:
        return -(-len(self.tiles) // self.columns)

    @property
    def capacity(self) -> int:
        """Tile ids the sheet holds, blank padding included: Tiled counts the whole grid."""
        return self.rows * self.columns

    def sheet(self) -> np.ndarray:
        """All tiles laid out row-major into one RGBA image."""
        image = np.zeros((self.rows * TILE_PX, self.columns * TILE_PX, 4), dtype=np.uint8)
        for i, tile in enumerate(self.tiles):
            row, col = divmod(i, self.columns)
            image[row * TILE_PX : (row + 1) * TILE_PX, col * TILE_PX : (col + 1) * TILE_PX] = (
                finish(tile.image)
            )
        return image


def _property_lines(tile: TileDef) -> list[str]:
    lines = []
    if tile.solid:
        lines.append('    <property name="solid" type="bool" value="true"/>')
    if tile.surface:
        lines.append(
            f'    <property name="surface" propertytype="Surface" value="{tile.surface}"/>'
        )
    if tile.shadow:
        lines.append('    <property name="shadow" type="bool" value="true"/>')
    return lines


def tsx_text(tileset: TilesetDef, image_path: str) -> str:
    """The ``.tsx`` XML for a tileset whose sheet lives at ``image_path`` (relative)."""
    width, height = tileset.columns * TILE_PX, tileset.rows * TILE_PX
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<tileset version="{FORMAT_VERSION}" tiledversion="{TILED_VERSION}" name="{tileset.name}" '
        f'tilewidth="{TILE_PX}" tileheight="{TILE_PX}" tilecount="{tileset.capacity}" '
        f'columns="{tileset.columns}">',
        f' <image source={quoteattr(image_path)} width="{width}" height="{height}"/>',
    ]
    for i, tile in enumerate(tileset.tiles):
        chance = f' probability="{tile.probability:g}"' if tile.probability != 1.0 else ""
        props = _property_lines(tile)
        if not props:
            out.append(f' <tile id="{i}" type="{tile.name}"{chance}/>')
            continue
        out.append(f' <tile id="{i}" type="{tile.name}"{chance}>')
        out += ["  <properties>", *props, "  </properties>", " </tile>"]
    if tileset.wangsets:
        out.append(" <wangsets>")
        for wangset in tileset.wangsets:
            out += _wangset_lines(tileset, wangset)
        out.append(" </wangsets>")
    out.append("</tileset>")
    return "\n".join(out) + "\n"


def _wangset_lines(tileset: TilesetDef, wangset: WangSetDef) -> list[str]:
    first = tileset.index(wangset.tiles[0][0])
    out = [f'  <wangset name="{wangset.name}" type="corner" tile="{first}">']
    for color_id, (color_name, rgb) in enumerate(wangset.colors, start=1):
        pure = next(
            (name for name, corners in wangset.tiles if set(corners) == {color_id}),
            wangset.tiles[0][0],
        )
        out.append(
            f'   <wangcolor name="{color_name}" color="{rgb}" '
            f'tile="{tileset.index(pure)}" probability="1"/>'
        )
    for name, (tl, tr, br, bl) in wangset.tiles:
        # Tiled's wangid order: top, top-right, right, bottom-right, bottom, bottom-left,
        # left, top-left (corner sets use only the odd places)
        out.append(
            f'   <wangtile tileid="{tileset.index(name)}" wangid="0,{tr},0,{br},0,{bl},0,{tl}"/>'
        )
    out.append("  </wangset>")
    return out


def write_tileset(tileset: TilesetDef, tsx_dir: Path, png_dir: Path) -> None:
    """Write the PNG sheet and the .tsx next to each other's relative paths (temp + replace)."""
    import pygame

    png_path = png_dir / f"{tileset.name}.png"
    tsx_path = tsx_dir / f"{tileset.name}.tsx"
    png_dir.mkdir(parents=True, exist_ok=True)
    tsx_dir.mkdir(parents=True, exist_ok=True)
    sheet = tileset.sheet()
    surface = pygame.image.frombuffer(sheet.tobytes(), (sheet.shape[1], sheet.shape[0]), "RGBA")
    tmp_png = png_path.with_suffix(".tmp.png")
    pygame.image.save(surface, str(tmp_png))
    os.replace(tmp_png, png_path)
    rel = os.path.relpath(png_path, tsx_dir).replace(os.sep, "/")
    tmp_tsx = tsx_path.with_suffix(".tmp")
    tmp_tsx.write_text(tsx_text(tileset, rel), encoding="utf-8")
    os.replace(tmp_tsx, tsx_path)
