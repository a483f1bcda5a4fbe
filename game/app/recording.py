"""Recordings of free drives: the map, the seed and the player's control row per tick.

The simulation and the traffic AI are deterministic (all randomness from the seed, no
wall clock), so these three things replay the whole drive: every other car does again
what it did. A recording is an ``.npz`` file (numpy's zip of arrays). No pygame here.
"""

from __future__ import annotations

import json
import os
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from game.problems import FileProblem
from game.sim.controls import N_CONTROLS

FORMAT = 1  #: bumped when the file layout changes


@dataclass
class Recording:
    map_path: str  #: the .tmx the drive was on
    seed: int
    controls: np.ndarray  #: (ticks, 4) the player's control row each tick

    def save(self, path: Path) -> Path:
        """Write atomically (temp file in the same directory, then replace)."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        meta = json.dumps({"format": FORMAT, "map": self.map_path, "seed": self.seed})
        handle, temp = tempfile.mkstemp(prefix=".recording-", suffix=".npz", dir=path.parent)
        try:
            with os.fdopen(handle, "wb") as stream:
                np.savez_compressed(stream, meta=np.array(meta),
                                    controls=np.asarray(self.controls, dtype=np.float64))
            os.replace(temp, path)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
        return path


def load_recording(path: Path) -> Recording:
    """Read a recording; any damage is one :class:`FileProblem` naming the file."""
    try:
        with np.load(path, allow_pickle=False) as data:
            meta = json.loads(str(data["meta"]))
            controls = np.array(data["controls"], dtype=np.float64)
    except FileNotFoundError:
        raise FileProblem(path, "", "no such recording") from None
    except (OSError, ValueError, KeyError, zipfile.BadZipFile, json.JSONDecodeError) as error:
        raise FileProblem(path, "", f"not a Five Minute Window recording ({error})") from None
    if not isinstance(meta, dict) or meta.get("format") != FORMAT:
        raise FileProblem(path, "meta", f"unknown recording format (expected {FORMAT})")
    if controls.ndim != 2 or controls.shape[1] != N_CONTROLS:
        raise FileProblem(path, "controls", f"expected rows of {N_CONTROLS} controls, "
                                            f"got shape {controls.shape}")
    return Recording(str(meta.get("map", "")), int(meta.get("seed", 0)), controls)


class Recorder:
    """Collects the player's row every tick of a session (a session controller that
    writes nothing: it runs after input, so it sees exactly what the world gets)."""

    def __init__(self, map_path: Path, seed: int, target: Path) -> None:
        self.map_path, self.seed, self.target = Path(map_path).resolve(), seed, Path(target)
        self.rows: list[np.ndarray] = []

    def write_controls(self, session, controls: np.ndarray) -> None:
        if session.player >= 0:
            self.rows.append(controls[session.player].copy())

    def recording(self) -> Recording:
        rows = np.array(self.rows) if self.rows else np.zeros((0, N_CONTROLS))
        return Recording(str(self.map_path), self.seed, rows)

    def close(self) -> None:
        """Save the drive so far (the scene calls this when the drive ends)."""
        self.recording().save(self.target)


class Playback:
    """Drives the player's car from a recording; also the session's rules, so the drive
    is ``finished`` when the recording runs out."""

    def __init__(self, recording: Recording) -> None:
        self.controls = recording.controls
        self.finished = len(self.controls) == 0

    def write_controls(self, session, controls: np.ndarray) -> None:
        tick = session.world.tick
        if session.player >= 0 and tick < len(self.controls):
            controls[session.player] = self.controls[tick]

    def update(self, session, events, dt: float) -> None:
        self.finished = session.world.tick >= len(self.controls)

    def hud_lines(self, session) -> list[str]:
        left = max(0, len(self.controls) - session.world.tick) * session.dt
        return [f"REPLAY  {left:4.1f} s left"]
