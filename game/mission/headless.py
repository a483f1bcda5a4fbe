"""Run a job headless: the autopilot at the wheel, as fast as the machine allows.

The job's autopilot (:mod:`game.mission.autopilots`) is the session's player driver, writing
the Driver's control row as a player would. :func:`run_headless` returns the job's
:class:`~game.mission.result.JobResult` (``python -m game mission NAME --headless``
prints its JSON), and with ``record`` writes a replay of the run.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from game.session.standing import NOTHING_KNOWN, Standing

if TYPE_CHECKING:
    from game.mission.runtime import MissionRuntime

MAX_SIM_S = 900.0  #: a headless run that has not ended after this much sim time stops


def run_headless(
    name: str, seed: int = 0, crew_late: bool = False, max_sim_s: float = MAX_SIM_S,
    record: Path | None = None, difficulty: str = "normal",
    standing: Standing = NOTHING_KNOWN,
):
    """Run the job with the autopilot until it ends (or ``max_sim_s``); its result.
    ``standing``: what the police know as it starts (a career hands it over)."""
    from game.mission.autopilots import make_autopilot
    from game.mission.job import build_job
    from game.mission.replays import job_source
    from game.mission.result import job_result
    from game.session.replay import Recorder

    session, runtime = build_job(name, seed=seed, crew_late=crew_late, difficulty=difficulty,
                                 standing=standing)
    session.player_driver = make_autopilot(runtime)
    recorder = Recorder(job_source(runtime)) if record is not None else None
    session.recorder = recorder
    while runtime.ended is None and session.world.time < max_sim_s:
        session.tick()
        session.drain_events()  # nobody draws them headless
    result = job_result(runtime, session)
    if runtime.ended is None:
        result = replace(result, outcome="failed", reason=unfinished(runtime, max_sim_s))
    if recorder is not None:
        recorder.recording().save(record)
    return result


def unfinished(runtime: MissionRuntime, max_sim_s: float) -> str:
    """Why a run stopped at the cap, for the designer: the stage it was still in, what
    it asked of the Driver, and where the police stood ("not over after 900 s of sim
    time, in stage 'getaway' (Get away...): a pursuit on, heat 4.2")."""
    heat = runtime.heat
    if heat.pursuit:
        police = "a pursuit on"
    elif runtime.session.law.lookout is not None:
        police = "the police still searching"
    else:
        police = "no pursuit"
    objective = f" ({runtime.objective})" if runtime.objective else ""
    return (f"not over after {max_sim_s:.0f} s of sim time, in stage "
            f"'{runtime.stage_id}'{objective}: {police}, heat {heat.heat:.1f}")
