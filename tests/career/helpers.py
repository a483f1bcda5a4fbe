"""Career test helpers: job results made to order, and mission files for a board."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from game.mission.result import JobResult
from game.mission.testimony import Testimony

CLEAN = JobResult(
    mission="five_minutes", title="Five Minutes", seed=3, outcome="success",
    reason="", rule_kept=True, payout=9000, window_opened_at=7200.0, crew_back_at=7440.0,
    crew_returned=("Irish", "Blanche"), crew_left_behind=(), testimony=(), heat_max=0.4,
    seen_by=(), plate_read=False, plate="4KKI394", stage="away", clock_end=7600.0,
    sim_s=210.5, state_hash="ab" * 32,
)  # fmt: skip

BUSTED = "busted: stopped for 3 s on Hill St with a unit against you"


def a_result(**changes) -> JobResult:
    """A clean Five Minutes result with ``changes``."""
    return replace(CLEAN, **changes)


def left_behind(plate: str = "4KKI394", car: str = "a grey 1973 coupe, quick and plain",
                **changes) -> JobResult:
    """Blanche left behind: she tells the Detective the car, the plate and the way."""
    told = Testimony("Blanche", car, plate, "south-west on 5th St")
    return a_result(outcome="crew_left_behind", crew_returned=("Irish",),
                    crew_left_behind=("Blanche",), testimony=(told,), payout=4500,
                    plate=plate, **changes)


MISSION = """
title = "{title}"
map = "downtown"
client = "{client}"
briefing = "A job."
payout = {payout}

[contract]
place = "warehouse"
time = "02:00"

[clock]
start = "01:50"

[[stages]]
id = "only"
[[stages.on]]
trigger = "enter_zone"
zone = "warehouse"
actions = [{{ action = "complete" }}]
{career}
"""


def write_mission(folder: Path, name: str, client: str = "", payout: int = 1000,
                  career: str = "", title: str = "") -> Path:
    """A mission file ``folder/name.toml`` (on the shipped downtown map) with a
    ``[career]`` table of ``career`` (TOML lines)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.toml"
    table = f"[career]\n{career}\n" if career else ""
    path.write_text(MISSION.format(title=title or name.title(), client=client or name,
                                   payout=payout, career=table), encoding="utf-8")
    return path


def a_full_career():
    """A career with every field of every part set away from its default (so a field a
    save loses cannot come back as its default unnoticed)."""
    from game.career.model import Career, Evidence, JobRecord, OwnedCar
    from game.mission.witnesses import Identification
    from game.session.standing import CarDescription

    car = OwnedCar("muscle", "maroon", "7ABC123", damage=0.375)
    van = OwnedCar("van", "white", "2VAN222")
    described = CarDescription("driver", "grey", "4KKI394")
    result = left_behind(witnesses=("the Player saw your face",), last_seen_on="5th St",
                         detective_saw=True, busted=BUSTED, car_damage=0.5, plate_read=True,
                         seen_by=("patrol_north", "patrol_west"), heat_max=2.75,
                         window_opened_at=7200.5, crew_back_at=None, stage="getaway",
                         place_reached_at=7100.25, stages_entered=("pickup", "getaway"),
                         under_window=False, bag_usd=1_000_000, bag_note="a set-up",
                         own_reason=True, caught_by_detective=True,
                         identified=(Identification("the_player", "the Player", 0.8),))
    record = JobRecord(night=2, client="Two men", result=result, reputation_change=-3)
    # a race's and an audition's fields too (no one job has both; the save keeps either)
    scored = replace(result, scorecard=("Place: 2nd of 6", "Score: 480"), place=2,
                     lap_times=(31.5, 30.25), score=480, manoeuvres_passed=("burnout",),
                     scratches=2, sting=True, caught_by_detective=True,
                     detective_outwitted=True)  # and the Sting's (its flags, set apart)
    evidence = (
        Evidence("crew", "Blanche", "a grey coupe, plate 4KKI394", 2, "five_minutes",
                 7612.25, 0.3, described),
        Evidence("sighting", "patrol_east", "saw the car on Main St", 3, "pawn", 3600.0, 0.04),
        Evidence("witness", "the Player", "saw the Driver's face", 3, "casino", 10900.0, 0.28,
                 witness="the_player", retracted=True),
    )
    return Career(seed=77, night=4, money=12345, reputation=-2, clients=("Two men", "Standard"),
                  declined=("casino",), jobs=(record, replace(record, night=3, result=scored)),
                  cars=(van, car), car_in_use=1,
                  file=evidence, plates_made=3, ended="arrested on night 3", ending="arrested",
                  whereabouts="garage")


def write_career_jobs(folder: Path) -> Path:
    """Two short real jobs on the crossroads map, for two clients: ``short`` (the crew
    comes back) and ``late`` (the crew comes out after the window: left behind, he
    talks). Returns the missions folder."""
    from tests.mission.shortjob import SHORT_JOB, write_short_job

    short = write_short_job(folder)
    late = (SHORT_JOB.replace('title = "Short job"', 'title = "Late job"')
            .replace('client = "the tests"', 'client = "a man at the bar"')
            .replace("payout = 500", "payout = 800")
            .replace("return_s = [20, 40]", "return_s = [400, 500]"))
    (short.parent / "late.toml").write_text(late, encoding="utf-8")
    return short.parent
