"""Render the README's screenshots with the game's own code, offscreen at 1280x720.

    python tools/make_screenshots.py [OUT_DIR]   (default: assets/screenshots)

The title screen; free drive on downtown with the Driver's car driven through the
real controls by the AI's route follower (as a player would, no teleporting), traffic
and lights around it, and the controls card of the first drive; a handbrake slide
leaving skid marks; the pause menu; Five Minutes with the autopilot at the wheel on the
way to the crew (the objective, its route on the minimap, the crew waiting); and the
map (M) of that moment. Each shot is a frame drawn by the same App, scenes and renderer
as ``python -m game``.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import game  # noqa: E402, F401, I001  (before numpy: it pins numpy's CPU loops, game/__init__.py)
import numpy as np  # noqa: E402
import pygame  # noqa: E402

from game.ai.driving import DrivingStyle  # noqa: E402
from game.ai.routes import RouteFollower  # noqa: E402
from game.app.app import App, open_window  # noqa: E402
from game.app.drive_scene import FREE_DRIVE_MAP, DriveScene  # noqa: E402
from game.app.job_scene import JobOptions, JobScene  # noqa: E402
from game.app.map_scene import MapScene  # noqa: E402
from game.app.pause_scene import PauseScene  # noqa: E402
from game.app.title_scene import TitleScene  # noqa: E402
from game.audio.mixer import AudioSystem  # noqa: E402
from game.input.settings import Settings  # noqa: E402
from game.level import load_level  # noqa: E402
from game.session.drive import free_drive_session  # noqa: E402
from game.sim.controls import HANDBRAKE, STEER, THROTTLE, idle_controls  # noqa: E402

FRAME_S = 1 / 60
FAST = DrivingStyle(speed_factor=1.5, lateral_accel=6.5, decel=6.0)


class RouteDriver:
    """Drives the player's car to a point through its control row (the scene's pilot)."""

    def __init__(self, session, goal: tuple[float, float]) -> None:
        self.follower = RouteFollower(
            session.setting.planner,
            session.player,
            *goal,
            terrain=session.level.terrain,
            signals=session.setting.signals,
            style=FAST,
        )
        self.override: np.ndarray | None = None  #: a scripted row instead of the route

    def drive(self, senses, controls: np.ndarray) -> None:
        world = senses.world
        row = self.follower.controls(world, world.time, world.dt)
        controls[senses.player] = row if self.override is None else self.override


def run_frames(app: App, seconds: float) -> None:
    for _ in range(round(seconds / FRAME_S)):
        app.step_frame([], FRAME_S)


def run_until_fast(app: App, session, speed_ms: float, limit_s: float = 40.0) -> None:
    """Drive on until the player's car goes at least ``speed_ms`` (or the limit passes)."""
    for _ in range(round(limit_s / FRAME_S)):
        app.step_frame([], FRAME_S)
        if session.world.speed[session.player] >= speed_ms:
            return


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    pygame.display.init()
    pygame.font.init()
    settings = Settings()
    app = App(open_window(settings), settings, AudioSystem(0.0))
    app.push(TitleScene())
    app.step_frame([], FRAME_S)
    pygame.image.save(app.screen, str(out / "title.png"))

    level = load_level(FREE_DRIVE_MAP)
    goal = level.zones["bank"].centre
    scene = DriveScene(lambda: free_drive_session(level, seed=7))
    driver = RouteDriver(scene.session, goal)
    scene.pilot = driver
    app.push(scene)
    run_frames(app, 6.0)
    run_until_fast(app, scene.session, 16.0)
    run_frames(app, 0.5)
    pygame.image.save(app.screen, str(out / "free-drive.png"))

    scene.card_left = 0.0  # the controls card has had its moment: the slide in the clear
    run_until_fast(app, scene.session, 17.0)
    slide = idle_controls(1)[0]
    slide[THROTTLE], slide[STEER], slide[HANDBRAKE] = 0.3, 1.0, 1.0
    driver.override = slide
    run_frames(app, 0.8)
    slide[HANDBRAKE], slide[STEER] = 0.0, -0.4
    run_frames(app, 0.3)
    pygame.image.save(app.screen, str(out / "handbrake.png"))
    driver.override = None

    app.push(PauseScene(app, scene))
    app.step_frame([], FRAME_S)
    pygame.image.save(app.screen, str(out / "pause.png"))

    app.back_to_first()
    job = JobScene("five_minutes", JobOptions(seed=0, autopilot=True))
    app.push(job)
    runtime = job.runtime
    while runtime.stage_id == "pickup" and job.drive.session.view.route_m > 70.0:
        run_frames(app, 0.5)
    pygame.image.save(app.screen, str(out / "job.png"))
    app.push(MapScene(app, job.drive))
    app.step_frame([], FRAME_S)
    pygame.image.save(app.screen, str(out / "map.png"))
    pygame.quit()


if __name__ == "__main__":
    main(
        Path(sys.argv[1])
        if len(sys.argv) > 1
        else Path(__file__).resolve().parents[1] / "assets" / "screenshots"
    )
