"""Capitalised words that nothing else explains: the last likely-name pass.

Names are an open class; the facts a statement keeps are mostly closed classes or have a visible
shape. A word that is not an English word is already a likely name (``names.detect_names``). This
pass turns the default round for the rest: in mid-sentence, a run of capitalised English words that
no earlier pass scored, marked as a place, a title or a body, and that none of the shapes below
explains, is a likely name ("the director, Sue Berry, said", "a letter from Faith Cross"):

* a word of a closed class: a function word, a month or a day, a place (or one word after "from",
  "in", "to", "at"...: "the coach from Marina"), a nationality, a language
  or faith (``NOT_NAMES``), a compass point before a place ("South Wales"), a single letter;
* a body: a run joined to more capitalised words by "of", "for", "and" or "&" ("Department of
  Trade", "Health and Safety Executive"), a run holding a body's or a venue's kind ("Film
  Festival"), a run defined as an acronym ("Direct Payment (DP)"), a run after "the", "a", a
  possessive or a number ("the Guardian", "her Department", "42 Mill Lane"), a run after its kind
  and a comma ("The shop, Golden Dragon, paid us"), a label before its number ("Room 214");
* a heading or a title: a run at the start of a line or of a list item, after a quote, bracket,
  slash, dash or emphasis, a
  line with hardly a lower-case word, a run before a lower-case kind of thing ("Direct Provision
  centres", "Sky News television").

The score is weak (0.4): the span is shown for review, and the word is not taken for a name
elsewhere in the statement on the strength of this pass alone.
"""

from __future__ import annotations

import re

from desktop.redaction import lexicon
from desktop.redaction.context import _ORG_LAST, demonym
from desktop.redaction.given_names import given_names
from desktop.redaction.misses_places import surname_words

_SCORE = 0.4
_S = r"[ \t\u00a0]+"
# What stands between two words of one run.
_ONE_SPACE = re.compile(r"[ \t\u00a0]")
# A capitalised word joined on by a body's joining word ("of Trade", "and Customs", "for Immigration").
_JOINED_AFTER = re.compile(_S + r"(?:of|for|and|&|on|in|de|du)" + _S + r"[A-Z]")
_JOINED_BEFORE = re.compile(r"[A-Z][\w'’\-]*" + _S + r"(?:of|for|and|&|on|in)" + _S + r"$")
_ACRONYM_AFTER = re.compile(r"[ \t\u00a0]*\([ \t\u00a0]*[A-Z&]{2,}")
_NUMBER_AFTER = re.compile(r"[ \t\u00a0]*(?:no\.?|number)?[ \t\u00a0]*\d", re.IGNORECASE)
_AMOUNT_BEFORE = re.compile(r"\d[\d,.]*(?:" + _S + r"[a-z]+)?" + _S + r"$")
_KIND_COMMA = re.compile(r"([A-Za-z]+)[ \t\u00a0]*,[ \t\u00a0]*$")
_WORD_BEFORE = re.compile(r"([\w'’\-]+)[ \t\u00a0]*$")
_WORD_AFTER = re.compile(_S + r"([a-z]+)\b")
_POSSESSIVE_AFTER = re.compile(r"['’]s?\b")
# Words that stand before a body, a title or a thing, not before a person.
_DETERMINERS = frozenset(
    """the a an this that these those her his their our its my your whose which every each
no any some its""".split()
)
_PLACE_BEFORE = frozenset("in at from to near into outside around across towards via through".split())
_COMPASS = frozenset(
    """north south east west northern southern eastern western central north-east north-west
south-east south-west northeast northwest southeast southwest upper lower greater inner outer""".split()
)
# The kinds of bodies, venues, works and things a name of one ends in, besides ``context._ORG_LAST``.
_KINDS = (
    frozenset(
        """festival theatre cinema gallery museum library stadium arena market farm farms chamber chambers
house hall court park road street lane avenue way close drive place grove walk approach crescent terrace gardens
square row hill green mews parade quay wharf station airport port hotel inn bar cafe restaurant shop stores store
news post times mail herald gazette press radio television tv magazine journal review report act bill law order
scheme strategy plan fund grant award prize day week month year summit conference inquiry review commission
operation centres centers services bank church cathedral chapel street hospital prison""".split()
    )
    | _ORG_LAST
)
# A lower-case word after the run that makes it the name of a thing ("Direct Provision centres").
_THING_AFTER = frozenset(
    """centre centres center centers system scheme schemes programme program team teams unit
units office offices station stations newspaper paper television radio channel website site app service
services hotel hotels camp camps visa visas card cards route routes policy policies act law rules laws grant
grants funding project report reports inquiry case case's network charity company firm brand products
shop shops store stores restaurant restaurants farm farms agency council number numbers reference""".split()
)


def _run_end(toks: list, i: int, text: str) -> int:
    j = i
    while j + 1 < len(toks) and toks[j + 1].score >= 0 and toks[j + 1].start - toks[j].end == 1 \
            and text[toks[j].end] in " \t\u00a0":  # (``_ONE_SPACE``)
        j += 1
    return j


def _closed_class(t) -> bool:  # noqa: ANN001 - names._Tok
    fw = t.fw
    return (
        len(t.word) < 2
        or t.word.isupper()
        or t.title
        or t.place
        or fw in lexicon.FUNCTION_WORDS
        or fw in lexicon.NOT_NAMES
        or fw in lexicon.MONTHS
        or fw in lexicon.DAYS
        or fw in lexicon.place_tokens()
        or demonym(fw)
        or fw in lexicon.TITLES
        or fw in lexicon.CAPS_TITLES
    )


def _heading_line(text: str, pos: int) -> bool:
    """Is the line around ``pos`` a heading or a title (hardly a lower-case word on it)?"""
    a = text.rfind("\n", 0, pos) + 1
    b = text.find("\n", pos)
    line = text[a : b if b >= 0 else len(text)]
    words = re.findall(r"[^\W\d_][\w'’\-]*", line)
    lower = sum(1 for w in words if w[0].islower() and w.lower() not in lexicon.FUNCTION_WORDS)
    # (a short sentence that ends in a stop is not one: "The night manager, Sue Hunt, let us in.")
    return lower == 0 or lower < 3 and not line.rstrip().endswith((".", "!", "?", ".”", '."'))


def _explained(toks: list, i: int, j: int, text: str) -> bool:
    """Does a shape of a body, a thing, a heading or a place explain the run ``toks[i..j]``?"""
    start, end = toks[i].start, toks[j].end
    k = start - 1
    while k >= 0 and text[k] in " \t\u00a0":
        k -= 1
    if k < 0 or text[k] in "\n\r\"“”‘'([/|–—-:*#•>_`=→]":
        return True  # a line's start, a quotation, a title, a byline, a heading's tail
    if text[k].isdigit():
        return True  # "42 Mill Lane", "2 Festival Square"
    m = _WORD_BEFORE.search(text, max(0, start - 40), start)
    if m and m.group(1).lower() in _DETERMINERS:
        return True
    if m and i == j and m.group(1).lower() in _PLACE_BEFORE:
        return True  # one word where a place stands ("the coach from Marina")
    if m and m.group(1)[:1].isupper():
        return True  # joined to a capitalised word before it that is not part of the run (a title, a body)
    kind = _KIND_COMMA.search(text, max(0, start - 40), start)
    if kind and (kind.group(1).lower() in _KINDS or kind.group(1).lower() in _THING_AFTER):
        return True  # "The shop, Golden Dragon, paid us": named after its kind
    if _JOINED_AFTER.match(text, end) or _JOINED_BEFORE.search(text, max(0, start - 60), start):
        return True
    if _ACRONYM_AFTER.match(text, end) or _NUMBER_AFTER.match(text, end):
        return True  # "Direct Payment (DP)"; "Flat 2", "Room 214", "Studio 8B": a label before its number
    run = toks[i : j + 1]
    if _AMOUNT_BEFORE.search(text, max(0, start - 30), start):
        return True  # "300 pounds Sterling": a currency after an amount
    if any(t.fw in _KINDS for t in run):
        return True
    if run[0].fw in _COMPASS:
        return True
    after = _WORD_AFTER.match(text, end)
    if after and after.group(1) in _THING_AFTER:
        return True
    if j + 1 < len(toks) and toks[j + 1].start - end <= 2 and toks[j + 1].place:
        return True
    return _heading_line(text, start)


def _name_shaped(run: list, given: frozenset[str], surnames: frozenset[str]) -> bool:
    """A person's name ends in a census given name or surname word ("Parliament" does not), and a
    full name starts with a given name ("Universal Credit" does not)."""
    last = run[-1].fw
    return (last in given or last in surnames) and (len(run) == 1 or run[0].fw in given)


def unexplained_names(toks: list, text: str) -> None:
    """Mark, in mid-sentence, a run of capitalised English words nothing explains as a likely name."""
    english, given, surnames = lexicon.english_words(), given_names(), surname_words()
    i, n = 0, len(toks)
    while i < n:
        t = toks[i]
        if t.score != 0 or t.initial:
            i += 1
            continue
        j = _run_end(toks, i, text)
        run = toks[i : j + 1]
        if (
            len(run) <= 3
            and _name_shaped(run, given, surnames)
            and all(u.score == 0 and u.fw in english and not _closed_class(u) for u in run)
            and not _explained(toks, i, j, text)
        ):
            for u in run:
                u.score = _SCORE
                u.edge_ok = True
        i = j + 1


def places_after_names(toks: list, text: str) -> None:
    """A town's name straight after a likely name, ending the run, is a surname ("Grace Preston, a
    volunteer"), unless a body's kind or a place follows it ("Amina Leeds City Council")."""
    places = lexicon.place_tokens()
    for i in range(len(toks) - 1):
        t, u = toks[i], toks[i + 1]
        if t.score <= 0 or u.score != 0 or u.title or u.fw not in places or u.word.isupper() and len(u.word) > 1:
            continue
        if not _ONE_SPACE.fullmatch(text, t.end, u.start) or t.fw in places:
            continue
        if i + 2 < len(toks) and re.fullmatch(r"[ \t\u00a0,]*", text[u.end : toks[i + 2].start]):
            continue  # more capitalised words, or a list of places, go on after it
        after = _WORD_AFTER.match(text, u.end)
        if after and (after.group(1) in _THING_AFTER or after.group(1) in _KINDS):
            continue
        u.score = _SCORE
        u.edge_ok = True
