"""bench --render: frames are drawn and timed, output as a table or one JSON object."""

import argparse
import json

import pytest

from game.render import bench
from tests.render.testmap import write_test_map


@pytest.fixture
def small_map(tmp_path, monkeypatch):
    path = write_test_map(tmp_path, traffic=True)
    monkeypatch.setattr("game.app.drive_scene.FREE_DRIVE_MAP", path)
    monkeypatch.setattr("sys.argv", ["game", "bench", "--render", "--cars", "12"])
    return path


def test_json_has_the_frame_figures(small_map, capsys):
    args = argparse.Namespace(cars="12", steps=20, warmup=2, seed=0, json=True, repeat=2)
    assert bench.run(args) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["scenario"] == "render" and result["frames"] == 20 and result["runs"] == 2
    assert result["cars"] == 12
    assert 0 < result["frame_ms_p50"] <= result["frame_ms_p99"] <= result["frame_ms_max"]
    assert result["frame_cpu_ms_p50"] > 0


def test_a_missing_map_is_one_message_and_exit_2(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr("game.render.bench.RENDER_MAP", tmp_path / "nowhere.tmx")
    args = argparse.Namespace(cars="12", steps=5, warmup=0, seed=0, json=False, repeat=1)
    assert bench.run(args) == 2
    err = capsys.readouterr().err
    assert "nowhere.tmx" in err and err.count("\n") == 1
