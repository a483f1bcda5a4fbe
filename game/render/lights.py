"""Night: darkness over the world and additive light from lamps, cars and neon.

The darkness layer starts at the night ambient colour; lights add onto it (street
lamps, headlight cones); it is then multiplied over the world, so lit ground shows its
colours and unlit ground sinks into blue-black. Glows that should burn brighter than
the surface under them (tail lights, the police bar, neon signs) are added on top after.
"""

from __future__ import annotations

import numpy as np
import pygame

from game.level.model import Level
from game.render import palette
from game.render.camera import View
from game.render.car_lights import cone_jobs, draw_police_bars, draw_tail_lights
from game.render.cars_view import CarsInView
from game.render.chunks import CHUNK_TILES, ChunkCache
from game.render.glow import headlight_cone, radial_glow
from game.render.rotation import RotationSet
from game.render.text import glow
from game.render.tile_lights import TileLight
from game.render.traffic_lights import SIGNAL_COLOURS, TrafficLights

LAMP_SPACING_M = 30.0  #: at most one street lamp per square of this size
LAMP_KERB_OFFSET_M = 3.0  #: from a lane's centre line toward the kerb
LAMP_RADIUS_M = 11.0
HEADLIGHT_REACH_M = 26.0
BEAM_HAZE = (70, 64, 48)  #: the beams seen in the night air, added over the lit world
NEON_ZONE_KINDS = ("place", "finish", "crowd", "garage", "home")


def street_lamps(level: Level) -> np.ndarray:
    """Lamp positions (L, 2) metres: on the kerb side of lanes, thinned to one per square."""
    roads = level.roads
    if len(roads.edge_src) == 0:
        return np.zeros((0, 2))
    start = roads.node_xy[roads.edge_src]
    heading = roads.edge_heading
    right = np.stack([-np.sin(heading), np.cos(heading)], axis=1)  # y south: right of east is south
    lamps = start + right * LAMP_KERB_OFFSET_M
    lamps = lamps[~level.terrain.is_solid(lamps[:, 0], lamps[:, 1])]
    cells = np.floor(lamps / LAMP_SPACING_M).astype(np.int64)
    _, first = np.unique(cells[:, 0] * 1_000_003 + cells[:, 1], return_index=True)
    return lamps[np.sort(first)]


class NightLights:
    """Light sprites per zoom level and the per-frame darkness pass."""

    def __init__(self, level: Level, base_px_per_m: float,
                 tile_lights: list[TileLight] = ()) -> None:
        self.lamps = street_lamps(level)
        self.tile_lights = list(tile_lights)  #: lamps and neon the map's tiles give off
        self.base = base_px_per_m
        self.chunk_m = CHUNK_TILES * level.terrain.cell_size
        rows, cols = level.terrain.shape
        #: the static light (ambient plus street lamps), pre-rendered like the map
        self.static = ChunkCache(self._paint_static, round(self.chunk_m * base_px_per_m),
                                 cols, rows)
        # signs hang over the zone's north edge, on the building line, not over the lot
        self.neon = [((zone.centre[0], float(zone.polygon[:, 1].min()) + 2.0),
                      zone.properties.get("label") or zone.name.replace("_", " "),
                      palette.NEON_PINK if k % 2 == 0 else palette.NEON_CYAN)
                     for k, zone in enumerate(sorted(level.zones.values(), key=lambda z: z.name))
                     if zone.kind in NEON_ZONE_KINDS]
        self.darkness: pygame.Surface | None = None
        self.traffic_lights: TrafficLights | None = None  #: set once the session has signals
        self.spots: dict[int, pygame.Surface] = {}  #: searchlight glows by radius in px
        self.by_level: dict[float, dict[str, object]] = {}

    def _sprites(self, level: float) -> dict[str, object]:
        found = self.by_level.get(level)
        if found is None:
            ppm = self.base * level
            font = pygame.font.Font(None, max(12, round(3.2 * ppm)))
            found = {
                "lamp": radial_glow(round(LAMP_RADIUS_M * ppm), palette.STREET_LAMP, 1.6),
                "cone": RotationSet(headlight_cone(round(HEADLIGHT_REACH_M * ppm),
                                                   palette.HEADLIGHT), steps=64),
                "beam": RotationSet(headlight_cone(round(HEADLIGHT_REACH_M * ppm),
                                                   BEAM_HAZE), steps=64),
                "underglow": radial_glow(round(3.2 * ppm), palette.NEON_PINK, 2.2),
                "signal": [radial_glow(round(1.4 * ppm), colour, 1.3)
                           for colour in SIGNAL_COLOURS],
                "tail": radial_glow(round(0.8 * ppm), palette.TAIL_LIGHT, 1.6),
                "brake": radial_glow(round(1.6 * ppm), palette.TAIL_LIGHT, 1.2),
                "red": radial_glow(round(3.5 * ppm), palette.POLICE_RED, 1.4),
                "blue": radial_glow(round(3.5 * ppm), palette.POLICE_BLUE, 1.4),
                "signs": [self._neon_sign(font, text.upper(), colour, ppm)
                          for _, text, colour in self.neon],
                "tiles": [radial_glow(round(light.radius_m * ppm), light.colour, light.falloff)
                          for light in self.tile_lights],
            }
            self.by_level[level] = found
        return found

    @staticmethod
    def _neon_sign(font: pygame.font.Font, text: str, colour: tuple[int, int, int],
                   ppm: float) -> pygame.Surface:
        """A glowing word over a place, blitted additively."""
        return glow(font.render(text, True, colour), max(3, round(0.8 * ppm)))

    def _paint_static(self, level: float, cx: int, cy: int, size: tuple[int, int]
                      ) -> pygame.Surface:
        surface = pygame.Surface(size).convert()
        surface.fill(palette.NIGHT_AMBIENT)
        sprites = self._sprites(level)
        self._add_lights(surface, level, cx, cy, self.lamps, sprites["lamp"], LAMP_RADIUS_M)
        for light, sprite in zip(self.tile_lights, sprites["tiles"], strict=True):
            self._add_lights(surface, level, cx, cy, light.xy, sprite, light.radius_m)
        return surface

    def _add_lights(self, surface: pygame.Surface, level: float, cx: int, cy: int,
                    xy: np.ndarray, sprite: pygame.Surface, reach: float) -> None:
        """Add a light sprite onto a static chunk at each of ``xy`` (metres) that reaches it."""
        r = sprite.get_width() // 2
        x0, y0 = cx * self.chunk_m, cy * self.chunk_m
        near = ((xy[:, 0] > x0 - reach) & (xy[:, 0] < x0 + self.chunk_m + reach)
                & (xy[:, 1] > y0 - reach) & (xy[:, 1] < y0 + self.chunk_m + reach))
        ppm = self.base * level
        px = np.rint(xy[near, 0] * ppm).astype(int) - self.static.edge_px(level, cx) - r
        py = np.rint(xy[near, 1] * ppm).astype(int) - self.static.edge_px(level, cy) - r
        surface.blits([(sprite, (x, y), None, pygame.BLEND_ADD)
                       for x, y in zip(px.tolist(), py.tolist(), strict=True)], doreturn=False)

    def _searchlight(self, radius_px: int) -> pygame.Surface:
        found = self.spots.get(radius_px)
        if found is None:
            found = radial_glow(radius_px, (255, 255, 255), 0.35)
            self.spots[radius_px] = found
        return found

    def apply(self, world: pygame.Surface, view: View, level: float, cars: CarsInView,
              lights_on: np.ndarray, time_s: float, player: int = -1,
              searchlights: list[tuple[float, float, float]] = ()) -> None:
        """Darken ``world`` and light it: lamps, headlights, then tail lights, bars, neon."""
        sprites = self._sprites(level)
        size = world.get_size()
        if self.darkness is None or self.darkness.get_size() != size:
            self.darkness = pygame.Surface(size).convert()
        dark = self.darkness
        dark.fill(palette.NIGHT_AMBIENT)
        add = pygame.BLEND_ADD
        self.static.draw(dark, view, level, self.chunk_m)
        lit = lights_on[cars.index]
        fx, fy = view.to_px(cars.front_x[lit], cars.front_y[lit])
        headings = cars.heading[lit]
        dark.blits(cone_jobs(sprites["cone"], fx, fy, headings), doreturn=False)
        for x, y, radius in searchlights:  # a helicopter's spot: hard white on the ground
            spot = self._searchlight(round(radius * view.px_per_m))
            px, py = view.to_px(x, y)
            dark.blit(spot, spot.get_rect(center=(int(px), int(py))), special_flags=add)
        if player >= 0 and player in cars.index and lights_on[player]:  # the pink pool
            k = int(np.flatnonzero(cars.index == player)[0])
            glow_sprite = sprites["underglow"]
            gx, gy = view.to_px(cars.x[k], cars.y[k])
            dark.blit(glow_sprite, glow_sprite.get_rect(center=(int(gx), int(gy))),
                      special_flags=add)
        world.blit(dark, (0, 0), special_flags=pygame.BLEND_MULT)
        world.blits(cone_jobs(sprites["beam"], fx, fy, headings), doreturn=False)

        draw_tail_lights(world, view, cars, lit, sprites["tail"], sprites["brake"])
        draw_police_bars(world, view, sprites["red"], sprites["blue"], cars, time_s)
        if self.traffic_lights is not None:
            self.traffic_lights.draw(world, view, sprites["signal"], time_s)
        for (centre, _, _), sign in zip(self.neon, sprites["signs"], strict=True):
            if view.visible(np.array(centre[0]), np.array(centre[1]), 40.0):
                px, py = view.to_px(centre[0], centre[1])
                world.blit(sign, sign.get_rect(center=(int(px), int(py))), special_flags=add)
