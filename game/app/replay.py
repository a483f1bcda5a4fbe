"""``python -m game replay PATH``: play back a drive recorded with ``play`` or ``mission``
``--record``: free drive or a whole job.

A recording is the drive's source (map, mission, seed, options), the Driver's control
rows per tick and the state after each (:mod:`game.session.replay`); the session is
built again from the source and driven by the rows, so everything happens again exactly.

- ``--verify`` (headless) replays it and compares the state after every tick: it prints
  that it matches and exits 0, or names the first tick whose state differs and its time
  and exits 1.
- ``--headless`` runs it as fast as it goes and prints one JSON object: the source, the
  ticks, the final state hash and, for a job, its result.
- Otherwise it plays in the game window (a job ends on its results screen).

A file of another format, or one whose map or mission has changed since it was made, is
refused with one line (exit 1).
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from pathlib import Path


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", type=Path, metavar="PATH", help="a recording (.npz)")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--headless", action="store_true",
                      help="no window: run it and print the final state (and result) as JSON")
    mode.add_argument("--verify", action="store_true",
                      help="no window: check the replay matches the recording tick by tick")


def run(args: argparse.Namespace) -> int:
    from game.mission.replays import session_for
    from game.mission.result import job_result
    from game.problems import FileProblem
    from game.session.replay import Playback, load_recording, replay

    try:
        recording = load_recording(args.path)
        session, runtime = session_for(recording)
    except FileProblem as problem:
        print(f"replay: {problem}", file=sys.stderr)
        return 1
    if args.verify or args.headless:
        verdict = replay(session, recording)
        if args.verify:
            if verdict.matches:
                print(f"{args.path}: the replay matches the recording ({verdict.ticks} ticks, "
                      f"{verdict.ticks * session.dt:.2f} s)")
                return 0
            print(f"{args.path}: the replay differs from the recording from tick "
                  f"{verdict.first_difference} ({verdict.time_s:.2f} s) on")
            return 1
        out = {"source": asdict(recording.source), "ticks": session.world.tick,
               "state_hash": session.state_hash(), "matches": verdict.matches}
        if runtime is not None:
            out["result"] = job_result(runtime, session).to_json()
        print(json.dumps(out))
        return 0
    return _in_window(recording, session, runtime, Playback(recording))


def _in_window(recording, session, runtime, playback) -> int:
    from game.app.main import NO_DISPLAY_EXIT, run_app, start_app

    app = start_app()
    if app is None:
        return NO_DISPLAY_EXIT
    from game.app.drive_scene import DriveScene
    from game.app.results_scene import ResultsScene
    from game.mission.replays import session_for
    from game.mission.result import job_result

    drive = {"first": (session, runtime), "runtime": runtime}

    def factory():
        """The session already built the first time; a Restart builds it again."""
        built = drive.pop("first", None) or session_for(recording)
        drive["runtime"] = built[1]
        return built[0]

    def over(app, ended) -> None:
        job = drive["runtime"]
        if job is None:
            app.quit()
        else:
            app.push(ResultsScene(app, job_result(job, ended), job.mission))

    scene = DriveScene(factory, on_end=over)
    scene.pilot = playback
    app.push(scene)
    return run_app(app)
