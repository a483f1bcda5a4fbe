"""Test-wide setup: no display and no sound card, ever; and no career saved into the
user's own data directory (FMW_DATA_DIR points at a folder of the test run's own)."""

import os
import tempfile

import game  # noqa: F401  (first: it pins numpy's CPU dispatch before numpy loads)

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
os.environ["FMW_DATA_DIR"] = tempfile.mkdtemp(prefix="fmw-data-")
os.environ.pop("FMW_LEVELS", None)  # a developer's own levels folders stay out of the tests
os.environ.pop("FMW_COMMAND_LINE_LEVELS", None)
