"""Civilian traffic for a session: cars at the level's ``traffic_*`` spawns, driven by
:class:`game.ai.traffic.TrafficController` and obeying the level's traffic lights."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from game.ai.signals import Signals
from game.ai.traffic import TrafficController
from game.level.model import Spawn

if TYPE_CHECKING:
    from game.session.drive import DriveSession


class TrafficLink:
    """Adapts a traffic controller to the session's controller hook (focus: the player)."""

    def __init__(self, controller: TrafficController) -> None:
        self.controller = controller

    def write_controls(self, session: DriveSession, controls: np.ndarray) -> None:
        world = session.world
        focus = None
        if session.player >= 0:
            focus = (float(world.x[session.player]), float(world.y[session.player]))
        self.controller.apply(world, controls, world.time, focus)


def add_traffic(session: DriveSession, spawns: list[Spawn]) -> TrafficLink | None:
    """Spawn a car at each traffic spawn and attach a traffic controller to them."""
    if not spawns or len(session.level.roads.edge_src) == 0:
        return None
    rows = np.array([session.spawn_at(spawn) for spawn in spawns], dtype=np.intp)
    if session.signals is None:
        session.signals = Signals(session.level.roads)
    link = TrafficLink(TrafficController(session.level.roads, rows, seed=session.seed,
                                         signals=session.signals))
    session.controllers.append(link)
    return link
