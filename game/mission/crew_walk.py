"""Where the crew is seen on foot: at the pickup, walking to the building, walking back.

The window rule (:mod:`game.mission.window`) decides when a crew member goes in, comes
out and gets back in the car; this module only places him for the frame, from the same
clock, so drawing the crew changes no rule, no result and no replay:

- waiting to be picked up: standing at his crew spawn;
- when the window opens: walking from where the car stands to the building's door
  (the solid cell of the place nearest the car), then inside, unseen;
- coming out: he leaves the door early enough to reach the car at the very clock time
  the rule has him come out, so a car waiting there takes him in as he arrives;
- out and waiting (the car was not there): standing where the car stood;
- left behind: standing at the door.

Walking is timed in sim seconds (a person's pace), whatever the mission clock's speed.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from game.level.model import Zone
from game.mission.window import Crew, CrewState
from game.session.view import CrewView
from game.sim.terrain import Terrain

WALK_MS = 1.6  #: walking pace, metres per sim second (a brisk walk, a bag each)
SIDE_STEP_M = 1.8  #: crew walk side by side this far apart (room for their figures)
DOOR_REACH_M = 10.0  #: a door is a solid cell within this distance of the place zone
DOOR_SEARCH_M = 40.0  #: ...else the solid cell nearest the car within this distance


def door_point(terrain: Terrain, place: Zone, x: float, y: float) -> tuple[float, float]:
    """Where the crew goes in: on the face toward the car of the solid cell nearest the
    car, near the place zone (else near the car; else the zone's centre)."""
    cell = terrain.cell_size
    low = place.polygon.min(axis=0) - DOOR_REACH_M
    high = place.polygon.max(axis=0) + DOOR_REACH_M
    for near_place in (True, False):
        if not near_place:
            low = np.array([x, y]) - DOOR_SEARCH_M
            high = np.array([x, y]) + DOOR_SEARCH_M
        rows, cols = terrain.solid.shape
        c0, r0 = np.clip(np.floor(low / cell).astype(int), 0, [cols, rows])
        c1, r1 = np.clip(np.ceil(high / cell).astype(int), 0, [cols, rows])
        found = np.argwhere(terrain.solid[r0:r1, c0:c1])
        if len(found):
            centres = (found[:, ::-1] + [c0, r0] + 0.5) * cell  # (K, 2) x, y
            distance = np.hypot(centres[:, 0] - x, centres[:, 1] - y)
            k = int(np.argmin(distance))
            cx, cy = centres[k]
            if distance[k] < 1e-6:
                return float(cx), float(cy)
            out = 0.5 * cell + 0.5  # from the cell's centre out past its face
            ux, uy = (x - cx) / distance[k], (y - cy) / distance[k]
            return float(cx + ux * min(out, distance[k])), float(cy + uy * min(out, distance[k]))
    return place.centre


@dataclass
class CrewWalk:
    """The places the crew walks between in one job, fixed when the window opens."""

    pickup: dict[str, tuple[float, float]]  #: crew name -> where he waits for the car
    time_scale: float  #: clock seconds per sim second
    meeting: tuple[float, float] | None = None  #: where the car stood as the window opened
    door: tuple[float, float] | None = None  #: where the crew goes in and comes out
    opened_at: float | None = None  #: clock time the window opened

    def window_opened(self, clock: float, car: tuple[float, float],
                      door: tuple[float, float]) -> None:
        self.opened_at, self.meeting, self.door = clock, car, door

    def views(self, crew: list[Crew], clock: float, car: tuple[float, float]) -> tuple:
        """A :class:`CrewView` per crew member, with where he is seen now."""
        count = len(crew)
        return tuple(self._view(member, k - (count - 1) / 2, clock, car)
                     for k, member in enumerate(crew))

    def _view(self, member: Crew, side: float, clock: float,
              car: tuple[float, float]) -> CrewView:
        state = member.state
        name = state.name.lower()
        if state is CrewState.AT_PICKUP and member.name in self.pickup:
            return CrewView(member.name, name, self.pickup[member.name])
        if self.door is None or self.meeting is None or self.opened_at is None:
            return CrewView(member.name, name)
        if state in (CrewState.LEFT_BEHIND, CrewState.DOWN):
            return CrewView(member.name, name, self.door)
        if state is CrewState.OUT:
            return CrewView(member.name, name, _beside(self.meeting, self.door, side))
        if state is not CrewState.INSIDE:
            return CrewView(member.name, name)  # in the car
        since_s = (clock - self.opened_at) / self.time_scale
        walk_in_s = _walk_s(self.meeting, self.door)
        until_out_s = (self.opened_at + member.return_offset - clock) / self.time_scale
        walk_out_s = _walk_s(self.door, car)
        inside_s = member.return_offset / self.time_scale  # opening to coming out
        if walk_in_s + walk_out_s > inside_s:  # a quick job: they hurry both ways
            hurry = max(inside_s, 1e-6) / (walk_in_s + walk_out_s)
            walk_in_s, walk_out_s = walk_in_s * hurry, walk_out_s * hurry
        if until_out_s < walk_out_s:  # on his way back, to be at the car as he comes out
            return _walking(member.name, name, self.door, car,
                            1.0 - until_out_s / walk_out_s, side)
        if since_s < walk_in_s:
            return _walking(member.name, name, self.meeting, self.door, since_s / walk_in_s,
                            side)
        return CrewView(member.name, name)  # inside


def _walk_s(start: tuple[float, float], end: tuple[float, float]) -> float:
    return max(float(np.hypot(end[0] - start[0], end[1] - start[1])) / WALK_MS, 1e-6)


def _beside(point: tuple[float, float], towards: tuple[float, float],
            side: float) -> tuple[float, float]:
    """``point`` moved ``side`` steps across the line to ``towards``."""
    dx, dy = towards[0] - point[0], towards[1] - point[1]
    length = float(np.hypot(dx, dy)) or 1.0
    return (point[0] - dy / length * side * SIDE_STEP_M,
            point[1] + dx / length * side * SIDE_STEP_M)


def _walking(name: str, state: str, start: tuple[float, float], end: tuple[float, float],
             fraction: float, side: float) -> CrewView:
    f = min(1.0, max(0.0, fraction))
    here = (start[0] + (end[0] - start[0]) * f, start[1] + (end[1] - start[1]) * f)
    heading = float(np.arctan2(end[1] - start[1], end[0] - start[0]))
    return CrewView(name, state, _beside(here, end, side), walking=True, heading=heading)
