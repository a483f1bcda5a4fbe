"""One frame: map chunks, skid marks, cars, night lights, sparks and smoke, then the HUD.

The world is drawn at a discrete zoom level (pre-scaled chunks and sprites) onto a
surface sized so that stretching it to the screen gives the camera's exact zoom; cars
are drawn where they were between the last two physics states (``alpha``), so motion is
smooth at any display rate. The renderer reads the session's world and its typed
view (:class:`~game.session.view.FrameView`); it never changes either.
"""

from __future__ import annotations

import math

import numpy as np
import pygame

from game.render import palette
from game.render.camera import PX_PER_M, Camera, View, zoom_level_for
from game.render.cars_view import CLASS_LENGTH, CLASS_WIDTH, CarsInView
from game.render.chunks import CHUNK_TILES, TileLayers, map_chunks
from game.render.effects import SPIN_SMOKE_MS, SkidMarks, SparksAndSmoke
from game.render.helicopter import draw_helicopter
from game.render.hud import Hud
from game.render.lights import NightLights
from game.render.minimap import MINIMAP_PX, Minimap
from game.render.people import SHIRTS, WITNESS_SHIRTS, draw_person
from game.render.pointer import draw_pointer, edge_arrow
from game.render.sprites import PAINTS, SpriteBank
from game.render.text import TextCache
from game.render.tile_lights import tile_lights
from game.render.traffic_lights import TrafficLights
from game.session.view import THERE_M, format_distance
from game.sim import VehicleClass

BRAKING_MS2 = -2.5  #: slowing harder than this lights the brake lights (drag alone is ~-1)
CAR_MARGIN_M = 8.0  #: cars this far outside the view are still drawn (their bodies overlap in)
VARIANTS = np.array([len(PAINTS[c]) for c in VehicleClass])


def interpolate(previous, current, alpha: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Poses between two snapshots; headings take the short way round."""
    n = current.x.size
    if previous.x.size != n:  # cars spawned this frame: no previous pose, draw them as they are
        return current.x, current.y, current.heading
    x = previous.x + (current.x - previous.x) * alpha
    y = previous.y + (current.y - previous.y) * alpha
    turn = (current.heading - previous.heading + math.pi) % (2 * math.pi) - math.pi
    return x, y, previous.heading + turn * alpha


class Renderer:
    """Draws a :class:`~game.session.drive.DriveSession` to a screen-sized surface."""

    def __init__(self, session, screen_size: tuple[int, int],
                 tiles: TileLayers | None = None) -> None:
        """``tiles``: the level's tile images if already loaded (a restart reuses them)."""
        level = session.level
        self.chunk_m = CHUNK_TILES * level.terrain.cell_size
        self.tiles = tiles if tiles is not None else TileLayers(level.path)
        self.chunks = map_chunks(self.tiles, palette.NIGHT_INK)
        self.skids = SkidMarks()
        self.chunks.decorate = lambda surface, lvl, cx, cy: self.skids.paint_chunk(
            surface, self.chunks, lvl, cx, cy, self.chunk_m)
        self.sprites = SpriteBank(PX_PER_M)
        self.lights = NightLights(level, PX_PER_M,
                                  tile_lights(self.tiles, level.terrain.cell_size))
        self.lights.traffic_lights = TrafficLights(session.setting.signals, level.roads)
        self.particles = SparksAndSmoke(seed=session.seed)
        self.text = TextCache()
        self.hud = Hud(self.text)
        self.minimap = Minimap(level)
        self.camera = Camera(screen_size)
        self.world_surface: pygame.Surface | None = None
        self.last_time: float | None = None
        self.level: float | None = None  #: the zoom level chunks and sprites are drawn at
        if session.player >= 0:
            self.camera.jump_to(float(session.world.x[session.player]),
                                float(session.world.y[session.player]))

    def draw(self, screen: pygame.Surface, session, alpha: float, events: list,
             message: str | None = None) -> None:
        world = session.world
        sim_dt = 0.0 if self.last_time is None else max(0.0, world.time - self.last_time)
        self.last_time = world.time
        x, y, heading = interpolate(session.previous, world.snapshot(), alpha)
        self._follow(session, x, y, heading, sim_dt)
        level, busy = self._drawing_level(world, x, y)
        view = self.camera.view(level)
        surface = self._surface(view)
        surface.fill(palette.NIGHT_INK)
        self.skids.update(world.x, world.y, world.heading, CLASS_WIDTH[world.vehicle_class],
                          CLASS_LENGTH[world.vehicle_class], world.speed, world.slip_rear,
                          self.chunks, self.chunk_m, world.rear_spin)
        self.chunks.draw(surface, view, level, self.chunk_m)
        cars = self._cars_in_view(view, world, x, y, heading)
        self._draw_cars(surface, view, level, cars)
        helicopters = session.view.helicopters
        self.lights.apply(surface, view, level, cars, world.lights_on & ~world.wrecked,
                          world.time, session.player,
                          [(h.x, h.y, h.light_radius_m) for h in helicopters
                           if h.light_radius_m > 0])  # 0: leaving, light out
        self._effects(surface, view, world, events, sim_dt)
        self._draw_crew(surface, view, session.view.rules.crew, world.time)  # after the night:
        self._draw_crew(surface, view, session.view.rules.witnesses, world.time, WITNESS_SHIRTS)
        # a person is a few pixels across, and must read against a dark street
        for helicopter in helicopters:
            if view.visible(np.array(helicopter.x), np.array(helicopter.y), 10.0):
                draw_helicopter(surface, view, helicopter.x, helicopter.y, helicopter.heading,
                                world.time)
        if surface.get_size() == screen.get_size():
            screen.blit(surface, (0, 0))
        else:
            pygame.transform.scale(surface, screen.get_size(), screen)
        if not busy and not self.chunks.prefetch(view, level, self.chunk_m, budget=1):
            self.lights.static.prefetch(view, level, self.chunk_m, budget=1)
        self._hud(screen, session, x, y, heading, message)
        self._pointer(screen, session, view)

    def _drawing_level(self, world, x: np.ndarray, y: np.ndarray) -> tuple[float, bool]:
        """The zoom level to draw at, and whether this frame did preparation work.

        A new level is used only once its visible chunks (map and light) and sprites
        exist; until then the old one is stretched. A frame prepares at most one of
        them, so a zoom change never stalls a frame.
        """
        wanted = zoom_level_for(self.camera.zoom)
        if self.level is None:
            self.level = wanted
        if wanted == self.level:
            return self.level, False
        view = self.camera.view(wanted)
        for cache in (self.chunks, self.lights.static):
            absent = [c for c in cache.visible(view, self.chunk_m)
                      if (wanted, *c) not in cache.cache]
            if absent:
                cache.chunk(wanted, *absent[0])
                return self.level, True
        shown = view.visible(x, y, CAR_MARGIN_M)
        classes = world.vehicle_class[shown]
        keys = set(zip(classes.tolist(), (np.flatnonzero(shown) % VARIANTS[classes]).tolist(),
                       strict=True))
        if self.sprites.prepare(keys, wanted, budget=1):
            self.level = wanted
        return self.level, True

    def _follow(self, session, x, y, heading, dt: float) -> None:
        player = session.player
        if player < 0:
            return
        world = session.world
        cos, sin = math.cos(heading[player]), math.sin(heading[player])
        vx, vy = float(world.vx[player]), float(world.vy[player])
        # body frame (forward, right) -> world frame (east, south)
        self.camera.follow(float(x[player]), float(y[player]), vx * cos - vy * sin,
                           vx * sin + vy * cos, dt)

    def _surface(self, view: View) -> pygame.Surface:
        size = (view.width_px, view.height_px)
        if self.world_surface is None or self.world_surface.get_size() != size:
            self.world_surface = pygame.Surface(size).convert()
        return self.world_surface

    @staticmethod
    def _cars_in_view(view: View, world, x, y, heading) -> CarsInView:
        index = np.flatnonzero(view.visible(x, y, CAR_MARGIN_M))
        braking = (world.accel[index] < BRAKING_MS2) & (world.vx[index] > 1.0)
        return CarsInView(index, x[index], y[index], heading[index], world.vehicle_class[index],
                          braking)

    def _draw_cars(self, surface: pygame.Surface, view: View, level: float,
                   cars: CarsInView) -> None:
        px, py = view.to_px(cars.x, cars.y)
        variant = cars.index % VARIANTS[cars.vehicle_class]
        jobs = []
        for cls, var, sx, sy, h in zip(cars.vehicle_class.tolist(), variant.tolist(),
                                       px.tolist(), py.tolist(), cars.heading.tolist(),
                                       strict=True):
            frame, (ox, oy) = self.sprites.rotations(cls, var, level).frame(h)
            jobs.append((frame, (round(sx) - ox, round(sy) - oy)))
        surface.blits(jobs, doreturn=False)

    @staticmethod
    def _draw_crew(surface: pygame.Surface, view: View, crew: tuple, time_s: float,
                   shirts: tuple = SHIRTS) -> None:
        """The crew (or a job's witnesses) on foot, where the view says they are."""
        for k, member in enumerate(crew):
            if member.position is None:
                continue
            x, y = member.position
            if view.visible(np.array(x), np.array(y), 2.0):
                draw_person(surface, view, x, y, member.heading, time_s, member.walking,
                            shirts[k % len(shirts)])

    def hud_boxes(self, screen: pygame.Surface) -> tuple[tuple[int, int, int, int], ...]:
        """Where the speedometer and the minimap are (left, top, right, bottom)."""
        width, height = screen.get_size()
        dial = self.hud.dial.get_size()
        return ((18, height - dial[1] - 14, 18 + dial[0], height - 14),
                (width - MINIMAP_PX - 14, height - MINIMAP_PX - 14, width - 14, height - 14))

    def _pointer(self, screen: pygame.Surface, session, view: View) -> None:
        """The objective: marked where it is on screen, else an arrow at the edge."""
        frame = session.view
        waypoint = frame.rules.waypoint
        if waypoint is None:
            return
        stretch = screen.get_width() / view.width_px
        sx, sy = (float(v) * stretch for v in view.to_px(*waypoint))
        pointer = edge_arrow(screen.get_size(), (sx, sy), keep_out=self.hud_boxes(screen))
        if (frame.route_m < THERE_M or frame.rules.waypoint_here) and pointer.on_screen:
            return  # the car is there: no marker on top of it
        far = format_distance(frame.route_m) if frame.route_m >= THERE_M else ""
        draw_pointer(screen, self.text, pointer, session.world.time, far)

    def _effects(self, surface: pygame.Surface, view: View, world, events: list,
                 sim_dt: float) -> None:
        for step in events:
            hits = step.collisions
            if len(hits):
                self.particles.collide(np.asarray(hits.x), np.asarray(hits.y),
                                       np.asarray(hits.impulse))
        damaged = np.flatnonzero(world.damage > 0.4)
        if damaged.size:
            self.particles.smoulder(world.x[damaged], world.y[damaged], world.damage[damaged],
                                    sim_dt)
        spinning = np.flatnonzero(world.rear_spin > SPIN_SMOKE_MS)
        if spinning.size:
            self.particles.tyre_smoke(world.x[spinning], world.y[spinning],
                                      world.heading[spinning],
                                      CLASS_LENGTH[world.vehicle_class[spinning]],
                                      world.rear_spin[spinning], sim_dt)
        self.particles.advance(sim_dt)
        self.particles.draw(surface, view)

    def _hud(self, screen: pygame.Surface, session, x, y, heading,
             message: str | None) -> None:
        world, frame = session.world, session.view
        player = session.player
        speed = float(world.speed[player]) if player >= 0 else 0.0
        street = session.level.street_at(float(x[player]), float(y[player])) \
            if player >= 0 else None
        lights_on = bool(world.lights_on[player]) if player >= 0 else True
        self.hud.draw(screen, frame, speed, street, message, lights_on)
        police = np.zeros(world.n, dtype=bool)
        police[frame.police] = True
        minimap = self.hud_boxes(screen)[1]
        self.minimap.draw(screen, minimap[:2], player,
                          x, y, heading, police, frame.sight_cones, frame.rules.waypoint,
                          route=frame.route, crew=frame.rules.crew, spares=frame.spare_cars)
