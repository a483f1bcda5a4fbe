"""One game on every machine: numpy runs its baseline loops in the game and the tests, so
a seed plays the same on a PC with AVX-512 as on one without (game/__init__.py)."""

import os
import platform
import subprocess
import sys

import numpy as np

import game

X86 = platform.machine().lower() in {"x86_64", "amd64"}


def dispatched_features() -> list[str]:
    """The SIMD features numpy found and uses beyond its baseline, in this process."""
    from numpy._core._multiarray_umath import __cpu_dispatch__, __cpu_features__
    return [name for name in __cpu_dispatch__ if __cpu_features__.get(name)]


def test_the_tests_run_numpy_without_its_dispatched_loops():
    pinned = os.environ.get("NPY_DISABLE_CPU_FEATURES", "").split()
    assert pinned == (list(game.PINNED_CPU_FEATURES) if X86 else [])  # x86 features only
    assert not set(dispatched_features()) & set(game.PINNED_CPU_FEATURES)


def test_the_game_pins_them_before_numpy_loads():
    env = {k: v for k, v in os.environ.items() if k != "NPY_DISABLE_CPU_FEATURES"}
    code = ("import game, numpy\n"
            "from numpy._core._multiarray_umath import __cpu_dispatch__, __cpu_features__\n"
            "print(' '.join(n for n in __cpu_dispatch__ if __cpu_features__.get(n)))")
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                          text=True, check=True)
    assert not set(done.stdout.split()) & set(game.PINNED_CPU_FEATURES)
    assert tuple(int(part) for part in np.__version__.split(".")[:2]) >= (2, 4)


def test_a_script_that_loads_numpy_first_is_warned():
    """A script's own `import numpy` before the game keeps numpy's AVX-512 loops: its
    seeds then play another game (a Sting trace ended 13 s later that way)."""
    env = {k: v for k, v in os.environ.items() if k != "NPY_DISABLE_CPU_FEATURES"}
    code = ("import numpy\n"
            "from numpy._core._multiarray_umath import __cpu_features__ as f\n"
            "import game\n"
            "print(' '.join(n for n in game.PINNED_CPU_FEATURES if f.get(n)))")
    done = subprocess.run([sys.executable, "-W", "always", "-c", code], env=env,
                          capture_output=True, text=True, check=True)
    on = done.stdout.split()
    assert ("AVX-512 loops on" in done.stderr) == bool(on)  # warned exactly when they are
    assert game.unpinned_cpu_features() == []  # the tests loaded game first
