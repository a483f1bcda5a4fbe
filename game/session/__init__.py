"""A headless drive: a level's World, the drivers of every car, the law and the rules,
stepped in the one tick order DESIGN.md fixes (:meth:`DriveSession.tick`).

Free drive and the jobs build the same :class:`DriveSession`; the app renders it (its
typed :class:`~game.session.view.FrameView`) and gives it the player's driver, the
mission runner and the tests step it themselves. No pygame here, so ``game.mission``
can build on it without reaching up into ``game.app``.
"""

from game.session.drive import (
    DriveSession,
    Rules,
    TickReport,
    add_parked,
    add_traffic,
    free_drive_session,
)
from game.session.view import FrameView, RulesView

__all__ = [
    "DriveSession",
    "FrameView",
    "Rules",
    "RulesView",
    "TickReport",
    "add_parked",
    "add_traffic",
    "free_drive_session",
]
