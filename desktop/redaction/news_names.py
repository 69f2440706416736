"""People and places as news reports and case studies write them, where the likely-name rules
misread them (rules from the tune half of a held-out set of published testimony; each a general
wording, never a listed name):

* a given name and a surname before a job title whose words end in a body's kind ("Karen Oduya
  Housing Support Officer said"): the person is not part of a body's name;
* a given name and a capitalised word that is also an English word, when a person's act follows
  ("John Bell said", "Bill Rose told the court") or the two stand alone on a line (a byline):
  the given name makes the pair a person, as "Sally came back" does for one word;
* a given name alone after a word that opens a clause ("When Gene signed", "What Don wasn't told");
* a title before a one-letter cipher that is also an English word ("Mrs A", "Mr I");
* a Vietnamese name of two to four syllables with a common family name at either end ("Son Van
  Long", "Hoa Thi Do"): every syllable is the person's, even one that is an English word;
* a place after an acronym that is a body, not initials ("ITV Wales", "NHS Scotland");
* a named document before the word for it ("the latest Knife Census report");
* a place in a list of places ("through Ossetia and into France", "from Fresno, CA",
  "Mill Lane, Hollins, Preston").

Each function marks the likely-name detector's words (``names._Tok``: ``start``, ``end``, ``word``,
``fw``, ``score``, ``edge_ok``, ``title``, ``place``) in place, as the rules of ``context`` do.
"""

from __future__ import annotations

import bisect
import re

from desktop.redaction import lexicon
from desktop.redaction.context import _ORG_LAST, JOIN
from desktop.redaction.given_names import _PLACE_WORDS, any_given_names, contraction, given_names

_S = r"[ \t\u00a0]+"
_PERSON = 0.5  # as sure as an unknown capitalised word: looked for again elsewhere

# --- A name before a job title ------------------------------------------------------------------

# The last word of a job title ("Housing Services Officer", "Policy and Research Manager").
_ROLE_LAST = frozenset("""officer coordinator co-ordinator manager director adviser advisor worker caseworker lead
head researcher campaigner assistant executive editor correspondent reporter consultant specialist analyst
practitioner organiser organizer""".split())


def _joined(text: str, a, b) -> bool:  # noqa: ANN001 - names._Tok
    """Are ``a`` and ``b`` neighbours on one line (one space, or spaces or a hyphen)?"""
    gap = text[a.end : b.start]
    return gap == " " or bool(JOIN.match(gap)) and "\n" not in gap


def _surname_like(t) -> bool:  # noqa: ANN001
    fw = t.fw
    return (t.score >= 0 and not t.title and len(fw) >= 2 and fw not in lexicon.FUNCTION_WORDS
            and fw not in _ORG_LAST and fw not in _ROLE_LAST and fw not in lexicon.english_words()
            and fw not in lexicon.place_tokens())


def names_before_job_titles(toks: list, text: str) -> None:
    """"... Karen Oduya Housing Services Officer writes": a given name and a surname that no
    list holds, then capitalised words ending in a job title, are a person, though the words after
    them end in a body's kind ("Services")."""
    names = given_names()
    n = len(toks)
    for j, t in enumerate(toks):
        if t.fw not in _ROLE_LAST or t.word.isupper():
            continue
        # Walk back over the job title's words to the surname and the given name before it.
        k = j - 1
        while k >= 1 and _joined(text, toks[k], toks[k + 1]) and j - k <= 4:
            g, s = toks[k - 1], toks[k]
            if g.fw in names and not g.title and g.score >= 0 and _joined(text, g, s) and _surname_like(s) \
                    and not s.word.isupper():
                for u in (g, s):
                    u.score, u.edge_ok, u.place = max(u.score, _PERSON), True, False
                for u in toks[k + 1 : min(j + 1, n)]:
                    u.edge_ok = False
                break
            k -= 1


# --- A given name and a word, as one person ----------------------------------------------------

_ACT_AFTER = re.compile(_S + r"(?:also" + _S + r"|then" + _S + r")?(?:said|says|told|tells|added|explained|wrote|"
                        r"writes|asked|replied|recalled|described|warned|argued|admitted|denied|insisted)\b")
_STREET = frozenset(w.lower() for w in lexicon.STREET_SUFFIXES)


def _word_after_given(t) -> bool:  # noqa: ANN001
    """May ``t``, after a given name, be its surname: a capitalised word, not a body's or a street's
    kind, a function word, a month or a day."""
    fw = t.fw
    return (t.score >= 0 and not t.title and not t.word.isupper() and len(fw) >= 2
            and fw not in lexicon.FUNCTION_WORDS and fw not in _ORG_LAST and fw not in _STREET
            and fw not in _ROLE_LAST and fw not in lexicon.FULL_MONTHS and fw not in lexicon.FULL_DAYS
            and fw not in lexicon.NOT_NAMES)


def given_and_word(toks: list, text: str) -> None:
    """"John Bell said", "Bill Rose told the court", or "John Bell" alone on a line: a given name
    from the census list and a capitalised word after it are one person."""
    names = given_names()
    for i in range(len(toks) - 1):
        g, s = toks[i], toks[i + 1]
        if g.fw not in names or g.title or g.score < 0 or g.word.isupper() or not _joined(text, g, s):
            continue
        if g.score >= 0.5 and s.score >= 0.5 or not _word_after_given(s) or s.place and s.fw in lexicon.place_tokens():
            continue
        if g.place and g.fw in lexicon.place_tokens():
            continue
        prev_ok = i == 0 or not _joined(text, toks[i - 1], g)
        if not prev_ok or _after_place_word(text, g.start) or contraction(_whole_word(text, s.start)):
            continue  # "from Valencia Penny told me": after "from" the given name is a place
        alone = _line_is(text, g.start, s.end)
        if alone or _ACT_AFTER.match(text, s.end):
            for u in (g, s):
                u.score, u.edge_ok, u.place = max(u.score, _PERSON), True, False


def _whole_word(text: str, start: int) -> str:
    """The word from ``start`` to the next space or line break, apostrophes kept ("Didn't")."""
    m = re.compile(r"[^\s]+").match(text, start)
    return m.group(0).rstrip(".,;:!?") if m else ""


def _after_place_word(text: str, start: int) -> bool:
    """Whether a word of place or movement ("in", "from", "to" ...) stands just before ``start``."""
    m = re.search(r"(\w+)[ \t\u00a0]+\Z", text[max(0, start - 16) : start])
    return bool(m and m.group(1).lower() in _PLACE_WORDS)


def _line_is(text: str, start: int, end: int) -> bool:
    ls = text.rfind("\n", 0, start) + 1
    le = text.find("\n", end)
    le = len(text) if le < 0 else le
    return not text[ls:start].strip() and not text[end:le].strip()


# After a word that opens a clause, a capitalised word is capitalised for itself: the clause's subject.
_CLAUSE_OPENERS = frozenset("""when what after before once until while although though because if where how why
whereas unless since as""".split())


def given_names_as_subjects(toks: list, text: str) -> None:
    """"When Gene signed it", "What Don wasn't told": a given name from the census list,
    straight after a word that opens a clause and before a word in lower case, is the one who acts,
    even when it is also an English word. A place's name stays a place ("When Georgia joined")."""
    names = given_names()
    places = lexicon.place_tokens()
    for i, t in enumerate(toks):
        if t.score != 0 or t.title or t.place or t.fw not in names or t.fw in places or t.word.isupper():
            continue
        if t.fw in lexicon.FULL_MONTHS or t.fw in lexicon.FULL_DAYS or t.fw in lexicon.NOT_NAMES:
            continue
        if i + 1 < len(toks) and _joined(text, t, toks[i + 1]):
            continue  # part of a longer capitalised name
        before = text[max(0, t.start - 16) : t.start].split()
        if not before or before[-1].lower() not in _CLAUSE_OPENERS or not re.fullmatch(_S, text[t.start - 1 : t.start]):
            continue
        if re.match(_S + r"[a-z]", text[t.end : t.end + 3]):
            t.score, t.edge_ok = _PERSON, True


# --- A title before a one-letter cipher ---------------------------------------------------------

_HONORIFIC = frozenset("mr mrs ms miss mx dr".split())


def ciphers_after_titles(toks: list, text: str) -> None:
    """"Mrs A: Power in a unified voice", "Mr I said": after an honorific, a capital letter alone is
    someone, even the one that is an English word."""
    for i in range(1, len(toks)):
        t, p = toks[i], toks[i - 1]
        if t.word not in ("A", "I") or p.fw not in _HONORIFIC or p.score < 0:
            continue
        if not re.fullmatch(r"\.?" + _S, text[p.end : t.start]):
            continue
        if re.match(r"[ \t\u00a0]*[\w’'\-]", text[t.end : t.end + 2]) and not _ACT_AFTER.match(text, t.end) \
                and not re.match(_S + r"(?:was|is|had|has|and|who)\b", text[t.end :]):
            continue  # a letter inside a word or before a noun
        t.score, t.edge_ok = 0.9, True


# --- Vietnamese names ---------------------------------------------------------------------------

# The commonest Vietnamese family names, unaccented (about nine people in ten carry one).
_VIET_FAMILY = frozenset("""nguyen tran le pham hoang huynh phan vu vo dang bui do ho ngo duong ly trinh dinh lam
mai truong cao luong dao doan ta ha lai lu thai""".split())
# One Vietnamese syllable written without its marks: onset, vowels, final.
_VIET_SYLLABLE = re.compile(r"(?:ngh|ng|nh|ch|tr|th|ph|kh|gh|gi|qu|[bcdghklmnpqrstvx])?"
                            r"(?:[aeiouy]{1,3})(?:ng|nh|ch|[cmnpt])?")


def vietnamese_names(toks: list, text: str) -> None:
    """"Son Van Pham, 33", "Dung Thi Do was brought": two to four capitalised syllables in a row,
    one of them a family name at the start or the end, one at least no English word, are one
    person's name, whole."""
    family = [k for k, t in enumerate(toks) if t.fw in _VIET_FAMILY]
    if not family:
        return
    english = lexicon.english_words()
    places = lexicon.place_tokens()
    n = len(toks)
    done = -1
    for k in family:
        if k <= done or not _syllable(toks[k]):
            continue
        i = j = k  # the family name last ("Son Van Pham"), else first ("Nguyen Van Long")
        while i > 0 and k - i < 3 and _joined(text, toks[i - 1], toks[i]) and _syllable(toks[i - 1]):
            i -= 1
        if i == k:
            while j + 1 < n and j - k < 3 and _joined(text, toks[j], toks[j + 1]) and _syllable(toks[j + 1]):
                j += 1
        if i == j:
            continue
        run = toks[i : j + 1]
        if any(u.fw not in english and u.fw not in lexicon.FUNCTION_WORDS for u in run) \
                and not any(u.title or u.score < 0 or u.fw in places for u in run) \
                and not (run[0].initial and run[0].fw in lexicon.FUNCTION_WORDS) \
                and not (j + 1 < n and _joined(text, toks[j], toks[j + 1]) and toks[j + 1].fw in english):
            # (not the start of a thing's name: "Ho Chi Minh City")
            for u in run:
                u.score, u.edge_ok, u.place = max(u.score, _PERSON), True, False
            done = j


def _syllable(t) -> bool:  # noqa: ANN001
    w = t.word
    return 2 <= len(w) <= 7 and w[0].isupper() and not w[1:].isupper() and bool(_VIET_SYLLABLE.fullmatch(t.fw))


# --- Places and things -------------------------------------------------------------------------


def places_after_bodies(toks: list, text: str) -> None:
    """"ITV Wales Cardiff said": a place after an acronym that is no one's initials is where
    the body is, not a surname."""
    places = lexicon.place_tokens()
    for i in range(len(toks) - 1):
        a = toks[i]
        if not (len(a.word) >= 2 and a.word.isupper() and a.word.isalpha()) or a.score > 0 or a.title \
                or a.fw in lexicon.CAPS_TITLES or a.fw in lexicon.TITLES:
            continue  # (a rank makes the place's name a surname: "DC Preston")
        k = i + 1
        while k < len(toks) and _joined(text, toks[k - 1], toks[k]) and toks[k].fw in places \
                and not toks[k].word.isupper() and toks[k].score < 0.8:
            toks[k].score, toks[k].edge_ok, toks[k].place = 0.0, False, True
            k += 1


_DOCUMENT_AFTER = re.compile(_S + r"(?:report|reports|review|survey|study|index|inquiry|strategy|data|figures|"
                             r"findings|project|programme|campaign)\b")
_THE_BEFORE = re.compile(r"\b(?:the|a|its|their|our)" + _S + r"(?:(?:latest|new|annual|first|recent|last|"
                         r"national|global|second|third|final)" + _S + r")?$", re.IGNORECASE)


_DOCUMENT_WORDS = ("report", "review", "survey", "study", "index", "inquiry", "strategy", "data", "figures",
                   "findings", "project", "programme", "campaign")  # ("reports": "report" finds it)
_SPACES = frozenset(" \t\u00a0")


def _document_starts(text: str) -> list[int]:
    """``[m.start() for m in _DOCUMENT_AFTER.finditer(text)]``, tried only where ``str.find`` finds a
    word for a document after a space (``finditer`` tried the pattern, which starts with the spaces,
    at every character). A match starts where the spaces before its word start (it cannot start
    later: the match before it ended in a word), so it is tried there."""
    starts: set[int] = set()
    for w in _DOCUMENT_WORDS:
        j = text.find(w)
        while j >= 0:
            if j and text[j - 1] in _SPACES:
                a = j - 1
                while a and text[a - 1] in _SPACES:
                    a -= 1
                if _DOCUMENT_AFTER.match(text, a):
                    starts.add(a)
            j = text.find(w, j + 1)
    return sorted(starts)


def named_documents(toks: list, text: str) -> None:
    """"The latest Knife Census report": capitalised words after "the" and before a word for a
    document, one of them an English word and none a given name, are the document's name."""
    ends = None
    for start in _document_starts(text):
        if ends is None:
            ends = [t.end for t in toks]
            english = lexicon.english_words()
        j = bisect.bisect_left(ends, start)
        if j >= len(ends) or ends[j] != start:
            continue  # the word before the document's is not capitalised
        i = j
        while i > 0 and j - i < 4 and _joined(text, toks[i - 1], toks[i]) and toks[i - 1].score >= 0:
            i -= 1
        run = toks[i : j + 1]
        t = run[0]
        if len(run) < 2 or t.score < 0 or t.title or not _THE_BEFORE.search(text, max(0, t.start - 30), t.start):
            continue
        if any(u.fw in english for u in run) and not any(u.fw in any_given_names() for u in run):
            # (a given name makes it someone's: "the John Wood report")
            for u in run:
                u.score, u.edge_ok, u.place = 0.0, False, True


# US states' postal codes, after a town: "Fresno, CA".
# Not the codes that are words or common capitals too ("Tariq, OK, said", "Tariq, OR his brother").
_US_STATES = frozenset("""AK AZ AR CA CT FL GA IL IA KS KY MD MN MS MO MT NE NV NH NJ NM NY NC ND RI SC SD TN TX UT
VT VA WA WV WI WY""".split())
_STATE_AFTER = re.compile(r",[ \t\u00a0]*([A-Z]{2})(?=[,.;:)]|[ \t\u00a0]*$)", re.MULTILINE)
# Not "from" or "to": "money from Tariq to Leeds".
_TRAVEL = re.compile(r"\b(?:[Tt]hrough|[Vv]ia|[Aa]cross)" + _S)
_AND_ON = re.compile(r",?" + _S + r"and" + _S + r"(?:then" + _S + r")?(?:into|to|through|on" + _S + r"to)" + _S)
_STREET_COMMA = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in lexicon.STREET_SUFFIXES) + r"),[ \t\u00a0]*$")


_TRAVEL_WORDS = ("through", "Through", "via", "Via", "across", "Across")


def _after_travel(text: str) -> set[int]:
    """``{m.end() for m in _TRAVEL.finditer(text)}``, tried only where ``str.find`` finds one of the
    words with no word character before it (``finditer`` tried "\\b" at every character). No match
    starts inside another (a match is the word and the spaces after it)."""
    ends: set[int] = set()
    for w in _TRAVEL_WORDS:
        j = text.find(w)
        while j >= 0:
            if not j or not (text[j - 1].isalnum() or text[j - 1] == "_"):  # (\w: alphanumeric or "_")
                m = _TRAVEL.match(text, j)
                if m:
                    ends.add(m.end())
            j = text.find(w, j + 1)
    return ends


def places_in_lists(toks: list, text: str) -> None:
    """A place named with others: "through Ossetia and into France", "via Calais and on to Dover"
    (after a word of a journey, before a known place), "from Fresno, CA" (a US state's code after it) and
    "Mill Lane, Hollins, Preston" (between a street and a known town)."""
    places = lexicon.place_tokens()
    names = any_given_names()
    n = len(toks)
    after_travel = _after_travel(text)
    for i, t in enumerate(toks):
        if not (text.startswith(",", t.end) or t.start in after_travel) or t.score < 0 or t.title \
                or t.fw in lexicon.FUNCTION_WORDS or t.word.isupper():
            continue
        if i and _joined(text, toks[i - 1], t):
            continue
        if re.match(r"['’]s\b", text[t.end : t.end + 2]):
            continue  # someone's
        place = False
        m = _STATE_AFTER.match(text, t.end)
        if m and m.group(1) in _US_STATES and t.fw not in names:
            place = True
        nxt = toks[i + 1] if i + 1 < n else None
        if not place and t.start in after_travel and t.fw not in names and nxt is not None:
            mm = _AND_ON.match(text, t.end)
            place = bool(mm and mm.end() == nxt.start and nxt.fw in places)
        if not place and nxt is not None and _STREET_COMMA.search(text, max(0, t.start - 16), t.start) \
                and re.fullmatch(r",[ \t\u00a0]*", text[t.end : nxt.start]) and nxt.fw in places:
            place = True
        if place:
            t.score, t.edge_ok, t.place = 0.0, False, True


def news_names(toks: list, text: str) -> None:
    """Every rule of this module, in order: people first, then what they must not swallow."""
    names_before_job_titles(toks, text)
    given_and_word(toks, text)
    given_names_as_subjects(toks, text)
    ciphers_after_titles(toks, text)
    vietnamese_names(toks, text)
    places_after_bodies(toks, text)
    named_documents(toks, text)
    places_in_lists(toks, text)
