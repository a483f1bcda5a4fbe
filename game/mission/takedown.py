"""Takedowns: telling a T-bone from a glancing blow or a rear hit, from the sim's contacts.

The world reports every car-car contact of a step (:class:`game.sim.events.Collisions`:
the two cars, the contact point, the normal impulse). A contact between the striker (the
Driver) and the victim (Nino) is a **T-bone** when all of these hold:

- it is hard: the impulse is at least :data:`T_BONE_IMPULSE` (N*s; on a 1.5 t car that is
  a jolt of about 2.5 m/s);
- it is the striker's front: the contact point, in the striker's own frame, lies in the
  front quarter of its length (:data:`FRONT_FRACTION` of the half-length ahead of its
  centre or more); the world reports the point on the face it pushed, so a hit with a
  front corner counts and a flank (a point beside the centre) does not;
- it is the victim's side: the point, in the victim's frame, lies more across its width
  than along its length, and between its axles rather than at a bumper;
- the cars are near right angles: their headings differ by
  :data:`RIGHT_ANGLE_TOLERANCE` or less from 90 degrees either way.

A rear hit (front into his back bumper, headings alike) fails the side and angle tests;
a glancing blow (flank to flank, headings alike) fails the front and angle tests, or
the impulse; a soft nudge fails the impulse. :func:`classify_hit` names which, for tests
and for messages. Pure numpy, no state.
"""

from __future__ import annotations

import numpy as np

from game.sim.events import Collisions

T_BONE_IMPULSE = 3500.0  #: N*s, the least impulse that counts as a T-bone
RIGHT_ANGLE_TOLERANCE = np.radians(30.0)  #: radians off 90 degrees still "near right angles"
AXLE_FRACTION = 0.85  #: of the victim's half-length: farther forward or back is a bumper
FRONT_FRACTION = 0.5  #: of the striker's half-length: a contact this far ahead is its front


def _local(world, car: int, x: float, y: float) -> tuple[float, float]:
    """(along, across) of point (x, y) in car's frame, as fractions of its half-length
    and half-width (1.0 is the body's edge)."""
    h = float(world.heading[car])
    dx, dy = x - float(world.x[car]), y - float(world.y[car])
    along = dx * np.cos(h) + dy * np.sin(h)
    across = -dx * np.sin(h) + dy * np.cos(h)
    return (along / (0.5 * float(world.params.length[car])),
            across / (0.5 * float(world.params.width[car])))


def classify_hit(world, striker: int, victim: int, x: float, y: float, impulse: float) -> str:
    """One contact, by the module docstring's tests: ``"t_bone"``, ``"soft"`` (too light),
    ``"not_front"`` (not the striker's nose), ``"not_side"`` (his bumper, not his side)
    or ``"angle"`` (not near right angles)."""
    if impulse < T_BONE_IMPULSE:
        return "soft"
    s_along, _ = _local(world, striker, x, y)
    if s_along < FRONT_FRACTION:
        return "not_front"
    v_along, v_across = _local(world, victim, x, y)
    if abs(v_across) < abs(v_along) or abs(v_along) > AXLE_FRACTION:
        return "not_side"
    relative = float(world.heading[striker]) - float(world.heading[victim])
    off_square = abs(abs(np.angle(np.exp(1j * relative))) - np.pi / 2)
    return "t_bone" if off_square <= RIGHT_ANGLE_TOLERANCE else "angle"


def t_boned(world, collisions: Collisions, striker: int, victim: int) -> bool:
    """Some contact of this step between the two cars is a T-bone of ``victim``."""
    a, b = collisions.a, collisions.b
    pair = ((a == striker) & (b == victim)) | ((a == victim) & (b == striker))
    return any(
        classify_hit(world, striker, victim, float(collisions.x[k]), float(collisions.y[k]),
                     float(collisions.impulse[k])) == "t_bone"
        for k in np.flatnonzero(pair)
    )
