"""The results of a job: outcome, pay, whether the rule was kept, heat, who was left behind.

It shows a :class:`~game.mission.result.JobResult`, the same value the headless runner
prints.
"""

from __future__ import annotations

from typing import Any

import pygame

from game.app.scene import MenuItem, MenuScene, draw_menu
from game.mission.clock import format_clock
from game.mission.result import JobResult
from game.render import palette

HEADLINES = {
    "success": ("Clean getaway", palette.NEON_CYAN),
    "crew_left_behind": ("Left behind", palette.AMBER),
    "failed": ("Job blown", palette.NEON_PINK),
}


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
        opened = format_clock(r.window_opened_at) if r.window_opened_at is not None else "never"
        back = format_clock(r.crew_back_at) if r.crew_back_at is not None else "-"
        lines = [
            (r.reason or " ", palette.TEXT_DIM),
            (f"Payout ${r.payout:,}", palette.TEXT),
            rule,
            (f"Window opened {opened}", palette.TEXT),
            (f"Crew back {back}", palette.TEXT),
            (f"Heat max {r.heat_max:.1f}", palette.TEXT),
            (f"Clock at the end {format_clock(r.clock_end)}", palette.TEXT_DIM),
        ]
        for told in r.testimony:
            lines.append((f"{told.crew} will tell the Detective: {told.car}, plate "
                          f"{told.plate}, went {told.direction}", palette.AMBER))
        return lines

    def draw(self, app: Any, screen: pygame.Surface) -> None:
        screen.fill(palette.NIGHT_INK)
        width, height = screen.get_size()
        text = app.text
        headline, colour = HEADLINES.get(self.result.outcome, ("Over", palette.TEXT))
        title = text.render(f"{self.mission.title}: {headline}", 56, colour, neon=True)
        screen.blit(title, title.get_rect(midtop=(width // 2, 40)), special_flags=pygame.BLEND_ADD)
        y = 130
        for line, line_colour in self.lines():
            rendered = text.render(line, 26, line_colour)
            screen.blit(rendered, rendered.get_rect(midtop=(width // 2, y)))
            y += 34
        labels = [item.text() for item in self.items]
        draw_menu(app, screen, None, labels, self.selected, top=max(y + 30, height - 140))
