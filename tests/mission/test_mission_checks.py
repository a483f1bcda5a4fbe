"""What ``check`` catches in a mission against its map that used to pass and then fail in
play (issue 13, item 4): actors on spawns of the wrong kind, traffic the map cannot hold,
a clock that leaves no time to reach the place, clock triggers set before the clock
starts, and messages that name stages by id."""

from __future__ import annotations

from game.mission.mission_file import parse_mission
from game.mission.validate import map_problems

from .tiny import MISSION, tiny_level, tiny_mission


def problems_of(tmp_path, text: str) -> list[str]:
    return [f"{p.where}: {p.message}" for p in map_problems(tiny_mission(tmp_path, text),
                                                               tiny_level())]


def test_a_crew_member_at_a_police_spawn_is_named(tmp_path):
    text = MISSION.replace('spawn = "crew_1"', 'spawn = "police_1"')
    assert problems_of(tmp_path, text) == [
        "crew[0].spawn: spawn 'police_1' is a police spawn; a crew member starts at a crew "
        "spawn (map 'tiny' has crew_1, crew_2)"
    ]


def test_a_police_car_at_a_crew_spawn_and_the_driver_at_a_police_spawn_are_named(tmp_path):
    text = (MISSION.replace('spawn = "police_1"', 'spawn = "crew_2"')
            + '\n[player]\nspawn = "police_1"\n')
    assert problems_of(tmp_path, text) == [
        "player.spawn: spawn 'police_1' is a police spawn; the Driver starts at a player "
        "spawn (map 'tiny' has player_start)",
        "vehicles[0].spawn: spawn 'crew_2' is a crew spawn; a police vehicle starts at a police "
        "spawn (map 'tiny' has police_1)",
    ]


def test_more_traffic_than_the_map_has_spawns_for_is_named(tmp_path):
    text = MISSION + "\n[traffic]\ncars = 40\nparked = 0\n"
    assert problems_of(tmp_path, text) == [
        "traffic.cars: 40 cars asked for, but map 'tiny' has 0 traffic spawns: at most 0 "
        "(or add traffic spawns to the map)"
    ]


def test_a_clock_that_leaves_no_time_to_reach_the_place_is_named(tmp_path):
    # 1 clock second at time_scale 10 is 0.1 s of play; the warehouse is 104 m away
    text = MISSION.replace('start = "01:58"', 'start = "01:59:59"')
    (line,) = problems_of(tmp_path, text)
    assert line.startswith(
        "contract.time: 02:00:00 leaves the Driver 0.1 s of play from clock.start 01:59:59 "
        "(at time_scale 10) to reach 'warehouse', 104 m from 'player_start': even at top speed"
    )
    # two clock minutes (12 s of play) is plenty for 104 m
    assert problems_of(tmp_path, MISSION) == []


def test_a_clock_trigger_before_the_clock_starts_is_named(tmp_path):
    text = MISSION.replace(
        'trigger = "crew_back"', 'trigger = "clock"\nat = "01:00"', 1
    )
    path = tmp_path / "tiny.toml"
    path.write_text(text, encoding="utf-8")
    _, problems = parse_mission(path)
    assert [f"{p.where}: {p.message}" for p in problems] == [
        "stages['wait'].on[1].at: 01:00:00 is before the clock starts (01:58:00): it would "
        "fire as soon as its stage begins"
    ]


def test_a_stage_is_named_by_its_id_or_by_its_place_when_the_id_is_taken(tmp_path):
    text = MISSION.replace('zone = "arena_crowd"', 'zone = "arena"')
    assert problems_of(tmp_path, text) == [
        "stages['getaway'].on[0].zone: no zone 'arena' on map 'tiny' (did you mean "
        "'arena_crowd'?)"
    ]
    text = MISSION.replace('id = "wait"', 'id = "pickup"').replace('stage = "wait"',
                                                                    'stage = "pickup"')
    path = tmp_path / "tiny.toml"
    path.write_text(text, encoding="utf-8")
    _, problems = parse_mission(path)
    assert "stages[1].id: stage id 'pickup' is used twice" in [
        f"{p.where}: {p.message}" for p in problems]
