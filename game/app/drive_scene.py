"""DriveScene: a :class:`~game.session.drive.DriveSession` on screen, driven by the player.

Per frame: real frame time -> :class:`game.sim.FixedStepClock` -> that many session
ticks (the session's one tick function: sense, decide, step, law, rules, view), with the
player's keys and pad as the Driver's driver unless the scene has a ``pilot`` (the
autopilot, a replay); then one render interpolated by the clock's alpha, and the audio
follows the session's typed view. The scene does not know what the rules are: free
drive, jobs and replays all run here.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pygame

from game import resources
from game.ai.driver import Driver
from game.app.scene import Scene
from game.input.settings import Settings, controls_of, key_label
from game.mission.events import Message
from game.render import palette
from game.session.drive import DriveSession, SessionFactory, free_drive_session, free_drive_spawn
from game.sim import FixedStepClock, StepEvents
from game.sim.controls import THROTTLE

MAPS_DIR = resources.shipped_levels() / resources.MAPS  #: the shipped maps
FREE_DRIVE_MAP = resources.shipped_map("downtown")  #: the title's Free Drive
MESSAGE_SECONDS = 4.0  #: how long a notice stays on the HUD (real time)
CONTROLS_SHOW_S = 9.0  #: real seconds the controls card stays up on the first drive


def open_free_drive(app: Any, map_path: Path | None = None, level=None) -> bool:
    """Push free drive on a map (downtown by default, or an already loaded ``level``);
    False with ``app.notice`` set if the map cannot be used."""
    from game.level import load_level
    from game.problems import FileProblem

    try:
        level = level if level is not None else load_level(map_path or FREE_DRIVE_MAP)
    except FileProblem as problem:
        app.notice = str(problem)
        return False
    player = free_drive_spawn(level)
    if player is None:
        app.notice = f"{level.path}: no spawn of kind 'player' to start free drive at"
        return False
    seed = app.seed

    def new_session() -> DriveSession:
        session = free_drive_session(level, seed=seed, player_spawn=player,
                                     difficulty=app.settings.difficulty)
        if app.record_path is not None:
            from game.mission.replays import free_drive_source
            from game.session.replay import Recorder

            session.recorder = Recorder(free_drive_source(session, player))
        return session

    scene = DriveScene(new_session, record_path=app.record_path)

    def busted(app: Any, session: DriveSession) -> None:
        """Free drive ends when the police bust him: the busted screen over the drive."""
        from game.app.busted_scene import BustedScene

        app.push(BustedScene(app, scene, session))

    scene.on_end = busted
    app.push(scene)
    return True


def controls_card(settings: Settings) -> list[str]:
    """Every control of a drive, a line each, from the current bindings (keys, pad
    buttons, and the pad's triggers and stick)."""
    def of(action: str) -> str:
        return controls_of(settings, action, axes=True)

    steer = " / ".join(key_label(k) for k in settings.bindings.get("steer_left", [])) or "-"
    right = " / ".join(key_label(k) for k in settings.bindings.get("steer_right", [])) or "-"
    return [
        f"Throttle: {of('throttle')}",
        f"Brake, and reverse once stopped: {of('brake')}",
        f"Steer: {steer} left, {right} right / pad left stick",
        f"Handbrake (slide the corner): {of('handbrake')}",
        f"Lights on/off (off hides you in shadow): {of('lights')}",
        f"Horn: {of('horn')}",
        f"Change cars (stopped beside a spare): {of('change_car')}",
        f"Map: {of('map')}",
        f"Autopilot, in a job: {of('autopilot')}",
        f"Pause: {of('pause')}",
    ]


def draw_card(screen: pygame.Surface, hud: Any, title: str, lines: list[str],
              **where: tuple[int, int]) -> pygame.Rect:
    """A titled block of lines on one dark backing, placed by a rectangle point
    (``midleft=(16, 360)``)."""
    text = hud.text
    rendered = [text.render(title, 26, palette.NEON_CYAN)] + [
        text.render(line, 22, palette.TEXT) for line in lines]
    width = max(r.get_width() for r in rendered) + 24
    height = sum(r.get_height() + 4 for r in rendered) + 16
    box = pygame.Rect(0, 0, width, height)
    for point, at in where.items():
        setattr(box, point, at)
    screen.blit(hud.backing(box.size), box)
    pygame.draw.rect(screen, palette.NEON_CYAN, box, 1, border_radius=6)
    y = box.top + 8
    for line in rendered:
        screen.blit(line, (box.left + 12, y))
        y += line.get_height() + 4
    return box


class DriveScene(Scene):
    """Runs and shows a session.

    ``on_end(app, session)``, if given, is called once when the rules say the drive is
    over (the view's ``finished``): a job shows its results there. ``pilot``, when
    set, drives the Driver's car instead of the player's keys and pad. With
    ``record_path`` the session's recorder is saved there when the drive ends.
    """

    def __init__(self, session_factory: SessionFactory,
                 on_end: Callable[[Any, DriveSession], None] | None = None,
                 record_path: Path | None = None) -> None:
        self.session_factory = session_factory
        self.on_end = on_end
        self.record_path = record_path
        self.pilot: Driver | None = None  #: drives instead of the keys (autopilot, replay)
        self.session: DriveSession | None = None
        self.tiles = None  #: the map's tile images, kept across restarts (slow to load)
        self.input_started = False  #: the keys have been reset for this drive
        self.city_map = None  #: the full-screen map, once drawn (kept: slow to draw)
        self.card_left = 0.0  #: real seconds the controls card stays up
        self.start()

    def start(self) -> None:
        """(Re)start from a fresh session (the pause menu's Restart)."""
        if self.session is not None:
            self._save_recording()
        self.session = self.session_factory()
        self.clock = FixedStepClock(self.session.dt)
        self.renderer = None
        self.message: str | None = None
        self.message_left = 0.0
        self.ended = False
        self.input_started = False
        self.ears = None  #: the audio's ContactEars (new hits, the scrape), once sound plays
        self.radio_heard = ""  #: the radio line last keyed: a new one on the HUD squelches

    def leave(self, app: Any) -> None:
        self._save_recording()

    def _save_recording(self) -> None:
        """A recorded drive is written when it ends or restarts (one file, the last drive)."""
        recorder = self.session.recorder
        if recorder is not None and self.record_path is not None:
            recorder.recording().save(self.record_path)

    def say(self, message: str) -> None:
        self.message, self.message_left = message, MESSAGE_SECONDS

    def handle_event(self, app: Any, event, actions: list[str]) -> None:
        if event.type == pygame.WINDOWFOCUSLOST:  # alt-tabbed away: stop the clock
            self._pause(app)
            return
        for action in actions:
            if action == "pause":
                self._pause(app)
            elif action == "pad_removed":
                self._pause(app, "Controller disconnected: plug it back in, or resume with keys")
            elif action == "pad_added":
                self.say("Controller connected")
            elif action == "lights" and self.pilot is None:
                self.say("Lights on" if app.input.lights_on else "Lights off")
            elif action == "map":
                from game.app.map_scene import MapScene

                app.push(MapScene(app, self))

    def _pause(self, app: Any, note: str | None = None) -> None:
        from game.app.pause_scene import PauseScene

        app.push(PauseScene(app, self, note))

    def update(self, app: Any, frame_s: float) -> None:
        if not app.shown_controls:  # the first drive of the run shows every control
            app.shown_controls = True
            self.card_left = CONTROLS_SHOW_S
        self.card_left -= frame_s
        if not self.input_started:
            self.input_started = True
            app.input.start_drive()
        if app.notice:
            self.say(app.notice)
            app.notice = None
        self.message_left -= frame_s
        session = self.session
        session.player_driver = self.pilot if self.pilot is not None else app.input
        for _ in range(self.clock.advance(frame_s)):
            session.tick()
            if not self.ended and session.view.rules.finished:
                self.ended = True  # at the very tick it ended, whatever the frame rate
                if self.on_end is not None:
                    self.on_end(app, session)

    def draw(self, app: Any, screen) -> None:
        if self.renderer is None or self.renderer.camera.screen_size != screen.get_size():
            from game.problems import FileProblem
            from game.render.renderer import Renderer

            try:
                self.renderer = Renderer(self.session, screen.get_size(), self.tiles)
                self.tiles = self.renderer.tiles
            except FileProblem as problem:  # e.g. a tileset image missing: back to the title
                from game.app.app import report

                report(str(problem))
                app.notice = str(problem)
                app.pop()
                return
        events = self.session.drain_events()
        for event in events:
            if isinstance(event, Message):
                self.say(event.text)
        steps = [event for event in events if isinstance(event, StepEvents)]
        message = self.message if self.message_left > 0 else None
        self.renderer.hud.change_car_keys = controls_of(app.settings, "change_car")
        self.renderer.draw(screen, self.session, self.clock.alpha, steps, message)
        if self.card_left > 0.0:
            draw_card(screen, self.renderer.hud, "CONTROLS", controls_card(app.settings),
                      midleft=(16, screen.get_height() // 2))  # left of the car
        self._sound(app, steps)

    def _sound(self, app: Any, events: list) -> None:
        audio = app.audio
        if not audio.enabled:
            return
        from game.audio.mixer import ContactEars, siren_mix

        session, world, player = self.session, self.session.world, self.session.player
        if player < 0:
            return
        x, y = float(world.x[player]), float(world.y[player])
        sirens = session.view.sirens
        heard = siren_mix(x, y, float(world.heading[player]),
                          np.column_stack([world.x[sirens], world.y[sirens]]))
        if self.ears is None:
            self.ears = ContactEars()
        speed = float(world.speed[player])
        thumps, scrape = self.ears.hear(events, x, y, player, speed, world.time)
        audio.update(speed_ms=speed,
                     throttle=float(world.controls[player, THROTTLE]),
                     rear_slip=float(np.abs(world.slip_rear[player])), horn=session.horn,
                     sirens=heard, crash_impulses=thumps, scrape=scrape,
                     radio=self.radio_keyed())

    def radio_keyed(self) -> bool:
        """A new line is up on the HUD's radio: the squelch plays with it (lines said
        together go up one after another, and each keys its own)."""
        line = self.session.view.radio
        keyed = bool(line) and line != self.radio_heard
        self.radio_heard = line
        return keyed
