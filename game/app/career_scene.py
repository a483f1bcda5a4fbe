"""The career in the window: Continue and New career, the career screen, a job's results.

The title's **Continue** opens the career saved last (a save it cannot use is reported
in one line and its backup offered; one from a newer game is refused), **New career**
starts one in a new slot. The career screen (:class:`CareerScene`) shows the night, the
money, the reputation, the car and how sure the Detective is, and leads to the Handler's
board, Shannon's garage, the Detective's file and the jobs done
(:mod:`game.app.career_screens`), and to a free drive through the night in the Driver's
own car, from the apartment or from Shannon's garage (where he was last: after a visit to
Shannon's, the garage; Left/Right on the line chooses). A job taken from the board runs
as any job does (:class:`~game.app.job_scene.JobScene`, with the autopilot at the wheel
when the career was opened with ``--autopilot``), with the career's Standing; its result
goes through :func:`game.career.consequences.apply_result` (and
:func:`game.career.ending.after_the_last_job`), is saved at once, and its results screen
adds what it did to the career. A bust on the night's drive goes into the file
(:func:`game.career.ending.busted_in_free_drive`). The career is saved after every change
and again when the screen closes (quitting the game included); a job left before it
ended leaves the career as it was. An ended career opens on its ending's screen, with
its record (:class:`~game.app.career_screens.EndingScene`); it is never resumed.

The board offers every mission on the levels search path (the shipped ones, the user's
folder, ``FMW_LEVELS``, ``--levels``), or those of ``--missions DIR`` only.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pygame

from game.app.scene import MenuItem, MenuScene, Scene, draw_menu
from game.career.catalogue import Catalogue, read_catalogue, read_levels_path
from game.career.dossier import certainty
from game.career.model import APARTMENT, GARAGE, WHEREABOUTS, Career
from game.render import palette

FROM_THE_APARTMENT = "player_start"  #: where the night's free drive starts (the apartment court)
FROM_THE_GARAGE = "garage_start"  #: ...or outside Shannon's garage, on Alameda St
#: where the Driver can start the night's drive: the map's spawn, and how the menu says it
STARTS = {APARTMENT: (FROM_THE_APARTMENT, "the apartment"),
          GARAGE: (FROM_THE_GARAGE, "Shannon's garage")}
START_HINT = "Left/Right: from the apartment or from Shannon's garage"


class CareerPlay:
    """The career being played: its slot, its state, the jobs it may be offered, and
    whether the autopilot drives its jobs (``career --autopilot`` in the window)."""

    def __init__(self, slot: Path, career: Career, catalogue: Catalogue,
                 autopilot: bool = False, warp: float = 1.0) -> None:
        self.slot = slot
        self.career = career
        self.catalogue = catalogue
        self.autopilot = autopilot  #: the autopilot starts at the wheel of every job
        self.warp = warp  #: sim seconds per real second in those jobs

    def update(self, app: Any, career: Career) -> None:
        """The career is now ``career``: saved at once (a failed save is told, and the
        career stays in memory to be saved again)."""
        self.career = career
        self.save(app)

    def save(self, app: Any) -> None:
        from game.career.saves import save_career

        try:
            save_career(self.slot, self.career)
        except OSError as error:
            app.notice = f"cannot save the career to {self.slot}: {error.strerror or error}"


def status_lines(career: Career) -> list[tuple[str, tuple[int, int, int]]]:
    """Night, money, reputation, car and the Detective's certainty, for the career screen."""
    car = career.car
    shape = "wrecked" if car.wrecked else (f"{car.damage:.0%} damaged" if car.damage else "sound")
    sure = certainty(career.file, career.night)
    lines = [
        (f"Night {career.night}    ${career.money:,}    reputation {career.reputation:+d}",
         palette.TEXT),
        (f"{car.words[0].upper()}{car.words[1:]}, plate {car.plate} ({shape})", palette.TEXT_DIM),
        (f"The Detective's file: {len(career.file)} entries, {sure:.0%} sure", palette.AMBER),
    ]
    if career.ended:
        lines.append((f"The career is over: {career.ended}", palette.NEON_PINK))
    return lines


class CareerScene(MenuScene):
    """The career screen: where the Driver stands, and where he can go tonight."""

    def __init__(self, app: Any, play: CareerPlay, note: str | None = None) -> None:
        super().__init__("", [], back=lambda: self._leave(app), note=note)
        self.play = play
        self.start = play.career.whereabouts  #: where the night's drive starts (WHEREABOUTS)
        #: the night and the Driver's whereabouts when ``start`` was last set
        self.start_set = (play.career.night, play.career.whereabouts)
        self._refresh(app)

    def _start_from(self) -> str:
        """Where the night's drive starts: where he was last, unless the player chose
        otherwise since (a visit to Shannon's or a new night sets it again)."""
        career = self.play.career
        now = (career.night, career.whereabouts)
        if now != self.start_set:
            self.start, self.start_set = career.whereabouts, now
        return self.start

    def _choose_start(self, step: int) -> None:
        here = WHEREABOUTS.index(self._start_from())
        self.start = WHEREABOUTS[(here + step) % len(WHEREABOUTS)]

    def _refresh(self, app: Any) -> None:
        from game.app import career_screens as screens

        play = self.play

        def show(make: Callable[[Any, CareerPlay], Scene]) -> Callable[[], None]:
            return lambda: app.push(make(app, play))

        items = [MenuItem("The record", select=show(screens.EndingScene))] \
            if play.career.over else [
            MenuItem("The Handler's board", select=show(screens.BoardScene)),
            MenuItem("Shannon's garage", select=show(screens.GarageScene)),
            MenuItem(lambda: f"Drive through the night from {STARTS[self._start_from()][1]}",
                     select=lambda: self._free_drive(app), adjust=self._choose_start),
        ]
        items += [
            MenuItem("The Detective's file", select=show(screens.dossier_scene)),
            MenuItem("Jobs done", select=show(screens.jobs_scene)),
            MenuItem("Save and back to the title", select=lambda: self._leave(app)),
        ]
        if [i.text() for i in items] != [i.text() for i in self.items]:
            self.items = items
            self.selected = min(self.selected, len(items) - 1)

    def _leave(self, app: Any) -> None:
        app.pop()  # leave() saves

    def _free_drive(self, app: Any) -> None:
        """Free drive from the apartment or the garage, in his car, with what the police
        know of it; a bust goes into the career (:func:`career_busted`)."""
        from game.app.drive_scene import FREE_DRIVE_MAP, DriveScene
        from game.career.standing import standing_for
        from game.level import load_level
        from game.problems import FileProblem
        from game.session.drive import free_drive_session

        try:
            level = load_level(FREE_DRIVE_MAP)
        except FileProblem as problem:
            app.notice = str(problem)
            return
        spawn = STARTS[self._start_from()][0]
        if spawn not in level.spawns:
            app.notice = f"{level.path}: no player spawn {spawn!r} to start the drive at"
            return
        standing, seed = standing_for(self.play.career), app.seed
        night = self.play.career.night
        scene = DriveScene(lambda: free_drive_session(level, seed=seed, standing=standing,
                                                      player_spawn=spawn))
        scene.on_end = lambda app, session: career_busted(app, self.play, night, session)
        app.push(scene)

    def handle_event(self, app: Any, event: pygame.event.Event, actions: list[str]) -> None:
        self._refresh(app)
        super().handle_event(app, event, actions)

    def draw(self, app: Any, screen: pygame.Surface) -> None:
        self._refresh(app)
        screen.fill(palette.NIGHT_INK)
        width, _ = screen.get_size()
        title = app.text.render("The Driver", 60, palette.NEON_PINK, neon=True)
        screen.blit(title, title.get_rect(midtop=(width // 2, 24)), special_flags=pygame.BLEND_ADD)
        y = 110
        for line, colour in status_lines(self.play.career):
            rendered = app.text.render(line, 26, colour)
            screen.blit(rendered, rendered.get_rect(midtop=(width // 2, y)))
            y += 34
        choosing = self.items and self.items[self.selected].adjust is not None
        note = app.notice or self.note or (START_HINT if choosing else None)
        draw_menu(app, screen, None, [i.text() for i in self.items], self.selected, note,
                  top=y + 30)

    def leave(self, app: Any) -> None:
        self.play.save(app)  # quitting the game saves too


def career_busted(app: Any, play: CareerPlay, night: int, session: Any) -> None:
    """The police busted the Driver on the night's drive: booked (the file has it), the
    night is over, and the busted screen says what it did to the career (or the career
    ends in an arrest)."""
    from game.app.career_screens import CareerBustedScene
    from game.career.ending import busted_in_free_drive
    from game.session.drive import FREE_DRIVE_START_CLOCK_S

    if play.career.night != night or play.career.over:  # already taken for tonight
        return
    busted = session.law.busted
    sentence = busted.reason if busted is not None else "busted"
    clock = (FREE_DRIVE_START_CLOCK_S + session.world.time) % (24 * 3600)
    done = busted_in_free_drive(play.career, sentence, clock)
    play.update(app, done.career)
    app.push(CareerBustedScene(app, play, done, sentence))


def open_career_scene(app: Any, slot: Path, career: Career, note: str = "",
                      missions: Path | None = None, autopilot: bool = False,
                      warp: float = 1.0) -> None:
    """Push the career screen for ``career`` (in ``slot``), saved there at once; for an
    ended career, its ending's screen with the record over it."""
    from game.app.career_screens import EndingScene

    catalogue = read_catalogue(missions) if missions is not None else read_levels_path()
    play = CareerPlay(slot, career, catalogue, autopilot, warp)
    play.save(app)
    app.push(CareerScene(app, play, note or None))
    if career.over:
        app.push(EndingScene(app, play))


def new_career_entry(app: Any) -> None:
    """The title's New career: a fresh career in a new slot (no career is overwritten)."""
    from game.career.model import new_career
    from game.career.saves import new_slot

    open_career_scene(app, new_slot(), new_career(secrets.randbits(32)))


def continue_entry(app: Any) -> None:
    """The title's Continue: the career saved last."""
    from game.career.saves import slots

    saved = slots()
    if not saved:
        app.notice = "No career saved yet: choose New career"
        return
    continue_slot(app, saved[0])


def continue_slot(app: Any, slot: Path, missions: Path | None = None,
                  autopilot: bool = False, warp: float = 1.0) -> bool:
    """Open the career in ``slot``: loaded, migrated, or its backup offered; False (with
    ``app.notice`` saying why) when there is nothing to open. An ended career shows its
    ending and record (:func:`open_career_scene`)."""
    from game.career.saves import load_career

    loaded = load_career(slot)
    if loaded.career is not None:
        open_career_scene(app, slot, loaded.career, loaded.message, missions, autopilot, warp)
        return True
    app.notice = loaded.message
    if loaded.backup is not None:
        app.push(BackupOffer(app, slot, loaded, missions))
        return True
    return False


class BackupOffer(MenuScene):
    """A save that could not be used: say so, and offer its backup."""

    def __init__(self, app: Any, slot: Path, loaded: Any, missions: Path | None) -> None:
        backup = loaded.backup
        items = [
            MenuItem(f"Continue from the backup (night {backup.night})",
                     select=lambda: self._restore(app)),
            MenuItem("Back", select=app.pop),
        ]
        super().__init__("The save", items, back=app.pop, note=loaded.message)
        self.slot = slot
        self.missions = missions

    def _restore(self, app: Any) -> None:
        from game.career.saves import restore_backup

        restored = restore_backup(self.slot)
        app.pop()
        if restored.career is None:
            app.notice = restored.message
            return
        open_career_scene(app, self.slot, restored.career, "continuing from the backup",
                          self.missions)

    def draw(self, app: Any, screen: pygame.Surface) -> None:
        screen.fill(palette.NIGHT_INK)
        draw_menu(app, screen, self.title, [i.text() for i in self.items], self.selected)
        _draw_wrapped(app, screen, self.note or "", screen.get_height() - 150)


def _draw_wrapped(app: Any, screen: pygame.Surface, text: str, top: int) -> None:
    import textwrap

    width = screen.get_width()
    for k, line in enumerate(textwrap.wrap(text, max(20, width // 12))):
        rendered = app.text.render(line, 22, palette.AMBER)
        screen.blit(rendered, rendered.get_rect(midtop=(width // 2, top + 26 * k)))


def play_career_in_window(slot: Path | None, resume: bool, use_backup: bool, seed: int,
                          missions: Path | None = None, autopilot: bool = False,
                          warp: float = 1.0) -> int:
    """``python -m game career``: the window, straight into the career screen (a new
    career, or with ``resume`` the one in ``slot`` or saved last); with ``autopilot`` the
    autopilot drives the jobs taken from the board (at ``warp``)."""
    from game.app.career_command import choose_slot, open_career
    from game.app.main import open_game

    chosen = choose_slot(slot, resume)

    def start(app: Any) -> None:
        if chosen is None:
            app.notice = "No career saved yet: choose New career"
            return
        career, message = open_career(chosen, resume, use_backup, seed)
        if career is None and resume:
            continue_slot(app, chosen, missions, autopilot, warp)
            return
        if career is None:
            app.notice = message
            return
        open_career_scene(app, chosen, career, message, missions, autopilot, warp)

    return open_game(seed, start=start)
