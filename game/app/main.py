"""``python -m game play``: open the window on the title screen (or free drive on a map).

Imports stay inside :func:`run` so ``python -m game --help`` and the other commands never
load pygame, and the title screen comes up fast: the level, renderer and sounds load
only when a drive starts.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from game import cli

NO_DISPLAY_EXIT = 2


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--map", metavar="NAME",
                        help="start free drive on this map: a name (downtown, pch) or a "
                             ".tmx path (skips the title screen)")
    parser.add_argument("--seed", type=cli.seed, default=0, help="world seed (default 0)")
    parser.add_argument("--record", type=Path, metavar="PATH",
                        help="record free drive to PATH (.npz); play it with 'replay PATH'")


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


def start_app():
    """Window, settings, pads and sound: an App with nothing on its stack yet, or None
    (after one line on stderr) when there is no display."""
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
        return None
    pygame.font.init()
    start_pads()
    from game.audio.mixer import AudioSystem

    audio = AudioSystem(settings.volume)
    if audio.message:
        report(audio.message)
    return App(screen, settings, audio, notice=settings_message or audio.message)


def run_app(app) -> int:
    """The main loop, then a clean close (scenes save what they record, sound stops)."""
    import pygame

    try:
        return app.run()
    finally:
        app.close()
        app.audio.close()
        pygame.quit()


def run(args: argparse.Namespace) -> int:
    level, map_path = None, None
    if args.map is not None:  # a designer's map: report its problems even with no display
        from game.level import load_level
        from game.level.files import find_map
        from game.problems import FileProblem

        map_path = find_map(args.map)
        if not map_path.exists() and map_path.name != Path(args.map).name:  # a bare name
            from game.problems import close_hint

            known = sorted(p.stem for p in map_path.parent.glob("*.tmx"))
            print(f"play: no map '{args.map}'{close_hint(args.map, known)} (maps: "
                  f"{', '.join(known)}, or a path to a .tmx)", file=sys.stderr)
            return 1
        try:
            level = load_level(map_path)
        except FileProblem as problem:
            print(f"play: {problem}", file=sys.stderr)
            return 1
        print(starting_line(level))
    return open_game(args.seed, record_path=args.record, map_path=map_path, level=level)


def starting_line(level: Any) -> str:
    """What ``play --map`` says it starts: the map, its file and the spawn, in the
    designer's units ("free drive on garage (levels/maps/garage.tmx) at spawn
    'player_start': (40, 60) m, tile (10, 15), (320, 480) px, heading 90 deg")."""
    from game.level.schema import heading_text, where_on_map
    from game.session.drive import free_drive_spawn

    name = free_drive_spawn(level)
    spawn = level.spawns[name]
    return (f"free drive on {level.name} ({level.path}) at spawn '{name}': "
            f"{where_on_map(spawn.x, spawn.y)}, heading {heading_text(spawn.heading)}")


def open_game(seed: int, *, record_path: Path | None = None,
              start: Callable[[Any], None] | None = None,
              map_path: Path | None = None, level: Any = None,
              on_close: Callable[[Any], None] | None = None) -> int:
    """The window on the title screen, then ``start`` (``mission NAME`` opens a job's
    briefing) or free drive on ``map_path`` (its ``level`` already loaded) on top;
    ``on_close(app)`` runs once the loop has ended."""
    app = start_app()
    if app is None:
        return NO_DISPLAY_EXIT
    app.seed = seed
    app.record_path = record_path
    from game.app.title_scene import TitleScene

    app.push(TitleScene())
    if start is not None:
        start(app)
    if map_path is not None:
        from game.app.app import report
        from game.app.drive_scene import open_free_drive

        if not open_free_drive(app, map_path, level):
            report(app.notice or f"cannot start on {map_path}")
            app.quit()
            run_app(app)  # the loop ends at once; this only closes cleanly
            return 1
    status = run_app(app)
    if on_close is not None:
        on_close(app)
    return status
