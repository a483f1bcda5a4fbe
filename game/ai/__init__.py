"""AI drivers and senses: steering, lights, lanes, routes, perception, police, chasers.

Every controller here writes control rows (throttle, brake, steer, handbrake), the same
input a player's pad writes; nothing here moves a car except through those rows (and
traffic recycling through ``World.place``). No pygame; whole-array numpy over cars.
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
