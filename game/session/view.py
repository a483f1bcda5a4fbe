"""The typed view: what a frame shows and the audio plays, made at the end of every tick.

The last phase of the tick builds a :class:`FrameView` from the rules (the clock, the
objective and where it is, the window, the crew), the law (heat, pursuit, whether the
Driver is seen now), the police (sight cones, helicopters) and the control rows (sirens,
horns). The HUD, the minimap and the audio read it and nothing else of the rules: a
rules object cannot forget a hook, because every field is here with its type.
:func:`hud_lines` turns the view into the HUD's text lines (the tests read them too).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np


@dataclass(frozen=True)
class WindowView:
    """The five-minute window as the HUD shows it."""

    phase: str  #: "before", "open" or "closed"
    place: str  #: the place's display name ("the warehouse")
    agreed: str | None  #: the agreed time, "HH:MM" (None: opened by the job's script)
    seconds_left: float | None  #: clock seconds until it closes, while it is open
    rule_kept: bool = True


@dataclass(frozen=True)
class CrewView:
    name: str
    state: str  #: "at_pickup", "aboard", "inside", "out", "back" or "left_behind"


@dataclass(frozen=True)
class RulesView:
    """What the rules (free drive, a job, a replay) have to show this tick."""

    clock_text: str  #: the big clock ("01:59:40" in a job, "23:14" in free drive)
    objective: str = ""  #: what to do now, in words
    waypoint: tuple[float, float] | None = None  #: where to go now (metres), for the minimap
    window: WindowView | None = None
    crew: tuple[CrewView, ...] = ()
    notes: tuple[str, ...] = ()  #: more lines for the HUD ("WRECKED", replay time)
    finished: bool = False  #: the drive is over (a job shows its results)


@dataclass(frozen=True)
class HeatView:
    heat: float  #: 0..the police table's max_heat
    pursuit: bool  #: a pursuit is on
    seen: bool  #: a unit or a helicopter sees the Driver now
    level: int = 0  #: the heat level (the police table's levels, 0: calm)
    level_name: str = "calm"  #: its name ("wanted", "backup", "roadblocks", ...)
    searched: bool = False  #: a lookout is out: the police are looking for the car


@dataclass(frozen=True)
class HelicopterView:
    x: float  #: metres
    y: float
    heading: float  #: radians
    light_radius_m: float  #: the searchlight's spot on the ground


@dataclass(frozen=True)
class FrameView:
    """Everything the HUD, minimap and audio read for one frame."""

    rules: RulesView
    heat: HeatView
    #: (K, 5) police sight cones: x, y, heading, range (m), half angle (rad)
    sight_cones: np.ndarray = field(default_factory=lambda: np.zeros((0, 5)))
    helicopters: tuple[HelicopterView, ...] = ()
    sirens: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.intp))
    police: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.intp))
    radio: str = ""  #: the police radio's latest line, while it is fresh
    @property
    def pursuing(self) -> bool:
        """A unit has its siren on (a pursuit: the siren plays)."""
        return self.sirens.size > 0


def format_countdown(seconds: float) -> str:
    """Seconds left -> ``"M:SS"`` for the HUD (rounded up, never negative)."""
    whole = max(0, int(seconds + 0.999))
    return f"{whole // 60}:{whole % 60:02d}"


def hud_lines(view: FrameView) -> list[str]:
    """The HUD's text lines under the clock, from the typed view."""
    rules = view.rules
    lines = [rules.objective] if rules.objective else []
    window = rules.window
    if window is not None:
        if window.phase == "open" and window.seconds_left is not None:
            lines.append(f"WINDOW {format_countdown(window.seconds_left)}")
        elif window.phase == "before" and window.agreed is not None:
            lines.append(f"{window.place.upper()} AT {window.agreed}")
        if rules.crew and window.phase != "before":
            back = sum(member.state == "back" for member in rules.crew)
            lines.append(f"CREW {back}/{len(rules.crew)}")
        if not window.rule_kept:
            lines.append("RULE BROKEN")
    heat = view.heat
    if window is not None or heat.heat > 0.0 or heat.pursuit or heat.searched:
        state = "  PURSUIT" if heat.pursuit else ("  SEARCHING" if heat.searched else "")
        seen = "  SEEN" if heat.seen else ""
        lines.append(f"HEAT {heat.heat:.1f} {heat.level_name.upper()}{state}{seen}")
    lines.extend(rules.notes)
    if view.radio:
        lines.append(f"RADIO: {view.radio}")
    return lines
