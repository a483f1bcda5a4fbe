"""Scenes and the main loop. ``session`` (DriveSession) is pygame-free; the rest is not.

Kept empty on purpose: importing :mod:`game.app.session` must not pull in pygame.
"""
