"""Draw every tileset of Five Minute Window and write its PNG and Tiled ``.tsx``.

    python tools/make_tilesets.py

Deterministic: each tile's noise is seeded by its name, so a re-run rewrites the same
bytes. Sheets go to ``assets/tiles/``, tilesets to ``levels/tilesets/``, the custom property
types to ``levels/five-minute-window.tiled-project``; the map
generator (``tools/make_maps.py``) looks tiles up by name in the same definitions.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from tileart import decor, markings, roofs, structures, terrain  # noqa: E402
from tileart.sheet import TilesetDef, write_tileset  # noqa: E402
from tiled_project import write_project  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
TSX_DIR = ROOT / "levels" / "tilesets"
PNG_DIR = ROOT / "assets" / "tiles"
PROJECT = ROOT / "levels" / "five-minute-window.tiled-project"
#: in the order maps reference them (first gids follow this order)
BUILDERS = (terrain.build, markings.build, structures.build, roofs.build, decor.build)


def all_tilesets() -> list[TilesetDef]:
    return [build() for build in BUILDERS]


def main() -> int:
    for tileset in all_tilesets():
        write_tileset(tileset, TSX_DIR, PNG_DIR)
        print(f"{tileset.name}: {len(tileset.tiles)} tiles -> {TSX_DIR / (tileset.name + '.tsx')}")
    write_project(PROJECT)
    print(f"custom types -> {PROJECT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
