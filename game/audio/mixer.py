"""The game's sound: synthesized buffers (:mod:`game.audio.synth`) played by pygame's mixer.

The engine is a bank of looping buffers at fixed pitch steps, idle and under load, all
playing at once on their own channels; each frame only the volumes change: the two steps
either side of the current engine pitch crossfade, and throttle crossfades idle and load.
So pitch follows speed smoothly with no restarts and no clicks. Screech follows the
player's rear-tyre slip. A crash is one thump, as loud and as heavy as its impulse, when
a contact begins (or hits again much harder): a car resting or sliding against a wall
reports a contact every step, and that is heard as one continuous scrape while it lasts
(:class:`ContactEars` tells the two apart), louder the faster the car slides. Each
pursuing unit near the player has a siren of its own (the nearest :data:`SIRENS`),
louder as it comes closer and panned to its side; a radio line keys a squelch. Without
a sound card the game runs silent and says so once.
"""

from __future__ import annotations

import os
from contextlib import contextmanager

import numpy as np
import pygame

from game.audio import synth

SCREECH_SLIP_RAD = (0.12, 0.45)  #: rear slip angle where the squeal starts / is full
THUMP_IMPULSE_NS = (1500.0, 25000.0)  #: impulse of a barely audible / full-volume crash
THUMP_HEARING_M = 80.0  #: crashes further than this from the player are not heard
THUMP_SIZES = (0.2, 0.55, 1.0)  #: strengths of the pre-made crash sounds
THUMP_AGAIN = 2.0  #: within a contact, an impulse this many times the last frame's is a new hit
SCRAPE_GAP_S = 0.12  #: the Driver's contacts less than this apart are one scrape
SCRAPE_FULL_MS = 15.0  #: m/s, a scrape at this speed or more is at full volume
TOP_GEAR_SPEED_MS = 55.0  #: speed where the engine pitch reaches the top step
GEARS = 4  #: the engine pitch climbs and drops back through this many gears
SIRENS = 3  #: the nearest sirens that sound at once, each on its own channel
SIREN_HEARING_M = 260.0  #: a siren farther off than this is not heard


@contextmanager
def native_stderr_silenced():
    """Point the process's stderr (file descriptor 2) at /dev/null for a moment, so C
    libraries probing for a sound card (ALSA) do not print a page of errors; the game
    says in one line what it means for the player."""
    try:
        saved = os.dup(2)
    except OSError:  # no usable stderr to protect
        yield
        return
    try:
        with open(os.devnull, "wb") as devnull:
            os.dup2(devnull.fileno(), 2)
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)


def engine_pitch(speed_ms: float, throttle: float) -> float:
    """Engine pitch 0..1 from speed (through gears) and throttle (free revs at a standstill)."""
    fraction = min(1.0, max(0.0, speed_ms) / TOP_GEAR_SPEED_MS)
    gear = min(GEARS - 1, int(fraction * GEARS))
    in_gear = fraction * GEARS - gear  # 0..1 through the current gear
    revs = 0.25 + 0.55 * in_gear + 0.2 * fraction if fraction > 0.02 else 0.0
    return float(min(1.0, max(revs, 0.3 * throttle)))


def crossfade_weights(pitch: float, steps: int) -> np.ndarray:
    """Per-step volumes for a pitch 0..1: the two neighbouring steps, summing to 1."""
    position = pitch * (steps - 1)
    low = min(steps - 2, int(position))
    upper = position - low
    weights = np.zeros(steps)
    weights[low], weights[low + 1] = 1.0 - upper, upper
    return weights


def siren_mix(x: float, y: float, heading: float,
              sirens_xy: np.ndarray) -> list[tuple[float, float]]:
    """(left, right) volume of the nearest SIRENS sirens heard from a car at (x, y) facing
    ``heading``: fading with distance, panned by which side of the car each is on."""
    if len(sirens_xy) == 0:
        return []
    dx, dy = sirens_xy[:, 0] - x, sirens_xy[:, 1] - y
    distance = np.hypot(dx, dy)
    order = np.argsort(distance)[:SIRENS]
    out = []
    for k in order.tolist():
        loud = max(0.0, 1.0 - distance[k] / SIREN_HEARING_M) ** 1.5
        # +1 when the siren is on the car's right (heading clockwise, screen y down)
        side = float((dx[k] * -np.sin(heading) + dy[k] * np.cos(heading)) / max(distance[k], 1.0))
        out.append((loud * min(1.0, 1.0 - 0.6 * side), loud * min(1.0, 1.0 + 0.6 * side)))
    return out


class ContactEars:
    """Hears a frame's contacts: which are new hits (a thump each) and whether the
    Driver's car is scraping along something (one looping sound, not a thump a step).

    A contact is a pair of bodies (a car and another, or a car and the walls). It is a
    new hit in the first frame it appears, or when its impulse jumps to
    :data:`THUMP_AGAIN` times the last frame's; otherwise it is the same contact going
    on. The Driver's car scrapes while its contacts keep coming, less than
    :data:`SCRAPE_GAP_S` apart, after the first frame of them.
    """

    def __init__(self) -> None:
        self.last_keys = np.zeros(0, dtype=np.int64)  #: last frame's contacts, sorted
        self.last_impulses = np.zeros(0)  #: ...and their impulses, N*s
        self.time_s = None  #: the sim time of the last frame heard
        self.since_contact_s = np.inf  #: since the Driver's car last touched anything
        self.contact_s = 0.0  #: how long its contacts have kept coming

    def hear(self, events: list, x: float, y: float, player: int, speed_ms: float,
             time_s: float) -> tuple[np.ndarray, float]:
        """(new hits' impulses faded by distance from (x, y), loudest first; the scrape's
        level 0..1) for the step events of one frame, ending at sim time ``time_s``."""
        dt = 0.0 if self.time_s is None else max(0.0, time_s - self.time_s)
        self.time_s = time_s
        hits = [step.collisions for step in events]
        a, b = _column(hits, "a", np.int64), _column(hits, "b", np.int64)
        impulse, px, py = (_column(hits, name, float) for name in ("impulse", "x", "y"))
        keys = (a << 32) + (b + 1)  # one per pair of bodies (b = -1: the walls)
        unique, row = np.unique(keys, return_inverse=True)
        strongest = np.zeros(unique.size)
        np.maximum.at(strongest, row, impulse)
        before = np.zeros(unique.size)  # the same contact's impulse last frame (0: new)
        if self.last_keys.size:
            at = np.minimum(np.searchsorted(self.last_keys, unique), self.last_keys.size - 1)
            before = np.where(self.last_keys[at] == unique, self.last_impulses[at], 0.0)
        new = (before == 0.0) | (strongest > THUMP_AGAIN * before)
        self.last_keys, self.last_impulses = unique, strongest
        new_rows = new[row] & (impulse >= strongest[row])  # one row per new contact
        distance = np.hypot(px - x, py - y)
        near = new_rows & (distance < THUMP_HEARING_M)
        thumps = np.sort(impulse[near] * (1.0 - distance[near] / THUMP_HEARING_M))[::-1]

        touching = bool(((a == player) | (b == player)).any())
        if touching:
            self.contact_s = self.contact_s + dt if self.since_contact_s <= SCRAPE_GAP_S else 0.0
            self.since_contact_s = 0.0
        else:
            self.since_contact_s += dt
        scraping = self.since_contact_s <= SCRAPE_GAP_S and self.contact_s > 0.0
        level = min(1.0, max(0.0, speed_ms) / SCRAPE_FULL_MS) if scraping else 0.0
        return thumps, level


def _column(collisions: list, name: str, dtype: type) -> np.ndarray:
    """One column of a frame's collision tables, end to end."""
    columns = [np.asarray(getattr(hits, name), dtype=dtype) for hits in collisions]
    return np.concatenate(columns) if columns else np.zeros(0, dtype=dtype)


class AudioSystem:
    """Owns the mixer channels; :meth:`update` once per frame with the session's state."""

    def __init__(self, volume: float = 0.8) -> None:
        self.volume = volume
        self.enabled = False
        self.message: str | None = None  #: why the game is silent, shown once
        try:
            with native_stderr_silenced():  # audio libraries print their probing failures
                pygame.mixer.init(frequency=synth.SAMPLE_RATE, size=-16, channels=2,
                                  buffer=512)
        except pygame.error as error:
            self.message = f"no sound: {error}; the game runs silently"
            return
        self.enabled = True
        self.loop_channels: list[pygame.mixer.Channel] = []  #: built on first use (fast start)
        self.siren_levels: list[tuple[float, float]] = []

    def _sound(self, samples: np.ndarray) -> pygame.mixer.Sound:
        pcm = (np.clip(samples, -1.0, 1.0) * 32767).astype(np.int16)
        channels = pygame.mixer.get_init()[2]
        if channels > 1:
            pcm = np.repeat(pcm[:, None], channels, axis=1)
        return pygame.sndarray.make_sound(np.ascontiguousarray(pcm))

    def _build(self) -> None:
        steps = synth.engine_step_hz()
        self.engine_idle = [self._sound(synth.engine_loop(f, load=False)) for f in steps]
        self.engine_load = [self._sound(synth.engine_loop(f, load=True)) for f in steps]
        self.scrape = self._sound(synth.scrape_loop())
        self.screech = self._sound(synth.screech_loop())
        self.horn = self._sound(synth.horn_loop())
        self.siren = self._sound(synth.siren_loop())
        self.thumps = [self._sound(synth.thump(s)) for s in THUMP_SIZES]
        self.squelch = self._sound(synth.radio_squelch())
        loops = [*self.engine_idle, *self.engine_load, self.scrape, self.screech, self.horn,
                 *[self.siren] * SIRENS]
        pygame.mixer.set_num_channels(len(loops) + 8)  # the rest are free for thumps
        pygame.mixer.set_reserved(len(loops))
        self.loop_channels = [pygame.mixer.Channel(i) for i in range(len(loops))]
        for channel, sound in zip(self.loop_channels, loops, strict=True):
            channel.play(sound, loops=-1)
            channel.set_volume(0.0)

    def update(self, speed_ms: float, throttle: float, rear_slip: float, horn: bool,
               sirens: list[tuple[float, float]], crash_impulses: np.ndarray,
               radio: bool = False, scrape: float = 0.0) -> None:
        """Set loop volumes from the player's car, the sirens near it ((left, right) each,
        :func:`siren_mix`) and its scrape (0..1, :class:`ContactEars`), play thumps for
        nearby crashes (their impulses, N*s) and, with ``radio``, the squelch of a radio
        line."""
        if not self.enabled:
            return
        if not self.loop_channels:
            self._build()
        steps = len(self.engine_idle)
        weights = crossfade_weights(engine_pitch(speed_ms, throttle), steps) * self.volume
        load = 0.25 + 0.75 * float(np.clip(throttle, 0.0, 1.0))
        volumes = [*(weights * (1.0 - 0.6 * load) * 0.5), *(weights * load * 0.5)]
        slip_lo, slip_hi = SCREECH_SLIP_RAD
        moving = min(1.0, speed_ms / 5.0)
        screech = float(np.clip((abs(rear_slip) - slip_lo) / (slip_hi - slip_lo), 0, 1)) * moving
        volumes += [0.55 * min(1.0, max(0.0, scrape)) * self.volume,
                    0.45 * screech * self.volume, 0.6 * horn * self.volume]
        for channel, volume in zip(self.loop_channels, volumes, strict=False):
            channel.set_volume(float(volume))
        heard = list(sirens[:SIRENS]) + [(0.0, 0.0)] * (SIRENS - len(sirens[:SIRENS]))
        self.siren_levels = [(0.35 * left * self.volume, 0.35 * right * self.volume)
                             for left, right in heard]  #: (left, right) per siren channel
        for channel, (left, right) in zip(self.loop_channels[-SIRENS:], self.siren_levels,
                                          strict=True):
            channel.set_volume(float(left), float(right))
        if radio:
            channel = pygame.mixer.find_channel(True)
            if channel is not None:
                channel.set_volume(0.5 * self.volume)
                channel.play(self.squelch)
        for impulse in np.asarray(crash_impulses, dtype=float)[:4]:
            self._thump(float(impulse))

    def _thump(self, impulse: float) -> None:
        quiet, loud = THUMP_IMPULSE_NS
        strength = (impulse - quiet) / (loud - quiet)
        if strength <= 0.0:
            return
        strength = min(1.0, strength)
        sound = self.thumps[int(np.searchsorted(THUMP_SIZES, strength))]
        channel = pygame.mixer.find_channel(True)
        if channel is not None:
            channel.set_volume(self.volume * (0.3 + 0.7 * strength))
            channel.play(sound)

    def silence(self) -> None:
        """Mute the loops (pause menu); :meth:`update` brings them back."""
        if self.enabled and self.loop_channels:
            for channel in self.loop_channels:
                channel.set_volume(0.0)

    def close(self) -> None:
        if self.enabled:
            pygame.mixer.quit()
            self.enabled = False
