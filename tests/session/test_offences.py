"""Offence detection against a hand-made two-way street with a signal at its east end."""

import numpy as np

from game.ai.driving import DrivingStyle
from game.level.model import RoadGraph
from game.session.offences import Driving, LaneIndex, Offence, detect_offences

LIMIT = 50 / 3.6


def RED(edge: int) -> bool:  # noqa: N802 - reads like a constant at the call sites
    return edge == 0


def GREEN(edge: int) -> bool:  # noqa: N802
    return False


def street() -> LaneIndex:
    return LaneIndex(street_graph())


def street_graph() -> RoadGraph:
    """One east-west street: eastbound lane at y = 2, westbound at y = -2, 100 m long."""
    nodes = np.array([[0.0, 2.0], [100.0, 2.0], [100.0, -2.0], [0.0, -2.0]])
    return RoadGraph(
        node_xy=nodes,
        node_intersection=np.array([-1, 0, 0, -1]),
        edge_src=np.array([0, 2]),
        edge_dst=np.array([1, 3]),
        edge_speed_limit=np.array([LIMIT, LIMIT]),
        edge_street=np.array([0, 0]),
        edge_phase=np.array([0, -1]),
        out_start=np.array([0, 0, 0, 1, 1]),
        out_edges=np.array([1]),
        intersection_xy=np.array([[100.0, 0.0]]),
        intersection_signalised=np.array([True]),
        intersection_cycle_s=np.array([40.0]),
        street_names=("Alameda",),
    )


def driving(**changes) -> Driving:
    base = dict(x=50.0, y=2.0, heading=0.0, speed=LIMIT, slip_rear=0.0, lights_on=True)
    return Driving(**{**base, **changes})


def names(now: np.ndarray) -> set[str]:
    return {Offence(i).name for i in np.flatnonzero(now)}


def test_law_abiding_driving_is_no_offence():
    assert names(detect_offences(driving(), street(), RED)) == set()


def test_speeding_against_the_lane_limit():
    assert names(detect_offences(driving(speed=LIMIT * 1.5), street())) == {"SPEEDING"}
    off_road = driving(speed=LIMIT * 1.5, y=40.0)
    assert names(detect_offences(off_road, street())) == set()


def test_wrong_way_in_the_eastbound_lane():
    assert "WRONG_WAY" in names(detect_offences(driving(heading=np.pi), street()))
    westbound = driving(heading=np.pi, y=-2.0)
    assert "WRONG_WAY" not in names(detect_offences(westbound, street()))


def test_red_light_only_at_the_stop_line_when_red():
    at_line = driving(x=98.0)  # the nose over the line (the lane ends at x = 100)
    assert "RED_LIGHT" in names(detect_offences(at_line, street(), RED))
    assert "RED_LIGHT" not in names(detect_offences(at_line, street(), GREEN))
    mid_block = driving(x=50.0)
    assert "RED_LIGHT" not in names(detect_offences(mid_block, street(), RED))


def test_braking_to_the_stop_line_is_not_running_the_red():
    """Drivers stop with the car's centre 3.5 m short of the lane's end; braking to
    there, the car passes 4-5 m from the end still rolling, and that keeps the law."""
    stop_line_m = DrivingStyle().stop_line_m
    for x, speed in ((95.0, 4.5), (96.0, 3.3), (100.0 - stop_line_m, 3.1)):
        stopping = driving(x=x, speed=speed)
        assert "RED_LIGHT" not in names(detect_offences(stopping, street(), RED)), x
    over = driving(x=100.0 - stop_line_m + 1.5, speed=3.5)
    assert "RED_LIGHT" in names(detect_offences(over, street(), RED))


def test_collisions_slides_and_lights():
    found = names(
        detect_offences(
            driving(
                hit_car_impulse=5000.0, hit_property_impulse=4000.0, slip_rear=0.6, lights_on=False
            ),
            street(),
        )
    )
    assert found == {"HIT_CAR", "HIT_PROPERTY", "RECKLESS_SLIDE", "LIGHTS_OFF"}
    assert names(detect_offences(driving(speed=0.0, lights_on=False), street())) == set()
    assert "FLEEING" in names(detect_offences(driving(pursued=True), street()))


def test_lane_index_finds_the_same_lane_as_the_graph():
    from tests.mission.tiny import ring_road

    graph = ring_road()
    index = LaneIndex(graph)
    rng = np.random.default_rng(4)
    points = rng.uniform(0.0, 160.0, size=(300, 2))
    expected, _ = graph.nearest_edge(points[:, 0], points[:, 1])
    for (x, y), edge in zip(points, expected, strict=True):
        found = index.nearest(x, y)
        a, b = graph.node_xy[graph.edge_src[edge]], graph.node_xy[graph.edge_dst[edge]]
        t = np.clip(np.dot([x, y] - a, b - a) / np.dot(b - a, b - a), 0, 1)
        distance = float(np.hypot(*([x, y] - (a + t * (b - a)))))
        if distance <= 8.0:  # the index answers for cars on or beside a road only
            assert found is not None and abs(found[2] - distance) < 1e-9
        else:
            assert found is None or found[2] > 8.0 - 1e-9
