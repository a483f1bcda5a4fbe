"""Offences: what the Driver does that police care about, as data and one detector.

Each :class:`Offence` has a row in the police table (``levels/police.toml``, after
Driver 2's felony table: :mod:`game.session.escalation`). Detection reads the player's
car, the road graph (lane limits and directions), the signals and the step's
collisions; it knows nothing of who saw it (that is :mod:`game.session.heat`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import IntEnum

import numpy as np

from game.level.model import RoadGraph


class Offence(IntEnum):
    SPEEDING = 0
    RED_LIGHT = 1
    HIT_CAR = 2
    HIT_PROPERTY = 3
    WRONG_WAY = 4
    RECKLESS_SLIDE = 5
    LIGHTS_OFF = 6
    FLEEING = 7


N_OFFENCES = len(Offence)

SPEEDING_MARGIN = 1.15  #: speeding above this fraction of the lane's limit...
SPEEDING_SLACK_MS = 1.5  #: ...plus this many m/s
ON_ROAD_M = 8.0  #: a car this close to a lane centre is on that road
IN_LANE_M = 3.0  #: close enough to a lane to be driving in it (wrong way, red light)
#: within this of its lane's end the car's nose is over the stop line (half a car length
#: ahead of its centre): running the red. A driver who stops for it stands with his centre
#: DrivingStyle.stop_line_m (3.5 m) short of the end, and braking to that point passes
#: 4-5 m from the end still rolling: no offence
STOP_LINE_M = 2.5
MOVING_MS = 3.0  #: below this speed nothing but collisions counts
HITTING_MS = 1.5  #: collisions count only when the Driver is moving at least this fast
SLIDE_SLIP_RAD = 0.35  #: rear slip angle of a reckless slide
SLIDE_SPEED_MS = 8.0  #: ...at or above this speed
HIT_CAR_IMPULSE = 1500.0  #: N*s of a car-car contact that counts as hitting a car
HIT_PROPERTY_IMPULSE = 2500.0  #: N*s against a wall that counts as damaging property
FLEEING_SPEED_MS = 5.0  #: moving at least this fast while pursued is fleeing


@dataclass(frozen=True)
class Driving:
    """One tick of the player's driving, as the offence rules read it (SI units)."""

    x: float
    y: float
    heading: float
    speed: float
    slip_rear: float
    lights_on: bool
    hit_car_impulse: float = 0.0  #: the biggest car-car contact this tick
    hit_property_impulse: float = 0.0  #: the biggest wall contact this tick
    pursued: bool = False


class LaneIndex:
    """Lane edges bucketed by grid cell, so the lane under one car is a few-edge search."""

    CELL_M = 16.0  #: bucket size, metres

    def __init__(self, roads: RoadGraph) -> None:
        self.roads = roads
        a, b = roads.node_xy[roads.edge_src], roads.node_xy[roads.edge_dst]
        self.start, self.delta = a, b - a
        self.length_sq = np.maximum((self.delta**2).sum(axis=1), 1e-9)
        lo = np.floor((np.minimum(a, b) - ON_ROAD_M) / self.CELL_M).astype(int)
        hi = np.floor((np.maximum(a, b) + ON_ROAD_M) / self.CELL_M).astype(int)
        buckets: dict[tuple[int, int], list[int]] = {}
        for edge in range(len(a)):  # built once per level; edges span a few cells each
            for cx in range(lo[edge, 0], hi[edge, 0] + 1):
                for cy in range(lo[edge, 1], hi[edge, 1] + 1):
                    buckets.setdefault((cx, cy), []).append(edge)
        self.buckets = {cell: np.array(edges) for cell, edges in buckets.items()}

    def nearest(self, x: float, y: float) -> tuple[int, float, float] | None:
        """(edge, fraction along it, distance) of the nearest lane within ON_ROAD_M, or None."""
        edges = self.buckets.get((int(x // self.CELL_M), int(y // self.CELL_M)))
        if edges is None:
            return None
        px, py = x - self.start[edges, 0], y - self.start[edges, 1]
        dx, dy = self.delta[edges, 0], self.delta[edges, 1]
        t = np.clip((px * dx + py * dy) / self.length_sq[edges], 0.0, 1.0)
        dist = np.hypot(px - t * dx, py - t * dy)
        best = int(np.argmin(dist))
        return int(edges[best]), float(t[best]), float(dist[best])


def detect_offences(
    driving: Driving, lanes: LaneIndex, is_red: Callable[[int], bool] | None = None
) -> np.ndarray:
    """Which offences the driving commits this tick, as a bool array over :class:`Offence`.

    ``is_red(edge)``: True where that lane's signal shows red now (None: no signals).
    """
    now = np.zeros(N_OFFENCES, dtype=bool)
    driving_on = driving.speed >= HITTING_MS  # a parked car that is hit did nothing wrong
    now[Offence.HIT_CAR] = driving_on and driving.hit_car_impulse >= HIT_CAR_IMPULSE
    now[Offence.HIT_PROPERTY] = driving_on and driving.hit_property_impulse >= HIT_PROPERTY_IMPULSE
    moving = driving.speed >= MOVING_MS
    now[Offence.RECKLESS_SLIDE] = (
        abs(driving.slip_rear) >= SLIDE_SLIP_RAD and driving.speed >= SLIDE_SPEED_MS
    )
    now[Offence.LIGHTS_OFF] = moving and not driving.lights_on
    now[Offence.FLEEING] = driving.pursued and driving.speed >= FLEEING_SPEED_MS
    found = lanes.nearest(driving.x, driving.y) if moving else None
    if found is None or found[2] > ON_ROAD_M:
        return now
    edge, _, distance = found
    roads = lanes.roads
    src, dst = roads.node_xy[roads.edge_src[edge]], roads.node_xy[roads.edge_dst[edge]]
    limit = float(roads.edge_speed_limit[edge])
    now[Offence.SPEEDING] = driving.speed > limit * SPEEDING_MARGIN + SPEEDING_SLACK_MS
    lane_heading = float(np.arctan2(dst[1] - src[1], dst[0] - src[0]))
    along = float(np.cos(driving.heading - lane_heading))
    in_lane = distance <= IN_LANE_M
    now[Offence.WRONG_WAY] = in_lane and along < -0.5
    to_end = float(np.hypot(dst[0] - driving.x, dst[1] - driving.y))
    if is_red is not None and in_lane and along > 0.5 and to_end <= STOP_LINE_M:
        now[Offence.RED_LIGHT] = bool(is_red(edge))
    return now
