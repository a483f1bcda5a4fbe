"""Sparks from hard hits, smoke from wrecks; both age in sim time and die out."""

import numpy as np

from game.render.effects import (
    SMOKE_FROM_DAMAGE,
    SPARK_LIFE_S,
    SPIN_SMOKE_FULL_MS,
    SPIN_SMOKE_MS,
    SparksAndSmoke,
)


def live(particles):
    return int((particles.age < particles.life).sum())


def test_harder_hits_throw_more_sparks_and_they_burn_out():
    effects = SparksAndSmoke(seed=1)
    effects.collide(np.array([10.0]), np.array([5.0]), np.array([500.0]))
    light = live(effects.sparks)
    effects.collide(np.array([10.0]), np.array([5.0]), np.array([20000.0]))
    assert live(effects.sparks) - light > light
    for _ in range(round(SPARK_LIFE_S * 60) + 1):
        effects.advance(1 / 60)
    assert live(effects.sparks) == 0


def test_only_badly_damaged_cars_smoke():
    effects = SparksAndSmoke(seed=2)
    x, y = np.zeros(2), np.zeros(2)
    for _ in range(120):
        effects.smoulder(x, y, np.array([SMOKE_FROM_DAMAGE - 0.1, SMOKE_FROM_DAMAGE - 0.1]),
                         1 / 60)
    assert live(effects.smoke) == 0
    x = np.array([0.0, 100.0])
    for _ in range(120):
        effects.smoulder(x, y, np.array([1.0, 0.0]), 1 / 60)
    assert live(effects.smoke) > 10
    alive = effects.smoke.age < effects.smoke.life
    assert (effects.smoke.pos[alive, 0] == 0.0).all()  # all from the wrecked car


def test_nothing_moves_when_sim_time_stands_still():
    effects = SparksAndSmoke(seed=3)
    effects.collide(np.array([0.0]), np.array([0.0]), np.array([10000.0]))
    before = effects.sparks.pos.copy()
    effects.advance(0.0)  # a paused game draws frames with no sim time passing
    np.testing.assert_array_equal(effects.sparks.pos, before)


def test_hard_wheelspin_smokes_at_the_rear_and_grip_does_not():
    effects = SparksAndSmoke(seed=4)
    x, y, heading, length = np.array([0.0, 100.0]), np.zeros(2), np.zeros(2), np.full(2, 4.6)
    for _ in range(60):
        effects.tyre_smoke(x, y, heading, length, np.array([SPIN_SMOKE_FULL_MS, 0.5]), 1 / 60)
    assert live(effects.smoke) > 10
    alive = effects.smoke.age < effects.smoke.life
    assert (effects.smoke.pos[alive, 0] < 0.0).all()  # behind the spinning car's middle
    calm = SparksAndSmoke(seed=4)
    for _ in range(60):
        calm.tyre_smoke(x, y, heading, length, np.array([SPIN_SMOKE_MS, 0.0]), 1 / 60)
    assert live(calm.smoke) == 0
