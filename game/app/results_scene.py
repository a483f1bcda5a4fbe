"""The results of a job: why it ended, in a sentence; who got back and who was left; the
pay, the rule, the heat, and what those left behind will tell the Detective.

It shows a :class:`~game.mission.result.JobResult`, the same value the headless runner
prints; :func:`why_it_ended` turns its outcome and reason (the law's sentence when the
police stopped the Driver) into the sentence a player reads.
"""

from __future__ import annotations

from typing import Any

import pygame

from game.app.scene import MenuItem, MenuScene, draw_menu
from game.mission.audition import MISSED
from game.mission.clock import format_clock
from game.mission.result import JobResult
from game.render import palette

HEADLINES = {
    "success": ("Clean getaway", palette.NEON_CYAN),
    "crew_left_behind": ("Left behind", palette.AMBER),
    "failed": ("Job blown", palette.NEON_PINK),
}
#: a job without a crew (a race, an audition: its result has a scorecard) won
SCORED_WIN = ("Job done", palette.NEON_CYAN)
RESULTS_MARGIN_PX = 80  #: a long line wraps this far in from either edge of the screen


def sentence(text: str) -> str:
    """A reason as a sentence: a capital first, a full stop last."""
    text = " ".join(text.split())
    if not text:
        return ""
    text = text[0].upper() + text[1:]
    return text if text[-1] in ".!?" else text + "."


def names(people: tuple[str, ...]) -> str:
    """"Irish", "Irish and Blanche", "Irish, Blanche and Cook"."""
    if len(people) <= 1:
        return "".join(people)
    return ", ".join(people[:-1]) + " and " + people[-1]


def why_it_ended(result: JobResult) -> str:
    """Why the job ended, as a player understands it."""
    if result.outcome == "failed":
        if result.busted:  # the job's words, then the law's: where, how long, how many units
            law = result.busted.removeprefix("busted: ")
            if not result.reason or law == result.busted:
                return sentence(result.busted)
            return f"{sentence(result.reason)} {sentence(law)}"
        return sentence(result.reason) or "The job was called off."
    if result.outcome == "crew_left_behind":
        left = names(result.crew_left_behind)
        return (f"You got away, but {left} did not make it back to the car inside the five "
                f"minutes.")
    if result.outcome == "success" and result.scorecard:  # a race, an audition: no crew
        return sentence(result.reason)
    if result.outcome == "success":
        kept = "" if result.rule_kept else " You broke the rule, so they pay half."
        if result.own_reason:  # the job's own words ("Nino's car is on the beach")
            return sentence(result.reason) + kept
        return "Everyone made it back and you got away clean." + kept
    return sentence(result.reason) or "The job is not over."


class ResultsScene(MenuScene):
    """What happened, as the result the headless runner prints; Retry or back to the title."""

    def __init__(self, app: Any, result: JobResult, mission: Any, options: Any = None) -> None:
        items = [
            MenuItem("Retry", select=lambda: self._retry(app)),
            MenuItem("Back to title", select=app.back_to_first),
        ]
        super().__init__("", items, back=app.back_to_first)
        self.result = result
        self.mission = mission
        self.options = options  #: the JobOptions to retry with

    def _retry(self, app: Any) -> None:
        from game.app.job_scene import open_briefing

        app.back_to_first()
        open_briefing(app, self.mission.path, self.options)

    def lines(self) -> list[tuple[str, tuple[int, int, int]]]:
        """The result lines and their colours (tests read these)."""
        r = self.result
        kept = r.rule_kept
        rule = ("Rule kept", palette.NEON_CYAN) if kept else ("Rule broken", palette.NEON_PINK)
        lines = [(why_it_ended(r), palette.TEXT), (f"Payout ${r.payout:,}", palette.TEXT), rule]
        if r.scorecard:  # a race's or an audition's own lines stand for the crew's
            lines = lines[:2] + [(line, palette.TEXT_DIM if line.endswith(MISSED)
                                  else palette.NEON_CYAN) for line in r.scorecard]
        elif not r.under_window:
            lines.remove(rule)  # no crew, no window: no rule to keep
        elif r.window_opened_at is None:
            lines.append(("The window never opened: the crew never went in", palette.TEXT))
        else:
            lines.append((f"The window opened at {format_clock(r.window_opened_at)}",
                          palette.TEXT))
            back = names(r.crew_returned) or "nobody"
            when = f" (all in by {format_clock(r.crew_back_at)})" if r.crew_back_at else ""
            lines.append((f"Back in the car: {back}{when}", palette.NEON_CYAN))
            if r.crew_left_behind:
                lines.append((f"Left behind: {names(r.crew_left_behind)}", palette.AMBER))
        if r.bag_note:
            lines.append((f"The bag: ${r.bag_usd:,}. {sentence(r.bag_note)}", palette.AMBER))
        lines += [
            (f"Heat max {r.heat_max:.1f}", palette.TEXT),
            (f"Clock at the end {format_clock(r.clock_end)}", palette.TEXT_DIM),
        ]
        for told in r.testimony:
            lines.append((f"{told.crew} will tell the Detective: {told.car}, plate "
                          f"{told.plate}, went {told.direction}", palette.AMBER))
        for seen in r.identified:
            who = seen.who[:1].upper() + seen.who[1:]
            if "," in who:  # "the Player, a gambler in the casino lot," closes its aside
                who += ","
            lines.append((f"{who} saw your face ({seen.strength:.0%}): the Detective "
                          "will hear of it", palette.AMBER))
        return lines

    def draw(self, app: Any, screen: pygame.Surface) -> None:
        screen.fill(palette.NIGHT_INK)
        width, height = screen.get_size()
        text = app.text
        headline, colour = HEADLINES.get(self.result.outcome, ("Over", palette.TEXT))
        if self.result.won and self.result.scorecard:
            headline, colour = SCORED_WIN
        title = text.render(f"{self.mission.title}: {headline}", 56, colour, neon=True)
        screen.blit(title, title.get_rect(midtop=(width // 2, 40)), special_flags=pygame.BLEND_ADD)
        y = 130
        for line, line_colour in self.lines():
            for part in text.wrapped(line, 26, width - 2 * RESULTS_MARGIN_PX):
                rendered = text.render(part, 26, line_colour)
                screen.blit(rendered, rendered.get_rect(midtop=(width // 2, y)))
                y += 34
        labels = [item.text() for item in self.items]
        draw_menu(app, screen, None, labels, self.selected, top=max(y + 30, height - 140))
