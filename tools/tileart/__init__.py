"""Procedural tile art for Five Minute Window: night-time Los Angeles seen from above.

Every tile is drawn by code from a name-seeded random generator, so running
``python tools/make_tilesets.py`` twice gives byte-identical images.
"""
