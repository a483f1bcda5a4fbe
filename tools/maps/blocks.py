"""City blocks: whatever land the roads leave free becomes sidewalk, alleys and parcels
(buildings with rooftop clutter, parking lots, pocket parks).

Blocks are found as connected regions of free cells, so the street layout alone
decides where buildings go; named sites (the bank, the motel) are drawn afterwards
over the generic fill.
"""

from __future__ import annotations

import numpy as np

from .canvas import MapCanvas

ROOF_DECOR = (
    ("ac_unit", 5),
    ("vent", 3),
    ("skylight_lit", 2),
    ("skylight_dark", 2),
    ("water_tank", 1),
)


def free_regions(free: np.ndarray, min_cells: int = 4) -> list[tuple[int, int, int, int]]:
    """Bounding boxes (row0, col0, row1, col1), end-exclusive, of 4-connected free regions."""
    seen = np.zeros_like(free)
    boxes = []
    rows, cols = free.shape
    for start in zip(*np.nonzero(free), strict=True):
        if seen[start]:
            continue
        stack, cells = [start], []
        seen[start] = True
        while stack:
            r, c = stack.pop()
            cells.append((r, c))
            for nr, nc in ((r + 1, c), (r - 1, c), (r, c + 1), (r, c - 1)):
                if 0 <= nr < rows and 0 <= nc < cols and free[nr, nc] and not seen[nr, nc]:
                    seen[nr, nc] = True
                    stack.append((nr, nc))
        if len(cells) >= min_cells:
            rs, cs = zip(*cells, strict=True)
            boxes.append((min(rs), min(cs), max(rs) + 1, max(cs) + 1))
    return boxes


def building(
    canvas: MapCanvas, r0: int, c0: int, r1: int, c1: int, style: str, neon: str | None = None
) -> None:
    """A roof of ``style`` over the rectangle (at least 2 x 2), with rooftop clutter."""
    if r1 - r0 < 2 or c1 - c0 < 2:
        canvas.fill("ground", slice(r0, r1), slice(c0, c1), "concrete")
        return
    for r in range(r0, r1):
        for c in range(c0, c1):
            vert = "n" if r == r0 else "s" if r == r1 - 1 else ""
            horiz = "w" if c == c0 else "e" if c == c1 - 1 else ""
            canvas.layers["buildings"][r, c] = f"roof_{style}_{(vert + horiz) or 'c'}"
    rng = canvas.rng
    area = (r1 - r0) * (c1 - c0)
    names, weights = zip(*ROOF_DECOR, strict=True)
    probs = np.array(weights, dtype=float) / sum(weights)
    for _ in range(min(6, area // 8)):
        r, c = int(rng.integers(r0, r1)), int(rng.integers(c0, c1))
        if canvas.layers["decor"][r, c] is None:
            canvas.layers["decor"][r, c] = str(rng.choice(names, p=probs))
    if neon:
        canvas.layers["decor"][r0, c0 + (c1 - c0) // 2] = neon
    if style == "concrete" and min(r1 - r0, c1 - c0) >= 6 and rng.random() < 0.4:
        r, c = (r0 + r1) // 2, (c0 + c1) // 2  # a tower: a helipad in the middle of its roof
        for dr, dc, quadrant in ((-1, -1, "nw"), (-1, 0, "ne"), (0, -1, "sw"), (0, 0, "se")):
            canvas.layers["decor"][r + dr, c + dc] = f"helipad_{quadrant}"


def parking_lot(canvas: MapCanvas, r0: int, c0: int, r1: int, c1: int) -> None:
    """Asphalt with curbs all round and bays along the long sides."""
    canvas.corner_fill("road", slice(r0, r1), slice(c0, c1))
    if c1 - c0 >= r1 - r0:
        for c in range(c0 + 1, c1):
            for r in (r0, r0 + 1, r1 - 2, r1 - 1):
                if r1 - r0 >= 5 or r in (r0, r0 + 1):
                    canvas.layers["markings"][r, c] = "bay_w"
    else:
        for r in range(r0 + 1, r1):
            for c in (c0, c0 + 1, c1 - 2, c1 - 1):
                if c1 - c0 >= 5 or c in (c0, c0 + 1):
                    canvas.layers["markings"][r, c] = "bay_n"


def pocket_park(canvas: MapCanvas, r0: int, c0: int, r1: int, c1: int) -> None:
    canvas.corner_fill("park", slice(r0, r1), slice(c0, c1))
    for r in range(r0, r1, 2):
        for c in range(c0 + (r // 2) % 2, c1, 3):
            canvas.layers["decor"][r, c] = "palm" if (r + c) % 3 else "tree"


def fill_block(
    canvas: MapCanvas, box: tuple[int, int, int, int], styles: dict[str, float], free: np.ndarray,
    open_space: float = 0.2,
) -> None:  # fmt: skip
    """Sidewalk round the edge, an alley down the middle, parcels either side.

    Only cells marked ``free`` are touched: a region that is not a rectangle (a ramp
    cuts it) keeps plain sidewalk where a parcel would overlap the road.
    """
    r0, c0, r1, c1 = box
    if not free[r0:r1, c0:c1].all():
        _ragged(canvas, box, styles, free)
        return
    inner = (r0 + 1, c0 + 1, r1 - 1, c1 - 1)
    if inner[2] - inner[0] < 2 or inner[3] - inner[1] < 2:
        return
    halves = [inner]
    ir0, ic0, ir1, ic1 = inner
    if min(ir1 - ir0, ic1 - ic0) >= 10:
        if ic1 - ic0 >= ir1 - ir0:
            mid = (ir0 + ir1) // 2 - 1
            _alley(canvas, free, slice(mid, mid + 2), slice(c0, c1))
            halves = [(ir0, ic0, mid, ic1), (mid + 2, ic0, ir1, ic1)]
        else:
            mid = (ic0 + ic1) // 2 - 1
            _alley(canvas, free, slice(r0, r1), slice(mid, mid + 2))
            halves = [(ir0, ic0, ir1, mid), (ir0, mid + 2, ir1, ic1)]
    for half in halves:
        _parcels(canvas, half, styles, free, open_space)
    _sidewalk_palms(canvas, box)


def _ragged(
    canvas: MapCanvas, box, styles: dict[str, float], free: np.ndarray, step: int = 6
) -> None:
    """Land that is not a rectangle (beside a curve or a ramp): buildings on whole chunks."""
    r0, c0, r1, c1 = box
    names = list(styles)
    for r in range(r0 + 1, r1 - 2, step):
        for c in range(c0 + 1, c1 - 2, step):
            rr, cc = min(r + step - 1, r1 - 1), min(c + step - 1, c1 - 1)
            grown = free[max(r - 1, 0) : rr + 1, max(c - 1, 0) : cc + 1]  # keep a sidewalk round it
            if rr - r >= 2 and cc - c >= 2 and grown.all():
                if canvas.rng.random() < 0.2:
                    pocket_park(canvas, r, c, rr, cc)
                else:
                    building(canvas, r, c, rr, cc, str(canvas.rng.choice(names)))


def _alley(canvas: MapCanvas, free: np.ndarray, rows: slice, cols: slice) -> None:
    """A dark service alley (shadow tiles) across the block, on free cells only."""
    target = canvas.explicit[rows, cols]
    target[free[rows, cols]] = "asphalt_shadow"


def _parcels(
    canvas: MapCanvas, box, styles: dict[str, float], free: np.ndarray, open_space: float
) -> None:
    r0, c0, r1, c1 = box
    rng = canvas.rng
    style_names = list(styles)
    style_p = np.array(list(styles.values()), dtype=float)
    style_p /= style_p.sum()
    along_cols = c1 - c0 >= r1 - r0
    start, stop = (c0, c1) if along_cols else (r0, r1)
    pos = start
    while pos < stop:
        width = int(rng.integers(3, 8))
        end = stop if stop - (pos + width) < 3 else pos + width
        sub = (r0, pos, r1, end) if along_cols else (pos, c0, end, c1)
        roll = rng.random()
        if not free[sub[0] : sub[2], sub[1] : sub[3]].all():
            pos = end
            continue
        if roll < open_space * 0.65 and min(sub[2] - sub[0], sub[3] - sub[1]) >= 3:
            parking_lot(canvas, *sub)
        elif roll < open_space:
            pocket_park(canvas, *sub)
        else:
            style = str(rng.choice(style_names, p=style_p))
            neon = str(rng.choice(["neon_pink", "neon_cyan"])) if rng.random() < 0.15 else None
            building(canvas, *sub, style=style, neon=neon)
        pos = end


def _sidewalk_palms(canvas: MapCanvas, box) -> None:
    r0, c0, r1, c1 = box
    if canvas.rng.random() > 0.5:
        return
    for c in range(c0 + 2, c1 - 2, 5):
        for r in (r0, r1 - 1):
            if canvas.layers["decor"][r, c] is None and canvas.explicit[r, c] is None:
                canvas.layers["decor"][r, c] = "palm_b"
