"""The audio system plays on the dummy driver and degrades to silence without a sound card."""

import os
from types import SimpleNamespace

import numpy as np
import pygame
import pytest

from game.audio.mixer import (
    SIRENS,
    AudioSystem,
    ContactEars,
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


def frame_of(*rows) -> list:
    """One frame's step events: contact rows (a, b, x, y, impulse), one step."""
    a, b, x, y, impulse = (np.array(column, dtype=float) for column in zip(*rows, strict=True)) \
        if rows else (np.zeros(0),) * 5
    hits = SimpleNamespace(a=a.astype(int), b=b.astype(int), x=x, y=y, impulse=impulse)
    return [SimpleNamespace(collisions=hits)]


def test_crashes_far_away_are_not_heard():
    ears = ContactEars()
    thumps, _ = ears.hear(frame_of((1, -1, 10.0, 0.0, 1000.0), (2, -1, 500.0, 0.0, 1000.0)),
                          0.0, 0.0, player=0, speed_ms=0.0, time_s=0.0)
    assert thumps.size == 1 and 800.0 < thumps[0] < 1000.0


def test_a_crash_is_one_thump_and_a_slide_along_a_wall_one_scrape():
    ears = ContactEars()
    heard = []
    for tick in range(60):  # the Driver (car 0) slides along a wall for a second
        contact = (0, -1, 5.0, 0.0, 9000.0 if tick == 10 else 600.0)
        thumps, scrape = ears.hear(frame_of(contact), 0.0, 0.0, 0, 12.0, tick / 60)
        heard.append((thumps.size, scrape))
    assert heard[0][0] == 1  # the first touch
    assert sum(count for count, _ in heard) == 2  # and the hard knock at tick 10, no more
    assert heard[0][1] == 0.0 and all(level == pytest.approx(0.8) for _, level in heard[1:])
    gap = [ears.hear(frame_of(), 0.0, 0.0, 0, 12.0, (60 + k) / 60)[1] for k in range(12)]
    assert gap[0] > 0.0 and gap[-1] == 0.0  # a short gap is the same scrape; then it stops
    slower = ContactEars()
    for tick in range(5):
        _, crawl = slower.hear(frame_of((0, -1, 5.0, 0.0, 100.0)), 0.0, 0.0, 0, 3.0, tick / 60)
    assert 0.0 < crawl < 0.8  # a crawl along the wall is quieter


def test_two_cars_crashing_are_one_thump_until_they_part():
    ears = ContactEars()
    counts = [ears.hear(frame_of((3, 4, 20.0, 0.0, 5000.0)), 0.0, 0.0, 0, 0.0, t / 60)[0].size
              for t in range(5)]
    assert counts == [1, 0, 0, 0, 0]
    ears.hear(frame_of(), 0.0, 0.0, 0, 0.0, 5 / 60)
    assert ears.hear(frame_of((3, 4, 20.0, 0.0, 5000.0)), 0.0, 0.0, 0, 0.0, 6 / 60)[0].size == 1


def test_the_scrape_loop_plays_at_the_level_asked():
    audio = AudioSystem(volume=1.0)
    try:
        audio.update(speed_ms=12.0, throttle=0.0, rear_slip=0.0, horn=False, sirens=[],
                     crash_impulses=np.zeros(0), scrape=1.0)
        volumes = [c.get_volume() for c in audio.loop_channels]
        scrape = volumes[2 * len(audio.engine_idle)]
        assert scrape > 0.4
        audio.update(speed_ms=12.0, throttle=0.0, rear_slip=0.0, horn=False, sirens=[],
                     crash_impulses=np.zeros(0))
        assert audio.loop_channels[2 * len(audio.engine_idle)].get_volume() == 0.0
    finally:
        audio.close()


def test_native_noise_is_silenced_only_while_probing(capfd):
    with native_stderr_silenced():
        os.write(2, b"ALSA lib pcm.c: Unknown PCM default\n")
    os.write(2, b"after\n")
    assert capfd.readouterr().err == "after\n"
