"""The context words that gate the weak identifier patterns ("passport", "sort code", "born"):
where each kind of them is in a statement, found in one pass over its words."""

from __future__ import annotations

import bisect
import re

from desktop.redaction.scanning import IC_ASCII, first_letters, lower_same_length
from desktop.redaction.scanning import compile_detector as _c

IC = re.IGNORECASE

_CTX = {
    "passport": _c(r"\b(?:passports?|travel\s+doc(?:ument)?s?|pp\s*no)\b", IC),
    "nhs": _c(r"\b(?:nhs|chi|h\s?&\s?c|health\s+(?:and\s+care\s+)?number)\b", IC),
    "nino": _c(r"\b(?:national\s+insurance|ni\s*(?:no|number)|nino|insurance\s+number)\b", IC),
    "ho": _c(
        r"\b(?:home\s+office|ukvi|visa|uan|gwf|arc|ihs|nrm|port\s+ref(?:erence)?|cid|is96|is151a|bail|asylum|"
        r"immigration|brp|biometric|residence\s+permit|evisa|share\s+code|application|case\s+(?:id|ref|number))\b",
        IC,
    ),
    "police": _c(
        r"\b(?:crime\s+(?:ref(?:erence)?|number|no)|crime|incident|occurrence|cad|log(?:\s+number)?|urn|"
        r"police|action\s+fraud|report(?:ed)?|case)\b",
        IC,
    ),
    "ref": _c(r"\b(?:ref(?:erence)?s?|number|no\.?|id|case|file|account|acc|a/c|membership|customer)\b", IC),
    "bank": _c(
        r"\b(?:bank|account|acc|a/c|sort\s*code|iban|card|debit|credit|paid\s+into|transfer(?:red)?|"
        r"barclays|lloyds|hsbc|natwest|santander|monzo|nationwide|halifax|revolut|starling|wise)\b",
        IC,
    ),
    "vehicle": _c(
        r"\b(?:reg(?:istration)?|number\s*plate|plates?|car|van|vehicle|taxi|cab|lorry|truck|motorbike|drove|"
        r"driving|bmw|mercedes|audi|toyota|ford|vauxhall|honda|nissan|volkswagen|vw|kia|hyundai|peugeot|skoda)\b",
        IC,
    ),
    "dob": _c(
        r"\b(?:born|d\.?\s?o\.?\s?b\.?|date\s+of\s+birth|birth\s*(?:day|date)|birthday|b\.)(?=\W)",
        IC,
    ),
    "licence": _c(r"\b(?:driving\s+licen[cs]e|licen[cs]e|dvla|dva)\b", IC),
    "social": _c(
        r"\b(?:username|user\s+name|handle|snap(?:chat)?|insta(?:gram)?|tiktok|facebook|fb|twitter|telegram|"
        r"signal|skype|whatsapp|account|profile|imo|viber|ig)\b",
        IC,
    ),
    "postcode": _c(r"\b(?:post\s*code|postal\s+code|area|district)\b", IC),
}


# The words a context phrase can start with: only there is each kind's pattern tried.
_CTX_FIRST = frozenset(
    """
passport passports travel pp nhs chi h health national ni nino insurance home ukvi visa uan gwf arc ihs nrm port
cid is96 is151a bail asylum immigration brp biometric residence evisa share application case crime incident
occurrence cad log urn police action report reported ref reference references refs number no id file account acc
a membership customer bank sort iban card debit credit paid transfer transferred barclays lloyds hsbc natwest
santander monzo nationwide halifax revolut starling wise reg registration plate plates car van vehicle taxi cab
lorry truck motorbike drove driving bmw mercedes audi toyota ford vauxhall honda nissan volkswagen vw kia hyundai
peugeot skoda born d dob date birth birthday b licence license dvla dva username user handle snap snapchat insta
instagram tiktok facebook fb twitter telegram signal skype whatsapp profile imo viber ig post postcode postal area
district
""".split()
)
_LOWER_WORD = re.compile(r"[a-z0-9]+")
_ASCII_ALNUM = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")


def _kinds_by_first_word() -> dict[str, tuple[str, ...]]:
    """First word -> the kinds whose pattern can start a match with it: a word ``w`` can start an
    alternative that starts with the letters ``p`` only if one of them begins the other."""
    firsts = {kind: first_letters(p) for kind, p in _CTX.items()}
    return {w: tuple(k for k, ps in firsts.items() if any(w.startswith(p) or p.startswith(w) for p in ps))
            for w in _CTX_FIRST}  # fmt: skip


def _kinds_at_run_end(by_first: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    """First word -> the kinds whose pattern can start a match with it where it is a whole run of
    [a-z0-9] (no letter or digit after it): an alternative whose letters ``p`` are longer than the
    word needs a letter or digit after it, so only a ``p`` that begins the word is left (in the
    same order). Not where a character that matches an ASCII letter under re.IGNORECASE without
    being one ("ı", "İ", "ſ") follows the word: there every kind of ``by_first`` is tried."""
    firsts = {kind: first_letters(p) for kind, p in _CTX.items()}
    return {w: tuple(k for k in kinds if any(w.startswith(p) for p in firsts[k])) for w, kinds in by_first.items()}


_KINDS_BY_FIRST = _kinds_by_first_word()
_KINDS_AT_RUN_END = _kinds_at_run_end(_KINDS_BY_FIRST)
_IC_NOT_ASCII = frozenset(map(chr, IC_ASCII))
# A first word of one or two letters as a whole run of [a-z0-9] (the letters first: searched quickly).
_SHORT = {w: re.compile(re.escape(w) + "(?<![a-z0-9]" + re.escape(w) + ")(?![a-z0-9])")
          for w in _KINDS_BY_FIRST if len(w) <= 2}  # fmt: skip


class _Context:
    """Where the context words are (one pass over the text), to gate the weak patterns."""

    def __init__(self, text: str, runs: set[str] | frozenset[str] | None = None) -> None:
        """``runs``: the runs of [a-z0-9] of ``text`` lower-cased, if the caller has them already."""
        self._text = text
        self._pos: dict[str, list[tuple[int, int]]] = {k: [] for k in _CTX}
        low = lower_same_length(text)
        # A context phrase starts with a whole run of [a-z0-9] that is a first word: the first words
        # the text holds (one set intersection; a regex alternation of the words, tried at every
        # letter, is several times slower), then where each of them is a whole run.
        starts = []
        for w in (set(_LOWER_WORD.findall(low)) if runs is None else runs).intersection(_KINDS_BY_FIRST):
            short = _SHORT.get(w)
            if short is not None:  # "a", "d", "no": in most words, so looked for as whole runs at once
                starts.extend((m.start(), w) for m in short.finditer(low))
                continue
            i = low.find(w)
            while i >= 0:
                e = i + len(w)
                if not (i and low[i - 1] in _ASCII_ALNUM or e < len(low) and low[e] in _ASCII_ALNUM):
                    starts.append((i, w))
                i = low.find(w, e)
        n = len(text)
        for s, w in sorted(starts):
            if s > 0 and (low[s - 1].isalnum() or low[s - 1] == "_"):
                continue
            e = s + len(w)
            for kind in _KINDS_BY_FIRST[w] if e < n and text[e] in _IC_NOT_ASCII else _KINDS_AT_RUN_END[w]:
                km = _CTX[kind].match(text, s)
                if km:
                    self._pos[kind].append((s, km.end()))

    def windows(self, kind: str, margin: int) -> list[tuple[int, int]]:
        """Stretches around every context word of ``kind`` (where its gated patterns can be)."""
        out: list[list[int]] = []
        for s, e in self._pos[kind]:
            a, b = max(0, s - margin), min(len(self._text), e + margin)
            if out and a <= out[-1][1]:
                out[-1][1] = max(out[-1][1], b)
            else:
                out.append([a, b])
        return [(a, b) for a, b in out]

    def near(self, kind: str, start: int, end: int, before: int = 80, after: int = 30) -> bool:
        pos = self._pos[kind]
        i = bisect.bisect_left(pos, (start - before, -1))
        return i < len(pos) and pos[i][0] <= end + after
