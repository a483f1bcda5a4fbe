"""Play a job, or a free drive, in the game window with keys pressed by a script.

    xvfb-run -a -s "-screen 0 1280x720x24" .venv/bin/python tools/play_keys.py \
        five_minutes --seed 0 --out /tmp/shots [--every-s 20] [--lose park]
    xvfb-run -a -s "-screen 0 1280x720x24" .venv/bin/python tools/play_keys.py \
        --ride downtown --seed 0 --out /tmp/shots

A person at the keys, made repeatable: the real game (``start_app``: the window, the
settings, the sound, the pads) opens the job's briefing, Return takes the job, and then
every frame (1/60 s, one tick) the script presses and releases the arrow keys, Space and
L (or whatever the settings bind to those actions) as pygame key events, which go
through the same :class:`~game.input.player.PlayerInput` and bindings as a person's.
The Tab autopilot never takes the wheel.

What it presses comes from the job's autopilot thinking along, as a driver's head does:
each frame the autopilot is shown what the Driver's senses show (``session.sense()``) and
writes the row it would drive; the script turns that row into keys. Keys are on or off,
so a pedal or steering asked at a fraction is pressed for that fraction of the frames (a
running sum decides each frame, the way a player taps a key through a long bend). The
autopilot's row never reaches the car: only the keys do, and the car answers them as it
answers a person (full lock while a steering key is down, the steering assist deciding
how much of it to use).

``--ride MAP`` plays Take a Ride (free drive) instead: the head there is
:class:`RideHead`, a player out to see the whole police: he drives at the police, over
the limit and through red lights, and runs from the pursuit until the helicopter is up,
then drives to the darkest point under the overpass, lights off, and keeps still until
the search is called off (or he is found or busted). His hands through jams and round
the police are the job autopilot's (:class:`game.mission.roadcraft.RoadCraft`). So far
(downtown, 2026-12-07) he brings the helicopter up on most seeds, but is busted within
seconds of it on normal, and on easy never reaches the overpass: its dark pocket is on
the Harbor Fwy (110) North, a kilometre of road round by the Figueroa entrance.

``--lose park`` is the other player: he takes the job and never drives, and the result
screen says why that lost; ``--lose surrender`` drives at the police until they chase
him, then stops and lets them box him in; ``--lose pinned`` drives the job until the
crew is back, then stops and lets the job's chasers (the casino's car) pin him. Without
``--lose`` it drives the job out. ``--face`` (a job with a witness, the Casino) stops
right in front of her while the crew is inside: the results say she saw his face.

Every ``--every-s`` sim seconds, at the briefing, at the end and at the results screen it
saves the window to ``OUT``; at the end it prints the job's result as JSON (the same
object ``python -m game mission NAME --headless --autopilot`` prints) with the keys it
pressed. Use FMW_CONFIG_DIR / FMW_DATA_DIR so its settings and career do not touch yours.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import game  # noqa: E402, F401, I001  (before numpy: it pins numpy's CPU loops, game/__init__.py)
import numpy as np  # noqa: E402

FRAME_S = 1 / 60  #: one frame, one tick: the sim's fixed step
PRESS_AT = 0.5  #: the running sum of a pedal or steering value presses its key past this
#: control column -> the actions (the settings' names) that ask for it: positive, negative
AXES = {"throttle": ("throttle", None), "brake": ("brake", None),
        "steer": ("steer_right", "steer_left"), "handbrake": ("handbrake", None)}
RESULTS_WAIT_S = 8.0  #: real seconds at most between the end of the job and its results screen


class KeyPresser:
    """Turns control rows into key events: what is down, and what to press or let go.

    It presses the first key the settings bind to each action (``key_codes``, as the
    game reads them), so a player's own bindings are pressed as he would press them."""

    def __init__(self, pygame, bindings: dict[str, list[str]]) -> None:
        from game.input.player import key_codes

        self.pygame = pygame
        self.key_of: dict[str, int] = {}  #: action -> the key code pressed for it
        for code, action in key_codes(bindings).codes.items():
            self.key_of.setdefault(action, code)
        self.down: set[str] = set()  #: actions whose key is held
        self.sums = dict.fromkeys(AXES, 0.0)  #: per axis, asked minus pressed so far
        self.presses = 0  #: key downs sent (a figure for the report)

    def _event(self, kind: int, code: int):
        return self.pygame.event.Event(kind, key=code, mod=0, scancode=0, unicode="")

    def tap(self, code: int) -> list:
        """A key pressed and let go in one frame (a menu's Return, the lights)."""
        self.presses += 1
        return [self._event(self.pygame.KEYDOWN, code), self._event(self.pygame.KEYUP, code)]

    def events_for(self, row: np.ndarray, lights_now: bool) -> list:
        """The key downs and ups that make the held keys ask for ``row`` this frame."""
        from game.sim.controls import BRAKE, HANDBRAKE, LIGHTS, STEER, THROTTLE

        asked = {"throttle": row[THROTTLE], "brake": row[BRAKE], "steer": row[STEER],
                 "handbrake": row[HANDBRAKE]}
        want: set[str] = set()
        for axis, value in asked.items():
            positive, negative = AXES[axis]
            self.sums[axis] += float(value)
            if self.sums[axis] >= PRESS_AT:
                want.add(positive)
                self.sums[axis] -= 1.0
            elif negative is not None and self.sums[axis] <= -PRESS_AT:
                want.add(negative)
                self.sums[axis] += 1.0
        up, down = self.pygame.KEYUP, self.pygame.KEYDOWN
        events = [self._event(up, self.key_of[a]) for a in sorted(self.down - want)]
        for action in sorted(want - self.down):
            events.append(self._event(down, self.key_of[action]))
            self.presses += 1
        self.down = want
        if bool(row[LIGHTS] > 0.5) != lights_now:
            events += self.tap(self.key_of["lights"])
        return events


class RideHead:
    """Free drive's head: provoke the police up to the helicopter, then hide from it.

    Phases: "provoke" (drive the roads, through red lights and over the limit, to the
    nearest police car until a pursuit starts), "run" (chased: all out past the overpass,
    on to the nearest place of the map TURN_FROM_M beyond it, and back, round the units
    the minimap shows, so that the helicopter finds him near his hiding place),
    "hide" (once a helicopter flies: to the shadow pocket nearest the overpass, all out;
    there, lights off and still), "lost" (no helicopter, no lookout: the search is over).
    The pursuit lost before the helicopter comes, he provokes again. His hands are the
    job autopilot's (:class:`game.mission.roadcraft.RoadCraft`): out of jams and pins,
    and round the police he can see.
    """

    HIDDEN_M = 12.0  #: this near the pocket's point the car is in it
    REPLAN_S = 3.0  #: seconds between new routes to the police car's moving position
    ARRIVED_M = 40.0  #: running, this near the place he runs to he picks the next
    TURN_FROM_M = 250.0  #: running, he turns back to the overpass this far from it

    def __init__(self, session) -> None:
        from game.level.zones import shadow_pockets
        from game.mission.roadcraft import RoadCraft

        self.session = session
        self.craft = RoadCraft(session)
        self.phase = "provoke"
        self.phase_at_s: dict[str, float] = {"provoke": 0.0}
        pockets = shadow_pockets(session.level)
        zone = session.level.zones.get("overpass_shadow")
        near = zone.polygon.mean(axis=0) if zone is not None else pockets[0]
        self.pocket = min(pockets, key=lambda p: float(np.hypot(p[0] - near[0], p[1] - near[1])))
        self.follower = None
        self.planned_s = -1e9  #: when the route to the police car was planned
        self.run_to = (0.0, 0.0)  #: the place he runs to

    def _enter(self, phase: str) -> None:
        self.phase = phase
        self.phase_at_s.setdefault(phase, self.session.world.time)
        self.follower = None

    def _route(self, x: float, y: float):
        from game.ai.routes import RouteFollower
        from game.mission.autopilot import GETAWAY_STYLE

        session = self.session
        return RouteFollower(session.setting.planner, session.player, x, y,
                             session.level.terrain, session.setting.signals,
                             style=GETAWAY_STYLE)

    def _turn_point(self) -> tuple[float, float]:
        """Where he turns back to the overpass: the place of the map nearest to it of
        those at least TURN_FROM_M away (he stays near his hiding place)."""
        px, py = self.pocket
        centres = [zone.centre for zone in self.session.level.zones.values()]
        far = [c for c in centres if np.hypot(c[0] - px, c[1] - py) >= self.TURN_FROM_M]
        return min(far or centres, key=lambda c: float(np.hypot(c[0] - px, c[1] - py)))

    def row(self) -> np.ndarray:
        """This tick's row: still, or the phase's route driven with the road craft."""
        from game.mission.autopilot import GETAWAY_STYLE

        session = self.session
        world = session.world
        still = self._phase()
        if still is not None:
            return still
        chased = session.view.heat.level >= 1
        if self.craft.fresh_route_wanted:  # pulled out round a blocker: from here
            self.craft.fresh_route_wanted = False
            self._phase_route(fresh=True)
        instead = self.craft.unjam(self.follower, GETAWAY_STYLE, chased, world.dt)
        if instead is not None:
            return instead
        if self.phase != "provoke" and (chased or session.law.lookout is not None):
            self.craft.keep_away(self.follower, world.dt)
        return self.follower.controls(world, world.time, world.dt)

    def surrender_row(self) -> np.ndarray:
        """A job lost to the police: provoke them, and once chased, stop and wait."""
        from game.ai.steering import hold_still

        if self.phase == "provoke" and self.session.view.heat.level >= 1:
            self._enter("surrender")
        return self.row() if self.phase == "provoke" else hold_still(1)[0]

    def _phase(self) -> np.ndarray | None:
        """Moves on to the next phase when it is time; the row that keeps him still, or
        None with :attr:`follower` set to the route to drive."""
        from game.ai.steering import hold_still
        from game.level.zones import cell_flag
        from game.sim.controls import LIGHTS

        session = self.session
        world, player, level = session.world, session.player, session.level
        flying, chased = bool(session.police.helicopters), session.view.heat.level >= 1
        x, y = float(world.x[player]), float(world.y[player])
        if self.phase in ("provoke", "run") and flying:
            self._enter("hide")
        elif self.phase == "provoke" and chased:
            self._enter("run")
        elif self.phase == "run" and not chased:
            self._enter("provoke")
        if self.phase == "hide":
            px, py = self.pocket
            hidden = cell_flag(level.shadow, level.terrain.cell_size, x, y) and \
                float(np.hypot(px - x, py - y)) < self.HIDDEN_M
            if hidden and not flying and session.law.lookout is None:
                self._enter("lost")
            elif not hidden:
                self._phase_route()
                return None
        if self.phase in ("hide", "lost"):  # in the dark, lights off; or the search is over
            row = hold_still(1)[0]
            row[LIGHTS] = float(self.phase == "lost")
            return row
        self._phase_route()
        return None

    def _phase_route(self, fresh: bool = False) -> None:
        """The route for this phase, kept while it holds (``fresh``: a new one now)."""
        world, player = self.session.world, self.session.player
        x, y = float(world.x[player]), float(world.y[player])
        if self.phase == "provoke":
            units = self.session.police.units[~world.wrecked[self.session.police.units]]
            k = int(units[np.argmin(np.hypot(world.x[units] - x, world.y[units] - y))])
            if fresh or self.follower is None or world.time - self.planned_s > self.REPLAN_S:
                self.follower = self._route(float(world.x[k]), float(world.y[k]))
                self.planned_s = world.time
        elif self.phase == "run":  # past the overpass and away again, until it flies
            if self.follower is None or np.hypot(self.run_to[0] - x,
                                                 self.run_to[1] - y) < self.ARRIVED_M:
                near_pocket = np.hypot(self.pocket[0] - x, self.pocket[1] - y) < self.ARRIVED_M
                self.run_to = self._turn_point() if near_pocket else self.pocket
                self.follower = self._route(*self.run_to)
            elif fresh:
                self.follower = self._route(*self.run_to)
        elif fresh or self.follower is None:  # hide: to the pocket
            self.follower = self._route(*self.pocket)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("mission", nargs="?", help="the job to play (or --ride MAP)")
    parser.add_argument("--ride", metavar="MAP", help="play Take a Ride on this map instead")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", type=Path, default=Path("/tmp/play_keys"))
    parser.add_argument("--every-s", type=float, default=30.0, help="sim seconds between shots")
    parser.add_argument("--max-sim-s", type=float, default=900.0)
    parser.add_argument("--lose", choices=("park", "surrender", "pinned"),
                        help="play the job to lose this way")
    parser.add_argument("--difficulty", choices=("easy", "normal", "hard"),
                        help="the police's (Settings > Police) for this run; not saved")
    parser.add_argument("--face", action="store_true",
                        help="in the window, stop right in front of the job's witness")
    args = parser.parse_args(argv)
    if (args.mission is None) == (args.ride is None):
        parser.error("name a mission or --ride MAP")
    args.out.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

    import pygame

    from game.app.main import start_app

    app = start_app()
    if app is None:
        return 2
    app.seed = args.seed
    if args.difficulty:
        from dataclasses import replace

        app.settings = replace(app.settings, difficulty=args.difficulty)
    keys = KeyPresser(pygame, app.settings.bindings)
    try:
        report = (ride(app, keys, args) if args.ride else job(app, keys, args))
    finally:
        app.close()
        app.audio.close()
        pygame.quit()
    report |= {"seed": args.seed, "key_presses": keys.presses}
    print(json.dumps(report))
    return 0 if report.get("ended") else 1


def job(app, keys: KeyPresser, args) -> dict:
    """The job from its briefing to its results screen; the job's result."""
    import pygame

    from game.app.job_scene import BriefingScene, JobOptions, JobScene, open_briefing
    from game.app.results_scene import ResultsScene
    from game.sim.controls import idle_controls

    open_briefing(app, args.mission, JobOptions(seed=args.seed))
    if not isinstance(app.scenes[-1], BriefingScene):
        return {"mission": args.mission, "ended": False, "problem": str(app.notice)}
    shots = Shots(pygame, app, args.out, args.every_s)
    app.step_frame([], FRAME_S)
    shots.save("00-briefing")
    app.step_frame(keys.tap(pygame.K_RETURN), FRAME_S)
    scene = app.scenes[-1]
    assert isinstance(scene, JobScene), "Return takes the job"
    waited_s, head = 0.0, None
    while app.running and app.scenes:
        top = app.scenes[-1]
        if isinstance(top, ResultsScene):
            app.step_frame([], FRAME_S)
            shots.save("99-results")
            break
        events: list = []
        if top is scene and scene.result is None:
            session = scene.drive.session
            world, player = session.world, session.player
            if world.time >= args.max_sim_s:
                break
            row = idle_controls(1)[0]
            if args.lose == "surrender":
                head = head or RideHead(session)
                row = head.surrender_row()
            elif args.lose != "park":
                rows = idle_controls(world.n)
                scene.pilot.drive(session.sense(), rows)
                row = rows[player]
                row = _job_variant(args, scene.runtime, session, row)
            events = keys.events_for(row, bool(world.lights_on[player]))
            shots.every(world.time)
        elif top is scene:
            if waited_s == 0.0:
                shots.save("98-end")
            waited_s += FRAME_S
            if waited_s > RESULTS_WAIT_S:
                break
        app.step_frame(events, FRAME_S)
        pygame.display.flip()
    report = {"mission": args.mission, "ended": scene.result is not None,
              "video_driver": pygame.display.get_driver()}
    return report | (scene.result.to_json() if scene.result is not None else {})


FACE_STOP_M = 5.0  #: --face: he stops this near the witness, in front of her


def _job_variant(args, runtime, session, row: np.ndarray) -> np.ndarray:
    """The autopilot's row, or what ``--lose pinned`` / ``--face`` does instead:

    * ``pinned``: once the crew is back in the car (the getaway), he stops where he is,
      wherever the job's chasers are, and waits;
    * ``face``: while the window is open and the crew still inside, he drives up to the
      job's first witness and stops right in front of her (then drives the job out)."""
    from game.ai.steering import hold_still, pull_in
    from game.mission.window import WindowPhase

    rule = runtime.rule
    if args.lose == "pinned" and rule.phase is not WindowPhase.BEFORE \
            and not runtime.crew_out_there():
        return hold_still(1)[0]
    witnesses = runtime.mission.witnesses
    if args.face and witnesses and rule.phase is WindowPhase.OPEN and runtime.crew_out_there():
        spawn = session.level.spawns[witnesses[0].spawn]
        ahead = (np.cos(spawn.heading), np.sin(spawn.heading))
        goal = (spawn.x + FACE_STOP_M * ahead[0], spawn.y + FACE_STOP_M * ahead[1])
        rows = pull_in(session.world, np.array([session.player]), row[None, :].copy(),
                       goal, within_m=60.0, stop_m=1.5)
        return rows[0]
    return row


def ride(app, keys: KeyPresser, args) -> dict:
    """Take a Ride with :class:`RideHead` until the search is called off, he is busted
    or the time is up; what happened when."""
    import pygame

    from game.app.busted_scene import BustedScene
    from game.app.drive_scene import DriveScene, open_free_drive
    from game.level import load_level
    from game.level.files import find_map

    if not open_free_drive(app, level=load_level(find_map(args.ride))):
        return {"ride": args.ride, "ended": False, "problem": str(app.notice)}
    scene = app.scenes[-1]
    assert isinstance(scene, DriveScene)
    app.step_frame([], FRAME_S)  # the scene builds its session on the first frame
    head = RideHead(scene.session)
    shots = Shots(pygame, app, args.out, args.every_s)
    phase, heat_max = head.phase, 0
    while app.running and app.scenes and scene.session.world.time < args.max_sim_s:
        top = app.scenes[-1]
        if isinstance(top, BustedScene):
            app.step_frame([], FRAME_S)
            shots.save("99-busted")
            break
        session = scene.session
        world, player = session.world, session.player
        events = keys.events_for(head.row(), bool(world.lights_on[player]))
        if head.phase != phase:
            shots.save(f"{len(head.phase_at_s):02d}-{head.phase}")
            phase = head.phase
        if phase == "lost":
            break
        heat_max = max(heat_max, session.view.heat.level)
        shots.every(world.time)
        app.step_frame(events, FRAME_S)
        pygame.display.flip()
    return {"ride": args.ride, "ended": head.phase == "lost", "phase": head.phase,
            "phase_at_s": {k: round(v, 1) for k, v in head.phase_at_s.items()},
            "heat_level_max": heat_max, "sim_s": round(scene.session.world.time, 1),
            "busted": isinstance(app.scenes[-1], BustedScene) if app.scenes else False,
            "video_driver": pygame.display.get_driver()}


class Shots:
    """Saves the window to OUT: every ``every_s`` sim seconds and when asked."""

    def __init__(self, pygame, app, out: Path, every_s: float) -> None:
        self.pygame, self.app, self.out, self.every_s = pygame, app, out, every_s
        self.next_s = every_s

    def save(self, name: str) -> None:
        self.pygame.image.save(self.app.screen, str(self.out / f"{name}.png"))

    def every(self, time_s: float) -> None:
        if time_s >= self.next_s:
            self.save(f"t{time_s:05.0f}")
            self.next_s += self.every_s


if __name__ == "__main__":
    sys.exit(main())
