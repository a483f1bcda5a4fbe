"""``python -m game play``: open the window on the title screen (or free drive on a map).

Imports stay inside :func:`run` so ``python -m game --help`` and the other commands never
load pygame, and the title screen comes up fast: the level, renderer and sounds load
only when a drive starts.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

NO_DISPLAY_EXIT = 2


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--map", type=Path, metavar="PATH",
                        help="start free drive on this .tmx map (skips the title screen)")
    parser.add_argument("--seed", type=int, default=0, help="world seed (default 0)")


HEADLESS_DRIVERS = ("offscreen", "dummy")  #: SDL video drivers that show nothing


def open_display(settings):
    """The game window; pygame.error when there is no display to put it on.

    SDL quietly falls back to an invisible offscreen driver when it finds no display;
    that counts as no display unless SDL_VIDEODRIVER asked for it (tests, headless runs).
    """
    import pygame

    from game.app.app import open_window

    requested = os.environ.get("SDL_VIDEODRIVER", "")
    if sys.platform.startswith("linux") and not requested and not (
            os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        raise pygame.error("neither DISPLAY nor WAYLAND_DISPLAY is set")
    pygame.display.init()
    driver = pygame.display.get_driver()
    if driver in HEADLESS_DRIVERS and requested != driver:
        raise pygame.error(f"only SDL's {driver} video driver is available")
    return open_window(settings)


def start_pads() -> None:
    """Start SDL's joystick and game-controller subsystems; pads already plugged in then
    arrive as 'device added' events like any pad plugged in later. No pads: no matter."""
    import pygame

    try:
        pygame.joystick.init()
        from pygame._sdl2 import controller

        controller.init()
    except (pygame.error, ImportError):
        return


def run(args: argparse.Namespace) -> int:
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    import pygame

    from game.app.app import App, report
    from game.input.settings import load_settings

    settings, settings_message = load_settings()
    if settings_message:
        report(settings_message)
    try:
        screen = open_display(settings)
    except pygame.error as error:
        report(f"cannot open a window ({error or 'no video device'}); the game needs a "
               "display: run it on a desktop session, or set DISPLAY")
        return NO_DISPLAY_EXIT
    pygame.font.init()
    start_pads()
    from game.audio.mixer import AudioSystem

    audio = AudioSystem(settings.volume)
    if audio.message:
        report(audio.message)
    app = App(screen, settings, audio, notice=settings_message or audio.message)
    app.seed = args.seed
    from game.app.title_scene import TitleScene

    app.push(TitleScene())
    start = getattr(args, "start", None)  # `mission NAME` opens straight into a job
    if start is not None:
        start(app)
    if args.map is not None:
        from game.app.drive_scene import open_free_drive

        if not open_free_drive(app, args.map):
            report(app.notice or f"cannot start on {args.map}")
            pygame.quit()
            return 1
    try:
        return app.run()
    finally:
        audio.close()
        pygame.quit()
