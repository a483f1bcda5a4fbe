"""The career's screens: the Handler's board and her offers, Shannon's garage, the
Detective's file as a dossier, the jobs done, a job's results with what they did, a bust
on the night's drive, and the ending's screen with the career's record.

Each reads and changes the career through :class:`~game.app.career_scene.CareerPlay`
(which saves every change at once) and the headless functions of ``game.career``.
"""

from __future__ import annotations

import textwrap
from dataclasses import replace
from typing import Any

import pygame

from game.app.job_scene import BriefingScene, JobOptions
from game.app.results_scene import ResultsScene
from game.app.scene import MENU_DOWN, MENU_OK, MENU_UP, MenuItem, MenuScene, Scene, menu_key
from game.career import garage
from game.career.consequences import Consequences, apply_result
from game.career.dossier import certainty, dossier
from game.career.ending import HEADINGS, after_the_last_job
from game.career.ending import record as career_record
from game.career.handler import DECLINE_COST, Offer, board, cannot_take, decline, lie_low
from game.career.model import GARAGE, job_seed
from game.career.standing import standing_for
from game.render import palette

Line = tuple[str, tuple[int, int, int]]


class BoardScene(MenuScene):
    """Tonight's offers, one short line each; the selected one's client, place and time
    under them, and the Handler's line."""

    def __init__(self, app: Any, play: Any) -> None:
        tonight = board(play.career, play.catalogue)
        items = [MenuItem(offer.label, select=lambda o=offer: app.push(OfferScene(app, play, o)))
                 for offer in tonight.offers]
        if not tonight.closed:
            items.append(MenuItem("Lie low tonight", select=lambda: _lie_low(app, play)))
        items.append(MenuItem("Back", select=app.pop))
        super().__init__(f"Night {tonight.night}: the Handler", items, back=app.pop)
        self.board = tonight

    def draw(self, app: Any, screen: pygame.Surface) -> None:
        screen.fill(palette.NIGHT_INK)
        lines: list[Line] = [(f'"{self.board.line}"', palette.AMBER)]
        if self.selected < len(self.board.offers):
            offer = self.board.offers[self.selected]
            lines += [(offer.client, palette.TEXT),
                      (f"{offer.place}, at {offer.time}", palette.TEXT_DIM)]
        y = _draw_lines(app, screen, self.title, lines, 24)
        _draw_items(app, screen, self, y + 20)


def _lie_low(app: Any, play: Any) -> None:
    play.update(app, lie_low(play.career))
    app.replace(BoardScene(app, play))


class OfferScene(MenuScene):
    """One offer: who, where, when, how much, how risky, and the briefing."""

    def __init__(self, app: Any, play: Any, offer: Offer) -> None:
        items = [
            MenuItem("Take the job", select=lambda: self._take(app)),
            MenuItem(f"Turn it down (reputation -{DECLINE_COST})",
                     select=lambda: self._decline(app)),
            MenuItem("Back", select=app.pop),
        ]
        super().__init__(offer.mission.title, items, back=app.pop)
        self.play = play
        self.offer = offer

    def _take(self, app: Any) -> None:
        play, offer = self.play, self.offer
        why_not = cannot_take(play.career, offer)
        if why_not:
            self.note = why_not
            return
        career = play.career
        night = career.night

        def done(app: Any, result: Any, mission: Any) -> None:
            if play.career.night != night:  # a result already taken for tonight
                return
            after, changed = apply_result(play.career, offer, result)
            after = after_the_last_job(after, play.catalogue)
            play.update(app, after)
            if after.ended and not changed.ended:  # the last job: no more work
                changed = replace(changed, ended=after.ended)
            app.replace(CareerResultsScene(app, result, mission, changed, play))

        options = JobOptions(seed=job_seed(career), standing=standing_for(career, offer.mission),
                             on_result=done, autopilot=play.autopilot, warp=play.warp)
        app.pop()  # this offer...
        app.pop()  # ...and the board: after the job, the career screen
        app.push(BriefingScene(offer.mission, options))

    def _decline(self, app: Any) -> None:
        self.play.update(app, decline(self.play.career, self.offer))
        app.pop()
        app.replace(BoardScene(app, self.play))

    def draw(self, app: Any, screen: pygame.Surface) -> None:
        screen.fill(palette.NIGHT_INK)
        offer = self.offer
        lines: list[Line] = [
            (f"Client: {offer.client}", palette.TEXT),
            (f"The place: {offer.place}    The time: {offer.time}", palette.TEXT),
            (f"Pay: ${offer.pay:,}    Risk: {offer.risk}", palette.AMBER),
            ("The Handler won't come along. She never does.", palette.TEXT_DIM),
        ]
        if self.note:
            lines.append((self.note, palette.NEON_PINK))
        y = _draw_lines(app, screen, offer.mission.title, lines, 26)
        _draw_items(app, screen, self, y + 20)


class CareerResultsScene(ResultsScene):
    """A job's results, and what they did to the career; Continue goes back to it."""

    def __init__(self, app: Any, result: Any, mission: Any, changed: Consequences,
                 play: Any) -> None:
        super().__init__(app, result, mission)
        self.items = [MenuItem("Continue", select=lambda: self._continue(app))]
        self.back = lambda: self._continue(app)
        self.changed = changed
        self.play = play

    def _continue(self, app: Any) -> None:
        """Back to the career screen; for a career this job ended, on to its ending."""
        app.pop()
        if self.play.career.over:
            app.push(EndingScene(app, self.play))

    def lines(self) -> list[Line]:
        changed = self.changed
        lines = super().lines()
        lines.append((f"Money ${self.play.career.money:,}    reputation "
                      f"{changed.reputation:+d}", palette.TEXT))
        for entry in changed.evidence:
            lines.append((f"For the Detective's file: {entry.who}: {entry.says}",
                          palette.AMBER))
        for entry in changed.retracted:
            lines.append((f"Taken back from the Detective's file: {entry.who}", palette.TEXT))
        lines.append((f"The Detective is {changed.certainty_after:.0%} sure", palette.AMBER))
        if changed.ended:
            lines.append((f"The career is over: {changed.ended}", palette.NEON_PINK))
        return lines


class GarageScene(MenuScene):
    """Shannon's: repairs, a respray and new plates, another car, which car to take."""

    def __init__(self, app: Any, play: Any) -> None:
        super().__init__("Shannon's garage", [], back=app.pop)
        self.app = app
        self.play = play
        if play.career.whereabouts != GARAGE:  # he is at Shannon's now: the drive starts here
            play.update(app, replace(play.career, whereabouts=GARAGE))
        self._refresh()

    def _refresh(self) -> None:
        career = self.play.career
        items = [
            MenuItem(f"Repair (${garage.repair_price(career):,})",
                     select=lambda: self._do(garage.repair, "Good as new.")),
            MenuItem(f"Respray and new plates (${garage.RESPRAY_PRICE:,})",
                     select=lambda: self._do(garage.respray, "Nobody will know it.")),
        ]
        for name, price in garage.CARS_FOR_SALE.items():
            items.append(MenuItem(f"Buy a {garage.CAR_NAMES[name]} (${price:,})",
                                  select=lambda n=name: self._do(lambda c: garage.buy(c, n),
                                                                 "It's yours.")))
        for index, car in enumerate(career.cars):
            mark = "  (driving)" if index == career.car_in_use else ""
            items.append(MenuItem(f"Take {car.words}, {car.plate}{mark}",
                                  select=lambda i=index: self._do(lambda c: garage.drive(c, i),
                                                                  "Keys are in it.")))
        items.append(MenuItem("Back", select=self.app.pop))
        self.items = items
        self.selected = min(self.selected, len(items) - 1)

    def _do(self, service, said: str) -> None:
        try:
            self.play.update(self.app, service(self.play.career))
            self.note = f'Shannon: "{said}"'
        except garage.GarageRefusal as refusal:
            self.note = f'Shannon: "{refusal}"'
        self._refresh()

    def draw(self, app: Any, screen: pygame.Surface) -> None:
        from game.app.career_scene import status_lines

        screen.fill(palette.NIGHT_INK)
        y = _draw_lines(app, screen, self.title, status_lines(self.play.career)[:2], 24)
        _draw_items(app, screen, self, y + 10)


class ReadingScene(Scene):
    """Lines to read, scrolled with Up and Down; Escape or Enter goes back."""

    def __init__(self, title: str, lines: list[Line]) -> None:
        self.title = title
        self.lines = lines
        self.first = 0  #: the first line shown

    def handle_event(self, app: Any, event: pygame.event.Event, actions: list[str]) -> None:
        key = menu_key(event)
        if key in MENU_DOWN:
            self.first = min(self.first + 1, max(len(self.lines) - 1, 0))
        elif key in MENU_UP:
            self.first = max(self.first - 1, 0)
        elif key in MENU_OK or key == pygame.K_ESCAPE:
            app.pop()

    def draw(self, app: Any, screen: pygame.Surface) -> None:
        screen.fill(palette.NIGHT_INK)
        y = _draw_lines(app, screen, self.title, self.lines[self.first:], 22)
        hint = app.text.render("Up/Down: read on    Esc: back", 20, palette.TEXT_DIM)
        screen.blit(hint, hint.get_rect(midtop=(screen.get_width() // 2, min(
            y + 10, screen.get_height() - 30))))


def dossier_lines(career: Any) -> list[Line]:
    """The Detective's file as a person reads it: who told him what, by source."""
    sure = certainty(career.file, career.night)
    lines: list[Line] = [(f"He is {sure:.0%} sure it was you.", palette.NEON_PINK)]
    sections = dossier(career.file, career.night)
    if not sections:
        lines.append(("Nothing on you yet. Keep it that way.", palette.TEXT_DIM))
    for heading, entries in sections:
        lines.append((heading, palette.NEON_CYAN))
        lines += [(text, palette.TEXT) for entry in entries for text in _wrapped(entry, 90)]
    return lines


def dossier_scene(app: Any, play: Any) -> ReadingScene:
    return ReadingScene("The Detective's file", dossier_lines(play.career))


def jobs_scene(app: Any, play: Any) -> ReadingScene:
    lines: list[Line] = []
    for record in play.career.jobs:
        result = record.result
        lines.append((f"Night {record.night}: {result.title} for {record.client}",
                      palette.NEON_CYAN))
        lines.append((f"{result.outcome.replace('_', ' ')}: {result.reason or 'done'}; "
                      f"${result.payout:,}; reputation {record.reputation_change:+d}",
                      palette.TEXT))
    return ReadingScene("Jobs done", lines or [("No jobs yet.", palette.TEXT_DIM)])


def _wrapped(text: str, width: int) -> list[str]:
    return [line for paragraph in text.strip().split("\n\n")
            for line in textwrap.wrap(" ".join(paragraph.split()), width) or [""]]


def _draw_lines(app: Any, screen: pygame.Surface, title: str, lines: list[Line],
                size: int) -> int:
    """A neon title and lines under it, centred, as many as fit; the y below them."""
    width, height = screen.get_size()
    heading = app.text.render(title, 52, palette.NEON_CYAN, neon=True)
    screen.blit(heading, heading.get_rect(midtop=(width // 2, 20)),
                special_flags=pygame.BLEND_ADD)
    y = 96
    for text, colour in lines:
        if y > height - 60:
            break
        rendered = app.text.render(text, size, colour)
        screen.blit(rendered, rendered.get_rect(midtop=(width // 2, y)))
        y += size + 8
    return y


def _draw_items(app: Any, screen: pygame.Surface, menu: MenuScene, top: int) -> None:
    from game.app.scene import draw_menu

    draw_menu(app, screen, None, [i.text() for i in menu.items], menu.selected, menu.note,
              top=top)


class CareerBustedScene(MenuScene):
    """Busted on the night's drive: the law's sentence, what the booking put in the
    Detective's file, and how sure he is now; Continue goes back to the career (or on to
    its ending, when the arrest ended it)."""

    def __init__(self, app: Any, play: Any, done: Any, sentence: str) -> None:
        super().__init__("", [MenuItem("Continue", select=lambda: self._continue(app))],
                         back=lambda: self._continue(app))
        self.play = play
        self.done = done
        self.sentence = sentence

    def _continue(self, app: Any) -> None:
        app.pop()  # this screen
        app.pop()  # the drive
        if self.play.career.over:
            app.push(EndingScene(app, self.play))

    def lines(self) -> list[Line]:
        """What the screen says (tests read these)."""
        lines: list[Line] = [(self.sentence[:1].upper() + self.sentence[1:], palette.TEXT),
                             ("You spend the night in a cell.", palette.TEXT_DIM),
                             (f"For the Detective's file: {self.done.evidence.who}: "
                              f"{self.done.evidence.says}", palette.AMBER),
                             (f"The Detective is {self.done.certainty_after:.0%} sure",
                              palette.AMBER)]
        if self.done.career.ended:
            lines.append((f"The career is over: {self.done.career.ended}", palette.NEON_PINK))
        return lines

    def draw(self, app: Any, screen: pygame.Surface) -> None:
        screen.fill(palette.NIGHT_INK)
        y = _draw_lines(app, screen, "Busted", [(text, colour) for text, colour in
                                                 _wrapped_lines(self.lines(), 80)], 24)
        _draw_items(app, screen, self, y + 20)


class EndingScene(MenuScene):
    """How the career ended (arrested, dropped, into the night), each with its own
    heading and line, and the career's record; the file and the jobs to read, and back to
    the title. An ended career is never resumed: Continue brings it here."""

    def __init__(self, app: Any, play: Any) -> None:
        items = [
            MenuItem("The Detective's file",
                     select=lambda: app.push(dossier_scene(app, play))),
            MenuItem("Jobs done", select=lambda: app.push(jobs_scene(app, play))),
            MenuItem("Back to the title", select=app.back_to_first),
        ]
        super().__init__("", items, back=app.back_to_first)
        self.play = play

    @property
    def heading(self) -> tuple[str, str]:
        """The ending's heading and the line under it."""
        return HEADINGS.get(self.play.career.ending, ("The end", ""))

    def lines(self) -> list[Line]:
        """What the screen says under its heading (tests read these)."""
        title, said = self.heading
        lines: list[Line] = [(said, palette.AMBER)] if said else []
        for index, text in enumerate(career_record(self.play.career)):
            lines.append((text, palette.TEXT if index else palette.NEON_PINK))
        return lines

    def draw(self, app: Any, screen: pygame.Surface) -> None:
        screen.fill(palette.NIGHT_INK)
        title, _ = self.heading
        colour = palette.NEON_PINK if self.play.career.ending == "arrested" else palette.NEON_CYAN
        width = screen.get_width()
        heading = app.text.render(title, 64, colour, neon=True)
        screen.blit(heading, heading.get_rect(midtop=(width // 2, 24)),
                    special_flags=pygame.BLEND_ADD)
        y = 110
        for text, line_colour in _wrapped_lines(self.lines(), 80):
            rendered = app.text.render(text, 24, line_colour)
            screen.blit(rendered, rendered.get_rect(midtop=(width // 2, y)))
            y += 32
        _draw_items(app, screen, self, y + 16)


def _wrapped_lines(lines: list[Line], width: int) -> list[Line]:
    return [(part, colour) for text, colour in lines for part in _wrapped(text, width)]
