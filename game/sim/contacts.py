"""Car against car: uniform-grid broad phase, box SAT narrow phase, impulses, push-apart.

Broad phase: every car goes in the grid cell of its centre; cells are as wide as two
of the largest half-diagonals, so two cars can touch only if their cells are the same
or neighbours. Cars are sorted by cell key, a table of where each cell's run starts
turns "all cars in cell k" into a slice, and each car is paired with the cars of its
own cell after it and of four neighbour cells (E, SW, S, SE), so every pair is seen
once. Bounding circles prune the candidates before the separating-axis test.
"""

from __future__ import annotations

import numpy as np

from game.sim.events import Collisions
from game.sim.fastmath import clamp, cos_sin
from game.sim.impulses import solve_impulses
from game.sim.vehicles import MAX_HALF_DIAGONAL

BROAD_CELL = 2.0 * MAX_HALF_DIAGONAL  #: m, broad-phase grid spacing
CAR_RESTITUTION = 0.2  #: crumple zones give little back
CAR_FRICTION = 0.45  #: panel on panel
CAR_ITERATIONS = 3  #: impulse iterations over one step's car-car contacts
POSITION_ITERATIONS = 2  #: push-apart passes per step (a car in a pile-up needs several)
CONTACT_SLOP = 0.005  #: m of overlap left in place so resting contacts do not flicker
SPARSE_CELLS_PER_CAR = 16  #: beyond this many grid cells per car, binary search beats a table
PARALLEL_DEADBAND = 0.05  #: |cos| below this: that box axis counts as parallel to the face


class BroadGrid:
    """Fixed cell keys over the terrain (plus a rim), so the start table has a fixed size.

    It also keeps the last sorted order: the pair list depends on it, so it is part of
    the world's history (deterministic, like everything else in a step)."""

    def __init__(self, width_m: float, height_m: float) -> None:
        self.cols = int(np.ceil(width_m / BROAD_CELL)) + 4
        self.rows = int(np.ceil(height_m / BROAD_CELL)) + 4
        self.size = self.rows * self.cols
        self.order: np.ndarray | None = None  #: last step's car order by cell key

    def keys(self, x: np.ndarray, y: np.ndarray) -> np.ndarray:
        gx = clamp((x * (1.0 / BROAD_CELL)).astype(np.intp) + 2, 1, self.cols - 2)
        gy = clamp((y * (1.0 / BROAD_CELL)).astype(np.intp) + 2, 1, self.rows - 2)
        return gy * self.cols + gx


def candidate_pairs(
    grid: BroadGrid, x: np.ndarray, y: np.ndarray, radius: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Index pairs (i, j), each once, of cars in the same or neighbouring broad-phase cells
    whose bounding circles (``radius``, m) overlap.

    The circle test runs on the cars in cell order, before the pairs are mapped back to
    car indices: there a car's partners sit next to it in memory, and the two thirds of
    cell neighbours that are too far apart are never mapped at all."""
    n = x.size
    key = grid.keys(x, y)
    order = grid.order
    if order is None or order.size != n:
        order = np.argsort(key, kind="stable")
    else:  # cars barely move in a step: last step's order is nearly sorted, and timsort loves that
        order = order[np.argsort(key[order], kind="stable")]
    grid.order = order
    sorted_key = key[order]
    if grid.size > SPARSE_CELLS_PER_CAR * n:  # few cars on a big map: search, no table

        def first_in(cells: np.ndarray) -> np.ndarray:
            return np.searchsorted(sorted_key, cells)
    else:
        start = np.zeros(grid.size + 1, dtype=np.int32)  # int32: a smaller table stays in cache
        np.cumsum(np.bincount(key, minlength=grid.size), out=start[1:])

        def first_in(cells: np.ndarray) -> np.ndarray:
            return start[cells]

    # Keys run along rows, so "own cell, then E" and "SW, S, SE" are each one run of
    # consecutive cells: two slices per car cover the five cells.
    spans = [
        (np.arange(1, n + 1), first_in(sorted_key + 2)),  # later cars in own cell, all in E
        (first_in(sorted_key + (grid.cols - 1)), first_in(sorted_key + (grid.cols + 2))),
    ]
    sources, targets = [], []
    for lo, hi in spans:
        has = np.flatnonzero(hi > lo)  # most cars have no one in a given neighbour cell
        if not has.size:
            continue
        counts = (hi - lo)[has]
        first = np.cumsum(counts) - counts
        sources.append(np.repeat(has, counts))
        targets.append(np.repeat(lo[has] - first, counts) + np.arange(int(counts.sum())))
    if not sources:
        return np.zeros(0, dtype=np.intp), np.zeros(0, dtype=np.intp)
    first, second = np.concatenate(sources), np.concatenate(targets)
    x, y, radius = x[order], y[order], radius[order]
    dx, dy = x[second] - x[first], y[second] - y[first]
    reach = radius[first] + radius[second]
    close = np.flatnonzero(dx * dx + dy * dy < reach * reach)
    return order[first[close]], order[second[close]]


class PairBoxes:
    """The boxes of car pairs (i, j), in a step the touching ones: axes and extents depend
    on headings only, so the push-apart passes, which move cars but do not turn them,
    reuse them. ``cos_h``/``sin_h`` are every car's heading cosine and sine, worked out
    once a step and gathered here."""

    def __init__(
        self, w, i: np.ndarray, j: np.ndarray, cos_h: np.ndarray, sin_h: np.ndarray
    ) -> None:
        p = w.params
        self.i, self.j = i, j
        self.ca, self.sa = cos_h[i], sin_h[i]
        self.cb, self.sb = cos_h[j], sin_h[j]
        ca, sa, cb, sb = self.ca, self.sa, self.cb, self.sb
        self.hla, self.hwa = p.half_length[i], p.half_width[i]
        self.hlb, self.hwb = p.half_length[j], p.half_width[j]
        cos_ab = np.abs(ca * cb + sa * sb)
        sin_ab = np.abs(sa * cb - ca * sb)
        self.axes_x = np.stack([ca, -sa, cb, -sb])  # i forward, i right, j forward, j right
        self.axes_y = np.stack([sa, ca, sb, cb])
        self.reach = np.stack(_reaches(self.hla, self.hwa, self.hlb, self.hwb, cos_ab, sin_ab))
        self.pick = np.arange(i.size)

    def overlaps(self, w) -> tuple[np.ndarray, np.ndarray]:
        """Per axis (4, pairs): overlap of the two boxes' shadows, and j's centre offset."""
        dx, dy = w.x[self.j] - w.x[self.i], w.y[self.j] - w.y[self.i]
        along = dx * self.axes_x + dy * self.axes_y
        return self.reach - np.abs(along), along

    def choose_axes(self, w, dt: float | None = None) -> None:
        """Fix each overlapping pair's contact axis and the side j lies on.

        The usual choice is the axis of least overlap. But cars that met fast (two
        stock cars nose to nose close 2.5 m in a tick) may overlap less sideways than
        lengthwise, and least overlap would push them past each other; so with ``dt``,
        the pair's relative velocity rewinds it one step, and the axis it crossed last
        (the one it was still apart on latest) wins, from the side it came from.
        """
        overlap, along = self.overlaps(w)
        axis = np.argmin(overlap, axis=0)
        before = along
        if dt is not None:
            dvx = w.world_vx[self.j] - w.world_vx[self.i]
            dvy = w.world_vy[self.j] - w.world_vy[self.i]
            before = along - (dvx * self.axes_x + dvy * self.axes_y) * dt
            apart = self.reach - np.abs(before)  # < 0 on axes the pair was apart on
            entered = np.where(apart < 0.0, apart / np.minimum(apart - overlap, -1e-9), -1.0)
            last = np.argmax(entered, axis=0)  # largest share of the step spent apart
            axis = np.where(entered[last, self.pick] > 0.0, last, axis)
        pick = self.pick
        self.axis = axis
        self.side = np.where(before[axis, pick] > 0, -1.0, 1.0)
        # the chosen axis alone: the push-apart passes measure depth along it only
        self.axis_x, self.axis_y = self.axes_x[axis, pick], self.axes_y[axis, pick]
        self.axis_reach = self.reach[axis, pick]
        self.nx, self.ny = self.side * self.axis_x, self.side * self.axis_y

    def separation(self, w) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(depth, nx, ny) along the chosen axes; the normal points from j to i."""
        dx, dy = w.x[self.j] - w.x[self.i], w.y[self.j] - w.y[self.i]
        along = dx * self.axis_x + dy * self.axis_y
        return self.axis_reach + self.side * along, self.nx, self.ny

    def contact_points(self, w, nx, ny) -> tuple[np.ndarray, np.ndarray]:
        """Deepest point: a vertex of j when the axis is a face of i, and vice versa."""
        i, j = self.i, self.j
        bx, by = _vertex_towards(w.x[j], w.y[j], self.cb, self.sb, self.hlb, self.hwb, nx, ny)
        ax, ay = _vertex_towards(w.x[i], w.y[i], self.ca, self.sa, self.hla, self.hwa, -nx, -ny)
        on_i = self.axis < 2
        return np.where(on_i, bx, ax), np.where(on_i, by, ay)


def _reaches(hla, hwa, hlb, hwb, cos_ab, sin_ab) -> tuple[np.ndarray, ...]:
    """Half-extent of both boxes' shadows on each axis: i forward, i right, j forward, j right.

    ``cos_ab``/``sin_ab`` are |cos| and |sin| of the angle between the two headings."""
    return (
        hla + hlb * cos_ab + hwb * sin_ab,
        hwa + hlb * sin_ab + hwb * cos_ab,
        hlb + hla * cos_ab + hwa * sin_ab,
        hwb + hla * sin_ab + hwa * cos_ab,
    )


def touching(w, i, j, cos_h, sin_h) -> tuple[np.ndarray, np.ndarray]:
    """The candidate pairs whose boxes overlap (SAT on the four axes of the two boxes).

    Only the pairs found here get full :class:`PairBoxes`; in a jam about half the
    candidates are near misses, and building boxes for them cost more than the contacts
    themselves."""
    p = w.params
    dx, dy = w.x[j] - w.x[i], w.y[j] - w.y[i]
    ca, sa, cb, sb = cos_h[i], sin_h[i], cos_h[j], sin_h[j]
    cos_ab = np.abs(ca * cb + sa * sb)
    sin_ab = np.abs(sa * cb - ca * sb)
    reaches = _reaches(
        p.half_length[i], p.half_width[i], p.half_length[j], p.half_width[j], cos_ab, sin_ab
    )
    hit = reaches[0] > np.abs(dx * ca + dy * sa)
    hit &= reaches[1] > np.abs(dx * -sa + dy * ca)
    hit &= reaches[2] > np.abs(dx * cb + dy * sb)
    hit &= reaches[3] > np.abs(dx * -sb + dy * cb)
    keep = np.flatnonzero(hit)
    return i[keep], j[keep]


def _vertex_towards(x, y, c, s, hl, hw, ux, uy) -> tuple[np.ndarray, np.ndarray]:
    """The box's vertex furthest along u (a face centre where u is square to that face)."""
    along_f = ux * c + uy * s
    along_r = uy * c - ux * s
    sf = np.where(np.abs(along_f) > PARALLEL_DEADBAND, np.sign(along_f), 0.0)
    sr = np.where(np.abs(along_r) > PARALLEL_DEADBAND, np.sign(along_r), 0.0)
    return x + sf * hl * c - sr * hw * s, y + sf * hl * s + sr * hw * c


def box_overlaps(w, i: np.ndarray, j: np.ndarray) -> tuple[np.ndarray, ...]:
    """SAT on boxes i, j -> (hit, depth, nx, ny, px, py) by least overlap, normal j -> i."""
    boxes = PairBoxes(w, i, j, *cos_sin(w.heading))
    boxes.choose_axes(w)
    depth, nx, ny = boxes.separation(w)
    px, py = boxes.contact_points(w, nx, ny)
    return depth > 0.0, depth, nx, ny, px, py


def collide_cars(w, dt: float) -> Collisions:
    """Find touching cars, stop them closing, push them apart; one event row per pair."""
    if w.n < 2:
        return Collisions()
    i, j = candidate_pairs(w.broad, w.x, w.y, w.params.radius)
    cos_h, sin_h = cos_sin(w.heading)
    i, j = touching(w, i, j, cos_h, sin_h)
    if not i.size:
        return Collisions()
    boxes = PairBoxes(w, i, j, cos_h, sin_h)
    boxes.choose_axes(w, dt)
    i, j = boxes.i, boxes.j
    depth, nx, ny = boxes.separation(w)
    px, py = boxes.contact_points(w, nx, ny)
    impulse = solve_impulses(w, i, j, px, py, nx, ny, CAR_RESTITUTION, CAR_FRICTION, CAR_ITERATIONS)
    separate(w, i, j, nx, ny, depth)
    for _ in range(POSITION_ITERATIONS - 1):
        depth, nx, ny = boxes.separation(w)
        separate(w, i, j, nx, ny, depth)
    return Collisions(a=i, b=j, x=px, y=py, impulse=impulse)


def separate(w, i, j, nx, ny, depth) -> None:
    """Move overlapping pairs apart along their normals, lighter car further.

    A car in k contacts takes 1/k of each correction, so a car squeezed from both
    sides is not thrown out of the jam; the rest is left for the following steps.
    """
    inv_i, inv_j = w.params.inv_mass[i], w.params.inv_mass[j]
    share = np.maximum(depth - CONTACT_SLOP, 0.0) / (inv_i + inv_j)
    cars = np.concatenate([i, j])
    contacts_of = np.bincount(cars, minlength=w.n)
    move_i = share * inv_i / contacts_of[i]
    move_j = -share * inv_j / contacts_of[j]
    move = np.concatenate([move_i, move_j])
    w.x += np.bincount(cars, move * np.concatenate([nx, nx]), w.n)
    w.y += np.bincount(cars, move * np.concatenate([ny, ny]), w.n)
