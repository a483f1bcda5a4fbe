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
from game.sim.impulses import solve_impulses
from game.sim.vehicles import MAX_HALF_DIAGONAL

BROAD_CELL = 2.0 * MAX_HALF_DIAGONAL  #: m, broad-phase grid spacing
CAR_RESTITUTION = 0.2  #: crumple zones give little back
CAR_FRICTION = 0.45  #: panel on panel
CAR_ITERATIONS = 4
POSITION_ITERATIONS = 3  #: push-apart passes per step (a car in a pile-up needs several)
CONTACT_SLOP = 0.005  #: m of overlap left in place so resting contacts do not flicker
PARALLEL_DEADBAND = 0.05  #: |cos| below this: that box axis counts as parallel to the face


class BroadGrid:
    """Fixed cell keys over the terrain (plus a rim), so the start table has a fixed size."""

    def __init__(self, width_m: float, height_m: float) -> None:
        self.cols = int(np.ceil(width_m / BROAD_CELL)) + 4
        self.rows = int(np.ceil(height_m / BROAD_CELL)) + 4
        self.size = self.rows * self.cols

    def keys(self, x: np.ndarray, y: np.ndarray) -> np.ndarray:
        gx = np.clip((x * (1.0 / BROAD_CELL)).astype(np.intp) + 2, 1, self.cols - 2)
        gy = np.clip((y * (1.0 / BROAD_CELL)).astype(np.intp) + 2, 1, self.rows - 2)
        return gy * self.cols + gx


def candidate_pairs(grid: BroadGrid, x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Index pairs (i, j) of cars in the same or neighbouring broad-phase cells."""
    n = x.size
    key = grid.keys(x, y)
    order = np.argsort(key, kind="stable")
    sorted_key = key[order]
    start = np.zeros(grid.size + 1, dtype=np.intp)
    np.cumsum(np.bincount(key, minlength=grid.size), out=start[1:])
    rank = np.arange(n)
    lo = [rank + 1]
    hi = [start[sorted_key + 1]]
    for offset in (1, grid.cols - 1, grid.cols, grid.cols + 1):
        lo.append(start[sorted_key + offset])
        hi.append(start[sorted_key + offset + 1])
    lo, hi = np.concatenate(lo), np.concatenate(hi)
    counts = hi - lo
    total = int(counts.sum())
    if total == 0:
        return np.zeros(0, dtype=np.intp), np.zeros(0, dtype=np.intp)
    first = np.cumsum(counts) - counts
    src = np.repeat(np.tile(rank, 5), counts)
    dst = np.repeat(lo - first, counts) + np.arange(total)
    return order[src], order[dst]


def box_overlaps(w, i: np.ndarray, j: np.ndarray) -> tuple[np.ndarray, ...]:
    """SAT on boxes i, j -> (hit, depth, nx, ny, px, py); the normal points from j to i."""
    p = w.params
    ca, sa = np.cos(w.heading[i]), np.sin(w.heading[i])
    cb, sb = np.cos(w.heading[j]), np.sin(w.heading[j])
    hla, hwa, hlb, hwb = p.half_length[i], p.half_width[i], p.half_length[j], p.half_width[j]
    dx, dy = w.x[j] - w.x[i], w.y[j] - w.y[i]
    ff = np.abs(ca * cb + sa * sb)  # |cos| between the two headings
    fr = np.abs(sa * cb - ca * sb)  # |sin|
    axes_x = np.stack([ca, -sa, cb, -sb])
    axes_y = np.stack([sa, ca, sb, cb])
    reach_a = np.stack([hla, hwa, hla * ff + hwa * fr, hla * fr + hwa * ff])
    reach_b = np.stack([hlb * ff + hwb * fr, hlb * fr + hwb * ff, hlb, hwb])
    along = dx * axes_x + dy * axes_y
    overlap = reach_a + reach_b - np.abs(along)
    best = np.argmin(overlap, axis=0)
    pick = np.arange(best.size)
    depth = overlap[best, pick]
    side = np.where(along[best, pick] > 0, -1.0, 1.0)
    nx, ny = side * axes_x[best, pick], side * axes_y[best, pick]

    def corner_towards(x, y, c, s, hl, hw, ux, uy):  # the box's vertex furthest along u
        along_f = ux * c + uy * s
        along_r = uy * c - ux * s
        sf = np.where(np.abs(along_f) > PARALLEL_DEADBAND, np.sign(along_f), 0.0)
        sr = np.where(np.abs(along_r) > PARALLEL_DEADBAND, np.sign(along_r), 0.0)
        return x + sf * hl * c - sr * hw * s, y + sf * hl * s + sr * hw * c

    on_a = best < 2  # a face of box i: the deepest point is a vertex of box j, and vice versa
    bx, by = corner_towards(w.x[j], w.y[j], cb, sb, hlb, hwb, nx, ny)
    ax, ay = corner_towards(w.x[i], w.y[i], ca, sa, hla, hwa, -nx, -ny)
    px, py = np.where(on_a, bx, ax), np.where(on_a, by, ay)
    return depth > 0.0, depth, nx, ny, px, py


def collide_cars(w) -> Collisions:
    """Find touching cars, stop them closing, push them apart; one event row per pair."""
    if w.n < 2:
        return Collisions()
    i, j = candidate_pairs(w.broad, w.x, w.y)
    if i.size:
        reach = w.params.radius[i] + w.params.radius[j]
        close = (w.x[i] - w.x[j]) ** 2 + (w.y[i] - w.y[j]) ** 2 < reach**2
        i, j = i[close], j[close]
    if not i.size:
        return Collisions()
    hit, depth, nx, ny, px, py = box_overlaps(w, i, j)
    if not hit.any():
        return Collisions()
    i, j, depth, nx, ny, px, py = (v[hit] for v in (i, j, depth, nx, ny, px, py))
    impulse = solve_impulses(w, i, j, px, py, nx, ny, CAR_RESTITUTION, CAR_FRICTION, CAR_ITERATIONS)
    separate(w, i, j, nx, ny, depth)
    for _ in range(POSITION_ITERATIONS - 1):
        _, depth, nx, ny, _, _ = box_overlaps(w, i, j)
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
