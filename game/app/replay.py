"""``python -m game replay PATH``: play back a free drive recorded with ``play --record``.

A recording is the map, the seed and the player's controls per tick; the world and the
traffic are rebuilt from the seed and driven again, so the drive happens again exactly.
``--headless`` runs it as fast as it goes and prints one JSON object (ticks and the
world's state hash) instead of opening a window.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", type=Path, metavar="PATH", help="a recording (.npz)")
    parser.add_argument("--headless", action="store_true",
                        help="no window: run it and print the final state as JSON")


def replay_session(recording, level):
    """A free-drive session on the recording's level and seed, driven by the recording."""
    from game.app.recording import Playback
    from game.session.drive import free_drive_session

    session = free_drive_session(level, seed=recording.seed)
    playback = Playback(recording)
    session.controllers.append(playback)
    session.rules = playback
    return session


def run(args: argparse.Namespace) -> int:
    from game.app.recording import load_recording
    from game.level import load_level
    from game.problems import FileProblem

    try:
        recording = load_recording(args.path)
        level = load_level(Path(recording.map_path))
        if args.headless:
            session = replay_session(recording, level)
            for _ in range(len(recording.controls)):
                session.tick()
            print(json.dumps({"map": recording.map_path, "seed": recording.seed,
                              "ticks": session.world.tick,
                              "state_hash": session.world.state_hash()}))
            return 0
    except FileProblem as problem:
        print(f"replay: {problem}", file=sys.stderr)
        return 1
    from game.app.main import NO_DISPLAY_EXIT, run_app, start_app

    app = start_app()
    if app is None:
        return NO_DISPLAY_EXIT
    from game.app.drive_scene import DriveScene

    app.push(DriveScene(lambda: replay_session(recording, level),
                        on_end=lambda a, s: a.quit()))
    return run_app(app)
