"""Context that says capitalised words are not a person: a place after "in", "near" or "moved to",
and the name of a body (a hospital, a charity, a university, an acronym after "the").

Both mark the likely-name detector's words (``names._Tok``: ``start``, ``end``, ``fw``, ``score``,
``title``, ``place``) as places, so they are neither a name nor part of one.
"""

from __future__ import annotations

import bisect
import re

from desktop.redaction import lexicon
from desktop.redaction.demonyms import derived_demonym, places_joined
from desktop.redaction.name_lists import a_given_name_and_no_place
from desktop.redaction.scanning import ic_lower
from desktop.redaction.words import a_thing_named

# What may stand between two words of one name: spaces, one line break, or a hyphen (never a blank
# line: \Z, as "$" would let a second line break through).
JOIN = re.compile(r"^(?:[ \t\u00a0]+|[ \t\u00a0]*\r?\n[ \t\u00a0]*|-)\Z")

# Words after which a capitalised word is where something happened, not who: "in", "near",
# "moved to" ("We moved to Southwark", "the house in North Karlview").
_PLACE_BEFORE = frozenset("in near outside around".split())
_MOVED = frozenset("moved move moving relocated transferred sent went came back".split())
_POSSESSIVE_AFTER = re.compile(r"['’]s?\b|\s+(?:and|&)\s+\w+['’]s\b")


def _two_words_before(text: str, pos: int) -> list[str]:
    """The two words before ``pos`` (lower case), when only spaces stand between them and ``pos``."""
    if pos == 0 or text[pos - 1] not in " \t\u00a0":
        return []
    return text[max(0, pos - 40) : pos].lower().rsplit(None, 2)[-2:]  # (the last two of ``split()``)


# Nouns of a kind of place: "the province of X", "a posh X neighbourhood", "the X area" make X a place.
_PLACE_KINDS = frozenset("""province county city town village region state district borough suburb neighbourhood
neighborhood area estate republic capital island parish ward""".split())
_PLACE_KIND_OF = re.compile(r"\b([A-Za-z]+)[ \t\u00a0]+of[ \t\u00a0]+$")
# "in a posh X ...", "near the busy X ...": a determiner and up to two lower-case words before the place.
_IN_A = re.compile(r"\b(?:[Ii]n|[Nn]ear|[Oo]utside|[Aa]round|[Aa]t|[Tt]o|[Ff]rom|[Ii]nto)[ \t\u00a0]+"
                   r"(?:a|an|the)[ \t\u00a0]+(?:[a-z\-]+[ \t\u00a0]+){0,2}$")
_KIND_AFTER = re.compile(r"[ \t\u00a0]+([a-z]+)\b")
# Buildings named after their place: "in the X courthouse", "outside the X station".
_BUILDINGS = frozenset("""courthouse courtroom court jail prison hospital office offices station airport hotel shelter
camp headquarters branch""".split())


def _run_after(toks: list, i: int, text: str) -> int:
    """The last of the capitalised words joined to ``toks[i]`` (the words of one place)."""
    j = i
    while j + 1 < len(toks) and toks[j + 1].score >= 0 and toks[j].joins and toks[j + 1].fw not in lexicon.TITLES:
        j += 1
    return j


def mark_places_by_context(toks: list, text: str, function_only: frozenset[str]) -> set[str]:
    """The capitalised words straight after "in", "near" or "moved to" are a place (a fact to keep),
    even a town no list holds, unless they are someone's ("in Tariq's flat", "in Ana and Tom's
    house") or a title makes them a person ("in Mr Patel's shop" is caught by the possessive too).
    So are the words after a kind of place ("the province of X") and before one after "in a"
    ("in a quiet X suburb"). More than three capitalised words in a row are not one place's name.
    Returns the folded words so marked (but not after "went to", which may be someone): a place
    named once is the same place wherever else it is written."""
    marked: set[str] = set()
    for i, t in enumerate(toks):
        if t.score < 0 or t.fw in lexicon.TITLES or t.fw in function_only:
            continue
        if i and toks[i - 1].score >= 0 and toks[i - 1].joins and not (
                toks[i - 1].fw in function_only and text.startswith(",", toks[_run_after(toks, i, text)].end)):
            continue  # inside a run: only its first word is looked at ("In X, ..." opening a sentence: X's)
        j = -1
        before = _two_words_before(text, t.start)
        everywhere = True  # "went to X", "sent to X" may be a person too: a place there, not everywhere
        if before and before[-1] in _PLACE_BEFORE:
            pass
        elif before and before[-1] == "to" and before[0] in _MOVED:
            if not t.joins and a_given_name_and_no_place(t.word):
                continue  # "the money went to Hamza every month": someone (given name lists, no gazetteer)
            everywhere = False
        elif before and before[-1] == "of":
            m = _PLACE_KIND_OF.search(text, max(0, t.start - 30), t.start)
            if not (m and m.group(1).lower() in _PLACE_KINDS):
                continue
        else:
            j = _run_after(toks, i, text)
            kind = _KIND_AFTER.match(text, toks[j].end)
            if not (kind and (kind.group(1) in _PLACE_KINDS or kind.group(1) in _BUILDINGS)
                    and _IN_A.search(text, max(0, t.start - 60), t.start)):
                continue
        if j < 0:
            j = _run_after(toks, i, text)
        if j - i > 2:
            continue
        if _POSSESSIVE_AFTER.match(text, toks[j].end):
            continue
        for u in toks[i : j + 1]:
            u.place = True
            if everywhere:
                marked.add(u.fw)
    return marked


# A body's kind, as the last word of its name ("Homerton Hospital", "Kalayaan Project") or just
# before it ("the charity Kalayaan"): the words it names are an organisation, not a person.
_ORG_LAST = frozenset("""hospital university college centre center school council trust foundation charity project
network clinic surgery church mosque temple gurdwara prison academy institute society association union party
ltd limited plc llp group services partnership agency team partners counsel commission committee tribunal
department ministry bureau board authority service alliance coalition campaign solicitors chambers
associates hub helpline hotline refuge programme program initiative fund forum collective organisation organization
unit squad taskforce inspectorate international corporation shelter
county province district borough region governorate prefecture oblast""".split())
# A line break after a short line ends a body's name: "Signed: Amir Okonjo" above "Kalayaan Project"
# is someone signing for the body. (Prose wrapped at a width has long lines.)
def _short_line_above(text: str, end: int, start: int) -> bool:
    return "\n" in text[end:start] and end - text.rfind("\n", 0, end) <= 40


# What may stand inside a body's name besides a space: a possessive ("Yarl's Wood Detention Centre").
_ORG_JOIN = re.compile(r"^['’]s[ \t\u00a0]+$")
_KIND_BEFORE = frozenset(
    "charity organisation organization campaign project network company firm agency union party newspaper outlet "
    "broadcaster channel magazine website".split()
)
_CALLED = frozenset("called named".split())
_KIND_OF = frozenset("university college bank institute".split())
_DETERMINERS = frozenset(("the", "a", "an"))


def mark_organisations(toks: list, text: str) -> None:
    """Names of bodies are not people: a run of capitalised words ending in a body's kind
    ("Hillgate Immigration Removal Centre", "Mercy Foundation"), the words after a kind of body
    ("the charity Ashiana", "University of Stirling"), and an acronym after "the" ("the JCWI")."""
    n = len(toks)
    for j, t in enumerate(toks):
        if t.fw in _ORG_LAST:  # the words before it are the body's name (even an allow-listed "Refuge")
            i = j
            while i > 0 and toks[i - 1].fw not in lexicon.TITLES \
                    and (toks[i - 1].joins or _ORG_JOIN.match(text[toks[i - 1].end : toks[i].start])) \
                    and not _short_line_above(text, toks[i - 1].end, toks[i].start):
                i -= 1
            if i < j and not _title_before_run(toks, i, text):
                for u in toks[i : j + 1]:
                    u.place = True
        if t.score < 0:
            continue
        before = _two_words_before(text, t.start)
        if not before:
            continue
        if before[-1] in _KIND_BEFORE or (before[-1] == "of" and len(before) == 2 and before[0] in _KIND_OF) \
                or before[-1] in _CALLED and len(before) == 2 and before[0] in _KIND_BEFORE:  # "a charity called X"
            k = j  # the words after a kind of body are its name
            while k + 1 < n and toks[k + 1].score >= 0 and toks[k + 1].fw not in lexicon.TITLES and toks[k].joins:
                k += 1
            for u in toks[j : k + 1]:
                u.place = True
        elif len(t.word) > 1 and t.word.isupper() and (before[-1] in _DETERMINERS or _AFTER_DESCRIBED.search(
                text, max(0, t.start - 50), t.start) and _described(text, t.start)):
            t.place = True  # "the JCWI", "the infamous Salvadoran CECOT prison"


# Honorifics name institutions ("Sir Ludwig Guttmann Health Centre", "Lady Margaret Hall"); an
# office or rank before a name that ends in a body's kind makes it a person ("Judge Anna Chambers").
_HONORIFICS = frozenset("sir dame lady lord saint st".split())


def _title_before_run(toks: list, i: int, text: str) -> bool:
    prev = toks[i - 1] if i else None
    return (prev is not None and prev.score >= 0 and prev.fw in lexicon.TITLES and prev.fw not in _HONORIFICS
            and bool(re.fullmatch(r"\.?[ \t\u00a0]+", text[prev.end : toks[i].start])))


# "the notorious Nigerian XYZ unit": a determiner, then up to two describing words, then capitals.
_AFTER_DESCRIBED = re.compile(r"\b(?:the|a|an)[ \t\u00a0]+((?:[A-Za-z\-]+[ \t\u00a0]+){1,2})$", re.IGNORECASE)
_ADJECTIVE_END = re.compile(r"(?:ous|al|ive|ic|ful|less|ary|ian|ese|ish|ern)$")


def _described(text: str, pos: int) -> bool:
    """Are the one or two words between "the" and ``pos`` words that describe a thing (a
    nationality or an adjective: "infamous", "national", "Salvadoran"), not a noun ("the man")?"""
    m = _AFTER_DESCRIBED.search(text, max(0, pos - 50), pos)
    words = m.group(1).split() if m else []
    return bool(words) and all(
        w.lower() in lexicon.NOT_NAMES or w.islower() and len(w) > 4 and _ADJECTIVE_END.search(w) for w in words
    )


# --- Names the text itself gives someone, and words that are names only inside a full name ---------

# Wording that introduces a name, even one that is a word or a place: "whom we'll call Sofia",
# "let's call her Flora", "referred to as 'Dunya'", "a woman named Paris".
_S = r"[ \t\u00a0]+"
# "call her", "call her daughter", "call the boy": a determiner needs its noun ("I called the Maya
# Centre" gives no name), and the noun is in small letters whatever the pattern's case (``(?-i:)``).
_NOUN = r"(?-i:[a-z][a-z\-]*)"
_PRONOUN = r"(?:(?:her|him|them)(?:" + _S + _NOUN + r")?|(?:our|this|the|his|their)" + _S + _NOUN + r")"
_INTRO_BEFORE = re.compile(
    r"(?:\b(?:we|i|they)(?:['’]ll|" + _S + r"will|" + _S + r"shall|" + _S + r"are" + _S + r"going" + _S + r"to)"
    + _S + r"call(?:" + _S + _PRONOUN + r")?"
    r"|\blet(?:['’]s|" + _S + r"us)" + _S + r"call(?:" + _S + _PRONOUN + r")?"
    r"|\b(?:whom|who)" + _S + r"(?:we|i)(?:['’]ll|" + _S + r"will|" + _S + r"shall)?" + _S + r"call(?:ed)?"
    r"|\b(?:we|i|they|he|she|everyone|people)" + _S + r"(?:call|calls|called)" + _S + _PRONOUN +
    r"|\b(?:referred" + _S + r"to|identified|known|named|called)(?:" + _S + r"here|" + _S + r"only)*" + _S + r"as"
    r"|\bpseudonym|\bgiven" + _S + r"the" + _S + r"name"
    r"|\b(?:woman|man|girl|boy|lady|person|victim|survivor|worker|mother|father|teenager|child|wife|husband)"
    + _S + r"(?:called|named))[ \t\u00a0]*[‘'\"“]?$",
    re.IGNORECASE,
)
# ... or follows it: "Flora (not her real name)", "Sofia, whose name has been changed".
_INTRO_AFTER = re.compile(
    r"[’'\"”]?[ \t\u00a0]*[(,—–\-][ \t\u00a0]*(?:not[ \t]+(?:her|his|their|the)[ \t]+real[ \t]+name|"
    r"(?:whose[ \t]+)?(?:real[ \t]+)?names?[ \t]+"
    r"(?:has[ \t]+been[ \t]+|have[ \t]+been[ \t]+|was[ \t]+|were[ \t]+)?changed|"
    r"a[ \t]+pseudonym|not[ \t]+(?:her|his|their)[ \t]+name)",
    re.IGNORECASE,
)
_QUOTES_OPEN = "‘'\"“"
_QUOTES_CLOSE = "’'\"”"
# After a one-letter name in quotes: who it is ("'K', a Nepalese woman") or what they did ("'R' said").
_LETTER_AS_PERSON = re.compile(
    r"[,;]?[ \t\u00a0]+(?:(?:a|an|the|who|aged|now)\b|\d|(?:said|says|told|tells|was|is|had|has|came|went|"
    r"explained|described|recalled|added|worked|lived|fled|arrived|left|says|stayed)\b)",
    re.IGNORECASE,
)

INTRODUCED = 0.95  # the confidence of a name the text gives someone: a name wherever else it is written
_INTRO_WORDS = ("call", " as", "named", "pseudonym", "given the name")
_LABELS = frozenset("plan grade type class category section option block wing unit flat room platform gate size "
                    "vitamin level stage band zone".split())
# Any of these anywhere in the text, or no name is introduced: each looked for on its own (one search of
# an alternation of them tries every alternative at every position; most texts hold " as" early).
_INTRO_ANYWHERE = tuple(re.compile(p, re.IGNORECASE) for p in (
    r"\sas\b", r"call", r"named", r"pseudonym", r"given the name", r"real name", r"changed", r"[‘'\"“][A-Z][’'\"”]",
    r"\w\*"))
# The same, quicker (``_may_introduce``): the words in ``ic_lower(text)``; " as" from its letters; "*".
_INTRO_LITERALS = ("call", "named", "pseudonym", "given the name", "real name", "changed")
_AS_AFTER_SPACE, _STAR_AFTER_WORD = re.compile(r"as(?<=\sas)\b"), re.compile(r"\*(?<=\w\*)")


def _may_introduce(text: str) -> bool:
    """``any(rx.search(text) for rx in _INTRO_ANYWHERE)``: ``ic_lower`` writes every character as the
    ASCII letter it matches under re.IGNORECASE (offset for offset), so a word is looked for with
    ``str.find``; a pattern that starts with a literal is found by ``re`` in C, not tried everywhere."""
    low = ic_lower(text)
    return any(w in low for w in _INTRO_LITERALS) or bool(_AS_AFTER_SPACE.search(low)) \
        or bool(_STAR_AFTER_WORD.search(text)) or bool(_INTRO_ANYWHERE[7].search(text))


def introduced_names(toks: list, text: str, function_only: frozenset[str]) -> None:
    """A word or a place the text gives someone as a name ("call her Sofia", "'K', a woman") is a name."""
    if not _may_introduce(text):
        return
    given = set()
    words = _IntroWords(text)
    for t in toks:
        if t.score == 0 and not t.title and (letter_pseudonym(text, t) or t.fw not in function_only
                                             and t.word[0].isupper() and introduced(text, t, words)):
            t.score, t.edge_ok, t.place = INTRODUCED, True, False
            given.add(t.fw)
    for t in toks:  # and it is the name wherever else it is written ("Witness Z ... Witness Z was")
        if t.fw in given and 0 <= t.score < INTRODUCED and not t.title and t.word[0].isupper():
            t.score, t.edge_ok, t.place = INTRODUCED, True, False


# "the Obama administration", "the Bolsonaro presidency": the word before is a leader's surname.
_LEADER_AFTER = re.compile(r"[ \t\u00a0]+(?:administration|presidency)\b")


def names_of_leaders(toks: list, text: str) -> None:
    """A capitalised word between "the" and "administration" or "presidency" is someone's surname,
    even an English word ("the Bush administration")."""
    # Every match of _LEADER_AFTER holds one of these: most statements have neither, and no word is tried.
    if "administration" in text or "presidency" in text:
        _leaders(toks, text)


def _leaders(toks: list, text: str) -> None:
    for t in toks:
        if t.score == 0 and not t.title and t.word[0].isupper() and _LEADER_AFTER.match(text, t.end) \
                and text[max(0, t.start - 4) : t.start].lower() == "the ":
            t.score, t.edge_ok, t.place = 0.85, True, False


_NAMES_CHANGED = re.compile(
    r"\*[ \t\u00a0]*(?:all[ \t]+)?(?:names?|pseudonyms?|not[ \t]+(?:her|his|their|the)[ \t]+real)", re.IGNORECASE)


_OTHER_FOOTNOTE = re.compile(r"^[ \t\u00a0]*\*[ \t\u00a0]*\w", re.MULTILINE)  # "*Figures from the council"
_PLURAL_AFTER = re.compile(r"[ \t\u00a0]+(?:are|were|have|show)\b")


class _IntroWords:
    """Where the words that introduce a name (``_INTRO_WORDS``) are in one statement, found once:
    ``in_window(a, b)`` is ``any(w in text[a:b].lower() for w in _INTRO_WORDS)`` without lower-casing
    a window per capitalised word. Only where lower-casing keeps every character in its place (one
    character for one, and no capital sigma, whose small form depends on the next letter); elsewhere
    the window is lower-cased as before."""

    __slots__ = ("_text", "_spans")

    def __init__(self, text: str) -> None:
        self._text = text
        low = text.lower()
        self._spans: list[tuple[int, int]] | None = None
        if len(low) == len(text) and "Σ" not in text:
            spans = []
            for w in _INTRO_WORDS:
                i = low.find(w)
                while i >= 0:
                    spans.append((i, i + len(w)))
                    i = low.find(w, i + 1)
            self._spans = sorted(spans)

    def in_window(self, a: int, b: int) -> bool:
        if self._spans is None:
            window = self._text[a:b].lower()
            return any(w in window for w in _INTRO_WORDS)
        spans = self._spans
        k = bisect.bisect_left(spans, (a, a))
        while k < len(spans) and spans[k][0] < b:
            if spans[k][1] <= b:
                return True
            k += 1
        return False


_INTRO_AFTER_START = re.compile(r"[(,—–\-]")


def introduced(text: str, t, words: _IntroWords | None = None) -> bool:  # noqa: ANN001 - names._Tok
    """Does the text give ``t`` as someone's name (a pseudonym), whatever word or place it is?"""
    a = max(0, t.start - 60)
    if words is None:
        window = text[a : t.start].lower()
        near = any(w in window for w in _INTRO_WORDS)
    else:
        near = words.in_window(a, t.start)
    if near and _INTRO_BEFORE.search(text, a, t.start):  # (ignoring case but for the noun: _NOUN)
        return not a_thing_named(text, t.start)  # "a policy known as X" names the policy
    if text.startswith("*", t.end) and not text.startswith("*", t.start - 1) and t.word[1:].islower():
        # "Martin* called the helpline" (*names have been changed); a word with a footnote is a
        # name only where the text says the starred words are changed names ("Figures* are ...").
        return t.fw not in lexicon.english_words() or t.fw in lexicon.WORD_NAMES or bool(_NAMES_CHANGED.search(text)) \
            or not (_OTHER_FOOTNOTE.search(text) or _PLURAL_AFTER.match(text, t.end + 1) and t.fw.endswith("s"))
    # (the look for what follows only where one of its first characters is near)
    return bool(_INTRO_AFTER_START.search(text, t.end, t.end + 4) and _INTRO_AFTER.match(text, t.end))


def letter_pseudonym(text: str, t) -> bool:  # noqa: ANN001 - names._Tok
    """A capital letter alone in quotation marks, used as someone ("'K', a Nepalese woman")."""
    if len(t.word) != 1 or not t.word.isupper() or t.start == 0 or t.end >= len(text):
        return False
    if text[t.start - 1] not in _QUOTES_OPEN or text[t.end] not in _QUOTES_CLOSE:
        return False
    if introduced(text, t):
        return True
    w = text[max(0, t.start - 30) : t.start - 1].split()[-1:]
    if w and (w[0].lower() in _LABELS or w[0][:1].isupper() and w[0].lower() not in lexicon.FUNCTION_WORDS):
        return False  # a label: "Plan 'B'", "block 'C'", "Grade 'E'"
    return bool(_LETTER_AS_PERSON.match(text, t.end + 1))


_DATE_BEFORE = frozenset("""in on of since until till by last next early late mid from to during before after
through every each this that around about between""".split())
_DIGIT_AFTER = re.compile(r"[ \t\u00a0]*,?[ \t\u00a0]*\d")
_DIGIT_BEFORE = re.compile(r"\d(?:st|nd|rd|th)?[ \t\u00a0]*(?:of[ \t\u00a0]+)?$")
_ONE_SPACE = re.compile(r"^[ \t\u00a0]+$")


def next_to_digits(text: str, t) -> bool:  # noqa: ANN001 - names._Tok
    """Is ``t`` written against a number, as a month or a day is in a date ("09 Nov 2023", "May 2019")?"""
    return bool(_DIGIT_AFTER.match(text, t.end) or _DIGIT_BEFORE.search(text, max(0, t.start - 10), t.start))


def months_in_full_names(toks: list, text: str) -> None:
    """A month or a day written as part of a full name is part of it ("Maryam May", "May Okonjo"):
    beside a likely name, with no number and no date word ("in", "since", "last") around it."""
    for i, t in enumerate(toks):
        if t.score != 0 or t.title or not (t.fw in lexicon.FULL_MONTHS or t.fw in lexicon.FULL_DAYS):
            continue
        if t.word.isupper() or next_to_digits(text, t):
            continue
        prev = toks[i - 1] if i else None
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if prev is not None and prev.score >= 0.5 and not prev.title and _ONE_SPACE.match(text[prev.end : t.start]):
            t.score, t.edge_ok = prev.score, True
        elif nxt is not None and nxt.score >= 0.5 and not nxt.title and _ONE_SPACE.match(text[t.end : nxt.start]):
            w = text[max(0, t.start - 20) : t.start].lower().split()
            if not (w and w[-1] in _DATE_BEFORE):
                t.score, t.edge_ok = nxt.score, True


def initials_and_places_after_names(toks: list, text: str, places: frozenset[str], named: set[str]) -> None:
    """After a likely name, on the same line: a capital letter with a full stop is its initial
    ("Ramona V., a resident"), and a town's name is its surname ("Buffy Lincoln"), unless the text
    used the town as a place elsewhere (then it stays a place)."""
    for i, t in enumerate(toks[1:], 1):
        prev = toks[i - 1]
        if t.score != 0 or t.title or prev.score < 0.5 or prev.title or not _ONE_SPACE.match(text[prev.end : t.start]):
            continue
        if len(t.word) == 1 and t.word.isupper() and (text.startswith(".", t.end) or t.word not in "AI" and not (
                text[t.end : t.end + 1].isalnum() or text.startswith(".", t.end))) \
                or t.fw in places and not t.place and t.fw not in named and not t.word.isupper():
            t.score, t.edge_ok = prev.score, True


_OF_CAPITAL_AFTER = re.compile(r"[ \t\u00a0]+of[ \t\u00a0]+(?:the[ \t\u00a0]+)?[A-Z]")
_CAPITAL_OF_BEFORE = re.compile(r"[A-Z][\w’'\-]*[ \t\u00a0]+of[ \t\u00a0]+$")


def word_names_in_titles(toks: list, text: str, english: frozenset[str]) -> None:
    """A given name that is an English word, taken for a name only for being one, is a word of a
    title when it stands in one: after another capitalised ordinary word ("the Illegal Migration Bill")
    or joined by "of" to capitalised words ("Friends of Hope", "Freedom of Movement")."""
    for i, t in enumerate(toks):
        if not 0.3 < t.score < 0.5 or t.fw not in lexicon.WORD_NAMES:
            continue
        prev = toks[i - 1] if i else None
        after_word = (
            prev is not None
            and (prev.score < 0 or prev.score == 0 and not prev.title and prev.fw in english and not prev.initial
                 and prev.fw not in lexicon.FUNCTION_WORDS)
            and _ONE_SPACE.match(text[prev.end : t.start])
        )
        if after_word or _OF_CAPITAL_AFTER.match(text, t.end) or _CAPITAL_OF_BEFORE.search(
                text, max(0, t.start - 40), t.start):
            t.score = 0.0


_AND_BETWEEN = re.compile(r"^[ \t\u00a0]+(?:and|&)[ \t\u00a0]+$")


def in_a_title_of_a_thing(toks: list, i: int, text: str) -> bool:
    """Is ``toks[i]``, an ordinary word, part of the name of a thing? After "and" following a
    capitalised word that is not a name ("Customs and Immigration", "the Home Office and Border"),
    or describing another capitalised ordinary word, neither of them a given name ("told Eastern
    Eye", "told Missing Voices", "with Public Counsel"; but "with Aster Brown")."""
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if nxt is not None and _ONE_SPACE.match(text[toks[i].end : nxt.start]) and not nxt.word.isupper():
        english = lexicon.english_words()
        if toks[i].fw in english and nxt.fw in english and nxt.score <= 0 \
                and (_ADJECTIVE_END.search(toks[i].fw) or toks[i].fw.endswith("ing")) \
                and toks[i].fw not in lexicon.WORD_NAMES and nxt.fw not in lexicon.WORD_NAMES:
            return True
    if not i:
        return False
    prev = toks[i - 1]
    return bool(_AND_BETWEEN.match(text[prev.end : toks[i].start])) and (prev.score < 0 or prev.score == 0
                                                                        and not prev.title)


def ordinary_compound(text: str, t, english: frozenset[str]) -> bool:  # noqa: ANN001 - names._Tok
    """Is ``t`` an ordinary hyphenated word, not a name: ordinary words joined ("Twenty-seven",
    "Anti-slavery": the words after the hyphen in lower case), a letter joined to a word ("U-Visa",
    "X-ray"), or a word joined to a number ("COVID-19")?"""
    if text.startswith("-", t.end) and text[t.end + 1 : t.end + 2].isdigit():
        return True
    if "-" not in t.word:
        return False
    first, *rest = t.word.split("-")
    parts = t.fw.split("-")
    if len(first) == 1 and first.isupper():
        return all(p in english for p in parts[1:])
    return all(r.islower() for r in rest) and all(p in english for p in parts[1:]) and (
        parts[0] in english or parts[0] in lexicon.NOT_NAMES or parts[0] in lexicon.place_tokens()) \
        or places_joined(parts)  # "Leeds-based", "a Ghana-Togo route"


_NOT_BEFORE_A_NAME = frozenset("in from near at of via outside across around between into".split())


def places_before_names(toks: list, text: str, places: frozenset[str], named: set[str]) -> None:
    """A town, country or state's name straight before a likely surname is a given name ("Sofia
    Petrova", "Virginia Adebayo"), unless the text used it as a place (after "in", "from"...) or
    it is also an English word ("March", "Reading")."""
    english = lexicon.english_words()
    for i, t in enumerate(toks[:-1]):
        nxt = toks[i + 1]
        if t.score != 0 or t.title or t.place or t.fw not in places or t.fw in named or t.word.isupper() \
                or t.fw in english or t.fw in lexicon.FULL_MONTHS:
            continue
        if nxt.score < 0.5 or nxt.place or nxt.title or nxt.word.isupper() or not _ONE_SPACE.match(
                text[t.end : nxt.start]):
            continue
        before = _two_words_before(text, t.start)
        if not (before and before[-1] in _NOT_BEFORE_A_NAME):
            t.score, t.edge_ok = nxt.score, True


# A surname that is also a word, alone in mid-sentence as the one who speaks or acts ("..., Trump has
# said", "after the hearing, Cross told reporters"). Not after a determiner or a possessive ("the
# Council said"), and not a word naming an institution.
_SUBJECT_VERB = re.compile(r"[ \t\u00a0]+(?:has|had|said|says|told|tells|claims|claimed|wrote|added|insisted|argued|"
                           r"denied|admitted|replied|warned|promised|tweeted)\b")
_INSTITUTIONS = frozenset("""congress parliament government labour immigration enforcement council police court
senate cabinet treasury security justice army navy customs border state union party""".split())
_NOT_BEFORE_SUBJECT = frozenset("the a an my his her their our your its this that these those of".split())


def surnames_as_subjects(toks: list, text: str, english: frozenset[str]) -> None:
    """A capitalised ordinary word alone in mid-sentence before a verb of saying or having is a surname."""
    for i, t in enumerate(toks):
        if t.score != 0 or t.title or t.place or t.initial or t.word.isupper() or t.fw not in english \
                or t.fw in lexicon.FUNCTION_WORDS or t.fw in lexicon.NOT_NAMES or t.fw in _INSTITUTIONS \
                or t.fw in lexicon.FULL_MONTHS or t.fw in lexicon.FULL_DAYS or not _SUBJECT_VERB.match(text, t.end):
            continue
        prev = toks[i - 1] if i else None
        if prev is not None and prev.score >= 0 and prev.fw not in lexicon.FUNCTION_WORDS and prev.joins:
            continue  # part of a run of capitalised words
        w = text[max(0, t.start - 20) : t.start].lower().split()
        if w and w[-1] in _NOT_BEFORE_SUBJECT:
            continue
        t.score, t.edge_ok = 0.35, True


# A word taken for a name only for the verb before it ("she met Tony") or after it ("..., Cross
# told reporters") is the same person wherever else it is capitalised ("Cross (now retired) said");
# the engine looks again only for surer names.
_MET = frozenset("met meet saw married marry visited visit asked told".split())


def weak_names_again(toks: list, text: str) -> None:
    weak = set()
    for t in toks:
        if 0.3 <= t.score < 0.5 and not t.title and not t.word.isupper():
            w = text[max(0, t.start - 20) : t.start].lower().split()
            if w and w[-1] in _MET or t.score == 0.35 and t.fw not in lexicon.WORD_NAMES \
                    and _SUBJECT_VERB.match(text, t.end):
                weak.add(t.fw)
    for t in toks:
        if t.fw in weak and t.score == 0 and not t.title and not t.place and not t.word.isupper() \
                and t.fw not in lexicon.FUNCTION_WORDS:
            t.score, t.edge_ok = 0.3, True


def demonym(fw: str) -> bool:
    """Is ``fw`` a people's name made from a place's ("Argentinian", "Omani", "Kenyan", "Chilean")?"""
    if len(fw) < 5:
        return False
    if fw.endswith("s") and (fw[:-1] in lexicon.NOT_NAMES or demonym(fw[:-1])):
        return True  # "Zimbabweans", "Europeans"
    places = lexicon.place_tokens()
    if fw.endswith("ian") and (fw[:-3] in places or fw[:-3] + "a" in places or fw[:-1] in places):
        return True
    if fw.endswith("an") and (fw[:-1] in places or fw[:-2] in places):
        return True
    if fw.endswith("ese") and (fw[:-3] in places or fw[:-3] + "a" in places):
        return True
    return fw.endswith("i") and fw[:-1] in places or derived_demonym(fw)  # "Omani"; "Argentine", "Latinos"
