"""Elementwise maths where numpy's defaults are slow on this kind of machine.

Double-precision sin/cos/arctan2 have no vector (SIMD) kernels in common numpy builds
unless the CPU has AVX-512, and run 20-40x slower than their single-precision kernels;
np.hypot and np.clip with array bounds are several times slower than plain arithmetic.
Angles here only orient boxes and forces, where float32's ~1e-7 relative error is far
below anything physical, so trig runs in float32 and comes back as float64 (results
stay deterministic: same inputs, same bits).
"""

from __future__ import annotations

import numpy as np


def cos_sin(angle: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(cos, sin) of radians, computed in float32, returned as float64."""
    single = np.asarray(angle, dtype=np.float32)
    return np.cos(single).astype(np.float64), np.sin(single).astype(np.float64)


def norm(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """|(x, y)|; sqrt(x*x + y*y) is many times faster than np.hypot and exact enough here."""
    return np.sqrt(x * x + y * y)


def clamp(x: np.ndarray, low, high) -> np.ndarray:
    """Elementwise clip to [low, high] (arrays or scalars); np.clip with array bounds is slow."""
    return np.minimum(np.maximum(x, low), high)
