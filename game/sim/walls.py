"""Cars against the static grid of solid cells: sub-stepped motion, push-out, impulses.

Two kinds of contact, both vectorised over cars:

* a car **corner** inside a solid cell is pushed out through the nearest face of that
  cell whose neighbour is free (so a long wall has no inner edges to snag on);
* a **convex wall corner** (a grid vertex with one solid cell of four, or two diagonal)
  inside a car's box pushes the car out along the car's nearest side.

Tunnelling: a car moves in sub-steps of at most ``MAX_SUBSTEP_MOVE`` (corners included,
via the yaw rate), far less than half a cell and half a car width, so a corner is never
deep enough in a one-cell wall for its nearest free face to be the far one. Only fast
cars take extra sub-steps.
"""

from __future__ import annotations

import numpy as np

from game.sim.events import WALL, Collisions
from game.sim.fastmath import clamp, cos_sin, norm
from game.sim.impulses import solve_impulses
from game.sim.terrain import Terrain
from game.sim.vehicles import MAX_HALF_DIAGONAL

PAD = 2  #: solid cells added round the map, so everything outside it is wall
MAX_SUBSTEP_MOVE = 0.45  #: m, the most a car's corner moves in one sub-step
WALL_RESTITUTION = 0.25  #: share of closing speed a car bounces back with
WALL_FRICTION = 0.5  #: body panel on wall, Coulomb coefficient
WALL_ITERATIONS = 2  #: impulse iterations over one sub-step's wall contacts
PUSH_PASSES = 4  #: push-out passes; later ones only for cars still touching
SKIN = 1e-4  #: m, cars are pushed this far clear of a face (a corner on a face counts as in)

_CORNER_F = np.array([1.0, 1.0, -1.0, -1.0])[:, None]  # along the heading
_CORNER_R = np.array([1.0, -1.0, 1.0, -1.0])[:, None]  # to the right
_FACE_NX = np.array([-1.0, 1.0, 0.0, 0.0])  # faces: west, east, north, south
_FACE_NY = np.array([0.0, 0.0, -1.0, 1.0])
_VERTEX_DI = np.repeat([-1, 0, 1], 3)[:, None]
_VERTEX_DJ = np.tile([-1, 0, 1], 3)[:, None]


class WallGrid:
    """The terrain's solid grid, padded, with the lookups collision needs precomputed."""

    def __init__(self, terrain: Terrain) -> None:
        self.cell = float(terrain.cell_size)
        if self.cell <= MAX_HALF_DIAGONAL:
            raise ValueError(f"cell size {self.cell} m must exceed a car's half-diagonal")
        solid = np.pad(np.asarray(terrain.solid, dtype=bool), PAD, constant_values=True)
        self.solid = solid
        near = solid.copy()  # any solid cell in the 3x3 block round a cell
        near[1:, :] |= solid[:-1, :]
        near[:-1, :] |= solid[1:, :]
        grown = near.copy()
        grown[:, 1:] |= near[:, :-1]
        grown[:, :-1] |= near[:, 1:]
        self.near = grown
        # convex[i, j]: the vertex at the top-left corner of padded cell (i, j) is a
        # convex corner of solid ground (one of its four cells solid, or two diagonal ones)
        nw, ne, sw, se = solid[:-1, :-1], solid[:-1, 1:], solid[1:, :-1], solid[1:, 1:]
        count = nw.astype(np.int8) + ne + sw + se
        self.convex = np.zeros_like(solid)
        self.convex[1:, 1:] = (count == 1) | ((count == 2) & (nw == se))
        # near_convex[i, j]: a convex vertex is among those a car centred in cell (i, j)
        # tests (rows and columns i-1..i+2, j-1..j+2), so most cars skip that test
        rows, cols = solid.shape
        padded = np.pad(self.convex, ((1, 2), (1, 2)))
        self.near_convex = np.zeros_like(solid)
        for di in range(4):
            for dj in range(4):
                self.near_convex |= padded[di : di + rows, dj : dj + cols]

    def cell_index(self, x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Padded (row, col) of points, clipped so their four neighbours exist."""
        rows, cols = self.solid.shape
        row = clamp(np.floor(y / self.cell).astype(np.intp) + PAD, 1, rows - 2)
        col = clamp(np.floor(x / self.cell).astype(np.intp) + PAD, 1, cols - 2)
        return row, col


def move(w, dt: float) -> Collisions:
    """Integrate poses over ``dt`` from ``w.world_vx/world_vy/yaw_rate``, colliding as we go."""
    if w.n == 0:
        return Collisions()
    reach = (norm(w.world_vx, w.world_vy) + np.abs(w.yaw_rate) * w.params.radius) * dt
    substeps = np.maximum(np.ceil(reach / MAX_SUBSTEP_MOVE), 1.0)
    h = dt / substeps
    w.x += w.world_vx * h
    w.y += w.world_vy * h
    w.heading += w.yaw_rate * h
    hits = [resolve(w)]
    for k in range(1, int(substeps.max())):
        active = np.flatnonzero(substeps > k)
        h_active = h[active]
        w.x[active] += w.world_vx[active] * h_active
        w.y[active] += w.world_vy[active] * h_active
        w.heading[active] += w.yaw_rate[active] * h_active
        hits.append(resolve(w, active))
    hits = [h for h in hits if len(h)]
    if len(hits) > 1:  # a fast car hit in several sub-steps: still one row per car
        merged = Collisions.concatenate(hits)
        return _per_car(merged.a, merged.x, merged.y, merged.impulse)
    return hits[0] if hits else Collisions()


def resolve(w, idx: np.ndarray | None = None) -> Collisions:
    """Push vehicles ``idx`` (default all) out of walls and stop them running into them."""
    x, y = (w.x, w.y) if idx is None else (w.x[idx], w.y[idx])
    row, col = w.walls.cell_index(x, y)
    near = np.flatnonzero(w.walls.near[row, col])
    if not near.size:
        return Collisions()
    contacts = _contacts(w, near if idx is None else idx[near])
    if contacts is None:
        return Collisions()
    car, px, py, nx, ny, depth = contacts
    unsure = _push_out(w, car, nx, ny, depth)
    for _ in range(PUSH_PASSES - 1):  # a car in a corner touches two walls
        again = _contacts(w, unsure) if unsure.size else None
        if again is None:
            break
        unsure = _push_out(w, again[0], again[3], again[4], again[5])
    impulse = solve_impulses(
        w, car, None, px, py, nx, ny,
        WALL_RESTITUTION, WALL_FRICTION, WALL_ITERATIONS,
    )  # fmt: skip
    return _per_car(car, px, py, impulse)


def _contacts(w, cars: np.ndarray) -> tuple[np.ndarray, ...] | None:
    """All wall contacts of ``cars``: (car, x, y, nx, ny, depth) arrays, or None."""
    grid = w.walls
    cos_h, sin_h = cos_sin(w.heading[cars])
    hl, hw = w.params.half_length[cars], w.params.half_width[cars]
    x, y = w.x[cars], w.y[cars]
    found = [_corner_contacts(grid, x, y, cos_h, sin_h, hl, hw)]
    row, col = grid.cell_index(x, y)
    by_corner = np.flatnonzero(grid.near_convex[row, col])
    if by_corner.size:
        part = (x, y, cos_h, sin_h, hl, hw)
        car, *rest = _vertex_contacts(grid, *(v[by_corner] for v in part))
        found.append((by_corner[car], *rest))
    which = np.concatenate([f[0] for f in found])
    if not which.size:
        return None
    return (cars[which], *(np.concatenate([f[k] for f in found]) for k in range(1, 6)))


def _corner_contacts(grid: WallGrid, x, y, cos_h, sin_h, hl, hw) -> tuple[np.ndarray, ...]:
    """Car corners inside solid cells -> (car, x, y, nx, ny, depth) per contact."""
    px = x + _CORNER_F * hl * cos_h - _CORNER_R * hw * sin_h
    py = y + _CORNER_F * hl * sin_h + _CORNER_R * hw * cos_h
    row, col = grid.cell_index(px, py)
    corner, car = np.nonzero(grid.solid[row, col])
    px, py, row, col = px[corner, car], py[corner, car], row[corner, car], col[corner, car]
    fx = px - (col - PAD) * grid.cell
    fy = py - (row - PAD) * grid.cell
    depth = np.stack([fx, grid.cell - fx, fy, grid.cell - fy])
    solid = grid.solid
    free = ~np.stack(
        [solid[row, col - 1], solid[row, col + 1], solid[row - 1, col], solid[row + 1, col]]
    )
    face = np.argmin(np.where(free, depth, np.inf), axis=0)
    buried = ~free.any(axis=0)  # cannot happen when sub-stepping holds; leave by the nearest face
    face[buried] = np.argmin(depth[:, buried], axis=0)
    d = depth[face, np.arange(face.size)]
    nx, ny = _FACE_NX[face], _FACE_NY[face]
    return car, px + nx * d, py + ny * d, nx, ny, d  # the point on the face it came through


def _vertex_contacts(grid: WallGrid, x, y, cos_h, sin_h, hl, hw) -> tuple[np.ndarray, ...]:
    """Convex wall corners inside car boxes -> (car, x, y, nx, ny, depth) per contact."""
    rows, cols = grid.solid.shape
    vi = clamp(np.rint(y / grid.cell).astype(np.intp) + PAD + _VERTEX_DI, 1, rows - 1)
    vj = clamp(np.rint(x / grid.cell).astype(np.intp) + PAD + _VERTEX_DJ, 1, cols - 1)
    k, car = np.nonzero(grid.convex[vi, vj])
    qx = (vj[k, car] - PAD) * grid.cell
    qy = (vi[k, car] - PAD) * grid.cell
    dx, dy = qx - x[car], qy - y[car]
    c, s = cos_h[car], sin_h[car]
    along = dx * c + dy * s
    across = dy * c - dx * s
    pen_f = hl[car] - np.abs(along)
    pen_r = hw[car] - np.abs(across)
    inside = (pen_f > 0) & (pen_r > 0)
    car, qx, qy, c, s = car[inside], qx[inside], qy[inside], c[inside], s[inside]
    pen_f, pen_r, along, across = pen_f[inside], pen_r[inside], along[inside], across[inside]
    lengthwise = pen_f < pen_r
    sf, sr = np.sign(along), np.sign(across)
    nx = np.where(lengthwise, -sf * c, sr * s)
    ny = np.where(lengthwise, -sf * s, -sr * c)
    return car, qx, qy, nx, ny, np.minimum(pen_f, pen_r)


def _push_out(w, car: np.ndarray, nx: np.ndarray, ny: np.ndarray, depth: np.ndarray) -> np.ndarray:
    """Move each car out along its deepest contact; return the cars that may still touch.

    Summing pushes would double-count two corners in one wall, and taking the largest
    push per axis lets a corner-in-cell and a cell-corner-in-car contact of the same
    collision (different normals) cancel each other out. A car whose other contacts
    share the deepest one's normal is clear; one with another normal gets a next pass.
    """
    deepest_first = np.argsort(-depth, kind="stable")
    cars, first = np.unique(car[deepest_first], return_index=True)
    pick = deepest_first[first]
    push = depth[pick] + SKIN
    w.x[cars] += nx[pick] * push
    w.y[cars] += ny[pick] * push
    own = np.searchsorted(cars, car)
    other_normal = nx * nx[pick][own] + ny * ny[pick][own] < 0.999
    return np.unique(car[other_normal])


def _per_car(car: np.ndarray, px, py, impulse) -> Collisions:
    """One event row per car that hit a wall: summed impulse at the impulse-weighted point."""
    hit = impulse > 0.0
    if not hit.any():
        return Collisions()
    car, px, py, impulse = car[hit], px[hit], py[hit], impulse[hit]
    cars, local = np.unique(car, return_inverse=True)
    total = np.bincount(local, impulse, cars.size)
    return Collisions(
        a=cars,
        b=np.full(cars.size, WALL),
        x=np.bincount(local, impulse * px, cars.size) / total,
        y=np.bincount(local, impulse * py, cars.size) / total,
        impulse=total,
    )
