"""Roads: polylines in tile units that become asphalt, paint, street names and road objects.

A road's polyline follows the schema: lanes lie to its right (right-hand traffic);
a two-way road's polyline is its centre line, a one-way road's is its left edge.
:func:`join` inserts a shared vertex wherever two roads meet or cross, which is what
makes an intersection for the loader. Lane boundaries fall on tile edges.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from .canvas import MapCanvas, MapObject

Point = tuple[float, float]
FREEWAY_KMH = 90  #: roads this fast get freeway paint (edge lines, no crosswalks)


@dataclass
class Road:
    name: str
    points: list[Point]  #: (col, row) tile coordinates of the polyline
    lanes: int = 1
    oneway: bool = False
    speed_kmh: int = 50
    signals: bool = True  #: crossings of two roads that both say so get traffic lights
    paint: bool = True  #: lane paint, crosswalks and street lights
    street: str = ""  #: the name the HUD shows (``streets`` layer); the road's name if empty
    cells: np.ndarray | None = field(default=None, repr=False)  #: cells its carriageway covers

    @property
    def band(self) -> tuple[int, int]:
        """Lateral extent in tiles, positive to the right of the polyline."""
        return (0, self.lanes) if self.oneway else (-self.lanes, self.lanes)

    @property
    def freeway(self) -> bool:
        return self.speed_kmh >= FREEWAY_KMH

    def segments(self):
        for a, b in zip(self.points, self.points[1:], strict=False):
            dx, dy = b[0] - a[0], b[1] - a[1]
            length = math.hypot(dx, dy)
            if length > 1e-9:
                yield a, b, (dx / length, dy / length), length


def _right(d: Point) -> Point:
    return (-d[1], d[0])


def _crossing(a: Point, b: Point, c: Point, e: Point) -> tuple[float, float] | None:
    """Parameters (t on a-b, u on c-e) where two segments meet, or None."""
    r = (b[0] - a[0], b[1] - a[1])
    s = (e[0] - c[0], e[1] - c[1])
    denom = r[0] * s[1] - r[1] * s[0]
    if abs(denom) < 1e-12:
        return None
    qp = (c[0] - a[0], c[1] - a[1])
    t = (qp[0] * s[1] - qp[1] * s[0]) / denom
    u = (qp[0] * r[1] - qp[1] * r[0]) / denom
    eps = 1e-6
    if -eps <= t <= 1 + eps and -eps <= u <= 1 + eps:
        return t, u
    return None


def join(roads: list[Road]) -> dict[Point, set[str]]:
    """Give every meeting or crossing of two roads a shared vertex; returns the junctions."""
    inserts: dict[int, list[tuple[int, float, Point]]] = {i: [] for i in range(len(roads))}
    junctions: dict[Point, set[str]] = {}
    for i, road_a in enumerate(roads):
        for j in range(i + 1, len(roads)):
            road_b = roads[j]
            for sa, (a, b) in enumerate(zip(road_a.points, road_a.points[1:], strict=False)):
                for sb, (c, e) in enumerate(zip(road_b.points, road_b.points[1:], strict=False)):
                    hit = _crossing(a, b, c, e)
                    if hit is None:
                        continue
                    t, u = hit
                    point = (round(a[0] + t * (b[0] - a[0]), 3), round(a[1] + t * (b[1] - a[1]), 3))
                    inserts[i].append((sa, t, point))
                    inserts[j].append((sb, u, point))
                    junctions.setdefault(point, set()).update((road_a.name, road_b.name))
    for i, road in enumerate(roads):
        new_points: list[Point] = []
        for seg, (a, _) in enumerate(zip(road.points, road.points[1:], strict=False)):
            new_points.append(a)
            for _, _, point in sorted(p for p in inserts[i] if p[0] == seg):
                new_points.append(point)
        new_points.append(road.points[-1])
        deduped = [new_points[0]]
        for point in new_points[1:]:
            if math.dist(point, deduped[-1]) > 0.05:
                deduped.append(point)
        road.points = deduped
    return junctions


def paint_asphalt(canvas: MapCanvas, road: Road, grid: str = "road") -> None:
    """Cover the cells whose centres lie in the carriageway; their corners become asphalt.

    For straight, axis-aligned roads these are exactly the lane cells; on curves and
    diagonals the asphalt reaches up to half a cell past the lane edge, never less.
    """
    lo, hi = road.band
    cr, cc = np.mgrid[0 : canvas.rows, 0 : canvas.cols] + 0.5
    cells = np.zeros((canvas.rows, canvas.cols), dtype=bool)
    segments = list(road.segments())
    for k, (a, _, d, length) in enumerate(segments):
        n = _right(d)
        ext_before = _joint_extension(segments[k - 1][2], d, hi - lo) if k > 0 else 0.0
        ext_after = (
            _joint_extension(d, segments[k + 1][2], hi - lo) if k + 1 < len(segments) else 0.0
        )
        along = (cc - a[0]) * d[0] + (cr - a[1]) * d[1]
        lateral = (cc - a[0]) * n[0] + (cr - a[1]) * n[1]
        inside = (along >= -ext_before) & (along <= length + ext_after)
        cells |= inside & (lateral >= lo) & (lateral <= hi)
    road.cells = cells
    v = canvas.vertices[grid]
    v[:-1, :-1] |= cells
    v[:-1, 1:] |= cells
    v[1:, 1:] |= cells
    v[1:, :-1] |= cells


def _joint_extension(d0: Point, d1: Point, width: float) -> float:
    """How far a segment's band must run past a bend so the outer corner has no notch."""
    turn = math.acos(max(-1.0, min(1.0, d0[0] * d1[0] + d0[1] * d1[1])))
    return width * math.tan(min(turn, 1.2) / 2) + 0.01


def road_object(canvas: MapCanvas, road: Road) -> None:
    x0, y0 = road.points[0]
    canvas.add(
        MapObject(
            "roads", road.name, "road", x0, y0,
            polyline=[(x - x0, y - y0) for x, y in road.points],
            properties=[
                ("lanes", "int", road.lanes, None),
                ("oneway", "bool", road.oneway, None),
                ("speed_limit_kmh", "int", road.speed_kmh, None),
            ],
        )
    )  # fmt: skip


def street_areas(canvas: MapCanvas, road: Road) -> None:
    """Street-name areas over the carriageway and its curbs, one per segment."""
    lo, hi = road.band
    for a, b, d, _ in road.segments():
        n = _right(d)
        left, right = lo - 0.5, hi + 0.5
        if abs(d[0]) < 1e-9 or abs(d[1]) < 1e-9:
            xs = [a[0] + left * n[0], a[0] + right * n[0], b[0] + left * n[0], b[0] + right * n[0]]
            ys = [a[1] + left * n[1], a[1] + right * n[1], b[1] + left * n[1], b[1] + right * n[1]]
            canvas.street(road.street or road.name, min(xs), min(ys), max(xs), max(ys))
        else:
            quad = [
                (a[0] + left * n[0], a[1] + left * n[1]),
                (b[0] + left * n[0], b[1] + left * n[1]),
                (b[0] + right * n[0], b[1] + right * n[1]),
                (a[0] + right * n[0], a[1] + right * n[1]),
            ]
            canvas.street_polygon(road.street or road.name, quad)


def lane_pose(
    road: Road, distance: float, lane: int, kerb: bool = False
) -> tuple[float, float, float]:
    """(col, row, heading_deg) of a lane centre ``distance`` tiles along the polyline.

    ``lane`` counts from the polyline outwards: 0.. on the right; for two-way roads
    -1, -2.. are the opposing lanes on the left. ``kerb`` gives the parking place
    in the gutter beyond that side's outermost lane instead.
    """
    lo, hi = road.band
    segments = list(road.segments())
    index = 0
    while index < len(segments) - 1 and distance > segments[index][3]:
        distance -= segments[index][3]
        index += 1
    a, _, d, length = segments[index]
    distance = min(distance, length)
    n = _right(d)
    side_edge = hi + 0.25 if lane >= 0 else lo - 0.25
    offset = side_edge if kerb else lane + 0.5
    heading = math.degrees(math.atan2(d[1], d[0]))
    against = lane < 0 and not road.oneway
    x = a[0] + d[0] * distance + n[0] * offset
    y = a[1] + d[1] * distance + n[1] * offset
    return x, y, heading + (180.0 if against else 0.0)


def total_length(road: Road) -> float:
    return sum(length for *_, length in road.segments())
