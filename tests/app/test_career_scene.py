"""The career in the window: New career and Continue from the title, the Handler's board,
a job taken from it and its results with what they did to the career (saved at once),
turning a job down, Shannon's garage, the Detective's file, and a save that cannot be
used (its backup offered)."""

import pygame
import pytest

from game.app.career_scene import CareerScene, continue_entry, new_career_entry, open_career_scene
from game.app.career_screens import CareerResultsScene, GarageScene, OfferScene, ReadingScene
from game.app.job_scene import BriefingScene, JobScene
from game.app.title_scene import TitleScene
from game.career.model import new_career
from game.career.saves import DATA_DIR_ENV, LoadStatus, load_career, save_career, save_path
from tests.app.conftest import key_event
from tests.career.helpers import write_career_jobs


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
