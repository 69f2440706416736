"""Case- and accent-folding with a map back to the original text.

The fold itself is ``desktop.core.fold`` (the leak gate uses the same one, so what the engine takes
for a name the gate looks for in the same spellings); it is re-exported here for the engine.
Matching happens on a folded copy of the statement ("Małgorzata" -> "malgorzata"); every span
found there is mapped back to code-point offsets in the original, so redaction always cuts the
original text. Most characters fold to exactly one character, and then the folded copy has the
same offsets as the original (the fast path); otherwise an explicit offset map is built.
"""

from __future__ import annotations

import re

from desktop.core.fold import fold, fold_char

__all__ = ["Folded", "fold", "fold_char"]


# A stretch of characters beyond ASCII (captured: ``split`` keeps them between the ASCII stretches).
_OTHER_RUN = re.compile(r"([^\x00-\x7f]+)")


class Folded:
    """A folded copy of ``text`` and the way back to the original offsets."""

    __slots__ = ("text", "folded", "_map")

    def __init__(self, text: str) -> None:
        self.text = text
        if text.isascii():
            self.folded = text.lower()
            self._map: list[int] | None = None
            return
        # The ASCII stretches fold by lower-casing (in C, a byte a character); only the characters of
        # other scripts, a few in most statements, are looked up one by one.
        parts = _OTHER_RUN.split(text)
        others = parts[1::2]
        table: dict[int, str] = {}
        same_length = True
        for ch in set("".join(others)):
            f = fold_char(ch)
            if len(f) != 1:
                same_length = False
            table[ord(ch)] = f
        parts[0::2] = [p.lower() for p in parts[0::2]]
        parts[1::2] = [p.translate(table) for p in others]
        self.folded = "".join(parts)
        if same_length:
            self._map = None
            return
        # Each folded character points back to the original one it came from. Most characters fold
        # to one: only the others (marks dropped, letters doubled) need a look.
        odd = {chr(c): len(f) for c, f in table.items() if len(f) != 1}
        mapping: list[int] = []
        prev = 0
        for m in re.finditer("[" + "".join(re.escape(c) for c in odd) + "]", text):
            i = m.start()
            mapping.extend(range(prev, i))
            mapping.extend([i] * odd[m.group()])
            prev = i + 1
        mapping.extend(range(prev, len(text)))
        mapping.append(len(text))
        self._map = mapping

    def span(self, fstart: int, fend: int) -> tuple[int, int]:
        """Original (start, end) covering folded [fstart, fend)."""
        if self._map is None:
            return fstart, fend
        if fend <= fstart:
            o = self._map[fstart]
            return o, o
        start = self._map[fstart]
        end = self._map[fend - 1] + 1
        # A combining mark after the last base letter belongs to the match too.
        while end < len(self.text) and fold_char(self.text[end]) == "":
            end += 1
        return start, end
