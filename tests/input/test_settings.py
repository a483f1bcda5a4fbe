"""Settings: round trip through the file, atomic write, corrupt files kept aside, and any
settings.json whatever its bytes gives the defaults and one message."""

import errno
import json
import os

import pytest

from game.input.settings import (
    CONFIG_DIR_ENV,
    DEFAULT_BINDINGS,
    SETTINGS_FILE,
    Settings,
    config_dir,
    load_settings,
    save_settings,
    settings_to_dict,
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


# -- issue 9: whatever settings.json holds, the game starts -------------------------------

def assert_defaults_and_one_line(tmp_path, said: str) -> str:
    settings, message = load_settings(tmp_path)
    assert settings == Settings()
    assert message is not None and "\n" not in message
    assert message.startswith(f"{tmp_path / SETTINGS_FILE}: ") and said in message
    return message


@pytest.mark.parametrize(
    ("content", "said"),
    [
        (b"\xff\xfe{\x00\"volume\"", "not UTF-8 text (byte 0)"),
        (b'{"volume": 0.5, "x": "\xe9"}', "not UTF-8 text (byte 22)"),
        (b"[" * 20_000 + b"]" * 20_000, "nested too deeply to read"),
        (b'{"volume": ' + b"9" * 5000 + b"}", "not valid JSON (Exceeds the limit"),
        (b'{"volume": NaN}', "'volume' must be a number from 0 to 1"),
        (b'{"pad_dead_zone": Infinity}', "'pad_dead_zone' must be a number"),
        (b'{"bindings": {"throttle": "up"}}', "'bindings.throttle' must be a list of key names"),
        (b"", "not valid JSON (line 1: Expecting value)"),
    ],
)
def test_any_bytes_give_defaults_one_message_and_the_file_kept(tmp_path, content, said):
    (tmp_path / SETTINGS_FILE).write_bytes(content)
    message = assert_defaults_and_one_line(tmp_path, said)
    assert message.endswith("using default settings (kept the file as settings.json.corrupt-1)")
    assert (tmp_path / f"{SETTINGS_FILE}.corrupt-1").read_bytes() == content


def test_a_file_over_the_limit_is_not_read(tmp_path):
    from game.input.settings import MAX_SETTINGS_BYTES

    size = MAX_SETTINGS_BYTES + 1
    (tmp_path / SETTINGS_FILE).write_bytes(b" " * size)
    assert_defaults_and_one_line(tmp_path, f"cannot be used: it is {size:,} bytes")


def test_a_folder_named_settings_json_is_moved_aside(tmp_path):
    (tmp_path / SETTINGS_FILE).mkdir()
    (tmp_path / SETTINGS_FILE / "inside").write_text("kept")
    assert_defaults_and_one_line(tmp_path, "is not a regular file")
    assert (tmp_path / f"{SETTINGS_FILE}.corrupt-1" / "inside").read_text() == "kept"
    save_settings(Settings(volume=0.3), tmp_path)  # and saving works again
    assert load_settings(tmp_path) == (Settings(volume=0.3), None)


def test_a_pipe_named_settings_json_does_not_block_the_start(tmp_path):
    import threading

    os.mkfifo(tmp_path / SETTINGS_FILE)
    answer = []
    loading = threading.Thread(target=lambda: answer.append(load_settings(tmp_path)))
    loading.start()
    loading.join(timeout=10)  # reading a pipe nobody writes to would wait forever
    assert not loading.is_alive()
    settings, message = answer[0]
    assert settings == Settings() and "is not a regular file" in message


def test_a_corrupt_file_in_a_read_only_folder_gives_defaults_and_stays(tmp_path, monkeypatch):
    (tmp_path / SETTINGS_FILE).write_text("{broken")
    tmp_path.chmod(0o555)
    if os.geteuid() == 0:  # root may rename anyway: refuse it the way the folder would
        def refuse(source, target):
            raise PermissionError(errno.EACCES, "Permission denied")

        monkeypatch.setattr(os, "replace", refuse)
    try:
        message = assert_defaults_and_one_line(tmp_path, "not valid JSON")
    finally:
        tmp_path.chmod(0o755)
    assert message.endswith("(could not move the file aside: Permission denied)")
    assert (tmp_path / SETTINGS_FILE).read_text() == "{broken"


def test_a_byte_order_mark_is_accepted(tmp_path):
    (tmp_path / SETTINGS_FILE).write_bytes(b'\xef\xbb\xbf{"volume": 0.5}')
    assert load_settings(tmp_path) == (Settings(volume=0.5), None)


def test_unknown_key_names_are_named_and_their_actions_keep_the_defaults(tmp_path):
    content = json.dumps({"volume": 0.4, "bindings": {
        "throttle": ["upp", "w"], "brake": ["down"], "horn": ["no such key", "h"]}})
    (tmp_path / SETTINGS_FILE).write_text(content)
    settings, message = load_settings(tmp_path)
    assert settings.volume == 0.4 and settings.bindings["brake"] == ["down"]
    assert settings.bindings["throttle"] == list(DEFAULT_BINDINGS["throttle"])
    assert settings.bindings["horn"] == list(DEFAULT_BINDINGS["horn"])
    assert message == (f"{tmp_path / SETTINGS_FILE}: unknown key names in the bindings "
                       "(throttle 'upp'; horn 'no such key'): those actions keep their "
                       "default keys")
    assert (tmp_path / SETTINGS_FILE).read_text() == content  # a good file is not moved


def test_leftovers_of_a_killed_save_are_cleaned_at_load(tmp_path):
    save_settings(Settings(volume=0.6), tmp_path)
    for n in range(5):
        (tmp_path / f".{SETTINGS_FILE}.x{n}.tmp").write_text('{"vol')
    assert load_settings(tmp_path) == (Settings(volume=0.6), None)
    assert [p.name for p in tmp_path.iterdir()] == [SETTINGS_FILE]


def test_saves_go_through_the_one_atomic_write(tmp_path, monkeypatch):
    import game.input.settings as settings_module

    written = []
    monkeypatch.setattr(settings_module, "atomic_write_text",
                        lambda path, text: written.append((path, json.loads(text))))
    save_settings(Settings(volume=0.2), tmp_path)
    assert written == [(tmp_path / SETTINGS_FILE, settings_to_dict(Settings(volume=0.2)))]


# -- issue 10: two keys and two pad buttons per action; files from before still load ------

def test_two_keys_and_two_pad_buttons_per_action_are_saved_and_loaded(tmp_path):
    settings = Settings()
    settings.bindings["throttle"] = ["i", "up"]
    settings.pad_bindings["throttle"] = ["rightshoulder", "a"]
    settings.pad_bindings["handbrake"] = ["x"]
    save_settings(settings, tmp_path)
    saved = json.loads((tmp_path / SETTINGS_FILE).read_text())
    assert saved["version"] == 2
    assert saved["bindings"]["throttle"] == {"keys": ["i", "up"], "pad": ["rightshoulder", "a"]}
    loaded, message = load_settings(tmp_path)
    assert message is None and loaded == settings
    assert loaded.bindings["throttle"] == ["i", "up"]
    assert loaded.pad_bindings["throttle"] == ["rightshoulder", "a"]


def test_a_settings_file_from_before_is_migrated(tmp_path):
    old = {"bindings": {"throttle": ["i", "w", "up"], "horn": ["left shift"]}, "volume": 0.3,
           "fullscreen": False, "resolution": [1600, 900], "pad_dead_zone": 0.2}
    (tmp_path / SETTINGS_FILE).write_text(json.dumps(old))
    settings, message = load_settings(tmp_path)
    assert message is None and settings.volume == 0.3 and settings.resolution == (1600, 900)
    assert settings.bindings["throttle"] == ["i", "w"]  # two keys an action now
    assert settings.bindings["horn"] == ["left shift"]
    assert settings.bindings["map"] == list(DEFAULT_BINDINGS["map"])  # new actions: defaults
    assert settings.pad_bindings == Settings().pad_bindings
    save_settings(settings, tmp_path)  # the next save writes the new shape
    assert json.loads((tmp_path / SETTINGS_FILE).read_text())["bindings"]["horn"] == {
        "keys": ["left shift"], "pad": ["b"]}
    assert load_settings(tmp_path) == (settings, None)


@pytest.mark.parametrize(("bindings", "said"), [
    ({"throttle": {"keys": ["i", "w", "up"]}},
     "'bindings.throttle.keys' has 3 key names; at most 2"),
    ({"horn": {"pad": ["a", "b", "x"]}}, "'bindings.horn.pad' has 3 pad button names; at most 2"),
    ({"horn": ["h"]}, "'bindings.horn' must be an object with 'keys' and 'pad'"),
    ({"horn": {"keys": ["h"], "stick": []}}, "'bindings.horn.stick' is not 'keys' or 'pad'"),
])
def test_a_bad_binding_of_the_new_shape_is_named(tmp_path, bindings, said):
    (tmp_path / SETTINGS_FILE).write_text(json.dumps({"version": 2, "bindings": bindings}))
    assert_defaults_and_one_line(tmp_path, said)


def test_an_unknown_pad_button_is_named_and_its_action_keeps_the_default(tmp_path):
    content = {"version": 2, "bindings": {"horn": {"keys": ["h"], "pad": ["z"]},
                                          "lights": {"pad": ["leftshoulder"]}}}
    (tmp_path / SETTINGS_FILE).write_text(json.dumps(content))
    settings, message = load_settings(tmp_path)
    assert settings.pad_bindings["horn"] == ["b"] and settings.pad_bindings["lights"] == [
        "leftshoulder"]
    assert message == (f"{tmp_path / SETTINGS_FILE}: unknown pad button names in the bindings "
                       "(horn 'z'): those actions keep their default buttons")
