"""The results screen names who got back and who was left, and says why the job ended in
a sentence (the law's own when the police stopped the Driver)."""

from dataclasses import replace

import pytest

from game.app.results_scene import ResultsScene, why_it_ended
from game.mission import testimony
from game.mission.result import JobResult, job_result
from game.session.events import Busted
from tests.mission.tiny import BareSession, tiny_level, tiny_mission

RESULT = JobResult(
    mission="five_minutes", title="Five Minutes", seed=0, outcome="crew_left_behind",
    reason="left behind: Blanche", rule_kept=True, payout=4500, window_opened_at=7200.0,
    crew_back_at=None, crew_returned=("Irish",), crew_left_behind=("Blanche",),
    testimony=(testimony.Testimony("Blanche", "a grey coupe", "4KKI394", "south on Alameda St"),),
    heat_max=1.5, seen_by=(), plate_read=False, plate="4KKI394", stage="getaway",
    clock_end=7600.0, sim_s=200.0, state_hash="0" * 64,
)  # fmt: skip


class Mission:
    title = "Five Minutes"
    path = "five_minutes"


@pytest.fixture
def results(app):
    def show(result: JobResult) -> list[str]:
        return [text for text, _ in ResultsScene(app, result, Mission()).lines()]
    return show


def test_one_of_two_back_names_both(results):
    lines = results(RESULT)
    assert lines[0] == ("You got away, but Blanche did not make it back to the car inside "
                        "the five minutes.")
    assert "Back in the car: Irish" in lines and "Left behind: Blanche" in lines
    assert not any(line.startswith("Crew back") for line in lines)
    assert any(line.startswith("Blanche will tell the Detective") for line in lines)


def test_everyone_back_and_the_times(results):
    done = replace(RESULT, outcome="success", reason="", crew_returned=("Irish", "Blanche"),
                   crew_left_behind=(), testimony=(), crew_back_at=7390.0, payout=9000)
    lines = results(done)
    assert lines[0] == "Everyone made it back and you got away clean."
    assert "Back in the car: Irish and Blanche (all in by 02:03:10)" in lines
    broken = replace(done, rule_kept=False, payout=4500)
    assert results(broken)[0].endswith("You broke the rule, so they pay half.")


def test_a_win_tells_the_job_s_own_words_and_not_the_fallback(results):
    """A ``complete`` with no reason leaves the stage-and-crew fallback in ``reason`` (the
    headless line); the screen tells the clean getaway instead. A reason of the job's own
    is the story."""
    done = replace(RESULT, outcome="success", crew_returned=("Irish", "Blanche"),
                   crew_left_behind=(), testimony=(), crew_back_at=7390.0, payout=9000,
                   reason="done in stage 'getaway': 2 of 2 crew back, the rule kept")
    assert results(done)[0] == "Everyone made it back and you got away clean."
    own = replace(done, reason="Nino's car is on the beach", own_reason=True)
    assert results(own)[0] == "Nino's car is on the beach."


def test_a_busted_end_says_what_the_law_said(results):
    busted = replace(RESULT, outcome="failed", reason="busted: the police boxed you in",
                     busted="busted: stopped for 3 s on Alameda St with 2 units against you",
                     payout=0)
    assert results(busted)[0] == ("Busted: the police boxed you in. "
                                  "Stopped for 3 s on Alameda St with 2 units against you.")
    assert why_it_ended(replace(busted, busted="")) == "Busted: the police boxed you in."
    assert why_it_ended(replace(busted, reason="")) == \
        "Busted: stopped for 3 s on Alameda St with 2 units against you."


def test_a_long_line_wraps_inside_the_screen(app, results):
    """The Player's busted line is two sentences: it wraps, and every part fits."""
    from game.app.results_scene import RESULTS_MARGIN_PX
    from game.render.text import TextCache

    text = TextCache()
    line = ("Busted on her errand, the night after the casino: now the Detective has more "
            "than her word. Stopped for 3 s on Grand Ave at 4th St with 2 units against you.")
    parts = text.wrapped(line, 26, 1120)
    assert len(parts) >= 2 and " ".join(parts) == line
    assert all(text.font(26).size(part)[0] <= 1120 for part in parts)
    assert text.wrapped("Unbroken", 26, 10) == ["Unbroken"]
    # the screen itself draws the parts, not the whole line
    busted = replace(RESULT, outcome="failed", payout=0,
                     reason="busted on her errand, the night after the casino: now the "
                            "Detective has more than her word",
                     busted="busted: stopped for 3 s on Grand Ave at 4th St with 2 units "
                            "against you")
    assert results(busted)[0] == line
    app.text.rendered.clear()
    ResultsScene(app, busted, Mission()).draw(app, app.screen)
    drawn = app.text.rendered_texts()
    room = app.screen.get_width() - 2 * RESULTS_MARGIN_PX
    assert line not in drawn
    assert set(app.text.wrapped(line, 26, room)) <= drawn


def test_a_job_that_never_opened_says_so(results):
    late = replace(RESULT, outcome="failed", reason="late: not at Warehouse at 02:00:00",
                   window_opened_at=None, crew_returned=(), crew_left_behind=(), testimony=())
    lines = results(late)
    assert lines[0] == "Late: not at Warehouse at 02:00:00."
    assert "The window never opened: the crew never went in" in lines
    assert not any(line.startswith("Back in the car") for line in lines)


def test_the_job_result_carries_the_law_s_busted_sentence(tmp_path):
    session = BareSession(tiny_level())
    runtime = session.job(tiny_mission(tmp_path), seed=1)
    session.tick()
    assert job_result(runtime, session).busted == ""
    session.law.busted = Busted("busted: stopped for 3 s with a unit against you", 1.0)
    assert job_result(runtime, session).busted == "busted: stopped for 3 s with a unit against you"


def test_a_race_or_an_audition_shows_its_scorecard_instead_of_the_crew(app):
    from game.app.results_scene import SCORED_WIN
    from game.render import palette

    card = ("Burnout: 100", "Slalom: missed", "Score: 100 (pass: 100)")
    won = replace(RESULT, outcome="success", scorecard=card, crew_returned=(),
                  crew_left_behind=(), testimony=(),
                  reason="passed the audition: 1 of 2 manoeuvres")
    assert why_it_ended(won) == "Passed the audition: 1 of 2 manoeuvres."
    lines = ResultsScene(app, won, Mission()).lines()
    assert [text for text, _ in lines[2:5]] == list(card)  # no window, no crew lines
    assert lines[5][0] == "Heat max 1.5" and len(lines) == 7
    assert lines[3][1] == palette.TEXT_DIM and lines[2][1] == palette.NEON_CYAN
    assert SCORED_WIN[0] == "Job done"


def test_a_witness_who_saw_his_face_is_a_line_of_its_own(results):
    from game.mission.witnesses import Identification

    seen = replace(RESULT, identified=(
        Identification("the_player", "the Player, a gambler in the casino lot", 1.0),
        Identification("clerk", "the clerk", 0.25)))
    lines = results(seen)
    assert ("The Player, a gambler in the casino lot, saw your face (100%): the Detective "
            "will hear of it") in lines
    assert "The clerk saw your face (25%): the Detective will hear of it" in lines
