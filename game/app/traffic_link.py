"""Civilian traffic for a session: cars at the level's ``traffic_*`` spawns, driven by
:mod:`game.ai.traffic` when it is installed (without it, no moving traffic is added)."""

from __future__ import annotations

import importlib.util
from typing import TYPE_CHECKING

import numpy as np

from game.level.model import Spawn

if TYPE_CHECKING:
    from game.app.session import DriveSession


def traffic_available() -> bool:
    return importlib.util.find_spec("game.ai.traffic") is not None


class TrafficLink:
    """Adapts a :class:`game.ai.traffic.TrafficController` to the session's controller hook."""

    def __init__(self, controller: object, rows: np.ndarray) -> None:
        self.controller = controller
        self.rows = rows

    def write_controls(self, session: DriveSession, controls: np.ndarray) -> None:
        controls[self.rows] = self.controller.controls(session.world, session.world.time)


def add_traffic(session: DriveSession, spawns: list[Spawn]) -> TrafficLink | None:
    """Spawn a car at each traffic spawn and attach the AI's traffic controller to them."""
    if not spawns or not traffic_available():
        return None
    from game.ai.traffic import TrafficController

    rows = np.array([session.spawn_at(spawn) for spawn in spawns], dtype=np.intp)
    link = TrafficLink(TrafficController(session.level, session.world, rows), rows)
    session.controllers.append(link)
    return link
