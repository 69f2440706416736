"""More of how news reports, court reports and parliamentary pages write people, bodies and
places, where the likely-name rules misread them (rules from the tune half of a sixth held-out set
of published testimony; each a general wording, never a listed name):

* a particle inside a full name joins a given name to what follows it, even a word that is never
  a name alone ("Felipe de Jesus Hernandez", "Maria da Gloria Santos");
* a given name and one capital letter with a full stop, before a comma or a word in lower case,
  are one person ("Ruth K. of Poland", "Maria G., a survivor"; the engine's trim keeps the stop);
* a given name and a capitalised word alone on a line but for a separator after them are a
  byline ("Ruth Field |", "Rose Hill –");
* a word named as a body is that body wherever the text writes it: "X, a ... organisation," or
  "the charity X" ("Doras, a migrant support organisation, said ... Doras CEO");
* a place joined to "-based" describes something, no one ("a Leeds-based charity");
* a body's name may hold "and" or a plural possessive ("Gangmasters and Labour Abuse Authority",
  "Gangmasters’ Licensing Authority");
* after a line break a known place does not join the name before it ("Mrs Ann Jones" then
  "Leeds, Headingley" on the next line), a place's district after "Town, " at a line's end or
  after "constituency of" is a place ("Manchester, Withington").

Each function marks the likely-name detector's words (``names._Tok``) in place, as ``news_names``
does.
"""

from __future__ import annotations

import re

from desktop.redaction import lexicon
from desktop.redaction.context import _KIND_BEFORE, _ORG_LAST
from desktop.redaction.given_names import any_given_names, given_names
from desktop.redaction.scanning import ic_lower

_S = r"[ \t\u00a0]+"
_PERSON = 0.5

# --- A particle inside a full name --------------------------------------------------------------

_PARTICLE_GAP = re.compile(
    _S + r"(?:(?:" + "|".join(sorted(lexicon.PARTICLES, key=len, reverse=True)) + r")" + _S + r"){1,2}"
)


def particles_in_full_names(toks: list, text: str) -> None:
    """ "Felipe de Jesus Hernandez": after a likely name and a particle, a capitalised word that is
    a given name, or no English word, is part of the name, even one listed as never a name alone."""
    names = any_given_names()
    english = lexicon.english_words()
    for i in range(1, len(toks)):
        t, p = toks[i], toks[i - 1]
        if p.score <= 0 or t.score != 0 or t.title or t.word.isupper() or len(t.fw) < 2:
            continue
        if not _PARTICLE_GAP.fullmatch(text, p.end, t.start):
            continue
        if t.fw in names or t.fw not in english and t.fw not in lexicon.FUNCTION_WORDS:
            t.score, t.edge_ok, t.place = max(t.score, _PERSON), True, False


# --- A given name and an initial with its full stop ---------------------------------------------

_AFTER_STOP = re.compile(r"\.(?:,|" + _S + r"[a-z\d])")


def initials_after_given_names(toks: list, text: str) -> None:
    """ "Ruth K. of Poland", "Maria G., a survivor": a given name, then one capital letter and a
    full stop that ends no sentence (a comma or a word in lower case follows), are one person."""
    names = any_given_names()
    for i in range(1, len(toks)):
        t, g = toks[i], toks[i - 1]
        if len(t.word) != 1 or not t.word.isupper() or t.score < 0 or g.score < 0 or g.title:
            continue
        if text[g.end : t.start] != " " or not _AFTER_STOP.match(text, t.end):
            continue
        if g.fw in names or g.score > 0:
            g.score, g.edge_ok = max(g.score, _PERSON), True
            t.score, t.edge_ok = 0.9, True


# --- A byline before a separator ----------------------------------------------------------------

_SEPARATOR_TO_LINE_END = re.compile(r"[ \t\u00a0]*[|•·–—/][ \t\u00a0]*(?:\r?\n|\Z)")


def bylines_before_separators(toks: list, text: str) -> None:
    """ "Ruth Field |" alone on a line: a given name and a capitalised word, then a separator to the
    line's end, are a byline, though the second word is also an English word."""
    names = given_names()
    for i in range(len(toks) - 1):
        g, s = toks[i], toks[i + 1]
        if g.fw not in names or g.title or s.title or g.score < 0 or s.score < 0 or g.word.isupper():
            continue
        if text[g.end : s.start] != " " or len(s.fw) < 2 or s.fw in lexicon.FUNCTION_WORDS:
            continue
        line_start = text.rfind("\n", 0, g.start) + 1
        if text[line_start : g.start].strip() or not _SEPARATOR_TO_LINE_END.match(text, s.end):
            continue
        for u in (g, s):
            u.score, u.edge_ok, u.place = max(u.score, _PERSON), True, False


# --- Words that are no one wherever written ---------------------------------------------------


def _not_people(toks: list, text: str, words: set[str]) -> None:
    """Mark every capitalised ``words`` as no person, but one after a title ("Mr Doras") stays."""
    for i, t in enumerate(toks):
        if t.fw not in words or t.score < 0:
            continue
        p = toks[i - 1] if i else None
        if p is not None and p.title and p.score >= 0 and re.fullmatch(r"\.?" + _S, text[p.end : t.start]):
            continue
        t.score, t.edge_ok, t.place = 0.0, False, True


# --- Bodies named once, and wherever else written -------------------------------------------------

_BODY_KINDS = (
    r"organisation|organization|charity|group|company|firm|agency|body|network|non-?profit|ngo|"
    r"union|campaign|coalition|alliance|association|trust|foundation|service|newspaper|broadcaster"
)
# "X, a Limerick-based migrant and refugee support organisation,": describing words only between
# the article and the kind (no "of", "with", "at": "a member of a group" describes a person).
_APPOSITIVE = re.compile(
    r",[ \t\u00a0]+(?:a|an)[ \t\u00a0]+(?:(?!(?:of|with|at|for|from|in|on|who|by)\b)"
    r"[\w’'\-]+[ \t\u00a0]+){0,6}?(?:" + _BODY_KINDS + r")[,.;:]",
    re.IGNORECASE,
)
_ON_LINE = re.compile(r"[ \t\u00a0]+|-")
# "the charity Okafor founded", "the company Okafor worked for, X,": who set up or works for the body.
_FOUNDER_AFTER = re.compile(
    _S + r"(?:founded|co-founded|set|started|runs|ran|run|owns|owned|created|began|leads|led|chairs|chaired)\b"
    r"|" + _S + r"[a-z]+" + _S + r"(?:for|with|at|under|alongside)"
    r"(?=[ \t\u00a0]*[,.;:)]|" + _S + r"(?:is|was|are|were|has|had)\b)"
)  # ... and the one who "worked for" it, the preposition left at the clause's end
_WORD_BEFORE = re.compile(r"([^\W\d_][\w\-]*)[ \t\u00a0]+\Z")


def bodies_named_once(toks: list, text: str) -> None:
    """A single capitalised word that the text names as a body ("Doras, a migrant support
    organisation,", "the anti-trafficking charity Unchosen") is that body wherever it is written
    ("said Doras CEO"), unless it is a given name."""
    names = any_given_names()
    bodies: set[str] = set()
    for i, t in enumerate(toks):
        if t.score < 0 or t.title or t.fw in names or len(t.fw) < 3 or t.fw in lexicon.FUNCTION_WORDS:
            continue
        alone_before = i == 0 or not _ON_LINE.fullmatch(
            text[toks[i - 1].end : t.start]
        )  # a byline may end the line before
        alone_after = i + 1 == len(toks) or not _ON_LINE.fullmatch(text[t.end : toks[i + 1].start])
        if not (alone_before and alone_after):
            continue
        if _APPOSITIVE.match(text, t.end):
            bodies.add(t.fw)
            continue
        m = _WORD_BEFORE.search(text, max(0, t.start - 30), t.start)
        if m and m.group(1).lower() in _KIND_BEFORE and not _FOUNDER_AFTER.match(text, t.end):
            bodies.add(t.fw)  # "the anti-trafficking charity Unchosen", not "the charity Okafor founded"
    if not bodies:
        return
    _not_people(toks, text, bodies)


# --- "X-based" ------------------------------------------------------------------------------------


def places_before_based(toks: list, text: str) -> None:
    """ "San Francisco-based Immigration ...", "a Leeds-based charity": the words joined to
    "-based" are a place describing something, never a person, and join nothing after them."""
    for i, t in enumerate(toks):
        if not t.fw.endswith("-based"):
            continue
        k = i
        while True:
            toks[k].score, toks[k].edge_ok, toks[k].place = -1.0, False, True
            if k == 0 or text[toks[k - 1].end : toks[k].start] != " " or i - k >= 2 or toks[k - 1].title:
                break
            k -= 1


# --- Bodies with "and" or a plural possessive in their names --------------------------------------

_BODY_GAP = re.compile(r"(?:s?['’])?" + _S + r"(?:and" + _S + r")?")


def bodies_with_and(toks: list, text: str) -> None:
    """ "the Gangmaster and Labour Abuse Authority", "the Gangmasters’ Licensing Authority": before a
    body's kind, capitalised words joined by spaces, "and" or a plural possessive are its name."""
    for j, t in enumerate(toks):
        if t.fw not in _ORG_LAST or j == 0 or t.word.isupper():
            continue
        i = j
        while (
            i > 0
            and j - i < 6
            and not toks[i - 1].title
            and toks[i - 1].score >= 0
            and _BODY_GAP.fullmatch(text, toks[i - 1].end, toks[i].start)
            and text[toks[i - 1].end : toks[i - 1].end + 1] in "’' \t\u00a0"
        ):
            i -= 1
        between = text[toks[i].start : t.start]
        if i == j or " and " not in between and "’ " not in between and "' " not in between:
            continue  # a plain run of capitalised words is the body rule's own
        if not re.search(r"\bthe" + _S + r"\Z", text[max(0, toks[i].start - 8) : toks[i].start], re.IGNORECASE):
            continue  # "the ... Authority" names a body; "met Smith and Labour Party officials" does not
        names = any_given_names()
        if any(u.fw in names for u in toks[i:j]):
            continue  # "the Sarah Jones and Partners": a person's name inside
        for u in toks[i : j + 1]:
            if u.score >= 0:
                u.score, u.edge_ok, u.place = 0.0, False, True


# --- Places in parliamentary and news listings --------------------------------------------------

_PLACE_OF = re.compile(
    r"\b(?:constituency|constituencies|ward|parish|borough|district|town|village|suburb)" + _S + r"of" + _S + r"\Z",
    re.IGNORECASE,
)
# One of them is in every match of _PLACE_OF, as ``ic_lower`` writes the text (each character that
# matches an ASCII letter under re.IGNORECASE written as that letter, offset for offset).
_PLACE_KINDS = ("constituenc", "ward", "parish", "borough", "district", "town", "village", "suburb")
_COMMA_THEN_LINE_END = re.compile(r"[ \t\u00a0]*(?:\r?\n(?![ \t\u00a0]*[a-z])|\Z)")  # no sentence goes on


def _may_hold_a_place_of(text: str) -> bool:
    """May ``_PLACE_OF`` match anywhere in ``text``? (Only if one of ``_PLACE_KINDS`` is in it.)"""
    low = ic_lower(text)
    return any(w in low for w in _PLACE_KINDS)


def places_in_listings(toks: list, text: str) -> None:
    """A known place after a line break is no part of the name on the line before ("Mrs Ann Jones" /
    "Leeds, Headingley"); a capitalised word after "Town, " that ends its line is the town's district
    ("Manchester, Withington"); a word after "constituency of" or "ward of" is a place, and so is
    that word wherever else it is written. No given name is taken."""
    names = any_given_names()
    places = lexicon.place_tokens()
    named: set[str] = set()
    place_of = _may_hold_a_place_of(text)  # (most statements hold none: _PLACE_OF is not searched)
    for i, t in enumerate(toks):
        if t.score < 0 or t.title or t.word.isupper():
            continue
        p = toks[i - 1] if i else None
        gap = text[p.end : t.start] if p is not None else ""
        if p is not None and t.fw in places and "\n" in gap and not gap.strip() and p.score > 0:
            t.score, t.edge_ok, t.place = 0.0, False, True
            continue
        if t.fw in names:
            continue
        if (
            p is not None
            and p.fw in places
            and re.fullmatch(r"," + _S, gap)
            and _COMMA_THEN_LINE_END.match(text, t.end)
            and not text[text.rfind("\n", 0, p.start) + 1 : p.start].strip()
        ):
            named.add(t.fw)  # the whole line is "Town, X"
        elif (
            place_of
            and _PLACE_OF.search(text, max(0, t.start - 24), t.start)
            and (i + 1 == len(toks) or not _ON_LINE.fullmatch(text[t.end : toks[i + 1].start]))
        ):
            named.add(t.fw)
    _not_people(toks, text, named)


# --- A firm written with an ampersand -----------------------------------------------------------

_AMP = re.compile(_S + r"&" + _S)


def firms_with_ampersands(toks: list, text: str) -> None:
    """ "Marks & Spencer (M&S)": capitalised words joined by "&" and then defined as an acronym with
    an ampersand in brackets are a firm, whatever the words ("Smith & Jones (S&J) Solicitors")."""
    for m in re.finditer(r"\(([A-Z]{1,3})&([A-Z]{1,3})\)", text):
        j = next(
            (
                k
                for k, t in enumerate(toks)
                if t.end <= m.start() and (k + 1 == len(toks) or toks[k + 1].end > m.start())
            ),
            None,
        )
        if j is None or text[toks[j].end : m.start()].strip():
            continue
        # Walk back over the words of the second and the first part, across the ampersand.
        want = m.group(1) + m.group(2)
        k, got, crossed = j, "", False
        while k >= 0 and len(got) < len(want):
            got = toks[k].word[0] + got
            gap = text[toks[k - 1].end : toks[k].start] if k else ""
            if len(got) == len(m.group(2)) and not crossed:
                if not _AMP.fullmatch(gap):
                    break
                crossed = True
            elif len(got) < len(want) and gap != " ":
                break
            k -= 1
        if got == want and crossed:
            for u in toks[k + 1 : j + 1] if k + 1 <= j else []:
                u.score, u.edge_ok, u.place = 0.0, False, True


def news_wording(toks: list, text: str) -> None:
    """The rules above, in order: bodies and places first, then the people they leave."""
    bodies_named_once(toks, text)
    places_before_based(toks, text)
    bodies_with_and(toks, text)
    places_in_listings(toks, text)
    firms_with_ampersands(toks, text)
    particles_in_full_names(toks, text)
    initials_after_given_names(toks, text)
    bylines_before_separators(toks, text)
