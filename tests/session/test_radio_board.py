"""The radio line on the HUD: lines heard on one tick are all shown, one after another
(the helper's play test lost "Unit 2 of 2 responding" under "Roadblock set on ...")."""

from game.session.drive import DriveSession, FreeDriveRules
from game.session.events import RadioLine
from game.session.radio import RADIO_NEXT_S, RADIO_SHOW_S, RADIO_WAITING, RadioBoard
from tests.mission.tiny import tiny_level


def test_lines_heard_together_are_shown_in_turn_and_the_last_stays_its_time():
    board = RadioBoard()
    for text in ("Unit 2 of 2 responding.", "Roadblock set on 6th St.", "Air 7 is up."):
        board.hear(text)
    shown = [(t / 10, board.shown(t / 10)) for t in range(0, 160)]  # 16 s at 0.1 s
    changes = [(time, text) for k, (time, text) in enumerate(shown)
               if k == 0 or text != shown[k - 1][1]]
    assert [text for _, text in changes] == [
        "Unit 2 of 2 responding.", "Roadblock set on 6th St.", "Air 7 is up.", ""]
    assert [round(time, 1) for time, _ in changes] == [
        0.0, RADIO_NEXT_S, 2 * RADIO_NEXT_S, 2 * RADIO_NEXT_S + RADIO_SHOW_S]


def test_a_line_alone_stays_up_its_whole_time_and_a_backlog_drops_its_oldest():
    board = RadioBoard()
    board.hear("Contact lost on Hill St.")
    assert board.shown(0.0) == board.shown(RADIO_SHOW_S - 0.1) == "Contact lost on Hill St."
    assert board.shown(RADIO_SHOW_S) == ""
    for k in range(RADIO_WAITING + 2):
        board.hear(f"line {k}")
    assert board.shown(10.0) == "line 2"  # lines 0 and 1 were stale before their turn
    assert list(board.waiting) == [f"line {k}" for k in range(3, RADIO_WAITING + 2)]


class TwoLinesAtOnce(FreeDriveRules):
    """Free drive whose rules put two lines on the radio on the first tick (as a job's
    scanner action and the law can)."""

    TEXTS = ("Unit 1 of 1 responding to the pursuit.", "Roadblock set on Ring Rd.")

    def update(self, session, report) -> None:
        if session.world.tick == 1:
            session.events += [RadioLine(text, session.world.time) for text in self.TEXTS]


def test_every_radio_line_of_one_tick_reaches_the_view():
    session = DriveSession(tiny_level(), seed=1, rules=TwoLinesAtOnce())
    session.player = session.spawn("driver", 30.0, 10.0, 0.0)
    shown = []
    for _ in range(round((RADIO_NEXT_S + 1.0) / session.dt)):
        session.tick()
        if session.view.radio and session.view.radio not in shown:
            shown.append(session.view.radio)
    assert shown == list(TwoLinesAtOnce.TEXTS)
