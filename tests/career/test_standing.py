"""The Standing a career hands to a job: a plate in the Detective's file makes the car a
known car in the next job; a respray and new plates at Shannon's clear it; the thicker
the file, the hotter the start and the sooner the Detective comes in."""

from dataclasses import replace

import pytest

from game.career.catalogue import read_catalogue
from game.career.consequences import apply_result
from game.career.garage import RESPRAY_PRICE, GarageRefusal, repair, repair_price, respray
from game.career.handler import board
from game.career.model import Evidence, new_career
from game.career.standing import DETECTIVE_LATEST_S, DETECTIVE_SOONEST_S, standing_for
from tests.career.helpers import a_result, left_behind


@pytest.fixture
def job():
    """Five Minutes, as the shipped catalogue offers it."""
    offer = next(o for o in board(new_career(), read_catalogue()).offers
                 if o.mission.id == "five_minutes")
    return offer


def test_a_new_career_is_known_to_nobody(job):
    career = new_career(seed=2)
    standing = standing_for(career, job.mission)
    assert standing.heat == 0.0 and standing.known_cars == ()
    assert standing.player_car == career.car.description and not standing.car_known
    assert standing.player_car.plate == career.car.plate and standing.player_car.colour == "grey"
    assert standing.detective_after_s is None


def test_a_plate_in_the_file_makes_the_car_known_in_the_next_job(job):
    career = new_career(seed=2)
    read = a_result(plate_read=True, seen_by=("patrol_north",), plate=career.car.plate)
    after = apply_result(career, job, read)[0]
    standing = standing_for(after, job.mission)
    assert career.car.description in standing.known_cars
    assert standing.car_known  # the police have the description of the car he brings
    assert standing.heat > 0.0


def test_a_respray_and_new_plates_clear_it(job):
    career = new_career(seed=2)
    after = apply_result(career, job, left_behind(plate=career.car.plate))[0]
    assert standing_for(after, job.mission).car_known
    sprayed = respray(after)
    assert sprayed.money == after.money - RESPRAY_PRICE
    assert sprayed.car.plate != after.car.plate and sprayed.car.colour != after.car.colour
    standing = standing_for(sprayed, job.mission)
    assert not standing.car_known
    assert after.car.description in standing.known_cars  # the old description stays out
    assert standing.player_car == sprayed.car.description


def test_the_thicker_the_file_the_hotter_the_start_and_the_sooner_the_detective(job):
    def with_file(n):
        return standing_for(replace(new_career(), file=crew_entries(n)), job.mission)

    thin, middling, thick = with_file(1), with_file(2), with_file(6)
    assert 0.0 < thin.heat < middling.heat <= thick.heat
    assert DETECTIVE_LATEST_S >= thin.detective_after_s > middling.detective_after_s
    assert middling.detective_after_s > thick.detective_after_s >= DETECTIVE_SOONEST_S
    assert standing_for(replace(new_career(), file=crew_entries(6))).detective_after_s \
        is None  # free drive never brings him


def crew_entries(n):
    return (Evidence("crew", "Irish", "a grey coupe", 1, "job", 0.0, 0.3),) * n


def test_shannon_repairs_for_money_and_refuses_without(job):
    career = new_career()
    wrecked = apply_result(career, job, a_result(car_damage=1.0, payout=0))[0]
    assert wrecked.car.wrecked and repair_price(wrecked) == 4000
    with pytest.raises(GarageRefusal, match="you have"):
        repair(wrecked)
    fixed = repair(replace(wrecked, money=5000))
    assert fixed.money == 1000 and fixed.car.damage == 0.0
    with pytest.raises(GarageRefusal, match="Nothing wrong"):
        repair(fixed)
    with pytest.raises(GarageRefusal):
        respray(replace(career, money=RESPRAY_PRICE - 1))


def test_a_free_drive_of_the_career_is_in_his_car_and_the_police_know_it(job):
    from game.career.garage import buy
    from game.session.drive import free_drive_session
    from game.sim import VehicleClass
    from tests.mission.tiny import tiny_level

    career = buy(replace(new_career(seed=2), money=20_000), "muscle")
    read = a_result(plate_read=True, seen_by=("patrol_north",), plate=career.car.plate)
    after = apply_result(career, job, read)[0]
    session = free_drive_session(tiny_level(), player_spawn="player_start",
                                 standing=standing_for(after))
    player_class = VehicleClass(int(session.world.vehicle_class[session.player]))
    assert player_class is VehicleClass.MUSCLE
    assert session.law.standing.car_known and session.law.heat.heat > 0.0


def test_in_free_drive_the_detective_pulls_up_beside_you_and_says_what_is_in_his_file():
    from dataclasses import replace as with_
    from pathlib import Path

    from game.career.model import Evidence, new_career
    from game.career.standing import standing_for
    from game.level import load_level
    from game.session.drive import SPEAK_S, free_drive_session

    told = Evidence("crew", "Cook, left behind on Five Minutes",
                    "a grey 1973 coupe, plate 4KKI394, went south on Alameda", 1,
                    "five_minutes", 7300.0, 0.30, None)
    career = with_(new_career(seed=2), night=2, file=(told,))
    standing = standing_for(career)
    assert "Cook talks" in standing.detective_line and "4KKI394" in standing.detective_line
    assert standing_for(new_career(seed=2)).detective_line == ""  # an empty file: he stays away
    downtown = Path(__file__).resolve().parents[2] / "levels" / "maps" / "downtown.tmx"
    session = free_drive_session(load_level(downtown), seed=0, standing=standing)
    (car,) = session.vehicles_of("detective")
    world = session.world
    # put him a little behind the Driver on the same street, as if he had driven up
    world.place(car, float(world.x[session.player]), float(world.y[session.player]) - 25.0,
                float(world.heading[session.player]), speed=5.0)
    said = None
    for _ in range(int(20.0 / session.dt)):
        session.tick()
        notes = session.view.rules.notes
        if standing.detective_line in notes:
            said = world.time
            break
    assert said is not None  # he pulled up and said it
    for _ in range(int((SPEAK_S + 0.5) / session.dt)):
        session.tick()
    assert standing.detective_line not in session.view.rules.notes  # said once, then gone
