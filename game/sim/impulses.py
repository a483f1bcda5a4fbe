"""Contact impulses (normal with restitution, Coulomb friction, spin) for many contacts.

Contacts are solved together (Jacobi iterations over arrays, never one at a time),
with *mass splitting*: a body in k contacts is treated as k bodies of 1/k of its mass,
one per contact, so k simultaneous contacts never add up to k times the right
impulse. Impulses accumulate and are clamped (normal >= 0, friction within the cone),
so a pair that touches through several points or iterations cannot explode.
"""

from __future__ import annotations

import numpy as np

from game.sim.fastmath import clamp

BOUNCE_MIN_SPEED = 1.0  #: m/s, slower approaches do not bounce (resting contact stays put)


def solve_impulses(
    w,
    a: np.ndarray,
    b: np.ndarray | None,
    px: np.ndarray,
    py: np.ndarray,
    nx: np.ndarray,
    ny: np.ndarray,
    restitution: float,
    friction: float,
    iterations: int,
) -> np.ndarray:
    """Change ``w.world_vx/world_vy/yaw_rate`` so contacts stop closing; return normal impulses.

    Contact c is between vehicle ``a[c]`` and vehicle ``b[c]`` (``b`` None: every
    contact is with the static ground) at point ``(px, py)``; the unit normal
    ``(nx, ny)`` points from b towards a.
    """
    count = a.size
    if b is None:  # against the ground: only the a ends move, and nothing is gathered for b
        bodies, la, lb = _bodies_of(a, a[:0], w.n)
    else:
        bodies, la, lb = _bodies_of(a, b, w.n)
    n_bodies = bodies.size
    vel_x = w.world_vx[bodies]
    vel_y = w.world_vy[bodies]
    spin = w.yaw_rate[bodies]
    inv_m = w.params.inv_mass[bodies]
    inv_i = w.params.inv_yaw_inertia[bodies]
    shares = np.bincount(la, minlength=n_bodies) + np.bincount(lb, minlength=n_bodies)
    split_m, split_i = inv_m * shares, inv_i * shares

    tx, ty = -ny, nx
    ra_x, ra_y = px - w.x[a], py - w.y[a]
    ra_n, ra_t = ra_x * ny - ra_y * nx, ra_x * ty - ra_y * tx
    k_n = split_m[la] + split_i[la] * ra_n**2
    k_t = split_m[la] + split_i[la] * ra_t**2
    if b is not None:
        rb_x, rb_y = px - w.x[b], py - w.y[b]
        rb_n, rb_t = rb_x * ny - rb_y * nx, rb_x * ty - rb_y * tx
        k_n = k_n + (split_m[lb] + split_i[lb] * rb_n**2)
        k_t = k_t + (split_m[lb] + split_i[lb] * rb_t**2)

    def relative_velocity() -> tuple[np.ndarray, np.ndarray]:
        spin_a = spin[la]
        rel_x = vel_x[la] - spin_a * ra_y
        rel_y = vel_y[la] + spin_a * ra_x
        if b is not None:
            spin_b = spin[lb]
            rel_x -= vel_x[lb] - spin_b * rb_y
            rel_y -= vel_y[lb] + spin_b * rb_x
        return rel_x * nx + rel_y * ny, rel_x * tx + rel_y * ty

    closing, _ = relative_velocity()
    target = np.where(closing < -BOUNCE_MIN_SPEED, -restitution * closing, 0.0)
    normal = np.zeros(count)
    tangent = np.zeros(count)
    for _ in range(iterations):
        v_n, v_t = relative_velocity()
        new_normal = np.maximum(normal + (target - v_n) / k_n, 0.0)
        d_normal = new_normal - normal
        normal = new_normal
        cone = friction * normal
        new_tangent = clamp(tangent - v_t / k_t, -cone, cone)
        d_tangent = new_tangent - tangent
        tangent = new_tangent
        ix = d_normal * nx + d_tangent * tx
        iy = d_normal * ny + d_tangent * ty
        push_x, push_y = np.bincount(la, ix, n_bodies), np.bincount(la, iy, n_bodies)
        torque = np.bincount(la, ra_x * iy - ra_y * ix, n_bodies)
        if b is not None:
            push_x = push_x - np.bincount(lb, ix, n_bodies)
            push_y = push_y - np.bincount(lb, iy, n_bodies)
            torque = torque - np.bincount(lb, rb_x * iy - rb_y * ix, n_bodies)
        vel_x += inv_m * push_x
        vel_y += inv_m * push_y
        spin += inv_i * torque
    w.world_vx[bodies] = vel_x
    w.world_vy[bodies] = vel_y
    w.yaw_rate[bodies] = spin
    return normal


def _bodies_of(a: np.ndarray, b: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The distinct vehicles of contacts (a, b), ascending, and each end's index among them.

    What ``np.unique(..., return_inverse=True)`` gives, by marking and numbering ``n``
    slots instead of sorting: in a jam thousands of contacts share a few thousand cars,
    and the sort was a third of the solver's time."""
    seen = np.zeros(n, dtype=bool)
    seen[a] = True
    seen[b] = True
    bodies = np.flatnonzero(seen)
    slot = np.empty(n, dtype=np.intp)
    slot[bodies] = np.arange(bodies.size)
    return bodies, slot[a], slot[b]
