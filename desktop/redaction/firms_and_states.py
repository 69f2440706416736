"""Firms and states that court text names in full, taken for people by the likely-name pass.

A judgment names a company in full, and a state by its full style. Read here, and taken back
where nothing stronger than an unexplained word (0.5) scored the words:

* the name a business trades under: the capitalised words after "trading as", "t/as" or "t/a"
  ("X Pty Ltd trading as Golden Wok Marrabel", "t/as Zandoria Restaurant & Bar");
* the words before "&" when the words after it end a company's name ("Quaan & Lim Pty Ltd",
  "Abara & Abara Shoes Ltd."), and the word before "Co." when "Ltd", "Limited", "Inc" or "Pty"
  follows ("Kestrel Co. Ltd");
* a state's full style: the capitalised words after "States of", "Republic of", "Kingdom of",
  "Emirates of", "Federation of" or "Commonwealth of" ("the United States of America", "UNITED
  STATES OF AMERICA", "the Federal Republic of Ruritania"), as a person is never of a republic.
"""

from __future__ import annotations

import re
from bisect import bisect_left

UNEXPLAINED = 0.5
_SP = r"[ \t\u00a0]+"
_CAP_RUN = r"([A-Z][\w'’\-]*(?:(?:" + _SP + r"|" + _SP + r"&" + _SP + r")[A-Z][\w'’\-]*){0,4})"
_TRADING = re.compile(r"\b(?:trading" + _SP + r"as|[Tt]/[Aa]s?)" + _SP + _CAP_RUN)
_SUFFIX = r"(?:Pty|Ltd|Limited|Inc|LLP|PLC|Plc|Proprietary|Corporation|Company)\b"
_BEFORE_AMPERSAND = re.compile(
    r"([A-Z][\w'’\-]*(?:" + _SP + r"[A-Z][\w'’\-]*){0,2})" + _SP + r"&" + _SP
    + r"(?:[A-Z][\w'’\-]*" + _SP + r"){1,3}" + _SUFFIX
)  # fmt: skip
_BEFORE_CO = re.compile(r"([A-Z][\w'’\-]*)" + _SP + r"Co\." + _SP + r"(?:Ltd|Limited|Inc|Pty)\b")
_STATE = re.compile(
    r"\b(?:States|STATES|Republic|REPUBLIC|Kingdom|KINGDOM|Emirates|EMIRATES|Federation|FEDERATION|"
    r"Commonwealth|COMMONWEALTH)" + _SP + r"(?:of|OF)" + _SP + r"(?:the" + _SP + r"|THE" + _SP + r")?"
    r"([A-Z][\w'’\-]*(?:" + _SP + r"[A-Z][\w'’\-]*)?)"
)


# Looked for first, as whole strings in the lower-cased text (fast): "of" alone is in almost every
# statement, and a style is written in capitals or not ("UNITED STATES of America").
_STATE_WORDS = ("states of", "republic of", "kingdom of", "emirates of", "federation of", "commonwealth of")


def firms_and_states(toks: list, text: str) -> None:
    """Take back the words of firms' and states' full names (see the module's note)."""
    spans: list[tuple[int, int]] = []
    if "&" in text:
        spans += [m.span(1) for m in _BEFORE_AMPERSAND.finditer(text)]
    if "Co." in text:
        spans += [m.span() for m in _BEFORE_CO.finditer(text)]  # "Kestrel Co. Ltd" whole
    if "trading as" in text or "t/a" in text or "T/A" in text:
        spans += [m.span(1) for m in _TRADING.finditer(text)]
    low = text.lower() if " of " in text or " OF " in text else ""
    if low and any(w in low for w in _STATE_WORDS):
        spans += [m.span(1) for m in _STATE.finditer(text)]
    if not spans:
        return
    starts = [t.start for t in toks]
    for s, e in spans:
        k = bisect_left(starts, s)
        while k < len(toks) and toks[k].end <= e:
            t = toks[k]
            if 0 <= t.score <= UNEXPLAINED and not t.title:
                t.score, t.place, t.edge_ok = 0.0, True, False
            k += 1
