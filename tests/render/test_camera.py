"""Camera math: look-ahead, zoom with speed, the metre <-> pixel mapping."""

import numpy as np
import pytest

from game.render.camera import (
    PX_PER_M,
    ZOOM_FAR,
    ZOOM_LEVELS,
    ZOOM_NEAR,
    Camera,
    target_zoom,
    zoom_level_for,
)


def settle(camera, x, y, vx, vy, seconds=10.0):
    for _ in range(int(seconds * 60)):
        camera.follow(x, y, vx, vy, 1 / 60)


def test_standing_still_centres_on_the_car_at_near_zoom():
    camera = Camera((1280, 720))
    settle(camera, 100.0, 50.0, 0.0, 0.0)
    assert camera.x == pytest.approx(100.0) and camera.y == pytest.approx(50.0)
    assert camera.zoom == pytest.approx(ZOOM_NEAR)
    view = camera.view()
    px, py = view.to_px(100.0, 50.0)
    assert abs(px - 640) <= 1 and abs(py - 360) <= 1


def test_moving_fast_looks_ahead_along_velocity_and_zooms_out():
    camera = Camera((1280, 720))
    settle(camera, 0.0, 0.0, 0.0, 30.0)  # 30 m/s south
    assert camera.y > 15.0 and abs(camera.x) < 1e-6
    assert ZOOM_FAR < camera.zoom < ZOOM_NEAR
    view = camera.view()
    width_m = (view.right_m - view.left_m) * zoom_level_for(camera.zoom) / camera.zoom
    assert width_m > 1280 / PX_PER_M  # more of the city in view


def test_zoom_eases_monotonically_with_speed():
    speeds = np.linspace(0, 80, 50)
    zooms = [target_zoom(s) for s in speeds]
    assert all(a >= b for a, b in zip(zooms, zooms[1:], strict=False))
    assert zooms[0] == ZOOM_NEAR and zooms[-1] == pytest.approx(ZOOM_FAR)


def test_view_is_the_screen_stretched_from_the_drawing_level():
    camera = Camera((1280, 720))
    camera.zoom = 0.8
    level = zoom_level_for(0.8)
    assert level in ZOOM_LEVELS and level <= 0.8
    view = camera.view()
    assert view.width_px == pytest.approx(1280 * level / 0.8, abs=1)
    x, y = view.to_m(*view.to_px(12.5, -7.25))
    assert (x, y) == pytest.approx((12.5, -7.25))
    assert (view.left_m * view.px_per_m) == pytest.approx(round(view.left_m * view.px_per_m))
