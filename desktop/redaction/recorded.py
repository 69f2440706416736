"""Finding what was recorded (``known``) in a statement, at the same speed whoever else is recorded.

A coordinator's vault holds thousands of people, and a statement may list fifty. Each person's and
each identifier's patterns are made once per session (not per statement, nor per list of people)
and compiled only when a statement may hold them: a pattern promises the word beginnings every
match of it holds (``known._Pat.triggers``), and a statement is searched only for the patterns whose
word beginnings it has. A name part several people share is searched for once.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from operator import itemgetter

from desktop.core.forgetting import kept_until_lock
from desktop.redaction import lexicon, sequence
from desktop.redaction.fold import Folded, fold
from desktop.redaction.graphemes import MARK_CHARS
from desktop.redaction.known import (
    _B1,
    _CJK,
    _GIVEN_BEFORE,
    _KEY_LEN,
    _RUN,
    _WS,
    LRU,
    KnownIdentifiers,
    _identifier_patterns,
    _is_date_word,
    _name_patterns,
    _Pat,
    _split_tok,
    _tokens,
    own_keys,
    person_keys,
)
from desktop.redaction.variants import name_key

# Wording that says the next word is what someone is called, so a recorded name that is also a
# word counts even in lower case ("my friends call me patience", "she is known as gift").
_NAMING_BEFORE = re.compile(
    r"\b(?:calls?|called)\s+(?:me|him|her|them|us|himself|herself)|\b(?:known|goes|go|went)\s+(?:as|by)|"
    r"\bname\s+(?:is|was)|\bnamed|\bnicknamed|\bcalled",
    re.IGNORECASE,
)
_NAMING_BEFORE = re.compile(r"(?:" + _NAMING_BEFORE.pattern + r")\s*[,:]?\s*$", re.IGNORECASE)


@dataclass
class _Person:
    name: str
    aliases: tuple[str, ...]
    tokens: set[str]  # the folded words of the name and aliases
    keys: tuple[str, ...] | None  # known.person_keys
    # The first piece of each word (before a hyphen or apostrophe): every match of every pattern of
    # theirs holds one, so a statement without any is not searched for them (None: no such promise).
    firsts: tuple[str, ...] | None = None
    _pats: list[_Pat] | None = None

    def pats(self) -> list[_Pat]:
        if self._pats is None:
            if _plain(self.name, self.aliases):
                self._pats = _plain_patterns(self.name, tuple(self.name.lower().split()))
            else:
                self._pats = _name_patterns(self.name, list(self.aliases))
        return self._pats


def _plain(name: str, aliases: tuple[str, ...]) -> bool:
    """A name of ASCII letters and spaces, without aliases: most names, whose entry and patterns are
    made the quick way."""
    return not aliases and name.isascii() and name.replace(" ", "").isalpha()


def _person(name: str, aliases: tuple[str, ...]) -> _Person:
    """A person's words, keys and word beginnings, made once per session (``_PEOPLE``)."""
    if _plain(name, aliases):
        # Most names are plain letters and spaces: folded, that is lower case; each word is its own
        # key's source and its own first piece (a test compares this with ``_any_person``).
        words = name.lower().split()
        toks = set(words)
        return _Person(name, aliases, toks, tuple(dict.fromkeys(w[:_KEY_LEN] for w in words)), tuple(toks))
    return _any_person(name, aliases)


def _is_word(tok: str) -> bool:
    return tok in lexicon.english_words() or tok in lexicon.FUNCTION_WORDS or tok in lexicon.MONTHS


@lru_cache(maxsize=65536)
def _plain_word(tok: str) -> tuple[str, bool]:
    """A plain name word's one-word pattern (with the plural "s") and whether it is also a word
    (``known._name_patterns``: a name part that is a word counts only where capitalised)."""
    return tok + ("" if tok.endswith("s") else "s?") + _B1, _is_word(tok)


# What a pattern promises about every match (``known._Pat``): ``triggers``, ``needs``, ``either``.
Kept = Callable[[tuple[str, ...] | None, tuple[str, ...], tuple[str, str] | None], bool]


def _kind(p: _Pat) -> tuple:
    """What decides a pattern's hits in ``find_known`` besides its person: a pattern of the same
    kind as one before it in a statement's list (a word two recorded people share) adds no hit."""
    return (p.source, p.flags, p.type, p.need_capital, p.part, p.surname)


def _plain_patterns(name: str, toks: tuple[str, ...], kept: Kept | None = None,
                    made: set[tuple] | None = None) -> list[_Pat]:  # fmt: skip
    """``known._name_patterns(name, [])`` for a plain name (ASCII letters and spaces; ``toks``: its
    words lower-cased), the same patterns in the same order, made straight from the words: a
    statement with fifty new people makes the patterns of about nine of them, and the general way
    took three to four times as long (a test compares the two).

    ``kept``: given a pattern's promises (triggers, needs, either), may a statement hold a match of
    it? A pattern it turns down is not made (most of a chosen person's are: a statement holds one
    word of their name, rarely all of them); without it every pattern is made. ``made``: the kinds
    (``_kind``) of the patterns already chosen for the statement; a pattern of one of them is not
    made either, and the kinds of those made are added.

    On such a name ``_tokens`` is the words lower-cased, ``_tok_pattern`` and ``_split_tok`` give
    each word as it is, its trigger is its first four letters, and nothing is Chinese, Japanese or
    Korean, so every pattern ends in ``_B1``."""
    person = name.strip()
    n = len(toks)
    seps: list[str] = []

    def joined(i: int, j: int) -> str:  # known._joined_run(toks[i:j])
        if not seps and n >= 2:
            # known._joined: between two words any spacing, hyphen or apostrophe, or none where the
            # two written together make no English word
            english, function_words = lexicon.english_words(), lexicon.FUNCTION_WORDS
            seps.extend(r"[\s\-']+" if a + b in english or a + b in function_words else r"[\s\-']*"
                        for a, b in zip(toks, toks[1:], strict=False))  # fmt: skip
        return toks[i] + "".join(seps[k] + toks[k + 1] for k in range(i, j - 1))

    pats: list[_Pat] = []
    triggers = (toks[0][:_KEY_LEN],) if n == 1 else tuple(dict.fromkeys((toks[0][:_KEY_LEN], toks[-1][:_KEY_LEN],
                                                                          toks[1][:_KEY_LEN])))  # fmt: skip
    needs = tuple(dict.fromkeys(toks[1:]))
    either = (toks[0], toks[0][0]) if n >= 2 else None
    if kept is None or kept(triggers, needs, either):
        alts = [joined(0, n)]
        if n >= 2:
            alts.append(toks[-1] + r"(?:,\s*|[\s\-']+)" + joined(0, n - 1))
            alts.append(toks[0][0] + r"\.?" + _WS + joined(1, n))
        source, is_word = "(?:" + "|".join(alts) + ")" + _B1, n == 1 and _is_word(toks[0])
        if made is None or _new(made, (source, 0, "PERSON", is_word, False, False)):
            pats.append(_Pat(source, "PERSON", person, is_word, False, False, 0, triggers, None, needs, either))
    # (the whole name's key, "|".join(alts), is in the `seen` of known._name_patterns: with two words
    # or more it holds "|", so it is no run's or word's key; with one word it is that word)
    seen = {toks[0]} if n == 1 else set()
    for size in range(n - 1, 1, -1):
        for i in range(n - size + 1):
            run = toks[i : i + size]
            rkey = " ".join(run)
            if rkey in seen:
                continue
            seen.add(rkey)
            needs = tuple(dict.fromkeys(run))
            if kept is None or kept((run[0][:_KEY_LEN],), needs, None):
                source, is_word = joined(i, i + size) + _B1, all(_plain_word(t)[1] for t in run)
                if made is None or _new(made, (source, 0, "PERSON", is_word, True, False)):
                    pats.append(_Pat(source, "PERSON", person, is_word, True, False, 0, (run[0][:_KEY_LEN],), None,
                                     needs))  # fmt: skip
    for tok in toks:
        if len(tok) < 2 or tok in lexicon.PARTICLES or tok in seen:
            continue
        seen.add(tok)
        source, is_word = _plain_word(tok)
        surname = n >= 2 and tok == toks[-1]
        kind = (source, 0, "PERSON", is_word, n > 1, surname)
        if made is not None and kind in made:
            continue  # (a word someone chosen before shares: the same hits, theirs)
        if (kept is None or kept((tok[:_KEY_LEN],), (), None)) and (made is None or _new(made, kind)):
            pats.append(_Pat(source, "PERSON", person, is_word, n > 1, surname, 0, (tok[:_KEY_LEN],)))
    return pats


def _new(made: set[tuple], kind: tuple) -> bool:
    """Is ``kind`` not in ``made``? (then it is added)"""
    if kind in made:
        return False
    made.add(kind)
    return True


def _any_person(name: str, aliases: tuple[str, ...]) -> _Person:
    toks: set[str] = set()
    for v in [name, *aliases]:
        toks.update(_tokens(v))
    pieces = [_split_tok(t) for t in toks]
    firsts = tuple(p[0] for p in pieces) if all(pieces) else None
    return _Person(name, aliases, toks, person_keys(name, list(aliases)), firsts)


# Per person and per identifier, whichever statements they are recorded on.
_PEOPLE = LRU(20_000)
_IDENTIFIERS = LRU(20_000)


@dataclass
class Recorded:
    """The people and identifiers recorded for one statement, ready to be looked for."""

    # In the order recorded: people, then identifiers. A plain name (``_plain``) is its own entry:
    # its words and patterns are made only for a statement that may hold it.
    entries: list[_Person | str | list[_Pat]]
    by_key: dict[str, list[int]]  # word beginning -> the people (other than plain names) it may be part of
    always: list[int]  # entries looked for in every statement
    # Every recorded person's name, stripped, in the order recorded; and the folded words of those
    # who are not plain names (by their place in ``names``): a plain name's words are its own,
    # lower-cased, made when asked for. Nothing else is kept per person, so a statement with fifty
    # new people leaves no fifty sets behind for the garbage collector to walk.
    names: list[str]
    other_tokens: dict[int, set[str]]
    # The plain names' entries, and those names: chosen by their words' beginnings, not by ``by_key``.
    plain: list[int] = field(default_factory=list)
    plain_names: list[str] = field(default_factory=list)
    _key_lengths: dict[int, set[str]] | None = field(default=None, repr=False)
    _last: dict[str, int] | None = field(default=None, repr=False)

    def _where(self) -> dict[str, int]:
        """Each person's name -> its last place in ``names`` (a name recorded twice: the later)."""
        if self._last is None:
            self._last = dict(zip(self.names, range(len(self.names)), strict=True))
        return self._last

    def _tokens_at(self, i: int) -> set[str]:
        got = self.other_tokens.get(i)
        return set(self.names[i].lower().split()) if got is None else got

    def tokens_of(self, person: str) -> set[str]:
        """The folded words of this recorded person's name and aliases (none if not recorded)."""
        i = self._where().get(person)
        return set() if i is None else self._tokens_at(i)

    def owners(self) -> Callable[[list[str]], set[str]]:
        """For one statement: given spelling keys (``variants.name_key``), the recorded people whose
        name or aliases have a word of every one of them. (Made for each statement that asks, not
        kept with the list: a set per word of fifty new people's names, kept, would be walked by
        every collection of the garbage collector that follows.)"""
        other, names = self.other_tokens, self.names
        # The keys of every word of every recorded name, each word once (people share words): a
        # name with a key no one's word has has no owner, and most names asked about are such. Who
        # has which key is made only when a name's every key is someone's.
        keys_held = set(map(name_key, set(" ".join(names).lower().split()).union(*other.values())))
        index: dict[str, set[str]] = {}

        def of(keys: list[str]) -> set[str]:
            if not keys or not keys_held.issuperset(keys):
                return set()
            if not index:
                for person, i in self._where().items():
                    toks = other.get(i)
                    for t in names[i].lower().split() if toks is None else toks:
                        k = name_key(t)
                        got = index.get(k)
                        if got is None:
                            index[k] = {person}
                        else:
                            got.add(person)
            out = set(index.get(keys[0], ()))
            for k in keys[1:]:
                out &= index.get(k, set())
            return out

        return of

    def wanted(self, folded: str, words: Iterable[str]) -> list[_Pat]:
        """The patterns that can match ``folded`` (a folded text; ``words``: its runs of letters and
        digits), in order."""
        words = words if isinstance(words, (set, frozenset)) else set(words)
        begins = _Begins(words)
        chosen = set(self.always)
        # The recorded word beginnings the statement's words begin with: one set intersection per
        # length of beginning (most are four letters), not one look-up per recorded beginning.
        for n, keys in self.key_lengths().items():
            for k in keys & begins.of_len(n):
                chosen.update(self.by_key[k])
        if self.plain:
            four = begins.of_len(_KEY_LEN)
            for i, name in zip(self.plain, self.plain_names, strict=True):
                for w in name.lower().split():
                    if (w[:_KEY_LEN] in four) if len(w) >= _KEY_LEN else (w in begins):
                        chosen.add(i)
                        break
        held: dict[str, bool] = {}  # a piece of text -> is it in ``folded`` (people share their words)

        def holds(piece: str) -> bool:
            got = held.get(piece)
            if got is None:  # (a word of the statement is in it: no search)
                got = held[piece] = piece in words or piece in folded
            return got

        def kept(triggers: tuple[str, ...] | None, needs: tuple[str, ...], either: tuple[str, str] | None) -> bool:
            """May ``folded`` hold a match of a pattern that promises these (``known._Pat``)? (a word
            beginning of ``triggers``, every piece of ``needs``, and ``either``'s piece or word)"""
            if triggers is not None:
                for t in triggers:
                    if t in begins:
                        break
                else:
                    return False
            for n in needs:
                if not holds(n):
                    return False
            return either is None or holds(either[0]) or either[1] in words

        out: list[_Pat] = []
        # A pattern of the same kind (``_kind``) as one before it finds the same places, and each hit
        # there is one ``find_known`` has already made (the first person's): it is left out, and a
        # plain name's is not even made. (Fifty recorded people share many words: on the benchmark's
        # statements with fifty people each, 844 of 1,991 patterns were such.)
        made: set[tuple] = set()

        def adds_nothing(toks: tuple[str, ...]) -> bool:
            """Would every pattern of this plain name of two words or more be turned down by
            ``kept`` or be of a kind in ``made``? So when neither its whole name nor two neighbouring
            words of it can be there, and each of its words it would look for alone is one someone
            chosen before looks for: most people a statement is chosen for by one word they share
            with a person it names. (Whether ``folded`` holds a word is asked only as far as the
            answer needs: a word it lacks costs a search of the whole text.)"""
            n = len(toks)
            if all(holds(toks[j]) for j in range(1, n)) or any(
                holds(toks[j + 1]) and holds(toks[j]) for j in range(n - 1)
            ):
                return False  # (the whole name, or a run of its words, may be there)
            last = toks[-1]
            for tok in dict.fromkeys(toks):
                if len(tok) < 2 or tok in lexicon.PARTICLES or tok[:_KEY_LEN] not in begins:
                    continue
                source, is_word = _plain_word(tok)
                if (source, 0, "PERSON", is_word, True, tok == last) not in made:
                    return False
            return True

        for i in sorted(chosen):
            entry = self.entries[i]
            if isinstance(entry, str):  # a plain name: only the patterns kept are made
                toks = tuple(entry.lower().split())
                # (none: a word beginning of theirs is there, but no word; a whole word first)
                if (any(t in words for t in toks) or any(holds(t) for t in toks)) and not (
                    len(toks) >= 2 and adds_nothing(toks)
                ):
                    out.extend(_plain_patterns(entry, toks, kept, made))
                continue
            if isinstance(entry, _Person) and entry.firsts is not None and not any(holds(f) for f in entry.firsts):
                continue  # (a word beginning of theirs is there, but none of their words)
            for p in entry.pats() if isinstance(entry, _Person) else entry:
                if kept(p.triggers, p.needs, p.either) and _new(made, _kind(p)):
                    out.append(p)
        return out

    def key_lengths(self) -> dict[int, set[str]]:
        """The keys of :attr:`by_key` by their length."""
        if self._key_lengths is None:
            self._key_lengths = {}
            for k in self.by_key:
                self._key_lengths.setdefault(len(k), set()).add(k)
        return self._key_lengths


class _Begins:
    """The beginnings of ``words`` up to ``_KEY_LEN`` letters (``"amin" in _Begins({"amina"})``),
    made only for the lengths asked about: most keys are four letters long."""

    def __init__(self, words: set[str] | frozenset[str]) -> None:
        self._words = words
        self._by_len: dict[int, set[str]] = {}

    def __contains__(self, key: str) -> bool:
        got = self._by_len.get(len(key))  # (made already: one call, not two, for each pattern's test)
        return key in (self.of_len(len(key)) if got is None else got)

    def of_len(self, n: int) -> set[str]:
        """The beginnings ``n`` letters long (none for a length no key has)."""
        if not 1 <= n <= _KEY_LEN:
            return set()
        got = self._by_len.get(n)
        if got is None:
            got = self._by_len[n] = {w[:n] for w in self._words if len(w) >= n}
        return got

    def all(self) -> set[str]:
        return set().union(
            *(self._by_len.get(n) or {w[:n] for w in self._words if len(w) >= n} for n in range(1, _KEY_LEN + 1))
        )


def _build(known: KnownIdentifiers) -> Recorded:
    entries: list[_Person | str | list[_Pat]] = []
    by_key: dict[str, list[int]] = {}
    always: list[int] = []
    names: list[str] = []
    other_tokens: dict[int, set[str]] = {}
    plain: list[int] = []
    plain_names: list[str] = []
    people = known.people
    raw = list(map(itemgetter(0), people))
    glued = "".join(raw)
    # Every name plain (letters and spaces, at least one letter, no aliases): the list as it is, each
    # name's entry itself, in a few passes over the whole list rather than a dozen steps per person.
    if glued.isascii() and glued.replace(" ", "").isalpha() and not any(map(itemgetter(1), people)):
        stripped = list(map(str.strip, raw))
        if all(stripped):
            names, plain, plain_names, entries = stripped, list(range(len(raw))), raw, list(raw)
            people = []
    for name, aliases in people:
        if not aliases and name.isascii() and name.replace(" ", "").isalpha():  # _plain: most names
            # What ``_person`` makes of it, without making it (a statement of fifty new people may
            # hold a word of nine): its name, whose words' beginnings choose it (``Recorded.wanted``).
            names.append(name.strip())
            plain.append(len(entries))
            plain_names.append(name)
            entries.append(name)
            continue
        person = _PEOPLE.get((name, tuple(aliases)), lambda n=name, a=tuple(aliases): _person(n, a))
        other_tokens[len(names)] = person.tokens
        names.append(name.strip())
        if not (name and name.strip()):
            continue
        i = len(entries)
        entries.append(person)
        if person.keys is None:
            always.append(i)
        for k in person.keys or ():
            by_key.setdefault(k, []).append(i)
    for kind, value in known.identifiers:
        if value and value.strip():
            always.append(len(entries))
            make = lambda k=str(kind), v=value: _identifier_patterns(k, v)  # noqa: E731
            entries.append(_IDENTIFIERS.get((str(kind), value), make))
    return Recorded(entries, by_key, always, names, other_tokens, plain, plain_names)


_LISTS = LRU(64)  # per list of people and identifiers (a statement is detected again after each edit)


def recorded(known: KnownIdentifiers) -> Recorded:
    return _LISTS.get(known._key(), lambda: _build(known))


@dataclass
class KnownHit:
    start: int
    end: int
    type: str
    person: str | None
    part: bool
    given: bool = False  # a capitalised word before a recorded surname, taken for a given name
    recorded: str | None = None  # for an identifier: which one ("kind:value")


# A pattern that is one word, perhaps with a plural "s", then the end boundary ("okafors?(?![^\W_])"):
# most of a recorded name's patterns. Found with str.find, so it is never compiled.
_LITERAL = re.compile(r"([^\W_]+)(s\?)?" + re.escape(_B1))


def _literal_matches(ff: str, word: str, plural: bool) -> list[tuple[int, int]]:
    """What ``finditer`` of ``word`` + (``s?`` if ``plural``) + ``_B1`` finds in ``ff``."""
    out = []
    n = len(ff)
    i = ff.find(word)
    while i >= 0:
        e = i + len(word)
        if plural and e < n and ff[e] == "s" and not (e + 1 < n and ff[e + 1].isalnum()):
            end = e + 1
        elif not (e < n and ff[e].isalnum()):
            end = e
        else:
            i = ff.find(word, i + 1)
            continue
        out.append((i, end))
        i = ff.find(word, end)
    return out


def _places(folded: Folded, pat: _Pat) -> list[tuple[int, int]]:
    """Where ``pat`` matches the folded text as whole words, as (start, end) in the original."""
    ff = folded.folded
    marks_end_it = pat.source.endswith(_B1)  # not a CJK pattern (those have no end boundary)
    lit = _LITERAL.fullmatch(pat.source) if not pat.flags else None
    seq = sequence.parse(pat.source) if not (pat.flags or lit) else None
    if lit:
        found = _literal_matches(ff, lit.group(1), bool(lit.group(2)))
    elif seq:
        found = sequence.finditer(ff, seq)
    else:
        found = [m.span() for m in pat.regex.finditer(ff)]
    out = []
    for fs, fe in found:
        if marks_end_it and fe < len(ff) and ff[fe] in MARK_CHARS:
            continue
        if (
            fs > 0
            and (ff[fs - 1] == "_" or ff[fs - 1].isalnum() or ff[fs - 1] in MARK_CHARS)
            and not _CJK.match(ff, fs)
        ):
            continue
        s, e = folded.span(fs, fe)
        if s < e:
            out.append((s, e))
    return out


def _given_before(text: str, s: int) -> tuple[int, str] | None:
    """A capitalised word just before ``s`` that may be a given name: (its start, folded)."""
    g = _GIVEN_BEFORE.search(text, max(0, s - 40), s)
    if not g:
        return None
    given = fold(g.group(1))
    if (
        given in lexicon.TITLES
        or given in lexicon.FUNCTION_WORDS
        or given in lexicon.MONTHS
        or given in lexicon.DAYS
        or given in lexicon.NOT_NAMES
    ):
        return None
    return g.start(1), given


def find_known(text: str, folded: Folded, rec: Recorded, words: Iterable[str] | None = None) -> list[KnownHit]:
    """Every place a recorded name or identifier is in ``text``. ``words``: the runs of letters and
    digits of the folded text (``[^\\W_]+``), if the caller has them already.

    A pattern several people share (two people called Amina) is searched for once; a hit the same
    as an earlier one (place, type and kind) is left out, since the earlier one decides anyway."""
    hits: list[KnownHit] = []
    seen: set[tuple] = set()
    places: dict[tuple[str, int], list[tuple[int, int]]] = {}
    givens: dict[int, tuple[int, str] | None] = {}

    def new(key: tuple) -> bool:
        """Is this hit's (start, end, type, part, given) new? (people share their words: the same
        hit comes from each of them, and the first decides)"""
        if key in seen:
            return False
        seen.add(key)
        return True

    for pat in rec.wanted(folded.folded, set(_RUN.findall(folded.folded)) if words is None else words):
        where = places.get((pat.source, pat.flags))
        if where is None:
            where = places[(pat.source, pat.flags)] = _places(folded, pat)
        for s, e in where:
            if pat.need_capital and not text[s].isupper() and not _NAMING_BEFORE.search(text, max(0, s - 30), s):
                continue  # "hope" is a word; "everyone calls me hope" is the recorded Hope
            if pat.need_capital and _is_date_word(text, s, e):
                continue  # "May" in "in May 2018" is the month, not May Chen
            if new((s, e, pat.type, pat.part, False)):
                hits.append(KnownHit(s, e, pat.type, pat.person, pat.part, recorded=pat.recorded))
            if pat.surname:
                if s not in givens:
                    givens[s] = _given_before(text, s)
                g = givens[s]
                if g and new((g[0], e, "PERSON", False, True)):
                    own = rec.tokens_of(pat.person or "")
                    # The person's own given name, in any spelling; otherwise a relative: someone else.
                    who = pat.person if g[1] in own or name_key(g[1]) in own_keys(own) else None
                    hits.append(KnownHit(g[0], e, "PERSON", who, False, given=True))
    return hits


# Made from the words of interviews: emptied when the vault locks (desktop.core.forgetting).
kept_until_lock(_plain_word.cache_clear)
