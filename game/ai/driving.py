"""Lane driving decisions: for cars tracked on the road graph, where to aim and how fast.

The decision layer between :mod:`game.ai.lanes` (where a car is on the graph) and
:mod:`game.ai.steering` (the control law). The wanted speed is the lowest of:
the lane's speed limit (times the driver's ``speed_factor``); the speed from which the
car can still slow, at a comfortable deceleration, to the speed each coming turn allows;
a stop at the line before a red (or a stoppable amber) light; and the safe speed behind
whatever vehicle is in the car's path (:func:`game.ai.gaps.safe_speed`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

from game.ai.gaps import gaps_ahead, safe_speed
from game.ai.lanes import LaneTracker
from game.ai.signals import Light, Signals

TURN_RADIUS_90_M = 8.0  #: radius a driver takes a right-angle corner on; sharper turns tighter
STRAIGHT_RAD = 0.12  #: turns smaller than this (about 7 degrees) need no slowing


@dataclass(frozen=True)
class DrivingStyle:
    """How a lane driver behaves; traffic, patrols and the autopilot use different ones."""

    speed_factor: float = 1.0  #: times the lane's speed limit
    lateral_accel: float = 3.0  #: m/s^2 accepted in corners (sets corner speed)
    decel: float = 3.0  #: m/s^2 of comfortable braking used to plan stops and slowing
    obey_signals: bool = True  #: stop at red lights (police in pursuit do not)
    reaction_s: float = 0.8  #: seconds of following time (Gipps reaction time)
    standstill_gap_m: float = 2.5  #: metres kept to the car ahead when stopped
    stop_line_m: float = 7.0  #: metres before an intersection node to stop at a red light
    lookahead_s: float = 0.5  #: target point this many seconds ahead at current speed...
    lookahead_min_m: float = 6.0  #: ...but never nearer than this
    reach_m: float = 40.0  #: how far ahead a driver watches for vehicles


class LaneTargets(NamedTuple):
    x: np.ndarray  #: target point, metres
    y: np.ndarray
    speed: np.ndarray  #: wanted forward speed, m/s
    gap: np.ndarray  #: metres to the vehicle ahead (inf if none), for stuck detection
    waiting_at_light: np.ndarray  #: bool, stopped or stopping for a red light


def corner_speed(turn: np.ndarray, lateral_accel: float) -> np.ndarray:
    """Speed (m/s) a corner of ``turn`` radians allows; inf for nearly straight lanes."""
    sharpness = np.abs(turn)
    radius = TURN_RADIUS_90_M * (np.pi / 2.0) / np.maximum(sharpness, 1e-3)
    return np.where(sharpness < STRAIGHT_RAD, np.inf, np.sqrt(lateral_accel * radius))


def lane_targets(
    tracker: LaneTracker,
    rows: np.ndarray,
    vehicles: np.ndarray,
    world,
    dims: tuple[np.ndarray, np.ndarray],
    signals: Signals | None,
    time: float,
    style: DrivingStyle,
) -> LaneTargets:
    """Targets for tracker ``rows``, whose world indices are ``vehicles``.

    ``world`` supplies every vehicle's state (for gaps); ``dims`` is (length, width) of
    every vehicle in the world, metres.
    """
    geo = tracker.geometry
    graph = geo.graph
    speed = np.maximum(world.vx[vehicles], 0.0)
    plan = tracker.plan[rows]
    ends = tracker.distance_to_ends(rows)
    current = np.maximum(plan[:, 0], 0)
    wanted = graph.edge_speed_limit[current] * style.speed_factor

    def brake_to(limit: np.ndarray, distance: np.ndarray) -> np.ndarray:
        return np.sqrt(limit * limit + 2.0 * style.decel * np.maximum(distance, 0.0))

    turns = tracker.turn_angles(rows)
    for column in range(tracker.horizon - 1):
        corner = corner_speed(turns[:, column], style.lateral_accel)
        next_edge = plan[:, column + 1]
        next_limit = np.where(
            next_edge >= 0,
            graph.edge_speed_limit[np.maximum(next_edge, 0)] * style.speed_factor,
            np.inf,
        )
        wanted = np.minimum(wanted, brake_to(np.minimum(corner, next_limit), ends[:, column]))
        dead_end = (plan[:, column] >= 0) & (next_edge < 0)
        wanted = np.where(
            dead_end, np.minimum(wanted, brake_to(0.0, ends[:, column] - 3.0)), wanted
        )

    waiting = np.zeros(rows.size, dtype=bool)
    if signals is not None and style.obey_signals:
        for column in range(tracker.horizon):
            state = signals.edge_state(plan[:, column], time)
            to_line = ends[:, column] - style.stop_line_m
            stoppable = to_line > speed * speed / (2.0 * style.decel) - 1.0
            stop = (state == Light.RED) & (to_line > -2.0)
            stop |= (state == Light.AMBER) & stoppable
            stop &= np.isfinite(ends[:, column])
            wanted = np.where(stop, np.minimum(wanted, brake_to(0.0, to_line)), wanted)
            waiting |= stop & (to_line < 25.0)

    length, width = dims
    found = gaps_ahead(
        vehicles, world.x, world.y, world.heading, world.vx, length, width, style.reach_m
    )
    following = safe_speed(
        found.gap, found.leader_speed, style.decel, style.reaction_s, style.standstill_gap_m
    )
    wanted = np.minimum(wanted, following)
    distance = np.maximum(style.lookahead_min_m, style.lookahead_s * speed)
    tx, ty = tracker.lookahead(rows, distance)
    return LaneTargets(tx, ty, wanted, found.gap, waiting)
