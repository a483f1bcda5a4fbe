"""A small hand-made city for AI tests: a square grid of two-way streets and intersections.

Streets run along x = y = ORIGIN + k * SPACING (k = 0..n-1) with one lane each way, lane
centres 2 m right of the street line (right-hand traffic). Each intersection has an
entry node 5 m before its centre on every incoming lane and an exit node 5 m after it on
every outgoing lane; short edges join entries to the exits straight on, left and right.
Blocks between the streets are solid, so line of sight is blocked round corners.
"""

from __future__ import annotations

import numpy as np

from game.level.model import RoadGraph
from game.sim.terrain import Terrain

ORIGIN_M = 24.0  #: first street line, metres from the map edge
SPACING_M = 64.0  #: metres between parallel streets
HALF_ROAD_M = 8.0  #: open ground either side of a street line
ENTRY_M = 5.0  #: entry/exit nodes (stop lines) this far from an intersection centre
LANE_M = 2.0  #: lane centre distance from the street line

# direction of travel -> (unit dx, dy); right of travel = (-dy, dx)
_DIRS = {"E": (1, 0), "W": (-1, 0), "S": (0, 1), "N": (0, -1)}


def street_line(k: int) -> float:
    return ORIGIN_M + k * SPACING_M


def grid_graph(
    n: int = 3, speed_kmh: float = 50.0, signalised: bool = True, cycle_s: float = 20.0
) -> RoadGraph:
    nodes: list[tuple[float, float]] = []
    node_inter: list[int] = []
    index: dict[tuple, int] = {}

    def node(key: tuple, xy: tuple[float, float], inter: int) -> int:
        if key not in index:
            index[key] = len(nodes)
            nodes.append(xy)
            node_inter.append(inter)
        return index[key]

    edges: list[tuple[int, int, int]] = []  # src, dst, phase
    inter_xy = []
    for i in range(n):
        for j in range(n):
            inter_xy.append((street_line(i), street_line(j)))

    def inter_index(i: int, j: int) -> int:
        return i * n + j

    def exists(i: int, j: int) -> bool:
        return 0 <= i < n and 0 <= j < n

    for i in range(n):
        for j in range(n):
            cx, cy = street_line(i), street_line(j)
            k = inter_index(i, j)
            for travel, (dx, dy) in _DIRS.items():
                rx, ry = -dy, dx
                # entry: arriving while travelling `travel`, from the neighbour behind
                if exists(i - dx, j - dy):
                    node(
                        ("entry", i, j, travel),
                        (cx - dx * ENTRY_M + rx * LANE_M, cy - dy * ENTRY_M + ry * LANE_M),
                        k,
                    )
                if exists(i + dx, j + dy):
                    node(
                        ("exit", i, j, travel),
                        (cx + dx * ENTRY_M + rx * LANE_M, cy + dy * ENTRY_M + ry * LANE_M),
                        k,
                    )
    for (kind, i, j, travel), entry in list(index.items()):
        if kind != "entry":
            continue
        dx, dy = _DIRS[travel]
        for out, (ox, oy) in _DIRS.items():
            if (ox, oy) == (-dx, -dy):
                continue  # no U-turns
            exit_node = index.get(("exit", i, j, out))
            if exit_node is not None:
                edges.append((entry, exit_node, -1))
    for (kind, i, j, travel), exit_node in list(index.items()):
        if kind != "exit":
            continue
        dx, dy = _DIRS[travel]
        entry = index[("entry", i + dx, j + dy, travel)]
        phase = 0 if travel in "EW" else 1
        edges.append((exit_node, entry, phase))
    src = np.array([e[0] for e in edges])
    dst = np.array([e[1] for e in edges])
    order = np.argsort(src, kind="stable")
    out_start = np.searchsorted(src[order], np.arange(len(nodes) + 1))
    return RoadGraph(
        node_xy=np.array(nodes, dtype=np.float64),
        node_intersection=np.array(node_inter),
        edge_src=src,
        edge_dst=dst,
        edge_speed_limit=np.full(len(edges), speed_kmh / 3.6),
        edge_street=np.full(len(edges), -1),
        edge_phase=np.array([e[2] for e in edges]),
        out_start=out_start,
        out_edges=order,
        intersection_xy=np.array(inter_xy, dtype=np.float64),
        intersection_signalised=np.full(n * n, signalised),
        intersection_cycle_s=np.full(n * n, cycle_s),
    )


def grid_terrain(n: int = 3) -> Terrain:
    """Solid blocks between the streets of :func:`grid_graph`, one open cell round the edge."""
    size = int(2 * ORIGIN_M + (n - 1) * SPACING_M) // 4
    centres = (np.arange(size) + 0.5) * 4.0
    lines = np.array([street_line(k) for k in range(n)])
    near = (np.abs(centres[:, None] - lines[None, :]) < HALF_ROAD_M).any(axis=1)
    open_cells = near[:, None] | near[None, :]
    terrain = Terrain.open_box(size, size)
    solid = terrain.solid | ~open_cells
    return Terrain(solid=solid, surface=terrain.surface)


def edge_from(graph: RoadGraph, src_xy: tuple[float, float], dst_xy: tuple[float, float]) -> int:
    """The edge whose ends are nearest the given points (tests name edges by place)."""
    a = np.hypot(*(graph.node_xy[graph.edge_src] - src_xy).T)
    b = np.hypot(*(graph.node_xy[graph.edge_dst] - dst_xy).T)
    return int(np.argmin(a + b))
