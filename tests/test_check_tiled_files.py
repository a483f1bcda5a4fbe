"""``check`` on the Tiled files a designer has besides maps (issue 13, item 5): automapping
rule maps are skipped, templates get the command that detaches them (and that command,
run with the real Tiled, gives a map ``check`` passes), JSON maps and worlds are named as
unsupported with what to do."""

from __future__ import annotations

import os
import shutil
import subprocess

from game.level.validate import check_map
from tests.level.tmxgen import crossroads, write_tileset
from tests.test_check import run_check


def test_automapping_rule_maps_are_skipped_with_one_line(tmp_path):
    write_tileset(tmp_path)
    crossroads().write(tmp_path / "city.tmx")
    rules = tmp_path / "automap"
    rules.mkdir()
    write_tileset(rules)
    (rules / "rules.txt").write_text("walls.tmx\n")
    (rules / "walls.tmx").write_text("<map><layer name='input_ground'/></map>")
    (tmp_path / "rules_roads.tmx").write_text("<map/>")
    result = run_check(tmp_path)
    assert result.returncode == 0, result.stdout
    lines = result.stdout.strip().splitlines()
    assert lines[0] == (f"{tmp_path}: skipped 2 Tiled automapping rule map(s) "
                        "(automap/walls.tmx, rules_roads.tmx): rules, not game maps")
    assert lines[-1] == "1 file(s) checked, no problems"


def test_json_maps_and_worlds_are_named_with_what_to_do(tmp_path):
    (tmp_path / "city.tmj").write_text("{}")
    (tmp_path / "la.world").write_text("{}")
    result = run_check(tmp_path / "city.tmj", tmp_path / "la.world")
    assert result.returncode == 1
    assert result.stdout.splitlines()[:2] == [
        f"{tmp_path / 'city.tmj'}: is a Tiled JSON map; the game reads .tmx maps: in Tiled, "
        "File > Save As... > .tmx (or: tiled --export-map NAME.tmj NAME.tmx)",
        f"{tmp_path / 'la.world'}: is a Tiled world file; the game reads one map at a "
        "time: name its .tmx map",
    ]


def test_the_template_message_names_the_command_that_detaches_it(tmp_path):
    write_tileset(tmp_path)
    (tmp_path / "lot.tx").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<template>\n'
        ' <object name="stamped" type="place" width="256" height="256">\n'
        '  <properties>\n   <property name="label" value="The lot"/>\n  </properties>\n'
        " </object>\n</template>\n")
    spec = crossroads()
    spec.objects["zones"].append(' <object id="10" template="lot.tx" x="32" y="928"/>')
    spec.next_id = 11
    path = spec.write(tmp_path / "city.tmx")
    (line,) = [str(p) for p in check_map(path)]
    command = "tiled --export-map --detach-templates city.tmx city-detached.tmx"
    assert line.endswith(command)
    tiled = shutil.which("tiled")
    assert tiled, "tiled is not installed: apt-get install tiled (./dev test does)"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.setdefault("XDG_RUNTIME_DIR", "/tmp")
    done = subprocess.run([tiled, *command.split()[1:]], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    detached = tmp_path / "city-detached.tmx"
    assert check_map(detached) == []
    assert 'name="stamped"' in detached.read_text()
