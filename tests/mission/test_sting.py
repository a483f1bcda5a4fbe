"""The Sting (issue 15.3): its signs are in the world when the job is the Sting and absent
in an ordinary bank job; the Detective waits by the bank and his units stake out the ways
from it; check keeps a sting honest; the board offers it once he is sure enough."""

from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from game.ai.detective import DetectiveController
from game.career.catalogue import read_catalogue
from game.career.handler import board
from game.career.model import Evidence, new_career
from game.mission.events import DetectiveLost, Message
from game.mission.job import MISSIONS_DIR, build_job
from game.mission.mission_file import load_mission
from game.mission.result import job_result
from game.mission.validate import check_mission
from game.session.events import RadioLine
from game.sim import VehicleClass

STING = MISSIONS_DIR / "the_sting.toml"


def ordinary_bank_job(folder: Path) -> Path:
    """The same bank job without the set-up: no [sting] table, a patrol on the streets."""
    text = STING.read_text()
    start, end = text.index("[sting]"), text.index("[[always]]")
    text = text[:start] + text[end:]
    text = text.replace('action = "caught"', 'action = "fail"')
    text = text.replace('trigger = "detective_lost"', 'trigger = "after"\nseconds = 1')
    text += '\n[[vehicles]]\nname = "patrol"\nrole = "police"\nspawn = "police_3"\n'
    path = folder / "bank_job.toml"
    path.write_text(text)
    return path


def run(session, seconds):
    for _ in range(round(seconds / session.dt)):
        session.tick()


def classes_in_zone(session, zone_name):
    world, zone = session.world, session.level.zones[zone_name]
    inside = zone.contains(world.x, world.y)
    inside[session.player] = False
    return [VehicleClass(int(c)).name.lower() for c in world.vehicle_class[inside]]


def scanner_lines(session):
    return [e for e in session.drain_events() if isinstance(e, RadioLine)]


@pytest.fixture(scope="module")
def sting():
    session, runtime = build_job(STING, seed=0)
    run(session, 1.0)
    return session, runtime


def test_the_stings_signs_are_in_the_world(sting):
    session, runtime = sting
    parked = classes_in_zone(session, "bank")
    assert parked.count("unmarked") == 3 and parked.count("van") == 1  # his cars, the van
    for row in runtime.mechanic.signs:  # parked: nobody in them, lights off
        assert session.role[row] == session.role_code("parked")
    assert session.police.units.size == 0  # no patrol passes
    (detective,) = session.vehicles_of("detective")  # he is in it from the start
    session.drain_events()
    runtime.goto("window")  # the window stage's scanner line goes unheard
    assert scanner_lines(session) == []
    assert runtime.mechanic.scanner_quiet


def test_the_signs_are_absent_in_an_ordinary_bank_job(tmp_path):
    session, runtime = build_job(ordinary_bank_job(tmp_path), seed=0)
    run(session, 1.0)
    assert "unmarked" not in classes_in_zone(session, "bank")
    assert "van" not in classes_in_zone(session, "bank")
    assert session.vehicles_of("detective").size == 0
    assert session.police.units.size == 1  # the patrol
    session.drain_events()
    runtime.goto("window")
    assert [line.text for line in scanner_lines(session)] == [
        "Central, 1-Adam-7, code 6 on Main, checking a parked van."]
    result = job_result(runtime, session)
    assert not result.sting and not result.caught_by_detective


def test_a_crew_member_asks_where_you_will_go(tmp_path):
    session, runtime = build_job(STING, seed=0)
    run(session, 0.5)
    assert not any(isinstance(e, Message) and "Which way" in e.text for e in runtime.events)
    for event in runtime.rule.board_at_pickup(runtime.clock.now):
        runtime.emit(event)
    run(session, 0.2)
    (asked,) = [e for e in runtime.events if isinstance(e, Message) and "Which way" in e.text]
    assert asked.text.startswith("Glasses:")


def test_his_units_stake_out_the_ways_from_the_bank(sting):
    session, runtime = sting
    fleet = session.fleets["detective"]
    assert isinstance(fleet, DetectiveController)
    assert {"apartment", "shannons_garage", "bank", "parking_garage"} <= set(fleet.places)
    bank = runtime.goal_point("bank")
    assert np.hypot(fleet.tip[0] - bank[0], fleet.tip[1] - bank[1]) < 1.0  # told of it
    called = fleet.stake_out_routes(*bank, 240.0)
    assert called >= 2
    run(session, 0.1)  # the backup sets them: police parked across the road, his
    blocks = [b for b in session.police.roadblocks if b.detective]
    assert len(blocks) >= 2
    for block in blocks:
        assert np.hypot(block.site[0] - bank[0], block.site[1] - bank[1]) > 90.0  # up the road
    run(session, 1.0)
    assert len([b for b in session.police.roadblocks if b.detective]) == len(blocks)  # no
    # pursuit, yet they stand


def test_when_he_loses_the_driver_the_job_hears_it_and_his_blocks_lift(tmp_path):
    session, runtime = build_job(STING, seed=0)
    run(session, 0.5)
    fleet = session.fleets["detective"]
    fleet.stake_out_routes(*runtime.goal_point("bank"), 240.0)
    run(session, 0.1)
    assert session.police.roadblocks
    fleet.last_seen = (0.0, 0.0, 0.0, 0.0)  # he has had a trail...
    fleet.lose("he took a way the Detective did not predict")  # ...and lost it
    run(session, 0.1)
    assert any(isinstance(e, DetectiveLost) for e in runtime.events)
    assert not session.police.roadblocks
    assert runtime.mechanic.lost


def test_check_keeps_a_sting_honest(tmp_path):
    path = tmp_path / "bad_sting.toml"
    text = STING.read_text().replace('asks = "Glasses"', 'asks = "Glases"')
    text += '\n[[vehicles]]\nname = "patrol"\nrole = "police"\nspawn = "police_3"\n'
    path.write_text(text)
    problems = [p.message for p in check_mission(path)]
    assert any("no crew member 'Glases'" in m and "Glasses" in m for m in problems)
    assert any("a sting has no patrol" in m for m in problems)
    plain = tmp_path / "plain.toml"
    plain.write_text(STING.read_text().replace("[sting]", "[not_a_sting]"))
    problems = [p.message for p in check_mission(plain)]
    assert any("detective_lost needs the mission's [sting] table" in m for m in problems)
    assert check_mission(STING) == []


def test_the_board_offers_the_sting_once_he_is_sure_and_says_it_may_be_refused():
    catalogue = read_catalogue(MISSIONS_DIR)
    others = tuple(m.id for m in catalogue.missions if m.id != "the_sting")
    late = replace(new_career(seed=1), night=3, declined=others)  # nothing else on offer
    assert all(o.mission.id != "the_sting" for o in board(late, catalogue).offers)
    entry = Evidence("crew", "Cook", "a grey coupe", 1, "five_minutes", 7200.0, 0.3, None)
    sure = replace(late, file=(entry, entry))
    offers = {o.mission.id: o for o in board(sure, catalogue).offers}
    assert "the_sting" in offers
    assert "you may turn it down" in offers["the_sting"].line()
    assert offers["the_sting"].pay == max(m.payout for m in catalogue.missions)
    assert load_mission(STING).sting is not None


def test_his_other_car_loses_the_detective_when_he_changes_into_it_unseen():
    session, runtime = build_job(STING, seed=0)
    run(session, 0.5)
    (spare,) = session.vehicles_of("spare")  # the other car, parked where the file says
    spawn = session.level.spawns["spare_car"]
    assert (session.world.x[spare], session.world.y[spare]) == (spawn.x, spawn.y)
    assert session.view.spare_cars.tolist() == [spare]
    runtime.goto("lose_him")
    detective = runtime.mechanic.detective()
    detective.last_seen = (576.0, 434.0, 0.0, 10.0)  # he has the trail, back at the bank
    detective.last_seen_time = session.world.time
    session.world.place(session.player, spawn.x, spawn.y - 6.0, spawn.heading)
    assert session.change_car() is not None and session.player == spare
    run(session, 0.5)
    assert detective.lost == "he changed cars out of the Detective's sight"
    lost = [e for e in runtime.events if isinstance(e, DetectiveLost)]
    assert lost and runtime.stage_id == "drop"  # on to the drop, nobody following


def test_check_accepts_a_spare_car_only_at_a_spare_spawn(tmp_path):
    path = tmp_path / "spare_at_parked.toml"
    path.write_text(STING.read_text().replace('spawn = "spare_car"', 'spawn = "parked_1"'))
    problems = [p.message for p in check_mission(path)]
    assert any("parked_1" in m and "spare" in m for m in problems)
