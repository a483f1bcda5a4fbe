"""The map: the whole level fitted to a rectangle, with street names and the places.

:class:`CityMap` draws the map once (blocks, roads, each street's name where the street
is longest, the places of the level by their display names) and then, each frame, what
the session's view says: the route, the objective, the crew, the police the Driver
knows about (near enough to see, or with their sirens on), the helicopters and the
Driver's car. The full-screen map (key M) and the briefing's small map both use it.
"""

from __future__ import annotations

import math
from collections import defaultdict

import numpy as np
import pygame

from game.level.model import Level
from game.render import palette
from game.render.minimap import BLOCK, GROUND, ROAD, player_arrow
from game.render.text import TextCache
from game.session.view import FrameView

#: zone kinds the map names (a checkpoint or a pit is a race's business)
NAMED_KINDS = ("place", "pickup", "crowd", "shadow", "finish", "home", "garage")
KIND_COLOURS = {"shadow": palette.NEON_PURPLE, "crowd": palette.NEON_CYAN}
KNOWN_RADIUS_M = 275.0  #: police this near are known (what the minimap shows round you)
STREET_TEXT_PX = 15
PLACE_TEXT_PX = 17


def fit(level: Level, rect: pygame.Rect) -> tuple[float, tuple[float, float]]:
    """Pixels per metre and the top-left pixel that fit the level, centred, into rect."""
    width_m, height_m = level.size_m
    scale = min(rect.width / width_m, rect.height / height_m)
    left = rect.left + (rect.width - width_m * scale) / 2
    top = rect.top + (rect.height - height_m * scale) / 2
    return scale, (left, top)


def known_police(frame: FrameView, x: np.ndarray, y: np.ndarray, player: int) -> np.ndarray:
    """Indices into ``frame.police`` of the units the Driver knows about: within
    KNOWN_RADIUS_M of him, or with their sirens on (he hears them)."""
    units = frame.police
    if units.size == 0 or player < 0:
        return np.zeros(0, dtype=np.intp)
    near = np.hypot(x[units] - x[player], y[units] - y[player]) < KNOWN_RADIUS_M
    return np.flatnonzero(near | np.isin(units, frame.sirens))


class CityMap:
    """A level drawn to fit a rectangle; :meth:`draw` adds the frame's moving parts."""

    def __init__(self, level: Level, rect: pygame.Rect, text: TextCache,
                 places: tuple[str, ...] | None = None) -> None:
        """``places``: the zones to name (default: every zone of a NAMED_KINDS kind)."""
        self.level = level
        self.rect = pygame.Rect(rect)
        self.text = text
        self.scale, self.origin = fit(level, self.rect)
        if places is None:
            places = tuple(n for n, z in level.zones.items() if z.kind in NAMED_KINDS)
        self.places = places
        self.image = self._base()

    def to_px(self, x: float, y: float) -> tuple[float, float]:
        return self.origin[0] + x * self.scale, self.origin[1] + y * self.scale

    def _base(self) -> pygame.Surface:
        """Blocks, roads, street names and the places, drawn once."""
        level = self.level
        image = pygame.Surface(self.rect.size)
        image.fill(palette.NIGHT_INK)
        rows, cols = level.terrain.shape
        rgb = np.where(level.terrain.solid[..., None], np.array(BLOCK), np.array(GROUND))
        cells = pygame.Surface((cols, rows))
        pygame.surfarray.blit_array(cells, rgb.astype(np.uint8).transpose(1, 0, 2))
        width_m, height_m = level.size_m
        size = (max(1, round(width_m * self.scale)), max(1, round(height_m * self.scale)))
        at = (round(self.origin[0] - self.rect.left), round(self.origin[1] - self.rect.top))
        image.blit(pygame.transform.scale(cells, size), at)
        roads = level.roads
        shift = np.array(self.origin) - self.rect.topleft
        a = roads.node_xy[roads.edge_src] * self.scale + shift
        b = roads.node_xy[roads.edge_dst] * self.scale + shift
        for start, end in zip(a.tolist(), b.tolist(), strict=True):
            pygame.draw.line(image, ROAD, start, end, 2)
        taken: list[pygame.Rect] = []
        for name in self.places:
            self._place(image, name, shift, taken)
        self._street_names(image, shift, taken)
        return image

    def _place(self, image: pygame.Surface, name: str, shift: np.ndarray,
               taken: list[pygame.Rect]) -> None:
        zone = self.level.zones[name]
        colour = KIND_COLOURS.get(zone.kind, palette.NEON_PINK)
        outline = (zone.polygon * self.scale + shift).tolist()
        pygame.draw.polygon(image, colour, outline, 1)
        label = self.text.render(zone.label, PLACE_TEXT_PX, colour)
        (x0, y0), (x1, y1) = np.min(outline, axis=0), np.max(outline, axis=0)
        middle = ((x0 + x1) / 2, (y0 + y1) / 2)
        tries = [label.get_rect(midtop=(middle[0], y1 + 2)),  # under the place, else over it,
                 label.get_rect(midbottom=(middle[0], y0 - 2)),  # else to its sides
                 label.get_rect(midleft=(x1 + 3, middle[1])),
                 label.get_rect(midright=(x0 - 3, middle[1]))]
        for box in tries:
            box.clamp_ip(image.get_rect())
        box = next((b for b in tries if b.inflate(4, 2).collidelist(taken) < 0), tries[0])
        image.fill(palette.NIGHT_INK, box.inflate(4, 0))
        image.blit(label, box)
        taken.append(box.inflate(4, 2))

    def _street_names(self, image: pygame.Surface, shift: np.ndarray,
                      taken: list[pygame.Rect]) -> None:
        """Each street's name once, along the street, where it does not cover another."""
        areas: dict[str, list[np.ndarray]] = defaultdict(list)
        for street in self.level.streets:
            areas[street.name].append(street.polygon)
        for name, polygons in sorted(areas.items()):
            points = np.vstack(polygons)
            (x0, y0), (x1, y1) = points.min(axis=0), points.max(axis=0)
            across = (x1 - x0) < (y1 - y0)  # a north-south street: its name runs down it
            label = self.text.render(name, STREET_TEXT_PX, palette.TEXT_DIM)
            if across:
                label = pygame.transform.rotate(label, -90)
            centres = [p.mean(axis=0) for p in polygons]
            for fraction in (0.5, 0.3, 0.7, 0.15, 0.85):  # along the street, middle first
                target = (x0 + (x1 - x0) * fraction, y0 + (y1 - y0) * fraction)
                best = min(centres, key=lambda c, t=target: math.dist(c, t))
                box = label.get_rect(center=tuple(best * self.scale + shift))
                if box.collidelist(taken) < 0 and image.get_rect().contains(box):
                    image.blit(label, box)
                    taken.append(box)
                    break

    def draw(self, screen: pygame.Surface, frame: FrameView | None = None,
             x: np.ndarray | None = None, y: np.ndarray | None = None,
             heading: np.ndarray | None = None, player: int = -1,
             spawns: tuple[tuple[float, float, float], ...] = ()) -> None:
        """The map, then the frame's route, objective, crew, known police, helicopters
        and the Driver's car (with no frame: the map and ``spawns`` (x, y, heading) as
        arrows, for the briefing)."""
        screen.blit(self.image, self.rect)
        clip = screen.get_clip()
        screen.set_clip(self.rect)
        for sx, sy, sh in spawns:
            self._arrow(screen, sx, sy, sh)
        if frame is not None:
            self._moving(screen, frame, x, y, heading, player)
        screen.set_clip(clip)
        pygame.draw.rect(screen, palette.NEON_CYAN, self.rect, 2)

    def _moving(self, screen: pygame.Surface, frame: FrameView, x, y, heading,
                player: int) -> None:
        rules = frame.rules
        if len(frame.route) >= 2:
            line = [self.to_px(px, py) for px, py in np.asarray(frame.route).tolist()]
            pygame.draw.lines(screen, palette.ROUTE, False, line, 3)
        for member in rules.crew:
            if member.position is not None:
                pygame.draw.circle(screen, palette.NIGHT_INK, self.to_px(*member.position), 5)
                pygame.draw.circle(screen, palette.CREW, self.to_px(*member.position), 4)
        if x is not None and y is not None:
            for k in known_police(frame, x, y, player).tolist():
                ux, uy, uh, reach, spread = frame.sight_cones[k].tolist()
                ox, oy = self.to_px(ux, uy)
                r = reach * self.scale
                arc = [(ox + r * math.cos(uh + a), oy + r * math.sin(uh + a))
                       for a in np.linspace(-spread, spread, 7)]
                pygame.draw.polygon(screen, palette.POLICE_RED, [(ox, oy), *arc], 1)
                pygame.draw.circle(screen, palette.POLICE_BLUE, (ox, oy), 5)
        for helicopter in frame.helicopters:
            hx, hy = self.to_px(helicopter.x, helicopter.y)
            pygame.draw.circle(screen, palette.POLICE_BLUE, (hx, hy),
                               max(4.0, helicopter.light_radius_m * self.scale), 2)
        if rules.waypoint is not None:
            wx, wy = self.to_px(*rules.waypoint)
            diamond = [(wx, wy - 9), (wx + 9, wy), (wx, wy + 9), (wx - 9, wy)]
            pygame.draw.polygon(screen, palette.AMBER, diamond)
            pygame.draw.polygon(screen, palette.NIGHT_INK, diamond, 2)
        if player >= 0 and x is not None and heading is not None:
            self._arrow(screen, float(x[player]), float(y[player]), float(heading[player]))

    def _arrow(self, screen: pygame.Surface, x: float, y: float, heading: float) -> None:
        arrow = player_arrow(*self.to_px(x, y), heading)
        pygame.draw.polygon(screen, palette.NEON_PINK, arrow)
        pygame.draw.polygon(screen, palette.NIGHT_INK, arrow, 1)
