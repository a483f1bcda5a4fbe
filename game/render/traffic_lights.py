"""Traffic lights drawn where each signalised lane stops, coloured by game.ai.signals."""

from __future__ import annotations

import numpy as np
import pygame

from game.level.model import RoadGraph
from game.render.camera import View

SIGNAL_COLOURS = ((40, 255, 120), (255, 190, 20), (255, 30, 30))  #: green, amber, red
SIGNAL_SETBACK_M = 6.0  #: a lane's signal stands this far before its stop node...
SIGNAL_KERB_M = 2.5  #: ...and this far to the right of the lane's centre


class TrafficLights:
    """Positions of every signalised lane's light, and their glows each frame."""

    def __init__(self, signals, roads: RoadGraph) -> None:
        self.signals = signals  #: game.ai.signals.Signals
        self.edges = np.flatnonzero(signals.edge_signalised)
        src = roads.node_xy[roads.edge_src[self.edges]]
        dst = roads.node_xy[roads.edge_dst[self.edges]]
        along = dst - src
        along /= np.maximum(np.hypot(along[:, 0], along[:, 1]), 1e-9)[:, None]
        right = np.stack([-along[:, 1], along[:, 0]], axis=1)
        self.xy = dst - along * SIGNAL_SETBACK_M + right * SIGNAL_KERB_M

    def draw(self, world: pygame.Surface, view: View, glows: list[pygame.Surface],
             time_s: float) -> None:
        """Additive glows, one per visible light, in its state's colour (see SIGNAL_COLOURS)."""
        if not len(self.edges):
            return
        shown = view.visible(self.xy[:, 0], self.xy[:, 1], 2.0)
        if not shown.any():
            return
        states = self.signals.edge_state(self.edges[shown], time_s).tolist()
        px, py = view.to_px(self.xy[shown, 0], self.xy[shown, 1])
        r = glows[0].get_width() // 2
        world.blits([(glows[k], (int(x) - r, int(y) - r), None, pygame.BLEND_ADD)
                     for x, y, k in zip(px.tolist(), py.tolist(), states, strict=True)],
                    doreturn=False)
