"""Lane driving decisions: for cars tracked on the road graph, where to aim and how fast.

The decision layer between :mod:`game.ai.lanes` (where a car is on the graph) and
:mod:`game.ai.steering` (the control law). The wanted speed is the lowest of:
the lane's speed limit (times the driver's ``speed_factor``); the speed from which the
car can still slow, at a comfortable deceleration, to the speed each coming turn allows;
a stop at the line before a red (or a stoppable amber) light; a stop at the line while
another movement holds the intersection (:mod:`game.ai.intersections`); and the safe
speed behind whatever vehicle is on the car's planned path (:func:`game.ai.gaps.safe_speed`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

from game.ai.gaps import gaps_ahead, safe_speed
from game.ai.intersections import RightOfWay
from game.ai.lanes import LaneTracker, PlanAhead
from game.ai.signals import LIGHT_AMBER, LIGHT_RED, Signals

CONTROL_LAG_S = 0.4  #: seconds of travel allowed for the pedals to act (held decisions, lag)
OVER_THE_LINE_M = 1.0  #: a car this near its lane's end at red is already over the line


@dataclass(frozen=True)
class DrivingStyle:
    """How a lane driver behaves; traffic, patrols and the autopilot use different ones."""

    speed_factor: float = 1.0  #: times the lane's speed limit
    lateral_accel: float = 3.0  #: m/s^2 accepted in corners (sets corner speed)
    decel: float = 3.0  #: m/s^2 of comfortable braking used to plan stops and slowing
    obey_signals: bool = True  #: stop at red lights (police in pursuit do not)
    reaction_s: float = 0.8  #: seconds of following time (Gipps reaction time)
    standstill_gap_m: float = 2.5  #: metres kept to the car ahead when stopped
    stop_line_m: float = 3.5  #: metres from car centre to the stop line (lane end) when stopped
    lookahead_s: float = 0.5  #: target point this many seconds ahead at current speed...
    lookahead_min_m: float = 6.0  #: ...but never nearer than this
    reach_m: float = 30.0  #: how far ahead a driver watches for vehicles, plus braking room
    max_reach_m: float = 100.0  #: ...but never farther (fast cars on the freeway)


class LaneTargets(NamedTuple):
    x: np.ndarray  #: target point, metres
    y: np.ndarray
    speed: np.ndarray  #: wanted forward speed, m/s
    gap: np.ndarray  #: metres to the vehicle ahead (inf if none), for stuck detection
    waiting_at_light: np.ndarray  #: bool, stopping for a light or to give way (not stuck)


def corner_speed(
    turn: np.ndarray, length_in: np.ndarray, length_out: np.ndarray, lateral_accel: float
) -> np.ndarray:
    """Speed (m/s) a lane's bend allows: ``turn`` radians between edges ``length_in`` and
    ``length_out`` metres long is taken on a radius of about the shorter over the turn
    (a polyline curve's own radius; a tight corner for a short turn connector)."""
    radius = np.minimum(length_in, length_out) / np.maximum(np.abs(turn), 1e-4)
    return np.sqrt(lateral_accel * radius)


def _brake_to(speed: np.ndarray, decel: float):
    """``brake_to(limit, distance)``: highest speed now from which cars at ``speed`` can
    still slow to ``limit`` within ``distance`` metres (allowing for control lag)."""

    def brake_to(limit, distance: np.ndarray) -> np.ndarray:
        room = np.maximum(distance - speed * CONTROL_LAG_S, 0.0)
        return np.sqrt(np.square(limit) + 2.0 * decel * room)

    return brake_to


def _road_ahead_limit(tracker: LaneTracker, ahead: PlanAhead, style, brake_to) -> np.ndarray:
    """Speed allowed by the limits, the corners and any dead end along each plan (every
    planned bend at once: arrays (plan slots but the last, cars))."""
    limit = tracker.geometry.graph.edge_speed_limit
    safe, valid, length = ahead.safe, ahead.valid, ahead.length
    wanted = limit[safe[0]] * style.speed_factor
    next_limit = np.where(valid[1:], limit[safe[1:]] * style.speed_factor, np.inf)
    bend = corner_speed(tracker.turns(ahead), length[:-1], length[1:], style.lateral_accel)
    corner = np.minimum(bend, next_limit)
    to_end = ahead.ends[:-1]
    allowed = brake_to(corner, to_end)
    dead_end = valid[:-1] & ~valid[1:]
    if np.count_nonzero(dead_end):
        stop_at_end = brake_to(0.0, to_end - style.stop_line_m)
        allowed = np.where(dead_end, np.minimum(allowed, stop_at_end), allowed)
    return np.minimum(wanted, np.minimum.reduce(allowed, axis=0, initial=np.inf))


def _light_stops(signals, ahead: PlanAhead, speed, time, style, brake_to):
    """(speed allowed by the lights, (plan slots, cars): the lights each car stops for)."""
    ends = ahead.ends
    stop = np.zeros(ends.shape, dtype=bool)
    if signals is None or not style.obey_signals:
        return np.full(ends.shape[1], np.inf), stop
    to_line = ends - style.stop_line_m
    state = signals.edge_state(ahead.edge, time)
    stoppable = to_line > speed**2 / (2.0 * style.decel) - 1.0
    stop = (state == LIGHT_RED) & (ends > OVER_THE_LINE_M)
    stop |= (state == LIGHT_AMBER) & stoppable
    stop &= np.isfinite(ends)
    limit = np.where(stop, brake_to(0.0, to_line), np.inf)
    return np.minimum.reduce(limit, axis=0), stop


def lane_targets(
    tracker: LaneTracker,
    rows: np.ndarray,
    vehicles: np.ndarray,
    world,
    signals: Signals | None,
    time: float,
    style: DrivingStyle,
    right_of_way: RightOfWay | None = None,
) -> LaneTargets:
    """Targets for tracker ``rows``, whose world indices are ``vehicles``.

    ``world`` supplies every vehicle's state and size (for gaps). With ``right_of_way``
    (rows shared with the tracker) cars also wait their turn at intersections.
    """
    speed = np.maximum(world.vx[vehicles], 0.0)
    ahead = tracker.ahead(rows)
    brake_to = _brake_to(speed, style.decel)  # cars along the last axis, as in ``ahead``
    wanted = _road_ahead_limit(tracker, ahead, style, brake_to)
    light_limit, stop = _light_stops(signals, ahead, speed, time, style, brake_to)
    wanted = np.minimum(wanted, light_limit)
    waiting = np.logical_or.reduce(stop & (ahead.ends < 25.0), axis=0)

    if right_of_way is not None:
        hard_decel = 2.0 * style.decel
        right_of_way.claim(rows, ahead, speed, hard_decel, stop, style.stop_line_m)
        give_way = ~right_of_way.permitted(rows)
        to_line = right_of_way.to_line[rows] - style.stop_line_m
        wanted = np.where(give_way, np.minimum(wanted, brake_to(0.0, to_line)), wanted)
        waiting |= give_way

    length, width = world.params.length, world.params.width
    path = tracker.path(rows, world.x[vehicles], world.y[vehicles])
    reach = np.minimum(style.reach_m + speed * speed / (2.0 * style.decel), style.max_reach_m)
    found = gaps_ahead(
        vehicles, world.x, world.y, world.heading, world.vx, length, width, reach, path
    )
    following = safe_speed(
        found.gap, found.leader_speed, style.decel, style.reaction_s, style.standstill_gap_m
    )
    wanted = np.minimum(wanted, following)
    distance = np.maximum(style.lookahead_min_m, style.lookahead_s * speed)
    tx, ty = tracker.point_along(ahead, distance)
    return LaneTargets(tx, ty, wanted, found.gap, waiting)
