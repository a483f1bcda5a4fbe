"""A save killed with SIGKILL at any moment leaves a loadable save: the last one the
writer finished, or the one it was writing; and the backup beside it loads too.

A child process saves a career over and over (each save a little different, some of a
hundred jobs, so a save takes a while); the test kills it at a random moment, loads the
slot and starts the next child on what is there, round after round. FMW_FUZZ_EXAMPLES
sets the number of rounds (default ROUNDS, with a fixed random seed)."""

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from game.career.saves import LoadStatus, career_from_bytes, load_career, save_path
from game.storage import backup_path
from tests.fuzz_examples import FUZZ_EXAMPLES_ENV

REPO = Path(__file__).resolve().parents[2]
ROUNDS = 8  #: kills by default
KILL_WITHIN_S = 0.25  #: the kill comes this long at most after the child's first save

WRITER = """
import sys
from dataclasses import replace
from game.career.saves import LoadStatus, load_career, save_career
from tests.career.helpers import a_full_career

slot = sys.argv[1]
found = load_career(slot)
base = found.career if found.status is LoadStatus.LOADED else a_full_career()
first = base.money + 1
record = a_full_career().jobs[0]
for money in range(first, first + 100_000):
    jobs = (record,) * (money % 7 * 15)  # saves of different sizes, up to ~200 kB
    save_career(slot, replace(base, money=money, jobs=jobs))
    print(money, flush=True)
"""


def test_a_save_killed_at_any_moment_leaves_a_loadable_save(tmp_path):
    rounds = int(os.environ.get(FUZZ_EXAMPLES_ENV) or ROUNDS)
    rng = random.Random(None if os.environ.get(FUZZ_EXAMPLES_ENV) else 12)
    slot = tmp_path / "slot"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    for _ in range(rounds):
        child = subprocess.Popen([sys.executable, "-c", WRITER, str(slot)], cwd=REPO, env=env,
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        first_line = child.stdout.readline()  # blocks until the first save is done
        assert first_line, child.stderr.read()
        time.sleep(rng.uniform(0.0, KILL_WITHIN_S))
        child.send_signal(signal.SIGKILL)
        rest, _ = child.communicate(timeout=30)
        assert child.returncode == -signal.SIGKILL
        finished = int((first_line + rest).split()[-1])  # the last save it said was done
        loaded = load_career(slot)
        assert loaded.status is LoadStatus.LOADED, loaded.message
        assert loaded.career.money in (finished, finished + 1)  # that one, or the next
        backup = career_from_bytes(backup_path(save_path(slot)).read_bytes())[0]
        assert backup.money in (finished - 1, finished)
        assert not list(slot.glob(".*.tmp"))  # the load cleaned what the kill left
