"""A long arena run: the contact work of a step follows its contacts and nothing else.

In the arena the random drivers push into each other and into the walls, and jams
form and grow for thousands of steps (README, "Performance"): real contacts multiply,
and the step slows with them. What must not grow with them is the work per contact.
These counts pin that down, without timing anything:

* boxes (the narrow phase's full per-pair set-up) are built for touching pairs only,
  one per car-car contact the step reports, never for near misses;
* the pairs that reach the box test (bounding circles overlap) per contact stay what
  they were when the run began;
* sub-steps per car (the wall pass) do not grow.
"""

import numpy as np

from game.sim import arena, contacts, walls

CARS = 200  #: a small arena at the benchmark's density (about one car per 100 m^2)
TICKS = 2400  #: 40 s of simulated time: long enough for jams to form and grow
WINDOW = 400  #: ticks compared at the start and at the end of the run


def count_contact_work(monkeypatch) -> np.ndarray:
    """Run the arena; per tick: pairs box-tested, boxes built, car contacts, car sub-steps."""
    tested, boxed, substeps = [0], [0], [0]
    real_touching, real_boxes, real_resolve = (
        contacts.touching, contacts.PairBoxes.__init__, walls.resolve,
    )  # fmt: skip

    def touching(w, i, *rest):
        tested[0] += i.size
        return real_touching(w, i, *rest)

    def boxes(self, w, i, *rest):
        boxed[0] += i.size
        real_boxes(self, w, i, *rest)

    def resolve(w, idx=None):
        substeps[0] += w.n if idx is None else idx.size
        return real_resolve(w, idx)

    monkeypatch.setattr(contacts, "touching", touching)
    monkeypatch.setattr(contacts.PairBoxes, "__init__", boxes)
    monkeypatch.setattr(walls, "resolve", resolve)
    world, drive = arena.build(CARS, seed=0)
    rows = np.zeros((TICKS, 4), dtype=np.int64)
    for tick in range(TICKS):
        tested[0] = boxed[0] = substeps[0] = 0
        collisions = world.step(drive(world, tick)).collisions
        rows[tick] = tested[0], boxed[0], np.count_nonzero(collisions.b >= 0), substeps[0]
    assert np.isfinite(world.x).all()
    return rows


def test_contact_work_per_contact_does_not_grow_over_a_long_run(monkeypatch):
    rows = count_contact_work(monkeypatch)
    tested, boxed, car_contacts, substeps = rows.T
    early, late = slice(0, WINDOW), slice(TICKS - WINDOW, TICKS)
    # the run really jams: contacts, and with them the step's honest work, multiply
    assert car_contacts[late].sum() > 2 * car_contacts[early].sum()
    # boxes only for touching pairs: one per reported contact, every single step
    np.testing.assert_array_equal(boxed, car_contacts)
    # pairs box-tested per contact: what the broad phase hands on does not grow
    tested_per_contact = [tested[w].sum() / car_contacts[w].sum() for w in (early, late)]
    assert tested_per_contact[1] <= 1.2 * tested_per_contact[0]
    assert tested_per_contact[1] < 3.0  # cars in a jam have a few neighbours, not dozens
    # sub-steps per car: jammed cars are slow, so the wall pass never does more
    assert substeps[late].sum() <= 1.05 * substeps[early].sum()
    assert substeps.min() >= CARS  # every car moves at least once a step
