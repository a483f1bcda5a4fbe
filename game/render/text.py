"""Fonts and cached text: neon (glowing) and plain, rendered once per string."""

from __future__ import annotations

import pygame

SCRIPT_FONTS = ("z003", "urwchancery", "zapfchancery", "brushscriptmt", "mistral",
                "segoescript")  #: a script face for the title, the first one installed wins


def script_font(size: int) -> pygame.font.Font:
    """A script-like face (Drive's title is hand-lettered); falls back to italic sans."""
    for name in SCRIPT_FONTS:
        path = pygame.font.match_font(name)
        if path:
            return pygame.font.Font(path, size)
    font = pygame.font.Font(None, size)
    font.italic = True
    return font


def glow(surface: pygame.Surface, spread: int = 6) -> pygame.Surface:
    """``surface`` on black with a soft halo around it (cheap blur by shrinking)."""
    width, height = surface.get_width() + 4 * spread, surface.get_height() + 4 * spread
    base = pygame.Surface((width, height))
    base.fill((0, 0, 0))
    base.blit(surface, (2 * spread, 2 * spread))
    small = pygame.transform.smoothscale(base, (max(1, width // spread), max(1, height // spread)))
    halo = pygame.transform.smoothscale(small, (width, height))
    halo.blit(halo, (0, 0), special_flags=pygame.BLEND_ADD)
    halo.blit(base, (0, 0), special_flags=pygame.BLEND_ADD)
    return halo


class TextCache:
    """Rendered strings by (text, size, colour, neon); HUD numbers repeat a lot."""

    def __init__(self) -> None:
        self.fonts: dict[tuple[int, bool], pygame.font.Font] = {}
        self.rendered: dict[tuple[str, int, tuple[int, int, int], bool, bool], pygame.Surface] = {}

    def font(self, size: int, bold: bool = False) -> pygame.font.Font:
        key = (size, bold)
        if key not in self.fonts:
            font = pygame.font.Font(None, size)
            font.bold = bold
            self.fonts[key] = font
        return self.fonts[key]

    def rendered_texts(self) -> set[str]:
        """Every string drawn since the cache was last cleared (tests ask what is on
        screen)."""
        return {key[0] for key in self.rendered}

    def wrapped(self, line: str, size: int, width: int) -> list[str]:
        """``line`` broken at spaces into parts at most ``width`` px wide in the plain
        font of ``size`` (a word longer than that stands alone)."""
        font = self.font(size)
        parts: list[str] = []
        for word in line.split():
            joined = f"{parts[-1]} {word}" if parts else word
            if parts and font.size(joined)[0] <= width:
                parts[-1] = joined
            else:
                parts.append(word)
        return parts or [line]

    def render(self, text: str, size: int, colour: tuple[int, int, int], neon: bool = False,
               bold: bool = False) -> pygame.Surface:
        """Plain text has alpha; neon text is additive (blit it with BLEND_ADD)."""
        key = (text, size, colour, neon, bold)
        found = self.rendered.get(key)
        if found is None:
            found = self.font(size, bold).render(text, True, colour)
            if neon:
                found = glow(found, max(2, size // 10))
            if len(self.rendered) > 2000:  # a ticking clock makes new strings forever
                self.rendered.clear()
            self.rendered[key] = found
        return found
