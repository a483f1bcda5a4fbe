"""The full-screen map over a paused drive: street names, the places, the objective and
the route to it, the crew, the police you know about and your car.

A drive opens it with its ``map`` action (M, the pad's Back); the same action, Escape or
the pad's B closes it. The drive is paused underneath (only the top scene runs).
"""

from __future__ import annotations

from typing import Any

import pygame

from game.app.scene import Scene, menu_key
from game.input.settings import controls_of
from game.render import palette
from game.render.city_map import CityMap

LEGEND = "you: pink arrow   objective: amber   route: gold   crew: green   police: blue"


def map_rect(size: tuple[int, int]) -> pygame.Rect:
    """Where the map goes on a screen: under the title line, over the legend."""
    width, height = size
    return pygame.Rect(20, 56, width - 40, height - 56 - 52)


class MapScene(Scene):
    """The map of a drive scene's session; its map is kept on the drive for next time."""

    def __init__(self, app: Any, drive: Any) -> None:
        self.drive = drive
        app.input.release_all()
        app.audio.silence()

    def handle_event(self, app: Any, event: pygame.event.Event, actions: list[str]) -> None:
        if "map" in actions or "pause" in actions or menu_key(event) == pygame.K_ESCAPE:
            app.pop()

    def city(self, app: Any, screen: pygame.Surface) -> CityMap:
        rect = map_rect(screen.get_size())
        city = getattr(self.drive, "city_map", None)
        if city is None or city.rect != rect or city.level is not self.drive.session.level:
            city = self.drive.city_map = CityMap(self.drive.session.level, rect, app.text)
        return city

    def draw(self, app: Any, screen: pygame.Surface) -> None:
        session = self.drive.session
        frame, world = session.view, session.world
        screen.fill(palette.NIGHT_INK)
        width, height = screen.get_size()
        rules = frame.rules
        where = f"  >  {rules.waypoint_label}" if rules.waypoint_label else ""
        title = f"{rules.objective}{where}" if rules.objective else "Map"
        heading = app.text.render(title, 30, palette.TEXT)
        screen.blit(heading, heading.get_rect(midtop=(width // 2, 14)))
        self.city(app, screen).draw(screen, frame, world.x, world.y, world.heading,
                                    session.player)
        back = controls_of(app.settings, "map")
        legend = app.text.render(f"{LEGEND}      {back} or Esc: back to the street", 20,
                                 palette.TEXT_DIM)
        screen.blit(legend, legend.get_rect(midbottom=(width // 2, height - 16)))
