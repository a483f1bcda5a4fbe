"""The title screen shows the version ``python -m game --version`` prints: one source,
``game.__version__`` (which pyproject.toml reads for the package's metadata)."""

import game
from game.app.title_scene import TitleScene, version_line


def test_the_title_shows_the_games_version(app):
    app.push(TitleScene())
    app.text.rendered.clear()
    app.scenes[-1].draw(app, app.screen)
    assert version_line() == f"v{game.__version__}"
    assert version_line() in app.text.rendered_texts()
