"""A headless drive: a level's World, the AI that drives the other cars, the player's
control row and the game's rules, stepped in the one tick order DESIGN.md fixes.

Free drive and the jobs build the same :class:`DriveSession`; the app renders it and
feeds it input, the mission runner and the tests step it themselves. No pygame here, so
``game.mission`` can build on it without reaching up into ``game.app``.
"""

from game.session.drive import DriveSession, Rules
from game.session.traffic import TrafficLink, add_traffic

__all__ = ["DriveSession", "Rules", "TrafficLink", "add_traffic"]
