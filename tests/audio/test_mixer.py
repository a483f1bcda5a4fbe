"""The audio system plays on the dummy driver and degrades to silence without a sound card."""

import os
from types import SimpleNamespace

import numpy as np
import pygame

from game.audio.mixer import (
    SIRENS,
    AudioSystem,
    audible_impulses,
    native_stderr_silenced,
    siren_mix,
)


def test_runs_on_the_dummy_driver_and_sets_loop_volumes():
    audio = AudioSystem(volume=1.0)
    try:
        assert audio.enabled and audio.message is None
        audio.update(speed_ms=20.0, throttle=1.0, rear_slip=0.5, horn=True, sirens=[],
                     crash_impulses=np.array([30000.0]), radio=True)
        volumes = [c.get_volume() for c in audio.loop_channels]
        engine = volumes[: 2 * len(audio.engine_idle)]
        screech, horn = volumes[-SIRENS - 2:-SIRENS]
        assert sum(engine) > 0.2 and screech > 0.3 and horn > 0.3
        assert audio.siren_levels == [(0.0, 0.0)] * SIRENS  # no siren near
        assert np.count_nonzero(engine) <= 4
        audio.update(speed_ms=20.0, throttle=1.0, rear_slip=0.0, horn=False,
                     sirens=[(0.2, 0.9)], crash_impulses=np.zeros(0))
        left, right = audio.siren_levels[0]
        assert 0.0 < left < right  # heard, louder on its side
    finally:
        audio.close()


def test_no_sound_card_means_silent_with_one_message(monkeypatch):
    def no_device(*args, **kwargs):
        raise pygame.error("No available audio device")

    monkeypatch.setattr(pygame.mixer, "init", no_device)
    audio = AudioSystem()
    assert not audio.enabled
    assert "No available audio device" in audio.message
    audio.update(10.0, 1.0, 0.0, True, [(1.0, 1.0)], np.array([1e5]))  # quietly does nothing


def test_each_siren_is_louder_near_and_panned_to_its_side():
    here = (100.0, 100.0)
    units = np.array([[100.0, 140.0], [100.0, 300.0], [100.0, 60.0], [900.0, 900.0]])
    mix = siren_mix(*here, 0.0, units)  # facing east: +y (south on screen) is the right
    assert len(mix) == SIRENS  # the nearest three, the far one left out
    (near_left, near_right), (behind_left, behind_right), (far_left, far_right) = mix
    assert near_right > near_left and behind_left > behind_right  # each on its side
    assert near_right > far_right and near_left + near_right > far_left + far_right
    assert siren_mix(*here, 0.0, units[3:]) == [(0.0, 0.0)]  # out of hearing: silent


def test_crashes_far_away_are_not_heard():
    hits = SimpleNamespace(x=np.array([10.0, 500.0]), y=np.array([0.0, 0.0]),
                           impulse=np.array([1000.0, 1000.0]))
    impulses = audible_impulses([SimpleNamespace(collisions=hits)], 0.0, 0.0)
    assert impulses.size == 1 and 800.0 < impulses[0] < 1000.0


def test_native_noise_is_silenced_only_while_probing(capfd):
    with native_stderr_silenced():
        os.write(2, b"ALSA lib pcm.c: Unknown PCM default\n")
    os.write(2, b"after\n")
    assert capfd.readouterr().err == "after\n"
