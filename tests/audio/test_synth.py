"""Synthesized sounds: right pitches, seamless loops, sane levels."""

import numpy as np
import pytest

from game.audio import synth
from game.audio.mixer import crossfade_weights, engine_pitch


@pytest.mark.parametrize("frequency", list(synth.engine_step_hz()))
def test_engine_loops_sound_at_their_step_pitch(frequency):
    for load in (False, True):
        loop = synth.engine_loop(frequency, load)
        assert np.max(np.abs(loop)) <= 1.0
        # played four times in a row, the strongest tone is the firing frequency
        assert synth.dominant_hz(np.tile(loop, 4)) == pytest.approx(frequency, rel=0.02)


def test_idle_loop_repeats_without_a_click():
    loop = synth.engine_loop(synth.ENGINE_IDLE_HZ, load=False)
    typical_step = np.median(np.abs(np.diff(loop)))
    assert abs(float(loop[0] - loop[-1])) < 20 * typical_step + 1e-3


def test_horn_and_siren_are_in_their_bands():
    assert synth.dominant_hz(np.tile(synth.horn_loop(), 2)) in (400.0, 500.0)
    siren = synth.siren_loop()
    assert 600 < synth.dominant_hz(siren) < 1400


def test_heavier_crash_rings_longer():
    light, heavy = synth.thump(0.1), synth.thump(1.0)
    tail = slice(int(0.15 * synth.SAMPLE_RATE), None)
    assert np.abs(heavy[tail]).mean() > 2 * np.abs(light[tail]).mean()


def test_engine_pitch_rises_through_each_gear_and_drops_at_a_shift():
    speeds = np.linspace(1.0, 54.0, 400)
    pitches = np.array([engine_pitch(s, 1.0) for s in speeds])
    drops = np.flatnonzero(np.diff(pitches) < -0.1)
    assert len(drops) == 3  # four gears -> three upshifts
    assert engine_pitch(0.0, 0.0) == 0.0 and engine_pitch(0.0, 1.0) > 0.0


def test_crossfade_weights_pick_two_neighbours_and_sum_to_one():
    weights = crossfade_weights(0.5, 8)
    assert weights.sum() == pytest.approx(1.0)
    assert np.count_nonzero(weights) <= 2
    assert crossfade_weights(1.0, 8)[-1] == pytest.approx(1.0)
    assert crossfade_weights(0.0, 8)[0] == pytest.approx(1.0)


def test_the_scrape_loops_without_a_click_and_rasps_high():
    wave = synth.scrape_loop()
    assert abs(float(wave[0]) - float(wave[-1])) < 0.2  # circular noise, whole cycles
    assert 300.0 < synth.dominant_hz(wave) < 6000.0
