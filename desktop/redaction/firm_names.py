"""A law firm or chambers named after people, read by the noun of a firm after its name: "the Harlow
Venn pro bono team", "by Marsh & Tolland solicitors", "at Okoro Webb law firm". The firm is a body
and its surnames are not names there, as a person's name does not stand before "pro bono team" or
"solicitors" with no "'s" ("Jane Roe's solicitors" keeps the name).

Taken back only: words scored 0.5 or unscored (never one a rule scored higher), after a determiner
or a preposition ("the", "at", "by", "from"...) or joined by "&" ("I told Amina solicitors cost
money" keeps the name: a verb before it). Firms' names are often a founder's full name, so a given
name in the run does not stop it here; but a given name and one more word, with no "the" before and
no "&" ("a letter from Joy Mensah solicitors"), is a person's full name, and ``people_again`` gives it
back after every take-back.
"""

from __future__ import annotations

import re

from desktop.redaction import lexicon
from desktop.redaction.word_sets import statement_words

UNEXPLAINED = 0.5
_SP = r"[ \t\u00a0]+"
_NOUN_AFTER = re.compile(_SP + r"([a-z]+)(?:" + _SP + r"([a-z]+))?")
_ONE_WORD = frozenset(("solicitors", "barristers"))
_TWO_WORDS = frozenset((("pro", "bono"), ("law", "firm"), ("law", "firms"), ("legal", "practice")))
_CUES = frozenset(w for pair in _TWO_WORDS for w in pair[:1]) | _ONE_WORD
_OPENERS = frozenset("the a an at by from with of for to via through".split())
_WORD_BEFORE = re.compile(r"\b([A-Za-z]+)[ \t\u00a0]+$")
_JOINS = (" ", " & ")


def _firm_noun(text: str, end: int) -> bool:
    m = _NOUN_AFTER.match(text, end)
    return bool(m) and (m.group(1) in _ONE_WORD or (m.group(1), m.group(2)) in _TWO_WORDS)


def firm_names(toks: list, text: str) -> None:
    """Take back the words of a firm's name before a firm's noun (see the note)."""
    if _CUES.isdisjoint(statement_words(text).letters):
        return
    function_words = lexicon.FUNCTION_WORDS
    for i, t in enumerate(toks):
        if not t.word[:1].isupper() or not _firm_noun(text, t.end):
            continue
        run, joined, k = [t], False, i
        while k > 0 and len(run) < 4 and text[toks[k - 1].end : toks[k].start] in _JOINS:
            prev = toks[k - 1]
            if not prev.word[:1].isupper() or prev.fw in function_words:
                break
            joined = joined or text[prev.end : toks[k].start] == " & "
            run.insert(0, prev)
            k -= 1
        if any(u.title or not 0 <= u.score <= UNEXPLAINED for u in run):
            continue
        m = _WORD_BEFORE.search(text, max(0, run[0].start - 30), run[0].start)
        if not joined and not (m and m.group(1).lower() in _OPENERS):
            continue
        for u in run:
            u.score, u.place, u.edge_ok = 0.0, True, False
