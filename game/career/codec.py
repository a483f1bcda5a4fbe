"""Frozen dataclasses to plain JSON data and back, every value checked on the way in.

:func:`encode` turns a value made of frozen dataclasses, tuples, strings, numbers, bools
and None into JSON data (dataclasses become objects keyed by field name, tuples lists).
:func:`decode` builds the typed value again from such data, reading each field's type
from the dataclass's annotations, and raises :class:`DecodeError` naming the path of the
first value that does not fit (``career.jobs[2].result.payout: must be a whole number,
not 'lots'``): a wrong type, a number that is not finite or is out of range, a string or
list over its limit, a key the type does not have, a key missing with no default. So a
save that decodes is one the game can use, and one that does not is reported in one line.
"""

from __future__ import annotations

import dataclasses
import math
import types
import typing
from typing import Any

from game.problems import shown

MAX_STRING = 10_000  #: characters in one string
MAX_LIST = 100_000  #: items in one list
MAX_INT = 2**53  #: magnitude of a whole number (what a JSON reader keeps exactly)


class DecodeError(ValueError):
    """A value that does not fit its type; ``str()`` is ``path: what is wrong``."""

    def __init__(self, path: str, message: str) -> None:
        self.path = path
        self.message = message
        super().__init__(f"{path}: {message}")


def encode(value: Any) -> Any:
    """``value`` as JSON data (module docstring)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, tuple | list):
        return [encode(item) for item in value]
    return value


def decode(kind: Any, data: Any, path: str) -> Any:
    """The value of type ``kind`` that ``data`` encodes; DecodeError at the first misfit."""
    origin = typing.get_origin(kind)
    if origin in (typing.Union, types.UnionType):
        options = typing.get_args(kind)
        if data is None and type(None) in options:
            return None
        (other,) = [option for option in options if option is not type(None)]
        return decode(other, data, path)
    if origin is tuple:
        item_kind = typing.get_args(kind)[0]
        if not isinstance(data, list):
            raise DecodeError(path, f"must be a list, not {shown(data)}")
        if len(data) > MAX_LIST:
            raise DecodeError(path, f"has {len(data):,} items; at most {MAX_LIST:,} are read")
        return tuple(decode(item_kind, item, f"{path}[{i}]") for i, item in enumerate(data))
    if dataclasses.is_dataclass(kind):
        return _decode_dataclass(kind, data, path)
    return _decode_plain(kind, data, path)


def _decode_plain(kind: Any, data: Any, path: str) -> Any:
    if kind is bool:
        if isinstance(data, bool):
            return data
        raise DecodeError(path, f"must be true or false, not {shown(data)}")
    if kind is int:
        if isinstance(data, int) and not isinstance(data, bool) and abs(data) <= MAX_INT:
            return data
        raise DecodeError(path, f"must be a whole number, not {shown(data)}")
    if kind is float:
        if isinstance(data, int | float) and not isinstance(data, bool) and \
                math.isfinite(data) and abs(data) <= MAX_INT:
            return float(data)
        raise DecodeError(path, f"must be a finite number, not {shown(data)}")
    if kind is str:
        if not isinstance(data, str):
            raise DecodeError(path, f"must be a string, not {shown(data)}")
        if len(data) > MAX_STRING:
            raise DecodeError(path, f"is {len(data):,} characters; at most {MAX_STRING:,}")
        return data
    raise TypeError(f"{path}: cannot decode a {kind!r}")  # a type the game never saves


def _decode_dataclass(kind: type, data: Any, path: str) -> Any:
    if not isinstance(data, dict):
        raise DecodeError(path, f"must be an object, not {shown(data)}")
    hints = typing.get_type_hints(kind)
    fields = {f.name: f for f in dataclasses.fields(kind)}
    for key in data:
        if key not in fields:
            raise DecodeError(f"{path}.{shown(key)}", "unknown key")
    values = {}
    for name, field in fields.items():
        if name in data:
            values[name] = decode(hints[name], data[name], f"{path}.{name}")
        elif field.default is dataclasses.MISSING and \
                field.default_factory is dataclasses.MISSING:
            raise DecodeError(f"{path}.{name}", "missing")
    return kind(**values)
