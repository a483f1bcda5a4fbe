"""Files a new user or a mischievous designer hands the game: each gets one clear line
from ``check`` and the same refusal from the loader, never a traceback, a hang or a read
outside the map's folders."""

from __future__ import annotations

import base64
import builtins
import gzip
import os
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from game.level.validate import check_map
from tests.level.contract import assert_clean, assert_refused, edit
from tests.level.tmxgen import crossroads

REPO = Path(__file__).resolve().parents[2]


def run_check(*paths: Path) -> subprocess.CompletedProcess:
    """``python -m game check`` in a child process, so a hang fails the test, not the run."""
    result = subprocess.run(
        [sys.executable, "-m", "game", "check", *map(str, paths)],
        capture_output=True, text=True, cwd=REPO, timeout=60, check=False,
    )  # fmt: skip
    assert "Traceback" not in result.stdout + result.stderr, result.stdout + result.stderr
    return result


# -- paths stay home ----------------------------------------------------------------


@pytest.fixture
def opened(monkeypatch) -> list[str]:
    """Every path the code under test opens (os.open and open)."""
    paths: list[str] = []
    real_os_open, real_open = os.open, builtins.open

    def spy_os_open(path, *args, **kwargs):
        paths.append(os.fspath(path))
        return real_os_open(path, *args, **kwargs)

    def spy_open(path, *args, **kwargs):
        if isinstance(path, (str, os.PathLike)):
            paths.append(os.fspath(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", spy_os_open)
    monkeypatch.setattr(builtins, "open", spy_open)
    return paths


def test_a_tileset_outside_the_map_folders_is_refused_unopened(write_map, opened):
    spec = crossroads()
    spec.tileset_source = "../../../../../../../../etc/passwd"
    path = write_map(spec)
    opened.clear()
    assert_refused(path, "tileset '../../../../../../../../etc/passwd': tileset file is outside")
    assert not [p for p in opened if "passwd" in p]


def test_an_absolute_tileset_path_outside_is_refused(write_map):
    spec = crossroads()
    spec.tileset_source = "/etc/hostname"
    assert_refused(write_map(spec), "tileset '/etc/hostname': tileset file is outside")


def test_a_link_out_of_the_map_folder_is_refused(write_map):
    path = write_map(crossroads())
    (path.parent / "outside.tsx").symlink_to("/etc/hostname")
    edit(path, 'source="tiles.tsx"', 'source="outside.tsx"')
    assert_refused(path, "tileset 'outside.tsx': tileset file is outside the folders")


def test_a_tile_image_outside_the_folders_is_refused_unopened(write_map, opened):
    path = write_map(crossroads())
    edit(path.parent / "tiles.tsx", 'source="tiles.png"', 'source="../../../../../../etc/passwd"')
    opened.clear()
    assert_refused(path, "tileset 'tiles': image '../../../../../../etc/passwd' is outside")
    assert not [p for p in opened if "passwd" in p]


def test_an_image_layer_outside_the_folders_is_refused(write_map):
    path = write_map(crossroads())
    edit(
        path,
        "</map>",
        '<imagelayer id="30" name="sky"><image source="/etc/passwd"/></imagelayer></map>',
    )
    assert_refused(path, "layer 'sky': image '/etc/passwd' is outside the folders")


def test_a_shipped_tileset_may_be_used_from_a_designers_folder(write_map):
    spec = crossroads()
    spec.tileset_source = str(REPO / "levels" / "tilesets" / "terrain.tsx")
    path = write_map(spec)
    problems = [p.message for p in check_map(path)]
    assert not [m for m in problems if "outside" in m], problems


def test_more_roots_may_be_named(write_map, tmp_path_factory):
    shared = tmp_path_factory.mktemp("shared")
    path = write_map(crossroads())
    for name in ("tiles.tsx", "tiles.png"):
        (path.parent / name).rename(shared / name)
    edit(path, 'source="tiles.tsx"', f'source="{shared / "tiles.tsx"}"')
    assert_refused(path, "tileset file is outside the folders a map may use")
    from game.level.files import SHIPPED_ROOTS

    assert_clean(path, roots=[*SHIPPED_ROOTS, shared])


# -- what a file is -----------------------------------------------------------------


def test_a_tileset_link_loop_is_one_line(write_map):
    path = write_map(crossroads())
    (path.parent / "loop.tsx").symlink_to("loop.tsx")
    edit(path, 'source="tiles.tsx"', 'source="loop.tsx"')
    line = assert_refused(path, "cannot read the tileset")
    assert "symbolic links" in line


def test_a_folder_named_tmx_is_one_line(tmp_path):
    (tmp_path / "city.tmx").mkdir()
    assert_refused(tmp_path / "city.tmx", "is a folder, not a map")


def test_a_device_is_not_read(tmp_path):
    (tmp_path / "zero.tmx").symlink_to("/dev/zero")
    assert_refused(tmp_path / "zero.tmx", "is not a regular file (a character device); a map is")


def test_a_named_pipe_is_not_opened_for_reading(tmp_path):
    os.mkfifo(tmp_path / "pipe.tmx")
    result = run_check(tmp_path / "pipe.tmx")  # a read would wait for a writer forever
    assert result.returncode == 1
    assert "pipe.tmx: is not a regular file (a named pipe); a map is" in result.stdout


def test_a_named_pipe_as_a_tileset_is_not_opened(write_map):
    path = write_map(crossroads())
    os.mkfifo(path.parent / "pipe.tsx")
    edit(path, 'source="tiles.tsx"', 'source="pipe.tsx"')
    result = run_check(path)
    assert result.returncode == 1
    assert "pipe.tsx: is not a regular file (a named pipe); a tileset is" in result.stdout


def test_a_file_over_the_size_limit_is_not_read(tmp_path):
    path = tmp_path / "huge.tmx"
    with open(path, "wb") as file:
        file.truncate(65 << 20)  # sparse: 65 MB on paper, nothing on disk
    assert_refused(path, "map is 65.0 MB; the game reads at most 64 MB")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("city.tmj", "is a Tiled JSON map; the game reads .tmx maps: in Tiled, File > Save As"),
        ("city.json", "is a JSON file; the game reads Tiled .tmx maps"),
        ("la.world", "is a Tiled world file; the game reads one map at a time"),
        ("city.tmx", "is JSON, not XML; the game reads Tiled's XML formats"),
    ],
)
def test_json_maps_and_worlds_are_named_as_unsupported(tmp_path, name, expected):
    path = tmp_path / name
    path.write_text('{"type": "map", "width": 10, "height": 10, "layers": []}\n')
    assert_refused(path, expected)


def test_a_json_tileset_is_named_as_unsupported(write_map):
    path = write_map(crossroads())
    (path.parent / "tiles.tsj").write_text('{"type": "tileset"}')
    edit(path, 'source="tiles.tsx"', 'source="tiles.tsj"')
    assert_refused(path, "tiles.tsj: is a Tiled JSON tileset; save it as .tsx")


def test_check_on_a_folder_names_json_maps_and_worlds(write_map):
    path = write_map(crossroads())
    (path.parent / "draft.tmj").write_text("{}")
    (path.parent / "la.world").write_text("{}")
    result = run_check(path.parent)
    assert result.returncode == 1
    assert f"{path.parent / 'draft.tmj'}: is a Tiled JSON map" in result.stdout
    assert f"{path.parent / 'la.world'}: is a Tiled world file" in result.stdout


# -- XML ------------------------------------------------------------------------------


def test_an_encoding_python_does_not_know_is_one_line(write_map):
    path = edit(write_map(crossroads()), 'encoding="UTF-8"', 'encoding="klingon"')
    assert_refused(
        path, "declares an XML encoding Python does not know (unknown encoding: klingon)"
    )


@pytest.mark.parametrize("encoding", ["utf-16", "latin-1"])
def test_an_encoding_python_knows_loads(write_map, encoding):
    path = write_map(crossroads())
    text = path.read_text().replace('encoding="UTF-8"', f'encoding="{encoding}"')
    path.write_bytes(text.replace("Crossroads", "Cruce é").encode(encoding))
    assert assert_clean(path).properties["title"] == "Cruce é"


def test_bytes_that_are_not_utf8_are_one_line(write_map):
    path = write_map(crossroads())
    path.write_bytes(path.read_bytes().replace(b"Crossroads", b"Cross\xffroads"))
    assert_refused(path, "not valid XML (not well-formed (invalid token)")


def test_entities_are_never_expanded(write_map):
    laughs = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    path = edit(
        write_map(crossroads()),
        "<map ",
        f'<!DOCTYPE map [<!ENTITY l0 "lol">{laughs}]>\n<map ',
    )
    edit(path, 'value="Crossroads"', 'value="&l9;"')
    assert_refused(path, "declares a DOCTYPE; Tiled 1.x never writes one: delete that line")


def test_nesting_deeper_than_the_limit_is_refused(write_map):
    depth = 40
    groups = "".join(f'<group id="{100 + i}" name="g{i}">' for i in range(depth))
    path = edit(write_map(crossroads()), "</map>", groups + "</group>" * depth + "</map>")
    assert_refused(path, "nests XML elements more than 32 deep")


def test_more_elements_than_the_limit_are_refused(write_map):
    path = edit(write_map(crossroads()), "</map>", "<x/>" * 200_001 + "</map>")
    assert_refused(path, "has more than 200,000 XML elements")


# -- tile data ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "\n3,3,3,",
            "\n3,x,3,",
            "CSV tile data holds 'x' at cell 2; every cell must be a tile number",
        ),
        ("\n3,3,3,", "\n3,,3,", "CSV tile data holds 'an empty cell' at cell 2"),
        ("\n3,3,3,", "\n3,-1,3,", "CSV tile data holds '-1' at cell 2"),
        ("\n3,3,3,", "\n3,1.5,3,", "CSV tile data holds '1.5' at cell 2"),
        ("\n3,3,3,", "\n3,3 3,", "CSV tile data holds '3 3' at cell 2"),
        ("\n3,3,3,", "\n3,99999999999,3,", "CSV tile data holds a number beyond 32 bits"),
        ("\n</data>", ",\n</data>", "CSV tile data holds 'an empty cell' at cell 1,601"),
    ],
    ids=[
        "letter",
        "empty",
        "negative",
        "fraction",
        "space-inside",
        "beyond-32-bits",
        "trailing-comma",
    ],
)
def test_a_bad_csv_cell_is_named(write_map, old, new, expected):
    assert_refused(edit(write_map(crossroads()), old, new), "layer 'ground': " + expected)


def _layer_data(path: Path, payload: bytes, compression: str) -> Path:
    """Replace the ground layer's CSV with base64 ``payload`` (already compressed)."""
    text = path.read_text()
    start = text.index('<data encoding="csv">')
    end = text.index("</data>", start) + len("</data>")
    encoded = base64.b64encode(payload).decode()
    data = f'<data encoding="base64" compression="{compression}">{encoded}</data>'
    path.write_text(text[:start] + data + text[end:])
    return path


def test_a_zlib_bomb_is_not_inflated(write_map):
    bomb = zlib.compress(bytes(200 << 20), 9)  # 200 MB of zeros in 200 KB
    path = _layer_data(write_map(crossroads()), bomb, "zlib")
    assert_refused(path, "layer 'ground': tile data does not decompress to exactly 1,600 tiles")


def test_gzip_data_with_a_second_member_is_refused(write_map):
    tiles = (1).to_bytes(4, "little") * 1600
    payload = gzip.compress(tiles) + gzip.compress(bytes(1 << 20))
    path = _layer_data(write_map(crossroads()), payload, "gzip")
    assert_refused(path, "tile data does not decompress to exactly 1,600 tiles")


def test_a_huge_declared_map_is_refused_before_anything_is_allocated(tmp_path):
    """The issue's 2 MB compressed map declaring 20,000 x 20,000 tiles took 21 s and 4.7 GB."""
    cells = 20_000 * 20_000
    data = zlib.compress(bytes(64 << 20), 9)  # ~64 KB; the real one was 2 MB
    path = tmp_path / "vast.tmx"
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<map version="1.8" orientation="orthogonal" width="20000" height="20000" '
        'tilewidth="32" tileheight="32" infinite="0">\n'
        f' <layer id="1" name="ground" width="20000" height="20000"><data encoding="base64" '
        f'compression="zlib">{base64.b64encode(data).decode()}</data></layer>\n</map>\n'
    )
    code = (  # in a child process, so that a regression cannot take the test run down
        "import time, tracemalloc\n"
        "from game.level import load_level\nfrom game.problems import FileProblem\n"
        "tracemalloc.start(); start = time.monotonic()\n"
        f"try:\n    load_level({str(path)!r})\nexcept FileProblem as problem:\n    print(problem)\n"
        "print(time.monotonic() - start)\n"
        "print(tracemalloc.get_traced_memory()[1] // 2**20)\n"  # numpy's arrays are traced too
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, timeout=120,
        check=False,
    )  # fmt: skip
    line, seconds, peak_mb = result.stdout.strip().splitlines()
    assert line == (
        f"{path}: map size 20,000 x 20,000 tiles is too big; the game reads up to 4,096 "
        "tiles a side and 1,048,576 tiles in all"
    ), result.stderr
    assert cells > 1e8 and float(seconds) < 10 and int(peak_mb) < 100


def test_a_linked_tileset_finds_its_images_where_pytmx_will(write_map):
    """Tiled and pytmx read a tileset's images beside the link, not beside its target:
    terrain.tsx's '../../assets/tiles/terrain.png' seen from the map's folder."""
    path = write_map(crossroads())
    (path.parent / "city.tsx").symlink_to(REPO / "levels" / "tilesets" / "terrain.tsx")
    edit(path, 'source="tiles.tsx"', 'source="city.tsx"')
    assert_refused(path, "tileset 'terrain': image '../../assets/tiles/terrain.png' is outside")
