"""The fixed-step clock (after Glenn Fiedler's "Fix Your Timestep!").

Real frame time goes into an accumulator; the world steps in fixed ``dt`` while the
accumulator holds a whole step; what is left over, as a fraction of ``dt``, is ``alpha``,
the weight the renderer gives the current state against the previous one. Frame time
is clamped to ``max_frame`` so a stall (a 2-second hitch, a breakpoint) costs at most a
few steps instead of a spiral of catch-up work.
"""

from __future__ import annotations


class FixedStepClock:
    def __init__(self, dt: float, max_frame: float = 0.25) -> None:
        if dt <= 0 or max_frame < dt:
            raise ValueError(f"need 0 < dt <= max_frame, got dt={dt}, max_frame={max_frame}")
        self.dt = float(dt)
        self.max_frame = float(max_frame)  #: s, the most real time one frame may account for
        self.accumulator = 0.0  #: s of real time not yet simulated

    def advance(self, frame_seconds: float) -> int:
        """Add one frame's real time; return how many fixed steps to run now."""
        self.accumulator += min(max(float(frame_seconds), 0.0), self.max_frame)
        steps = int(self.accumulator / self.dt + 1e-9)  # 1e-9: a frame of exactly dt is a step
        self.accumulator -= steps * self.dt
        return steps

    @property
    def alpha(self) -> float:
        """0..1: how far real time has moved from the last step towards the next one."""
        return min(self.accumulator / self.dt, 1.0)
