"""Settings: volume, fullscreen, resolution, the police's difficulty and the bindings;
saved when you leave.

Every action has two key slots and two pad-button slots. Up/Down picks a line,
Left/Right a slot on an action's line; Enter waits for the new key (or pad button) for
that slot, which it adds there or replaces; Backspace or Delete empties the slot; Esc
goes back (and, while waiting, gives up waiting). A key or button another action had is
taken from it, and the screen says so (the clash), naming an action left with none.
"""

from __future__ import annotations

from typing import Any

import pygame

from game.app.scene import MenuItem, MenuScene, menu_key
from game.input.player import PAD_BUTTON_NAMES
from game.input.settings import (
    ACTION_LABELS,
    ACTIONS,
    DIFFICULTIES,
    RESOLUTIONS,
    SLOTS,
    key_label,
    pad_label,
)
from game.render import palette

HELP = ("Up/Down: choose   Left/Right: pick a key or pad slot   Enter: then press the new "
        "key or button", "Backspace: empty the slot   Esc: back (and save)")
CLEAR_KEYS = (pygame.K_BACKSPACE, pygame.K_DELETE)
COLUMNS = ("key", "key", "pad", "pad")  #: an action line's slots, left to right


def desktop_size() -> tuple[int, int] | None:
    """The first display's size, or None where SDL cannot tell (a dummy driver)."""
    try:
        sizes = pygame.display.get_desktop_sizes()
    except pygame.error:
        return None
    return tuple(sizes[0]) if sizes else None


def window_sizes(current: tuple[int, int], desktop: tuple[int, int] | None,
                 fullscreen: bool) -> list[tuple[int, int]]:
    """The sizes Resolution steps through, smallest first: in a window only those that
    fit on the desktop (a bigger window hangs off the screen); fullscreen scales any."""
    fits = [size for size in RESOLUTIONS if fullscreen or desktop is None
            or (size[0] <= desktop[0] and size[1] <= desktop[1])]
    return sorted({*fits, current}, key=lambda size: size[0] * size[1])


def open_settings(app: Any) -> None:
    app.push(SettingsScene(app))


class SettingsScene(MenuScene):
    """A menu whose action lines have slots that wait for the next key or button."""

    def __init__(self, app: Any) -> None:
        settings = app.settings
        self.settings = settings
        self.column = 0  #: the slot picked on an action's line (COLUMNS)
        self.waiting_for: tuple[str, int] | None = None  #: (action, column) being rebound
        items = [
            MenuItem(lambda: f"Volume  {round(settings.volume * 100)}%",
                     adjust=self._volume),
            MenuItem(lambda: f"Fullscreen  {'on' if settings.fullscreen else 'off'}",
                     select=self._fullscreen, adjust=lambda _: self._fullscreen()),
            MenuItem(lambda: "Resolution  {}x{}".format(*settings.resolution),
                     select=lambda: self._resolution(1), adjust=self._resolution),
            MenuItem(lambda: f"Police  {settings.difficulty}",
                     select=lambda: self._difficulty(1), adjust=self._difficulty),
        ]
        self.first_action = len(items)
        items += [MenuItem(lambda a=a: self._binding_label(a), select=lambda a=a: self._wait(a),
                           adjust=self._move_column) for a in ACTIONS]
        items.append(MenuItem("Back", select=lambda: self._leave(app)))
        super().__init__("Settings", items, back=lambda: self._leave(app))

    # -- the lines ----------------------------------------------------------------------
    def _volume(self, direction: int) -> None:
        self.settings.volume = round(min(1.0, max(0.0, self.settings.volume + 0.1 * direction)), 2)

    def _fullscreen(self) -> None:
        self.settings.fullscreen = not self.settings.fullscreen

    def _difficulty(self, direction: int) -> None:
        """Easy, normal or hard police: how far they see, how many, how soon they ram."""
        k = DIFFICULTIES.index(self.settings.difficulty)
        self.settings.difficulty = DIFFICULTIES[(k + direction) % len(DIFFICULTIES)]

    def _resolution(self, direction: int) -> None:
        current = tuple(self.settings.resolution)
        choices = window_sizes(current, desktop_size(), self.settings.fullscreen)
        k = choices.index(current)
        self.settings.resolution = choices[(k + direction) % len(choices)]

    def slots(self, action: str) -> list[str]:
        """The action's four slots as shown: two keys, two pad buttons ("" when empty)."""
        keys = [key_label(k) for k in self.settings.bindings.get(action, [])]
        pads = [pad_label(b) for b in self.settings.pad_bindings.get(action, [])]
        return (keys + [""] * SLOTS)[:SLOTS] + (pads + [""] * SLOTS)[:SLOTS]

    def _binding_label(self, action: str) -> str:
        """The line as text (tests and the pad read it): label, keys | pad buttons."""
        cells = self.slots(action)
        if self.waiting_for is not None and self.waiting_for[0] == action:
            cells[self.waiting_for[1]] = "?"
        keys = " / ".join(c for c in cells[:SLOTS] if c) or "-"
        pads = " / ".join(c for c in cells[SLOTS:] if c) or "-"
        return f"{ACTION_LABELS[action]}  {keys}  |  pad {pads}"

    def _move_column(self, direction: int) -> None:
        self.column = (self.column + direction) % len(COLUMNS)

    def _wait(self, action: str) -> None:
        self.waiting_for = (action, self.column)
        what = "a key" if COLUMNS[self.column] == "key" else "a pad button"
        self.note = f"{ACTION_LABELS[action]}: press {what} (Esc: keep it as it is)"

    def _leave(self, app: Any) -> None:
        app.apply_settings()
        app.pop()

    # -- rebinding ------------------------------------------------------------------------
    def bind(self, action: str, column: int, name: str) -> str:
        """Put ``name`` (a key, or a pad button for the pad columns) in the action's slot,
        adding it or replacing what was there; returns the line the screen shows (the
        clash: which action had it, and whether that one is left with none)."""
        pad = COLUMNS[column] == "pad"
        table = self.settings.pad_bindings if pad else self.settings.bindings
        shown = pad_label(name) if pad else key_label(name)
        slots = (list(table.get(action, [])) + [""] * SLOTS)[:SLOTS]
        slot = column % SLOTS
        said = f"{ACTION_LABELS[action]}: {shown}"
        if name in slots:  # already this action's, in the other slot: the two swap
            other = slots.index(name)
            slots[other], slots[slot] = slots[slot], name
        else:
            for rival, names in table.items():
                if rival != action and name in names:
                    names.remove(name)
                    said = f"{shown} was {ACTION_LABELS[rival]}'s: now {ACTION_LABELS[action]}'s"
                    if not names:
                        what = "button" if pad else "key"
                        said += f"; {ACTION_LABELS[rival]} has no {what} now"
            slots[slot] = name
        table[action] = [n for n in slots if n]
        return said

    def clear(self, action: str, column: int) -> None:
        """Empty one slot of an action."""
        pad = COLUMNS[column] == "pad"
        table = self.settings.pad_bindings if pad else self.settings.bindings
        slots = (list(table.get(action, [])) + [""] * SLOTS)[:SLOTS]
        slots[column % SLOTS] = ""
        table[action] = [n for n in slots if n]
        self.note = f"{ACTION_LABELS[action]}: slot emptied"

    def handle_event(self, app: Any, event: pygame.event.Event, actions: list[str]) -> None:
        if self.waiting_for is not None:
            self._rebind_event(event)
            return
        if event.type == pygame.KEYDOWN and event.key in CLEAR_KEYS:
            action = self._selected_action()
            if action is not None:
                self.clear(action, self.column)
            return
        if menu_key(event) is not None:
            self.note = None
        super().handle_event(app, event, actions)

    def _selected_action(self) -> str | None:
        k = self.selected - self.first_action
        return ACTIONS[k] if 0 <= k < len(ACTIONS) else None

    def _rebind_event(self, event: pygame.event.Event) -> None:
        action, column = self.waiting_for
        wants_pad = COLUMNS[column] == "pad"
        if event.type == pygame.KEYDOWN:
            escape = event.key == pygame.K_ESCAPE
            if escape and not (action == "pause" and not wants_pad):
                self.waiting_for, self.note = None, None  # given up
            elif not wants_pad:
                self.waiting_for = None
                self.note = self.bind(action, column, pygame.key.name(event.key))
        elif event.type == pygame.CONTROLLERBUTTONDOWN and wants_pad:
            name = PAD_BUTTON_NAMES.get(event.button)
            if name is not None:
                self.waiting_for = None
                self.note = self.bind(action, column, name)

    # -- drawing --------------------------------------------------------------------------
    def draw(self, app: Any, screen: pygame.Surface) -> None:
        screen.fill(palette.NIGHT_INK)
        width, height = screen.get_size()
        text = app.text
        heading = text.render(self.title, 52, palette.NEON_CYAN, neon=True)
        screen.blit(heading, heading.get_rect(midtop=(width // 2, 8)),
                    special_flags=pygame.BLEND_ADD)
        step = max(16, min(34, (height - 200) // len(self.items)))
        size = max(14, step - 8)
        y = 16 + heading.get_height()
        cells_x = [width * f for f in (0.48, 0.60, 0.76, 0.88)]
        head = [("keys", (cells_x[0] + cells_x[1]) / 2), ("pad", (cells_x[2] + cells_x[3]) / 2)]
        for k, item in enumerate(self.items):
            chosen = k == self.selected
            colour = palette.NEON_PINK if chosen else palette.NEON_CYAN
            if self.first_action <= k < self.first_action + len(ACTIONS):
                if k == self.first_action:
                    for word, x in head:
                        label = text.render(word, size - 4, palette.TEXT_DIM)
                        screen.blit(label, label.get_rect(midbottom=(x, y + 4)))
                    y += 6
                self._action_line(screen, text, ACTIONS[k - self.first_action], y, step, size,
                                  chosen, cells_x)
            else:
                line = text.render(item.text(), size + 4 if chosen else size, colour)
                screen.blit(line, line.get_rect(center=(width // 2, y + step // 2)))
            y += step
        for line in HELP:
            rendered = text.render(line, max(14, size - 6), palette.TEXT_DIM)
            screen.blit(rendered, rendered.get_rect(midtop=(width // 2, y + 8)))
            y += rendered.get_height() + 2
        if self.note:
            note = text.render(self.note, max(14, size - 2), palette.AMBER)
            screen.blit(note, note.get_rect(midtop=(width // 2, y + 10)))

    def _action_line(self, screen: pygame.Surface, text: Any, action: str, y: int, step: int,
                     size: int, chosen: bool, cells_x: list[float]) -> None:
        width = screen.get_width()
        colour = palette.NEON_PINK if chosen else palette.NEON_CYAN
        label = text.render(ACTION_LABELS[action], size, colour)
        screen.blit(label, label.get_rect(midright=(width * 0.40, y + step // 2)))
        cells = self.slots(action)
        waiting = self.waiting_for is not None and self.waiting_for[0] == action
        for column, (cell, x) in enumerate(zip(cells, cells_x, strict=True)):
            if waiting and self.waiting_for[1] == column:
                cell = "press..."
            shown = text.render(cell or "-", size, palette.TEXT if cell else palette.TEXT_DIM)
            box = shown.get_rect(center=(x, y + step // 2))
            screen.blit(shown, box)
            if chosen and column == self.column:
                frame = pygame.Rect(0, 0, width * 0.11, step - 2)
                frame.center = box.center
                pygame.draw.rect(screen, palette.NEON_PINK, frame, 2, border_radius=4)
