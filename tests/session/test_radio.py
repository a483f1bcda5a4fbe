"""The radio's words: where on the map a point is, how a car is described, call signs."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from game.level import load_level
from game.session.radio import (
    OFF_STREET_CELLS,
    call_sign,
    compass,
    describe_car,
    nearest_street,
    place_words,
)

DOWNTOWN = Path(__file__).resolve().parents[2] / "levels" / "maps" / "downtown.tmx"


@pytest.fixture(scope="module")
def downtown():
    return load_level(DOWNTOWN)


def _cell_centre(level, row: int, col: int) -> tuple[float, float]:
    size = level.terrain.cell_size
    return (col + 0.5) * size, (row + 0.5) * size


def _distance_to_streets(level) -> np.ndarray:
    """Cells from each cell to the nearest street cell, counting diagonal steps as one
    (the square neighbourhood nearest_street searches), capped past OFF_STREET_CELLS."""
    cap = OFF_STREET_CELLS + 1
    distance = np.where(level.street_grid >= 0, 0, cap)
    for _ in range(cap):
        padded = np.pad(distance, 1, constant_values=cap)
        rows, cols = distance.shape
        neighbours = [padded[1 + dr:1 + dr + rows, 1 + dc:1 + dc + cols]
                      for dr in (-1, 0, 1) for dc in (-1, 0, 1)]
        distance = np.minimum(distance, np.min(neighbours, axis=0) + 1)
    return distance


def test_a_crossing_is_named_by_both_streets(downtown):
    roads = downtown.roads
    words = {place_words(downtown, float(x), float(y)) for x, y in roads.intersection_xy}
    at_crossings = [w for w in words if " at " in w]
    assert at_crossings, words
    for w in at_crossings:
        street, other = w.removeprefix("on ").split(" at ")
        assert street != other
        assert street in {s.name for s in downtown.streets}


def test_a_point_beside_a_street_is_just_off_it(downtown):
    distance = _distance_to_streets(downtown)
    rows, cols = np.nonzero(distance == 2)  # an alley or a lot two cells from a street
    assert rows.size
    for row, col in list(zip(rows, cols, strict=True))[:: max(rows.size // 20, 1)]:
        x, y = _cell_centre(downtown, int(row), int(col))
        near = nearest_street(downtown, x, y)
        assert near is not None
        assert place_words(downtown, x, y) == f"just off {near}"
        window = downtown.street_grid[row - 2:row + 3, col - 2:col + 3]
        assert near in {downtown.streets[i].name for i in window[window >= 0]}


def test_far_from_every_street_it_says_so(downtown):
    distance = _distance_to_streets(downtown)
    rows, cols = np.nonzero(distance > OFF_STREET_CELLS)
    assert rows.size  # downtown has blocks and yards far from any street
    for row, col in list(zip(rows, cols, strict=True))[:: max(rows.size // 20, 1)]:
        x, y = _cell_centre(downtown, int(row), int(col))
        assert place_words(downtown, x, y) == "away from the streets"
    assert place_words(downtown, -1000.0, -1000.0) == "away from the streets"  # off the map


def test_car_words_and_call_signs():
    assert describe_car("driver") == "a grey 1973 coupe, quick and plain"
    assert describe_car("driver", colour="red") == "a red 1973 coupe, quick and plain"
    assert describe_car("unmarked") == "a dark unmarked sedan"
    assert compass(0.0) == "east" and compass(np.pi / 2) == "south"
    signs = {call_sign(unit) for unit in range(40)}
    assert len(signs) == 40  # no two units of a fleet share a call sign
