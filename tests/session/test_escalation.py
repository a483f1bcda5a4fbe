"""The police table (levels/police.toml): the shipped one loads; a broken copy is one
problem per fault, named by key, and the loader refuses it; check reads it too."""

import numpy as np
import pytest

from game.check import check_file
from game.problems import FileProblem
from game.session.escalation import POLICE_FILE, load_escalation, read_escalation
from game.session.offences import Offence

SHIPPED = POLICE_FILE.read_text(encoding="utf-8")


def broken(tmp_path, old: str, new: str):
    assert old in SHIPPED
    path = tmp_path / "police.toml"
    path.write_text(SHIPPED.replace(old, new, 1), encoding="utf-8")
    return path


def test_the_shipped_table_loads_with_a_row_per_offence_and_rising_levels():
    table = load_escalation()
    assert table.points_calm.shape == (len(Offence),)
    assert [lv.at for lv in table.levels] == sorted(lv.at for lv in table.levels)
    assert table.levels[0].at == 0.0 and table.pursuit_heat == 1.0
    assert table.level_at(0.2) == 0 and table.levels[table.level_at(4.5)].helicopter
    assert set(table.difficulties) == {"easy", "normal", "hard"}
    assert table.sight.cone_range_m == 90.0
    assert np.isclose(np.degrees(table.sight.cone_half_angle), 55.0)
    assert check_file(POLICE_FILE) == []


@pytest.mark.parametrize("old, new, where, says", [
    ("[offences.fleeing]", "[offences.fleing]", "offences.fleing", "unknown key"),
    ("calm = 0.7\n", "calm = nan\n", "offences.red_light.calm", "must be from 0 to 5"),
    ("calm = 0.7\n", "calm = 'lots'\n", "offences.red_light.calm", "must be a number"),
    ('name = "backup"          # more units called in from out of sight\nat = 2.0',
     'name = "backup"\nat = 0.5', "levels[2].at", "levels must rise"),
    ("units = 1\n", "units = 1.5\n", "levels[2].units", "whole number"),
    ("[difficulty.hard]", "[difficulty.brutal]", "difficulty.brutal", "unknown key"),
    ("episode_gap_s = 4.0", "episode_gap = 4.0", "sighting.episode_gap", "unknown key"),
    ("max_heat = 5.0", "max_heat = 1e308", "max_heat", "must be from 1 to 100"),
])
def test_each_broken_copy_names_its_key(tmp_path, old, new, where, says):
    path = broken(tmp_path, old, new)
    table, problems = read_escalation(path)
    assert table is None
    assert any(p.where == where and says in p.message for p in problems), problems
    assert check_file(path) == problems  # check reads the same table the same way
    with pytest.raises(FileProblem, match=where.replace("[", r"\[").replace("]", r"\]")):
        load_escalation.__wrapped__(path)


def test_a_table_without_a_pursuit_or_with_a_missing_offence_is_refused(tmp_path):
    path = broken(tmp_path, "pursuit = true\n", "pursuit = false\n")
    text = path.read_text().replace("pursuit = true\n", "")
    path.write_text(text)
    assert any("no level starts a pursuit" in p.message for p in read_escalation(path)[1])
    start = SHIPPED.index("[offences.lights_off]")
    end = SHIPPED.index("[offences.fleeing]")
    path.write_text(SHIPPED[:start] + SHIPPED[end:])
    assert any(p.where == "offences.lights_off" for p in read_escalation(path)[1])
    (tmp_path / "bad.toml").write_text("this is = = not toml")
    assert "TOML syntax error" in read_escalation(tmp_path / "bad.toml")[1][0].message
