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
#: metres added to a query's ``within_m`` before cells are left out: far more than the
#: rounding of a caller's own distance test, so no cell it would keep a pair from is skipped
CELL_SLACK_M = 0.01


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

    def pairs(
        self, query_x: np.ndarray, query_y: np.ndarray, within_m: np.ndarray | None = None
    ) -> tuple[np.ndarray, np.ndarray]:
        """(query, point) index pairs for every point in the 3 x 3 cells round each query
        point; by query, then by cell column and row, then by point index.

        Keys run along a column of cells, so a query's cells in one column are one run of
        the sorted keys: three searches per query. With ``within_m`` (metres, one per
        query) only the cells of those nine that come within that distance of the query
        on both axes are read: a caller that drops every pair farther than that gets the
        same pairs, in the same order, from fewer (a reach well under the cell's side
        touches four cells of the nine, or fewer)."""
        cell_m = self.cell_m
        column = _cell(query_x, cell_m)
        row = _cell(query_y, cell_m)
        columns = column[:, None] + np.arange(-1, 2)[None, :]  # (queries, 3)
        if within_m is None:
            first_row, last_row = row - 1, row + 1
            read = None
        else:
            # floor is monotonic, so a cell past these bounds lies wholly beyond within_m
            reach = within_m + CELL_SLACK_M
            first_row = np.maximum(row - 1, _cell(query_y - reach, cell_m))
            last_row = np.minimum(row + 1, _cell(query_y + reach, cell_m))
            read = (columns >= _cell(query_x - reach, cell_m)[:, None]) & (
                columns <= _cell(query_x + reach, cell_m)[:, None]
            )
        column_key = columns * _KEY_SPAN + _KEY_SPAN // 2
        lo = self._sorted_keys.searchsorted((column_key + first_row[:, None]).ravel(), "left")
        hi = self._sorted_keys.searchsorted((column_key + last_row[:, None]).ravel(), "right")
        counts = hi - lo
        if read is not None:
            counts *= read.ravel()
        total = int(counts.sum())
        queries = np.repeat(np.arange(counts.size) // 3, counts)
        first = np.repeat(lo - (np.cumsum(counts) - counts), counts)
        return queries, self._order[first + np.arange(total)]


def cell_pairs(
    x: np.ndarray,
    y: np.ndarray,
    query_x: np.ndarray,
    query_y: np.ndarray,
    cell_m: float,
    within_m: np.ndarray | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """(query, point) index pairs for every point (``x``, ``y``, metres) in the 3 x 3
    cells of side ``cell_m`` round each query point (:meth:`CellIndex.pairs`, which
    says what ``within_m`` leaves out)."""
    return CellIndex(x, y, cell_m).pairs(query_x, query_y, within_m)


def _cell(coordinate: np.ndarray, cell_m: float) -> np.ndarray:
    return np.floor(coordinate / cell_m).astype(np.int64)
