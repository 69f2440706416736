"""Known identifiers: the names, aliases and identifiers recorded on the interview, found wherever
they appear in the statement and always redacted.

Names are matched case- and accent-insensitively ("MALGORZATA" for "Małgorzata"), whole or in parts
("Rajinder", "Sandhu", "Mr Sandhu"), in possessives ("Rajinder's"), with an initial ("R. Sandhu"),
surname first ("SANDHU, Rajinder"), across a line break, and in another script when recorded in it.
A part that is also an English word ("Hope", "Rose") is matched alone only when capitalised, so
"I hope" stays; the full name is matched in any case. A known surname marks the capitalised given
name in front of it as a name too ("Priya Sandhu" when "Rajinder Sandhu" is recorded).

Identifiers are matched with any spacing or punctuation between their characters; phone numbers
also with +44/0044/0 prefixes, dates of birth in the usual written forms, addresses also by line
(a town alone stays: it is a fact of the complaint).
"""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from desktop.core.forgetting import kept_until_lock
from desktop.redaction import lexicon
from desktop.redaction.fold import fold
from desktop.redaction.graphemes import MARKS
from desktop.redaction.variants import name_key

# IdentifierKind values -> span types.
KIND_TYPES: dict[str, str] = {
    "address": "ADDRESS",
    "phone": "PHONE",
    "email": "EMAIL",
    "home_office_ref": "HOME_OFFICE_REF",
    "brp": "BRP",
    "passport": "PASSPORT",
    "ni_number": "NI_NUMBER",
    "nhs_number": "NHS_NUMBER",
    "crime_ref": "CRIME_REF",
    "vehicle": "VEHICLE",
    "bank": "BANK",
    "social": "SOCIAL",
    "date_of_birth": "DATE_OF_BIRTH",
    "other": "ID",
}

_WS = r"(?:[\s\u00a0]|-\r?\n)+"
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
_MARK = re.compile("[" + MARKS + "]")
_B0 = r"(?<![^\W_])"  # not after a letter or digit
# Not before a letter or digit. Not before a mark either (a vowel sign goes with its word): that
# part is checked after matching (find_known), because the class of every mark, compiled into each
# recorded name's patterns, made an interview with thousands of people take minutes to export.
_B1 = r"(?![^\W_])"
_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december"]  # fmt: skip


@dataclass
class KnownIdentifiers:
    """What was recorded: people as ``(name, aliases)``, identifiers as ``(kind, value)`` where kind
    is an ``IdentifierKind`` value ("phone", "address", ...)."""

    people: list[tuple[str, list[str]]] = field(default_factory=list)
    identifiers: list[tuple[str, str]] = field(default_factory=list)

    def strings(self) -> list[str]:
        out: list[str] = []
        for name, aliases in self.people:
            out.append(name)
            out.extend(aliases)
        out.extend(v for _, v in self.identifiers)
        return [s for s in out if s and s.strip()]

    def _key(self) -> tuple:
        # The names, then the aliases of those who have some, by their place: no tuple per person (a
        # statement's list of fifty new people, kept as a key, made the garbage collector run more).
        return (tuple(n for n, _ in self.people), tuple((i, tuple(a)) for i, (_, a) in enumerate(self.people) if a),
                tuple((k, v) for k, v in self.identifiers))  # fmt: skip


def known_from_interview(iv) -> KnownIdentifiers:  # noqa: ANN001 - desktop.core.model.Interview
    return KnownIdentifiers(
        people=[(p.name, list(p.aliases)) for p in iv.people if p.name.strip()],
        identifiers=[(str(getattr(i.kind, "value", i.kind)), i.value) for i in iv.identifiers if i.value.strip()],
    )


def _tokens(s: str) -> list[str]:
    return list(_folded_words(s))


_SPACES = re.compile(r"[\s\u00a0]+")


@lru_cache(maxsize=65536)
def _folded_words(s: str) -> tuple[str, ...]:
    """(a person's name is split when their keys are made and again when their patterns are)

    A "word" of only punctuation ("Amina - Okafor", "O ' Brien") is no word of the name: its
    pattern would be empty but for the plural "s" and match every lone "s" in a statement."""
    return tuple(t for t in _SPACES.split(fold(s).strip()) if t and (t.isalnum() or any(c.isalnum() for c in t)))


@lru_cache(maxsize=65536)
def _tok_pattern(tok: str) -> str:
    # Inner hyphens and apostrophes may be written with a space, a hyphen or nothing.
    pieces = [re.escape(p) for p in re.split(r"[-']", tok) if p]
    return r"[-'\s]?".join(pieces)


def _joined(toks: list[str], english: frozenset[str]) -> str:
    """The words of a name however they are spaced or punctuated: "Nguyen Thi Hoa",
    "Nguyen-Thi-Hoa", "NGUYEN  THI HOA", and written together ("Alhassan" for "Al Hassan") unless
    together they make an English word ("willpower" for "Will Power" stays a word)."""
    out = _tok_pattern(toks[0])
    for a, b in zip(toks, toks[1:], strict=False):
        glued = "".join(_split_tok(a) + _split_tok(b))
        out += r"[\s\-']" + ("+" if glued in english or glued in lexicon.FUNCTION_WORDS else "*") + _tok_pattern(b)
    return out


def _bounded(core: str, sample: str) -> str:
    # The start boundary is checked after matching (a look-behind here would slow every search).
    if _CJK.search(sample):
        return core
    return core + _B1


@dataclass
class _Pat:
    """One pattern of a recorded name or identifier, compiled the first time a statement may hold it.

    ``triggers``: word beginnings one of which every match holds at the start of a word of the
    folded statement (the first letters of the name parts it may start with), so a statement
    without any of them is not searched; ``None``: no such promise (identifiers), always tried.
    """

    source: str
    type: str
    person: str | None
    need_capital: bool = False  # the match must start with a capital letter in the original
    part: bool = False  # a single part of a name (not protected from the allow-list)
    surname: bool = False  # the last part of a recorded name
    flags: int = 0
    triggers: tuple[str, ...] | None = None
    recorded: str | None = None  # for an identifier: which one ("kind:value"), see Span.recorded
    needs: tuple[str, ...] = ()  # pieces of text every match holds (a statement without one is not searched)
    # (piece, word): every match holds the piece, or the whole word (a given name's initial) is one of
    # the statement's runs of letters and digits
    either: tuple[str, str] | None = None
    _regex: re.Pattern[str] | None = field(default=None, repr=False)

    @property
    def regex(self) -> re.Pattern[str]:
        if self._regex is None:
            self._regex = _COMPILED.get((self.source, self.flags), lambda: re.compile(self.source, self.flags))
        return self._regex


_KEY_LEN = 4  # letters of a word beginning that select a name's patterns
_RUN = re.compile(r"[^\W_]+")  # the words of a folded statement, as far as these keys go


def _pieces(toks: list[str]) -> tuple[str, ...]:
    """The letters every match of these words holds however they are joined: their pieces
    between hyphens and apostrophes (``_tok_pattern``)."""
    return tuple(dict.fromkeys(p for t in toks for p in _split_tok(t)))


def _given_or_initial(toks: list[str]) -> tuple[str, str] | None:
    """A whole name matches with its first word ("Rajinder Sandhu", "Sandhu, Rajinder") or with
    that word's initial as a word of its own ("R. Sandhu")."""
    pieces = _split_tok(toks[0])
    if len(toks) < 2 or not pieces or not _RUN.fullmatch(toks[0][0]) or _CJK.match(toks[0]):
        return None  # (in Chinese, Japanese or Korean a match may begin inside a run of letters)
    return pieces[0], toks[0][0]


@lru_cache(maxsize=65536)
def _split_tok(tok: str) -> tuple[str, ...]:
    return tuple(p for p in re.split(r"[-']", tok) if p)


@lru_cache(maxsize=65536)
def _trigger(tok: str) -> str | None:
    """The beginning of the word a match of ``_tok_pattern(tok)`` starts (the match is checked to
    start a word, see ``recorded.find_known``), or None if it may begin inside one (Chinese,
    Japanese, Korean) or with a sign."""
    pieces = [p for p in re.split(r"[-']", tok) if p]
    if not pieces or _CJK.match(pieces[0]):
        return None
    m = _RUN.match(pieces[0])
    return m.group()[:_KEY_LEN] if m else None


def _triggers(toks: list[str]) -> tuple[str, ...] | None:
    """``toks``: the words a match of a pattern may start with, each at the start of a word (or just
    after a space, for an initial's name). Every match starts a word with one of the returned word
    beginnings; None: no such promise (the pattern is always tried)."""
    keys = [_trigger(t) for t in toks]
    return None if None in keys else tuple(dict.fromkeys(keys))


def person_keys(name: str, aliases: list[str]) -> tuple[str, ...] | None:
    """The word beginnings a statement needs for any pattern of this person to match (one of
    them); None if a pattern of theirs can match without one."""
    keys: list[str] = []
    for v in [name, *aliases]:
        for tok in _tokens(v):
            k = _trigger(tok)
            if k is None:
                return None
            keys.append(k)
    return tuple(dict.fromkeys(keys))


class LRU:
    """A bounded cache: a coordinator's vault holds thousands of people, each made once."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.data: OrderedDict = OrderedDict()
        kept_until_lock(self.data.clear)

    def get(self, key, make):  # noqa: ANN001, ANN201 - any hashable key, any value
        value = self.data.get(key, _MISSING)
        if value is not _MISSING:
            self.data.move_to_end(key)
            return value
        # (most people are new to a batch: no exception raised and caught for each of them)
        value = self.data[key] = make()
        if len(self.data) > self.size:
            self.data.popitem(last=False)
        return value


_MISSING = object()


_COMPILED = LRU(50_000)  # one regex for a name part several people share


# A recorded name's words are mostly shared with other people's ("Amina", "Okafor", "Amina Okafor"):
# the pattern pieces of a run of words are made once per run, not once per person (each a pure
# function of the words; emptied when the vault locks, like the other stores made from names).
@lru_cache(maxsize=65536)
def _joined_run(toks: tuple[str, ...]) -> str:
    return _joined(list(toks), lexicon.english_words())


@lru_cache(maxsize=65536)
def _triggers_of(toks: tuple[str, ...]) -> tuple[str, ...] | None:
    return _triggers(list(toks))


@lru_cache(maxsize=65536)
def _pieces_of(toks: tuple[str, ...]) -> tuple[str, ...]:
    return _pieces(list(toks))


def _name_patterns(name: str, aliases: list[str]) -> list[_Pat]:
    english = lexicon.english_words()
    pats: list[_Pat] = []
    person = name.strip()
    seen: set[str] = set()
    full_tokens = _tokens(name)
    for variant in [name, *aliases]:
        toks = _tokens(variant)
        if not toks:
            continue
        tt = tuple(toks)
        alts = [_joined_run(tt)]
        if len(toks) >= 2:
            alts.append(_tok_pattern(toks[-1]) + r"(?:,\s*|[\s\-']+)" + _joined_run(tt[:-1]))
            # An initial for the given name(s): "R. Sandhu", "R Sandhu".
            alts.append(re.escape(toks[0][0]) + r"\.?" + _WS + _joined_run(tt[1:]))
        key = "|".join(alts)
        if key not in seen:
            seen.add(key)
            # A one-word name that is also an English word ("Hope") counts only where capitalised.
            one_word = len(toks) == 1 and (
                toks[0] in english or toks[0] in lexicon.FUNCTION_WORDS or toks[0] in lexicon.MONTHS
            )
            pats.append(_Pat(_bounded("(?:" + key + ")", variant), "PERSON", person, need_capital=one_word,
                             triggers=_triggers_of((toks[0], toks[-1], *toks[1:2])),  # what each alternative starts
                             needs=_pieces_of(tt[1:]), either=_given_or_initial(toks)))
        # Two or more neighbouring words of a longer name ("Jean-Paul" of "Jean Paul Mbeki",
        # "Al-Hassan" of "Abu-Bakr Al Hassan"): one name, not two, however they are joined.
        for size in range(len(toks) - 1, 1, -1):
            for i in range(len(toks) - size + 1):
                run = tt[i : i + size]
                key = " ".join(run)
                if key in seen:
                    continue
                seen.add(key)
                words = all(t in english or t in lexicon.FUNCTION_WORDS or t in lexicon.MONTHS for t in run)
                pats.append(_Pat(_bounded(_joined_run(run), variant), "PERSON", person, need_capital=words,
                                 part=True, triggers=_triggers_of(run[:1]), needs=_pieces_of(run)))
        for tok in toks:
            if len(tok) < 2 or tok in lexicon.PARTICLES:
                continue
            if tok in seen:
                continue
            seen.add(tok)
            is_word = tok in english or tok in lexicon.FUNCTION_WORDS or tok in lexicon.MONTHS
            surname = len(full_tokens) >= 2 and tok == full_tokens[-1]
            plural = "" if tok.endswith("s") or _CJK.search(tok) else "s?"
            pats.append(
                _Pat(
                    _bounded(_tok_pattern(tok) + plural, tok),
                    "PERSON",
                    person,
                    need_capital=is_word,
                    part=len(toks) > 1,
                    surname=surname,
                    triggers=_triggers_of((tok,)),
                )
            )
    return pats


def _sep_pattern(chars: str) -> str:
    return r"[\s\-./()]*".join(re.escape(c) for c in chars)


def _phone_pattern(value: str) -> str:
    digits = re.sub(r"\D", "", value)
    v = value.strip()
    nsn = None
    if v.startswith("+44") or v.startswith("0044"):
        nsn = digits[2:] if v.startswith("+") else digits[4:]
        if nsn.startswith("0"):
            nsn = nsn[1:]
    elif v.startswith("0") and not v.startswith("00"):
        nsn = digits[1:]
    if nsn:
        # With +44, 0044, 0 or (a number of nine digits or more) nothing in front: "7700 900457".
        front = r"(?:(?:\+|00)\s?44[\s\-.]*(?:\(0\)[\s\-.]*)?|0)[\s\-.()]*"
        return (f"(?:{front})?" if len(nsn) >= 9 else front) + _sep_pattern(nsn)
    if v.startswith("+") or v.startswith("00"):
        d = digits[2:] if v.startswith("00") else digits
        return r"(?:\+|00)?\s?" + _sep_pattern(d)
    return _sep_pattern(digits)


def _parse_date(value: str) -> date | None:
    v = value.strip()
    for pattern, order in ((r"(\d{4})-(\d{1,2})-(\d{1,2})", "ymd"), (r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})", "dmy")):
        m = re.fullmatch(pattern, v)
        if m:
            a, b, c = (int(x) for x in m.groups())
            try:
                return date(a, b, c) if order == "ymd" else date(c, b, a)
            except ValueError:
                return None
    m = re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)\.?,?\s+(\d{4})", v)
    if m:
        for i, name in enumerate(_MONTHS, 1):
            if name.startswith(m.group(2).lower()[:3]):
                try:
                    return date(int(m.group(3)), i, int(m.group(1)))
                except ValueError:
                    return None
    return None


def _dob_pattern(value: str) -> str:
    d = _parse_date(value)
    if d is None:
        return _sep_pattern(re.sub(r"\s+", "", fold(value)))
    day = rf"0?{d.day}"
    mon = rf"0?{d.month}"
    yy = rf"(?:{d.year}|{d.year % 100:02d})"
    name = _MONTHS[d.month - 1]
    mname = rf"(?:{name}|{name[:3]}\.?)"
    ord_ = r"(?:st|nd|rd|th)?"
    return (
        rf"(?:{day}[/.\-]{mon}[/.\-]{yy}|{d.year}-{mon}-{day}|{day}{ord_}(?:\s+of)?[\s\-]+{mname},?[\s\-]+'?{yy}"
        rf"|{mname}\s+{day}{ord_},?\s+'?{yy})"
    )


def _address_patterns(value: str) -> list[tuple[str, str]]:
    """Each line of a recorded address, the street also without its number (ADDRESS), and the
    postcode (POSTCODE); a town on its own (the last line, or the words before the postcode) stays:
    it is a fact of the complaint. So "12 Havelock Road, Southall UB2 4NZ" reads
    "[ADDRESS 1], Southall [POSTCODE 1]": one address, its town, its postcode."""
    places = lexicon.folded_places()
    parts = [p.strip() for p in re.split(r"[,\n;]+", value) if p.strip()]
    out: list[tuple[str, str]] = []
    for idx, p in enumerate(parts):
        fp = fold(p)
        pc = re.search(r"\b([a-z]{1,2}\d[a-z\d]?)\s*(\d[a-z]{2})\b", fp)
        if pc:
            out.append((re.escape(pc.group(1)) + r"\s*" + re.escape(pc.group(2)), "POSTCODE"))
            fp = (fp[: pc.start()] + " " + fp[pc.end() :]).strip()
        if not fp or len(re.sub(r"\W", "", fp)) < 3:
            continue
        if fp in places and (idx == len(parts) - 1 or pc is not None):
            continue  # the town
        toks = _tokens(fp)
        out.append((_WS.join(_tok_pattern(t) for t in toks), "ADDRESS"))
        if toks and re.fullmatch(r"\d+[a-z]?", toks[0]) and len(toks) >= 2:
            out.append((_WS.join(_tok_pattern(t) for t in toks[1:]), "ADDRESS"))  # the street without the number
    return out


# Between the characters of a recorded reference or number: any spacing or punctuation people put
# there ("CAD 4411/07JUN21", "CAD: 4411 / 07 JUN 21", "cad-4411-07jun21").
_ANY_SEP = r"[\s\-./()\\:#,_'\u2010-\u2015]*"


def _loose(chars: str) -> str:
    return _ANY_SEP.join(re.escape(c) for c in chars)


def _identifier_patterns(kind: str, value: str) -> list[_Pat]:
    typ = KIND_TYPES.get(kind, "ID")
    fv = fold(value).strip()
    cores: list[tuple[str, str]] = []
    if kind == "phone":
        cores.append((_phone_pattern(value), typ))
    elif kind == "email":
        cores.append((re.escape(fv), typ))
    elif kind == "social":
        cores.append((r"@?" + re.escape(fv.lstrip("@")), typ))
    elif kind == "address":
        cores.extend(_address_patterns(value))
    elif kind == "date_of_birth":
        cores.append((_dob_pattern(value), typ))
    else:
        alnum = re.sub(r"[^\w]", "", fv)
        if alnum:
            cores.append((_sep_pattern(alnum), typ))
        # A value recorded in several parts ("20-45-77 41234987", "CAD 4411/07JUN21"): each long
        # part alone too, and with the parts next to it when they are there, however they are
        # spaced or punctuated: a prefix is part of the reference ("CAD: 4411/07JUN21").
        chunks = [re.sub(r"[^\w]", "", c) for c in re.split(r"[\s,;]+", fv)]
        chunks = [c for c in chunks if c]
        if len(chunks) > 1:
            for i, c in enumerate(chunks):
                if len(c) >= 5 and re.search(r"\d", c):
                    before = "".join(f"(?:{_loose(b)}{_ANY_SEP})?" for b in chunks[:i])
                    after = "".join(f"(?:{_ANY_SEP}{_loose(a)})?" for a in chunks[i + 1 :])
                    cores.append((before + _sep_pattern(c) + after, typ))
    pats = []
    recorded = f"{kind}:{value.strip()}"
    for core, t in cores:
        if len(re.sub(r"\W", "", core)) < 3:
            continue
        pats.append(_Pat(_bounded("(?:" + core + ")", value), t, None, flags=re.IGNORECASE, recorded=recorded))
    return pats


_GIVEN_BEFORE = re.compile(r"(?<![\w'’\-])([A-Z][^\W\d_]+(?:-[A-Z][^\W\d_]+)?)[ \t\u00a0]+$")


_DATE_AFTER = re.compile(r"[ \t\u00a0]+(?:\d|of\b)")
_DATE_BEFORE = re.compile(r"(?:\d(?:st|nd|rd|th)?|\bin|\bof|\bsince|\buntil|\blast|\bnext|\bevery)[ \t\u00a0]+$", re.I)


def _is_date_word(text: str, s: int, e: int) -> bool:
    w = fold(text[s:e])
    if w not in lexicon.FULL_MONTHS and w not in lexicon.FULL_DAYS:
        return False
    return bool(_DATE_AFTER.match(text, e) or _DATE_BEFORE.search(text[max(0, s - 12) : s]))


def own_keys(tokens: set[str]) -> set[str]:
    """The spelling-variant keys of a person's recorded name words (see ``variants``)."""
    return {name_key(t) for t in tokens}


def recorded_parts(known: KnownIdentifiers) -> Iterable[str]:
    """Every recorded string and its parts of at least three characters: the words of names and
    aliases; the lines of an address (not the town, which stays, and not single words such as
    "Lane"), its street without the number, and its postcode; the digits of a phone number; the
    groups of other identifiers."""
    for name, aliases in known.people:
        for v in [name, *aliases]:
            if v.strip():
                yield v.strip()
            for part in re.split(r"[\s,;/]+", v):
                part = part.strip(" .,'’()")
                if len(part) >= 3:
                    yield part
    places = lexicon.folded_places()
    for kind, value in known.identifiers:
        v = value.strip()
        if not v:
            continue
        yield v
        if kind == "address":
            lines = [x.strip() for x in re.split(r"[,\n;]+", v) if x.strip()]
            for line in lines:
                pc = re.search(r"\b[A-Za-z]{1,2}\d[A-Za-z\d]?\s*\d[A-Za-z]{2}\b", line)
                if pc:
                    yield pc.group()
                    line = (line[: pc.start()] + line[pc.end() :]).strip()
                if len(line) < 3 or fold(line) in places:
                    continue
                yield line
                street = re.sub(r"^\d+[A-Za-z]?\s+", "", line)
                if street != line and len(street) >= 3 and " " in street:
                    yield street
        elif kind == "phone":
            digits = re.sub(r"\D", "", v)
            if len(digits) >= 3:
                yield digits
            yield from (g for g in re.split(r"[\s\-.()]+", v) if len(g) >= 5)
        elif kind in ("email", "social"):
            yield v.lstrip("@")
        else:
            for part in re.split(r"[\s,;]+", v):
                if len(part) >= 3 and part != v:
                    yield part


# Made from the words of interviews: emptied when the vault locks (desktop.core.forgetting).
kept_until_lock(_folded_words.cache_clear)
kept_until_lock(_tok_pattern.cache_clear)
kept_until_lock(_split_tok.cache_clear)
kept_until_lock(_trigger.cache_clear)
kept_until_lock(_joined_run.cache_clear)
kept_until_lock(_triggers_of.cache_clear)
kept_until_lock(_pieces_of.cache_clear)
