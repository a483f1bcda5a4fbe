"""Jobs in the game window: the Jobs menu, the briefing, the job itself, then the results.

The job runs in a :class:`~game.app.drive_scene.DriveScene` whose session comes from
:func:`game.mission.job.build_job` (the same session the headless runner drives), so
the pause menu's Restart starts the job over. :class:`JobScene` wraps that scene: it
passes the mission's HUD messages on and, once the job has ended and a moment has
passed, replaces itself with the results screen. The title menu's "Jobs" entry opens
:func:`open_jobs`; ``python -m game mission NAME`` opens straight into the briefing.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
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


def open_jobs(app: Any) -> None:
    """The Jobs menu: every mission in levels/missions, by title."""
    from game.mission.job import MISSIONS_DIR
    from game.mission.mission_file import parse_mission

    items = []
    for path in sorted(MISSIONS_DIR.glob("*.toml")):
        mission, problems = parse_mission(path)
        if mission is not None:
            items.append(MenuItem(mission.title, select=lambda p=path: open_briefing(app, p)))
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
    app.push(BriefingScene(loaded, options or JobOptions(seed=app.seed)))


def play_job_in_window(name: str, options: JobOptions) -> int:
    """``python -m game mission NAME``: the game window, straight into the job's briefing."""
    from game.app.main import open_game

    return open_game(options.seed, start=lambda app: open_briefing(app, name, options))


class BriefingScene(Scene):
    """The client, the rule, the time and the place. Enter: go; Escape: back."""

    def __init__(self, mission: Any, options: JobOptions) -> None:
        self.mission = mission
        self.options = options

    def handle_event(self, app: Any, event: pygame.event.Event, actions: list[str]) -> None:
        key = menu_key(event)
        if key in MENU_OK:
            self._start(app)
        elif key == pygame.K_ESCAPE:
            app.pop()

    def _start(self, app: Any) -> None:
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
        self.drive = DriveScene(lambda: self._session(mission_path))
        self.ended_for = 0.0

    def _session(self, mission_path: str) -> Any:
        from game.mission.autopilot import Autopilot
        from game.mission.job import build_job

        opts = self.options
        session, runtime = build_job(mission_path, seed=opts.seed, crew_late=opts.crew_late)
        self.pilot = Autopilot(runtime, session.level)
        session.player_driver = self.pilot.controls if self.autopilot_on else None
        return session

    @property
    def runtime(self) -> Any:
        return self.drive.session.rules

    def handle_event(self, app: Any, event: pygame.event.Event, actions: list[str]) -> None:
        if event.type == pygame.KEYDOWN and event.key == AUTOPILOT_KEY:
            self.autopilot_on = not self.autopilot_on
            self.drive.session.player_driver = self.pilot.controls if self.autopilot_on else None
            self.drive.say("Autopilot drives" if self.autopilot_on else "You drive")
            return
        self.drive.handle_event(app, event, actions)

    def update(self, app: Any, frame_s: float) -> None:
        from game.mission.events import Message, RuleBroken, WindowClosed, WindowOpened

        self.drive.update(app, frame_s * self.options.warp)
        for event in self.runtime.drain():
            if isinstance(event, Message):
                self.drive.say(event.text)
            elif isinstance(event, WindowOpened):
                self.drive.say("The window is open: 5:00")
            elif isinstance(event, WindowClosed) and event.left_behind:
                self.drive.say("Time. Left behind: " + ", ".join(event.left_behind))
            elif isinstance(event, RuleBroken):
                self.drive.say(f"Rule broken: {event.reason}")
        if self.runtime.ended is not None:
            self.ended_for += frame_s
            if self.ended_for >= END_HOLD_S:
                from game.app.results_scene import ResultsScene

                outcome, mission = self.runtime.outcome(), self.runtime.mission
                app.replace(ResultsScene(app, outcome, mission, self.options))
        else:
            self.ended_for = 0.0

    def draw(self, app: Any, screen: pygame.Surface) -> None:
        self.drive.draw(app, screen)
