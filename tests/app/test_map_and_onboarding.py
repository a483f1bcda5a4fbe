"""The map screen (M, the pad's Back) with the objective; the first drive's controls card
from the current bindings; the job's autopilot hint; the briefing's small map."""

import numpy as np
import pygame
import pytest

from game.app.drive_scene import DriveScene, controls_card
from game.app.job_scene import BriefingScene, JobOptions, JobScene, job_places, open_briefing
from game.app.map_scene import MapScene
from game.render import palette
from game.session.drive import free_drive_session
from tests.session.shown import Showing

from .conftest import key_event

FRAME_S = 1 / 60


@pytest.fixture
def drive(app, test_map):
    from game.level import load_level

    level = load_level(test_map)
    scene = DriveScene(lambda: free_drive_session(level))
    app.push(scene)
    app.step_frame([], FRAME_S)
    return scene


def on_screen(app) -> set[str]:
    """Every string drawn (the scenes' text and the top drive's renderer's HUD text)."""
    drawn = set(app.text.rendered_texts())
    for scene in app.scenes:
        for drive in (scene, getattr(scene, "drive", None)):
            renderer = getattr(drive, "renderer", None)
            if renderer is not None:
                drawn |= renderer.text.rendered_texts()
    return drawn


def clear_text(app) -> None:
    app.text.rendered.clear()
    for scene in app.scenes:
        for drive in (scene, getattr(scene, "drive", None)):
            if getattr(drive, "renderer", None) is not None:
                drive.renderer.text.rendered.clear()


def amber_count(screen) -> int:
    pixels = pygame.surfarray.array3d(screen).astype(int)
    return int((np.abs(pixels - np.array(palette.AMBER)).sum(axis=2) < 30).sum())


def test_m_opens_the_map_with_the_objective_and_m_closes_it(app, drive):
    session = drive.session
    x, y = float(session.world.x[session.player]), float(session.world.y[session.player])
    session.rules = Showing(objective="Go there.", waypoint=(x + 60.0, y),
                            waypoint_label="The corner")
    session.refresh_view()
    app.step_frame([key_event(pygame.K_m)], FRAME_S)
    assert isinstance(app.scenes[-1], MapScene)
    tick = session.world.tick
    for _ in range(10):
        app.step_frame([], FRAME_S)
    assert session.world.tick == tick  # the drive waits under the map
    assert "Go there.  >  The corner" in on_screen(app)
    assert amber_count(app.screen) > 80  # the objective's diamond (and no HUD under it)
    app.step_frame([key_event(pygame.K_m)], FRAME_S)
    assert app.scenes[-1] is drive
    app.step_frame([pygame.event.Event(pygame.CONTROLLERBUTTONDOWN, instance_id=1,
                                       button=pygame.CONTROLLER_BUTTON_BACK)], FRAME_S)
    assert isinstance(app.scenes[-1], MapScene)  # the pad's Back opens it too
    app.step_frame([key_event(pygame.K_ESCAPE)], FRAME_S)
    assert app.scenes[-1] is drive


def test_the_first_drive_shows_every_control_from_the_current_bindings(app, drive):
    lines = controls_card(app.settings)
    for expected in ("Throttle: Up / W / pad RT", "Handbrake (slide the corner): Space / pad A",
                     "Steer: Left / A left, Right / D right / pad left stick", "Map: M / pad Back",
                     "Autopilot, in a job: Tab / pad X", "Pause: Escape / pad Start"):
        assert expected in lines
    drawn = on_screen(app)
    assert "CONTROLS" in drawn and all(line in drawn for line in lines)  # on the screen now
    app.settings.bindings["throttle"] = ["i"]
    assert controls_card(app.settings)[0] == "Throttle: I / pad RT"
    for _ in range(round(10.0 / FRAME_S / 30)):
        app.step_frame([], 30 * FRAME_S)
    clear_text(app)
    app.step_frame([], FRAME_S)
    assert controls_card(app.settings)[0] not in on_screen(app)  # a few seconds
    second = DriveScene(drive.session_factory)
    app.push(second)
    app.step_frame([], FRAME_S)
    clear_text(app)
    app.step_frame([], FRAME_S)
    assert "CONTROLS" not in on_screen(app)  # the first drive only


def test_a_job_says_tab_hands_the_wheel_to_the_autopilot(app):
    open_briefing(app, "five_minutes", JobOptions(seed=1))
    briefing = app.scenes[-1]
    assert isinstance(briefing, BriefingScene)
    app.step_frame([], FRAME_S)
    assert "In the job, Tab / pad X hands the wheel to the autopilot and back" in \
        on_screen(app)
    app.step_frame([key_event(pygame.K_RETURN)], FRAME_S)
    job = app.scenes[-1]
    assert isinstance(job, JobScene)
    app.step_frame([], FRAME_S)
    assert "Tab / pad X: the autopilot takes the wheel" in on_screen(app)
    app.step_frame([key_event(pygame.K_TAB)], FRAME_S)
    assert job.autopilot_on
    assert "AUTOPILOT DRIVES   Tab / pad X: take the wheel" in on_screen(app)


def test_the_briefing_shows_the_job_s_places_on_a_small_map(app):
    open_briefing(app, "five_minutes", JobOptions(seed=1))
    briefing = app.scenes[-1]
    app.step_frame([], FRAME_S)
    assert job_places(briefing.mission) == ("crew_pickup", "warehouse", "arena_crowd")
    drawn = on_screen(app)
    for zone in job_places(briefing.mission):
        assert briefing.level.zones[zone].label in drawn  # by its display name
    assert "The Driver's apartment" not in drawn  # only the job's places
    assert briefing.city is not None and briefing.city.rect.colliderect(app.screen.get_rect())
