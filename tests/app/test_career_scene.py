"""The career in the window: New career and Continue from the title, the Handler's board,
a job taken from it and its results with what they did to the career (saved at once),
turning a job down, Shannon's garage, the Detective's file, a save that cannot be used
(its backup offered), the endings' screens (an ended career is never resumed), the
night's drive from the apartment or the garage (a bust booked), and jobs from a
designer's levels folder on the board."""

from dataclasses import replace

import pygame
import pytest

from game.app.career_scene import CareerScene, continue_entry, new_career_entry, open_career_scene
from game.app.career_screens import CareerResultsScene, GarageScene, OfferScene, ReadingScene
from game.app.job_scene import BriefingScene, JobScene
from game.app.title_scene import TitleScene
from game.career.model import new_career
from game.career.saves import DATA_DIR_ENV, LoadStatus, load_career, save_career, save_path
from tests.app.conftest import key_event
from tests.career.helpers import a_result, write_career_jobs


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "data"))
    return tmp_path / "data"


def press(app, *keys, frame_s=1 / 60):
    app.step_frame([key_event(k) for k in keys], frame_s)


def choose(app, label):
    """Move the top menu's cursor to the item starting with ``label`` and select it."""
    menu = app.scenes[-1]
    texts = [item.text() for item in menu.items]
    index = next(i for i, text in enumerate(texts) if text.startswith(label))
    menu.selected = index
    press(app, pygame.K_RETURN)


@pytest.fixture
def career_app(app, data_dir, tmp_path):
    """The career screen over the title, on the two short test jobs."""
    missions = write_career_jobs(tmp_path / "levels")
    app.push(TitleScene())
    slot = data_dir / "careers" / "1"
    open_career_scene(app, slot, new_career(seed=3), missions=missions)
    return app, slot


def test_new_career_from_the_title_is_saved_in_a_new_slot(app, data_dir):
    app.push(TitleScene())
    new_career_entry(app)
    assert isinstance(app.scenes[-1], CareerScene)
    assert load_career(data_dir / "careers" / "1").status is LoadStatus.LOADED
    app.pop()
    new_career_entry(app)  # a second new career never overwrites the first
    assert (data_dir / "careers" / "2" / "career.json").is_file()


def test_continue_with_nothing_saved_says_so(app, data_dir):
    app.push(TitleScene())
    continue_entry(app)
    assert app.notice.startswith("No career saved yet") and len(app.scenes) == 1


def test_a_job_from_the_board_runs_and_its_results_go_into_the_career(career_app):
    app, slot = career_app
    choose(app, "The Handler's board")
    board = app.scenes[-1]
    assert board.items[0].text() == "Late job: $800, medium risk"
    assert "Lie low tonight" in [i.text() for i in board.items]
    choose(app, "Late job")
    assert isinstance(app.scenes[-1], OfferScene)
    choose(app, "Take the job")
    assert isinstance(app.scenes[-1], BriefingScene)
    press(app, pygame.K_RETURN)
    job = app.scenes[-1]
    assert isinstance(job, JobScene)
    assert job.runtime.plate == load_career(slot).career.car.plate  # his car, his plate
    press(app, pygame.K_TAB)  # the autopilot drives it
    for _ in range(3000):
        if isinstance(app.scenes[-1], CareerResultsScene):
            break
        app.step_frame([], 0.1)
    results = app.scenes[-1]
    assert isinstance(results, CareerResultsScene)
    lines = [text for text, _ in results.lines()]
    assert any(text.startswith("For the Detective's file: Cook") for text in lines)
    saved = load_career(slot).career  # saved as the results came up
    assert [r.result.mission for r in saved.jobs] == ["late"] and saved.night == 2
    press(app, pygame.K_RETURN)  # Continue
    assert isinstance(app.scenes[-1], CareerScene)
    choose(app, "The Detective's file")
    dossier = app.scenes[-1]
    assert isinstance(dossier, ReadingScene)
    texts = [text for text, _ in dossier.lines]
    assert "Crew left behind" in texts
    assert any(text.startswith("Night 1, Cook, left behind on Late job:") for text in texts)
    press(app, pygame.K_ESCAPE)
    choose(app, "Jobs done")
    assert app.scenes[-1].lines[0][0] == "Night 1: Late job for a man at the bar"


def test_turning_a_job_down_costs_reputation_and_takes_it_off_the_board(career_app):
    app, slot = career_app
    choose(app, "The Handler's board")
    choose(app, "Late job")
    choose(app, "Turn it down")
    board = app.scenes[-1]
    assert not any(i.text().startswith("Late job") for i in board.items)
    assert load_career(slot).career.reputation == -1
    choose(app, "Lie low tonight")
    assert load_career(slot).career.night == 2
    assert app.scenes[-1].title == "Night 2: the Handler"


def test_shannon_resprays_for_money_and_refuses_without(career_app):
    app, slot = career_app
    choose(app, "Shannon's garage")
    garage = app.scenes[-1]
    assert isinstance(garage, GarageScene)
    plate = load_career(slot).career.car.plate
    choose(app, "Respray and new plates")
    sprayed = load_career(slot).career
    assert sprayed.car.plate != plate and sprayed.money == 0
    choose(app, "Buy a four-door sedan")
    assert "you have $0" in garage.note and len(load_career(slot).career.cars) == 1


def test_an_unusable_save_offers_its_backup_from_the_title(app, data_dir):
    slot = data_dir / "careers" / "1"
    save_career(slot, new_career(seed=1))
    save_career(slot, new_career(seed=2))
    save_path(slot).write_bytes(b"\x00 torn")
    app.push(TitleScene())
    continue_entry(app)
    offer = app.scenes[-1]
    assert "corrupt-1" in app.notice and "backup from night 1" in app.notice
    assert offer.items[0].text() == "Continue from the backup (night 1)"
    press(app, pygame.K_RETURN)
    assert isinstance(app.scenes[-1], CareerScene)
    assert app.scenes[-1].play.career.seed == 1


def test_closing_the_game_saves_the_career(career_app):
    app, slot = career_app
    scene = app.scenes[-1]
    save_path(slot).unlink()
    app.close()
    assert load_career(slot).career == scene.play.career


def test_an_ended_career_opens_on_its_ending_and_is_never_resumed(app, data_dir):
    from game.app.career_screens import EndingScene

    slot = data_dir / "careers" / "1"
    over = replace(new_career(seed=1), night=4, money=20500, ending="arrested",
                   ended="arrested on night 3 after Pawn Shop: the Detective had enough")
    save_career(slot, over)
    app.push(TitleScene())
    continue_entry(app)
    ending = app.scenes[-1]
    assert isinstance(ending, EndingScene) and ending.heading[0] == "Arrested"
    texts = [text for text, _ in ending.lines()]
    assert texts[0] == "The Detective got his man."
    assert texts[1].startswith("Arrested on night 3 after Pawn Shop")
    assert "Money: $20,500" in texts and "Nights: 3" in texts
    press(app, pygame.K_ESCAPE)  # back to the title, not into the career
    assert isinstance(app.scenes[-1], TitleScene)
    continue_entry(app)
    press(app, pygame.K_ESCAPE)
    continue_entry(app)
    assert isinstance(app.scenes[-2], CareerScene)  # under the ending: no board, no drive
    labels = [item.text() for item in app.scenes[-2].items]
    assert labels[0] == "The record" and not any("board" in label for label in labels)
    assert load_career(slot).career == over  # still ended, as saved


def test_the_last_jobs_results_lead_on_to_the_ending(career_app):
    from game.app.career_screens import EndingScene
    from game.career.consequences import Consequences

    app, slot = career_app
    play = app.scenes[-1].play
    why = "drove into the night after Late job, the last job there was, on night 1"
    play.update(app, replace(play.career, ended=why, ending="into_the_night"))
    changed = Consequences(500, 2, (), 0.0, 0.0, why)
    mission = play.catalogue.mission("short")
    app.push(CareerResultsScene(app, a_result(mission="short"), mission, changed, play))
    assert any(text.startswith("The career is over: drove into the night")
               for text, _ in app.scenes[-1].lines())
    press(app, pygame.K_RETURN)  # Continue
    ending = app.scenes[-1]
    assert isinstance(ending, EndingScene) and ending.heading[0] == "Into the night"
    assert load_career(slot).career.ending == "into_the_night"


def test_the_nights_drive_starts_where_he_was_and_a_bust_is_booked(career_app):
    from game.app.career_screens import CareerBustedScene
    from game.app.drive_scene import DriveScene
    from game.session.events import Busted

    app, slot = career_app
    career_screen = app.scenes[-1]
    drive = next(i for i, item in enumerate(career_screen.items)
                 if item.text().startswith("Drive through the night"))
    assert career_screen.items[drive].text() == "Drive through the night from the apartment"
    choose(app, "Shannon's garage")
    press(app, pygame.K_ESCAPE)
    assert load_career(slot).career.whereabouts == "garage"  # he was at Shannon's
    assert career_screen.items[drive].text() == "Drive through the night from Shannon's garage"
    career_screen.selected = drive
    press(app, pygame.K_LEFT)  # the player may choose
    assert career_screen.items[drive].text() == "Drive through the night from the apartment"
    press(app, pygame.K_RIGHT)
    press(app, pygame.K_RETURN)
    scene = app.scenes[-1]
    assert isinstance(scene, DriveScene)
    session = scene.session
    spawn = session.level.spawns["garage_start"]
    assert (session.world.x[session.player], session.world.y[session.player]) == \
        pytest.approx((spawn.x, spawn.y))
    session.law.busted = Busted("busted: stopped for 3 s on Alameda St with a unit against you",
                                session.world.time)
    app.step_frame([], 1 / 60)
    busted = app.scenes[-1]
    assert isinstance(busted, CareerBustedScene)
    assert busted.lines()[0][0].startswith("Busted: stopped for 3 s on Alameda St")
    saved = load_career(slot).career
    assert saved.night == 2 and saved.file[-1].source == "arrest" and not saved.over
    press(app, pygame.K_RETURN)
    assert app.scenes[-1] is career_screen  # a new night, from the apartment
    assert career_screen.items[drive].text() == "Drive through the night from the apartment"


def test_the_board_offers_the_jobs_of_a_designers_levels_folder(app, data_dir, tmp_path,
                                                               monkeypatch):
    from game import resources
    from tests.career.helpers import write_mission

    mine = tmp_path / "mine"
    write_mission(mine / "missions", "heist", client="a designer", payout=99_999,
                  career='place = "the warehouse"')
    monkeypatch.setenv(resources.LEVELS_ENV, str(mine))
    app.push(TitleScene())
    open_career_scene(app, data_dir / "careers" / "1", new_career(seed=3))
    choose(app, "The Handler's board")
    assert app.scenes[-1].items[0].text() == "Heist: $99,999, medium risk"
