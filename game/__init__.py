"""Five Minute Window: a top-down getaway driving game in Los Angeles at night.

Layers (see README and ../shared/DESIGN.md): ``sim``, ``level``, ``ai``, ``mission`` and
``career`` never import pygame; ``render``, ``audio``, ``input`` and ``app`` do.
"""

__version__ = "0.1.0"
