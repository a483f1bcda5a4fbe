"""Build the game's maps and write them as Tiled ``.tmx`` files in ``levels/maps/``.

    python tools/make_maps.py [NAME ...]     # default: every map

The maps are laid out by code (``tools/maps/``) from the same tile definitions as
``tools/make_tilesets.py``; the written ``.tmx`` files are what designers then edit
in Tiled. Deterministic: the same code writes the same bytes.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_tilesets import TSX_DIR, all_tilesets  # noqa: E402
from maps import downtown, garage, pch, speedway  # noqa: E402
from maps.tmx import write_tmx  # noqa: E402

MAP_DIR = Path(__file__).resolve().parent.parent / "levels" / "maps"
BUILDERS = {
    "downtown": downtown.build,
    "pch": pch.build,
    "garage": garage.build,
    "speedway": speedway.build,
}


def main(argv: list[str] | None = None) -> int:
    names = list(argv if argv is not None else sys.argv[1:]) or list(BUILDERS)
    unknown = [name for name in names if name not in BUILDERS]
    if unknown:
        print(
            f"make_maps: unknown map(s) {', '.join(unknown)}; known: {', '.join(BUILDERS)}",
            file=sys.stderr,
        )
        return 2
    tilesets = all_tilesets()
    for name in names:
        canvas = BUILDERS[name](tilesets)
        path = MAP_DIR / f"{name}.tmx"
        write_tmx(canvas, path, TSX_DIR)
        print(
            f"{name}: {canvas.cols} x {canvas.rows} tiles, {len(canvas.objects)} objects -> {path}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
