"""Canonical JSON: the one byte form of a manifest, a receipt or an enrolment file.

``dumps(obj)`` gives sorted keys, no spaces, UTF-8 (not ``\\u`` escapes), integers only (a float is
a programming error: ``ValueError``). ``loads(data, error=..., max_depth=...)`` is its strict
inverse for input from a stick: it refuses (raising ``error(message)``) anything that is not
exactly what ``dumps`` would have written — a byte-order mark, bad UTF-8, lone surrogates, floats,
``NaN``, duplicate keys, extra spaces, a key order other than sorted, nesting deeper than
``max_depth`` (checked before parsing, so no recursion error can happen), integers of absurd length.
Signatures are made over these exact bytes, so one value has one encoding and nothing can hide
in the difference.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

_BRACKETS = bytes(range(256)).translate(None, b"[]{}\"\\")  # every byte except these six


def dumps(obj: Any) -> bytes:
    """The canonical bytes of ``obj`` (dicts with str keys, lists, str, int, bool, None)."""
    _no_floats(obj)
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False,
                      allow_nan=False).encode("utf-8")


def _no_floats(obj: Any) -> None:
    if isinstance(obj, float):
        raise ValueError("canonical JSON holds no floats")
    if isinstance(obj, dict):
        for k, v in obj.items():
            if not isinstance(k, str):
                raise ValueError("canonical JSON keys are strings")
            _no_floats(v)
    elif isinstance(obj, list | tuple):
        for v in obj:
            _no_floats(v)


def depth(data: bytes) -> int:
    """How deeply ``[``/``{`` nest in JSON text ``data`` (brackets inside strings do not count)."""
    deepest = level = 0
    in_string = escaped = False
    for b in data.translate(None, _BRACKETS):  # only brackets, quotes and backslashes are left
        if in_string:
            if escaped:
                escaped = False
            elif b == 0x5C:
                escaped = True
            elif b == 0x22:
                in_string = False
        elif b == 0x22:
            in_string = True
        elif b in (0x5B, 0x7B):
            level += 1
            deepest = max(deepest, level)
        elif b in (0x5D, 0x7D):
            level -= 1
    return deepest


def _refuse_float(_text: str) -> Any:
    raise ValueError("float")


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out = dict(pairs)
    if len(out) != len(pairs):
        raise ValueError("duplicate key")
    return out


def loads(data: bytes, *, error: Callable[[str], Exception], message: str, max_depth: int = 16) -> Any:
    """Parse canonical JSON ``data``; anything else raises ``error(message)``."""
    try:
        if depth(data) > max_depth:
            raise ValueError("too deep")
        text = data.decode("utf-8", errors="strict")
        obj = json.loads(text, parse_float=_refuse_float, parse_constant=_refuse_float, object_pairs_hook=_pairs)
        if dumps(obj) != data:
            raise ValueError("not canonical")
    except (ValueError, UnicodeError, RecursionError, TypeError, OverflowError, MemoryError):
        raise error(message) from None
    return obj
