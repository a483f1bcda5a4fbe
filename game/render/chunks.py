"""The map's tiles pre-rendered into square chunks, drawn only where the view is.

Tile images come from the level's TMX (``pytmx.load_pygame``: the only place pytmx meets
pygame). A chunk is :data:`CHUNK_TILES` x :data:`CHUNK_TILES` tiles; it is rendered on
first sight at a zoom level (smoothed down from full size) and kept in a
least-recently-used cache, so a city of any size costs only what is near the camera.
"""

from __future__ import annotations

import math
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pygame
import pytmx

from game.problems import FileProblem
from game.render.camera import View

CHUNK_TILES = 16  #: tiles per chunk side (512 px at zoom 1)
CACHE_CHUNKS = 96  #: per cache; the widest view needs ~40 (twice that while the zoom level changes)


class TileLayers:
    """Tile images and per-layer gid grids of a TMX map, ready to blit."""

    def __init__(self, path: Path) -> None:
        try:
            tmx = pytmx.load_pygame(str(path))
        except (OSError, ValueError, KeyError, pygame.error) as error:
            raise FileProblem(path, "", f"cannot load tile images: {error}") from error
        self.tile_px = tmx.tilewidth
        self.cols, self.rows = tmx.width, tmx.height
        self.layers: list[np.ndarray] = []
        self.images: dict[int, pygame.Surface] = {}
        self.kinds: dict[int, str] = {}  #: gid -> the tile's type (its name in the tileset)
        for layer in tmx.visible_layers:
            if not isinstance(layer, pytmx.TiledTileLayer):
                continue
            gids = np.asarray(layer.data, dtype=np.int64)
            self.layers.append(gids)
            for gid in np.unique(gids):
                image = tmx.get_tile_image_by_gid(int(gid)) if gid else None
                if image is not None:
                    self.images[int(gid)] = image
                kind = (tmx.get_tile_properties_by_gid(int(gid)) or {}).get("type") if gid else None
                if kind:
                    self.kinds[int(gid)] = str(kind)

    def cells_of_kind(self, kind: str) -> np.ndarray:
        """(K, 2) col, row of every cell (any layer) holding a tile of this type."""
        gids = [gid for gid, name in self.kinds.items() if name == kind]
        found = [np.argwhere(np.isin(layer, gids))[:, ::-1] for layer in self.layers]
        return np.concatenate(found) if found else np.zeros((0, 2), dtype=np.int64)

    def draw(self, surface: pygame.Surface, col0: int, row0: int, cols: int, rows: int) -> None:
        """Blit the tiles of a block of cells onto ``surface`` (top-left = cell col0, row0)."""
        size = self.tile_px
        for gids in self.layers:
            block = gids[row0 : row0 + rows, col0 : col0 + cols]
            rr, cc = np.nonzero(block)
            images = self.images
            surface.blits([(images[g], (c * size, r * size))
                           for r, c, g in zip(rr.tolist(), cc.tolist(), block[rr, cc].tolist(),
                                              strict=True) if g in images], doreturn=False)


#: paints one chunk: ``painter(level, cx, cy, (width, height)) -> Surface``
Painter = Callable[[float, int, int, tuple[int, int]], pygame.Surface]


def tile_painter(tiles: TileLayers, background: tuple[int, int, int]) -> Painter:
    """Paints chunks of map tiles: drawn at full size, smoothed down to the level."""
    chunk_px = CHUNK_TILES * tiles.tile_px

    def paint(level: float, cx: int, cy: int, size: tuple[int, int]) -> pygame.Surface:
        full = pygame.Surface((chunk_px, chunk_px)).convert()
        full.fill(background)
        tiles.draw(full, cx * CHUNK_TILES, cy * CHUNK_TILES, CHUNK_TILES, CHUNK_TILES)
        return full if size == (chunk_px, chunk_px) else pygame.transform.smoothscale(full, size)

    return paint


def map_chunks(tiles: TileLayers, background: tuple[int, int, int]) -> ChunkCache:
    """The map's tiles as a chunk cache."""
    return ChunkCache(tile_painter(tiles, background), CHUNK_TILES * tiles.tile_px,
                      tiles.cols, tiles.rows)


class ChunkCache:
    """Chunks at each zoom level, rendered lazily, least recently used dropped first.

    What a chunk shows is up to its painter: the map's tiles (:func:`tile_painter`) or
    the night's static light (:mod:`game.render.lights`).
    """

    def __init__(self, painter: Painter, chunk_px: int, cols: int, rows: int) -> None:
        self.painter = painter
        self.chunk_px = chunk_px  #: side of a chunk at zoom 1
        self.cache: OrderedDict[tuple[float, int, int], pygame.Surface] = OrderedDict()
        #: called as ``decorate(surface, level, cx, cy)`` on every fresh chunk (skid marks)
        self.decorate: Callable[[pygame.Surface, float, int, int], None] | None = None
        self.chunks_x = math.ceil(cols / CHUNK_TILES)
        self.chunks_y = math.ceil(rows / CHUNK_TILES)

    def chunk(self, level: float, cx: int, cy: int) -> pygame.Surface:
        key = (level, cx, cy)
        surface = self.cache.get(key)
        if surface is not None:
            self.cache.move_to_end(key)
            return surface
        surface = self._render(level, cx, cy)
        if self.decorate is not None:
            self.decorate(surface, level, cx, cy)
        self.cache[key] = surface
        if len(self.cache) > CACHE_CHUNKS:
            self.cache.popitem(last=False)
        return surface

    def edge_px(self, level: float, index: int) -> int:
        """Pixel edge of chunk ``index`` at a level; chunks tile exactly, without seams."""
        return round(index * self.chunk_px * level)

    def _render(self, level: float, cx: int, cy: int) -> pygame.Surface:
        width = self.edge_px(level, cx + 1) - self.edge_px(level, cx)
        height = self.edge_px(level, cy + 1) - self.edge_px(level, cy)
        return self.painter(level, cx, cy, (width, height))

    def visible(self, view: View, chunk_m: float, margin: int = 0) -> list[tuple[int, int]]:
        """Chunk coordinates that overlap the view (grown by ``margin`` chunks)."""
        x0 = max(0, int(view.left_m // chunk_m) - margin)
        y0 = max(0, int(view.top_m // chunk_m) - margin)
        x1 = min(self.chunks_x - 1, int(view.right_m // chunk_m) + margin)
        y1 = min(self.chunks_y - 1, int(view.bottom_m // chunk_m) + margin)
        return [(cx, cy) for cy in range(y0, y1 + 1) for cx in range(x0, x1 + 1)]

    def draw(self, target: pygame.Surface, view: View, level: float, chunk_m: float) -> None:
        """Blit the visible chunks of ``level`` onto ``target`` drawn with ``view``."""
        jobs = []
        for cx, cy in self.visible(view, chunk_m):
            px = self.edge_px(level, cx) - round(view.left_m * view.px_per_m)
            py = self.edge_px(level, cy) - round(view.top_m * view.px_per_m)
            jobs.append((self.chunk(level, cx, cy), (px, py)))
        target.blits(jobs, doreturn=False)

    def prefetch(self, view: View, level: float, chunk_m: float, budget: int = 1) -> int:
        """Render up to ``budget`` chunks just outside the view, so driving on never stalls;
        returns how many it rendered."""
        done = 0
        for cx, cy in self.visible(view, chunk_m, margin=1):
            if done >= budget:
                break
            if (level, cx, cy) not in self.cache:
                self.chunk(level, cx, cy)
                done += 1
        return done
