"""AI drivers and senses. No pygame; whole-array numpy over cars.

Every controller here writes control rows (throttle, brake, steer, handbrake), the same
input a player's pad writes; nothing moves a car except through those rows (and traffic
recycling through ``World.place``). Decision, control and motion stay apart:

- ``steering``: the control law: target point + target speed -> control rows
  (pure pursuit, traction-aware pedals); ``hold_still`` for parked cars.
- ``lanes``: where cars are on the lane graph (current edge, a short plan ahead).
- ``signals``: traffic-light state from the graph and sim time (``is_red`` per edge).
- ``gaps``: the nearest vehicle on each car's planned path (spatial hash);
  ``cells``: that hash (near pairs from sorted cell keys), also used by right of way.
- ``intersections``: right of way, one movement at a time.
- ``driving``: lane decisions: limits, corners, lights, right of way, gaps.
- ``traffic``: ``TrafficController``: civilian traffic, staggered thinking, recycling.
- ``routes``: shortest-path trees and ``RouteFollower`` (the mission autopilot);
  ``offroad``: the last metres off the lanes (grid A*).
- ``perception``: line of sight, sight cones, shadow, lights and crowds.
- ``pursuit``: ``Pursuer``: route / intercept / ram; ``police``: ``PoliceController``
  (sight, last known position, give-up) and the ``Helicopter``; ``chasers``: hostile
  cars that always know; ``detective``: tails, predicts, offers roadblock sites.

Call order each tick (STYLE.md): every controller writes its rows, then ``World.step``.
"""

from game.ai.chasers import ChaserController
from game.ai.detective import DetectiveController
from game.ai.driving import DrivingStyle, LaneTargets, lane_targets
from game.ai.gaps import GapsAhead, gaps_ahead, safe_speed
from game.ai.lanes import EdgeGeometry, LaneTracker, random_chooser
from game.ai.perception import SightParams, clear_path, line_of_sight, sees
from game.ai.police import Helicopter, PoliceController, PoliceEvent
from game.ai.pursuit import Pursuer, PursuitParams
from game.ai.routes import RouteFollower, RoutePlanner, RouteTree, route_chooser
from game.ai.signals import Light, Signals
from game.ai.steering import Chassis, drive_to, hold_still, pursuit_steer
from game.ai.traffic import TrafficController, spawn_on_lanes

__all__ = [
    "ChaserController",
    "Chassis",
    "DetectiveController",
    "DrivingStyle",
    "EdgeGeometry",
    "GapsAhead",
    "Helicopter",
    "LaneTargets",
    "LaneTracker",
    "Light",
    "PoliceController",
    "PoliceEvent",
    "Pursuer",
    "PursuitParams",
    "RouteFollower",
    "RoutePlanner",
    "RouteTree",
    "SightParams",
    "Signals",
    "TrafficController",
    "clear_path",
    "drive_to",
    "gaps_ahead",
    "hold_still",
    "lane_targets",
    "line_of_sight",
    "pursuit_steer",
    "random_chooser",
    "route_chooser",
    "safe_speed",
    "sees",
    "spawn_on_lanes",
]
