"""Sound synthesis in numpy: engine loops, tyre screech, crash thumps, horn, siren, and the
police radio's squelch.

Pure numpy (no pygame): every function returns float32 samples in -1..1 at
:data:`SAMPLE_RATE`. Looping buffers hold a whole number of periods of every component,
so they repeat without a click. :mod:`game.audio.mixer` turns them into mixer Sounds.
"""

from __future__ import annotations

import numpy as np

SAMPLE_RATE = 22050  #: Hz; enough for engine and tyre sounds, cheap to mix
ENGINE_IDLE_HZ = 45.0  #: firing frequency at idle: a V8 fires 4 times a revolution, ~700 rpm
ENGINE_MAX_HZ = 330.0  #: firing frequency near 5,000 rpm, where the game's gears top out
ENGINE_STEPS = 8  #: pitch steps the engine crossfades between


def engine_step_hz(steps: int = ENGINE_STEPS) -> np.ndarray:
    """Firing frequencies of the engine loops, spaced evenly in pitch (geometric)."""
    return np.geomspace(ENGINE_IDLE_HZ, ENGINE_MAX_HZ, steps)


def _loop_length(frequency: float, min_seconds: float) -> tuple[int, float]:
    """Samples for a loop of whole periods at least ``min_seconds`` long, and the
    frequency nudged so the period count is exact (inaudible change)."""
    periods = max(1, round(frequency * min_seconds))
    samples = round(periods * SAMPLE_RATE / frequency)
    return samples, periods * SAMPLE_RATE / samples


def engine_loop(frequency: float, load: bool, seconds: float = 0.5) -> np.ndarray:
    """One engine loop: firing pulses rich in harmonics; ``load`` adds growl and rasp.

    The pulse train is a sum of harmonics with falling weights; under load the odd
    harmonics and a band of noise locked to the firing period come up (it sounds strained).
    """
    samples, frequency = _loop_length(frequency, seconds)
    t = np.arange(samples) / SAMPLE_RATE
    phase = 2 * np.pi * frequency * t
    wave = np.zeros(samples)
    for harmonic in range(1, 13):
        weight = 1.0 / harmonic ** (1.1 if load else 1.6)
        if load and harmonic % 2:
            weight *= 1.4
        wave += weight * np.sin(harmonic * phase + 0.7 * harmonic)
    wave += 0.6 * np.sin(phase / 2)  # half-order rumble: the uneven firing of a V8
    if load:
        # noise bursts at each firing, repeated identically every period so the loop is seamless
        period = samples / round(frequency * samples / SAMPLE_RATE)
        rng = np.random.default_rng(int(frequency * 100))
        burst = rng.standard_normal(int(np.ceil(period)))
        envelope = np.exp(-np.arange(burst.size) / (0.25 * period))
        index = (np.arange(samples) % period).astype(int)
        wave += 0.8 * (burst * envelope)[index]
    return _normalise(wave, 0.9)


def screech_loop(seconds: float = 1.0) -> np.ndarray:
    """Tyre squeal: a wavering tone near 1 kHz over band-passed noise, seamless loop."""
    samples = int(SAMPLE_RATE * seconds)
    t = np.arange(samples) / SAMPLE_RATE
    wobble_hz = np.round(7.0 * seconds) / seconds  # ~7 Hz, whole cycles over the loop
    wobble = np.sin(2 * np.pi * wobble_hz * t)
    tone = np.sin(2 * np.pi * np.round(1050 * seconds) / seconds * t + 3.0 * wobble)
    tone += 0.5 * np.sin(2 * np.pi * np.round(1575 * seconds) / seconds * t + 2.0 * wobble)
    noise = _band_noise(samples, 700.0, 2600.0, seed=7)
    return _normalise(0.6 * tone + noise, 0.8)


def scrape_loop(seconds: float = 1.0) -> np.ndarray:
    """Metal on concrete: a grinding rasp (broad noise whose loudness judders at ~23 Hz)
    over a scream of a few inharmonic partials, seamless loop (whole cycles, circular
    noise), so one long scrape is one continuous sound."""
    samples = int(SAMPLE_RATE * seconds)
    t = np.arange(samples) / SAMPLE_RATE
    judder_hz = np.round(23.0 * seconds) / seconds
    judder = 0.55 + 0.45 * np.abs(np.sin(np.pi * judder_hz * t)) ** 3
    rasp = _band_noise(samples, 250.0, 5000.0, seed=13) * judder
    scream = sum(np.sin(2 * np.pi * np.round(hz * seconds) / seconds * t) * weight
                 for hz, weight in ((2150.0, 0.25), (3380.0, 0.15), (4710.0, 0.1)))
    return _normalise(rasp + scream * judder, 0.8)


def thump(strength: float, seconds: float = 0.45) -> np.ndarray:
    """A crash: low decaying thud plus a burst of crunch; ``strength`` 0..1 darkens and
    lengthens it (a heavy hit rings lower and longer)."""
    samples = int(SAMPLE_RATE * seconds)
    t = np.arange(samples) / SAMPLE_RATE
    pitch = 90.0 - 40.0 * strength
    body = np.sin(2 * np.pi * pitch * t * (1.0 - 0.4 * t)) * np.exp(-t / (0.05 + 0.12 * strength))
    crunch = _band_noise(samples, 300.0, 4000.0, seed=11) * np.exp(-t / (0.02 + 0.06 * strength))
    return _normalise(body + (0.4 + 0.6 * strength) * crunch, 0.95)


def horn_loop(seconds: float = 0.5) -> np.ndarray:
    """A two-note car horn (a major third apart), soft-clipped square-ish tones."""
    samples = int(SAMPLE_RATE * seconds)
    t = np.arange(samples) / SAMPLE_RATE
    wave = np.zeros(samples)
    for frequency in (np.round(400 * seconds) / seconds, np.round(500 * seconds) / seconds):
        wave += np.tanh(4.0 * np.sin(2 * np.pi * frequency * t))
    return _normalise(wave, 0.7)


def siren_loop(seconds: float = 3.0) -> np.ndarray:
    """A police wail: pitch sweeps 650 -> 1350 Hz and back once per loop (phase-continuous)."""
    samples = int(SAMPLE_RATE * seconds)
    t = np.arange(samples) / SAMPLE_RATE
    sweep = 0.5 - 0.5 * np.cos(2 * np.pi * t / seconds)
    frequency = 650.0 + 700.0 * sweep
    phase = 2 * np.pi * np.cumsum(frequency) / SAMPLE_RATE
    # nudge so the loop closes on a whole cycle
    phase *= np.round(phase[-1] / (2 * np.pi)) * 2 * np.pi / phase[-1]
    wave = np.sin(phase) + 0.3 * np.sin(2 * phase)
    return _normalise(wave, 0.6)


def radio_squelch(seconds: float = 0.45) -> np.ndarray:
    """A police radio keying up: a hiss of band-limited static that opens and closes,
    with the short two-tone chirp dispatch sounds before a call."""
    samples = int(SAMPLE_RATE * seconds)
    t = np.arange(samples) / SAMPLE_RATE
    static = _band_noise(samples, 900.0, 3200.0, seed=11)
    envelope = np.clip(t / 0.02, 0.0, 1.0) * np.clip((seconds - t) / 0.08, 0.0, 1.0)
    chirp = np.where(t < 0.09, np.sin(2 * np.pi * 1250.0 * t),
                     np.where(t < 0.18, np.sin(2 * np.pi * 1650.0 * t), 0.0))
    return _normalise(0.55 * static * envelope + 0.5 * chirp * np.clip(t / 0.005, 0, 1), 0.7)


def _band_noise(samples: int, low_hz: float, high_hz: float, seed: int) -> np.ndarray:
    """White noise band-limited in the frequency domain (circular, so it loops)."""
    spectrum = np.fft.rfft(np.random.default_rng(seed).standard_normal(samples))
    frequencies = np.fft.rfftfreq(samples, 1.0 / SAMPLE_RATE)
    spectrum[(frequencies < low_hz) | (frequencies > high_hz)] = 0.0
    return np.fft.irfft(spectrum, samples)


def _normalise(wave: np.ndarray, peak: float) -> np.ndarray:
    largest = float(np.max(np.abs(wave))) or 1.0
    return (wave * (peak / largest)).astype(np.float32)


def dominant_hz(samples: np.ndarray) -> float:
    """The strongest frequency in a buffer (tests and tuning)."""
    spectrum = np.abs(np.fft.rfft(samples * np.hanning(samples.size)))
    spectrum[0] = 0.0
    return float(np.fft.rfftfreq(samples.size, 1.0 / SAMPLE_RATE)[int(np.argmax(spectrum))])
