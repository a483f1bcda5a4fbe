"""Witnesses: people on foot who may see the Driver's face, and how well they saw it.

A mission's ``[[witnesses]]`` (the Player, a gambler in the casino lot) stand at their
``witness`` spawns, each looking the way her spawn faces. Every tick of the rules phase
:meth:`WitnessWatch.update` asks, for all of them at once (whole arrays, one
line-of-sight call: :mod:`game.ai.perception`), whether each has a look at his face:

* he is **in her view**: inside her cone (:data:`LOOK_HALF_ANGLE`, up to
  :data:`LOOK_RANGE_M`) or within :data:`NEAR_M` all round, with no wall between;
* and he is **lit or still**: she stands in his headlights' beam (his lights on, she
  within :data:`BEAM_HALF_ANGLE` of his heading and :data:`BEAM_RANGE_M`), or his car has
  stopped, or he is so close (:data:`CLEAR_M`) that nothing hides him.

Each such moment adds to her **look** (seconds, weighted by how good the moment was):
``closeness * light * stillness``, where closeness falls from 1 at :data:`CLEAR_M` to 0
at :data:`LOOK_RANGE_M`, light is 1 in his beam and :data:`DARK_FACTOR` out of it, and
stillness is 1 stopped and :data:`MOVING_FACTOR` moving. How well she saw him, her
**strength** 0..1, is ``1 - exp(-look / GOOD_LOOK_S)``: a glimpse from across the lot is
weak, a car stopped close in front of her with its lights on her is a face she will know.

When her strength first reaches :data:`SAW_FACE_AT`, the runtime says so
(:class:`~game.mission.events.FaceSeen` and a message); the HUD's WITNESS meter shows her
strength, and whether she is looking now. At the end of the job each witness whose
strength reached :data:`MIN_STRENGTH` is an :class:`Identification` in the result, which
a career turns into a witness entry in the Detective's file, scaled by that strength.
No pygame.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from game.ai.perception import in_view, line_of_sight
from game.level.model import Level
from game.mission.model import WitnessActor
from game.session.view import CrewView, MeterView
from game.sim.terrain import Terrain

LOOK_RANGE_M = 40.0  #: metres: farther than this she cannot make out a face
LOOK_HALF_ANGLE = np.radians(60.0)  #: radians either side of the way she looks
NEAR_M = 8.0  #: metres: this close she sees him whichever way she looks
CLEAR_M = 8.0  #: metres: this close his face is as clear as it gets (and never hidden)
BEAM_RANGE_M = 35.0  #: metres his headlights light her up to...
BEAM_HALF_ANGLE = np.radians(25.0)  #: ...within this of his heading (radians)
DARK_FACTOR = 0.5  #: a look out of his headlights counts this much
MOVING_FACTOR = 0.6  #: a look at a moving car counts this much
GOOD_LOOK_S = 2.0  #: weighted seconds of look that take her to 1 - 1/e (0.63)
SAW_FACE_AT = 0.5  #: strength at which she has seen his face (the message, the event)
MIN_STRENGTH = 0.05  #: below this she saw nothing worth telling the Detective
STOPPED_MS = 0.8  #: slower than this the car has stopped (as the triggers say)
HUD_RANGE_M = 60.0  #: the WITNESS meter shows while he is this near one of them


@dataclass(frozen=True)
class Identification:
    """How well one witness saw the Driver's face in a job: what she tells the Detective."""

    witness: str  #: her ``[[witnesses]]`` name (a later job may retract it)
    who: str  #: who she is ("the Player, a gambler in the casino lot")
    strength: float  #: 0..1: how well she saw him


def strength_of(look_s: np.ndarray | float) -> np.ndarray:
    """How well a look of ``look_s`` weighted seconds saw his face, 0..1."""
    return 1.0 - np.exp(-np.asarray(look_s, dtype=np.float64) / GOOD_LOOK_S)


def look_quality(distance_m: np.ndarray, lit: np.ndarray, stopped: bool) -> np.ndarray:
    """How good a moment's look is, 0..1: closeness times light times stillness."""
    closeness = np.clip((LOOK_RANGE_M - distance_m) / (LOOK_RANGE_M - CLEAR_M), 0.0, 1.0)
    light = np.where(lit, 1.0, DARK_FACTOR)
    return closeness * light * (1.0 if stopped else MOVING_FACTOR)


class WitnessWatch:
    """The job's witnesses: where they stand, and how much of his face each has seen."""

    def __init__(self, witnesses: tuple[WitnessActor, ...], level: Level) -> None:
        self.witnesses = witnesses
        spawns = [level.spawns[w.spawn] for w in witnesses]
        self.x = np.array([s.x for s in spawns], dtype=np.float64)  #: metres
        self.y = np.array([s.y for s in spawns], dtype=np.float64)  #: metres
        self.heading = np.array([s.heading for s in spawns], dtype=np.float64)  #: radians
        self.look_s = np.zeros(len(witnesses))  #: weighted seconds of look at his face
        self.looking = np.zeros(len(witnesses), dtype=bool)  #: she has a look this tick
        self.distance_m = np.full(len(witnesses), np.inf)  #: from her to his car
        self.told = np.zeros(len(witnesses), dtype=bool)  #: reached SAW_FACE_AT (said once)

    @property
    def strength(self) -> np.ndarray:
        """How well each has seen his face so far, 0..1."""
        return strength_of(self.look_s)

    def update(self, terrain: Terrain, car_xy: tuple[float, float], car_heading: float,
               speed_ms: float, lights_on: bool, dt: float) -> list[int]:
        """One tick: each witness's look at the car; returns those who have just seen his
        face (strength reached SAW_FACE_AT), by index."""
        if not self.witnesses:
            return []
        cx, cy = car_xy
        self.distance_m = np.hypot(cx - self.x, cy - self.y)
        seen = in_view(self.x, self.y, self.heading, cx, cy, np.full(self.x.shape, LOOK_RANGE_M),
                       np.full(self.x.shape, NEAR_M), LOOK_HALF_ANGLE)
        bearing = np.arctan2(self.y - cy, self.x - cx) - car_heading
        off_beam = np.abs(np.mod(bearing + np.pi, 2.0 * np.pi) - np.pi)
        lit = lights_on & (off_beam <= BEAM_HALF_ANGLE) & (self.distance_m <= BEAM_RANGE_M)
        stopped = speed_ms < STOPPED_MS
        candidate = seen & (lit | stopped | (self.distance_m <= CLEAR_M))
        self.looking = np.zeros(self.x.shape, dtype=bool)
        if candidate.any():
            self.looking[candidate] = line_of_sight(terrain, self.x[candidate],
                                                    self.y[candidate], cx, cy)
        self.look_s += np.where(self.looking, look_quality(self.distance_m, lit, stopped), 0.0) * dt
        now_told = (self.strength >= SAW_FACE_AT) & ~self.told
        self.told |= now_told
        return np.flatnonzero(now_told).tolist()

    def identifications(self) -> tuple[Identification, ...]:
        """Each witness who saw enough to tell the Detective, and how well."""
        return tuple(
            Identification(w.name, w.label, round(float(s), 3))
            for w, s in zip(self.witnesses, self.strength, strict=True) if s >= MIN_STRENGTH
        )

    def meters(self) -> tuple[MeterView, ...]:
        """The HUD's WITNESS meter, while he is near one of them or any has seen him."""
        strength = self.strength
        near = self.distance_m <= HUD_RANGE_M
        if not self.witnesses or not (near.any() or (strength >= MIN_STRENGTH).any()):
            return ()
        k = int(np.argmax(np.where(near, strength + 1.0, strength)))
        if self.looking[k]:
            text, warn = f"{self.distance_m[k]:.0f} m  SHE IS LOOKING AT YOU", True
        elif strength[k] >= SAW_FACE_AT:
            text, warn = "she saw your face", True
        else:
            text, warn = f"{self.distance_m[k]:.0f} m  not looking", False
        return (MeterView("WITNESS", float(strength[k]), text, warn),)

    def views(self) -> tuple[CrewView, ...]:
        """The witnesses as the frame draws them: people standing at their spots."""
        return tuple(CrewView(w.name, "watching", (float(x), float(y)), False, float(h))
                     for w, x, y, h in zip(self.witnesses, self.x, self.y, self.heading,
                                           strict=True))

    def state(self) -> tuple:
        """Plain values for the session's state hash."""
        return tuple(round(float(v), 6) for v in self.look_s)


def told_line(who: str) -> str:
    """The message when a witness has seen his face ("The Player, ..., saw your face")."""
    return f"{who[:1].upper()}{who[1:]} saw your face." if who else "Someone saw your face."
