"""Where the objective is on screen: a marker over it, or an arrow at the screen's edge.

:func:`edge_arrow` is the geometry alone (tests read it): given the objective's position
in screen pixels, wherever it is, it says whether it is on screen and, if not, where the
arrow sits and which way it points (from the screen's centre toward the objective). The
arrow runs round an ellipse inset from the screen's edges (it touches the middle of each
edge and stays out of the corners) and is drawn back toward the centre, along its line,
out of any ``keep_out`` rectangle (the speedometer, the minimap). An objective on screen
but under one of those gets the arrow too, not a marker drawn under the dial.
"""

from __future__ import annotations

import math
from typing import NamedTuple

import pygame

from game.render import palette
from game.render.text import TextCache

EDGE_MARGIN_PX = 46  #: the arrow's centre keeps this far inside the screen's edge
ARROW_PX = 22  #: the arrow's length
MARKER_PX = 12  #: half the size of the on-screen marker


class Pointer(NamedTuple):
    x: float  #: screen pixels
    y: float
    angle: float  #: radians, screen frame (0 = right, clockwise positive as y grows down)
    on_screen: bool  #: the objective itself is in view: mark it, no arrow


Box = tuple[float, float, float, float]  #: left, top, right, bottom (screen pixels)


def edge_arrow(size: tuple[int, int], target_px: tuple[float, float],
               margin: float = EDGE_MARGIN_PX, keep_out: tuple[Box, ...] = ()) -> Pointer:
    """The marker on the objective, or the arrow on the inset edge toward it."""
    width, height = size
    tx, ty = target_px
    cx, cy = width / 2.0, height / 2.0
    dx, dy = tx - cx, ty - cy
    angle = math.atan2(dy, dx)
    hidden = any(box[0] <= tx <= box[2] and box[1] <= ty <= box[3] for box in keep_out)
    if margin <= tx <= width - margin and margin <= ty <= height - margin and not hidden:
        return Pointer(tx, ty, angle, True)
    reach_x, reach_y = max(cx - margin, 1.0), max(cy - margin, 1.0)
    scale = 1.0 / math.hypot(dx / reach_x, dy / reach_y)  # onto the inset ellipse
    for box in keep_out:
        scale = min(scale, _entry(cx, cy, dx, dy, box, ARROW_PX))
    return Pointer(cx + dx * scale, cy + dy * scale, angle, False)


def _entry(cx: float, cy: float, dx: float, dy: float, box: Box, pad: float) -> float:
    """Where the ray (cx, cy) + s (dx, dy), s >= 0, enters ``box`` grown by ``pad``: that s,
    or infinity if it never does (the slab test)."""
    near, far = 0.0, math.inf
    for origin, d, low, high in ((cx, dx, box[0] - pad, box[2] + pad),
                                 (cy, dy, box[1] - pad, box[3] + pad)):
        if abs(d) < 1e-12:
            if not low <= origin <= high:
                return math.inf
            continue
        s0, s1 = sorted(((low - origin) / d, (high - origin) / d))
        near, far = max(near, s0), min(far, s1)
    return near if near <= far else math.inf


def draw_pointer(screen: pygame.Surface, text: TextCache, pointer: Pointer, time_s: float,
                 label: str = "") -> None:
    """An amber diamond that breathes over the objective, or an arrow with its distance."""
    x, y = pointer.x, pointer.y
    if pointer.on_screen:
        r = MARKER_PX * (1.0 + 0.15 * math.sin(time_s * 4.0))
        diamond = [(x, y - r - 18), (x + r, y - 18), (x, y + r - 18), (x - r, y - 18)]
        pygame.draw.polygon(screen, palette.AMBER, diamond)
        pygame.draw.polygon(screen, palette.NIGHT_INK, diamond, 2)
        pygame.draw.line(screen, palette.AMBER, (x, y - 18 + r), (x, y - 4), 2)
        return
    cos, sin = math.cos(pointer.angle), math.sin(pointer.angle)
    tip = (x + cos * ARROW_PX * 0.6, y + sin * ARROW_PX * 0.6)
    back = (x - cos * ARROW_PX * 0.4, y - sin * ARROW_PX * 0.4)
    side = (-sin * ARROW_PX * 0.45, cos * ARROW_PX * 0.45)
    arrow = [tip, (back[0] + side[0], back[1] + side[1]), (x - cos * ARROW_PX * 0.15,
             y - sin * ARROW_PX * 0.15), (back[0] - side[0], back[1] - side[1])]
    pygame.draw.polygon(screen, palette.AMBER, arrow)
    pygame.draw.polygon(screen, palette.NIGHT_INK, arrow, 2)
    if label:
        words = text.render(label, 22, palette.AMBER)
        at = (x - cos * (ARROW_PX + 8 + words.get_width() / 2),
              y - sin * (ARROW_PX + 4 + words.get_height() / 2))
        screen.blit(words, words.get_rect(center=at))
