"""Settings: round trip through the file, atomic write, corrupt files kept aside."""

import json

import pytest

from game.input.settings import (
    CONFIG_DIR_ENV,
    SETTINGS_FILE,
    Settings,
    config_dir,
    load_settings,
    save_settings,
)


def test_missing_file_gives_defaults_quietly(tmp_path):
    settings, message = load_settings(tmp_path)
    assert settings == Settings()
    assert message is None


def test_round_trip_keeps_every_field(tmp_path):
    settings = Settings(volume=0.25, fullscreen=True, resolution=(1920, 1080), pad_dead_zone=0.3)
    settings.bindings["handbrake"] = ["left shift", "space"]
    save_settings(settings, tmp_path)
    loaded, message = load_settings(tmp_path)
    assert message is None
    assert loaded == settings
    assert [p.name for p in tmp_path.iterdir()] == [SETTINGS_FILE]  # no temp file left over


def test_env_var_chooses_the_directory(tmp_path, monkeypatch):
    monkeypatch.setenv(CONFIG_DIR_ENV, str(tmp_path / "cfg"))
    assert config_dir() == tmp_path / "cfg"
    save_settings(Settings(volume=0.5))
    assert json.loads((tmp_path / "cfg" / SETTINGS_FILE).read_text())["volume"] == 0.5


@pytest.mark.parametrize(
    ("content", "named"),
    [
        ("{not json", "not valid JSON"),
        ('{"volume": 7}', "'volume'"),
        ('{"bindings": {"fly": ["f"]}}', "'bindings.fly'"),
        ('{"resolution": "big"}', "'resolution'"),
        ('{"colour": "pink"}', "'colour'"),
        ("[1, 2]", "not a JSON object"),
    ],
)
def test_corrupt_file_gives_defaults_one_message_and_is_kept(tmp_path, content, named):
    (tmp_path / SETTINGS_FILE).write_text(content)
    settings, message = load_settings(tmp_path)
    assert settings == Settings()
    assert named in message and SETTINGS_FILE in message
    kept = tmp_path / f"{SETTINGS_FILE}.corrupt-1"
    assert kept.read_text() == content
    assert not (tmp_path / SETTINGS_FILE).exists()


def test_a_second_corrupt_file_does_not_overwrite_the_first(tmp_path):
    for content in ("{broken", "{broken again"):
        (tmp_path / SETTINGS_FILE).write_text(content)
        load_settings(tmp_path)
    assert (tmp_path / f"{SETTINGS_FILE}.corrupt-1").read_text() == "{broken"
    assert (tmp_path / f"{SETTINGS_FILE}.corrupt-2").read_text() == "{broken again"
