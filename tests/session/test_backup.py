"""Backup on downtown: a long chase never grows the police past MAX_POLICE; past it,
units far off and out of his way are moved in, and a roadblock gets all its cars or none."""

from pathlib import Path

import numpy as np

from game.level import load_level
from game.session.backup import CALL_IN_FAR_M, CALL_IN_NEAR_M, MAX_POLICE
from game.session.drive import DriveSession, free_drive_session
from game.session.law import Orders

MAPS = Path(__file__).resolve().parents[2] / "levels" / "maps"


def full_chase() -> tuple[DriveSession, np.ndarray]:
    """Free drive on downtown in a pursuit, the police at MAX_POLICE, every unit parked
    within CALL_IN_NEAR_M of the Driver (none is free to be moved); and those units."""
    session = free_drive_session(load_level(MAPS / "downtown.tmx"), seed=5)
    world, police = session.world, session.police
    px, py = float(world.x[session.player]), float(world.y[session.player])
    while police.units.size < MAX_POLICE:
        session.join_police([session.spawn("police", px, py, 0.0)])
    units = police.units.copy()
    for k, index in enumerate(units):  # a ring round him, 60..190 m out
        angle, radius = 2.4 * k, 60.0 + 10.0 * k
        world.place(int(index), px + radius * np.cos(angle), py + radius * np.sin(angle), 0.0)
    police.report(px, py, 0.0)
    police.start_pursuit(0.0)
    return session, units


def test_a_call_in_waits_at_max_police_and_then_moves_a_far_unit_in():
    session, units = full_chase()
    world, backup = session.world, session.backup
    searched = []
    search = backup._call_in_points
    backup._call_in_points = lambda s, n: searched.append(n) or search(s, n)
    for _ in range(3):
        backup.carry_out(session, Orders(units=1))
    assert session.police.units.size == MAX_POLICE and backup.called_in == 0  # waits...
    assert searched == []  # ...without searching the lanes for a place every tick
    far = int(units[0])
    px, py = float(world.x[session.player]), float(world.y[session.player])
    world.place(far, px + CALL_IN_FAR_M + 200.0, py, 0.0)  # out of his way, unseen
    lines = backup.carry_out(session, Orders(units=1))
    assert backup.called_in == 1 and "responding" in lines[-1].text
    assert session.police.units.size == MAX_POLICE  # the same cars, one of them moved
    distance = float(np.hypot(world.x[far] - px, world.y[far] - py))
    assert CALL_IN_NEAR_M <= distance <= CALL_IN_FAR_M


def test_a_roadblock_short_of_cars_is_not_set_and_moves_nobody():
    session, units = full_chase()
    world, police = session.world, session.police
    px, py = float(world.x[session.player]), float(world.y[session.player])
    far = int(units[0])
    world.place(far, px + CALL_IN_FAR_M + 200.0, py, 0.0)  # one free unit; a block needs 2+
    world.place(session.player, px, py, float(world.heading[session.player]), speed=12.0)
    before = (float(world.x[far]), float(world.y[far]))
    lines = session.backup.carry_out(session, Orders(roadblocks=True))
    assert not police.roadblocks and not [ln for ln in lines if "Roadblock" in ln.text]
    assert (float(world.x[far]), float(world.y[far])) == before
    assert police.units.size == MAX_POLICE
    for k, index in enumerate(units[1:4]):  # three more free: now it is set, with them
        world.place(int(index), px + CALL_IN_FAR_M + 200.0, py + 20.0 * (k + 1), 0.0)
    lines = session.backup.carry_out(session, Orders(roadblocks=True))
    assert [ln for ln in lines if "Roadblock" in ln.text] and len(police.roadblocks) == 1
    assert police.units.size == MAX_POLICE
