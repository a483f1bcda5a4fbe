"""Light shapes made with numpy: soft round glows and headlight cones, for additive blits."""

from __future__ import annotations

import numpy as np
import pygame


def _surface_from_intensity(intensity: np.ndarray, colour: tuple[int, int, int]) -> pygame.Surface:
    """An RGB surface, black where dark: blitted with BLEND_ADD it only brightens."""
    rgb = np.clip(intensity[..., None] * np.asarray(colour, dtype=np.float64), 0, 255)
    surface = pygame.Surface(intensity.shape[::-1])
    pygame.surfarray.blit_array(surface, rgb.astype(np.uint8).transpose(1, 0, 2))
    return surface


def radial_glow(radius_px: int, colour: tuple[int, int, int], falloff: float = 2.0
                ) -> pygame.Surface:
    """A round light: full in the middle, fading to black at ``radius_px``."""
    radius_px = max(1, int(radius_px))
    axis = np.arange(-radius_px, radius_px + 1, dtype=np.float64)
    distance = np.hypot(axis[None, :], axis[:, None]) / radius_px
    return _surface_from_intensity(np.clip(1.0 - distance, 0.0, 1.0) ** falloff, colour)


def headlight_cone(length_px: int, colour: tuple[int, int, int], spread_rad: float = 0.42
                   ) -> pygame.Surface:
    """A beam pointing east from the left-middle edge: bright near, fading with distance
    and toward its edges. Twice as tall as long is enough for the spread."""
    length_px = max(2, int(length_px))
    half = int(length_px * np.tan(spread_rad)) + 2
    x = np.arange(length_px, dtype=np.float64)[None, :] + 1.0
    y = np.arange(-half, half + 1, dtype=np.float64)[:, None]
    angle = np.abs(np.arctan2(y, x)) / spread_rad
    along = x / length_px
    intensity = np.clip(1.0 - angle, 0.0, 1.0) ** 1.5 * (1.0 - along) ** 1.2
    intensity *= np.clip(along * 6.0, 0.0, 1.0) * 0.5 + 0.5  # the lamps' own hot spot near 0
    return _surface_from_intensity(intensity, colour)
