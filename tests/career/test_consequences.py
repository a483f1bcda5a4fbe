"""What a job does to the career: money, reputation, the client, the car's damage, the
Detective's file (a crew left behind testifies, a unit that read the plate reports it),
and the endings (arrested, dropped by the Handler)."""

from dataclasses import replace

import pytest

from game.career.catalogue import read_catalogue
from game.career.consequences import apply_result, reputation_change
from game.career.dossier import ARREST_AT, HANDLER_DROPS, certainty, dossier, known_cars
from game.career.handler import board
from game.career.model import Evidence, new_career
from tests.career.helpers import a_result, left_behind, write_mission

BUSTED = "busted: stopped for 3 s on Hill St with a unit against you"


@pytest.fixture
def offer(tmp_path):
    write_mission(tmp_path, "five_minutes", client="Two men", payout=9000,
                  career='risk = "high"')
    return board(new_career(), read_catalogue(tmp_path)).offers[0]


def test_a_clean_job_pays_and_builds_a_name(offer):
    career = new_career(seed=4)
    after, changed = apply_result(career, offer, a_result(car_damage=0.25))
    assert after.money == career.money + 9000 and changed.money == 9000
    assert after.reputation == 3 == changed.reputation  # high risk
    assert after.clients == ("Two men",) and after.night == 2
    assert after.jobs[0].result.payout == 9000 and after.jobs[0].night == 1
    assert after.car.damage == 0.25  # Shannon will want to see it
    assert after.file == () and not after.over


def test_reputation_follows_the_rule():
    assert reputation_change(a_result(), "low") == 1
    assert reputation_change(left_behind(), "high") == 1  # he left on time, as he said
    assert reputation_change(a_result(outcome="failed"), "high") == -1
    assert reputation_change(a_result(rule_kept=False), "medium") == 0  # 2, less 2
    assert reputation_change(a_result(outcome="failed", rule_kept=False), "low") == -3


def test_testimony_from_a_crew_left_behind_reaches_the_file(offer):
    career = new_career(seed=4)
    plate = career.car.plate
    after, changed = apply_result(career, offer, left_behind(plate=plate))
    (told,) = changed.evidence
    assert after.file == (told,)
    assert told.source == "crew" and told.night == 1 and told.job == "five_minutes"
    assert told.who.startswith("Blanche") and plate in told.says
    assert "south-west on 5th St" in told.says and "grey 1973 coupe" in told.says
    assert told.car == career.car.description  # it names his car
    assert changed.certainty_after > changed.certainty_before == 0.0
    (section,) = dossier(after.file, after.night)
    assert section[0] == "Crew left behind"
    assert section[1] == [f"Night 1, {told.who}: {told.says}"]


def test_every_kind_of_evidence_gets_its_entry(offer):
    result = a_result(plate_read=True, seen_by=("patrol_north",), last_seen_on="5th St",
                      witnesses=("the Player saw your face at the casino",), busted=BUSTED,
                      detective_saw=True, outcome="failed", reason="busted")
    after, changed = apply_result(new_career(), offer, result)
    assert [e.source for e in changed.evidence] == ["witness", "plate", "arrest", "detective"]
    plate = changed.evidence[1]
    assert plate.who == "patrol_north" and "on 5th St" in plate.says
    assert "the Player saw your face" in changed.evidence[0].says
    seen = apply_result(new_career(), offer, a_result(seen_by=("patrol_east",)))[1]
    assert [e.source for e in seen.evidence] == ["sighting"]
    assert seen.evidence[0].car is None  # no plate: it ties no car to him


def test_a_job_in_someone_elses_car_ties_no_car_of_his(tmp_path):
    write_mission(tmp_path, "race", career="own_car = false")
    offer = board(new_career(), read_catalogue(tmp_path)).offers[0]
    career = new_career()
    after, changed = apply_result(career, offer, left_behind(plate="9ZZZ999", car_damage=1.0))
    assert changed.evidence[0].car is None and known_cars(after.file) == ()
    assert after.car == career.car  # his own car stayed in the garage


def test_certainty_grows_with_the_file_and_sightings_go_cold():
    def entry(source, strength, night=1):
        return Evidence(source, "x", "y", night, "job", 0.0, strength)

    crew, plate = entry("crew", 0.3), entry("plate", 0.12)
    assert certainty((), 1) == 0.0
    assert certainty((crew,), 1) == pytest.approx(0.3)
    assert certainty((crew, crew), 1) == pytest.approx(1 - 0.7**2)
    assert certainty((crew, plate), 1) > certainty((crew,), 1)
    assert certainty((plate,), 9) == pytest.approx(0.06)  # half after its 8-night half-life
    assert certainty((crew,), 40) == pytest.approx(0.3)  # a crew's word never fades


def test_busted_with_a_thick_file_is_the_end_and_so_is_a_file_too_thick(offer):
    told = Evidence("crew", "Irish", "a grey coupe", 1, "job", 0.0, 0.3)
    thick = replace(new_career(), file=(told,) * 4)  # 0.76
    assert ARREST_AT <= certainty(thick.file, 1) < HANDLER_DROPS
    after, changed = apply_result(thick, offer, a_result(busted=BUSTED, outcome="failed"))
    assert after.over and after.ended.startswith("arrested") and changed.ended == after.ended
    free = apply_result(new_career(), offer, a_result(busted=BUSTED, outcome="failed"))[0]
    assert not free.over  # booked, but the Detective has nothing on him yet
    thicker = replace(thick, file=(told,) * 5)  # 0.83, and one more crew...
    dropped = apply_result(thicker, offer, left_behind())[0]
    assert dropped.ended.startswith("dropped by the Handler")
    assert board(dropped, read_catalogue()).closed


def _a_thick_file(career):
    entry = Evidence("crew", "Cook, left behind", "a grey coupe", 1, "five_minutes",
                     7200.0, 0.30, None)
    return replace(career, file=(entry, entry))


def test_caught_in_the_sting_ends_the_career_in_an_arrest(offer):
    career = _a_thick_file(new_career(seed=4))
    assert certainty(career.file, career.night) < ARREST_AT  # not enough on a plain bust
    result = a_result(outcome="failed", sting=True, caught_by_detective=True, busted=BUSTED)
    after, changed = apply_result(career, offer, result)
    assert after.over and after.ended.startswith("arrested") and "set-up" in after.ended
    assert changed.ended == after.ended
    assert board(after, read_catalogue(offer.mission.path.rsplit("/", 1)[0])).closed


def test_outwitting_him_in_the_sting_burns_his_case(offer):
    career = _a_thick_file(new_career(seed=4))
    assert certainty(career.file, career.night) > 0.4
    result = a_result(sting=True, detective_outwitted=True, detective_saw=True)
    after, changed = apply_result(career, offer, result)
    assert after.file == ()  # the case is closed, his own look at the car with it
    assert changed.certainty_after == 0.0 and not after.over
    assert after.money == career.money + 9000  # and it pays
