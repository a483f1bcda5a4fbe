"""Sound synthesized in numpy (:mod:`game.audio.synth`, no pygame) and played through
pygame's mixer (:mod:`game.audio.mixer`)."""
