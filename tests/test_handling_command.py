"""``python -m game handling``: the sheet as a table or JSON, headless; a bad class is one line."""

import json
import subprocess
import sys

import pytest

from game import cli, handling
from game.sim.handling import HandlingSheet

#: a sheet as measure() makes them (the figures are checked in tests/sim/test_handling.py)
SHEET = HandlingSheet(
    vehicle_class="muscle", aids=3, zero_to_100_s=5.25, top_speed_kmh=221.4,
    top_speed_damaged_kmh=190.2, braking_100_m=38.5, skidpad_g=0.93, drift_window_ms=400.0,
    drift_release_ms=(1200.0, 1583.3), drift_turn_in_m=8.0,
    wall_damage={"head-on 30 km/h": 0.06, "head-on 60 km/h": 0.25},
)


@pytest.fixture
def measured(monkeypatch):
    asked = []
    monkeypatch.setattr(handling, "measure", lambda cls, aids: asked.append((cls, aids)) or SHEET)
    return asked


def test_json_is_the_sheet_for_the_class_asked(measured, capsys):
    assert cli.main(["handling", "--class", "Muscle", "--json", "--no-aids"]) == 0
    assert json.loads(capsys.readouterr().out) == json.loads(json.dumps(SHEET.as_dict()))
    assert [(cls.name, aids) for cls, aids in measured] == [("MUSCLE", 0)]


def test_the_table_names_every_figure(measured, capsys):
    assert cli.main(["handling"]) == 0
    out = capsys.readouterr().out
    for text in ("5.2 s", "221 km/h (190 km/h at 50% damage)", "38.5 m", "0.93 g",
                 "400 ms (let go of the steer 1200-1583 ms after turn-in, 8 m before",
                 "head-on 60 km/h 0.25"):
        assert text in out
    assert measured[0][0].name == "DRIVER" and measured[0][1] == 3


def test_an_unknown_class_is_one_line_and_exit_2(measured, capsys):
    assert cli.main(["handling", "--class", "hovercraft"]) == 2
    error = capsys.readouterr().err
    assert error.startswith("handling: unknown vehicle class 'hovercraft'; expected one of")
    assert error.count("\n") == 1 and not measured


def test_the_command_never_imports_pygame():
    code = "import sys, game.handling, game.sim.handling; print('pygame' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
