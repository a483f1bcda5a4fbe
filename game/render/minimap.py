"""The minimap: the map's blocks and roads, you, the other cars, police sight cones, the
job's objective, the route to it along the roads and the crew on foot.

Cones are rows of x, y, heading, range (m), half angle (rad), the objective is a point
and the route a polyline in metres, as the session's view
(:class:`game.session.view.FrameView`) gives them.
"""

from __future__ import annotations

import math

import numpy as np
import pygame

from game.level.model import Level
from game.render import palette

MINIMAP_PX = 220  #: side of the square on screen
MINIMAP_M_PER_PX = 2.5  #: metres per minimap pixel (so it shows ~550 m across)
BLOCK = (34, 28, 58)
GROUND = (10, 8, 22)
ROAD = (70, 60, 110)


def map_image(level: Level) -> pygame.Surface:
    """The whole level at minimap scale: ground, solid blocks, road lanes."""
    rows, cols = level.terrain.shape
    scale = level.terrain.cell_size / MINIMAP_M_PER_PX
    size = (max(1, round(cols * scale)), max(1, round(rows * scale)))
    rgb = np.where(level.terrain.solid[..., None], np.array(BLOCK), np.array(GROUND))
    cells = pygame.Surface((cols, rows))
    pygame.surfarray.blit_array(cells, rgb.astype(np.uint8).transpose(1, 0, 2))
    image = pygame.transform.scale(cells, size)
    roads = level.roads
    a = roads.node_xy[roads.edge_src] / MINIMAP_M_PER_PX
    b = roads.node_xy[roads.edge_dst] / MINIMAP_M_PER_PX
    for (x0, y0), (x1, y1) in zip(a.tolist(), b.tolist(), strict=True):
        pygame.draw.line(image, ROAD, (x0, y0), (x1, y1), 3)
    return image


PLAYER_ARROW = ((11.0, 0.0), (7.5, 2.4), (2.5, math.pi), (7.5, -2.4))  #: (radius px, angle)


def player_arrow(x: float, y: float, heading: float) -> list[tuple[float, float]]:
    """The player's marker: a notched arrowhead, big enough to read its heading at a
    glance (a plain small triangle reads as a dot), centred on ``x, y``."""
    return [(x + r * math.cos(heading + a), y + r * math.sin(heading + a))
            for r, a in PLAYER_ARROW]


class Minimap:
    """Draws a window of the map image centred on the player, with cars and cones."""

    def __init__(self, level: Level) -> None:
        self.image = map_image(level)
        self.surface = pygame.Surface((MINIMAP_PX, MINIMAP_PX), pygame.SRCALPHA)
        self.cones = pygame.Surface((MINIMAP_PX, MINIMAP_PX), pygame.SRCALPHA)

    def draw(self, target: pygame.Surface, topleft: tuple[int, int], player: int,
             x: np.ndarray, y: np.ndarray, heading: np.ndarray, police: np.ndarray,
             sight_cones: np.ndarray, waypoint: tuple[float, float] | None = None,
             route: np.ndarray | None = None, crew: tuple = (),
             spares: np.ndarray | None = None) -> None:
        """``police``: per vehicle, drawn as a police car (a bool mask); ``route``: the
        way to the waypoint ((K, 2) metres); ``crew``: CrewViews, drawn where on foot;
        ``spares``: the spare cars a job left for the Driver (world indices), ringed."""
        half = MINIMAP_PX / 2
        if player >= 0:
            cx, cy = x[player] / MINIMAP_M_PER_PX, y[player] / MINIMAP_M_PER_PX
        else:
            cx, cy = self.image.get_width() / 2, self.image.get_height() / 2
        surface = self.surface
        surface.fill((*GROUND, 255))
        surface.blit(self.image, (round(half - cx), round(half - cy)))
        self._draw_cones(surface, sight_cones, cx, cy)
        if route is not None and len(route) >= 2:
            line = np.asarray(route, dtype=float) / MINIMAP_M_PER_PX - (cx - half, cy - half)
            pygame.draw.lines(surface, palette.ROUTE, False, line.tolist(), 3)
        px = x / MINIMAP_M_PER_PX - cx + half
        py = y / MINIMAP_M_PER_PX - cy + half
        shown = (px >= 0) & (px < MINIMAP_PX) & (py >= 0) & (py < MINIMAP_PX)
        shown[player if player >= 0 else slice(0, 0)] = False
        for sx, sy, is_police in zip(px[shown].tolist(), py[shown].tolist(),
                                     police[shown].tolist(), strict=True):
            colour = palette.POLICE_BLUE if is_police else palette.TEXT_DIM
            surface.fill(colour, (sx - 1, sy - 1, 3, 3))
        for spare in () if spares is None else spares.tolist():
            if shown[spare]:
                pygame.draw.circle(surface, palette.NEON_CYAN, (px[spare], py[spare]), 4, 1)
        for member in crew:
            if member.position is not None:
                mx = member.position[0] / MINIMAP_M_PER_PX - cx + half
                my = member.position[1] / MINIMAP_M_PER_PX - cy + half
                pygame.draw.circle(surface, palette.NIGHT_INK, (mx, my), 4)
                pygame.draw.circle(surface, palette.CREW, (mx, my), 3)
        if waypoint is not None:
            self._draw_waypoint(surface, waypoint, cx, cy)
        if player >= 0:
            arrow = player_arrow(half, half, float(heading[player]))
            pygame.draw.polygon(surface, palette.NEON_PINK, arrow)
            pygame.draw.polygon(surface, palette.NIGHT_INK, arrow, 1)
        pygame.draw.rect(surface, palette.NEON_CYAN, surface.get_rect(), 2)
        target.blit(surface, topleft)

    @staticmethod
    def _draw_waypoint(surface: pygame.Surface, waypoint: tuple[float, float], cx: float,
                       cy: float) -> None:
        """A diamond on the destination, or on the edge in its direction when it is far."""
        half = MINIMAP_PX / 2
        dx, dy = waypoint[0] / MINIMAP_M_PER_PX - cx, waypoint[1] / MINIMAP_M_PER_PX - cy
        reach = half - 8
        scale = min(1.0, reach / max(abs(dx), abs(dy), 1e-9))
        px, py = half + dx * scale, half + dy * scale
        r = 6 if scale == 1.0 else 4
        diamond = [(px, py - r), (px + r, py), (px, py + r), (px - r, py)]
        pygame.draw.polygon(surface, palette.AMBER, diamond)
        pygame.draw.polygon(surface, palette.TEXT, diamond, 1)

    def _draw_cones(self, surface: pygame.Surface, cones: np.ndarray, cx: float,
                    cy: float) -> None:
        """Each police unit's cone of sight, so the player can see what sees him."""
        if not len(cones):
            return
        half = MINIMAP_PX / 2
        self.cones.fill((0, 0, 0, 0))
        for ux, uy, heading, reach, spread in np.asarray(cones, dtype=float).tolist():
            ox, oy = ux / MINIMAP_M_PER_PX - cx + half, uy / MINIMAP_M_PER_PX - cy + half
            r = reach / MINIMAP_M_PER_PX
            arc = [(ox + r * math.cos(heading + a), oy + r * math.sin(heading + a))
                   for a in np.linspace(-spread, spread, 9)]
            pygame.draw.polygon(self.cones, (*palette.POLICE_RED, 70), [(ox, oy), *arc])
        surface.blit(self.cones, (0, 0))
