"""The route to the objective: along the roads (one-way streets as traffic drives them),
in the view, and worked out at a low rate."""

import numpy as np

from game.ai.routes import RoutePlanner
from game.session.drive import DriveSession
from game.session.guide import ROUTE_EVERY_S, RouteGuide
from tests.mission.tiny import tiny_level
from tests.session.shown import Showing


def on_the_ring(points: np.ndarray) -> np.ndarray:
    """Per point: on the tiny level's one-way ring road (x or y at 10 or 150 m)."""
    near = lambda v: (np.abs(v - 10.0) < 0.6) | (np.abs(v - 150.0) < 0.6)  # noqa: E731
    return near(points[:, 0]) | near(points[:, 1])


def test_the_route_follows_the_one_way_ring_the_long_way_round():
    level = tiny_level()
    guide = RouteGuide(RoutePlanner(level.roads), level.terrain)
    # heading east on the top of the clockwise ring, the goal just behind the car: the
    # way there is round the whole ring, not back against the traffic
    route = guide.update(0.0, 60.0, 10.0, 0.0, (20.0, 14.0))
    assert np.allclose(route.points[0], (60.0, 10.0)) and np.allclose(route.points[-1], (20, 14))
    inner = route.points[1:-1]
    assert on_the_ring(inner).all()
    assert inner[:, 0].max() > 149.0 and inner[:, 1].max() > 149.0  # east side, south side
    assert 480.0 < route.length_m < 600.0  # about the ring's 560 m, far more than the 20 m
    corners = [int(np.argmin(np.hypot(*(inner - c).T))) for c in
               ((150, 10), (150, 150), (10, 150), (10, 10))]
    assert corners == sorted(corners)  # clockwise: NE, SE, SW, then NW


def test_near_the_waypoint_the_route_is_a_straight_line_and_none_is_empty():
    level = tiny_level()
    guide = RouteGuide(RoutePlanner(level.roads), level.terrain)
    route = guide.update(0.0, 60.0, 10.0, 0.0, (70.0, 20.0))
    assert route.points.shape == (2, 2) and abs(route.length_m - np.hypot(10, 10)) < 1e-9
    assert guide.update(1.0, 60.0, 10.0, 0.0, None).points.shape == (0, 2)


def test_the_session_view_carries_the_route_refreshed_at_a_low_rate():
    level = tiny_level()
    session = DriveSession(level)
    session.player = session.spawn("driver", 60.0, 10.0, 0.0)
    session.rules = Showing(waypoint=(20.0, 14.0))
    session.refresh_view()
    assert session.view.route.shape[0] > 4 and session.view.route_m > 480.0
    refreshes = session.guide.refreshes
    ticks = round(3.0 / session.dt)
    for _ in range(ticks):
        session.tick()
    assert session.guide.refreshes - refreshes <= 3.0 / ROUTE_EVERY_S + 1  # not every tick
    assert np.allclose(session.view.route[0], (session.world.x[0], session.world.y[0]))
    session.rules = Showing(waypoint=(150.0, 100.0))  # a new objective: a new route at once
    session.tick()
    assert np.allclose(session.view.route[-1], (150.0, 100.0))
