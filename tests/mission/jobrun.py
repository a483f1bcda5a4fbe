"""Helpers for the tests of whole jobs: run one a while, check a broken copy of a file."""

from __future__ import annotations

from pathlib import Path

from game.mission.validate import check_mission


def run(session, runtime, seconds: float) -> None:
    """Tick the job for ``seconds`` of sim time, or until it ends."""
    for _ in range(int(seconds * 60)):
        if runtime.ended is not None:
            break
        session.tick()
        session.drain_events()


def problems_of(shipped: Path, folder: Path, old: str, new: str) -> list[str]:
    """check's problems (``where: message``) with ``old`` replaced by ``new`` in a copy of
    the shipped mission file, written into ``folder`` under its own name."""
    path = folder / shipped.name
    path.write_text(shipped.read_text().replace(old, new))
    return [f"{p.where}: {p.message}" for p in check_mission(path)]
