"""A word no rule explained, last in a list whose other items are all bodies named by a bare name,
is a body too ("Workers supplied Asda, Morrisons and Calverley with fruit").

A list joins things of one kind: "Tesco, Lidl and X" names three shops. The likely-name pass gives
a capitalised word no English list holds 0.5 wherever it stands; here, when such a word is the last
item of a list of three or more (after "and" or "or") and every other item is a body named by a
bare name (a word of the never-a-name list: a shop, a bank, an app; words the pass marked as a
body's, such as a firm of two names joined by "&"; or a firm's initials joined by "&", "P&O"), it
is taken for a body, there only. Not after a list of bodies named by their kind or their place
("Leeds City Council, Bradford Council and X": one rings a person too), not a census given name,
not a word a rule scored above the unexplained 0.5 anywhere in the text, not a word joined to
another capitalised word, not a word followed by what says a person ("who", "said", ", the
farmer").
"""

from __future__ import annotations

import re

from desktop.redaction import lexicon
from desktop.redaction.census_pairs import _PERSON_AFTER, _SAID_AFTER
from desktop.redaction.context import _ORG_LAST
from desktop.redaction.given_names import any_given_names
from desktop.redaction.roles_before_names import _ROLES, _an_agent

UNEXPLAINED = 0.5
# Never-a-name words that are kinds or offices, not a body's own name.
_KINDS = frozenset("police station court crown magistrates hospital council church mosque gurdwara temple".split())
_LAST_JOIN = re.compile(r",?[ \t\u00a0]+(?:and|or)[ \t\u00a0]+$")
_SEP = re.compile(r",[ \t\u00a0]*(?:(?:and|or)[ \t\u00a0]+)?|[ \t\u00a0]+(?:and|or)[ \t\u00a0]+")
_PAREN = re.compile(r"[ \t\u00a0]*\([^()\n]{0,40}\)")
_CLAUSE = re.compile(r"[.;:!?\n\"“”]")
_AFTER = re.compile(r"(?:[ \t\u00a0]*\([^()\n]{0,40}\))?(?:[ \t\u00a0]+[a-z]|[.,;:!?)\n]|$)")
# A firm's initials joined by "&" with no space ("P&O", "B&Q", "AT&T"): a body's name by its shape.
_AMPERSAND_INITIALS = re.compile(r"[A-Z]{1,3}&[A-Z]{1,3}")
# A person in apposition after the word: ", the farmer", ", a man from the village".
_APPOSITION = re.compile(r",[ \t\u00a0]+(?:the|a|an|our|my|their)[ \t\u00a0]+([a-z]+)\b")


def _a_person_after(text: str, end: int) -> bool:
    """Does what follows the word say it is a person ("who", "said", "denied", a person in apposition)?"""
    if _PERSON_AFTER.match(text, end) or _SAID_AFTER.match(text, end):
        return True
    app = _APPOSITION.match(text, end)
    return app is not None and (app.group(1) in _ROLES or _an_agent(app.group(1)))


def _a_brand(toks_in: list, places: frozenset[str]) -> bool:
    """Is an item, by its capitalised words, a body named by a bare name: a word of the never-a-name
    list (a shop's, a bank's, an app's) or words the pass marked as a body's, with no body's kind and
    no place among them ("Leeds City Council" is named by its kind and place)?"""
    return bool(toks_in) and all(
        u.score <= 0
        and u.fw not in _ORG_LAST
        and u.fw not in places
        and (u.fw in lexicon.NOT_NAMES and u.fw not in _KINDS or u.place)
        for u in toks_in
    )


def _in_brackets(text: str, start: int, pos: int) -> bool:
    return text.rfind("(", start, pos) > text.rfind(")", start, pos)


def _items_before(text: str, end: int) -> list[tuple[int, int]]:
    """The items of the list that ends at ``end`` (before the last item's "and"), last first:
    each a run of capitalised words joined by spaces, "&", "of", "the" or "for"."""
    start = max(0, end - 300)  # (a list is read back no further than its clause, nor 300 characters)
    for m in _CLAUSE.finditer(text, start, end):
        start = m.end()
    region = text[start:end]
    out: list[tuple[int, int]] = []
    pieces = list(_SEP.finditer(region))
    bounds = [0] + [m.end() for m in pieces]
    ends = [m.start() for m in pieces] + [len(region)]
    for s, e in zip(reversed(bounds), reversed(ends), strict=True):
        piece = region[s:e]
        cut = _PAREN.sub("", piece)
        words = cut.split()
        # the item is the run of capitalised words at the piece's end ("supplied Asda": "Asda")
        k = len(words)
        while k > 0 and (words[k - 1][:1].isupper() or words[k - 1] in ("&", "of", "the", "for") and k < len(words)):
            k -= 1
        if k == len(words):
            break  # no capitalised word: the list ends here
        first = words[k]
        out.append((start + s + piece.index(first), start + e))
        if k > 0:
            break  # words in lower case before it: the list's first item
    return out


def bodies_in_lists(toks: list, text: str) -> list[tuple[int, int]]:
    """Take back an unexplained word last in a list of bodies (see the module's note), there only;
    the ranges of the words taken."""
    out: list[tuple[int, int]] = []
    given = None
    n = len(toks)
    for i, t in enumerate(toks):
        if t.score != UNEXPLAINED or t.title or i < 2:
            continue
        w = t.word
        if not (w[:1].isupper() and w[1:].islower()):
            continue
        join = _LAST_JOIN.search(text, max(0, t.start - 8), t.start)
        if join is None or not _AFTER.match(text, t.end):
            continue  # (the cheapest test first: most words end no list)
        if i + 1 < n and text[t.end : toks[i + 1].start] == " ":
            continue
        if given is None:
            given = any_given_names()
        if t.fw in given or t.fw in lexicon.english_words():
            continue
        if any(u.fw == t.fw and u.score > UNEXPLAINED for u in toks):
            continue
        if _a_person_after(text, t.end):
            continue  # "Tesco, Lidl and Mbeki, who paid us": a list may end with a person
        items = _items_before(text, join.start())
        if len(items) < 2:
            continue
        places = lexicon.place_tokens()
        if not all(
            _AMPERSAND_INITIALS.fullmatch(text[s:e].strip())
            or _a_brand([u for u in toks if s <= u.start < e and not _in_brackets(text, s, u.start)], places)
            for s, e in items
        ):
            continue
        t.score, t.place, t.edge_ok = 0.0, True, False
        out.append((t.start, t.end))
    return out
