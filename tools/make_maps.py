"""Build the game's maps and write them as Tiled ``.tmx`` files in ``levels/maps/``.

    python tools/make_maps.py [NAME ...] [--force]    # default: every map

The maps are laid out by code (``tools/maps/``) from the same tile definitions as
``tools/make_tilesets.py``; the written ``.tmx`` files are what designers then edit
in Tiled. Deterministic: the same code writes the same bytes.

Each map it writes says ``generator = "tools/make_maps.py"`` and carries the hash of
what was written (``generator_hash``, :mod:`game.level.provenance`). A map that no longer
matches its hash (a designer saved it in Tiled), or has none, or says it is hand-made, is
not overwritten: the edits would be lost. Port them into ``tools/maps/``, or give
``--force``. Exit status 1 when any map was refused, 2 for an unknown name.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(1, str(Path(__file__).resolve().parent.parent))  # the game, for its checks

from make_tilesets import TSX_DIR, all_tilesets  # noqa: E402
from maps import downtown, garage, pch, speedway  # noqa: E402
from maps.tmx import write_tmx  # noqa: E402

from game.level.provenance import (  # noqa: E402
    HAND_MADE,
    edited_since_generated,
    owner_of,
    stored_hash,
)

MAP_DIR = Path(__file__).resolve().parent.parent / "levels" / "maps"
BUILDERS = {
    "downtown": downtown.build,
    "pch": pch.build,
    "garage": garage.build,
    "speedway": speedway.build,
}


def refusal(path: Path) -> str:
    """Why ``path`` must not be overwritten ("" if it may be)."""
    if not path.exists():
        return ""
    text = path.read_text(encoding="utf-8", errors="replace")
    if owner_of(text) == HAND_MADE:
        return f"is hand-made (generator = {HAND_MADE})"
    if stored_hash(text) is None:
        return "has no generator_hash, so nothing tells whether it was edited by hand"
    if edited_since_generated(text):
        return "was edited since make_maps.py wrote it (it no longer matches its generator_hash)"
    return ""


def main(argv: list[str] | None = None) -> int:
    args = list(argv if argv is not None else sys.argv[1:])
    force = "--force" in args
    names = [arg for arg in args if arg != "--force"] or list(BUILDERS)
    unknown = [name for name in names if name not in BUILDERS]
    if unknown:
        print(
            f"make_maps: unknown map(s) {', '.join(unknown)}; known: {', '.join(BUILDERS)}",
            file=sys.stderr,
        )
        return 2
    tilesets = all_tilesets()
    refused = 0
    for name in names:
        path = MAP_DIR / f"{name}.tmx"
        why = "" if force else refusal(path)
        if why:
            print(f"make_maps: {path} {why}; not overwritten: port the edits into "
                  f"tools/maps/{name}.py, or give --force to lose them", file=sys.stderr)
            refused += 1
            continue
        canvas = BUILDERS[name](tilesets)
        write_tmx(canvas, path, TSX_DIR)
        print(
            f"{name}: {canvas.cols} x {canvas.rows} tiles, {len(canvas.objects)} objects -> {path}"
        )
    return 1 if refused else 0


if __name__ == "__main__":
    sys.exit(main())
