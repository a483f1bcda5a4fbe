"""Shared steps of building a city map from its roads: asphalt, paint, lights, objects.

Each map module lists its roads and sites; :func:`lay_roads` and :func:`finish_roads`
do the rest the same way everywhere.
"""

from __future__ import annotations

import math

import numpy as np

from .canvas import MapCanvas, MapObject
from .paintwork import crossing_paint, lane_lines, street_lights
from .roads import Road, join, lane_pose, paint_asphalt, road_object, street_areas, total_length


def arc(
    cx: float, cy: float, radius: float, start_deg: float, end_deg: float, step_deg: float = 6.0
):
    """Points on a circle (screen coordinates, y down) from one angle to another."""
    count = max(2, int(abs(end_deg - start_deg) / step_deg) + 1)
    angles = np.radians(np.linspace(start_deg, end_deg, count))
    return [
        (round(cx + radius * math.cos(a), 3), round(cy + radius * math.sin(a), 3)) for a in angles
    ]


def lay_roads(canvas: MapCanvas, roads: list[Road], grids: dict[str, str] | None = None) -> dict:
    """Join the roads at shared vertices and paint their asphalt; returns the junctions.

    ``grids`` maps a road's name to the corner set its asphalt is painted with
    (``track`` on the oval); others use ``road``.
    """
    junctions = join(roads)
    for road in roads:
        paint_asphalt(canvas, road, (grids or {}).get(road.name, "road"))
    return junctions


def finish_roads(
    canvas: MapCanvas, roads: list[Road], junctions: dict, cycle_s: float = 40.0
) -> None:
    """Paint, lights, signals, road objects and street-name areas."""
    by_name = {road.name: road for road in roads}
    all_cells = np.zeros((canvas.rows, canvas.cols), dtype=np.int32)
    for road in roads:
        all_cells += road.cells
    for road in roads:
        others = (all_cells - road.cells) > 0
        if road.paint or road.freeway:
            lane_lines(canvas, road, others)
        if road.paint:
            street_lights(canvas, road, others)
    for point, names in sorted(junctions.items()):
        members = [by_name[n] for n in sorted(names)]
        if not all(r.paint for r in members):
            continue
        for road in members:
            crossing = np.zeros_like(all_cells, dtype=bool)
            for other in members:
                if other is not road:
                    crossing |= other.cells
            crossing_paint(canvas, road, point, crossing)
    for road in roads:
        road_object(canvas, road)
    for point, names in sorted(junctions.items()):
        members = [by_name[n] for n in sorted(names)]
        if len(members) >= 2 and all(r.signals for r in members):
            canvas.add(
                MapObject(
                    "roads", " & ".join(sorted(names)), "signal", point[0] + 0.75, point[1] + 0.75,
                    point=True, properties=[("cycle_s", "float", cycle_s, None)],
                )
            )  # fmt: skip
    for road in roads:
        street_areas(canvas, road)


def clear_of_roads(
    canvas: MapCanvas, roads: list[Road], col: float, row: float, margin: float
) -> bool:
    """True if no road junction cell lies within ``margin`` tiles (spawns avoid junctions)."""
    r0, r1 = max(0, int(row - margin)), min(canvas.rows, int(row + margin) + 1)
    c0, c1 = max(0, int(col - margin)), min(canvas.cols, int(col + margin) + 1)
    count = sum(road.cells[r0:r1, c0:c1].astype(int) for road in roads)
    return bool((count <= 1).all())


VEHICLE_MIX = ("sedan", "sedan", "sedan", "taxi", "van", "muscle")


def scatter_spawns(canvas, roads, solid, placed, kind: str, count: int, kerb: bool) -> None:
    """``count`` spawns on random lanes (or kerbs), clear of junctions and of each other."""
    rng = canvas.rng
    lengths = [total_length(road) for road in roads]
    weights = [length * road.lanes for length, road in zip(lengths, roads, strict=True)]
    total = sum(weights)
    made = 0
    while made < count:
        k = int(rng.choice(len(roads), p=[w / total for w in weights]))
        road = roads[k]
        distance = float(rng.uniform(3, lengths[k] - 3))
        lo, hi = road.band
        lane = (
            int(rng.integers(lo, hi))
            if not kerb
            else int(rng.choice([lo, hi - 1] if not road.oneway else [-1, 0]))
        )
        col, row, heading = lane_pose(road, distance, lane, kerb=kerb)
        cell = (int(row), int(col))
        if not canvas.in_bounds(*cell) or solid[cell]:
            continue
        if not clear_of_roads(canvas, roads, col, row, 3.5):
            continue
        if any((col - x) ** 2 + (row - y) ** 2 < 3.0**2 for x, y in placed):
            continue
        made += 1
        placed.append((col, row))
        vehicle = str(rng.choice(VEHICLE_MIX))
        canvas.spawn(f"{kind}_{made}", kind, round(col, 2), round(row, 2), heading, vehicle)
