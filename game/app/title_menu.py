"""The title menu as a registry of entries, so other modules add their own cleanly.

An entry is a label and an *opener*: a callable ``opener(app) -> None`` that pushes the
scene to show, or a ``"module:function"`` string naming one (imported only when the
entry is chosen, which keeps the title screen quick to start). Entries sort by
``order``. To add one, append a line to :data:`TITLE_ENTRIES` below or call
:func:`register_title_entry` from a module the app imports::

    TitleEntry("Jobs", "game.app.job_scene:open_jobs", order=20)

An entry may have a ``when``: a predicate ``when() -> bool`` (or its "module:function")
saying whether the title offers it now; Continue is offered only when a career is saved
(:func:`career_saved`). The title asks again each time it comes back to the top.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from game import resources

Opener = Callable[[Any], None]


@dataclass(frozen=True)
class TitleEntry:
    label: str  #: the text on the title screen
    opener: str | Opener  #: ``opener(app)`` or "module:function" resolved when chosen
    order: int = 50  #: position: lower comes first
    #: ``when() -> bool`` (or "module:function"): offered only while it says so; None: always
    when: str | Callable[[], bool] | None = None

    def open(self, app: Any) -> None:
        """Run the opener (importing it first when given as "module:function")."""
        resolve_opener(self.opener)(app)

    def offered(self) -> bool:
        """The title offers this entry now."""
        return self.when is None or bool(resolve_opener(self.when)())


TITLE_ENTRIES: list[TitleEntry] = [
    TitleEntry("Continue", "game.app.career_scene:continue_entry", order=4,
               when="game.app.title_menu:career_saved"),
    TitleEntry("New career", "game.app.career_scene:new_career_entry", order=6),
    TitleEntry("Free Drive", "game.app.drive_scene:open_free_drive", order=10),
    TitleEntry("Jobs", "game.app.job_scene:open_jobs", order=20),
    TitleEntry("Settings", "game.app.settings_scene:open_settings", order=80),
    TitleEntry("Quit", "game.app.title_menu:quit_game", order=90),
]


def register_title_entry(label: str, opener: str | Opener, order: int = 50,
                         when: str | Callable[[], bool] | None = None) -> TitleEntry:
    """Add (or replace, by label) a title-menu entry; returns it."""
    entry = TitleEntry(label, opener, order, when)
    TITLE_ENTRIES[:] = [e for e in TITLE_ENTRIES if e.label != label] + [entry]
    return entry


def title_entries() -> list[TitleEntry]:
    """The entries in menu order."""
    return sorted(TITLE_ENTRIES, key=lambda e: e.order)


def offered_entries() -> list[TitleEntry]:
    """The entries the title offers now, in menu order."""
    return [entry for entry in title_entries() if entry.offered()]


def career_saved() -> bool:
    """Some career slot holds a save (Continue has something to open)."""
    return bool(resources.career_slots())


def resolve_opener(opener: str | Callable) -> Callable:
    if callable(opener):
        return opener
    module_name, _, function_name = opener.partition(":")
    return getattr(importlib.import_module(module_name), function_name)


def quit_game(app: Any) -> None:
    app.quit()
