"""Whole frames: the searchlight lights the ground, headlights switch off, the HUD names the
street."""

import numpy as np
import pygame

from game.ai.police import Helicopter
from game.render.renderer import Renderer
from tests.render.conftest import FRAME_SIZE as SIZE
from tests.session.shown import Showing
from tests.session.steady import Steady


def brightness(screen, x, y, r=6):
    pixels = pygame.surfarray.array3d(screen)[x - r : x + r, y - r : y + r]
    return float(pixels.mean())


def test_the_searchlight_lights_the_ground_where_it_points(setup):
    screen, session = setup
    renderer = Renderer(session, SIZE)
    world = session.world
    px, py = float(world.x[session.player]), float(world.y[session.player])
    spot = (px - 20.0, py - 8.0)  # off to the side of the car, on open ground
    renderer.draw(screen, session, 1.0, [])
    view = renderer.camera.view(renderer.level)
    sx, sy = (int(v * SIZE[0] / view.width_px) for v in view.to_px(*spot))
    before = brightness(screen, sx + 8, sy + 8)
    session.police.add_helicopter(Helicopter(*spot, heading=1.0, light_radius_m=12.0))
    session.refresh_view()
    renderer.draw(screen, session, 1.0, [])
    assert brightness(screen, sx + 8, sy + 8) > before + 20


def test_switching_the_lights_off_darkens_the_road_ahead(setup):
    screen, session = setup
    renderer = Renderer(session, SIZE)
    world = session.world
    ahead = (float(world.x[session.player]) + 12.0, float(world.y[session.player]))
    renderer.draw(screen, session, 1.0, [])
    view = renderer.camera.view(renderer.level)
    sx, sy = (int(v * SIZE[0] / view.width_px) for v in view.to_px(*ahead))
    lit = brightness(screen, sx, sy)
    session.player_driver = Steady(lights=0.0)  # standing still, the switch flipped
    session.tick()
    renderer.draw(screen, session, 1.0, [])
    assert brightness(screen, sx, sy) < lit - 5
    assert np.isfinite(lit)


def amber_pixels(screen):
    pixels = pygame.surfarray.array3d(screen)[1046:1266, 486:706].reshape(-1, 3).astype(int)
    return int((np.abs(pixels - np.array([255, 176, 56])).sum(axis=1) < 30).sum())


def test_the_minimap_marks_the_rules_waypoint(setup):
    screen, session = setup
    renderer = Renderer(session, SIZE)
    renderer.draw(screen, session, 1.0, [])
    assert amber_pixels(screen) == 0
    session.rules = Showing(waypoint=(5000.0, 82.0))  # far east: pinned to the minimap's edge
    session.refresh_view()
    renderer.draw(screen, session, 1.0, [])
    assert amber_pixels(screen) > 10


def test_a_zoom_change_prepares_at_most_one_chunk_per_frame(setup):
    screen, session = setup
    renderer = Renderer(session, SIZE)
    renderer.draw(screen, session, 1.0, [])
    rendered = []
    for cache in (renderer.chunks, renderer.lights.static):
        paint = cache.painter

        def counting(*args, paint=paint):
            rendered.append(args)
            return paint(*args)

        cache.painter = counting
    start_level = renderer.level
    session.player_driver = Steady(throttle=1.0)  # flat out: the camera zooms out as it goes
    per_frame = []
    for _ in range(240):
        session.tick()
        rendered.clear()
        renderer.draw(screen, session, 1.0, [])
        per_frame.append(len(rendered))
    assert max(per_frame) <= 1
    assert renderer.level < start_level  # it got there, a piece at a time
