"""Player input: keyboard and gamepad -> the control row (:mod:`game.input.player`, pygame)
and the settings file (:mod:`game.input.settings`, no pygame)."""
