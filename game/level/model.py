"""The Level: everything the game needs from a Tiled map, in SI units, no pygame.

Produced by :func:`game.level.load_level`; read by sim (its :class:`Terrain`), ai (road
graph, signals), mission (zones, spawns) and render (streets, zones for the minimap;
tile images are loaded by the renderer itself from ``Level.path``).

Coordinates: metres, x east, y south, heading 0 = east, clockwise positive (as
:mod:`game.sim.terrain`). One map tile is one 4 m cell.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import numpy as np

from game.sim.terrain import Terrain


def points_in_polygon(polygon: np.ndarray, x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Even-odd test of many points against one polygon ((K, 2) metres); vectorised."""
    x = np.asarray(x, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    inside = np.zeros(np.broadcast(x, y).shape, dtype=bool)
    px, py = polygon[:, 0], polygon[:, 1]
    qx, qy = np.roll(px, 1), np.roll(py, 1)
    for ax, ay, bx, by in zip(px, py, qx, qy, strict=True):  # loop over polygon edges, not points
        crosses = (ay > y) != (by > y)
        with np.errstate(divide="ignore", invalid="ignore"):
            x_at = ax + (y - ay) * (bx - ax) / (by - ay)
        inside ^= crosses & (x < x_at)
    return inside


@dataclass(frozen=True)
class Zone:
    """A named area designers draw (rectangle or polygon object in the ``zones`` layer)."""

    name: str
    id: int  #: Tiled object id, for messages
    kind: str  #: one of ZONE_KINDS
    polygon: np.ndarray  #: (K, 2) metres, K >= 3
    properties: dict = field(default_factory=dict)  #: the object's other custom properties

    def contains(self, x: np.ndarray, y: np.ndarray) -> np.ndarray:
        return points_in_polygon(self.polygon, x, y)

    @property
    def centre(self) -> tuple[float, float]:
        cx, cy = self.polygon.mean(axis=0)
        return float(cx), float(cy)

    @property
    def label(self) -> str:
        """The zone's name for the player (its ``label`` property, "Broadway & 3rd"),
        else its id in words ("crew pickup"): the HUD, the maps and the results never
        show an id with underscores."""
        label = self.properties.get("label")
        if isinstance(label, str) and label.strip():
            return " ".join(label.split())
        return self.name.replace("_", " ")


@dataclass(frozen=True)
class Spawn:
    """A named point where something starts (point object in the ``spawns`` layer)."""

    name: str
    id: int
    kind: str  #: one of SPAWN_KINDS
    x: float  #: metres
    y: float  #: metres
    heading: float  #: radians, 0 = east, clockwise positive
    vehicle_class: str | None = None  #: a name from game.sim's vehicle classes, or None
    properties: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Street:
    """A street-name area (object in the ``streets`` layer) so the HUD can name the road."""

    name: str
    id: int
    polygon: np.ndarray  #: (K, 2) metres


@dataclass(frozen=True)
class RoadGraph:
    """Directed lanes for traffic, police routing and offences (right-hand traffic).

    Nodes are points on lane centrelines; edges are lane segments from ``edge_src`` to
    ``edge_dst``. Successors of a node are in CSR form: the edges leaving node ``k`` are
    ``out_edges[out_start[k]:out_start[k + 1]]``. Signalised intersections alternate
    phase groups; an edge that enters one carries the group that must be green
    (``edge_phase``), else -1.
    """

    node_xy: np.ndarray  #: (K, 2) float metres
    node_intersection: np.ndarray  #: (K,) int, intersection index or -1
    edge_src: np.ndarray  #: (E,) int node index
    edge_dst: np.ndarray  #: (E,) int node index
    edge_speed_limit: np.ndarray  #: (E,) float m/s
    edge_street: np.ndarray  #: (E,) int index into street_names, -1 if unnamed
    edge_phase: np.ndarray  #: (E,) int signal phase group to enter edge_dst, -1 if none
    out_start: np.ndarray  #: (K + 1,) int CSR offsets into out_edges
    out_edges: np.ndarray  #: (sum of out-degrees,) int edge indices
    intersection_xy: np.ndarray  #: (I, 2) float metres
    intersection_signalised: np.ndarray  #: (I,) bool
    intersection_cycle_s: np.ndarray  #: (I,) float seconds for a full signal cycle
    street_names: tuple[str, ...] = ()

    @property
    def edge_length(self) -> np.ndarray:
        d = self.node_xy[self.edge_dst] - self.node_xy[self.edge_src]
        return np.hypot(d[:, 0], d[:, 1])

    @property
    def edge_heading(self) -> np.ndarray:
        d = self.node_xy[self.edge_dst] - self.node_xy[self.edge_src]
        return np.arctan2(d[:, 1], d[:, 0])

    def nearest_edge(self, x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """For each point, the nearest edge and the fraction 0..1 along it (vectorised)."""
        x = np.atleast_1d(np.asarray(x, dtype=np.float64))
        y = np.atleast_1d(np.asarray(y, dtype=np.float64))
        a = self.node_xy[self.edge_src]  # (E, 2)
        d = self.node_xy[self.edge_dst] - a
        length_sq = np.maximum((d * d).sum(axis=1), 1e-9)
        best_edge = np.empty(x.shape, dtype=np.intp)
        best_t = np.empty(x.shape, dtype=np.float64)
        for start in range(0, x.size, 256):  # chunks keep the (points x edges) table small
            px = x[start : start + 256, None] - a[None, :, 0]
            py = y[start : start + 256, None] - a[None, :, 1]
            t = np.clip((px * d[:, 0] + py * d[:, 1]) / length_sq, 0.0, 1.0)
            dist_sq = (px - t * d[:, 0]) ** 2 + (py - t * d[:, 1]) ** 2
            idx = np.argmin(dist_sq, axis=1)
            best_edge[start : start + 256] = idx
            best_t[start : start + 256] = t[np.arange(idx.size), idx]
        return best_edge, best_t


@dataclass(frozen=True)
class Level:
    """A loaded map. Grids are (rows, cols) with one 4 m cell per Tiled tile."""

    name: str  #: the map's file stem, e.g. "downtown"
    path: Path  #: the .tmx file, so the renderer can load tile images from it
    terrain: Terrain  #: solid and surface grids for physics
    shadow: np.ndarray  #: bool (rows, cols): dark places that hide a car with lights off
    zones: dict[str, Zone]
    spawns: dict[str, Spawn]
    streets: tuple[Street, ...]
    roads: RoadGraph
    properties: dict = field(default_factory=dict)  #: map-level custom properties

    @property
    def cols(self) -> int:
        return self.terrain.shape[1]

    @property
    def rows(self) -> int:
        return self.terrain.shape[0]

    @property
    def size_m(self) -> tuple[float, float]:
        return self.terrain.size_m

    @cached_property
    def street_grid(self) -> np.ndarray:
        """int32 (rows, cols): index into ``streets`` of the area covering each cell's
        centre, -1 for none; the first street listed wins where areas overlap. Built once,
        so naming the street under a car every frame costs one lookup, not a polygon test
        against every street."""
        cell = self.terrain.cell_size
        grid = np.full(self.terrain.shape, -1, dtype=np.int32)
        rows, cols = grid.shape
        for index in range(len(self.streets) - 1, -1, -1):  # earlier streets paint last
            polygon = self.streets[index].polygon
            c0, r0 = np.floor(polygon.min(axis=0) / cell).astype(int)
            c1, r1 = np.ceil(polygon.max(axis=0) / cell).astype(int)
            c0, r0, c1, r1 = max(c0, 0), max(r0, 0), min(c1, cols), min(r1, rows)
            if c0 >= c1 or r0 >= r1:
                continue
            cc, rr = np.meshgrid(np.arange(c0, c1), np.arange(r0, r1))
            inside = points_in_polygon(polygon, (cc + 0.5) * cell, (rr + 0.5) * cell)
            grid[rr[inside], cc[inside]] = index
        return grid

    def street_at(self, x: float, y: float) -> str | None:
        """Name of the street area covering the point's cell, or None."""
        row, col = self.terrain.cells_of(x, y)
        if not (0 <= row < self.rows and 0 <= col < self.cols):
            return None
        index = self.street_grid[row, col]
        return self.streets[index].name if index >= 0 else None

    def in_shadow(self, x: np.ndarray, y: np.ndarray) -> np.ndarray:
        row, col = self.terrain.cells_of(x, y)
        row = np.clip(row, 0, self.rows - 1)
        col = np.clip(col, 0, self.cols - 1)
        return self.shadow[row, col]
