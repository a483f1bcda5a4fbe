"""The crew is drawn in the street where the view puts them, walking with a stride."""

import numpy as np
import pygame

from game.render.camera import View
from game.render.people import SHIRTS, draw_person
from game.render.renderer import Renderer
from game.session.view import CrewView
from tests.render.conftest import FRAME_SIZE as SIZE
from tests.session.shown import Showing


def test_a_walking_person_moves_their_feet():
    view = View(0.0, 0.0, 16.0, 64, 64)
    frames = []
    for time_s in (0.0, 0.14):
        surface = pygame.Surface((64, 64))
        draw_person(surface, view, 2.0, 2.0, 0.0, time_s, True, SHIRTS[0])
        frames.append(pygame.surfarray.array3d(surface))
    assert (frames[0] != frames[1]).any()
    assert (frames[0][:, :, 0] > 200).sum() > 10  # the white shirt across the shoulders


def test_the_crew_on_foot_is_drawn_in_the_street(setup):
    screen, session = setup
    renderer = Renderer(session, SIZE)
    player = session.player
    spot = (float(session.world.x[player]) - 12.0, float(session.world.y[player]) - 6.0)
    frames = []
    for crew in ((CrewView("Irish", "aboard"),), (CrewView("Irish", "out", spot),)):
        session.rules = Showing(clock_text="01:59", crew=crew)
        session.refresh_view()
        renderer.draw(screen, session, 1.0, [])
        frames.append(pygame.surfarray.array3d(screen).astype(int))
    view = renderer.camera.view(renderer.level)
    sx, sy = (int(v * SIZE[0] / view.width_px) for v in view.to_px(*spot))
    changed = np.abs(frames[1] - frames[0]).sum(axis=2) > 30
    there = changed[sx - 16 : sx + 16, sy - 16 : sy + 16].sum()
    assert there > 6  # someone is standing there...
    assert changed.sum() - there < 50  # ...and nowhere else (but a dot on the minimap)
