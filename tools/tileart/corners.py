"""Corner transitions between two materials, for Tiled's corner terrain sets (wangsets).

A tile's four corners each belong to terrain A (1) or B (0). The boundary between
them is the 0.5 contour of the bilinear blend of the corners, which gives straight
edges for two-corner tiles and rounded curb corners for one- and three-corner tiles.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import numpy as np

from .paint import TILE_PX, X, Y

#: corners in the order (top-left, top-right, bottom-right, bottom-left)
Corners = tuple[int, int, int, int]


def all_corner_sets() -> Iterator[Corners]:
    """The 16 combinations, pure B first and pure A last."""
    for code in range(16):
        yield ((code >> 3) & 1, (code >> 2) & 1, (code >> 1) & 1, code & 1)


def signed_distance(corners: Corners) -> np.ndarray:
    """Pixels from the A/B boundary, positive inside A (approximate, from the gradient)."""
    tl, tr, br, bl = (float(c) for c in corners)
    u, v = X / TILE_PX, Y / TILE_PX
    field = tl * (1 - u) * (1 - v) + tr * u * (1 - v) + br * u * v + bl * (1 - u) * v
    du = ((tr - tl) * (1 - v) + (br - bl) * v) / TILE_PX
    dv = ((bl - tl) * (1 - u) + (br - tr) * u) / TILE_PX
    gradient = np.maximum(np.hypot(du, dv), 1e-6)
    if all(corners) or not any(corners):
        return np.full(field.shape, 99.0 if all(corners) else -99.0)
    return (field - 0.5) / gradient


EdgeStyle = Callable[[np.ndarray, np.ndarray], np.ndarray]


def corner_tile(
    corners: Corners, inside: np.ndarray, outside: np.ndarray, edge: EdgeStyle | None
) -> np.ndarray:
    """Compose ``inside`` (terrain A) and ``outside`` (B) along the corner boundary.

    ``edge(tile, distance)`` then draws the border (curb, foam, kerb) on the result.
    """
    distance = signed_distance(corners)
    weight = np.clip(distance + 0.5, 0, 1)[..., None]
    tile = inside * weight + outside * (1 - weight)
    if edge is not None and 0 < sum(corners) < 4:
        tile = edge(tile, distance)
    return tile
