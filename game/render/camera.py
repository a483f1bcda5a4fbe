"""Camera: follows a car with look-ahead along its velocity and zooms out with speed.

World coordinates are metres (x east, y south); at zoom 1 a metre is :data:`PX_PER_M`
pixels (a 4 m tile is 32 px, the tiles' own size). The map is drawn at a few discrete
scales (:data:`ZOOM_LEVELS`, pre-scaled chunks and sprites) and the frame is stretched
by at most one step's ratio to the exact zoom, so zoom changes are smooth.
"""

from __future__ import annotations

import math
from typing import NamedTuple

import numpy as np

PX_PER_M = 8.0  #: pixels per metre at zoom 1 (32 px tiles of 4 m)
ZOOM_LEVELS = (1.0, 0.87, 0.76, 0.66, 0.57, 0.5)  #: scales the map and sprites are drawn at
ZOOM_NEAR = 1.0  #: zoom when standing still
ZOOM_FAR = 0.52  #: zoom at ZOOM_FAR_SPEED_MS and above
ZOOM_FAR_SPEED_MS = 45.0  #: m/s (162 km/h) where the view is widest
LOOKAHEAD_S = 0.9  #: the camera leads the car by this many seconds of its velocity
LOOKAHEAD_MAX_M = 42.0  #: ...but never further than this
FOLLOW_TAU_S = 0.25  #: time constant of the camera catching up with its target
ZOOM_TAU_S = 0.8  #: time constant of zoom changes (slow: speed changes must not pump)


class View(NamedTuple):
    """One frame's mapping from metres to the pixels of the surface it is drawn on."""

    left_m: float  #: world x at the surface's left edge
    top_m: float  #: world y at the surface's top edge
    px_per_m: float
    width_px: int
    height_px: int

    def to_px(self, x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        return (np.asarray(x) - self.left_m) * self.px_per_m, \
            (np.asarray(y) - self.top_m) * self.px_per_m

    def to_m(self, px: float, py: float) -> tuple[float, float]:
        return self.left_m + px / self.px_per_m, self.top_m + py / self.px_per_m

    @property
    def right_m(self) -> float:
        return self.left_m + self.width_px / self.px_per_m

    @property
    def bottom_m(self) -> float:
        return self.top_m + self.height_px / self.px_per_m

    def visible(self, x: np.ndarray, y: np.ndarray, margin_m: float = 0.0) -> np.ndarray:
        """Points within the view (grown by ``margin_m``), vectorised."""
        return ((x > self.left_m - margin_m) & (x < self.right_m + margin_m)
                & (y > self.top_m - margin_m) & (y < self.bottom_m + margin_m))


def zoom_level_for(zoom: float) -> float:
    """The discrete drawing scale for a zoom: the largest level not above it."""
    for level in ZOOM_LEVELS:
        if level <= zoom + 1e-9:
            return level
    return ZOOM_LEVELS[-1]


def target_zoom(speed_ms: float) -> float:
    """Zoom for a speed: near when slow, far when fast, eased at both ends."""
    t = min(1.0, max(0.0, speed_ms / ZOOM_FAR_SPEED_MS))
    eased = t * t * (3.0 - 2.0 * t)
    return ZOOM_NEAR + (ZOOM_FAR - ZOOM_NEAR) * eased


class Camera:
    """Centre and zoom of the view; :meth:`follow` eases them toward a moving car."""

    def __init__(self, screen_size: tuple[int, int], x: float = 0.0, y: float = 0.0) -> None:
        self.screen_size = screen_size
        self.x, self.y = x, y
        self.zoom = ZOOM_NEAR

    def jump_to(self, x: float, y: float) -> None:
        self.x, self.y = x, y

    def follow(self, x: float, y: float, velocity_x: float, velocity_y: float, dt: float) -> None:
        """Ease toward the point ahead of a car (world-frame velocity in m/s) over ``dt``."""
        lead_x, lead_y = velocity_x * LOOKAHEAD_S, velocity_y * LOOKAHEAD_S
        lead = math.hypot(lead_x, lead_y)
        if lead > LOOKAHEAD_MAX_M:
            lead_x, lead_y = lead_x * LOOKAHEAD_MAX_M / lead, lead_y * LOOKAHEAD_MAX_M / lead
        follow = 1.0 - math.exp(-dt / FOLLOW_TAU_S)
        self.x += (x + lead_x - self.x) * follow
        self.y += (y + lead_y - self.y) * follow
        zoom = 1.0 - math.exp(-dt / ZOOM_TAU_S)
        self.zoom += (target_zoom(math.hypot(velocity_x, velocity_y)) - self.zoom) * zoom

    def view(self, level: float | None = None) -> View:
        """The view at a drawing level: a surface of the screen's size times level/zoom."""
        level = zoom_level_for(self.zoom) if level is None else level
        width, height = self.screen_size
        stretch = level / self.zoom
        width_px, height_px = math.ceil(width * stretch), math.ceil(height * stretch)
        px_per_m = PX_PER_M * level
        # whole-pixel origin, so map chunks, sprites and lights share one pixel grid
        left_px = round(self.x * px_per_m - width_px / 2)
        top_px = round(self.y * px_per_m - height_px / 2)
        return View(left_px / px_per_m, top_px / px_per_m, px_per_m, width_px, height_px)
