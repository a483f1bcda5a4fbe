"""Each manoeuvre detector from a scripted drive, and not from its near miss.

A drive is scripted as segments of (seconds, forward speed, yaw rate, drift angle, rear
spin): the car's heading turns at the yaw rate and it travels at the drift angle off its
nose, 60 samples a second, as the world's arrays would show it.
"""

from __future__ import annotations

import math

import numpy as np

from game.mission import manoeuvres
from game.mission.manoeuvres import CarSample

BrakeTest, Burnout, Slalom = manoeuvres.BrakeTest, manoeuvres.Burnout, manoeuvres.Slalom
Handbrake180, Reverse180, Spin360 = (manoeuvres.Handbrake180, manoeuvres.Reverse180,
                                     manoeuvres.Spin360)

DT = 1.0 / 60.0


def scripted(segments, x=0.0, y=0.0, heading=0.0, zones_at=None):
    """Samples of a drive: segments of (seconds, speed m/s signed, yaw rad/s, drift rad,
    rear spin m/s); speed may be a (from, to) pair, changed evenly over the segment."""
    t, samples = 0.0, []
    for seconds, speed, yaw, drift, spin in segments:
        start, end = speed if isinstance(speed, tuple) else (speed, speed)
        steps = max(1, round(seconds / DT))
        for k in range(steps):
            v = start + (end - start) * (k + 1) / steps
            heading += yaw * DT
            travel = heading + drift + (math.pi if v < 0 else 0.0)
            x += abs(v) * math.cos(travel) * DT
            y += abs(v) * math.sin(travel) * DT
            t += DT
            zones = zones_at(x, y) if zones_at else frozenset()
            samples.append(CarSample(t, x, y, heading, v * math.cos(drift), abs(v), spin,
                                     zones))
    return samples


def passed(detector, samples):
    """The points of the first tick the detector passes on, or None."""
    for sample in samples:
        points = detector.feed(sample)
        if points is not None:
            return points
    return None


def test_a_burnout_is_held_wheelspin_with_the_car_standing():
    assert passed(Burnout(), scripted([(2.5, 0.0, 0.0, 0.0, 20.0)])) == 100
    # near misses: too short, creeping forward, or spinning only a little
    assert passed(Burnout(), scripted([(1.5, 0.0, 0.0, 0.0, 20.0)])) is None
    assert passed(Burnout(), scripted([(3.0, 2.0, 0.0, 0.0, 20.0)])) is None
    assert passed(Burnout(), scripted([(3.0, 0.0, 0.0, 0.0, 3.0)])) is None
    broken = scripted([(1.5, 0.0, 0.0, 0.0, 20.0), (0.2, 0.0, 0.0, 0.0, 0.0),
                       (1.5, 0.0, 0.0, 0.0, 20.0)])
    assert passed(Burnout(), broken) is None  # two short ones are not one long one


GATES = {"g1": (20.0, -8.0), "g2": (40.0, 8.0), "g3": (60.0, -8.0)}  #: x, y of each gate


def in_gates(x, y):
    return frozenset(n for n, (gx, gy) in GATES.items() if abs(x - gx) < 3 and abs(y - gy) < 4)


def weave(amplitude):
    """A drive east at 8 m/s swinging ``amplitude`` metres either side of y = 0 (a sine
    whose peaks fall at the gates' x); samples with zones."""
    t, samples = 0.0, []
    for k in range(int(10 / DT)):
        t = k * DT
        x = 8.0 * t
        y = -amplitude * math.sin(math.pi * (x - 10.0) / 20.0)
        samples.append(CarSample(t, x, y, 0.0, 8.0, 8.0, 0.0, in_gates(x, y)))
    return samples


def test_the_slalom_is_every_gate_in_turn():
    assert passed(Slalom(("g1", "g2", "g3"), par_s=10.0), weave(8.0)) == 100
    # near miss: a straight line through the middle touches none of the gates
    assert passed(Slalom(("g1", "g2", "g3")), weave(0.0)) is None
    # near miss: swinging to one side only passes g1 and g3, never g2
    one_side = [s._replace(zones=s.zones - {"g2"}) for s in weave(8.0)]
    assert passed(Slalom(("g1", "g2", "g3")), one_side) is None


def test_a_slow_slalom_scores_less():
    slow = [s._replace(t=s.t * 3.0) for s in weave(8.0)]  # the same line, three times slower
    points = passed(Slalom(("g1", "g2", "g3"), par_s=5.0), slow)
    assert points is not None and 40 <= points < 100


def test_a_handbrake_180_turns_round_sliding_and_drives_off_forwards():
    spin = scripted([(1.0, 13.0, 0.0, 0.0, 0.0), (1.2, (13.0, 2.0), math.pi / 1.2, 0.9, 0.0),
                     (1.0, (2.0, 6.0), 0.0, 0.0, 0.0)])
    assert passed(Handbrake180(), spin) == 100
    # near miss: a tight U-turn on grip (no slide) is not a handbrake turn
    u_turn = scripted([(1.0, 8.0, 0.0, 0.0, 0.0), (2.5, 8.0, math.pi / 2.5, 0.1, 0.0),
                       (1.0, 8.0, 0.0, 0.0, 0.0)])
    assert passed(Handbrake180(), u_turn) is None
    # near miss: a slide that only gets round 130 degrees
    short = scripted([(1.0, 13.0, 0.0, 0.0, 0.0), (1.2, (13.0, 4.0), math.radians(130) / 1.2,
                                                   0.9, 0.0), (1.0, 6.0, 0.0, 0.0, 0.0)])
    assert passed(Handbrake180(), short) is None


def test_a_reverse_180_goes_from_reversing_to_driving_forwards_the_same_way():
    j_turn = scripted([(2.0, -6.0, 0.0, 0.0, 0.0), (1.5, (-6.0, -1.0), math.pi / 1.5, 0.0, 0.0),
                       (1.5, (1.0, 6.0), 0.0, 0.0, 0.0)])
    assert passed(Reverse180(), j_turn) == 100
    # near miss: reversing, stopping and driving off forwards without turning round
    back_and_forth = scripted([(2.0, -6.0, 0.0, 0.0, 0.0), (1.0, (-6.0, 0.0), 0.0, 0.0, 0.0),
                               (2.0, (0.0, 6.0), 0.0, 0.0, 0.0)])
    assert passed(Reverse180(), back_and_forth) is None
    # near miss: a three-point turn takes far longer than a J-turn
    slow_turn = scripted([(2.0, -6.0, 0.0, 0.0, 0.0), (8.0, -1.0, math.pi / 8.0, 0.0, 0.0),
                          (2.0, (1.0, 6.0), 0.0, 0.0, 0.0)])
    assert passed(Reverse180(), slow_turn) is None


def test_a_360_is_a_whole_turn_sliding():
    spin = scripted([(1.0, 12.0, 0.0, 0.0, 0.0), (4.0, 6.0, 2 * math.pi / 4.0, 0.8, 5.0)])
    assert passed(Spin360(), spin) == 100
    # near misses: a 300 degree spin, and a whole circle on grip at full lock
    assert passed(Spin360(), scripted([(4.0, 6.0, math.radians(300) / 4.0, 0.8, 5.0)])) is None
    assert passed(Spin360(), scripted([(5.5, 6.0, 2 * math.pi / 5.0, 0.1, 0.0)])) is None


LINE = np.array([[100.0, -10.0], [102.0, -10.0], [102.0, 10.0], [100.0, -10.0 + 20.0]])


def brake_to(stop_front_x, from_speed=15.0, half_length=2.35):
    """Samples of a run east at ``from_speed`` braked evenly to a stop with the front
    bumper at ``stop_front_x``."""
    decel = 6.0
    braking_m = from_speed ** 2 / (2 * decel)
    start_x = stop_front_x - half_length - braking_m - from_speed * 2.0
    return scripted([(2.0, from_speed, 0.0, 0.0, 0.0),
                     (from_speed / decel, (from_speed, 0.0), 0.0, 0.0, 0.0),
                     (0.5, 0.0, 0.0, 0.0, 0.0)], x=start_x)


def test_a_brake_test_stops_on_the_line_from_speed():
    test = BrakeTest(LINE, half_length_m=2.35)
    assert passed(test, brake_to(100.8)) == 100  # the bumper on the line
    short = BrakeTest(LINE, half_length_m=2.35)
    points = passed(short, brake_to(98.0))  # two metres short
    assert points is not None and 60 <= points <= 80
    # near misses: past the line, far short of it, and a stop from walking pace
    assert passed(BrakeTest(LINE, 2.35), brake_to(103.0)) is None
    assert passed(BrakeTest(LINE, 2.35), brake_to(94.0)) is None
    assert passed(BrakeTest(LINE, 2.35), brake_to(100.8, from_speed=8.0)) is None
