"""Who owns a map file: a generator, or the designer who edits it in Tiled.

Every shipped map says so in its map properties (``levels/README.md``, "Generated or
hand-made"):

- ``generator = "tools/make_maps.py"`` and ``generator_hash``: the map was written by the
  generator, and the hash is of the text it wrote (every byte but the hash's own line).
  The generator rewrites such a map only while the hash still matches: once a designer
  saves it in Tiled, it is theirs, and the generator refuses (unless told ``--force``)
  rather than wipe their edits;
- ``generator = "none"``: made by hand (``python -m game new-map`` starts one so); no
  generator writes it.

``check`` accepts only those values (a typo would leave a map unowned without a word).
"""

from __future__ import annotations

import hashlib
import re

GENERATOR = "generator"  #: the map property naming who owns the file
GENERATOR_HASH = "generator_hash"  #: the map property with the hash of what it wrote
MAKE_MAPS = "tools/make_maps.py"  #: the one generator of shipped maps
HAND_MADE = "none"  #: no generator: a person edits it in Tiled
OWNERS = (MAKE_MAPS, HAND_MADE)
HASH_PREFIX = "sha256:"

#: the line of the hash property, however Tiled indents it
_HASH_LINE = re.compile(r'[ \t]*<property name="generator_hash"[^>]*/>\r?\n')
_HASH_VALUE = re.compile(r'<property name="generator_hash" value="([^"]*)"\s*/>')


_OWNER_VALUE = re.compile(r'<property name="generator" value="([^"]*)"\s*/>')


def owner_of(text: str) -> str | None:
    """The ``generator`` property's value in a map's text, or None."""
    found = _OWNER_VALUE.search(text)
    return found.group(1) if found else None


def content_hash(text: str) -> str:
    """The hash of a map's text without its own ``generator_hash`` line."""
    return HASH_PREFIX + hashlib.sha256(_HASH_LINE.sub("", text).encode("utf-8")).hexdigest()


def stored_hash(text: str) -> str | None:
    """The ``generator_hash`` the map's text carries, or None."""
    found = _HASH_VALUE.search(text)
    return found.group(1) if found else None


def with_hash(text: str) -> str:
    """A generated map's text with its ``generator_hash`` line added after the
    ``generator`` property (which the text must have)."""
    marker = f'<property name="{GENERATOR}" value="{MAKE_MAPS}"/>\n'
    at = text.index(marker) + len(marker)
    indent = text[text.rindex("\n", 0, at - len(marker)) + 1 : at - len(marker)]
    line = f'{indent}<property name="{GENERATOR_HASH}" value="{content_hash(text)}"/>\n'
    return text[:at] + line + text[at:]


def edited_since_generated(text: str) -> bool:
    """Whether a map's text is not exactly what the generator wrote (no hash counts as
    edited: nobody can tell, so the generator must not assume)."""
    stored = stored_hash(text)
    return stored is None or stored != content_hash(text)
