"""Jobs in the game window: the Jobs menu, the briefing, the job itself, then the results.

The job runs in a :class:`~game.app.drive_scene.DriveScene` whose session comes from
:func:`game.mission.job.build_job` (the same session the headless runner drives), so
the pause menu's Restart starts the job over. :class:`JobScene` wraps that scene: the
``autopilot`` action (Tab, the pad's X; the HUD says so) hands the Driver's car to the
autopilot (the scene's pilot) and back, and once the job
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
from game.input.settings import controls_of
from game.render import palette

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


BROKEN = "(broken)"  #: after the name of a mission file that does not parse, in the Jobs menu


def open_jobs(app: Any, folder: Path | None = None) -> None:
    """The Jobs menu: every unlocked mission on the levels search path (the shipped ones,
    the user's folder, ``FMW_LEVELS``, ``--levels``), or in ``folder`` when given (open
    from a career's first night, or done in a saved career), by title; then every mission
    file that does not parse, as "NAME (broken)": choosing it shows its first problem
    (``python -m game check`` lists them all), so a broken job never just vanishes."""
    from game.career.catalogue import read_catalogue, read_levels_path, unlocked

    catalogue = read_levels_path() if folder is None else read_catalogue(folder)
    items = [MenuItem(mission.title, select=lambda p=mission.path: open_briefing(app, p))
             for mission in unlocked(catalogue)]
    for problem in catalogue.problems:
        items.append(MenuItem(f"{Path(problem.file).stem} {BROKEN}",
                              select=lambda p=problem: setattr(app, "notice", str(p))))
    items.append(MenuItem("Back", select=app.pop))
    app.push(MenuScene("Jobs", items, back=app.pop))


def open_briefing(app: Any, mission: Any, options: JobOptions | None = None) -> None:
    """The briefing for a mission (name or path); Enter starts the job."""
    from game.mission.job import mission_file
    from game.mission.validate import load_mission_and_map
    from game.problems import FileProblem

    try:
        loaded, level = load_mission_and_map(mission_file(mission))
    except FileProblem as problem:
        app.notice = str(problem)
        return
    options = options or JobOptions(seed=app.seed)
    if options.difficulty is None:
        options = replace(options, difficulty=app.settings.difficulty)
    app.push(BriefingScene(loaded, options, level))


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


def job_places(mission: Any) -> tuple[str, ...]:
    """The zones a job sends the Driver to, in the order its stages do (the place too)."""
    names = [trigger.zone for stage in mission.stages for trigger in stage.on if trigger.zone]
    return tuple(dict.fromkeys([*names, mission.contract.place]))


class BriefingScene(Scene):
    """The client, the rule, the time and the place, and a small map of the job's places
    with where the Driver starts. Enter: go; Escape: back."""

    def __init__(self, mission: Any, options: JobOptions, level: Any = None) -> None:
        self.mission = mission
        self.options = options
        self.level = level  #: the mission's map, loaded with it (the job reuses it)
        self.city: Any = None  #: the small map, drawn on the first frame

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
            scene = JobScene(self.mission.path, self.options, self._loaded())
        except FileProblem as problem:
            app.notice = str(problem)
            return
        app.replace(scene)

    def _loaded(self) -> tuple[Any, Any] | None:
        return (self.mission, self.level) if self.level is not None else None

    def draw(self, app: Any, screen: pygame.Surface) -> None:
        screen.fill(palette.NIGHT_INK)
        width, height = screen.get_size()
        text = app.text
        title = text.render(self.mission.title, 64, palette.NEON_PINK, neon=True)
        screen.blit(title, title.get_rect(midtop=(width // 2, 24)), special_flags=pygame.BLEND_ADD)
        column = width * 0.32 if self.level is not None else width / 2
        y = 110
        client = text.render(f"Client: {self.mission.client}", 24, palette.TEXT_DIM)
        screen.blit(client, client.get_rect(midtop=(column, y)))
        y += 40
        for paragraph, colour in (
            (THE_RULE, palette.NEON_CYAN),
            (self.mission.briefing, palette.TEXT),
        ):
            for line in _wrap(paragraph, 52 if self.level is not None else 78):
                rendered = text.render(line, 24, colour)
                screen.blit(rendered, rendered.get_rect(midtop=(column, y)))
                y += 28
            y += 16
        keys = controls_of(app.settings, "autopilot")
        for line in ("Enter: take the job      Esc: walk away",
                     f"In the job, {keys} hands the wheel to the autopilot and back"):
            hint = text.render(line, 22, palette.AMBER)
            screen.blit(hint, hint.get_rect(midtop=(column, y + 6)))
            y += 28
        if self.level is not None:
            self._map(app, screen, pygame.Rect(width * 0.62, 110, width * 0.36, height - 150))

    def _map(self, app: Any, screen: pygame.Surface, rect: pygame.Rect) -> None:
        """The job's places on a small map of its level, and where the Driver starts."""
        from game.render.city_map import CityMap

        if self.city is None or self.city.rect != rect:
            self.city = CityMap(self.level, rect, app.text, job_places(self.mission))
        start = self.level.spawns.get(self.mission.player_spawn)
        spawns = ((start.x, start.y, start.heading),) if start is not None else ()
        self.city.draw(screen, spawns=spawns)
        you = app.text.render("you start here: the pink arrow", 20, palette.TEXT_DIM)
        screen.blit(you, you.get_rect(midtop=(rect.centerx, rect.bottom + 6)))


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

    def __init__(self, mission_path: str, options: JobOptions,
                 loaded: tuple[Any, Any] | None = None) -> None:
        """``loaded``: the mission and its level as the briefing loaded them (checked by
        the same loader ``build_job`` uses), so the job does not read them again."""
        self.options = options
        self.loaded = loaded
        self.autopilot_on = options.autopilot
        self.runtime: Any = None  #: the job's MissionRuntime (a new one on each restart)
        self.pilot: Any = None  #: the autopilot for this run of the job
        self.result: Any = None  #: the JobResult, taken at the tick the job ended
        self.drive = DriveScene(lambda: self._session(mission_path), on_end=self._job_over,
                                record_path=options.record_path)
        self.ended_for = 0.0

    def _session(self, mission_path: str) -> Any:
        from game.mission.autopilot import Autopilot
        from game.mission.job import build_job, build_session
        from game.mission.replays import job_source
        from game.session.replay import Recorder
        from game.session.standing import NOTHING_KNOWN

        opts = self.options
        standing = opts.standing or NOTHING_KNOWN
        difficulty = opts.difficulty or "normal"
        if self.loaded is not None:
            session, runtime = build_session(*self.loaded, seed=opts.seed,
                                             crew_late=opts.crew_late, standing=standing,
                                             difficulty=difficulty)
        else:
            session, runtime = build_job(mission_path, seed=opts.seed, crew_late=opts.crew_late,
                                         standing=standing, difficulty=difficulty)
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
        if "autopilot" in actions:
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
        renderer = self.drive.renderer
        if renderer is not None and self.result is None:
            keys = controls_of(app.settings, "autopilot")
            line = (f"AUTOPILOT DRIVES   {keys}: take the wheel" if self.autopilot_on
                    else f"{keys}: the autopilot takes the wheel")
            speedometer = renderer.hud_boxes(screen)[0]
            renderer.hud.panel_text(screen, line, (16, speedometer[1] - 40),
                                    palette.AMBER if self.autopilot_on else palette.TEXT_DIM,
                                    size=22)

    def leave(self, app: Any) -> None:
        self.drive.leave(app)
