"""Map generators: code lays out each city and writes the Tiled ``.tmx`` designers edit.

The generated maps are data: once written, designers change them in Tiled. Re-running
``python tools/make_maps.py`` rebuilds them from this code (and overwrites edits).
"""
