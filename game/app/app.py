"""The application: window, settings, input, audio and the scene stack, and the main loop.

The loop reads events, lets the top scene update with the real frame time (a drive
scene turns it into fixed simulation steps with :class:`game.sim.FixedStepClock`), draws
it and flips. pygame's clock lives here and in render only: the simulation and every
animation run on simulation time.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import pygame

from game.app.scene import Scene
from game.input.player import PlayerInput
from game.input.settings import Settings, save_settings
from game.render.text import TextCache

if TYPE_CHECKING:
    from game.audio.mixer import AudioSystem

FRAME_CAP_HZ = 144  #: the loop never runs faster than this (no busy-spinning in menus)
TITLE = "Five Minute Window"


def open_window(settings: Settings) -> pygame.Surface:
    """The game window at the settings' size; raises pygame.error without a display."""
    flags = pygame.SCALED | pygame.FULLSCREEN if settings.fullscreen else 0
    screen = pygame.display.set_mode(settings.resolution, flags)
    pygame.display.set_caption(TITLE)
    return screen


class App:
    """Holds what every scene shares; :meth:`run` is the main loop."""

    def __init__(self, screen: pygame.Surface, settings: Settings, audio: AudioSystem,
                 notice: str | None = None) -> None:
        self.screen = screen
        self.settings = settings
        self.audio = audio
        self.input = PlayerInput(settings)
        self.text = TextCache()
        self.scenes: list[Scene] = []
        self.running = True
        self.notice = notice  #: one message for the player (no sound, settings reset)
        self.seed = 0  #: world seed for the drives this run starts (``play --seed``)
        self.record_path = None  #: free drives are recorded here (``play --record``)
        self.last_result = None  #: the JobResult a job left with ``--autoquit`` (printed)
        self.shown_controls = False  #: the first drive of this run has shown the controls

    # -- the scene stack -------------------------------------------------------------
    def push(self, scene: Scene) -> None:
        self.scenes.append(scene)

    def _drop_top(self) -> None:
        """Take the top scene off and let it finish (``Scene.leave``)."""
        self.scenes.pop().leave(self)

    def pop(self) -> None:
        if self.scenes:
            self._drop_top()
        if not self.scenes:
            self.running = False

    def replace(self, scene: Scene) -> None:
        if self.scenes:
            self._drop_top()
        self.scenes.append(scene)

    def back_to_first(self) -> None:
        """Drop everything above the first scene (the title)."""
        while len(self.scenes) > 1:
            self._drop_top()

    def quit(self) -> None:
        self.running = False

    def close(self) -> None:
        """Let every scene still open finish (save what it records), top first."""
        while self.scenes:
            self._drop_top()

    # -- settings --------------------------------------------------------------------
    def apply_settings(self) -> None:
        """Use changed settings now (bindings, volume, window) and save them."""
        self.notice = self.input.rebind(self.settings.bindings,
                                        self.settings.pad_bindings) or self.notice
        self.input.settings = self.settings
        self.audio.volume = self.settings.volume
        if self.screen.get_size() != tuple(self.settings.resolution) or \
                bool(self.screen.get_flags() & pygame.FULLSCREEN) != self.settings.fullscreen:
            try:
                self.screen = open_window(self.settings)
            except pygame.error as error:
                self.notice = f"cannot switch the display mode: {error}"
        try:
            save_settings(self.settings)
        except OSError as error:
            self.notice = f"cannot save settings: {error}"

    # -- the loop --------------------------------------------------------------------
    def run(self) -> int:
        clock = pygame.time.Clock()
        while self.running and self.scenes:
            frame_s = clock.tick(FRAME_CAP_HZ) / 1000.0
            self.step_frame(pygame.event.get(), frame_s)
            pygame.display.flip()
        return 0

    def step_frame(self, events: list[pygame.event.Event], frame_s: float) -> None:
        """One frame: route events, update and draw the top scene (tests call this)."""
        for event in events:
            if event.type == pygame.QUIT:
                self.running = False
                return
            actions = self.input.handle_event(event)
            if self.scenes:
                self.scenes[-1].handle_event(self, event, actions)
        if self.scenes and self.running:
            scene = self.scenes[-1]
            scene.update(self, frame_s)
            if self.scenes and self.scenes[-1] is scene:
                scene.draw(self, self.screen)


def report(message: str) -> None:
    print(f"{TITLE}: {message}", file=sys.stderr)
