"""The Handler's board: each client hires the Driver once, jobs come through their mission
files' [career] keys (nights, reputation, required jobs, the Detective's certainty), a
job turned down is gone and costs reputation, and an empty board says why."""

from dataclasses import replace

from game.career.catalogue import read_catalogue, unlocked
from game.career.consequences import apply_result
from game.career.handler import DECLINE_COST, LINES, MAX_OFFERS, board, decline, lie_low
from game.career.model import Evidence, new_career
from game.career.saves import DATA_DIR_ENV, new_slot, save_career
from tests.career.helpers import a_result, write_mission


def titles(b):
    return [offer.mission.id for offer in b.offers]


def take(career, offer, **changes):
    """The career after the job ``offer``, done with a clean result (and ``changes``)."""
    result = a_result(mission=offer.mission.id, title=offer.mission.title, **changes)
    return apply_result(career, offer, result)[0]


def test_each_client_hires_the_driver_once(tmp_path):
    write_mission(tmp_path, "bank", client="Standard", payout=5000)
    write_mission(tmp_path, "pawn", client="Standard", payout=4000)  # the same client
    write_mission(tmp_path, "casino", client="Three men at the casino", payout=3000)
    catalogue = read_catalogue(tmp_path)
    career = new_career(seed=1)
    first = board(career, catalogue)
    assert titles(first) == ["bank", "pawn", "casino"]  # by pay
    after = take(career, first.offers[0])
    assert "Standard" in after.clients
    assert titles(board(after, catalogue)) == ["casino"]  # Standard never hires him again
    # even a job done badly counts: the client has seen him work
    blown = take(career, first.offers[2], outcome="failed", payout=0)
    assert titles(board(blown, catalogue)) == ["bank", "pawn"]


def test_the_board_holds_at_most_three_offers_in_a_fixed_order(tmp_path):
    for name, pay in (("a", 100), ("b", 400), ("c", 300), ("d", 200), ("e", 400)):
        write_mission(tmp_path, name, payout=pay)
    b = board(new_career(), read_catalogue(tmp_path))
    assert len(b.offers) == MAX_OFFERS
    assert titles(b) == ["b", "e", "c"]  # pay first, then the file's name
    assert b.line == LINES["offers"]


def test_nights_reputation_requirements_and_certainty_come_from_the_mission_file(tmp_path):
    write_mission(tmp_path, "garage", client="Shannon's friend", career="risk = \"low\"")
    write_mission(tmp_path, "later", career="first_night = 3")
    write_mission(tmp_path, "brief", career="last_night = 1")
    write_mission(tmp_path, "named", career="min_reputation = 2")
    write_mission(tmp_path, "after", career='requires = ["garage"]')
    write_mission(tmp_path, "sting", career="min_certainty = 0.25")
    write_mission(tmp_path, "replay_only", career="on_board = false")
    catalogue = read_catalogue(tmp_path)
    career = new_career()
    assert sorted(titles(board(career, catalogue))) == ["brief", "garage"]
    garage = next(o for o in board(career, catalogue).offers if o.mission.id == "garage")
    assert garage.risk == "low" and garage.client == "Shannon's friend"
    done = take(career, garage)  # a low-risk clean job: +1 reputation; night 2 now
    assert done.reputation == 1 and done.night == 2
    assert sorted(titles(board(done, catalogue))) == ["after"]  # brief's last night is gone
    named = replace(done, reputation=2, night=3)
    assert sorted(titles(board(named, catalogue))) == ["after", "later", "named"]
    told = Evidence("crew", "Blanche", "a grey coupe", 1, "x", 0.0, 0.3)
    suspected = replace(named, file=(told,), clients=(*named.clients, "after", "later"))
    assert "sting" in titles(board(suspected, catalogue))


def test_turning_a_job_down_costs_reputation_and_the_job(tmp_path):
    write_mission(tmp_path, "bank", payout=5000)
    write_mission(tmp_path, "pawn", payout=4000)
    catalogue = read_catalogue(tmp_path)
    career = new_career()
    offer = board(career, catalogue).offers[0]
    turned = decline(career, offer)
    assert turned.reputation == career.reputation - DECLINE_COST
    assert titles(board(turned, catalogue)) == ["pawn"]
    assert titles(board(lie_low(turned), catalogue)) == ["pawn"]  # a night goes by
    assert lie_low(turned).night == turned.night + 1


def test_an_empty_board_says_why(tmp_path):
    write_mission(tmp_path, "only")
    write_mission(tmp_path, "soon", career="first_night = 5")
    write_mission(tmp_path, "big", career="min_reputation = 9\nfirst_night = 6")
    catalogue = read_catalogue(tmp_path)
    career = replace(new_career(), clients=("only",))
    assert board(career, catalogue).line == LINES["wait"]  # "soon" will come
    assert board(replace(career, night=6, clients=("only", "soon")), catalogue).line == \
        LINES["name"]  # only "big" is there, and it wants a name
    nothing = replace(career, clients=("only", "soon", "big"))
    b = board(nothing, catalogue)
    assert b.empty and b.line == LINES["none"] and not b.closed
    assert board(new_career(), read_catalogue(tmp_path / "no such folder")).line == LINES["none"]
    over = replace(career, ended="dropped by the Handler")
    assert board(over, catalogue).closed and board(over, catalogue).line == LINES["dropped"]


def test_the_shipped_job_is_on_the_first_board():
    b = board(new_career(), read_catalogue())
    assert "five_minutes" in titles(b)
    offer = next(o for o in b.offers if o.mission.id == "five_minutes")
    assert offer.time == "02:00" and offer.pay == 9000
    assert offer.client in offer.line() and "$9,000" in offer.line()


def test_a_broken_mission_file_is_left_off_the_board_with_its_problem(tmp_path):
    write_mission(tmp_path, "good")
    (tmp_path / "bad.toml").write_text("title = 3\n", encoding="utf-8")
    catalogue = read_catalogue(tmp_path)
    assert [m.id for m in catalogue.missions] == ["good"]
    assert len(catalogue.problems) == 1 and "bad.toml" in str(catalogue.problems[0])


def test_the_jobs_to_replay_are_those_open_from_the_start_and_those_done(tmp_path):
    write_mission(tmp_path, "open")
    write_mission(tmp_path, "replay_only", career="on_board = false")
    write_mission(tmp_path, "later", career="first_night = 2")
    write_mission(tmp_path, "named", career="min_reputation = 1")
    catalogue = read_catalogue(tmp_path)
    assert [m.id for m in unlocked(catalogue, set())] == ["open", "replay_only"]
    assert [m.id for m in unlocked(catalogue, {"later"})] == ["later", "open", "replay_only"]


def test_jobs_done_in_any_saved_career_are_unlocked(tmp_path, monkeypatch):
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "data"))
    write_mission(tmp_path / "missions", "later", career="first_night = 2")
    catalogue = read_catalogue(tmp_path / "missions")
    assert unlocked(catalogue) == []
    career = new_career()
    done = take(replace(career, night=2), board(replace(career, night=2), catalogue).offers[0])
    save_career(new_slot(), done)
    assert [m.id for m in unlocked(catalogue)] == ["later"]
