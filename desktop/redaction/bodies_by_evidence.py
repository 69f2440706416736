"""Bodies' names the text itself shows are bodies, and street-shaped names used as institutions.

A run of capitalised words before a verb of saying reads like a person ("Bright Harbour said"),
yet a reviewer reading the whole statement sees a body when the same run is written elsewhere as
one: after "the" ("the Bright Harbour office"), after "a spokesperson for", "officials at", "the
charity", "the company", or with a body's kind in apposition after it ("Bright Harbour, a charity
in Leeds", "Bright Harbour is a charity"; the kind ending the phrase, so not "X, a company
director", a person's role; and "a", not "the": "Amir, the agency and the council" is a list, and
a person is "the employer"). Such a run is the body's name everywhere in that text
(``bodies_by_evidence``): its words are left as the fact they are. A single word needs the stronger
evidence (not "the" alone: "the Amir I knew"). A run shaped like a person's name (``person_shaped``:
a given name that is a word or on a given-name list, then a census surname or no English word:
"Will Smith", "Hope Green", "Amir Khan", and so "Royal Mail" too) is taken back only by a body's
kind ("the charity Hope Rising", "Hope Rising, a charity"): a celebrity has a spokesperson too.
A run holding a given name that is no English word ("Tariq") or two such words ("the Trust Hope
Hall": a chair named after the trust) needs a body's kind likewise.

A capitalised "Not", "Without", "Against", "Beyond" or "Across" inside a run of capitalised English
words ("Kindness Not Fear", "Nurses Without Walls") is a campaign's or a charity's name: no person's
name holds such a word, so the whole run is kept (``bodies_with_inner_words``), unless the words on
either side of it are shaped like a person's name ("Interview Without Hope Green").

A street-shaped name with no house number that speaks or decides ("Kestrel Street said", "Harrow
Yard decided", "The Granite House said it would") or is spoken for ("a spokesperson for Kestrel
Street", "officials at Harrow Yard") is an institution, a fact (``street_named_institution``); a
person's pronoun after the verb ("... said she"), a title before it ("Mr Street said") or a given
name as its first word ("Grace Street said", "Amber House said") leaves it to the other rules; "I
lived at 10 Kestrel Street" and "my flat on Mill Street" stay addresses.
"""

from __future__ import annotations

import re

from desktop.redaction import lexicon
from desktop.redaction.given_names import any_given_names
from desktop.redaction.name_lists import surname_words

_SP = r"[ \t\u00a0]+"
_KIND_NOUNS = (
    r"(?:charity|company|organi[sz]ation|firm|agency|group|business|campaign|NGO|trust|"
    r"campaign[ \t\u00a0]+group|non-profit|nonprofit)"
)
# Before the run: how a text names a body it speaks of (each needs the whole run after it).
_KIND_BEFORE = re.compile(r"\b(?:the|a)" + _SP + _KIND_NOUNS + r"(?:" + _SP + r"called)?" + _SP + r"$", re.I)
_SPOKEN_FOR_BEFORE = re.compile(
    r"\b(?:(?:a|the)"
    + _SP
    + r"(?:spokes(?:person|man|woman)|representative|press[ \t\u00a0]+office)"
    + _SP
    + r"(?:for|from|of|at)|officials?"
    + _SP
    + r"(?:at|from)|sources?"
    + _SP
    + r"at|"
    r"staff" + _SP + r"(?:at|from)|volunteers?" + _SP + r"(?:at|from))" + _SP + r"$",
    re.I,
)
# After "the charity X": the name ends there (punctuation, or a word that starts a new phrase), not
# "the charity Okonjo founded" (the charity someone founded).
_ENDS_THE_NAME = re.compile(
    r"['’]s\b|[ \t\u00a0]*(?:[,.;:)!?]|$)|[ \t\u00a0]+(?:for|in|and|which|that|to|on|at|of|is|was|has|had|"
    r"said|says|told|gave|helped|would|could|will|can)\b"
)
_THE_BEFORE = re.compile(r"\b[Tt]he" + _SP + r"$")
# After the run: a body's kind in apposition, or the body's own words.
_KIND_AFTER = re.compile(
    r"(?:,[ \t\u00a0]*|"
    + _SP
    + r"(?:is|was)"
    + _SP
    + r")(?:a|an)"
    + _SP
    + r"(?:[a-z]+[ \t\u00a0]+)?"
    + _KIND_NOUNS
    # the kind ends the phrase: not "X, a company director", "X, the group's leader" (a person)
    + r"(?=[ \t\u00a0]*(?:[,.;:)!?]|$)|[ \t\u00a0]+(?:that|which|who|in|based|for|run|set|founded|working|helping)\b)"
)
_SPOKES_AFTER = re.compile(r"['’]s" + _SP + r"(?:spokes(?:person|man|woman)|press[ \t\u00a0]+office)\b")
_AND_ITS = re.compile(_SP + r"and" + _SP + r"its\b")
# A cheap gate: a text with none of these words has no evidence to read.
_GATE = re.compile(
    r"\b(?:the|a|an)" + _SP + r"(?:[a-z]+" + _SP + r")?" + _KIND_NOUNS + r"\b|spokes(?:person|man|woman)|"
    r"\bofficials?" + _SP + r"(?:at|from)|\bits\b|press[ \t\u00a0]+office|representative|staff|volunteer",
    re.I,
)

_INNER = frozenset("not without against beyond across".split())


def _runs(toks: list, text: str) -> list[tuple[int, int]]:
    """The runs of title-case words one space apart: (first index, last index)."""
    out = []
    n = len(toks)
    k = 0
    while k < n:
        if not _title(toks[k]):
            k += 1
            continue
        j = k
        while j + 1 < n and _title(toks[j + 1]) and text[toks[j].end : toks[j + 1].start] == " ":
            j += 1
        out.append((k, j))
        k = j + 1
    return out


def _title(t) -> bool:  # noqa: ANN001 - names._Tok
    w = t.word
    return t.score >= 0 and not t.title and w[:1].isupper() and (len(w) == 1 or not w.isupper())


def person_shaped(words: list[str]) -> bool:
    """ "Will Smith", "Hope Green", "Amir Khan", "Royal Mail": a given name (any the lists hold, word or
    not), then a census surname or a word no English word; three words at most."""
    if not 1 < len(words) <= 3:
        return False
    first, last = words[0], words[-1]
    given = first in lexicon.WORD_NAMES or first in any_given_names()
    return given and (last in surname_words() or last not in lexicon.english_words())


def _holds_a_person(words: tuple[str, ...]) -> bool:
    """Two neighbouring words of the run shaped like a person's name ("the Trust Hope Hall": the
    trust's chair, named after it)."""
    return any(person_shaped([a, b]) for a, b in zip(words, words[1:], strict=False))


def _foreign_given(words: list[str]) -> bool:
    english = lexicon.english_words()
    return any(w in any_given_names() and w not in english for w in words)


def bodies_by_evidence(toks: list, text: str) -> list[tuple[int, int]]:
    """Take back the runs the text shows are bodies' names (see the note); return their ranges."""
    if not _GATE.search(text):
        return []
    function_only = lexicon.FUNCTION_WORDS
    runs = _runs(toks, text)
    shown: set[tuple[str, ...]] = set()
    for a, b in runs:
        while a <= b and toks[a].fw in function_only:  # "The Bright Harbour office": the run after "The"
            a += 1
        if a > b:
            continue
        words = tuple(t.fw for t in toks[a : b + 1])
        if words in shown:
            continue
        s, e = toks[a].start, toks[b].end
        head = text[max(0, s - 40) : s]
        kind = bool(_KIND_BEFORE.search(head) and _ENDS_THE_NAME.match(text, e) or _KIND_AFTER.match(text, e))
        strong = kind or bool(_SPOKEN_FOR_BEFORE.search(head) or _SPOKES_AFTER.match(text, e)
                              or _AND_ITS.match(text, e))  # fmt: skip
        weak = len(words) > 1 and bool(_THE_BEFORE.search(head))
        if not (strong or weak):
            continue
        if _foreign_given(words) and not kind:
            continue  # "a spokesman for Amir Khan": a person
        if not kind and (person_shaped(list(words)) or _holds_a_person(words)):
            continue  # "a spokesman for Will Smith", "the Amir Khan I knew"
        if len(words) > 1 and any(w in lexicon.TITLES or w in lexicon.RELATIONS for w in words):
            continue
        shown.add(words)
    if not shown:
        return []
    out = []
    for a, b in runs:
        for size in {len(w) for w in shown}:
            for k in range(a, b - size + 2):
                if tuple(t.fw for t in toks[k : k + size]) in shown:
                    for t in toks[k : k + size]:
                        t.score, t.edge_ok, t.place = 0.0, False, True
                    out.append((toks[k].start, toks[k + size - 1].end))
    return sorted(out)


def bodies_with_inner_words(toks: list, text: str) -> list[tuple[int, int]]:
    """Keep "Hope Not Hate", "Doctors Without Borders" whole (see the note); return their ranges."""
    n = len(toks)
    out = []
    english = None
    for i in range(1, n - 1):
        t = toks[i]
        if t.fw not in _INNER or not t.word[:1].isupper() or t.word.isupper():
            continue
        if text[toks[i - 1].end : t.start] != " " or text[t.end : toks[i + 1].start] != " ":
            continue
        english = english or lexicon.english_words()
        a = i - 1
        while a > 0 and text[toks[a - 1].end : toks[a].start] == " " and _title(toks[a - 1]):
            a -= 1
        b = i + 1
        while b + 1 < n and text[toks[b].end : toks[b + 1].start] == " " and _title(toks[b + 1]):
            b += 1
        run = toks[a : b + 1]
        if any(not _title(u) and u is not t for u in run) or any(u.fw not in english for u in run):
            continue  # "Interview Without Amir Khan": a word no English word
        if any(u.fw in lexicon.TITLES for u in run):
            continue
        sides = ([u.fw for u in toks[a:i]], [u.fw for u in toks[i + 1 : b + 1]])
        if any(len(w) > 1 and person_shaped(w) for w in sides):
            continue  # "Interview Without Hope Green": a heading's words before a person's name
        for u in run:
            u.score, u.edge_ok, u.place = 0.0, False, True
        out.append((run[0].start, run[-1].end))
    return out


# --- street-shaped names used as institutions -------------------------------------------------
_SPEAKS_AFTER = re.compile(
    r"(?:[ \t\u00a0]+(?:has|had|have|also|later|then|finally))?[ \t\u00a0]+(?:said|says|told|tells|confirmed|"
    r"announced|decided|refused|rejected|denied|declined|insisted|stated|added|warned|argued|ruled|responded|"
    r"replied|ordered|approved|agreed|admitted|claimed|promised|dismissed)\b"
    r"(?P<rest>(?:[ \t\u00a0]+(?:that|to|on|in|last|this))?[ \t\u00a0]+(?P<p>\w+))?"
)
_A_PERSON = frozenset("he she his her him i".split())
_TITLE_BEFORE = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Sir|Dame|Lady|Lord)\.?" + _SP + r"$")


def street_named_institution(text: str, s: int, e: int) -> bool:
    """Is the address at ``[s, e)`` a street-shaped institution's name (see the note)?"""
    span = text[s:e]
    if any(c.isdigit() for c in span):
        return False
    head = text[max(0, s - 40) : s]
    if _TITLE_BEFORE.search(head):
        return False
    first = span.split()[0] if span.split() else ""
    if first.lower() == "the" and len(span.split()) > 1:
        first = span.split()[1]
    fw = first.lower()
    if fw in any_given_names() or fw in lexicon.WORD_NAMES:
        return False  # "Grace Street said", "Hope Lane told me": a person's name
    if _SPOKEN_FOR_BEFORE.search(head) or _KIND_AFTER.match(text, e) or _SPOKES_AFTER.match(text, e):
        return True
    m = _SPEAKS_AFTER.match(text, e)
    if not m:
        return False
    p = m.group("p")
    return p is None or p.lower() not in _A_PERSON
