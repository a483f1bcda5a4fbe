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
