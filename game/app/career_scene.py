"""The career in the window: Continue and New career, the career screen, a job's results.

The title's **Continue** opens the career saved last (a save it cannot use is reported
in one line and its backup offered; one from a newer game is refused), **New career**
starts one in a new slot. The career screen (:class:`CareerScene`) shows the night, the
money, the reputation, the car and how sure the Detective is, and leads to the Handler's
board, Shannon's garage, the Detective's file and the jobs done
(:mod:`game.app.career_screens`), and to a free drive through the night in the Driver's
own car. A job taken from the board runs as any job does (:class:`~game.app.job_scene.JobScene`),
with the career's Standing; its result goes through
:func:`game.career.consequences.apply_result`, is saved at once, and its results screen
adds what it did to the career. The career is saved after every change and again when
the screen closes (quitting the game included); a job left before it ended leaves the
career as it was.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pygame

from game.app.scene import MenuItem, MenuScene, Scene, draw_menu
from game.career.catalogue import Catalogue, read_catalogue
from game.career.dossier import certainty
from game.career.model import Career
from game.render import palette

FROM_THE_APARTMENT = "player_start"  #: where the night's free drive starts (the apartment court)


class CareerPlay:
    """The career being played: its slot, its state, the jobs it may be offered."""

    def __init__(self, slot: Path, career: Career, catalogue: Catalogue) -> None:
        self.slot = slot
        self.career = career
        self.catalogue = catalogue

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
        self._refresh(app)

    def _refresh(self, app: Any) -> None:
        from game.app import career_screens as screens

        play = self.play

        def show(make: Callable[[Any, CareerPlay], Scene]) -> Callable[[], None]:
            return lambda: app.push(make(app, play))

        items = [] if play.career.over else [
            MenuItem("The Handler's board", select=show(screens.BoardScene)),
            MenuItem("Shannon's garage", select=show(screens.GarageScene)),
            MenuItem("Drive through the night", select=lambda: self._free_drive(app)),
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
        """Free drive from the apartment, in his car, with what the police know of it."""
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
        standing, seed = standing_for(self.play.career), app.seed
        app.push(DriveScene(lambda: free_drive_session(level, seed=seed, standing=standing,
                                                       player_spawn=FROM_THE_APARTMENT)))

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
        note = app.notice or self.note
        draw_menu(app, screen, None, [i.text() for i in self.items], self.selected, note,
                  top=y + 30)

    def leave(self, app: Any) -> None:
        self.play.save(app)  # quitting the game saves too


def open_career_scene(app: Any, slot: Path, career: Career, note: str = "",
                      missions: Path | None = None) -> None:
    """Push the career screen for ``career`` (in ``slot``), saved there at once."""
    from game.mission.job import MISSIONS_DIR

    play = CareerPlay(slot, career, read_catalogue(missions or MISSIONS_DIR))
    play.save(app)
    app.push(CareerScene(app, play, note or None))


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


def continue_slot(app: Any, slot: Path, missions: Path | None = None) -> bool:
    """Open the career in ``slot``: loaded, migrated, or its backup offered; False (with
    ``app.notice`` saying why) when there is nothing to open."""
    from game.career.saves import load_career

    loaded = load_career(slot)
    if loaded.career is not None:
        open_career_scene(app, slot, loaded.career, loaded.message, missions)
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
                          missions: Path | None = None) -> int:
    """``python -m game career``: the window, straight into the career screen (a new
    career, or with ``resume`` the one in ``slot`` or saved last)."""
    from game.app.career_command import choose_slot, open_career
    from game.app.main import open_game

    chosen = choose_slot(slot, resume)

    def start(app: Any) -> None:
        if chosen is None:
            app.notice = "No career saved yet: choose New career"
            return
        career, message = open_career(chosen, resume, use_backup, seed)
        if career is None and resume:
            continue_slot(app, chosen, missions)
            return
        if career is None:
            app.notice = message
            return
        open_career_scene(app, chosen, career, message, missions)

    return open_game(seed, start=start)
