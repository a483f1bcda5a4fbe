"""Reading a user's map files safely: where they may be, what they may be, how big.

Every file a map brings in (its tilesets, their images, image layers) must resolve, links
followed, inside an *allowed root*: the shipped ``levels/`` and ``assets/`` folders, plus
the folder of the map file the user named (a designer's own folder, a test's temporary
one). Anything else (``../../../../etc/passwd``) is refused by its path alone, without
being opened. A file is opened only if it is a regular file (a FIFO, ``/dev/zero`` or a
folder named ``.tmx`` is refused from its ``stat``) and only up to its size limit.

XML is parsed from those bytes with an element count and a nesting depth that stop the
parser as soon as they are exceeded, and without DTDs (so no entity can expand). Every
failure is a :class:`~game.problems.FileProblem` naming the file; nothing else escapes.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterable
from pathlib import Path
from xml.etree import ElementTree

from game import resources
from game.level import limits
from game.problems import FileProblem

LEVELS_DIR = resources.shipped_levels()  #: the shipped maps, tilesets and missions
ASSETS_DIR = resources.shipped_assets()  #: the shipped tile images
SHIPPED_ROOTS = (LEVELS_DIR, ASSETS_DIR)  #: where a map's files may be, besides its folder

#: file name endings of Tiled formats the game does not read, and what to do instead
UNSUPPORTED = {
    ".tmj": "a Tiled JSON map; the game reads .tmx maps: in Tiled, File > Save As... > .tmx "
    "(or: tiled --export-map NAME.tmj NAME.tmx)",
    ".json": "a JSON file; the game reads Tiled .tmx maps: in Tiled, File > Save As... > .tmx",
    ".world": "a Tiled world file; the game reads one map at a time: name its .tmx map",
    ".tsj": "a Tiled JSON tileset; save it as .tsx (in Tiled, File > Export As...)",
}
MAP_NAME = re.compile(r"[A-Za-z0-9_-]+")  #: a bare map name (``downtown``); else a path


def find_map(text: str) -> Path:
    """The .tmx a user names: a bare name (``downtown``) is that map on the levels search
    path (game/resources.py: the shipped maps, then the designers' folders), unless a file
    of that very name is here; anything else is a path, as given."""
    path = Path(text)
    if MAP_NAME.fullmatch(text) and not path.is_file():
        return resources.find_map(text) or resources.shipped_map(text)
    return path


FEED_BYTES = 1 << 16  #: the XML parser is fed this much at a time, so limits stop it early


def allowed_roots(map_path: Path, roots: Iterable[Path]) -> tuple[Path, ...]:
    """The real paths of ``roots`` plus the folder of the map the user named and every
    designer's levels folder on the search path (game/resources.py)."""
    folders = [map_path.parent, *roots, *resources.added_folders()]
    return tuple(Path(os.path.realpath(folder)) for folder in folders)


def resolve_inside(
    base: Path, source: str, roots: tuple[Path, ...], referrer: Path, where: str, what: str
) -> Path:
    """The real path of ``source`` (relative to ``base``); a FileProblem if it is outside.

    Only the path is resolved (links followed); the file is not opened. ``what`` names
    the file in messages (``"tileset file"``, ``"image 'roofs.png'"``).
    """
    if not source.strip():
        raise FileProblem(referrer, where, f"{what} has no file name (source)")
    if "\0" in source or len(source) > limits.MAX_TEXT_CHARS:
        raise FileProblem(referrer, where, f"{what} source is not a usable file name")
    try:
        real = Path(os.path.realpath(base / source))
    except (OSError, ValueError, RuntimeError) as error:  # RuntimeError: a link loop
        raise FileProblem(referrer, where, f"{what} cannot be found: {error}") from None
    if not any(real.is_relative_to(root) for root in roots):
        shown = ", ".join(str(root) for root in roots)
        raise FileProblem(
            referrer,
            where,
            f"{what} is outside the folders a map may use ({shown}); keep "
            "tilesets and images in levels/, assets/ or the map's own folder",
        )
    return real


def unsupported_format(path: Path) -> str | None:
    """Why a file of this name is not a format the game reads, or None."""
    return UNSUPPORTED.get(path.suffix.lower())


def read_bytes(path: Path, what: str, max_bytes: int) -> bytes:
    """The file's bytes, if it is a regular file that is not too big; a FileProblem
    otherwise. ``stat`` decides before anything is opened."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise FileProblem(path, "", f"{what} not found") from None
    except (OSError, ValueError) as error:  # a link loop, a name too long, a NUL
        raise FileProblem(path, "", f"cannot read the {what}: {_reason(error)}") from None
    _check_regular(path, info, what, max_bytes)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        handle = os.open(path, flags)
    except OSError as error:
        raise FileProblem(path, "", f"cannot read the {what}: {_reason(error)}") from None
    try:
        _check_regular(path, os.fstat(handle), what, max_bytes)  # it may have changed
        wanted = max_bytes + 1  # one more shows that it grew past the limit
        chunks, size = [], 0
        while size < wanted:
            chunk = os.read(handle, min(wanted - size, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as error:
        raise FileProblem(path, "", f"cannot read the {what}: {_reason(error)}") from None
    finally:
        os.close(handle)
    if size > max_bytes:
        raise FileProblem(path, "", _too_big(what, size, max_bytes))
    return b"".join(chunks)


def _check_regular(path: Path, info: os.stat_result, what: str, max_bytes: int) -> None:
    if stat.S_ISDIR(info.st_mode):
        raise FileProblem(path, "", f"is a folder, not a {what}")
    if not stat.S_ISREG(info.st_mode):
        raise FileProblem(path, "", f"is not a regular file ({_kind(info.st_mode)}); a {what} is")
    if info.st_size > max_bytes:
        raise FileProblem(path, "", _too_big(what, info.st_size, max_bytes))


def _kind(mode: int) -> str:
    for test, name in (
        (stat.S_ISFIFO, "a named pipe"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
    ):
        if test(mode):
            return name
    return "not a plain file"


def _too_big(what: str, size: int, max_bytes: int) -> str:
    return (
        f"{what} is {size / limits.MIB:.1f} MB; the game reads at most {max_bytes // limits.MIB} MB"
    )


def _reason(error: Exception) -> str:
    return getattr(error, "strerror", None) or str(error) or type(error).__name__


class _LimitedTreeBuilder(ElementTree.TreeBuilder):
    """Builds the tree as the parser goes, refusing DTDs and too many or too deep elements."""

    def __init__(self, max_elements: int, max_depth: int) -> None:
        super().__init__()
        self.elements = 0
        self.depth = 0
        self.max_elements = max_elements
        self.max_depth = max_depth

    def start(self, tag, attrs):
        self.elements += 1
        self.depth += 1
        if self.elements > self.max_elements:
            raise _Refused(f"has more than {self.max_elements:,} XML elements")
        if self.depth > self.max_depth:
            raise _Refused(f"nests XML elements more than {self.max_depth} deep")
        return super().start(tag, attrs)

    def end(self, tag):
        self.depth -= 1
        return super().end(tag)

    def doctype(self, name, pubid, system):
        raise _Refused("declares a DOCTYPE; Tiled 1.x never writes one: delete that line")


class _Refused(Exception):
    """Raised inside the parser to stop it; becomes a FileProblem."""


def parse_xml(data: bytes, path: Path, what: str) -> ElementTree.Element:
    """Parse XML bytes within the element and depth limits; a FileProblem if they are not."""
    if data.lstrip()[:1] in (b"{", b"["):
        raise FileProblem(
            path,
            "",
            f"is JSON, not XML; the game reads Tiled's XML formats (save the {what} "
            "as .tmx or .tsx)",
        )
    plain = _plainly_bounded(data)
    builder = None if plain else _LimitedTreeBuilder(limits.MAX_XML_ELEMENTS, limits.MAX_XML_DEPTH)
    try:
        parser = ElementTree.XMLParser(target=builder)
        for start in range(0, len(data), FEED_BYTES):
            parser.feed(data[start : start + FEED_BYTES])
        root = parser.close()
    except _Refused as refusal:
        raise FileProblem(path, "", str(refusal)) from None
    except ElementTree.ParseError as error:
        raise FileProblem(path, "", f"not valid XML ({error})") from None
    except LookupError as error:  # an encoding Python does not know
        raise FileProblem(
            path, "", f"declares an XML encoding Python does not know ({error}); save it as UTF-8"
        ) from None
    except (UnicodeError, ValueError) as error:
        raise FileProblem(path, "", f"cannot be decoded as XML text ({error})") from None
    if root is None:
        raise FileProblem(path, "", "not valid XML (no root element)")
    if plain and _deeper_than(root, limits.MAX_XML_DEPTH):
        raise FileProblem(path, "", f"nests XML elements more than {limits.MAX_XML_DEPTH} deep")
    return root


#: encodings in which every '<' of the document is a '<' byte and no other byte is
PLAIN_ENCODINGS = ("utf-8", "utf8", "us-ascii", "ascii", "iso-8859-1", "latin-1", "latin1")
XML_DECLARED_ENCODING = re.compile(rb"\s*<\?xml[^>]*?encoding\s*=\s*[\"']([^\"']*)[\"']")


def _plainly_bounded(data: bytes) -> bool:
    """Whether the C parser alone may parse ``data``: in a plain encoding, with no DTD
    (so no entity), and with fewer '<' bytes than the element limit (each element has
    one). Anything else goes through the counting builder, which stops at the limit."""
    head = data[:256].removeprefix(b"\xef\xbb\xbf")
    if head.lstrip()[:1] != b"<" or b"\0" in head[:4]:
        return False  # UTF-16 or -32, or some other encoding
    declared = XML_DECLARED_ENCODING.match(head)
    if declared and declared.group(1).decode("latin-1").lower() not in PLAIN_ENCODINGS:
        return False
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        return False
    return data.count(b"<") <= limits.MAX_XML_ELEMENTS


def _deeper_than(root: ElementTree.Element, depth: int) -> bool:
    """Whether any element lies more than ``depth`` levels down (root = level 1)."""
    level = [root]
    for _ in range(depth):
        level = [child for node in level for child in node]
        if not level:
            return False
    return True


def read_xml(path: Path, what: str, max_bytes: int) -> ElementTree.Element:
    """Read and parse one XML file (a map or a tileset) within every limit."""
    reason = unsupported_format(path)
    if reason:
        raise FileProblem(path, "", f"is {reason}")
    return parse_xml(read_bytes(path, what, max_bytes), path, what)
