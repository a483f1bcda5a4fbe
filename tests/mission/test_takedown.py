"""A T-bone told apart from a glancing blow, a rear hit and a nudge, from scripted crashes:
two cars on an open floor, the world's own contacts, nothing faked."""

import numpy as np

from game.mission.takedown import T_BONE_IMPULSE, classify_hit, t_boned
from game.sim import VehicleClass, World
from game.sim.controls import THROTTLE, empty_controls
from game.sim.terrain import Terrain

VICTIM_XY = (200.0, 200.0)  #: the victim stands here facing east (heading 0)


def crash(striker_xy, striker_heading, speed, victim_speed=0.0, seconds=2.0):
    """Drive the striker (throttle held) at the victim; every contact between them as
    (kind, impulse), and whether t_boned said so on any step."""
    world = World(Terrain.open_box(100, 100), seed=0)
    victim = int(world.spawn(VehicleClass.SEDAN, *VICTIM_XY, 0.0, victim_speed)[0])
    striker = int(world.spawn(VehicleClass.DRIVER, *striker_xy, striker_heading, speed)[0])
    controls = empty_controls(world.n)
    controls[striker, THROTTLE] = 0.3
    controls[victim, THROTTLE] = 0.3 if victim_speed else 0.0
    hits, any_t_bone = [], False
    for _ in range(round(seconds / world.dt)):
        contacts = world.step(controls).collisions
        any_t_bone |= t_boned(world, contacts, striker, victim)
        for k in range(len(contacts)):
            if {int(contacts.a[k]), int(contacts.b[k])} == {striker, victim}:
                hits.append((classify_hit(world, striker, victim, float(contacts.x[k]),
                                          float(contacts.y[k]), float(contacts.impulse[k])),
                             float(contacts.impulse[k])))
    return hits, any_t_bone


def test_front_square_into_his_door_at_speed_is_a_t_bone():
    hits, t_bone = crash((200.0, 188.0), np.pi / 2, 12.0)  # from the north, heading south
    assert t_bone and hits[0][0] == "t_bone" and hits[0][1] >= T_BONE_IMPULSE


def test_a_front_corner_into_his_door_still_counts_and_so_does_a_little_off_square():
    assert crash((201.6, 188.0), np.pi / 2, 12.0)[1]  # the striker's left headlight
    assert crash((197.0, 188.0), np.pi / 2 - np.radians(20.0), 12.0)[1]  # 20 degrees off


def test_a_rear_hit_is_not_a_t_bone():
    hits, t_bone = crash((186.0, 200.0), 0.0, 16.0, victim_speed=3.0)  # into his boot
    assert hits and not t_bone
    assert hits[0][0] in ("not_side", "angle") and hits[0][1] >= T_BONE_IMPULSE  # hard, still no


def test_a_glancing_side_swipe_is_not_a_t_bone():
    # from behind and beside him, 20 degrees in, much faster: a hard hit along his flank
    hits, t_bone = crash((195.0, 196.0), np.radians(20.0), 20.0, victim_speed=5.0)
    assert hits and not t_bone
    assert hits[0] == ("angle", hits[0][1]) and hits[0][1] >= T_BONE_IMPULSE  # hard, but no


def test_a_nudge_square_on_is_too_soft():
    hits, t_bone = crash((200.0, 196.0), np.pi / 2, 2.5)  # rolls into his door
    assert hits and not t_bone and all(kind == "soft" for kind, _ in hits)
