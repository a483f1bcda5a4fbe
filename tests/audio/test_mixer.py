"""The audio system plays on the dummy driver and degrades to silence without a sound card."""

import os
from types import SimpleNamespace

import numpy as np
import pygame

from game.audio.mixer import AudioSystem, audible_impulses, native_stderr_silenced


def test_runs_on_the_dummy_driver_and_sets_loop_volumes():
    audio = AudioSystem(volume=1.0)
    try:
        assert audio.enabled and audio.message is None
        audio.update(speed_ms=20.0, throttle=1.0, rear_slip=0.5, horn=True, siren=False,
                     crash_impulses=np.array([30000.0]))
        volumes = [c.get_volume() for c in audio.loop_channels]
        engine = volumes[: 2 * len(audio.engine_idle)]
        screech, horn, siren = volumes[-3:]
        assert sum(engine) > 0.2 and screech > 0.3 and horn > 0.3 and siren == 0.0
        assert np.count_nonzero(engine) <= 4
    finally:
        audio.close()


def test_no_sound_card_means_silent_with_one_message(monkeypatch):
    def no_device(*args, **kwargs):
        raise pygame.error("No available audio device")

    monkeypatch.setattr(pygame.mixer, "init", no_device)
    audio = AudioSystem()
    assert not audio.enabled
    assert "No available audio device" in audio.message
    audio.update(10.0, 1.0, 0.0, True, True, np.array([1e5]))  # quietly does nothing


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
