"""Drawing with pygame: camera, map chunks, sprites, night lights, effects, HUD, minimap.

Entry points: :class:`game.render.renderer.Renderer` (one frame of a DriveSession) and
:mod:`game.render.bench` (``python -m game bench --render``).
"""
