"""The memory a step frees stays in the process: a big arena steps without page faults."""

import platform
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from game.sim import memory

GLIBC = platform.libc_ver()[0] == "glibc"


def test_malloc_takes_the_thresholds_exactly_where_it_is_glibc():
    assert memory.keep_freed_memory() is GLIBC


@pytest.mark.skipif(not GLIBC, reason="the thresholds are glibc malloc's")
def test_a_big_arena_steps_without_page_faults():
    # A fresh interpreter: in this one, earlier tests may have raised glibc's own
    # thresholds already. Without keep_freed_memory, 4,000 cars fault ~200 pages a step.
    code = textwrap.dedent("""
        import resource
        from game.sim import arena
        world, drive = arena.build(4000, 0)
        for tick in range(60):
            world.step(drive(world, tick))
        before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
        for tick in range(60, 120):
            world.step(drive(world, tick))
        print((resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before) / 60)
    """)
    repo = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, cwd=repo
    )
    assert done.returncode == 0, done.stderr
    assert float(done.stdout) < 10.0  # faults per step
