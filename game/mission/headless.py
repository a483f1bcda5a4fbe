"""Run a job headless: the autopilot at the wheel, as fast as the machine allows.

The autopilot (:mod:`game.mission.autopilot`) drives through the player's control row,
as a player would. :func:`run_headless` returns the outcome: mission, outcome (success |
failed | crew_left_behind), rule_kept, window_opened, crew_back (clock time or null),
mission_clock_end, heat_max, and more (reason, who was left behind and what they will
tell the Detective, payout). ``python -m game mission`` (:mod:`game.app.mission_command`)
prints it as JSON.
"""

from __future__ import annotations

MAX_SIM_S = 900.0  #: a headless run that has not ended after this much sim time stops


def run_headless(
    name: str, seed: int = 0, crew_late: bool = False, max_sim_s: float = MAX_SIM_S
) -> dict:
    """Run the job with the autopilot until it ends (or ``max_sim_s``); its outcome."""
    from game.mission.autopilot import Autopilot
    from game.mission.job import build_job

    session, runtime = build_job(name, seed=seed, crew_late=crew_late)
    session.player_driver = Autopilot(runtime, session.level).controls
    while runtime.ended is None and session.world.time < max_sim_s:
        session.tick()
        session.last_events.clear()  # nobody drains them headless
    result = runtime.outcome()
    if runtime.ended is None:
        result["outcome"] = "failed"
        result["reason"] = f"not over after {max_sim_s:.0f} s of sim time"
    result["sim_s"] = round(session.world.time, 2)
    return result
