"""The shipped assets as package data: the build maps this folder to ``game.assets``.

Not code: this file only lets an editable install find the folder (see game/resources.py).
"""
