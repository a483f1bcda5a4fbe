"""The one atomic write: whole files or none, a backup of the last good one, no leftovers."""

import os
import signal
import subprocess
import sys
import time

from game.storage import atomic_write, atomic_write_text, backup_path, clean_temporaries


def test_writes_replace_the_file_and_keep_the_previous_as_backup(tmp_path):
    target = tmp_path / "deep" / "save.json"
    atomic_write_text(target, "one")
    assert target.read_text() == "one" and not backup_path(target).exists()
    atomic_write_text(target, "two", backup=True)
    assert target.read_text() == "two"
    assert backup_path(target).read_text() == "one"
    atomic_write(target, b"three")  # no backup asked: the old backup stays as it was
    assert target.read_bytes() == b"three" and backup_path(target).read_text() == "one"
    assert sorted(p.name for p in target.parent.iterdir()) == ["save.json", "save.json.bak"]


def test_leftover_temporaries_are_cleaned(tmp_path):
    target = tmp_path / "settings.json"
    for n in range(3):
        (tmp_path / f".settings.json.abc{n}.tmp").write_text("torn")
    (tmp_path / ".other.json.x.tmp").write_text("not ours")
    assert clean_temporaries(target) == 3
    assert [p.name for p in tmp_path.iterdir()] == [".other.json.x.tmp"]


WRITER = """
import sys
from game.storage import atomic_write
n = 0
while True:
    n += 1
    atomic_write(sys.argv[1], (f"{n:08d}" * 2500).encode(), backup=True)
"""


def test_a_writer_killed_at_random_moments_leaves_a_whole_file(tmp_path):
    target = tmp_path / "career.json"
    atomic_write_text(target, "00000000" * 2500)
    env = dict(os.environ, PYTHONPATH=os.getcwd())
    for attempt in range(6):
        writer = subprocess.Popen([sys.executable, "-c", WRITER, str(target)], env=env)
        time.sleep(0.15 + 0.05 * attempt)
        writer.send_signal(signal.SIGKILL)
        writer.wait()
        for copy in (target, backup_path(target)):
            text = copy.read_text()
            assert text == text[:8] * 2500, copy  # one whole write, never a torn one
    clean_temporaries(target)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["career.json", "career.json.bak"]
