"""How a career ends, from scripted careers (states built directly, job results fed in):
an arrest (busted while the Detective is sure enough, in a job or on the night's drive,
or caught by the Detective himself), the Handler dropping him, or the Driver driving into
the night after the last job (the finale won, or nothing more to offer). Each ends the
career for good, with its own line on the board, its record, and a save that keeps it."""

from dataclasses import replace

import pytest

from game.career.catalogue import read_catalogue
from game.career.consequences import apply_result
from game.career.dossier import ARREST_AT, certainty
from game.career.ending import after_the_last_job, busted_in_free_drive, record
from game.career.handler import LINES, board, decline, jobs_to_come
from game.career.model import ARRESTED, DROPPED, INTO_THE_NIGHT, Evidence, new_career
from game.career.saves import (
    LoadStatus,
    career_from_bytes,
    load_career,
    save_bytes,
    save_career,
    save_path,
)
from tests.career.helpers import BUSTED, a_result, left_behind, write_mission

TOLD = Evidence("crew", "Irish", "a grey coupe", 1, "job", 0.0, 0.3)


def thick(entries: int = 4):
    """A new career whose file holds ``entries`` crew statements (4: 76 % sure)."""
    return replace(new_career(seed=5), file=(TOLD,) * entries)


@pytest.fixture
def jobs(tmp_path):
    """Two jobs for two clients, and a finale (the Sting, say) that needs both done."""
    write_mission(tmp_path, "first", client="Two men", payout=9000)
    write_mission(tmp_path, "second", client="Standard", payout=5000)
    write_mission(tmp_path, "finale", client="A turned crew", payout=50000,
                  career='requires = ["first", "second"]\nfinale = true\nrisk = "high"')
    return read_catalogue(tmp_path)


def offer_of(career, catalogue, mission_id):
    return next(o for o in board(career, catalogue).offers if o.mission.id == mission_id)


def test_busted_in_a_job_with_a_strong_file_ends_in_an_arrest(jobs):
    career = thick()
    assert certainty(career.file, career.night) >= ARREST_AT
    after, changed = apply_result(career, offer_of(career, jobs, "first"),
                                  a_result(outcome="failed", busted=BUSTED))
    assert after.ending == ARRESTED and after.over and changed.ended == after.ended
    assert "the Detective had enough to charge you" in after.ended
    closed = board(after, jobs)
    assert closed.closed and closed.line == LINES["arrested"] and not closed.offers


def test_busted_with_a_thin_file_is_a_booking_not_the_end(jobs):
    career = thick(1)
    after, _ = apply_result(career, offer_of(career, jobs, "first"),
                            a_result(outcome="failed", busted=BUSTED))
    assert not after.over and after.ending == ""
    assert after.file[-1].source == "arrest"  # but he was booked


def test_caught_by_the_detective_ends_it_whatever_the_file(jobs):
    career = new_career(seed=5)
    assert certainty(career.file, 1) == 0.0
    after, _ = apply_result(career, offer_of(career, jobs, "first"),
                            a_result(outcome="failed", caught_by_detective=True))
    assert after.ending == ARRESTED
    assert "the Detective's set-up, and he was waiting for you" in after.ended


def test_a_file_too_thick_and_the_handler_drops_him(jobs):
    career = thick(5)
    after, _ = apply_result(career, offer_of(career, jobs, "first"), left_behind())
    assert after.ending == DROPPED and board(after, jobs).line == LINES["dropped"]


def test_the_finale_won_is_the_drive_into_the_night(jobs):
    career = new_career(seed=5)
    for mission_id in ("first", "second"):
        career, _ = apply_result(career, offer_of(career, jobs, mission_id),
                                 a_result(mission=mission_id))
        career = after_the_last_job(career, jobs)
        assert not career.over  # the finale is still to come
    finale = offer_of(career, jobs, "finale")
    lost, _ = apply_result(career, finale, a_result(mission="finale", outcome="failed"))
    assert not lost.over  # a finale lost, not caught: the career goes on...
    assert after_the_last_job(lost, jobs).ending == INTO_THE_NIGHT  # ...but there is no more
    won, changed = apply_result(career, finale, a_result(mission="finale"))
    assert won.ending == INTO_THE_NIGHT and changed.ended == won.ended
    assert won.ended.startswith("drove into the night after Five Minutes, the last job")
    assert board(won, jobs).line == LINES["into_the_night"] and board(won, jobs).closed


def test_no_more_work_after_a_job_is_the_drive_into_the_night(tmp_path):
    write_mission(tmp_path, "only", client="Two men")
    write_mission(tmp_path, "named", client="Bernie", career="min_reputation = 10")
    catalogue = read_catalogue(tmp_path)
    career = new_career(seed=5)
    assert after_the_last_job(career, catalogue) == career  # no job done: nothing ends
    career, _ = apply_result(career, offer_of(career, catalogue, "only"),
                             a_result(mission="only"))
    # a job that wants a name he has no other work to build is no work to come
    assert career.reputation < 10 and not jobs_to_come(career, catalogue)
    ended = after_the_last_job(career, catalogue)
    assert ended.ending == INTO_THE_NIGHT and "the last job there was, on night 1" in ended.ended


def test_turning_down_what_is_left_after_a_job_also_ends_it(jobs):
    career = new_career(seed=5)
    career, _ = apply_result(career, offer_of(career, jobs, "first"), a_result(mission="first"))
    career = decline(career, offer_of(career, jobs, "second"))
    assert after_the_last_job(career, jobs).ending == INTO_THE_NIGHT  # the finale needs it


def test_busted_on_the_nights_drive_is_booked_and_can_end_it():
    booked = busted_in_free_drive(new_career(seed=5), BUSTED, 23 * 3600.0)
    assert not booked.career.over and booked.career.night == 2
    assert booked.evidence.source == "arrest" and booked.evidence.job == "free_drive"
    assert booked.career.file == (booked.evidence,)
    assert "on a drive through the night" in booked.evidence.says
    arrested = busted_in_free_drive(thick(3), BUSTED, 23 * 3600.0)  # 66 %, then the arrest
    assert arrested.certainty_after >= ARREST_AT and arrested.career.ending == ARRESTED
    assert "on a drive through the night" in arrested.career.ended


def test_the_record_says_how_it_ended_and_what_the_career_was(jobs):
    career = thick()
    after, _ = apply_result(career, offer_of(career, jobs, "first"),
                            a_result(outcome="failed", busted=BUSTED))
    lines = record(after)
    assert lines[0].startswith("Arrested on night 1 after Five Minutes")
    assert "Nights: 1" in lines and "Jobs: 1 (0 clean)" in lines
    assert f"Money: ${after.money:,}" in lines and f"Reputation: {after.reputation:+d}" in lines
    assert "Clients: Two men" in lines
    filed = f"The Detective's file: {len(after.file)} entries"
    assert any(line.startswith(filed) for line in lines)


def test_an_ended_career_is_saved_as_ended(jobs, tmp_path):
    career = thick()
    after, _ = apply_result(career, offer_of(career, jobs, "first"),
                            a_result(outcome="failed", busted=BUSTED))
    save_career(tmp_path, after)
    loaded = load_career(tmp_path)
    assert loaded.status is LoadStatus.LOADED and loaded.career == after
    assert loaded.career.ending == ARRESTED


def test_a_version_3_save_of_an_ended_career_reads_how_it_ended():
    import json

    for sentence, kind in (("arrested on night 3 after Pawn Shop", ARRESTED),
                           ("dropped by the Handler after PCH", DROPPED)):
        data = json.loads(save_bytes(replace(new_career(), ended=sentence, ending=kind)))
        data["version"] = 3
        del data["career"]["ending"], data["career"]["whereabouts"]
        career, version = career_from_bytes(json.dumps(data).encode())
        assert version == 3 and career.ending == kind and career.whereabouts == "apartment"


def test_a_save_with_an_unknown_ending_is_not_used(tmp_path):
    import json

    data = json.loads(save_bytes(replace(new_career(), ended="gone", ending=INTO_THE_NIGHT)))
    data["career"]["ending"] = "retired"
    save_path(tmp_path).write_text(json.dumps(data))
    loaded = load_career(tmp_path)
    assert loaded.status is LoadStatus.CORRUPT and "career.ending: unknown ending" in loaded.message
