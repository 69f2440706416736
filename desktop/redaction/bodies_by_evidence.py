"""Bodies' names the text itself shows are bodies, and street-shaped names used as institutions.

A run of capitalised words before a verb of saying reads like a person ("Bright Harbour said"),
yet a reviewer reading the whole statement sees a body when the same run is written elsewhere as
one: after "the" with a body's thing or people after it ("the Bright Harbour office", "the Bright
Harbour volunteers"; not "the Unit Raja Wood told us"), after "a spokesperson for", "officials at", "the
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
from bisect import bisect_left
from operator import attrgetter

from desktop.redaction import lexicon
from desktop.redaction.given_names import any_given_names
from desktop.redaction.name_lists import surname_words
from desktop.redaction.things import _BODY_THINGS, _LOWER_WORD_AFTER, _ROLES
from desktop.redaction.word_sets import statement_words

_SP = r"[ \t\u00a0]+"
_KIND_NOUNS = (
    r"(?:charity|company|organi[sz]ation|firm|agency|group|business|campaign|NGO|trust|"
    r"campaign[ \t\u00a0]+group|non-profit|nonprofit)"
)
# Before an address: how a text names a body it speaks for.
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
# The evidence is found from its nouns: each noun the statement holds (``statement_words``) is looked
# for by a literal scan (fast), and the wording around each one found is read with small patterns.
# A noun's first letter is looked at apart, so "Officials at" and "officials at" are one scan.
_KIND_SPELLINGS = {  # the statement's word (lower case) -> the nouns to look for
    "charity": ("charity",), "company": ("company",), "organisation": ("organisation",),
    "organization": ("organization",), "firm": ("firm",), "agency": ("agency",), "group": ("group",),
    "business": ("business",), "campaign": ("campaign",), "ngo": ("NGO",), "trust": ("trust",),
    "nonprofit": ("nonprofit",), "profit": ("non-profit",),
}  # fmt: skip
_SPOKES = frozenset("spokesperson spokesman spokeswoman representative".split())
_MEMBERS = frozenset("official officials staff volunteer volunteers".split())
_SOURCES = frozenset("source sources".split())
_SPOKEN_WORDS = _SPOKES | _MEMBERS | _SOURCES | {"press"}
_NOUN_RE: dict[str, re.Pattern[str]] = {}
_ART_BEFORE = re.compile(r"(?:^|(?<=[^\w]))(?:[Tt]he|[Aa])" + _SP + r"$")
_KIND_BEFORE_TAIL = re.compile(r"(?:" + _SP + r"called)?" + _SP + r"(?=[A-Z])")
_KIND_AFTER_HEAD = re.compile(
    r"(?:,[ \t\u00a0]*|" + _SP + r"(?:is|was)" + _SP + r")(?:a|an)" + _SP + r"(?:[a-z]+" + _SP + r")?$"
)
_KIND_END = re.compile(
    r"(?=[ \t\u00a0]*(?:[,.;:)!?]|$)|[ \t\u00a0]+(?:that|which|who|in|based|for|run|set|founded|working|helping)\b)"
)
_FOR_TAIL = re.compile(_SP + r"(?:for|from|of|at)" + _SP + r"(?=[A-Z])")
_AT_TAIL = re.compile(_SP + r"(?:at|from)" + _SP + r"(?=[A-Z])")
_SOURCES_TAIL = re.compile(_SP + r"at" + _SP + r"(?=[A-Z])")
_PRESS_OFFICE = re.compile(_SP + r"office")
_POSSESSIVE_HEAD = re.compile(r"['’]s" + _SP + r"$")
# "the "/"The " (the "t" looked at after) before two capitalised words or more and a body's thing
_THE_THING_RE = re.compile(
    r"he[ \t\u00a0]+(?=(?:[A-Z][\w'’\-]*[ \t\u00a0]+){2,}(?:"
    + "|".join(sorted(_BODY_THINGS | _ROLES, key=lambda w: (-len(w), w)))
    + r")\b)"
)
_ITS_AFTER_RE = re.compile(r"and" + _SP + r"its\b")  # (a space and a letter before it looked at after)


def _nouns(text: str, noun: str):  # noqa: ANN202 - an iterator of (start, end)
    """Where ``noun`` is written as a word, its first letter in either case."""
    r = _NOUN_RE.get(noun)
    if r is None:
        r = _NOUN_RE[noun] = re.compile(re.escape(noun[1:]) + r"\b")
    first = {noun[0], noun[0].upper(), noun[0].lower()}
    for m in r.finditer(text):
        s = m.start() - 1
        if s >= 0 and text[s] in first and (s == 0 or not text[s - 1].isalnum()):
            yield s, m.end()


_START, _END = attrgetter("start"), attrgetter("end")

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


def _word_starts(text: str, pos: int) -> bool:
    return pos == 0 or not text[pos - 1].isalnum()


def _after_letter(text: str, pos: int) -> bool:
    return pos > 0 and text[pos - 1].isalpha()


def _run_from(toks: list, text: str, i: int) -> int:
    """The last index of the run of title-case words one space apart that starts at ``toks[i]``."""
    j = i
    while j + 1 < len(toks) and _title(toks[j + 1]) and text[toks[j].end : toks[j + 1].start] == " ":
        j += 1
    return j


def _run_to(toks: list, text: str, j: int) -> int:
    """The first index of the run of title-case words one space apart that ends at ``toks[j]``."""
    i = j
    while i > 0 and _title(toks[i - 1]) and text[toks[i - 1].end : toks[i].start] == " ":
        i -= 1
    return i


def bodies_by_evidence(toks: list, text: str) -> list[tuple[int, int]]:
    """Take back the runs the text shows are bodies' names (see the note); return their ranges.
    The evidence is found by two scans of the text (before a capital, after a letter), and only
    the runs next to it are read."""
    letters = statement_words(text).letters
    kinds = [n for w in letters.intersection(_KIND_SPELLINGS) for n in _KIND_SPELLINGS[w]]
    spoken = letters.intersection(_SPOKEN_WORDS)
    things = not _BODY_THINGS.isdisjoint(letters) or not _ROLES.isdisjoint(letters)
    its = "its" in letters
    if not (kinds or spoken or things or its):
        return []
    befores: list[tuple[int, str]] = []  # (where the run starts, which evidence)
    afters: list[tuple[int, bool]] = []  # (where the run ends, a body's kind)
    for noun in kinds:  # "the charity X", "X, a charity", "X is a small charity"
        for s, e in _nouns(text, noun):
            if _ART_BEFORE.search(text, max(0, s - 5), s) and (m := _KIND_BEFORE_TAIL.match(text, e)):
                befores.append((m.end(), "kind"))
            if _KIND_END.match(text, e) and (m := _KIND_AFTER_HEAD.search(text, max(0, s - 40), s)):
                if _after_letter(text, m.start()):
                    afters.append((m.start(), True))
    for noun in spoken:  # "a spokesperson for X", "officials at X", "sources at X", "X's spokesperson"
        for s, e in _nouns(text, noun):
            if noun == "press":
                m = _PRESS_OFFICE.match(text, e)
                if not m:
                    continue
                e = m.end()
            if noun in _MEMBERS:
                m = _AT_TAIL.match(text, e)
            elif noun in _SOURCES:
                m = _SOURCES_TAIL.match(text, e)
            else:
                m = _FOR_TAIL.match(text, e) if _ART_BEFORE.search(text, max(0, s - 5), s) else None
            if m:
                befores.append((m.end(), "spoken"))
            if noun in _SPOKES or noun == "press":
                h = _POSSESSIVE_HEAD.search(text, max(0, s - 4), s)
                if h and _after_letter(text, h.start()):
                    afters.append((h.start(), False))
    if things:  # "the Bright Harbour office": two capitalised words or more, then a body's thing or people
        befores += [
            (m.end(), "the")
            for m in _THE_THING_RE.finditer(text)
            if m.start() and text[m.start() - 1] in "Tt" and (m.start() == 1 or not text[m.start() - 2].isalnum())
        ]
    if its:
        for m in _ITS_AFTER_RE.finditer(text):
            k = m.start()
            while k > 0 and text[k - 1] in " \t\u00a0":
                k -= 1
            if k < m.start() and _after_letter(text, k):
                afters.append((k, False))
    if not befores and not afters:
        return []

    def at(pos: int, start: bool) -> int | None:  # the word starting (or ending) at ``pos``, looked up
        k = bisect_left(toks, pos, key=_START if start else _END)
        return k if k < len(toks) and (toks[k].start if start else toks[k].end) == pos else None

    candidates: list[tuple[int, int, bool, bool]] = []  # (first, last, kind, strong)
    for pos, how in befores:
        i = at(pos, True)
        if i is None or not _title(toks[i]) or toks[i].fw in lexicon.FUNCTION_WORDS:
            continue
        j = _run_from(toks, text, i)
        if i > 0 and _title(toks[i - 1]) and text[toks[i - 1].end : toks[i].start] == " ":
            continue  # "the Trust Hope Hall": the middle of a run
        if how == "kind":
            if _ENDS_THE_NAME.match(text, toks[j].end):  # not "the charity Okonjo founded"
                candidates.append((i, j, True, True))
        elif how == "spoken":
            candidates.append((i, j, False, True))
        elif j > i:  # "the" before two words or more, and a thing or a people of a body's after them
            w = _LOWER_WORD_AFTER.match(text, toks[j].end)
            if w and (w.group(1) in _BODY_THINGS or w.group(1) in _ROLES):  # (the run may end before the scan's)
                candidates.append((i, j, False, False))
    for pos, kind in afters:
        j = at(pos, False)
        if j is None or not _title(toks[j]):
            continue
        i = _run_to(toks, text, j)
        while i <= j and toks[i].fw in lexicon.FUNCTION_WORDS:  # "The Bright Harbour, a charity"
            i += 1
        if i <= j:
            candidates.append((i, j, kind, True))
    shown: set[tuple[str, ...]] = set()
    for i, j, kind, _strong in candidates:
        words = tuple(t.fw for t in toks[i : j + 1])
        if words in shown:
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
    firsts = {w[0] for w in shown}
    out = []
    for k, t in enumerate(toks):
        if t.fw not in firsts:
            continue
        for words in shown:
            size = len(words)
            if words[0] != t.fw or k + size > len(toks):
                continue
            run = toks[k : k + size]
            if tuple(u.fw for u in run) != words or any(
                text[u.end : v.start] != " " for u, v in zip(run, run[1:], strict=False)
            ):
                continue
            for u in run:
                u.score, u.edge_ok, u.place = 0.0, False, True
            out.append((run[0].start, run[-1].end))
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
