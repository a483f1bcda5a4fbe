"""The end of a free drive: the police got the Driver. What happened, then drive again.

Free drive ("Take a Ride") ends only when the Driver is busted: this screen says where
and how (the law's sentence), how long he drove and how hot it got, and offers the drive
again from the start or the title.
"""

from __future__ import annotations

from typing import Any

import pygame

from game.app.scene import MenuItem, MenuScene, draw_menu
from game.render import palette


class BustedScene(MenuScene):
    """Busted in free drive: the reason, the drive's figures, Drive again or the title."""

    def __init__(self, app: Any, drive: Any, session: Any) -> None:
        items = [
            MenuItem("Drive again", select=lambda: self._again(app)),
            MenuItem("Back to title", select=app.back_to_first),
        ]
        super().__init__("", items, back=app.back_to_first)
        self.drive = drive
        busted = session.law.busted
        minutes, seconds = divmod(int(session.world.time), 60)
        self.reason = busted.reason if busted is not None else "the drive is over"
        self.figures = [
            f"You drove {minutes} min {seconds:02d} s (sim time)",
            f"Heat at its highest {session.law.heat.heat_max:.1f}",
            f"Sighting episodes {session.law.heat.episodes}",
        ]

    def _again(self, app: Any) -> None:
        self.drive.start()
        app.pop()

    def lines(self) -> list[str]:
        """What the screen says (tests read these)."""
        return [self.reason[0].upper() + self.reason[1:], *self.figures]

    def draw(self, app: Any, screen: pygame.Surface) -> None:
        screen.fill(palette.NIGHT_INK)
        width, height = screen.get_size()
        text = app.text
        title = text.render("Busted", 64, palette.NEON_PINK, neon=True)
        screen.blit(title, title.get_rect(midtop=(width // 2, 40)), special_flags=pygame.BLEND_ADD)
        y = 140
        for index, line in enumerate(self.lines()):
            colour = palette.TEXT if index == 0 else palette.TEXT_DIM
            rendered = text.render(line, 26, colour)
            screen.blit(rendered, rendered.get_rect(midtop=(width // 2, y)))
            y += 36
        labels = [item.text() for item in self.items]
        draw_menu(app, screen, None, labels, self.selected, top=max(y + 30, height - 140))
