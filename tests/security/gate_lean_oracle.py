"""The lean reading of a content stream as it was before it worked out each stretch between two
strings once per shape: every stretch read token by token. Kept as the oracle the quicker reading
(``desktop.reports.leak_gate.content.page_text``) is compared with, None for None
(tests/security/test_gate_lean_shapes.py); the product never imports it."""

from __future__ import annotations

from desktop.reports.leak_gate.content import (
    _KINDS,
    _NUMBER,
    _ODD_GAP,
    _SHOW,
    _SHOWN,
    _SPACE,
    _STRING,
    Unread,
    _token_ok,
    string_bytes,
)


def page_text_each(body: bytes, maps: dict[str, dict[int, str]], tables: dict) -> str | None:
    """The text a content stream shows, as the full reading gives it (each text-showing operator's
    codes through its font's map, a space for each operator that ends a run of text), or None if
    the stream holds anything the lean reading does not know.

    The stream is split at its literal strings; what lies between two strings is plain tokens
    (operators, numbers, names, brackets), checked once each, so only the strings, the fonts
    chosen and the operators around them are looked at one by one."""
    pieces = _STRING.split(body)  # gap, string, gap, string, ..., gap
    gaps = pieces[0::2]
    if _ODD_GAP.search(b" ".join(gaps)):
        return None
    tokens = [g.replace(b"[", b" [ ").replace(b"]", b" ] ").split() for g in gaps]
    if not all(map(_token_ok, set().union(*tokens))):
        return None
    current: dict[int, str] = {}
    parts: list[str] = []
    array: list[bytes] | None = None  # the strings of an open TJ array
    try:
        for n, toks in enumerate(tokens):
            if n:  # after a string: it is shown by the operator that follows, or is in an array
                if array is None:
                    if not toks or toks[0] not in _SHOW:
                        return None
                    parts.append(string_bytes(pieces[2 * n - 1]).decode("latin-1").translate(current))
                    toks = toks[1:]
                else:
                    array.append(pieces[2 * n - 1])
            if array is not None:  # numbers, then "] TJ" or more strings
                close = toks.index(b"]") if b"]" in toks else len(toks)
                if not all(_NUMBER.fullmatch(t) for t in toks[:close]):
                    return None
                if close == len(toks):
                    continue
                if toks[close + 1:close + 2] != [b"TJ"]:
                    return None
                parts.append("".join(string_bytes(s).decode("latin-1").translate(current) for s in array))
                array = None
                toks = toks[close + 2:]
            kinds = _KINDS.intersection(toks)
            if not kinds:
                continue
            if b"[" in kinds or b"]" in kinds:
                if toks.count(b"[") != 1 or toks[-1] != b"[" or b"]" in kinds or n == len(tokens) - 1:
                    return None  # an array holds the strings that follow it, and nothing else is read here
                array = []
            if not kinds.isdisjoint(_SHOWN):
                return None  # a text-showing operator with no string just before it
            for op in _SPACE:
                if op in kinds:
                    parts.extend(" " * toks.count(op))
            if b"Tf" in kinds:
                for i, t in enumerate(toks):
                    if t == b"Tf":
                        if i < 2 or toks[i - 2][:1] != b"/" or not _NUMBER.fullmatch(toks[i - 1]):
                            return None
                        font = maps.get(toks[i - 2].decode("latin-1"), {})
                        held = tables.get(id(font))
                        if held is None or held[0] is not font:
                            held = tables[id(font)] = (font, {b: font.get(b, "") for b in range(256)})
                        current = held[1]
    except (Unread, ValueError):
        return None
    return "".join(parts)
