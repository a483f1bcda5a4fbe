"""Near pairs through a spatial hash: which points lie in the 3 x 3 grid cells round a query.

Gaps (the vehicles ahead of each car) and right of way (the intersections a vehicle
stands in or is arriving at) both ask "what is near each of these?". Points are hashed
into square cells; every point within one cell's side of a query, on both axes, is in
the 3 x 3 cells round it, so callers filter the pairs by their own exact distance. The
pairs are built with ``np.repeat`` from sorted keys: no loop over queries.
"""

from __future__ import annotations

import numpy as np

_KEY_SPAN = 1 << 21  #: cell-column multiplier in the hash key (maps far below 2M cells tall)


class CellIndex:
    """Points (metres) hashed into square cells of side ``cell_m``, sorted once, so that
    points that do not move (intersection centres) answer many queries."""

    def __init__(self, x: np.ndarray, y: np.ndarray, cell_m: float) -> None:
        self.cell_m = cell_m
        keys = _cell(x, cell_m) * _KEY_SPAN + _cell(y, cell_m) + _KEY_SPAN // 2
        if keys.size:
            # sorting (key, index) packed in one integer is a stable argsort, and faster
            packed = np.sort(keys * keys.size + np.arange(keys.size))
            self._sorted_keys, self._order = np.divmod(packed, keys.size)
        else:
            self._sorted_keys = self._order = np.zeros(0, dtype=np.int64)

    def pairs(self, query_x: np.ndarray, query_y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(query, point) index pairs for every point in the 3 x 3 cells round each query
        point; by query, then by cell column and row, then by point index.

        Keys run along a column of cells, so a query's three cells in one column are one
        run of the sorted keys: three searches per query."""
        cell_m = self.cell_m
        columns = _cell(query_x, cell_m)[:, None] + np.arange(-1, 2)[None, :]
        rows = _cell(query_y, cell_m) + _KEY_SPAN // 2
        middle = (columns * _KEY_SPAN + rows[:, None]).ravel()
        lo = self._sorted_keys.searchsorted(middle - 1, side="left")
        counts = self._sorted_keys.searchsorted(middle + 1, side="right") - lo
        total = int(counts.sum())
        queries = np.repeat(np.arange(middle.size) // 3, counts)
        first = np.repeat(lo - (np.cumsum(counts) - counts), counts)
        return queries, self._order[first + np.arange(total)]


def cell_pairs(
    x: np.ndarray, y: np.ndarray, query_x: np.ndarray, query_y: np.ndarray, cell_m: float
) -> tuple[np.ndarray, np.ndarray]:
    """(query, point) index pairs for every point (``x``, ``y``, metres) in the 3 x 3
    cells of side ``cell_m`` round each query point (:meth:`CellIndex.pairs`)."""
    return CellIndex(x, y, cell_m).pairs(query_x, query_y)


def _cell(coordinate: np.ndarray, cell_m: float) -> np.ndarray:
    return np.floor(coordinate / cell_m).astype(np.int64)
