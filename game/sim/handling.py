"""A car's test sheet, measured in the simulation: what a tuner reads and the tests check.

Every figure comes from driving the class's cars through :class:`~game.sim.World`, with
the aids the sheet is asked for (the Driver's, :data:`~game.sim.aids.PLAYER_AIDS`, by
default), through the control rows a keyboard writes: each pedal and steering column
is 0 or 1. Trials that differ in one setting run side by side as cars of one world, each
on its own copy of the track, so a sweep is one vectorised drive, not a loop of drives.

- **0-100 km/h** (s) and **top speed** (km/h): full throttle on a long straight; the
  top speed again at :data:`DAMAGED` damage (a damaged engine has less power).
- **100-0 km/h braking** (m): the brake pedal held until the car stops.
- **Skidpad** (g): the most steady lateral acceleration over a sweep of steering angles
  at :data:`SKIDPAD_KMH`, the throttle holding the speed (a stick's partial lock, so no
  steering aid takes part; the tyres' limit is what it measures).
- **Drift-catch window** (ms): the 90-degree right-hand corner of Hill St into 3rd St
  (:func:`corner_terrain`: a 24 m street with 4 m pavements into a 20 m one), entered
  at :data:`CORNER_KMH`. At the turn-in point the keys go Right and handbrake; the
  handbrake is let go after :data:`HANDBRAKE_TAP_S` and the throttle held from then
  on; Right is let go at a release time that the sheet sweeps tick by tick. A release
  *catches* the corner when the car crosses the finish line (32 m into the new street)
  on its road, not its pavement, without having touched a wall, pointing along it
  (within :data:`CATCH_HEADING_DEG`) at :data:`CATCH_MIN_KMH` or more. The window
  is the longest run of catching release times, at the best of a few turn-in points.
- **Wall damage**: the damage (0-1) of one head-on hit on a wall at 30, 60 and 90 km/h,
  and of a glancing one (:data:`GLANCE_DEG`) at 70 km/h.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

import numpy as np

from game.sim.aids import PLAYER_AIDS
from game.sim.controls import BRAKE, HANDBRAKE, STEER, THROTTLE, empty_controls
from game.sim.events import WALL
from game.sim.terrain import CELL_SIZE_M, Surface, Terrain
from game.sim.vehicles import GRAVITY, VehicleClass
from game.sim.world import World

KMH = 1 / 3.6  #: m/s per km/h
SKIDPAD_KMH = 60.0  #: speed the skidpad is run at
CORNER_KMH = 60.0  #: speed the drift-catch corner is entered at
CATCH_MIN_KMH = 25.0  #: a caught corner leaves at this speed or more
CATCH_HEADING_DEG = 20.0  #: ...pointing within this of the new street
HANDBRAKE_TAP_S = 0.25  #: how long the handbrake key is held at turn-in
RELEASE_SWEEP_S = (0.1, 2.4)  #: release times swept, s after turn-in
TURN_IN_BEFORE_M = (4.0, 8.0, 12.0, 16.0)  #: turn-in points: m before the cross street
CORNER_TIME_S = 6.0  #: a release that has not crossed the finish line by then fails
DAMAGED = 0.5  #: the damage (0-1) the sheet's second top speed is measured at
GLANCE_DEG = 20.0  #: angle between the car and the wall in the glancing hit
WALL_HIT_KMH = (30.0, 60.0, 90.0)  #: head-on wall hits on the sheet

# The corner, in cells of one block (one block per trial, side by side along x).
_BLOCK_COLS, _BLOCK_ROWS = 40, 38
_MAIN_COL = 30  #: the main street's west pavement column (then 6 road, 1 pavement)
_CROSS_ROW = 30  #: the cross street's north pavement row (then 5 road, 1 pavement)
_FINISH_COLS_WEST = 8  #: the finish line: this many cells west of the main street


@dataclass(frozen=True)
class HandlingSheet:
    """One class's figures; see the module docstring for how each is measured."""

    vehicle_class: str
    aids: int  #: the aid bits the sheet was driven with
    zero_to_100_s: float
    top_speed_kmh: float
    top_speed_damaged_kmh: float  #: the same car at :data:`DAMAGED` damage
    braking_100_m: float
    skidpad_g: float
    drift_window_ms: float  #: the longest run of release times that catch the corner
    drift_release_ms: tuple[float, float]  #: its first and last release time after turn-in
    drift_turn_in_m: float  #: the turn-in point it was found at, m before the cross street
    wall_damage: dict[str, float]  #: "head-on 30 km/h" ... "glancing 70 km/h": damage 0-1

    def as_dict(self) -> dict:
        return asdict(self)


def measure(vehicle_class: VehicleClass, aids: int = PLAYER_AIDS) -> HandlingSheet:
    """Drive every test of the sheet for one class."""
    window, first, last, turn_in = drift_window(vehicle_class, aids)
    return HandlingSheet(
        vehicle_class=vehicle_class.name.lower(),
        aids=int(aids),
        zero_to_100_s=zero_to_100(vehicle_class, aids),
        top_speed_kmh=top_speed(vehicle_class, aids) / KMH,
        top_speed_damaged_kmh=top_speed(vehicle_class, aids, DAMAGED) / KMH,
        braking_100_m=braking_distance(vehicle_class, aids),
        skidpad_g=skidpad_g(vehicle_class, aids),
        drift_window_ms=window,
        drift_release_ms=(first, last),
        drift_turn_in_m=turn_in,
        wall_damage=wall_damage(vehicle_class, aids),
    )


def straight_terrain(cols: int = 2000, rows: int = 12) -> Terrain:
    """A long walled asphalt strip; cars drive east along y = 24 m."""
    return Terrain.open_box(cols, rows)


def _row(n: int, throttle: float = 0.0, brake: float = 0.0, steer: float = 0.0,
         handbrake: float = 0.0) -> np.ndarray:
    controls = empty_controls(n)
    controls[:, THROTTLE], controls[:, BRAKE] = throttle, brake
    controls[:, STEER], controls[:, HANDBRAKE] = steer, handbrake
    return controls


def zero_to_100(vehicle_class: VehicleClass, aids: int = PLAYER_AIDS) -> float:
    """Seconds from standstill to 100 km/h at full throttle (inf if never in 30 s)."""
    world = World(straight_terrain())
    world.spawn(vehicle_class, 10.0, 24.0, 0.0, aids=aids)
    controls = _row(1, throttle=1.0)
    while world.speed[0] < 100 * KMH:
        if world.time > 30.0:
            return float("inf")
        world.step(controls)
    return world.time


def top_speed(vehicle_class: VehicleClass, aids: int = PLAYER_AIDS, damage: float = 0.0) -> float:
    """m/s after a minute of full throttle from 30 m/s, for a car this damaged (0-1)."""
    world = World(straight_terrain(cols=8000))
    world.spawn(vehicle_class, 10.0, 24.0, 0.0, speed=30.0, aids=aids)
    world.damage[:] = damage
    controls = _row(1, throttle=1.0)
    for _ in range(round(60.0 / world.dt)):
        world.step(controls)
    return float(world.speed[0])


def braking_distance(vehicle_class: VehicleClass, aids: int = PLAYER_AIDS,
                     surface: Surface = Surface.ASPHALT) -> float:
    """Metres from 100 km/h to a stop with the brake pedal held."""
    terrain = straight_terrain()
    terrain.surface[:] = surface
    world = World(terrain)
    world.spawn(vehicle_class, 10.0, 24.0, 0.0, speed=100 * KMH, aids=aids)
    controls = _row(1, brake=1.0)
    while world.vx[0] > 0.5:  # below this the brake pedal engages reverse
        world.step(controls)
    return float(world.x[0] - 10.0)


def skidpad_g(vehicle_class: VehicleClass, aids: int = PLAYER_AIDS) -> float:
    """The most steady lateral acceleration (g) at :data:`SKIDPAD_KMH` over a steer sweep.

    Cars hold partial steering (0.05 to 1 of the lock, one car each, 200 m apart) and a
    throttle that holds the speed; after 6 s, a car whose speed and yaw rate have
    settled counts with ``speed * yaw_rate / g``.
    """
    steers = np.linspace(0.05, 1.0, 20)
    spacing = 200.0
    cells = int(spacing * (steers.size + 1) / CELL_SIZE_M)
    world = World(Terrain.open_box(cells, int(2 * spacing / CELL_SIZE_M)))
    xs = spacing * (1 + np.arange(steers.size))
    world.spawn(vehicle_class, xs, spacing, 0.0, speed=SKIDPAD_KMH * KMH, aids=aids)
    controls = _row(steers.size)
    controls[:, STEER] = steers
    target = SKIDPAD_KMH * KMH
    lateral = np.zeros(steers.size)
    for tick in range(round(8.0 / world.dt)):
        controls[:, THROTTLE] = np.clip((target - world.speed) * 2.0, 0.0, 1.0)
        world.step(controls)
        if tick >= round(6.0 / world.dt):
            lateral = np.maximum(lateral, world.speed * np.abs(world.yaw_rate))
    steady = (np.abs(world.speed - target) < 1.5) & (np.abs(world.slip_rear) < 0.15)
    return float(np.max(np.where(steady, lateral, 0.0)) / GRAVITY)


def corner_terrain(blocks: int) -> Terrain:
    """``blocks`` copies of the corner side by side: a street south into one west.

    Each block: the main street (a 4 m pavement, 24 m of road, a pavement) runs south
    from the block's top to the cross street (a pavement, 20 m of road, a pavement),
    which runs west to the block's edge; buildings everywhere else.
    """
    rows, cols = _BLOCK_ROWS, _BLOCK_COLS * blocks
    solid = np.ones((rows, cols), dtype=bool)
    surface = np.full((rows, cols), Surface.ASPHALT, dtype=np.uint8)
    for block in range(blocks):
        west = block * _BLOCK_COLS
        main = slice(west + _MAIN_COL, west + _MAIN_COL + 8)
        solid[: _CROSS_ROW + 7, main] = False
        solid[_CROSS_ROW:_CROSS_ROW + 7, west:main.stop] = False
        surface[:, main.start] = surface[:, main.stop - 1] = Surface.CONCRETE
        surface[_CROSS_ROW, west:main.start] = Surface.CONCRETE
        surface[_CROSS_ROW + 6, west:main.stop] = Surface.CONCRETE
    return Terrain(solid, surface)


def corner_trials(vehicle_class: VehicleClass, aids: int, turn_in_m: float,
                  release_s: np.ndarray) -> np.ndarray:
    """Per release time: does letting go of Right then catch the corner (bool array)?"""
    n = release_s.size
    terrain = corner_terrain(n)
    world = World(terrain)
    cell = CELL_SIZE_M
    lane_x = (_MAIN_COL + 1) * cell + 6.0  #: the southbound lane's middle, m in a block
    block_x = _BLOCK_COLS * cell * np.arange(n)
    turn_in_y = _CROSS_ROW * cell - turn_in_m
    speed = CORNER_KMH * KMH
    start_y = turn_in_y - speed * 0.5  # half a second of coasting before turn-in
    world.spawn(vehicle_class, block_x + lane_x, start_y, np.pi / 2, speed=speed, aids=aids)
    finish_x = block_x + (_MAIN_COL - _FINISH_COLS_WEST) * cell
    touched = np.zeros(n, dtype=bool)
    crossed = np.zeros(n, dtype=bool)
    caught = np.zeros(n, dtype=bool)
    turned_at = np.full(n, np.inf)
    controls = _row(n)
    for _ in range(round((0.5 + CORNER_TIME_S) / world.dt)):
        turned = world.y >= turn_in_y
        turned_at = np.where(turned & ~np.isfinite(turned_at), world.time, turned_at)
        since = world.time - turned_at
        controls[:, STEER] = (since >= 0.0) & (since < release_s)
        controls[:, HANDBRAKE] = (since >= 0.0) & (since < HANDBRAKE_TAP_S)
        controls[:, THROTTLE] = since >= HANDBRAKE_TAP_S
        events = world.step(controls)
        hits = events.collisions
        touched[hits.a[hits.b == WALL]] = True
        now = (world.x < finish_x) & ~crossed
        heading_error = np.abs(np.angle(np.exp(1j * (world.heading - np.pi))))
        on_road = terrain.surface_at(world.x, world.y) == Surface.ASPHALT
        caught |= now & on_road & (heading_error < np.radians(CATCH_HEADING_DEG)) & (
            world.speed >= CATCH_MIN_KMH * KMH
        )
        crossed |= now
        if (crossed | touched).all():
            break
    return caught & ~touched


def drift_window(vehicle_class: VehicleClass,
                 aids: int = PLAYER_AIDS) -> tuple[float, float, float, float]:
    """(window ms, first and last catching release ms, turn-in m) at the best turn-in."""
    dt_ms = 1000.0 / 60.0
    low, high = RELEASE_SWEEP_S
    release_s = np.arange(round(low * 60), round(high * 60) + 1) / 60.0
    best = (0.0, float("nan"), float("nan"), float("nan"))
    for turn_in in TURN_IN_BEFORE_M:
        caught = corner_trials(vehicle_class, aids, turn_in, release_s)
        start, length = _longest_run(caught)
        if length and length * dt_ms > best[0]:
            first, last = release_s[start], release_s[start + length - 1]
            best = (length * dt_ms, first * 1000.0, last * 1000.0, turn_in)
    return best


def _longest_run(flags: np.ndarray) -> tuple[int, int]:
    """(start, length) of the longest run of True in ``flags`` ((0, 0) if none)."""
    padded = np.concatenate([[False], flags, [False]]).astype(np.int8)
    edges = np.flatnonzero(np.diff(padded))
    if not edges.size:
        return 0, 0
    starts, stops = edges[::2], edges[1::2]
    longest = int(np.argmax(stops - starts))
    return int(starts[longest]), int(stops[longest] - starts[longest])


def wall_hit_damage(vehicle_class: VehicleClass, speed_kmh: float, angle_deg: float = 90.0,
                    aids: int = PLAYER_AIDS) -> float:
    """Damage (0-1) of one hit on a wall at ``speed_kmh``, ``angle_deg`` off parallel."""
    world = World(Terrain.open_box(60, 60))
    angle = np.radians(angle_deg)
    distance = 6.0  # m from the wall's face (x = 236 m) to the car's centre, along its path
    start_x = 236.0 - distance * np.sin(angle)
    start_y = 120.0 + distance * np.cos(angle)
    world.spawn(vehicle_class, start_x, start_y, -(np.pi / 2 - angle), speed=speed_kmh * KMH,
                aids=aids)
    controls = _row(1)
    for _ in range(round(1.5 / world.dt)):
        world.step(controls)
    return float(world.damage[0])


def wall_damage(vehicle_class: VehicleClass, aids: int = PLAYER_AIDS) -> dict[str, float]:
    """The sheet's wall hits: head-on at :data:`WALL_HIT_KMH`, glancing at 70 km/h."""
    figures = {f"head-on {kmh:.0f} km/h": wall_hit_damage(vehicle_class, kmh, aids=aids)
               for kmh in WALL_HIT_KMH}
    figures["glancing 70 km/h"] = wall_hit_damage(vehicle_class, 70.0, GLANCE_DEG, aids=aids)
    return figures
