"""A whole frame to draw: a 1280x720 screen on the dummy display and free drive on the
crossroads test map."""

import pygame
import pytest

from game.level import load_level
from game.session.drive import free_drive_session
from tests.render.testmap import write_test_map

FRAME_SIZE = (1280, 720)  #: big enough that the HUD leaves the tested spots clear


@pytest.fixture
def setup(tmp_path):
    """(screen, session): the screen and a free drive session on the test map."""
    pygame.display.init()
    pygame.font.init()
    screen = pygame.display.set_mode(FRAME_SIZE)
    session = free_drive_session(load_level(write_test_map(tmp_path)))
    yield screen, session
    pygame.quit()
