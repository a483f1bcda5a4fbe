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
    """One of the crew as the frame draws him: a person on foot where he is seen."""

    name: str
    state: str  #: "at_pickup", "aboard", "inside", "out", "back" or "left_behind"
    #: where he is on foot (metres); None while he is in the car or inside the building
    position: tuple[float, float] | None = None
    walking: bool = False  #: on his way (to the building, or back to the car)
    heading: float = 0.0  #: radians, the way he faces


@dataclass(frozen=True)
class GaugeLine:
    """One row of a job's gauge: a manoeuvre and its score, a racer and his best lap."""

    label: str
    value: str = ""
    lit: bool = False  #: drawn highlighted (a manoeuvre passed, the Driver's own row)


@dataclass(frozen=True)
class Gauge:
    """A job's own gauge (the lap board, the audition's manoeuvre list), drawn as a panel."""

    title: str  #: its first line ("LAP 2/4  3rd", "AUDITION  240 pts")
    lines: tuple[GaugeLine, ...] = ()


@dataclass(frozen=True)
class MeterView:
    """A job's own meter on the HUD (the tail meter, the gap to a chaser): a bar and a line."""

    label: str  #: "TAIL", "CHASER"
    fill: float  #: 0..1, how full the bar is (the tail meter: how suspicious he is)
    text: str  #: what it says beside the bar ("84 m  IN HIS MIRRORS")
    warn: bool = False  #: drawn in the warning colour


@dataclass(frozen=True)
class RulesView:
    """What the rules (free drive, a job, a replay) have to show this tick."""

    clock_text: str  #: the big clock ("01:59:40" in a job, "23:14" in free drive)
    objective: str = ""  #: what to do now, in words
    waypoint: tuple[float, float] | None = None  #: where to go now (metres), for the minimap
    waypoint_label: str = ""  #: the place the waypoint is in, by its display name
    waypoint_here: bool = False  #: the car is in that place already
    window: WindowView | None = None
    crew: tuple[CrewView, ...] = ()
    #: people on foot who may see the Driver's face (a job's witnesses), where they stand
    witnesses: tuple[CrewView, ...] = ()
    notes: tuple[str, ...] = ()  #: more lines for the HUD ("WRECKED", replay time)
    gauge: Gauge | None = None  #: the job's own gauge, if it has one
    meters: tuple[MeterView, ...] = ()  #: the job's own bar meters (tail meter, chaser gap)
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
    #: (K, 2) metres: the way to the waypoint along the roads, from the car (K = 0: none);
    #: worked out at a low rate by the session's :class:`~game.session.guide.RouteGuide`
    route: np.ndarray = field(default_factory=lambda: np.zeros((0, 2)))
    route_m: float = 0.0  #: metres along ``route``
    damage: float = 0.0  #: the Driver's car's damage: 0 as new, 1 wrecked (the HUD's gauge)
    #: the spare cars a job left for him (world indices; the minimap marks them)
    spare_cars: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.intp))
    change_car_here: bool = False  #: stopped beside a spare: he may change cars now

    @property
    def pursuing(self) -> bool:
        """A unit has its siren on (a pursuit: the siren plays)."""
        return self.sirens.size > 0


def format_countdown(seconds: float) -> str:
    """Seconds left -> ``"M:SS"`` for the HUD (rounded up, never negative)."""
    whole = max(0, int(seconds + 0.999))
    return f"{whole // 60}:{whole % 60:02d}"


THERE_M = 25.0  #: closer than this to the waypoint, no distance is shown: you are there
CHANGE_CAR_KEYS = "C / pad RB"  #: the default keys for changing cars, for the HUD's line


def format_distance(metres: float) -> str:
    """A distance as a driver reads it: "80 m", "420 m", "1.3 km"."""
    if metres >= 1000.0:
        return f"{metres / 1000.0:.1f} km"
    return f"{max(0, round(metres / 10.0) * 10)} m"


def window_countdown(view: FrameView) -> str | None:
    """The open window's time left ("4:32"), drawn large and central; None otherwise."""
    window = view.rules.window
    if window is None or window.phase != "open" or window.seconds_left is None:
        return None
    return format_countdown(window.seconds_left)


def hud_lines(view: FrameView, change_car_keys: str = CHANGE_CAR_KEYS) -> list[str]:
    """The HUD's panel of text lines, from the typed view: what to do, where that is
    (by its display name, and how far along the route), the time agreed, the crew,
    the rule, and beside a spare car the keys that change cars (``change_car_keys``, as
    the settings bind them). The window countdown, the heat and the radio have their own
    places (:func:`window_countdown`, :class:`HeatView`, :attr:`RulesView.radio`)."""
    rules = view.rules
    lines = [rules.objective] if rules.objective else []
    if rules.waypoint is not None and rules.waypoint_label:
        far = f"  {format_distance(view.route_m)}" if view.route_m >= THERE_M else ""
        lines.append(f"> {rules.waypoint_label}" + ("  (here)" if rules.waypoint_here else far))
    window = rules.window
    if window is not None:
        if window.phase == "before" and window.agreed is not None:
            lines.append(f"{window.place.upper()} AT {window.agreed}")
        if rules.crew and window.phase != "before":
            back = sum(member.state == "back" for member in rules.crew)
            lines.append(f"CREW {back}/{len(rules.crew)}")
        if not window.rule_kept:
            lines.append("RULE BROKEN")
    lines.extend(f"{meter.label} {meter.text}" for meter in rules.meters)
    lines.extend(rules.notes)
    if view.change_car_here:
        lines.append(f"SPARE CAR: {change_car_keys} changes cars")
    return lines
