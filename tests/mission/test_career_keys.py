"""The [career] table of a mission file: every key optional, each checked with the key's
path in the message (the board reads only what check passes)."""

import pytest

from game.mission.model import CareerTerms
from game.mission.validate import check_mission, load_mission_and_map
from tests.career.helpers import write_mission


def test_without_the_table_a_job_is_on_every_board_from_the_first_night(tmp_path):
    mission, _ = load_mission_and_map(write_mission(tmp_path, "plain"))
    assert mission.career == CareerTerms()
    assert mission.career.first_night == 1 and mission.career.min_reputation is None


def test_every_key_is_read(tmp_path):
    write_mission(tmp_path, "five_minutes")
    path = write_mission(tmp_path, "pawn", career="\n".join([
        "on_board = true", "first_night = 2", "last_night = 6", "min_reputation = 3",
        'risk = "high"', 'place = "the pawn shop"', 'requires = ["five_minutes"]',
        "min_certainty = 0.4", "own_car = false", "reputation = 4", "finale = true"]))
    mission, _ = load_mission_and_map(path)
    assert mission.career == CareerTerms(True, 2, 6, 3, "high", "the pawn shop",
                                         ("five_minutes",), 0.4, False, 4, True)


def test_a_designers_job_may_require_a_shipped_one(tmp_path):
    """A job in a designer's folder requires one on the levels path (the shipped Five
    Minutes), not only one beside it."""
    assert check_mission(write_mission(tmp_path, "after", career='requires = ["pawn_shop"]')) == []


@pytest.mark.parametrize("line, where, words", [
    ("first_night = 0", "career.first_night", "a whole number from 1"),
    ("last_night = 2.5", "career.last_night", "a whole number"),
    ("first_night = 5\nlast_night = 3", "career.last_night", "before first_night"),
    ("min_reputation = 1e9", "career.min_reputation", "a whole number"),
    ('risk = "suicidal"', "career.risk", "one of low, medium, high"),
    ("min_certainty = 1.5", "career.min_certainty", "from 0 to 1"),
    ("requires = [3]", "career.requires[0]", "a mission's name"),
    ('requires = ["nowhere"]', "career.requires[0]", "no mission 'nowhere'"),
    ('requires = ["job"]', "career.requires[0]", "cannot require itself"),
    ("own_car = 1", "career.own_car", "must be a bool"),
    ('finale = "yes"', "career.finale", "must be a bool"),
    ("payout = 5", "career.payout", "unknown key"),
])
def test_a_bad_key_is_one_problem_naming_it(tmp_path, line, where, words):
    problems = check_mission(write_mission(tmp_path, "job", career=line))
    assert len(problems) == 1, problems
    assert problems[0].where == where and words in problems[0].message
