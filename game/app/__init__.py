"""Scenes and the main loop (pygame). The headless drive they show is :mod:`game.session`."""
