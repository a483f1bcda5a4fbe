"""The job in the app on the dummy display: Jobs menu, briefing, the drive, the results."""

import pygame

from game.app.job_scene import BriefingScene, JobOptions, JobScene, open_briefing, open_jobs
from game.app.results_scene import ResultsScene
from game.session.view import hud_lines

FRAME_S = 1 / 60


def key(app, k: int) -> None:
    app.step_frame([pygame.event.Event(pygame.KEYDOWN, key=k, mod=0)], FRAME_S)


def test_jobs_menu_lists_five_minutes_and_opens_its_briefing(app):
    open_jobs(app)
    menu = app.scenes[-1]
    assert [item.text() for item in menu.items] == ["Five Minutes", "Back"]
    menu.items[0].select()
    assert isinstance(app.scenes[-1], BriefingScene)
    app.step_frame([], FRAME_S)
    pixels = pygame.surfarray.array3d(app.screen).reshape(-1, 3)
    assert len({tuple(p) for p in pixels[::97]}) > 5  # text on the night backdrop


def test_the_job_drives_shows_its_hud_and_hands_over_to_the_results(app):
    open_briefing(app, "five_minutes", JobOptions(seed=2, autopilot=True))
    key(app, pygame.K_RETURN)
    scene = app.scenes[-1]
    assert isinstance(scene, JobScene)
    session = scene.drive.session
    start = (float(session.world.x[session.player]), float(session.world.y[session.player]))
    for _ in range(180):
        app.step_frame([], FRAME_S)
    moved = abs(session.world.x[session.player] - start[0]) + abs(
        session.world.y[session.player] - start[1]
    )
    assert moved > 5.0  # the autopilot drove the player's car through its control row
    lines = hud_lines(session.view)
    assert lines[0] == "Pick up the crew at the corner."  # no zone ids on the HUD
    assert lines[1].startswith("> Broadway & 3rd ") and lines[1].endswith(" m")  # its label
    assert "WAREHOUSE, 5TH & ALAMEDA AT 02:00" in lines[2]
    assert session.view.rules.clock_text == "01:49:12"  # 3 s at four clock seconds a second
    assert session.view.rules.waypoint is not None  # the pickup, marked on the minimap
    key(app, pygame.K_TAB)  # the wheel back to the player
    assert not scene.autopilot_on
    scene.runtime.end("failed", "test: called off")
    for _ in range(round(3.0 / FRAME_S)):
        app.step_frame([], FRAME_S)
    results = app.scenes[-1]
    assert isinstance(results, ResultsScene)
    texts = [text for text, _ in results.lines()]
    assert texts[0] == "Test: called off." and "Payout $0" in texts and "Rule kept" in texts


def test_a_mission_that_does_not_parse_is_listed_as_broken_with_its_first_problem(
        app, tmp_path):
    from pathlib import Path

    shipped = Path(__file__).resolve().parents[2] / "levels" / "missions" / "five_minutes.toml"
    (tmp_path / "five_minutes.toml").write_text(shipped.read_text(encoding="utf-8"))
    (tmp_path / "bank_job.toml").write_text('title = "Bank job"\nmap = "downtown\n')
    open_jobs(app, tmp_path)
    menu = app.scenes[-1]
    assert [item.text() for item in menu.items] == ["Five Minutes", "bank_job (broken)", "Back"]
    menu.items[1].select()
    assert app.scenes[-1] is menu  # nothing opens; the notice says why
    assert app.notice.startswith(f"{tmp_path / 'bank_job.toml'}: TOML syntax error")
