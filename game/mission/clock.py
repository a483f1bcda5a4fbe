"""The mission clock: the time of night the job runs on, faster than real time if wanted.

Clock times are seconds since midnight (floats). A mission runs its clock at
``time_scale`` clock seconds per sim second, so a designer can pace a job without
touching the rule: the window is always :data:`WINDOW_S` seconds *of clock*.
Times past midnight keep counting up (25:00 is one in the morning) so comparisons stay
simple; only :func:`format_clock` wraps them for display.
"""

from __future__ import annotations

import re

WINDOW_S = 300.0  #: clock seconds: the five-minute window
DAY_S = 24 * 3600.0

_CLOCK_RE = re.compile(r"^(\d{1,2}):(\d{2})(?::(\d{2}))?$")


def parse_clock(text: str) -> float:
    """``"HH:MM"`` or ``"HH:MM:SS"`` -> seconds since midnight; ValueError names the fault."""
    match = _CLOCK_RE.match(text.strip()) if isinstance(text, str) else None
    if match is None:
        raise ValueError(f"{text!r} is not a clock time (write HH:MM or HH:MM:SS)")
    hours, minutes, seconds = (int(g) if g else 0 for g in match.groups())
    if hours > 23 or minutes > 59 or seconds > 59:
        raise ValueError(f"{text!r} is not a clock time (hours 0-23, minutes and seconds 0-59)")
    return hours * 3600.0 + minutes * 60.0 + seconds


def format_clock(seconds: float) -> str:
    """Seconds since midnight -> ``"HH:MM:SS"`` (wrapping past midnight)."""
    whole = int(seconds) % int(DAY_S)
    return f"{whole // 3600:02d}:{whole % 3600 // 60:02d}:{whole % 60:02d}"


class MissionClock:
    """Clock time that advances ``time_scale`` clock seconds per sim second."""

    def __init__(self, start: float, time_scale: float = 1.0) -> None:
        self.start = float(start)
        self.time_scale = float(time_scale)
        self.now = float(start)

    def advance(self, dt: float) -> float:
        """Move on by ``dt`` sim seconds; returns the clock seconds that passed."""
        step = dt * self.time_scale
        self.now += step
        return step

    def text(self) -> str:
        return format_clock(self.now)
