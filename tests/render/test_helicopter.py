"""The helicopter is drawn translucent: what is under it shows through."""

import numpy as np
import pygame

from game.render.camera import View
from game.render.helicopter import draw_helicopter


def test_the_street_shows_through_the_helicopter():
    surface = pygame.Surface((200, 200))
    surface.fill((250, 250, 250))
    view = View(0.0, 0.0, 8.0, 200, 200)
    draw_helicopter(surface, view, 12.5, 12.5, 0.0, 0.0)
    body = pygame.surfarray.array3d(surface)[100, 100].astype(int)  # the craft's centre
    assert (body < 240).all()  # the craft darkens it...
    assert (body > 60).all()  # ...but the white under it still shows (the body is ~30)
    assert np.ptp(pygame.surfarray.array3d(surface)[:, :20]) == 0  # nothing beyond its reach
