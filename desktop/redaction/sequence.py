"""What ``finditer`` of a recorded name's pattern finds, without compiling that pattern.

A recorded name's patterns (``known._name_patterns``) are alternations of literal words joined by a
few kinds of separator ("amina[\\s\\-']*okafor|okafor(?:,\\s*|[\\s\\-']+)amina|a\\.?(?:[\\s\\u00a0]|-\\r?\\n)+okafor"),
with the end boundary ``(?![^\\W_])``. Compiling one costs about a millisecond, more than searching a
statement for it, and every new person brings new ones. Such a pattern is read back into its pieces
(``parse``) and matched with ``str.find`` and the few separator patterns compiled once (``finditer``):

* every literal after a separator starts with a letter or digit, which no separator matches, so a
  separator taken greedily is the only way it can match (nothing to backtrack into); a pattern that
  does not keep to this is not parsed and is compiled as before;
* the alternation's rule is kept: leftmost match first; at one place the first alternative that
  matches there, with the end boundary; matches do not overlap.

A test compares it with the compiled patterns on generated names and texts.
"""

from __future__ import annotations

import re
from functools import lru_cache

from desktop.core.forgetting import kept_until_lock

_B1 = r"(?![^\W_])"
# Each separator a name's pattern is built with, and the characters it may take.
_SEPS: dict[str, tuple[re.Pattern[str], str]] = {
    sep: (re.compile(sep), chars)
    for sep, chars in (
        (r"\.?(?:[\s\u00a0]|-\r?\n)+", ".-"),
        (r"(?:,\s*|[\s\-']+)", ",-'"),
        (r"[\s\-']*", "-'"),
        (r"[\s\-']+", "-'"),
        (r"[-'\s]?", "-'"),
    )
}
_SPECIAL = set("()[]{}?*+.^$|\\")

# One alternative: (separator before it or None, literal) per piece; the first has no separator.
Alternative = tuple[tuple[str | None, str], ...]


Parsed = tuple[tuple[Alternative, ...], bool, bool]


@lru_cache(maxsize=65536)
def parse(source: str) -> Parsed | None:
    """``source`` as its alternatives, whether it ends with the end boundary, and whether with a
    plural "s?" (a name part: "okafor[-'\\s]?bellos?"); None if it is not made only of literals and
    the separators above (then it is compiled)."""
    bounded = source.endswith(_B1)
    body = source[: -len(_B1)] if bounded else source
    plural = body.endswith("s?") and not body.endswith("\\s?")
    if plural:
        body = body[:-2]
    if body.startswith("(?:") and body.endswith(")"):
        body = body[3:-1]
    alts: list[list[tuple[str | None, str]]] = [[]]
    sep: str | None = None
    lit: list[str] = []
    i, n = 0, len(body)

    def close() -> bool:
        if not lit:
            return False
        alts[-1].append((sep, "".join(lit)))
        lit.clear()
        return True

    while i < n:
        c = body[i]
        found = next((s for s in _SEPS if body.startswith(s, i)), None) if c in "[(\\" else None
        if found is not None:
            if not close():
                return None
            sep = found
            i += len(found)
            continue
        if c == "|":
            if not close():
                return None
            alts.append([])
            sep = None
            i += 1
        elif c == "\\":
            if i + 1 >= n or body[i + 1].isalnum():  # an escape such as "\s" or "\d": not a literal
                return None
            lit.append(body[i + 1])
            i += 2
        elif c in _SPECIAL:
            return None
        else:
            lit.append(c)
            i += 1
    if not close():
        return None
    out = tuple(tuple(a) for a in alts)
    if plural and len(out) > 1:
        return None  # the "s?" would belong to the last alternative only
    for alt in out:
        for k, (_, piece) in enumerate(alt):
            if k and not piece[0].isalnum():
                return None  # a separator could take this character: not matched this way
    return out, bounded, plural


def _match(ff: str, alt: Alternative, pos: int) -> int:
    """The end of ``alt`` matched at ``pos`` in ``ff``, or -1."""
    for sep, piece in alt:
        if sep is not None:
            m = _SEPS[sep][0].match(ff, pos)
            if m is None:
                return -1
            pos = m.end()
        if not ff.startswith(piece, pos):
            return -1
        pos += len(piece)
    return pos


def _starts(ff: str, alt: Alternative) -> set[int]:
    """Every place ``alt`` may start: where its first literal is, or, if that is shorter than three
    letters and digits, found back from each place of its second one over the separator between."""
    first = alt[0][1]
    if len(alt) == 1 or len(first) >= 3 or not first.isalnum():
        out, i = set(), ff.find(first)
        while i >= 0:
            out.add(i)
            i = ff.find(first, i + 1)
        return out
    sep, second = alt[1]
    chars = _SEPS[sep][1]  # type: ignore[index]
    out = set()
    j = ff.find(second)
    while j >= 0:
        k = j
        while k > 0 and (ff[k - 1].isspace() or ff[k - 1] in chars):
            k -= 1
        # The first literal ends with a letter or digit, which no separator takes: it ends at ``k``.
        if k >= len(first):
            out.add(k - len(first))
        j = ff.find(second, j + 1)
    return out


def finditer(ff: str, parsed: Parsed) -> list[tuple[int, int]]:
    """The spans ``re.finditer`` of the parsed pattern finds in ``ff``."""
    alts, bounded, plural = parsed
    starts: set[int] = set()
    for alt in alts:
        starts |= _starts(ff, alt)
    n = len(ff)
    out = []
    last = 0
    for s in sorted(starts):
        if s < last:
            continue
        for alt in alts:
            e = _match(ff, alt, s)
            if e < 0:
                continue
            # "s?" is greedy: with the "s" if the boundary holds after it, else without it.
            if plural and ff.startswith("s", e) and not (bounded and e + 1 < n and ff[e + 1].isalnum()):
                e += 1
            elif bounded and e < n and ff[e].isalnum():
                continue
            out.append((s, e))
            last = e
            break
    return out


# Made from the words of interviews: emptied when the vault locks (desktop.core.forgetting).
kept_until_lock(parse.cache_clear)
