"""Who sees whom: line of sight over the solid grid, sight cones, darkness and crowds.

An observer (a police unit, the Detective) sees a target when the target is within its
forward cone (``cone_half_angle``, up to ``cone_range_m``) or within the short all-round
``near_radius_m``, and the straight segment between them crosses no solid cell. Ranges
shrink when the target is hard to see: in a shadow cell with its lights off, or among a
crowd. Line of sight samples each segment every ``sample_step_m`` (<= 1 m, a quarter
cell) for all observer-target pairs at once: one (pairs x samples) array.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from game.sim.terrain import Terrain


@dataclass(frozen=True)
class SightParams:
    """How far and how wide observers see, and what makes a target harder to see."""

    cone_range_m: float = 90.0  #: metres seen ahead inside the cone
    cone_half_angle: float = np.radians(55.0)  #: radians either side of the heading
    near_radius_m: float = 15.0  #: metres seen all round (mirrors, a glance back)
    shadow_lights_off_factor: float = 0.3  #: range multiplier: in shadow with lights off
    lights_off_factor: float = 0.8  #: range multiplier: lights off at night, not in shadow
    crowd_factor: float = 0.35  #: range multiplier: blending into a crowd
    sample_step_m: float = 1.0  #: metres between line-of-sight samples (<= 1)


def line_of_sight(
    terrain: Terrain,
    ax: np.ndarray,
    ay: np.ndarray,
    bx: np.ndarray,
    by: np.ndarray,
    step_m: float = 1.0,
) -> np.ndarray:
    """True where the segment from a to b crosses no solid cell (arrays broadcast)."""
    ax, ay, bx, by = np.broadcast_arrays(
        *(np.atleast_1d(np.asarray(v, dtype=np.float64)) for v in (ax, ay, bx, by))
    )
    dx, dy = bx - ax, by - ay
    length = np.hypot(dx, dy)
    clear = np.ones(ax.shape, dtype=bool)
    if ax.size == 0:
        return clear
    samples = int(np.ceil(length.max() / step_m)) + 1
    fraction = np.linspace(0.0, 1.0, samples)  # shared by all: never sparser than step_m
    px = ax[..., None] + dx[..., None] * fraction
    py = ay[..., None] + dy[..., None] * fraction
    return ~terrain.is_solid(px, py).any(axis=-1)


def clear_path(
    terrain: Terrain,
    ax: np.ndarray,
    ay: np.ndarray,
    bx: np.ndarray,
    by: np.ndarray,
    half_width_m: float,
) -> np.ndarray:
    """True where a car ``2 * half_width_m`` wide can drive straight from a to b.

    The centre line and both edges of the swept strip must be clear of solid cells.
    """
    ax, ay, bx, by = np.broadcast_arrays(
        *(np.atleast_1d(np.asarray(v, dtype=np.float64)) for v in (ax, ay, bx, by))
    )
    length = np.maximum(np.hypot(bx - ax, by - ay), 1e-9)
    nx, ny = -(by - ay) / length * half_width_m, (bx - ax) / length * half_width_m
    clear = line_of_sight(terrain, ax, ay, bx, by)
    for side in (-1.0, 1.0):
        clear &= line_of_sight(
            terrain, ax + side * nx, ay + side * ny, bx + side * nx, by + side * ny
        )
    return clear


def in_view(
    obs_x: np.ndarray,
    obs_y: np.ndarray,
    obs_heading: np.ndarray,
    target_x: np.ndarray,
    target_y: np.ndarray,
    cone_range_m: np.ndarray,
    near_radius_m: np.ndarray,
    cone_half_angle: float,
) -> np.ndarray:
    """True where the target is inside the observer's cone or near radius (no walls)."""
    dx = np.asarray(target_x) - obs_x
    dy = np.asarray(target_y) - obs_y
    distance = np.hypot(dx, dy)
    bearing = np.arctan2(dy, dx) - obs_heading
    off_axis = np.abs(np.mod(bearing + np.pi, 2.0 * np.pi) - np.pi)
    in_cone = (off_axis <= cone_half_angle) & (distance <= cone_range_m)
    return in_cone | (distance <= near_radius_m)


def visibility_factor(
    params: SightParams,
    target_lights_on: np.ndarray | bool = True,
    target_in_shadow: np.ndarray | bool = False,
    target_in_crowd: np.ndarray | bool = False,
) -> np.ndarray:
    """Range multiplier (0..1] for a target's circumstances."""
    lights_on = np.asarray(target_lights_on, dtype=bool)
    shadow = np.asarray(target_in_shadow, dtype=bool)
    crowd = np.asarray(target_in_crowd, dtype=bool)
    factor = np.where(
        lights_on, 1.0, np.where(shadow, params.shadow_lights_off_factor, params.lights_off_factor)
    )
    return factor * np.where(crowd, params.crowd_factor, 1.0)


def sees(
    terrain: Terrain,
    obs_x: np.ndarray,
    obs_y: np.ndarray,
    obs_heading: np.ndarray,
    target_x: np.ndarray | float,
    target_y: np.ndarray | float,
    params: SightParams = SightParams(),
    target_lights_on: np.ndarray | bool = True,
    target_in_shadow: np.ndarray | bool = False,
    target_in_crowd: np.ndarray | bool = False,
) -> np.ndarray:
    """One bool per observer: does it see the target now?

    The target may be one point (scalars) or one per observer (arrays).
    """
    obs_x = np.atleast_1d(np.asarray(obs_x, dtype=np.float64))
    obs_y = np.atleast_1d(np.asarray(obs_y, dtype=np.float64))
    obs_heading = np.atleast_1d(np.asarray(obs_heading, dtype=np.float64))
    target_x = np.broadcast_to(np.asarray(target_x, dtype=np.float64), obs_x.shape)
    target_y = np.broadcast_to(np.asarray(target_y, dtype=np.float64), obs_x.shape)
    factor = visibility_factor(params, target_lights_on, target_in_shadow, target_in_crowd)
    candidate = in_view(
        obs_x,
        obs_y,
        obs_heading,
        target_x,
        target_y,
        params.cone_range_m * factor,
        params.near_radius_m * factor,
        params.cone_half_angle,
    )
    result = np.zeros(obs_x.shape, dtype=bool)
    if candidate.any():
        result[candidate] = line_of_sight(
            terrain,
            obs_x[candidate],
            obs_y[candidate],
            target_x[candidate],
            target_y[candidate],
            params.sample_step_m,
        )
    return result


def vehicles_see(
    terrain: Terrain,
    world,
    observers: np.ndarray,
    target: int,
    params: SightParams = SightParams(),
    target_lights_on: bool = True,
    target_in_shadow: bool = False,
    target_in_crowd: bool = False,
) -> np.ndarray:
    """One bool per observer vehicle: does it see world vehicle ``target`` now?

    The one sensing step the police and the Detective share, read off the world arrays.
    """
    return sees(
        terrain, world.x[observers], world.y[observers], world.heading[observers],
        float(world.x[target]), float(world.y[target]), params,
        target_lights_on, target_in_shadow, target_in_crowd,
    )  # fmt: skip
