"""Five Minute Window: a top-down getaway driving game in Los Angeles at night.

Layers (see README and ../shared/DESIGN.md): ``sim``, ``level``, ``ai``, ``mission`` and
``career`` never import pygame; ``render``, ``audio``, ``input`` and ``app`` do.

One game on every machine: numpy chooses its SIMD loops by the CPU it finds (AVX2 and FMA,
AVX-512), and those round sums, sines and square roots of sums differently; a chase is
chaotic, so the same seed and inputs then end differently on two PCs (Five Minutes seed 0:
won without AVX-512, busted with it) and a replay recorded on one fails on the other. So,
before numpy is loaded, the game turns numpy's AVX-512 loops off on x86-64: every PC with
AVX2 (x86-64-v3: nearly every one since 2015, and CI) then runs the same AVX2 loops. A
CPU without AVX2 still differs. An ``NPY_DISABLE_CPU_FEATURES`` already set is left as it
is: the caller's choice. A script that loads numpy before the game is warned.
"""

import os as _os
import platform as _platform

__version__ = "0.1.0"

#: numpy's dispatched x86 CPU features (numpy 2.4's names: AVX-512) that the game turns off
PINNED_CPU_FEATURES = ("X86_V4", "AVX512_ICL", "AVX512_SPR")

if _platform.machine().lower() in {"x86_64", "amd64"}:
    _os.environ.setdefault("NPY_DISABLE_CPU_FEATURES", " ".join(PINNED_CPU_FEATURES))


def unpinned_cpu_features() -> list[str]:
    """The PINNED_CPU_FEATURES numpy uses in this process anyway: those of this CPU when
    numpy was loaded before the game (a script's own ``import numpy`` first), else none."""
    import sys

    if "numpy" not in sys.modules:
        return []
    from numpy._core._multiarray_umath import __cpu_features__

    return [name for name in PINNED_CPU_FEATURES if __cpu_features__.get(name)]


if unpinned_cpu_features():
    import warnings as _warnings

    _warnings.warn(
        "numpy was loaded before the game, with its AVX-512 loops on: seeds, state hashes "
        "and replays may not match other machines (import game before numpy)", stacklevel=2)
