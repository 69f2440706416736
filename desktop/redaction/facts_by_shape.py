"""Facts of the complaint that the likely-name pass took for people, told by their shape.

Each rule reads how a court, a scheme or a church is written, not which one it is:

* a court or a division of one: a run of capitalised words ending in "Court", "Courts" or
  "Division" that does not start with a given name ("Delaware County Crown Court", "CRIMINAL
  DIVISION"; "Margaret Court" stays a person), and the words after "Court of" or "Courts of"
  ("the County Court of Victoria", "COURT OF APPEAL", "Royal Courts of Justice");
* a scheme, an Act or a framework: a run ending in one of those words ("the Employer Nomination
  Scheme", "the Fair Work Act"), even after a word that would make the next word someone ("my
  employer");
* a saint's name at the start of a run: a church, a parish or a town ("St Catherine's parish",
  "St Paul's Bay"), up to a title ("St. Louis Attorney Ann Roe": she is someone); "Ian St John" and
  "Mr St Clair" stay people;
* a neutral citation: the capitalised words between a year in square brackets and a number
  ("[2004] EWCA Crim 1275", "[2021] UKUT 45"), and a jurisdiction in brackets after an Act's year
  ("the Fair Work Act 2009 (Cth)");
* a list of places: an unknown word listed with two known places or more ("Leeds, Castlebar,
  Cork and Navan"), or with one after "in" or "from" and closing the sentence ("in Leeds and
  Ontario."); given names, titled words and possessives are never taken in;
* a word counted with a number and followed by a plural noun ("16 Garda divisions").

A run after a title or rank ("Judge Court", "Mrs Scheme") is left to the rules for people.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from desktop.redaction import lexicon
from desktop.redaction.context import _ORG_LAST
from desktop.redaction.given_names import any_given_names

_COURT_LAST = frozenset(("court", "courts", "division"))
_SCHEME_LAST = frozenset(("scheme", "schemes", "act", "framework", "convention", "directive", "regulations"))
# The plural kinds that end a business's name ("Cobrey Farms", "Golden Harvest Foods").
_FIRM_LAST = frozenset("farms enterprises industries foods logistics holdings growers nurseries".split())
# After "&", the words that end a firm's name ("Bindmans & Co", "Wilsons & Partners").
_FIRM_AMPERSAND = frozenset("co company sons partners associates".split())
_BODY_LAST = _ORG_LAST | _COURT_LAST | _SCHEME_LAST | _FIRM_LAST
_SAINT = frozenset(("st", "saint"))
_HEADS = _BODY_LAST | _FIRM_AMPERSAND | _SAINT
# Words of one name stand on one line: a name on the line above a court's is not the court's.
_SAME_LINE = re.compile(r"(?:[ \t\u00a0]+|-)\Z")
_AND = re.compile(r"[ \t\u00a0]+and[ \t\u00a0]+\Z")
_THE = re.compile(r"(?:^|\W)[Tt]he[ \t\u00a0]+\Z")
_OF = re.compile(r"[ \t\u00a0]+of[ \t\u00a0]+(?:the[ \t\u00a0]+)?\Z", re.IGNORECASE)
_AFTER_TITLE = re.compile(r"\.?[ \t\u00a0]+\Z")
_CITATION = re.compile(r"\[(?:1[89]|20)\d\d\][ \t\u00a0]+((?:[A-Z][A-Za-z]*[ \t\u00a0]+){1,3})\(?\d")


def facts_by_shape(toks: list, text: str) -> None:
    """Mark the words of courts, schemes, saints' places and citations as facts (``place``)."""
    n = len(toks)
    given = None
    heads = _HEADS
    for j, t in enumerate(toks):
        fw = t.fw
        if fw not in heads:
            continue
        if fw in _BODY_LAST:
            i = _run_start(toks, j, text)
            if i > 1 and _AND.match(text[toks[i - 1].end : toks[i].start]) and not _titled(toks, i, text):
                a = _run_start(toks, i - 1, text)  # "the Gangmasters and Labour Abuse Authority"
                if _THE.search(text, max(0, toks[a].start - 5), toks[a].start) and toks[i - 1].word[:1].isupper():
                    _mark(toks, a, i - 1)
        if fw in _FIRM_LAST or fw in _FIRM_AMPERSAND and j and text[toks[j - 1].end : t.start] == " & ":
            i = _run_start(toks, j - 1 if fw in _FIRM_AMPERSAND else j, text)
            if (i < j or fw in _FIRM_AMPERSAND) and not _titled(toks, i, text):
                _mark(toks, i, j)  # "Cobrey Farms", "Bindmans & Co"
        elif fw in _COURT_LAST or fw in _SCHEME_LAST:
            i = _run_start(toks, j, text)
            body = False  # the run is a court's or a scheme's name, not a person's ("Margaret Court")
            if i < j and not _titled(toks, i, text):
                if given is None:
                    given = any_given_names()
                body = fw in _SCHEME_LAST or toks[i].fw not in given or toks[i].word.isupper() and t.word.isupper()
                if body:
                    _mark(toks, i, j)
            if (
                fw != "division"
                and fw in _COURT_LAST
                and j + 1 < n
                and _OF.match(text[t.end : toks[j + 1].start])
                and (body or i == j and not _titled(toks, j, text))
            ):
                k = j + 1  # "Court of Appeal", "Courts of Justice"
                while (
                    k + 1 < n
                    and _SAME_LINE.match(text[toks[k].end : toks[k + 1].start])
                    and toks[k + 1].fw not in lexicon.TITLES
                ):
                    k += 1
                _mark(toks, j, k)
        elif (
            fw in _SAINT
            and j + 1 < n
            and _starts_run(toks, j, text)
            and re.fullmatch(r"\.?[ \t\u00a0]+", text[t.end : toks[j + 1].start])
        ):
            k = j + 1  # "St Catherine's", "St Paul's Bay"
            while (
                k + 1 < n
                and text[toks[k].end : toks[k + 1].start] in (" ", "'s ", "’s ")
                and toks[k + 1].fw not in lexicon.FUNCTION_WORDS
                and toks[k + 1].fw not in lexicon.TITLES  # "St Albans Solicitor Ann Roe": a title ends it
            ):
                k += 1
            _mark(toks, j, k)
    links = [m.start() for p in _LIST_LINKS for m in p.finditer(text)]
    if links:
        _places_in_lists(toks, text, sorted(links))
    starts = None
    for m in (_COUNTED_WORD_ASCII if text.isascii() else _COUNTED_WORD).finditer(text):
        if _NUMBER_BEFORE.search(text, max(0, m.start() - 5), m.start() + 1) and _counted(text, m.end()):
            starts = starts or [u.start for u in toks]
            mark_within(toks, starts, m.start(1), m.end())  # "16 Garda divisions"
    if "Act" in text:
        for m in _ACT_JURISDICTION.finditer(text):
            starts = starts or [u.start for u in toks]
            mark_within(toks, starts, m.start(1), m.end(1))  # "the Fair Work Act 2009 (Cth)"
    if "[" in text:
        for m in _CITATION.finditer(text):
            starts = starts or [u.start for u in toks]
            mark_within(toks, starts, *m.span(1))


def mark_within(toks: list, starts: list[int], s: int, e: int) -> None:
    """Every word of ``toks`` (their starts, ``starts``) wholly inside ``[s, e)`` and not struck out is a
    fact's (``place``)."""
    k = bisect_left(starts, s)
    while k < len(toks) and toks[k].end <= e:
        if toks[k].score >= 0:
            toks[k].place = True
        k += 1


_COUNTED_WORD = re.compile(r"\d[ \t\u00a0]+([A-Z][^\W\d_]*)(?=[ \t\u00a0]+[a-z])")
# The same on ASCII text, where "\d" is 0-9 only: the search tests each character against ten, not
# its Unicode category (about two thirds of the time over a statement).
_COUNTED_WORD_ASCII = re.compile(r"[0-9][ \t\u00a0]+([A-Z][^\W\d_]*)(?=[ \t\u00a0]+[a-z])")
_NUMBER_BEFORE = re.compile(r"(?<![\d,.])\b\d{1,4}\Z")  # a count, not "2,158" nor "3.5"
_ACT_JURISDICTION = re.compile(r"\bAct[ \t\u00a0]+\d{4}[ \t\u00a0]+\(([A-Z][A-Za-z]*)\)")
# Between two items of a list: a comma, "and" or "or" before a capital ("Cork, Castlebar and Navan").
# Three patterns that start with a plain character: much quicker over a statement than one alternation.
_LIST_LINKS = (
    re.compile(r", (?:(?:and|or) )?(?=[A-Z])"),
    re.compile(r" and (?=[A-Z])"),
    re.compile(r" or (?=[A-Z])"),
)
_LIST_GAP = re.compile(r",?[ \t\u00a0]+(?:(?:and|or)[ \t\u00a0]+)?\Z|,[ \t\u00a0]+\Z")
_LIST_BEFORE = frozenset(("in", "from", "across", "throughout", "between", "to", "near"))
_WORD_BEFORE = re.compile(r"([A-Za-z]+)[ \t\u00a0]+\Z")
_POSSESSIVE = re.compile(r"['’]s?\b")


def _places_in_lists(toks: list, text: str, links: list[int]) -> None:
    """Unknown single words listed with known places are places ("Cork, Castlebar and Navan").
    ``links``: where a comma, "and" or "or" stands between a word and a capital."""
    places = lexicon.place_tokens()
    given = None
    n = len(toks)
    ends = [u.end for u in toks]
    i = 0
    for link in links:
        k = bisect_left(ends, link)
        if k >= n or ends[k] != link or k < i:
            continue  # not after a capitalised word, or inside a list already read
        a = k
        while a > 0 and text[toks[a - 1].end : toks[a].start] == " ":
            a -= 1  # the start of the item the list's first link follows
        items: list[tuple[int, int]] = []
        while True:
            b = a
            while b + 1 < n and text[toks[b].end : toks[b + 1].start] == " ":
                b += 1
            items.append((a, b))
            if b + 1 >= n:
                break
            gap = text[toks[b].end : toks[b + 1].start]
            if gap == " " or not _LIST_GAP.match(gap) or ("," not in gap and "and" not in gap and "or" not in gap):
                break
            a = b + 1
        i = items[-1][1] + 1
        if len(items) < 2:
            continue
        known = [
            x
            for x in items
            if all(u.place or u.fw in places for u in toks[x[0] : x[1] + 1]) and toks[x[1]].fw not in _BODY_LAST
        ]  # a body ("Leeds City Council") is no place here
        unknown = [x for x in items if x not in known and x[0] == x[1]]
        if not known or not unknown or len(known) + len(unknown) < len(items):
            continue
        if not (
            len(known) >= 2
            and len(unknown) <= len(known)
            or len(items) == 2
            and _list_after_place_word(toks, items, text)
        ):
            continue
        if given is None:
            given = any_given_names()
        for a, _ in unknown:
            u = toks[a]
            if (
                u.score < 0
                or u.fw in given
                or u.fw in lexicon.FUNCTION_WORDS
                or u.fw in lexicon.TITLES
                or _POSSESSIVE.match(text, u.end)
                or a > 0
                and _titled(toks, a, text)
            ):
                continue
            u.place = True


def _list_after_place_word(toks: list, items: list, text: str) -> bool:
    """Two items after "in" or "from", closing a sentence or clause ("in Leeds and Ontario.")."""
    m = _WORD_BEFORE.search(text, max(0, toks[items[0][0]].start - 15), toks[items[0][0]].start)
    end = toks[items[-1][1]].end
    return bool(m and m.group(1).lower() in _LIST_BEFORE) and text[end : end + 1] in (".", ",", ";", ":", ")", "")


def _counted(text: str, end: int) -> bool:
    """Is ``end`` followed by a plural noun ("countries", "divisions"), no street's kind or verb?"""
    m = _NOUN_AFTER.match(text, end)
    if not m or m.group(1) in _VERBS:
        return False
    w = m.group(1)
    english = lexicon.english_words()
    suffixes = _street_words()
    stems = (w[:-1], w[:-2], w[:-3] + "y" if w.endswith("ies") else "")
    return w in english and any(x in english for x in stems if x) and not any(x in suffixes for x in (w, *stems))


def _run_start(toks: list, j: int, text: str) -> int:
    i = j
    while (
        i > 0
        and toks[i - 1].score >= 0
        and toks[i - 1].fw not in lexicon.TITLES
        and toks[i - 1].fw not in lexicon.FUNCTION_WORDS
        and _SAME_LINE.match(text[toks[i - 1].end : toks[i].start])
    ):
        i -= 1
    return i


def _starts_run(toks: list, j: int, text: str) -> bool:
    """Does ``toks[j]`` start a run (no capitalised word or title joined before it)?"""
    return (
        j == 0
        or not _SAME_LINE.match(text[toks[j - 1].end : toks[j].start])
        or toks[j - 1].fw in lexicon.FUNCTION_WORDS
        and toks[j - 1].fw not in lexicon.TITLES
    )


def _titled(toks: list, i: int, text: str) -> bool:
    prev = toks[i - 1] if i else None
    return prev is not None and prev.fw in lexicon.TITLES and bool(_AFTER_TITLE.match(text[prev.end : toks[i].start]))


def _mark(toks: list, i: int, j: int) -> None:
    for u in toks[i : j + 1]:
        if u.score >= 0:
            u.place = True


# The address detector's suggestions that are facts by their shape (called by misses_addresses).
_COURTS_END = re.compile(r"\b(?:Courts|COURTS|Farms|FARMS)\Z")
_COUNTY_COURT = re.compile(r"\bCounty\b[^\n]*\bCourt\Z")
_COUNTED = re.compile(r"\d{1,4}[ \t\u00a0]+[A-Z][^\W\d_]+(?:[ \t\u00a0]+[A-Z][^\W\d_]+){0,2}\Z")
_NOUN_AFTER = re.compile(r"[ \t\u00a0]+([a-z]+s)\b")
# Words ending in "s" that say what someone does, not what was counted ("at 42 Amina works").
_VERBS = frozenset(
    "says tells works lives has is was goes does gets makes takes comes keeps helps needs wants knows "
    "thinks sees pays stays runs cooks cleans drives sends".split()
)


def address_by_shape(text: str, s: int, e: int) -> bool:
    """Is the "address" at ``[s, e)`` a court ("Royal Courts", "Delaware County Common Pleas Court")
    or a count of things ("11 Caribbean countries", "16 Garda divisions")?"""
    span = text[s:e]
    if not any(c.isdigit() for c in span):
        return bool(_COURTS_END.search(span) or _COUNTY_COURT.search(span))
    if not _COUNTED.fullmatch(span):
        return False
    return _counted(text, e)


@lru_cache(maxsize=1)
def _street_words() -> frozenset[str]:
    return frozenset(x.lower() for x in lexicon.STREET_SUFFIXES)
