"""detect(): known identifiers + pattern detectors + likely names, minus what must stay."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from desktop.core.forgetting import kept_until_lock
from desktop.redaction import lexicon
from desktop.redaction.alternation import alternation_matches
from desktop.redaction.amounts import starts_in_a_sum
from desktop.redaction.bodies_by_evidence import street_named_institution
from desktop.redaction.context import INTRODUCED
from desktop.redaction.court_addresses import court_not_an_address
from desktop.redaction.detectors import detect_patterns
from desktop.redaction.fold import Folded, fold
from desktop.redaction.graphemes import MARK_CHARS, MARKS, MARKS_BMP, beyond_bmp, has_mark, snap
from desktop.redaction.known import KnownIdentifiers
from desktop.redaction.misses_addresses import address_is_a_fact
from desktop.redaction.names import detect_names
from desktop.redaction.published_places import named_building
from desktop.redaction.recorded import Recorded, find_known, recorded
from desktop.redaction.spans import Span
from desktop.redaction.variants import name_keys
from desktop.redaction.word_sets import folded_runs, statement_words

# Placeholders written by apply(): never detected again, so applying twice changes nothing.
PLACEHOLDER = re.compile(r"\bPerson [A-Z]{1,3}\b|\[[A-Z][A-Z ]*? \d+\]")

# Which type wins when two suggestions cover exactly the same text.
_PRIORITY = {t: i for i, t in enumerate((
    "NI_NUMBER", "NHS_NUMBER", "HOME_OFFICE_REF", "BRP", "PASSPORT", "DRIVING_LICENCE", "EMAIL", "SOCIAL",
    "POSTCODE", "DATE_OF_BIRTH", "BANK", "CRIME_REF", "OFFICER_NUMBER", "PHONE", "VEHICLE", "ADDRESS", "PERSON",
    "ID", "OTHER",
))}  # fmt: skip


@lru_cache(maxsize=16)
def _allow_phrases(extra: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """Folded first word -> the folded allow-listed phrases starting with it."""
    out: dict[str, list[str]] = {}
    for p in (*lexicon.default_allow_list(), *extra):
        fp = " ".join(fold(p).split())
        if fp:
            out.setdefault(re.split(r"[^\w]", fp, maxsplit=1)[0], []).append(fp)
    return {k: tuple(sorted(set(v), key=len, reverse=True)) for k, v in out.items()}


@lru_cache(maxsize=4096)
def _allow_regex(phrase: str) -> re.Pattern[str]:
    """One folded phrase, its words apart by any spaces; the start boundary is checked by the caller."""
    return re.compile(r"[\s\u00a0]+".join(re.escape(w) for w in phrase.split()) + r"(?![^\W_])")


@lru_cache(maxsize=4096)
def _later_runs(phrase: str) -> frozenset[str]:
    """The runs of letters and digits of a folded phrase's words after its first. Anywhere its
    pattern (``_allow_regex``) matches, each of them is a whole run of the folded text: those words
    stand between spaces, the last before no letter or digit. A phrase the statement lacks one of is
    never searched for (most allow-listed phrases that share a first word with a statement, "the",
    "police", share no more)."""
    return frozenset(r for w in phrase.split()[1:] for r in _WORD.findall(w))


def placeholders(text: str) -> list[tuple[int, int]]:
    """Where ``PLACEHOLDER`` matches ``text``. Every match holds "Person " or "[": a text with neither
    is not searched (the pattern, starting with a boundary and an alternation, is tried at every
    character)."""
    if "Person " not in text and "[" not in text:
        return []
    return [m.span() for m in PLACEHOLDER.finditer(text)]


_WORD = re.compile(r"[^\W_]+")
# Two letters in a row, vowel signs and other marks between them allowed ("कुमार" is a word too).
_MARK = re.compile("[" + MARKS + "]")
_TWO_LETTERS = re.compile(r"[^\W\d_][" + MARKS + r"]*[^\W\d_]")
# The same on text with no character beyond the BMP, and on text with no mark (each equal there, and
# faster: see graphemes.MARK_CHARS).
_TWO_LETTERS_BMP = re.compile(r"[^\W\d_][" + MARKS_BMP + r"]*[^\W\d_]")
_TWO_LETTERS_PLAIN = re.compile(r"[^\W\d_][^\W\d_]")


def _allowed_ranges(text: str, folded: Folded, allow: tuple[str, ...], words: set[str]) -> list[tuple[int, int]]:
    """``words``: the runs of letters and digits of the folded text."""
    by_first = _allow_phrases(allow)
    ff = folded.folded
    present = words & by_first.keys()
    if not present:
        return []
    out = []
    phrases = {p for w in present for p in by_first[w] if _later_runs(p) <= words}
    for m in alternation_matches(ff, [(len(p), _allow_regex(p)) for p in phrases]):
        fs, fe = m.span()
        if fs > 0 and (ff[fs - 1].isalnum() or ff[fs - 1] == "_"):
            continue
        s, e = folded.span(fs, fe)
        # Capitalised phrases only ("Liberty", "Refuge", not "liberty"), except crime types.
        if text[s].isupper() or not text[s].isalpha() or fold(text[s:e]) in lexicon.CRIME_TYPES:
            out.append((s, e))
    return out


def _inside(ranges: list[tuple[int, int]], s: int, e: int) -> bool:
    if not ranges:
        return False  # (most statements have no allow-listed phrase: asked of every hit)
    import bisect

    i = bisect.bisect_right(ranges, (s, float("inf"))) - 1
    while i >= 0 and ranges[i][1] > s - 200:
        rs, re_ = ranges[i]
        if rs <= s and e <= re_:
            return True
        i -= 1
    return False


def _within(ranges: list[tuple[int, int]], s: int, e: int, *, longer: bool) -> bool:
    """``[s, e)`` lies inside one of ``ranges`` (sorted); with ``longer``, inside a strictly longer one."""
    import bisect

    i = bisect.bisect_right(ranges, (s, float("inf"))) - 1
    while i >= 0 and ranges[i][1] > s - 200:
        rs, re_ = ranges[i]
        if rs <= s and e <= re_ and (not longer or re_ - rs > e - s):
            return True
        i -= 1
    return False


_ANY_SPACE = re.compile(r"\s")


def _part_of_fact(text: str, allowed: list[tuple[int, int]], h) -> bool:  # noqa: ANN001 - known.KnownHit
    """A recorded name's hit that is only a piece of a must-keep phrase, so the phrase stays whole.

    * A given name inferred before a recorded surname ("Manchester Police" for a recorded "Amy
      Police", "Home Office" for "Amy Office") inside or equal to a must-keep phrase.
    * A single word of a recorded name, or a one-word name or alias, inside a longer must-keep
      phrase ("Kent" of "John Kent" in "Kent Police", "Home" in "the Home Office").

    Never dropped: a recorded name of two or more words, and a word of one that is a whole
    must-keep phrase on its own ("Police" in "Ms Police" or "Police told me": capitalised and
    standing alone, the recorded word is taken for the name, as "Hope" and "Will" are).
    """
    if h.given:
        return _within(allowed, h.start, h.end, longer=False)
    one_word = not _ANY_SPACE.search(text, h.start, h.end)  # (\s is str.isspace: a test checks every code point)
    if not (h.part or one_word):
        return False
    return _within(allowed, h.start, h.end, longer=True)


def _ends_allowed(ranges: list[tuple[int, int]], s: int, e: int) -> bool:
    """Does an allow-listed phrase end the span ("... Crown Court"), a word at least after its start?"""
    return any(s < rs and re_ == e for rs, re_ in ranges)


def _address_is_facts(text: str, s: int, e: int, allowed: list[tuple[int, int]]) -> bool:
    """An "address" made only of towns, allowed bodies and street words ("Leeds Crown Court") stays."""
    places = lexicon.place_tokens()
    for m in re.finditer(r"[^\W_]+", text[s:e]):
        w = fold(m.group())
        # A street word ("Road") makes it an address even when named after a town ("Stockport Road").
        if w in places or w in lexicon.FUNCTION_WORDS or _inside(allowed, s + m.start(), s + m.end()):
            continue
        return False
    return True


def detect(text: str, known: KnownIdentifiers | None = None, *, allow: Iterable[str] = ()) -> list[Span]:
    """Everything in ``text`` that should be redacted, sorted by position (spans may overlap)."""
    if not text:
        return []
    known = known or KnownIdentifiers()
    folded = Folded(text)
    words = statement_words(text).runs  # (ASCII text: made with the other passes' word sets)
    if words is None:
        words = folded_runs(folded.folded)  # (the same as set(_WORD.findall(folded.folded)))
    allowed = sorted(_allowed_ranges(text, folded, tuple(allow), words))
    holders = placeholders(text)

    def clashes(s: int, e: int) -> bool:  # (asked only where the text holds a placeholder: few do)
        return any(hs < e and s < he for hs, he in holders)

    spans: list[Span] = []
    rec = recorded(known)
    for h in find_known(text, folded, rec, words):
        if holders and clashes(h.start, h.end):
            continue
        if h.type == "PERSON" and _part_of_fact(text, allowed, h):
            continue  # "Police" of a recorded "Amy Police" inside "Greater Manchester Police"
        spans.append(Span(h.start, h.end, h.type, "known", 1.0, h.person, h.recorded))

    for s, e, typ, conf in _patterns_between(text, holders, _lower_runs(text, words)):
        if s >= e or holders and clashes(s, e) or allowed and _inside(allowed, s, e) \
                or starts_in_a_sum(text, s):  # "Rs100,000-Rs150,000"
            continue
        if typ == "ADDRESS" and (
            _address_is_facts(text, s, e, allowed)
            or named_building(text, s, e, _ends_allowed(allowed, s, e))
            or address_is_a_fact(text, s, e)
            or court_not_an_address(text, s, e)  # "The Court held", "Court of Appeals" (court_addresses.py)
            or street_named_institution(text, s, e)  # "Downing Street said" (bodies_by_evidence.py)
        ):  # "on the 16 May 2019", "X Street Chambers"
            continue
        spans.append(Span(s, e, typ, "detector", round(min(conf, 1.0), 2)))

    known_people = sorted((sp.start, sp.end) for sp in spans if sp.source == "known")
    two_letters = _for_marks(text, _TWO_LETTERS, _TWO_LETTERS_BMP, _TWO_LETTERS_PLAIN)
    towns = _post_towns(text, spans)
    bodies: list[tuple[int, int]] = []  # bodies' names the likely-name pass read (body_names.py)
    for s, e, typ, conf in detect_names(text, sorted(allowed + holders) if holders else allowed, bodies):
        if holders and clashes(s, e) or (towns and _inside(towns, s, e)):
            continue
        # A recorded person's name inside a longer run of names is theirs: keep only the rest.
        for ps, pe in _subtract(s, e, known_people):
            ps, pe = _trim(text, ps, pe)
            if pe - ps >= 2 and two_letters.search(text, ps, pe) or conf >= 0.9 and pe > ps:  # "Ms T", "'K'"
                spans.append(Span(ps, pe, typ, "detector", round(conf, 2), fold(text[ps:pe])))

    kept = bodies + towns  # and the town between a street and its postcode: not found again as a name
    spans.extend(_same_names_again(text, folded, spans, holders, sorted(allowed + kept) if kept else allowed))
    spans = _variants_of_known_people(text, spans, rec)
    return _tidy(_on_whole_letters(text, spans))


def _lower_runs(text: str, words: set[str]) -> set[str] | None:
    """The runs of [a-z0-9] of ``text`` lower-cased, which the context words are found from, if
    ``words`` (the runs of letters and digits of the folded text) are they: on ASCII text the folded
    text is the lower-cased one, so they are made once; on other text they are made with the other
    word sets (``statement_words``) where lower-casing keeps every offset. None: not known."""
    return words if text.isascii() else statement_words(text).ascii_runs


def _patterns_between(text: str, holders: list[tuple[int, int]],
                      runs: set[str] | None = None) -> list[tuple[int, int, str, float]]:  # fmt: skip
    """The pattern detectors on each stretch between placeholders. A placeholder stands for text of
    unknown length: a context word beyond one ("999 999 Person B Police") was further away in the
    text it replaced, so it is not counted, and redacting redacted text changes nothing. ``runs``:
    the runs of [a-z0-9] of the whole text lower-cased, if known."""
    if not holders:
        return detect_patterns(text, runs)
    out = []
    last = 0
    for hs, he in [*holders, (len(text), len(text))]:
        if hs > last:
            out.extend((s + last, e + last, typ, conf) for s, e, typ, conf in detect_patterns(text[last:hs]))
        last = he
    return out


_POST_TOWN = re.compile(r",[ \t\u00a0]*((?:[A-Z][\w'’\-]*[ \t\u00a0]+){1,3}?)(?=,?[ \t\u00a0]*$)")


def _post_towns(text: str, spans: list[Span]) -> list[tuple[int, int]]:
    """The town between a street and its postcode ("12 Mill Lane, Harrowfield LS9 2AB") is where
    it happened, a fact to keep: never taken for a name."""
    starts = {sp.start for sp in spans if sp.type == "POSTCODE"}
    out = []
    for sp in spans:
        if sp.type != "ADDRESS":
            continue
        for pc in starts:
            if 0 < pc - sp.end <= 40:
                m = _POST_TOWN.match(text[sp.end : pc])
                if m:
                    out.append((sp.end + m.start(1), sp.end + m.end(1)))
    return sorted(out)


def _variants_of_known_people(text: str, spans: list[Span], rec: Recorded) -> list[Span]:
    """A name that is a spelling of one recorded person's name ("Muhammad" for a recorded
    "Mohammed Khan") is that person: it gets their pseudonym. Each word must match a word of that
    person's recorded name or aliases (``variants.name_key``), and of no one else's."""
    if not rec.names:
        return spans
    out = []
    owners_of = None
    for sp in spans:
        if sp.type == "PERSON" and (sp.source != "known" or sp.person is None):
            owners_of = owners_of or rec.owners()
            owners = owners_of(name_keys(text[sp.start : sp.end]))
            if len(owners) == 1 and sp.person not in owners:
                sp = Span(sp.start, sp.end, sp.type, sp.source, sp.confidence, next(iter(owners)))
        out.append(sp)
    return out


def _on_whole_letters(text: str, spans: list[Span]) -> list[Span]:
    """Each span widened to whole grapheme clusters; on ASCII text without a carriage return every
    code point is a cluster of its own, so the spans are as they are."""
    if text.isascii() and "\r" not in text:
        return spans
    return [_whole_letters(text, sp) for sp in spans]


def _whole_letters(text: str, sp: Span) -> Span:
    """The span widened to whole grapheme clusters (a vowel sign or mark is never left outside)."""
    s, e = snap(text, sp.start, sp.end)
    if (s, e) == (sp.start, sp.end):
        return sp
    return Span(s, e, sp.type, sp.source, sp.confidence, sp.person, sp.recorded)


# A word of a name: letters with their vowel signs and marks, inner apostrophes and hyphens.
_LETTERS = r"[^\W\d_]+(?:[" + MARKS + r"][^\W\d_]*)*"
_NAME_WORD = re.compile(_LETTERS + r"(?:['’\-]" + _LETTERS + r")*")
_NAME_WORD_ASCII = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")  # the same on text with no marks: faster
_LETTERS_BMP = r"[^\W\d_]+(?:[" + MARKS_BMP + r"][^\W\d_]*)*"
_NAME_WORD_BMP = re.compile(_LETTERS_BMP + r"(?:['’\-]" + _LETTERS_BMP + r")*")  # the same with nothing beyond the BMP


def _for_marks(text: str, full: re.Pattern[str], bmp: re.Pattern[str], plain: re.Pattern[str]) -> re.Pattern[str]:
    """Of three patterns equal on ``text`` as far as it goes, the fastest: ``plain`` on text with no
    mark, ``bmp`` on text with no character beyond the BMP, else ``full``."""
    if not has_mark(text):
        return plain
    return full if beyond_bmp(text) else bmp


def _name_words(text: str, spans: list[Span]) -> dict[str, str | None]:
    """The folded words of the names found (with the person of the first span holding each) that
    :func:`_same_names_again` looks for elsewhere."""
    words: dict[str, str | None] = {}
    folds: dict[str, str] = {}  # each word of the names folded once (a name is found many times)
    name_word = _for_marks(text, _NAME_WORD, _NAME_WORD_BMP, _NAME_WORD_ASCII)
    for sp in spans:
        if sp.type != "PERSON" or sp.weak:
            continue
        for m in name_word.finditer(text, sp.start, sp.end):
            g = m.group()
            w = folds.get(g)
            if w is None:
                w = folds[g] = fold(g)
            if w in words:
                continue  # (kept with the first span's person, as setdefault below keeps it)
            if len(w) < 3 or w in lexicon.FUNCTION_WORDS or w in lexicon.TITLES or w in lexicon.NOT_NAMES:
                continue
            if w in lexicon.FULL_MONTHS or w in lexicon.FULL_DAYS:
                continue
            if w in lexicon.place_tokens() and sp.confidence < INTRODUCED:
                continue  # a place's name stays elsewhere, unless the text gave it someone ("call her Sofia")
            if w in lexicon.SCRIPT_STOP_WORDS:
                continue
            words.setdefault(w, sp.person)
    return words


def _same_names_again(
    text: str, folded: Folded, spans: list[Span], holders: list[tuple[int, int]], allowed: list[tuple[int, int]]
) -> list[Span]:
    """A word that is part of a name found once is a name wherever else it is capitalised
    ("My friend Blessing came. Blessing is from Nigeria."), except inside a longer must-keep
    phrase ("Home" of a "Home" found alone stays in "the Home Office")."""
    words = _name_words(text, spans)
    if not words:
        return []
    # A weak guess (a stretch in another script with no cue) does not stop a stronger one here.
    covered = sorted((sp.start, sp.end) for sp in spans if sp.type == "PERSON" and sp.confidence > 0.3)
    out = []
    ff = folded.folded
    marks = has_mark(ff)
    name_word = (_NAME_WORD if beyond_bmp(ff) else _NAME_WORD_BMP) if marks else _NAME_WORD_ASCII  # (_for_marks)
    if not marks:  # (without marks the patterns are one)
        present = _whole_words_in(ff, words)
    else:
        present = {w for w in set(name_word.findall(ff)) if w in words or w[-2:] == "'s" and w[:-2] in words}
        present = {w if w in words else w[:-2] for w in present}
    if not present:
        return []
    if len(present) <= 30:  # a few words: looked for as they are
        # A dash folded to "-" ("Khan—not satisfied") ends a word; a hyphen ("Khan-Smith") does not.
        dashes = (
            {i for i in range(len(ff)) if ff[i] == "-" and text[folded.span(i, i + 1)[0]] in "—–"}
            if "—" in text or "–" in text
            else set()
        )
        found = _occurrences(ff, present, dashes, marks)
    else:
        found = []
        for m in name_word.finditer(ff):
            w = m.group()
            if w in present:
                found.append((m.start(), m.end(), w))
            elif w[-2:] == "'s" and w[:-2] in present:
                found.append((m.start(), m.end() - 2, w[:-2]))
    for start, end, w in found:
        b = start
        if b > 0 and (
            ff[b - 1].isalnum()
            or ff[b - 1] in "_-"
            or (ff[b - 1] in "'’" and b > 1 and ff[b - 2].isalnum())
            or ff[b - 1] in MARK_CHARS
        ):
            continue
        s, e = folded.span(b, end)
        if not (text[s].isupper() or _caseless(text[s])):
            continue  # an ordinary word that happens to be spelt like the name
        if _inside(covered, s, e) or any(hs < e and s < he for hs, he in holders):
            continue
        if _within(allowed, s, e, longer=True):
            continue
        out.append(Span(s, e, "PERSON", "detector", 0.6, words[w]))
    return out


_LETTER = re.compile(r"[^\W\d_]")  # a letter as _NAME_WORD_ASCII takes it


def _whole_words_in(ff: str, words: Iterable[str]) -> set[str]:
    """On ``ff`` with no marks: the ``words`` that ``_NAME_WORD_ASCII.findall(ff)`` holds, alone or
    with "'s" after them (as "Okafor's"), found with ``str.find`` instead of taking every word of the
    statement. An occurrence is one of those words when no letter, and no "-", "'" or "’" with a
    letter beyond it, stands against it on either side: the pattern takes both in, so the word would
    be part of a longer one."""
    letter = _LETTER.match
    n = len(ff)

    def whole(w: str) -> bool:
        i = ff.find(w)
        while i >= 0:
            e = i + len(w)
            if not (i and (letter(ff, i - 1) or ff[i - 1] in "-'’" and i > 1 and letter(ff, i - 2))) and not (
                e < n and (letter(ff, e) or ff[e] in "-'’" and e + 1 < n and letter(ff, e + 1))
            ):
                return True
            i = ff.find(w, i + 1)
        return False

    out = set()
    for w in words:
        if not _NAME_WORD_ASCII.fullmatch(w):
            continue  # never a word of ``ff`` as the pattern takes them
        if whole(w) or w + "'s" not in words and whole(w + "'s"):
            out.add(w)
    return out


def _occurrences(ff: str, words: set[str], dashes: set[int] = frozenset(),
                 marks: bool | None = None) -> list[tuple[int, int, str]]:  # fmt: skip
    """Where any of ``words`` is in ``ff`` with no letter, digit, "_", "-" or mark right after it,
    leftmost first, the longest at one place, none overlapping: what a regex alternation of the
    words, longest first, followed by that look-ahead finds, without compiling one per statement.
    ``marks``: whether ``ff`` holds a mark, if known."""
    if marks is None:
        marks = has_mark(ff)
    n = len(ff)
    longest: dict[int, str] = {}
    for w in words:
        i = ff.find(w)
        while i >= 0:
            e = i + len(w)
            if not (e < n and (ff[e].isalnum() or ff[e] in "_-" and e not in dashes or marks and ff[e] in MARK_CHARS)):
                if len(w) > len(longest.get(i, "")):
                    longest[i] = w
            i = ff.find(w, i + 1)
    out: list[tuple[int, int, str]] = []
    last = 0
    for i in sorted(longest):
        if i >= last:
            w = longest[i]
            out.append((i, i + len(w), w))
            last = i + len(w)
    return out


def _caseless(ch: str) -> bool:
    """A letter of a script without capitals (Arabic, Devanagari, Gurmukhi, Bengali, CJK...)."""
    return ch.isalpha() and ch.lower() == ch.upper() and not ch.isascii()


def _subtract(s: int, e: int, ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    import bisect

    pieces = [(s, e)]
    lo = bisect.bisect_left(ranges, (s - 500, 0))
    hi = bisect.bisect_right(ranges, (e, e))
    for rs, re_ in ranges[lo:hi]:
        if re_ <= s or rs >= e:
            continue
        nxt = []
        for a, b in pieces:
            if re_ <= a or rs >= b:
                nxt.append((a, b))
                continue
            if a < rs:
                nxt.append((a, rs))
            if re_ < b:
                nxt.append((re_, b))
        pieces = nxt
    return pieces


def _letter(ch: str) -> bool:
    """A letter, digit or a mark belonging to one (vowel signs, viramas, harakat, ZWJ/ZWNJ)."""
    return ch.isalnum() or ch in "\u200c\u200d" or unicodedata.category(ch)[0] == "M"


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and not _letter(text[s]):
        s += 1
    while e > s and not _letter(text[e - 1]):
        e -= 1
    if text[e : e + 1] == "." and e - s >= 3 and text[e - 2] == ".":
        e += 1  # "L.C. won", "(L.C.)", "initials L.C.": dotted initials keep their last stop, whatever follows
    elif _LAST_STOP.match(text, e) and e - s >= 3 and _ONE_LETTER_END.search(text, s, e):
        e += 1  # "Ruth K. of Poland": a full stop inside a sentence is the initial's
    elif e - s == 1 and text[s].isupper() and _LETTER_STOP.match(text, e):
        e += 1  # "M. faced", "(M.)", "calling her 'R.'": one letter standing for someone keeps its stop
    return s, e


_LAST_STOP = re.compile(r"\.(?=[ \t\u00a0]+[a-z(\d]|,)")
_LETTER_STOP = re.compile(r"\.(?=[ \t\u00a0]+[a-z(\d]|[,)”\"’'])")
_ONE_LETTER_END = re.compile(r" [A-Z]\Z")  # "Ruth K": a name's last initial


def _rank(sp: Span) -> tuple:
    return (sp.source != "known", -sp.confidence, _PRIORITY.get(sp.type, 99))


def _tidy(spans: list[Span]) -> list[Span]:
    """Drop duplicates and suggestions wholly inside a stronger one; keep partial overlaps."""
    best: dict[tuple[int, int], Span] = {}
    for sp in spans:
        cur = best.get((sp.start, sp.end))
        if cur is None or _rank(sp) < _rank(cur):
            best[(sp.start, sp.end)] = sp
    ordered = sorted(best.values(), key=lambda x: (x.start, -x.end))
    out: list[Span] = []
    reach = -1  # the furthest end of any span kept: one that ends beyond it is inside none of them
    # Containment check against the open containers (sorted by start, longest first).
    for sp in ordered:
        if sp.end > reach:
            out.append(sp)
            reach = sp.end
            continue
        contained = False
        for big in reversed(out[-50:]):
            if (
                big.start <= sp.start
                and sp.end <= big.end
                and (big.source == "known" or (sp.source != "known" and big.confidence >= sp.confidence))
            ):
                contained = True
                break
        if not contained:
            out.append(sp)  # (it ends within reach)
    return sorted(out, key=lambda x: (x.start, x.end))


# Made from the words of interviews: emptied when the vault locks (desktop.core.forgetting).
kept_until_lock(_allow_regex.cache_clear)
kept_until_lock(_later_runs.cache_clear)
