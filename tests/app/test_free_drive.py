"""Free drive end to end: scripted keys through the app drive the same game as the same
control rows headless, and the frames it draws show the city."""

import numpy as np
import pygame

from game.app.drive_scene import DriveScene, open_free_drive
from game.app.pause_scene import PauseScene
from game.level import load_level
from game.mission.replays import free_drive_source, session_for
from game.session.drive import DriveSession
from game.session.replay import Recorder, replay
from game.session.view import RulesView
from game.sim.controls import N_DRIVE, STEER, THROTTLE
from tests.app.conftest import key_event

FRAME_S = 1 / 60

#: (time s, key, pressed): throttle from the start, a left turn in the middle
SCRIPT = [(0.0, pygame.K_UP, True), (4.0, pygame.K_LEFT, True), (5.5, pygame.K_LEFT, False),
          (8.0, pygame.K_UP, False), (8.0, pygame.K_DOWN, True)]


def drive(app, seconds: float) -> list[float]:
    """Run frames for ``seconds`` with SCRIPT's keys; returns the steering the car's wheels
    were given each frame (after its aids)."""
    scene = app.scenes[-1]
    applied = []
    frames = round(seconds / FRAME_S)
    for frame in range(frames):
        now = frame * FRAME_S
        events = [key_event(k, down) for t, k, down in SCRIPT if abs(t - now) < FRAME_S / 2]
        app.step_frame(events, FRAME_S)
        applied.append(float(scene.session.world.controls[scene.session.player, STEER]))
    return applied


def test_ten_seconds_of_keys_drive_the_same_game_as_their_rows_headless(app, test_map):
    assert open_free_drive(app, test_map)
    scene = app.scenes[-1]
    assert isinstance(scene, DriveScene)
    session = scene.session
    recorder = Recorder(free_drive_source(session, "player_start"))
    session.recorder = recorder
    start = (float(session.world.x[session.player]), float(session.world.y[session.player]))
    steer = drive(app, 10.0)

    used = recorder.recording().controls
    assert len(used) == 600  # one fixed step per 1/60 s frame
    assert used[0][THROTTLE] == 1.0 and used[int(4.5 * 60)][STEER] == -1.0  # the key: full
    assert -1.0 < steer[int(4.5 * 60)] < -0.3  # ...which the car's steering assist eases
    assert used[int(9 * 60)][THROTTLE] == 0.0

    headless, _ = session_for(recorder.recording())
    verdict = replay(headless, recorder.recording())
    world = session.world
    assert verdict.matches and world.tick == headless.world.tick == 600
    assert session.state_hash() == headless.state_hash()
    travelled = np.hypot(world.x[session.player] - start[0], world.y[session.player] - start[1])
    assert travelled > 40.0


def test_a_frame_shows_the_map_cars_and_hud(app, test_map):
    open_free_drive(app, test_map)
    drive(app, 1.0)
    pixels = pygame.surfarray.array3d(app.screen)
    colours = np.unique(pixels.reshape(-1, 3), axis=0)
    assert len(colours) > 200  # map tiles, lights, sprites, neon text: not a blank frame
    height = pixels.shape[1]
    centre = pixels[270:370, height // 2 - 50 : height // 2 + 50]
    assert centre.std() > 5  # the player's car and its headlights are in the middle


def test_escape_pauses_and_restart_starts_over(app, test_map):
    open_free_drive(app, test_map)
    drive(app, 1.0)
    drive_scene = app.scenes[-1]
    app.step_frame([key_event(pygame.K_ESCAPE)], FRAME_S)
    assert isinstance(app.scenes[-1], PauseScene)
    old_session = drive_scene.session
    tick = old_session.world.tick
    app.step_frame([], FRAME_S)
    assert old_session.world.tick == tick  # paused: the world does not move
    app.step_frame([key_event(pygame.K_DOWN)], FRAME_S)  # Restart
    app.step_frame([key_event(pygame.K_RETURN)], FRAME_S)
    assert app.scenes[-1] is drive_scene
    assert drive_scene.session is not old_session
    assert drive_scene.session.world.tick <= 1  # back at the start (this frame may step once)


def test_pulling_out_the_pad_pauses_with_a_message(app, test_map):
    open_free_drive(app, test_map)
    axis = pygame.event.Event(pygame.CONTROLLERAXISMOTION, instance_id=5,
                              axis=pygame.CONTROLLER_AXIS_TRIGGERRIGHT, value=32767)
    app.step_frame([axis], FRAME_S)
    removed = pygame.event.Event(pygame.CONTROLLERDEVICEREMOVED, instance_id=5)
    app.step_frame([removed], FRAME_S)
    pause = app.scenes[-1]
    assert isinstance(pause, PauseScene) and "Controller disconnected" in pause.note
    assert not app.input.control_row()[:N_DRIVE].any()  # nothing held: pedals and wheel rest


def test_a_bad_map_gives_one_message_and_no_scene(app, tmp_path):
    broken = tmp_path / "broken.tmx"
    broken.write_text("<map><oops")
    assert not open_free_drive(app, broken)
    assert "broken.tmx" in app.notice and "\n" not in app.notice
    assert app.scenes == []


def test_losing_window_focus_pauses(app, test_map):
    open_free_drive(app, test_map)
    app.step_frame([pygame.event.Event(pygame.WINDOWFOCUSLOST)], FRAME_S)
    assert isinstance(app.scenes[-1], PauseScene)


def test_missing_tile_images_return_to_the_title_with_one_message(app, test_map):
    from game.app.title_scene import TitleScene

    app.push(TitleScene())
    (test_map.parent / "tiles.png").unlink()  # check reports it, so the loader refuses it
    assert not open_free_drive(app, test_map)
    app.step_frame([], FRAME_S)
    assert isinstance(app.scenes[-1], TitleScene)
    assert "tiles.png" in app.notice and "\n" not in app.notice


class FinishAt30:
    """Rules that end the drive at tick 30."""

    def update(self, session, report):
        return None

    def view(self, session):
        return RulesView(clock_text="", finished=session.world.tick >= 30)

    def state(self):
        return ()


def test_scene_ends_the_drive_once_when_the_rules_finish(app, test_map):
    level = load_level(test_map)
    ended = []
    scene = DriveScene(lambda: _with_rules(level), on_end=lambda a, s: ended.append(s))
    app.push(scene)
    for _ in range(40):
        app.step_frame([], 1 / 60)
    assert ended == [scene.session]


def _with_rules(level):
    session = DriveSession(level, rules=FinishAt30())
    session.spawn_player()
    return session


def test_busted_in_free_drive_shows_why_and_drives_again(app, test_map):
    from game.app.busted_scene import BustedScene
    from game.session.events import Busted

    assert open_free_drive(app, test_map)
    scene = app.scenes[-1]
    app.step_frame([], FRAME_S)
    old = scene.session
    old.law.busted = Busted("busted: stopped for 3 s on Main Street with a unit against you",
                            old.world.time)  # the law's verdict, as it gives it
    app.step_frame([], FRAME_S)
    screen = app.scenes[-1]
    assert isinstance(screen, BustedScene) and "Main Street" in screen.lines()[0]
    screen.items[0].select()  # Drive again
    assert app.scenes[-1] is scene and scene.session is not old and not scene.ended


def test_each_radio_line_keys_its_squelch_when_the_hud_shows_it(app, test_map, monkeypatch):
    """Two lines said on one tick go up one after another; the squelch plays with each
    (not both at once when they were said, while the second waits)."""
    from tests.session.test_radio_board import TwoLinesAtOnce

    assert app.audio.enabled  # SDL's dummy audio driver: the mixer runs, silently
    level = load_level(test_map)

    def session():
        drive = DriveSession(level, rules=TwoLinesAtOnce())
        drive.spawn_player()
        return drive

    scene = DriveScene(session)
    app.push(scene)
    keyed = []
    update = app.audio.update

    def listen(**sound):
        if sound["radio"]:
            keyed.append(scene.session.view.radio)
        update(**sound)

    monkeypatch.setattr(app.audio, "update", listen)
    for _ in range(round(4.0 / FRAME_S)):
        app.step_frame([], FRAME_S)
    assert keyed == list(TwoLinesAtOnce.TEXTS)
