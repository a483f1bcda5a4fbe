"""The objective off screen gets an arrow at the screen's edge pointing at it; on screen, a
marker over it."""

import math

import numpy as np
import pygame
import pytest

from game.render import palette
from game.render.pointer import EDGE_MARGIN_PX, edge_arrow
from game.render.renderer import Renderer
from tests.session.shown import Showing

SIZE = (1280, 720)
#: where the speedometer and the minimap sit at 1280x720 (left, top, right, bottom)
CORNERS = ((18, 516, 222, 704), (1046, 486, 1266, 706))


def test_an_objective_on_screen_is_marked_where_it_is():
    pointer = edge_arrow(SIZE, (300.0, 200.0))
    assert pointer.on_screen and (pointer.x, pointer.y) == (300.0, 200.0)


def test_an_objective_under_the_minimap_gets_an_arrow_outside_it():
    under = (1150.0, 600.0)  # on screen, but where the minimap is drawn
    pointer = edge_arrow(SIZE, under, keep_out=CORNERS)
    left, top, right, bottom = CORNERS[1]
    assert not pointer.on_screen
    assert not (left - 22 < pointer.x < right + 22 and top - 22 < pointer.y < bottom + 22)
    assert math.isclose(pointer.angle, math.atan2(under[1] - 360, under[0] - 640))


@pytest.mark.parametrize("target, at", [
    ((5000.0, 360.0), (SIZE[0] - EDGE_MARGIN_PX, 360.0)),  # due east: the right edge, centred
    ((640.0, -9000.0), (640.0, EDGE_MARGIN_PX)),  # due north: the top edge
    ((-1e9, 360.0), (EDGE_MARGIN_PX, 360.0)),  # as far as can be, still on the edge
    ((640.0, SIZE[1] + 5.0), (640.0, SIZE[1] - EDGE_MARGIN_PX)),  # just below the screen
])
def test_an_objective_off_screen_gets_an_arrow_on_the_edge_toward_it(target, at):
    pointer = edge_arrow(SIZE, target)
    assert not pointer.on_screen
    assert math.isclose(pointer.x, at[0], abs_tol=1e-6) and math.isclose(pointer.y, at[1],
                                                                          abs_tol=1e-6)
    dx, dy = target[0] - SIZE[0] / 2, target[1] - SIZE[1] / 2
    assert math.isclose(pointer.angle, math.atan2(dy, dx))


@pytest.mark.parametrize("target", [(4000.0, 4000.0), (-4000.0, 4000.0), (2000.0, 900.0),
                                    (-700.0, 800.0)])
def test_a_diagonal_arrow_stays_on_the_line_to_the_objective_and_out_of_the_corners(target):
    pointer = edge_arrow(SIZE, target, keep_out=CORNERS)
    assert not pointer.on_screen
    assert EDGE_MARGIN_PX - 1e-6 <= pointer.x <= SIZE[0] - EDGE_MARGIN_PX + 1e-6
    assert EDGE_MARGIN_PX - 1e-6 <= pointer.y <= SIZE[1] - EDGE_MARGIN_PX + 1e-6
    for left, top, right, bottom in CORNERS:  # the arrow (22 px) clear of the HUD's dials
        assert not (left - 22 < pointer.x < right + 22 and top - 22 < pointer.y < bottom + 22)
    (ax, ay), (bx, by) = (pointer.x - 640, pointer.y - 360), (target[0] - 640, target[1] - 360)
    assert abs(ax * by - ay * bx) < 1e-6 * math.hypot(ax, ay) * math.hypot(bx, by)  # parallel


def test_the_frame_draws_the_arrow_at_the_edge_toward_a_far_objective(setup):
    screen, session = setup
    renderer = Renderer(session, SIZE)
    y = float(session.world.y[session.player])

    def amber_at_right_edge() -> int:
        renderer.draw(screen, session, 1.0, [])
        pixels = pygame.surfarray.array3d(screen)[SIZE[0] - 80 : SIZE[0] - 20, 250:470]
        return int((np.abs(pixels.astype(int) - palette.AMBER).sum(axis=2) < 30).sum())

    assert amber_at_right_edge() == 0
    session.rules = Showing(waypoint=(float(session.world.x[session.player]) + 3000.0, y))
    session.refresh_view()
    assert amber_at_right_edge() > 60
