"""Every map in levels/maps loads, passes the checker, and keeps the promises missions use."""

from __future__ import annotations

from xml.etree import ElementTree

import numpy as np
import pytest

from game.level.connectivity import strong_components
from game.level.required import REQUIRED
from game.level.schema import MAX_EDGE_M
from game.level.validate import check_map
from tests.level.conftest import MAPS_DIR, SHIPPED_MAPS


def test_every_required_map_is_shipped():
    shipped = {path.stem for path in SHIPPED_MAPS}
    assert set(REQUIRED) <= shipped, f"missing maps: {sorted(set(REQUIRED) - shipped)}"


@pytest.mark.parametrize("path", SHIPPED_MAPS, ids=lambda p: p.stem)
def test_shipped_map_passes_the_checker(path):
    assert [str(p) for p in check_map(path)] == []


@pytest.mark.parametrize("path", SHIPPED_MAPS, ids=lambda p: p.stem)
def test_shipped_map_grids_and_names(path, shipped_level):
    level = shipped_level(path)
    root = ElementTree.parse(path).getroot()
    shape = (int(root.get("height")), int(root.get("width")))
    assert level.terrain.shape == shape and level.shadow.shape == shape
    assert level.terrain.solid.any() and not level.terrain.solid.all()
    needs = REQUIRED.get(path.stem)
    if needs is not None:
        assert {need.name for need in needs.zones} <= level.zones.keys()
        assert {need.name for need in needs.spawns} <= level.spawns.keys()
    xs = np.array([s.x for s in level.spawns.values() if s.kind != "helicopter"])
    ys = np.array([s.y for s in level.spawns.values() if s.kind != "helicopter"])
    assert not level.terrain.is_solid(xs, ys).any()


@pytest.mark.parametrize("path", SHIPPED_MAPS, ids=lambda p: p.stem)
def test_shipped_road_graph(path, shipped_level):
    graph = shipped_level(path).roads
    if len(graph.edge_src) == 0:
        assert path.stem not in ("downtown", "pch", "speedway"), "this map needs roads"
        return
    labels = strong_components(graph)
    assert (labels == labels[0]).all()
    assert (graph.edge_length <= MAX_EDGE_M + 1e-6).all()
    assert (graph.edge_speed_limit > 0).all()
    phased = graph.edge_phase >= 0
    entered = graph.node_intersection[graph.edge_dst[phased]]
    assert (entered >= 0).all() and graph.intersection_signalised[entered].all()


def test_downtown_is_a_signalised_city(shipped_level):
    path = MAPS_DIR / "downtown.tmx"
    assert path.exists()
    level = shipped_level(path)
    assert level.cols >= 256 and level.rows >= 256
    assert len(level.roads.intersection_xy) >= 20
    assert level.roads.intersection_signalised.sum() >= 5
    assert len(level.roads.street_names) >= 8
    traffic = [s for s in level.spawns.values() if s.kind == "traffic"]
    assert len(traffic) >= 40


def test_the_110_underpass_hides_a_car_beneath_the_deck_and_not_up_on_the_freeway(
    shipped_level,
):
    # the map is top down: the freeway deck and 5th St beneath it share cells, so the dark
    # place is beside the carriageways (and the yard west of them), never on them
    level = shipped_level(MAPS_DIR / "downtown.tmx")
    cell = level.terrain.cell_size
    zone = level.zones["overpass_shadow"].polygon
    (_, y0), (x1, y1) = zone.min(axis=0), zone.max(axis=0)
    rows = np.arange(int(y0 // cell) - 4, int(y1 // cell) + 4)
    cols = np.arange(0, int(x1 // cell) + 4)
    rr, cc = np.meshgrid(rows, cols, indexing="ij")
    freeway = [i for i, s in enumerate(level.streets) if s.name.startswith("Harbor Fwy")]
    on_freeway = np.isin(level.street_grid[rr, cc], freeway)
    assert on_freeway.sum() >= 20  # both carriageways cross these rows
    assert not level.shadow[rr[on_freeway], cc[on_freeway]].any()
    cx, cy = level.zones["overpass_shadow"].polygon.mean(axis=0)
    assert level.in_shadow(np.array([cx]), np.array([cy]))[0]  # under the deck's east side
    assert level.in_shadow(np.array([2.5 * cell]), np.array([cy]))[0]  # the yard, west
