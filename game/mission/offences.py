"""Offences: what the Driver does that police care about, as data and one detector.

Each :class:`Offence` has a row in the table below (after Driver 2's felony table):
points when calm and when already pursued, a cooldown before the same offence counts
again, and how long the condition must hold before it counts at all. Detection reads
the player's car, the road graph (lane limits and directions), the signals and the
step's collisions; it knows nothing of who saw it (that is :mod:`game.mission.heat`).
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

#: heat points per witnessed offence when nobody is chasing you
POINTS_CALM = np.array([0.5, 0.7, 0.6, 0.3, 0.5, 0.4, 0.3, 0.0])
#: heat points per witnessed offence during a pursuit
POINTS_PURSUIT = np.array([0.2, 0.3, 0.5, 0.2, 0.2, 0.1, 0.1, 0.15])
#: seconds before the same offence counts again
COOLDOWN_S = np.array([4.0, 6.0, 2.0, 3.0, 5.0, 4.0, 8.0, 3.0])
#: seconds the condition must last before it is an offence (a blip of speed is not)
HOLD_S = np.array([1.0, 0.0, 0.0, 0.0, 1.0, 0.5, 2.0, 0.5])

SPEEDING_MARGIN = 1.15  #: speeding above this fraction of the lane's limit...
SPEEDING_SLACK_MS = 1.5  #: ...plus this many m/s
ON_ROAD_M = 8.0  #: a car this close to a lane centre is on that road
IN_LANE_M = 3.0  #: close enough to a lane to be driving in it (wrong way, red light)
STOP_LINE_M = 5.0  #: within this of a lane's end the car is at the stop line
MOVING_MS = 3.0  #: below this speed nothing but collisions counts
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


def detect_offences(
    driving: Driving, roads: RoadGraph, is_red: Callable[[int], bool] | None = None
) -> np.ndarray:
    """Which offences the driving commits this tick, as a bool array over :class:`Offence`.

    ``is_red(edge)``: True where that lane's signal shows red now (None: no signals).
    """
    now = np.zeros(N_OFFENCES, dtype=bool)
    now[Offence.HIT_CAR] = driving.hit_car_impulse >= HIT_CAR_IMPULSE
    now[Offence.HIT_PROPERTY] = driving.hit_property_impulse >= HIT_PROPERTY_IMPULSE
    moving = driving.speed >= MOVING_MS
    now[Offence.RECKLESS_SLIDE] = (
        abs(driving.slip_rear) >= SLIDE_SLIP_RAD and driving.speed >= SLIDE_SPEED_MS
    )
    now[Offence.LIGHTS_OFF] = moving and not driving.lights_on
    now[Offence.FLEEING] = driving.pursued and driving.speed >= FLEEING_SPEED_MS
    if not moving or roads.edge_src.size == 0:
        return now
    edge_arr, t_arr = roads.nearest_edge(np.array([driving.x]), np.array([driving.y]))
    edge, t = int(edge_arr[0]), float(t_arr[0])
    src, dst = roads.node_xy[roads.edge_src[edge]], roads.node_xy[roads.edge_dst[edge]]
    on_lane = src + t * (dst - src)
    distance = float(np.hypot(driving.x - on_lane[0], driving.y - on_lane[1]))
    if distance > ON_ROAD_M:
        return now
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
