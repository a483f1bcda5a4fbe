"""Replays: a drive is its source, its seed and the Driver's control rows, tick by tick.

The simulation, the AI and the rules are deterministic (every random draw comes from
the seed, nothing reads a wall clock), so a :class:`Recording` replays any drive, free
drive or job, exactly: every other car, the mission clock, the police and the crew do
again what they did. A recording holds:

- ``source``: what was driven (:class:`Source`: free drive or a job, the map and the
  mission by name with the sha256 of their files, the seed, and the options that change
  the simulation: the player's driver aids, a late crew, the start spawn);
- ``controls``: the Driver's whole control row (N_CONTROLS columns) for every tick, as
  his driver wrote it (aids run again on playback);
- ``checks``: 32 bits of the session's state hash after every tick, so a replay that
  drifts is caught at its first differing tick;
- ``hashes``: the full state hash after every :data:`HASH_EVERY_TICKS` ticks (every
  simulated second).

The file is an ``.npz`` (numpy's zip of arrays, read without pickle), written through
:func:`game.storage.atomic_write`. Building the session a source names is the mission
layer's job (:mod:`game.mission.replays`); this module records, plays and compares.
"""

from __future__ import annotations

import io
import json
import zipfile
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from game.ai.driver import Senses
from game.problems import FileProblem
from game.session.view import RulesView
from game.sim.aids import PLAYER_AIDS
from game.sim.controls import N_CONTROLS, N_CONTROLS_BEFORE_CHANGE_CAR
from game.storage import atomic_write

if TYPE_CHECKING:
    from game.session.drive import DriveSession, Rules, TickReport

FORMAT = 2  #: bumped whenever the file layout or what a tick means changes
HASH_EVERY_TICKS = 60  #: a full state hash every simulated second (60 Hz)
MAX_RECORDING_BYTES = 256 * 1024 * 1024  #: bigger files are refused before reading
FREE_DRIVE, JOB = "free_drive", "job"


@dataclass(frozen=True)
class Source:
    """What a recording was made of: enough to build the same session again."""

    kind: str  #: FREE_DRIVE or JOB
    map: str  #: the map's name (levels/maps/NAME.tmx), or its path
    map_sha256: str  #: of the .tmx file as it was
    seed: int
    mission: str = ""  #: the mission's name (a job), "" in free drive
    mission_sha256: str = ""
    spawn: str = ""  #: free drive: the player's spawn
    crew_late: bool = False  #: a job: the crew was sent out late
    player_aids: int = PLAYER_AIDS  #: the Driver's car's aids (game.sim.aids bits)
    difficulty: str = "normal"  #: the police's difficulty


def state_check(state_hash: str) -> int:
    """The 32-bit check of a state hash kept for every tick (its first eight hex digits)."""
    return int(state_hash[:8], 16)


@dataclass
class Recording:
    source: Source
    controls: np.ndarray  #: (ticks, N_CONTROLS) the Driver's rows
    checks: np.ndarray  #: (ticks,) uint32 state checks after each tick
    hashes: list[str]  #: full state hashes after ticks HASH_EVERY_TICKS, 2 * ..., ...

    @property
    def ticks(self) -> int:
        return len(self.controls)

    def save(self, path: str | Path) -> Path:
        """Write the recording atomically; returns the path."""
        meta = {"format": FORMAT, "source": asdict(self.source), "ticks": self.ticks}
        buffer = io.BytesIO()
        np.savez_compressed(
            buffer, meta=np.array(json.dumps(meta)),
            controls=np.asarray(self.controls, dtype=np.float64),
            checks=np.asarray(self.checks, dtype=np.uint32),
            hashes=np.array(self.hashes, dtype="U64"),
        )  # fmt: skip
        return atomic_write(path, buffer.getvalue())


def load_recording(path: str | Path) -> Recording:
    """Read a recording; any damage is one :class:`FileProblem` naming the file."""
    path = Path(path)
    try:
        if not path.is_file():
            raise FileProblem(path, "", "no such recording" if not path.exists()
                              else "not a file (a recording is an .npz file)")
        if path.stat().st_size > MAX_RECORDING_BYTES:
            raise FileProblem(path, "", "too big to be a recording")
        with np.load(path, allow_pickle=False) as data:
            missing = {"meta", "controls", "checks", "hashes"} - set(data.files)
            if missing:
                raise FileProblem(path, "", "not a Five Minute Window recording "
                                            f"(no {', '.join(sorted(missing))})")
            meta = json.loads(str(data["meta"]))
            controls = np.array(data["controls"], dtype=np.float64)
            checks = np.array(data["checks"])
            hashes = [str(h) for h in data["hashes"].tolist()]
    except FileProblem:
        raise
    except (OSError, ValueError, KeyError, TypeError, EOFError, zipfile.BadZipFile,
            json.JSONDecodeError, RecursionError):
        raise FileProblem(path, "", "not a Five Minute Window recording (damaged or another "
                                    "kind of file)") from None
    return _checked(path, meta, controls, checks, hashes)


def _checked(path: Path, meta: object, controls: np.ndarray, checks: np.ndarray,
             hashes: list[str]) -> Recording:
    if not isinstance(meta, dict) or meta.get("format") != FORMAT:
        found = meta.get("format") if isinstance(meta, dict) else None
        raise FileProblem(path, "meta", f"recording format {found!r} is not this game's "
                                        f"(format {FORMAT}); record it again")
    source = meta.get("source")
    names = {f.name for f in fields(Source)}
    if not isinstance(source, dict) or set(source) != names:
        raise FileProblem(path, "meta.source", "the recording does not say what was driven")
    try:
        source = Source(**source)
    except TypeError:
        raise FileProblem(path, "meta.source", "the recording's source is damaged") from None
    if not isinstance(source.seed, int) or isinstance(source.seed, bool) \
            or not 0 <= source.seed < 2**32:
        raise FileProblem(path, "meta.source.seed", f"bad seed {source.seed!r}")
    if source.difficulty not in ("easy", "normal", "hard"):
        raise FileProblem(path, "meta.source.difficulty", f"unknown {source.difficulty!r}")
    if source.kind not in (FREE_DRIVE, JOB):
        raise FileProblem(path, "meta.source.kind", f"unknown kind {source.kind!r}")
    if controls.ndim == 2 and controls.shape[1] == N_CONTROLS_BEFORE_CHANGE_CAR:
        # recorded before the car change: the Driver never asked for one
        controls = np.pad(controls, ((0, 0), (0, N_CONTROLS - controls.shape[1])))
    if controls.ndim != 2 or controls.shape[1] != N_CONTROLS or not np.isfinite(controls).all():
        raise FileProblem(path, "controls", f"expected finite rows of {N_CONTROLS} controls, "
                                            f"got shape {controls.shape}")
    if checks.shape != (len(controls),) or len(hashes) != len(controls) // HASH_EVERY_TICKS:
        raise FileProblem(path, "checks", "the state checks do not match the controls")
    return Recording(source, controls, checks.astype(np.uint32), hashes)


class Recorder:
    """Collects the Driver's row and the state after every tick of a session; the
    session calls :meth:`after_tick` (its ``recorder``). It stops at the tick the rules
    finish (a job's end), so a job recorded in the window, which goes on showing the
    street for a moment, holds the same ticks as one recorded headless."""

    def __init__(self, source: Source) -> None:
        self.source = source
        self.rows: list[np.ndarray] = []
        self.checks: list[int] = []
        self.hashes: list[str] = []
        self.finished = False  #: the drive ended: nothing more is recorded

    def after_tick(self, session: DriveSession, player_row: np.ndarray) -> None:
        if self.finished:
            return
        self.finished = session.view.rules.finished
        self.rows.append(np.array(player_row, dtype=np.float64))
        state = session.state_hash()
        self.checks.append(state_check(state))
        if session.world.tick % HASH_EVERY_TICKS == 0:
            self.hashes.append(state)

    def recording(self) -> Recording:
        rows = np.array(self.rows) if self.rows else np.zeros((0, N_CONTROLS))
        return Recording(self.source, rows, np.array(self.checks, dtype=np.uint32),
                         list(self.hashes))


class Playback:
    """Drives the Driver's car from a recording (the session's player driver)."""

    def __init__(self, recording: Recording) -> None:
        self.controls = recording.controls

    def drive(self, senses: Senses, controls: np.ndarray) -> None:
        tick = senses.world.tick
        if tick < len(self.controls):
            controls[senses.player] = self.controls[tick]

    def done(self, tick: int) -> bool:
        return tick >= len(self.controls)


class ReplayRules:
    """Free drive's rules during a replay, finished when the recording runs out."""

    def __init__(self, inner: Rules, ticks: int) -> None:
        self.inner = inner
        self.ticks = ticks

    def update(self, session: DriveSession, report: TickReport) -> None:
        self.inner.update(session, report)

    def view(self, session: DriveSession) -> RulesView:
        inner = self.inner.view(session)
        left = max(0, self.ticks - session.world.tick) * session.dt
        notes = (*inner.notes, f"REPLAY  {left:4.1f} s left")
        finished = inner.finished or session.world.tick >= self.ticks
        return replace(inner, notes=notes, finished=finished)  # every other field as is

    def state(self) -> tuple:
        return self.inner.state()


@dataclass(frozen=True)
class Verdict:
    """How a replay compared with its recording."""

    ticks: int  #: ticks replayed
    first_difference: int | None  #: the first tick whose state differs (None: all match)
    dt: float

    @property
    def matches(self) -> bool:
        return self.first_difference is None

    @property
    def time_s(self) -> float | None:
        """Sim seconds at the first difference."""
        return None if self.first_difference is None else self.first_difference * self.dt


def replay(session: DriveSession, recording: Recording) -> Verdict:
    """Play ``recording`` in ``session`` (built from its source) to its end, comparing
    the state after every tick with the recorded checks and hashes."""
    session.player_driver = Playback(recording)
    first: int | None = None
    for index in range(recording.ticks):
        session.tick()
        session.drain_events()  # nobody draws them
        state = session.state_hash()
        tick = session.world.tick
        second = tick % HASH_EVERY_TICKS == 0
        differs = state_check(state) != int(recording.checks[index]) or (
            second and state != recording.hashes[tick // HASH_EVERY_TICKS - 1])
        if first is None and differs:
            first = tick
    return Verdict(session.world.tick, first, session.dt)
