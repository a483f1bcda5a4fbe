"""Jobs in the game window: the Jobs menu, the briefing, the job itself, then the results.

The job runs in a :class:`~game.app.drive_scene.DriveScene` whose session comes from
:func:`game.mission.job.build_job` (the same session the headless runner drives), so
the pause menu's Restart starts the job over. :class:`JobScene` wraps that scene: Tab
hands the Driver's car to the autopilot (the scene's pilot) and back, and once the job
has ended and a moment has passed it replaces itself with the results screen (or, with
``autoquit``, leaves the game there). The title menu's "Jobs" entry opens
:func:`open_jobs`; ``python -m game mission NAME`` opens straight into the briefing.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pygame

from game.app.drive_scene import DriveScene
from game.app.scene import MENU_OK, MenuItem, MenuScene, Scene, menu_key
from game.render import palette

AUTOPILOT_KEY = pygame.K_TAB  #: hands the wheel to the autopilot and back
END_HOLD_S = 2.5  #: real seconds the last moment of a job stays on screen before the results
THE_RULE = (
    "Name a time and a place. From then on you get a five-minute window. Whatever happens "
    "inside those five minutes, the Driver is with you. Whatever happens a minute before "
    "or after it, you are on your own."
)


@dataclass(frozen=True)
class JobOptions:
    seed: int = 0
    crew_late: bool = False  #: the crew comes out after the window (to see the rule play out)
    autopilot: bool = False  #: the autopilot starts at the wheel (Tab toggles it)
    warp: float = 1.0  #: sim seconds per real second (watching the autopilot)
    record_path: Path | None = None  #: record the job to this replay file
    autoquit: bool = False  #: leave the game when the results would show
    standing: Any = None  #: a career's Standing (None: the police know nothing)
    #: a career's results instead of the plain results screen: on_result(app, result, mission)
    on_result: Callable[[Any, Any, Any], None] | None = None
    difficulty: str | None = None  #: the police's; None: Settings > Police


def open_jobs(app: Any) -> None:
    """The Jobs menu: every unlocked mission in levels/missions (open from a career's
    first night, or done in a saved career), by title."""
    from game.career.catalogue import read_catalogue, unlocked

    items = [MenuItem(mission.title, select=lambda p=mission.path: open_briefing(app, p))
             for mission in unlocked(read_catalogue())]
    items.append(MenuItem("Back", select=app.pop))
    app.push(MenuScene("Jobs", items, back=app.pop))


def open_briefing(app: Any, mission: Any, options: JobOptions | None = None) -> None:
    """The briefing for a mission (name or path); Enter starts the job."""
    from game.mission.job import mission_file
    from game.mission.mission_file import load_mission
    from game.problems import FileProblem

    try:
        loaded = load_mission(mission_file(mission))
    except FileProblem as problem:
        app.notice = str(problem)
        return
    options = options or JobOptions(seed=app.seed)
    if options.difficulty is None:
        options = replace(options, difficulty=app.settings.difficulty)
    app.push(BriefingScene(loaded, options))


def play_job_in_window(name: str, options: JobOptions) -> int:
    """``python -m game mission NAME``: the game window, straight into the job's briefing
    (with ``autoquit``, straight into the job itself, and its result printed at the end)."""
    import json

    from game.app.main import open_game

    def start(app: Any) -> None:
        open_briefing(app, name, options)
        if options.autoquit and isinstance(app.scenes[-1], BriefingScene):
            app.scenes[-1].start_job(app)

    ended: list = []
    status = open_game(options.seed, start=start, on_close=lambda app: ended.append(app))
    if options.autoquit and ended and ended[0].last_result is not None:
        print(json.dumps(ended[0].last_result.to_json()))
    return status


class BriefingScene(Scene):
    """The client, the rule, the time and the place. Enter: go; Escape: back."""

    def __init__(self, mission: Any, options: JobOptions) -> None:
        self.mission = mission
        self.options = options

    def handle_event(self, app: Any, event: pygame.event.Event, actions: list[str]) -> None:
        key = menu_key(event)
        if key in MENU_OK:
            self.start_job(app)
        elif key == pygame.K_ESCAPE:
            app.pop()

    def start_job(self, app: Any) -> None:
        """Take the job: the briefing gives way to the drive."""
        from game.problems import FileProblem

        try:
            scene = JobScene(self.mission.path, self.options)
        except FileProblem as problem:
            app.notice = str(problem)
            return
        app.replace(scene)

    def draw(self, app: Any, screen: pygame.Surface) -> None:
        screen.fill(palette.NIGHT_INK)
        width, _ = screen.get_size()
        text = app.text
        title = text.render(self.mission.title, 64, palette.NEON_PINK, neon=True)
        screen.blit(title, title.get_rect(midtop=(width // 2, 30)), special_flags=pygame.BLEND_ADD)
        y = 120
        client = text.render(f"Client: {self.mission.client}", 24, palette.TEXT_DIM)
        screen.blit(client, client.get_rect(midtop=(width // 2, y)))
        y += 44
        for paragraph, colour in (
            (THE_RULE, palette.NEON_CYAN),
            (self.mission.briefing, palette.TEXT),
        ):
            for line in _wrap(paragraph, 78):
                rendered = text.render(line, 24, colour)
                screen.blit(rendered, rendered.get_rect(midtop=(width // 2, y)))
                y += 30
            y += 18
        hint = text.render("Enter: take the job      Esc: walk away", 24, palette.AMBER)
        screen.blit(hint, hint.get_rect(midtop=(width // 2, y + 10)))


def _wrap(text: str, width: int) -> list[str]:
    lines: list[str] = []
    for paragraph in text.strip().split("\n\n"):
        lines += textwrap.wrap(" ".join(paragraph.split()), width) or [""]
    return lines


class JobScene(Scene):
    """A DriveScene running a job, handing over to the results once it has ended.

    With the autopilot at the wheel (``options.autopilot``, or Tab at any time), the
    player's control row comes from :class:`game.mission.autopilot.Autopilot` instead of
    the keys, tick by tick; Tab again gives the wheel back.
    """

    def __init__(self, mission_path: str, options: JobOptions) -> None:
        self.options = options
        self.autopilot_on = options.autopilot
        self.runtime: Any = None  #: the job's MissionRuntime (a new one on each restart)
        self.pilot: Any = None  #: the autopilot for this run of the job
        self.result: Any = None  #: the JobResult, taken at the tick the job ended
        self.drive = DriveScene(lambda: self._session(mission_path), on_end=self._job_over,
                                record_path=options.record_path)
        self.ended_for = 0.0

    def _session(self, mission_path: str) -> Any:
        from game.mission.autopilot import Autopilot
        from game.mission.job import build_job
        from game.mission.replays import job_source
        from game.session.replay import Recorder
        from game.session.standing import NOTHING_KNOWN

        opts = self.options
        session, runtime = build_job(mission_path, seed=opts.seed, crew_late=opts.crew_late,
                                     standing=opts.standing or NOTHING_KNOWN,
                                     difficulty=opts.difficulty or "normal")
        self.runtime = runtime
        self.pilot = Autopilot(runtime)
        if opts.record_path is not None:
            session.recorder = Recorder(job_source(runtime))
        self.result = None
        return session

    def _job_over(self, app: Any, session: Any) -> None:
        """The tick the job ended: its result is what it was then (the street scene
        goes on behind the last moment for END_HOLD_S, as in headless it does not)."""
        from game.mission.result import job_result

        self.result = job_result(self.runtime, session)

    def handle_event(self, app: Any, event: pygame.event.Event, actions: list[str]) -> None:
        if event.type == pygame.KEYDOWN and event.key == AUTOPILOT_KEY:
            self.autopilot_on = not self.autopilot_on
            self._hand_wheel(app)
            self.drive.say("Autopilot drives" if self.autopilot_on else "You drive")
            return
        self.drive.handle_event(app, event, actions)

    def _hand_wheel(self, app: Any) -> None:
        """The autopilot or the player takes the wheel (the player keeps the lights as
        they are)."""
        self.drive.pilot = self.pilot if self.autopilot_on else None
        if not self.autopilot_on:
            world, player = self.drive.session.world, self.drive.session.player
            app.input.start_drive(lights_on=bool(world.lights_on[player]))

    def update(self, app: Any, frame_s: float) -> None:
        self.drive.pilot = self.pilot if self.autopilot_on else None
        self.drive.update(app, frame_s * self.options.warp)
        if self.result is None:
            self.ended_for = 0.0
            return
        self.ended_for += frame_s
        if self.options.autoquit:
            app.last_result = self.result
            app.quit()
        elif self.ended_for >= END_HOLD_S and self.options.on_result is not None:
            self.options.on_result(app, self.result, self.runtime.mission)
        elif self.ended_for >= END_HOLD_S:
            from game.app.results_scene import ResultsScene

            app.replace(ResultsScene(app, self.result, self.runtime.mission, self.options))

    def draw(self, app: Any, screen: pygame.Surface) -> None:
        self.drive.draw(app, screen)

    def leave(self, app: Any) -> None:
        self.drive.leave(app)
