"""play --record and replay: the same map, seed and control rows drive the same world."""

import argparse
import json

import numpy as np
import pygame
import pytest

from game.app import replay
from game.app.drive_scene import open_free_drive
from game.app.recording import Recording, load_recording
from game.problems import FileProblem
from tests.app.conftest import key_event
from tests.render.testmap import write_test_map

FRAME_S = 1 / 60


def test_a_recorded_drive_replays_to_the_same_state(app, tmp_path, capsys):
    map_path = write_test_map(tmp_path / "map", traffic=True)
    app.record_path = tmp_path / "drive.npz"
    app.seed = 5
    assert open_free_drive(app, map_path)
    session = app.scenes[-1].session
    keys = {0: [key_event(pygame.K_UP)], 60: [key_event(pygame.K_RIGHT)],
            100: [key_event(pygame.K_RIGHT, down=False), key_event(pygame.K_SPACE)]}
    for frame in range(180):
        app.step_frame(keys.get(frame, []), FRAME_S)
    expected = session.world.state_hash()
    app.close()  # the drive ends: the recording is written

    recording = load_recording(tmp_path / "drive.npz")
    assert recording.seed == 5 and recording.controls.shape == (180, 4)
    assert replay.run(argparse.Namespace(path=tmp_path / "drive.npz", headless=True)) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["ticks"] == 180
    assert result["state_hash"] == expected


def test_damaged_recordings_are_one_message(tmp_path, capsys):
    broken = tmp_path / "broken.npz"
    broken.write_bytes(b"not a zip")
    assert replay.run(argparse.Namespace(path=broken, headless=True)) == 1
    err = capsys.readouterr().err
    assert "broken.npz" in err and err.count("\n") == 1
    bad_shape = Recording("x.tmx", 0, np.zeros((3, 2))).save(tmp_path / "s.npz")
    with pytest.raises(FileProblem, match="controls"):
        load_recording(bad_shape)
