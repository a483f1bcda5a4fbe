"""``python -m game bench``: output formats, the scenario registry, the peer, no pygame."""

import json
import subprocess
import sys
import textwrap
from pathlib import Path

from game import bench
from game.cli import main

FIELDS = {
    "scenario",
    "cars",
    "steps",
    "tick_hz",
    "seconds",
    "vehicle_steps_per_s",
    "step_ms_p50",
    "step_ms_p99",
    "first_step",
    "car_contacts",
    "wall_contacts",
}


def test_json_prints_one_object_per_run_of_a_sweep(capsys):
    assert main(["bench", "--cars", "40,90", "--steps", "5", "--warmup", "2", "--json"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [row["cars"] for row in rows] == [40, 90]
    for row in rows:
        assert row.keys() >= FIELDS
        assert row["scenario"] == "arena" and row["steps"] == 5 and row["tick_hz"] == 60.0
        assert row["finite"] and row["step_ms_p99"] >= row["step_ms_p50"] > 0
        assert row["controls_ms_p50"] >= 0
        assert row["controls_ms_p99"] >= row["controls_ms_p50"]
        assert row["vehicle_steps_per_s"] > 0


def test_repeat_reports_the_least_disturbed_run(monkeypatch, capsys):
    real = bench.time_scenario
    medians = iter([3.0, 1.0, 2.0])

    def timed(*args):
        row = real(*args)
        row["step_ms_p50"] = next(medians)  # as if other work slowed runs 1 and 3
        return row

    monkeypatch.setattr(bench, "time_scenario", timed)
    assert (
        main(["bench", "--cars", "30", "--steps", "3", "--warmup", "0", "--repeat", "3", "--json"])
        == 0
    )
    row = json.loads(capsys.readouterr().out)
    assert row["runs"] == 3 and row["step_ms_p50"] == 1.0


def test_human_output_is_a_table(capsys):
    assert main(["bench", "--cars", "30", "--steps", "3", "--warmup", "0"]) == 0
    header, row = capsys.readouterr().out.splitlines()
    assert header.split()[:2] == ["scenario", "cars"] and "step_ms_p50" in header
    assert row.split()[:4] == ["arena", "30", "0", "3"]


def test_peer_is_run_with_the_same_cars_and_steps(tmp_path, capsys):
    fake = tmp_path / "peer.py"
    fake.write_text(
        textwrap.dedent("""
        import sys
        n, steps = int(sys.argv[1]), int(sys.argv[2])
        rate = n * steps // 2
        print(f"pymunk n={n} steps={steps} seconds=2.000 vehicle_steps_per_s={rate} step_ms=400.0")
    """)
    )
    assert (
        main(
            [
                "bench",
                "--cars",
                "20",
                "--steps",
                "4",
                "--warmup",
                "0",
                "--json",
                "--peer",
                str(fake),
            ]
        )
        == 0
    )
    row = json.loads(capsys.readouterr().out)
    assert row["peer_vehicle_steps_per_s"] == 20 * 4 // 2 and row["peer_step_ms"] == 400.0
    assert row["speedup"] > 1


def test_missing_peer_or_bad_cars_is_one_clear_message(tmp_path, capsys):
    assert main(["bench", "--cars", "10", "--peer", str(tmp_path / "nope.py")]) == 2
    assert "nope.py not found" in capsys.readouterr().err
    assert main(["bench", "--cars", "ten"]) == 2
    assert "--cars" in capsys.readouterr().err


def test_a_scenario_whose_module_is_missing_exits_2(monkeypatch, capsys):
    monkeypatch.setitem(bench.SCENARIOS, "city", "game.ai.no_such_bench_module:build")
    assert main(["bench", "--scenario", "city", "--cars", "10"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "game.ai.no_such_bench_module" in err


def test_bench_never_imports_pygame():
    code = (
        "import sys; from game.cli import main; "
        "main(['bench', '--cars', '20', '--steps', '2', '--json']); "
        "assert 'pygame' not in sys.modules, 'pygame was imported'"
    )
    repo = Path(__file__).resolve().parents[1]
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, cwd=repo
    )
    assert done.returncode == 0, done.stderr


def test_a_long_warmup_times_the_later_steps_and_counts_their_contacts(capsys):
    from game.sim import arena

    argv = ["bench", "--cars", "120", "--warmup", "600", "--steps", "60", "--json"]
    assert main(argv) == 0
    row = json.loads(capsys.readouterr().out)
    assert row["first_step"] == 600 and row["steps"] == 60
    world, drive = arena.build(120, 0)  # the same run by hand: steps 600-660 are the timed ones
    car_contacts = wall_contacts = 0
    for tick in range(660):
        collisions = world.step(drive(world, tick)).collisions
        if tick >= 600:
            car_contacts += int((collisions.b >= 0).sum())
            wall_contacts += int((collisions.b < 0).sum())
    assert row["car_contacts"] == round(car_contacts / 60, 1) and car_contacts > 0
    assert row["wall_contacts"] == round(wall_contacts / 60, 1)
