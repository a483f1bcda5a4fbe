"""Menus: the chosen line (bigger, with a glow round it) sits on the same even rows as
the others, so the gaps between lines do not change as the selection moves."""

from types import SimpleNamespace

import numpy as np
import pygame

from game.app.scene import draw_menu
from game.render.text import TextCache


def line_centres(surface: pygame.Surface) -> list[float]:
    """Vertical centres of the bands of bright text on a surface."""
    pixels = pygame.surfarray.array3d(surface).max(axis=2)  # (width, height)
    rows = np.flatnonzero((pixels > 150).any(axis=0))
    bands = np.split(rows, np.flatnonzero(np.diff(rows) > 4) + 1)
    return [float(band.mean()) for band in bands if band.size]


def test_the_chosen_line_keeps_the_even_spacing():
    pygame.font.init()
    app = SimpleNamespace(text=TextCache())
    labels = ["Settings"] * 4  # one word, so every band has the same glyphs
    for selected in range(len(labels)):
        screen = pygame.Surface((640, 480))
        draw_menu(app, screen, None, labels, selected, top=120)
        centres = line_centres(screen)
        assert len(centres) == len(labels)
        gaps = np.diff(centres)
        assert gaps.max() - gaps.min() < 3.0, (selected, centres)
