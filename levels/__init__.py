"""The shipped levels as package data: the build maps this folder to ``game.levels``.

Not code: this file only lets an editable install find the folder (see game/resources.py).
"""
