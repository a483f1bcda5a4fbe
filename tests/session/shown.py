"""Rules for tests: they only show a fixed view (a waypoint, the crew, an objective)."""

from __future__ import annotations

from game.session.view import RulesView


class Showing:
    """A session's rules that do nothing and show ``RulesView(**fields)`` (a clock of
    23:59 unless given)."""

    def __init__(self, **fields) -> None:
        self.fields = {"clock_text": "23:59", **fields}

    def update(self, session, report) -> None:
        return None

    def view(self, session) -> RulesView:
        return RulesView(**self.fields)

    def state(self) -> tuple:
        return ()
