"""Starting the game: no display -> one message and exit code 2; the title menu registry."""

import os
import subprocess
import sys
from pathlib import Path

import pygame
import pytest

from game.app.settings_scene import SettingsScene
from game.app.title_menu import TITLE_ENTRIES, TitleEntry, register_title_entry, title_entries
from game.app.title_scene import TitleScene
from game.career.saves import DATA_DIR_ENV
from game.input.settings import load_settings
from tests.app.conftest import key_event

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("display", ["bogus-driver", "none-set"])
def test_no_display_prints_one_message_and_exits_2(tmp_path, display):
    env = {**os.environ, "FMW_CONFIG_DIR": str(tmp_path)}
    if display == "bogus-driver":
        env["SDL_VIDEODRIVER"] = "no-such-driver"
    else:  # a Linux box with no X11 or Wayland session (SDL would fall back to offscreen)
        for name in ("SDL_VIDEODRIVER", "DISPLAY", "WAYLAND_DISPLAY"):
            env.pop(name, None)
    result = subprocess.run([sys.executable, "-m", "game"], cwd=REPO, env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if "cannot open a window" in line]
    assert len(lines) == 1 and "display" in lines[0]


def test_title_lists_the_registry_in_order_and_runs_the_chosen_entry(app, monkeypatch,
                                                                      tmp_path):
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "data"))  # no career saved
    chosen = []
    monkeypatch.setattr("game.app.title_menu.TITLE_ENTRIES", list(TITLE_ENTRIES))
    register_title_entry("Jobs", lambda a: chosen.append(a), order=20)
    labels = [e.label for e in title_entries()]
    assert labels == ["Continue", "New career", "Free Drive", "Jobs", "Settings", "Quit"]
    title = TitleScene()
    app.push(title)
    app.step_frame([key_event(pygame.K_DOWN)] * 2, 1 / 60)  # Continue is not offered
    app.step_frame([key_event(pygame.K_RETURN)], 1 / 60)
    assert chosen == [app]
    app.step_frame([key_event(pygame.K_UP)] * 3 + [key_event(pygame.K_RETURN)], 1 / 60)
    assert not app.running  # wrapped round to Quit


def test_the_title_offers_continue_only_once_a_career_is_saved(app, monkeypatch, tmp_path):
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "data"))
    title = TitleScene()
    app.push(title)
    app.step_frame([], 1 / 60)
    assert [i.text() for i in title.items][:2] == ["New career", "Free Drive"]
    app.step_frame([key_event(pygame.K_RETURN)], 1 / 60)  # New career: saved at once
    assert app.scenes[-1] is not title
    app.back_to_first()
    app.step_frame([], 1 / 60)
    assert [i.text() for i in title.items][:3] == ["Continue", "New career", "Free Drive"]
    assert title.items[title.selected].text() == "New career"  # the cursor stays put


def test_string_openers_are_imported_only_when_chosen(app):
    entry = TitleEntry("Settings", "game.app.settings_scene:open_settings")
    entry.open(app)
    assert isinstance(app.scenes[-1], SettingsScene)


def test_rebinding_in_settings_is_saved_and_used(app):
    app.push(TitleScene())
    app.push(SettingsScene(app))
    scene = app.scenes[-1]
    handbrake_row = next(k for k, item in enumerate(scene.items)
                         if item.text().startswith("Handbrake"))
    scene.selected = handbrake_row
    app.step_frame([key_event(pygame.K_RETURN)], 1 / 60)  # waits for a key
    app.step_frame([key_event(pygame.K_LSHIFT)], 1 / 60)
    assert app.settings.bindings["handbrake"][0] == "left shift"
    app.step_frame([key_event(pygame.K_ESCAPE)], 1 / 60)  # leave: apply and save
    saved, message = load_settings()
    assert message is None and saved.bindings["handbrake"][0] == "left shift"
    app.input.handle_event(key_event(pygame.K_LSHIFT))
    assert app.input.control_row()[3] == 1.0


def test_headless_parts_never_import_pygame():
    code = ("import sys; import game.session.drive, game.session.replay, game.app.replay, "
            "game.mission.replays, game.app.mission_command, "
            "game.input.settings, game.audio.synth, game.app.main; "
            "print('pygame' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True,
                            text=True, timeout=60)
    assert result.stdout.strip() == "False", result.stderr


def test_a_bad_map_is_one_line_and_exit_1_before_any_window(tmp_path):
    broken = tmp_path / "broken.tmx"
    broken.write_text("<map><oops")
    env = {**os.environ, "SDL_VIDEODRIVER": "no-such-driver", "FMW_CONFIG_DIR": str(tmp_path)}
    result = subprocess.run([sys.executable, "-m", "game", "play", "--map", str(broken)],
                            cwd=REPO, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and "broken.tmx" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_windowed_resolutions_fit_the_desktop_and_run_small_to_big():
    from game.app.settings_scene import window_sizes

    laptop = window_sizes((1280, 720), (1366, 768), fullscreen=False)
    assert laptop == [(960, 540), (1280, 720)]
    assert (1920, 1080) in window_sizes((1280, 720), (1366, 768), fullscreen=True)
    big = window_sizes((1280, 720), (2560, 1440), fullscreen=False)
    assert big == sorted(big, key=lambda s: s[0] * s[1]) and (1920, 1080) in big
    assert (3000, 2000) in window_sizes((3000, 2000), (1366, 768), fullscreen=False)


def test_play_map_takes_a_bare_name_and_says_where_it_starts(tmp_path):
    # no display here: the map loads, the line is printed, then the window cannot open
    env = {**os.environ, "SDL_VIDEODRIVER": "no-such-driver", "FMW_CONFIG_DIR": str(tmp_path)}
    result = subprocess.run([sys.executable, "-m", "game", "play", "--map", "garage"],
                            cwd=REPO, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 2, result.stderr  # no display
    garage = REPO / "levels" / "maps" / "garage.tmx"
    assert result.stdout.startswith(
        f"free drive on garage ({garage}) at spawn 'player_start': (")
    assert " m, tile (" in result.stdout and " px, heading " in result.stdout
    result = subprocess.run([sys.executable, "-m", "game", "play", "--map", "garag"],
                            cwd=REPO, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert result.stderr.startswith("play: no map 'garag' (did you mean 'garage'?) (maps: ")
