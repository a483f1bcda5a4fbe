"""Heat rises only on witnessed offences; a pursuit starts on a threshold and is lost unseen."""

import numpy as np

from game.session.escalation import load_escalation
from game.session.events import (
    CarRecognised,
    HeatLevelChanged,
    OffenceWitnessed,
    PursuitLost,
    PursuitStarted,
)
from game.session.heat import HeatMeter
from game.session.offences import N_OFFENCES, Offence

TABLE = load_escalation()
POINTS_CALM = TABLE.points_calm
PURSUIT_HEAT = TABLE.pursuit_heat
HEAT_AFTER_LOST = TABLE.after_lost

DT = 1 / 60


def offences(*which: Offence) -> np.ndarray:
    now = np.zeros(N_OFFENCES, dtype=bool)
    now[list(which)] = True
    return now


def run(meter: HeatMeter, seconds: float, now: np.ndarray, witnessed: bool,
        described_since: float | None = None) -> list:
    events = []
    for _ in range(round(seconds / DT)):
        RUN_CLOCK[0] += DT
        events += meter.update(DT, now, witnessed, time=RUN_CLOCK[0],
                               described_since=described_since)
    return events


RUN_CLOCK = [0.0]  #: sim seconds across a test's runs


def test_unwitnessed_offences_raise_no_heat():
    meter = HeatMeter()
    events = run(meter, 20.0, offences(Offence.SPEEDING, Offence.HIT_CAR, Offence.RED_LIGHT), False)
    assert meter.heat == 0.0 and not meter.pursuit and events == []


def test_witnessed_offence_counts_once_per_cooldown_after_hold():
    meter = HeatMeter()
    run(meter, 0.9, offences(Offence.SPEEDING), True)  # shorter than the hold time
    assert meter.heat == 0.0
    events = run(meter, 0.2, offences(Offence.SPEEDING), True)
    assert [e.offence for e in events if isinstance(e, OffenceWitnessed)] == ["speeding"]
    assert meter.heat == POINTS_CALM[Offence.SPEEDING]
    run(meter, 2.0, offences(Offence.SPEEDING), True)  # inside the cooldown: no more points
    assert meter.heat == POINTS_CALM[Offence.SPEEDING]


def test_pursuit_starts_only_when_seen_over_the_threshold():
    meter = HeatMeter()
    meter.add(PURSUIT_HEAT + 0.5)  # an alarm: heat, but nobody has seen the car
    unseen = run(meter, 5.0, offences(), False)
    assert not any(isinstance(e, PursuitStarted) for e in unseen) and not meter.pursuit
    events = run(meter, DT, offences(), True)
    assert any(isinstance(e, PursuitStarted) for e in events) and meter.pursuit


def test_witnessed_collisions_build_up_to_a_pursuit():
    meter = HeatMeter()
    events = []
    for _ in range(3):  # three crashes in view, each its own act
        events += run(meter, DT, offences(Offence.HIT_CAR), True)
        events += run(meter, 4.0, offences(), True)
    assert meter.heat >= PURSUIT_HEAT and meter.pursuit
    assert sum(isinstance(e, PursuitStarted) for e in events) == 1


def test_pursuit_lost_after_time_unseen_and_not_while_seen():
    meter = HeatMeter(lose_after_s=10.0)
    meter.add(2.0)
    run(meter, DT, offences(), True)
    assert meter.pursuit
    run(meter, 9.0, offences(), False)
    run(meter, DT, offences(), True)  # glimpsed again: the unseen timer restarts
    assert run(meter, 9.5, offences(), False) == [] and meter.pursuit
    events = run(meter, 1.0, offences(), False)
    assert any(isinstance(e, PursuitLost) for e in events) and not meter.pursuit
    assert meter.heat <= HEAT_AFTER_LOST and meter.heat_max == 2.0


def test_heat_decays_when_calm_and_unseen():
    meter = HeatMeter()
    meter.add(0.5)
    run(meter, 29.0, offences(), False)
    assert meter.heat == 0.5  # an alarm's heat holds for a while
    run(meter, 10.0, offences(), False)
    assert 0.0 < meter.heat < 0.5


def test_a_held_offence_counts_once_per_act_and_episode():
    meter = HeatMeter()

    def counted(events) -> int:
        return sum(isinstance(e, OffenceWitnessed) for e in events)

    assert counted(run(meter, 20.0, offences(Offence.SPEEDING), True)) == 1  # on and on
    assert meter.heat == POINTS_CALM[Offence.SPEEDING]  # once, not every cooldown
    run(meter, 2.0, offences(), True)  # he slows down in front of them...
    assert counted(run(meter, 1.5, offences(Offence.SPEEDING), True)) == 1  # ...a new act
    run(meter, TABLE.episode_gap_s + 0.5, offences(Offence.SPEEDING), False)  # out of sight
    assert counted(run(meter, DT, offences(Offence.SPEEDING), True)) == 1  # new eyes
    assert meter.episodes == 2


def test_levels_rise_from_witnessed_offences_only():
    meter = HeatMeter()
    for _ in range(12):  # a string of crashes nobody sees
        run(meter, DT, offences(Offence.HIT_CAR), False)
        run(meter, 4.0, offences(), False)
    assert meter.heat == 0.0 and meter.level == 0
    levels = []
    for _ in range(12):  # the same, in front of a unit
        events = run(meter, DT, offences(Offence.HIT_CAR), True)
        events += run(meter, 4.0, offences(), True)
        levels += [e.name for e in events if isinstance(e, HeatLevelChanged)]
    assert levels == [lv.name for lv in TABLE.levels[1:]]  # wanted, backup, ..., air support
    assert meter.pursuit and meter.level == len(TABLE.levels) - 1


def test_a_known_car_raises_heat_without_an_offence_once_per_episode():
    meter = HeatMeter()
    run(meter, 3.0, offences(), True, described_since=None)
    assert meter.heat == 0.0  # seen, doing nothing, no description out: nothing
    run(meter, TABLE.episode_gap_s + 1.0, offences(), False, described_since=1.0)
    events = run(meter, 5.0, offences(), True, described_since=1.0)  # a new episode
    assert [type(e) for e in events].count(CarRecognised) == 1
    assert meter.heat == TABLE.recognised
    meter = HeatMeter()
    began = RUN_CLOCK[0]
    run(meter, 1.0, offences(), True, described_since=began + 0.5)  # out in this episode
    assert meter.heat == 0.0  # the unit that put it out does not "recognise" him again
