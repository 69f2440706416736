"""Someone the likely-name detector's word rules let through, found from the wording around them:

* several officers after a plural rank ("PCs Dale and Okoro", "two DCs, Hurst and Lowe"): each
  capitalised word of the list after it is a name, as it would be after "PC";
* a given name that is also an English word, written in lower case after a relation or a naming
  cue ("my cousin faith", "a lady called joy"), unless the word reads as a verb there ("my husband
  drew a knife");
* a given name that is also an English word or a place, written all in capitals ("ROSE told me",
  "WHEN CHELSEA CAME HOME"), where the wording makes it someone, as ``given_names`` decides for
  the same word capitalised;
* a given name that the wording "went to X" or "back to X" took for a place, where what follows
  makes it someone ("went to Imran for help", "ran to Dot, who ..."); a town that is also a given
  name only by an act on the speaker ("back to Beverley and she hid me"), and any other town or
  country stays a place ("back to Coventry and she ...", "went to Georgia for help");
* a word followed by "and his brother", "and her husband" ("worked for Nicu and his brother").

Each function marks the detector's words (``names._Tok``) in place, as the rules of ``context`` do,
or returns hits of its own.
"""

from __future__ import annotations

import re
from functools import lru_cache

from desktop.core.forgetting import kept_until_lock
from desktop.redaction import lexicon
from desktop.redaction.context import JOIN, _two_words_before
from desktop.redaction.given_names import (
    _ACT_AFTER,
    _BELONGING_AFTER,
    _GOES_AFTER,
    _RELATION_AFTER,
    _SPEECH_AFTER,
    _SPEECH_TO_A_PERSON,
    contraction,
    given_names,
)
from desktop.redaction.name_lists import surname_words
from desktop.redaction.scanning import ic_lower
from desktop.redaction.word_sets import statement_words
from desktop.redaction.words import cue_in

Hit = tuple[int, int, str, float]

# --- Several officers after a plural rank ---------------------------------------------------------

# Family titles ("sisters", "aunties") are relations, read by the cue rules; these are ranks and offices.
_FAMILY = frozenset("aunt auntie aunty brother sister uncle dad mum mama papa mamma father baba".split())
# Between two names of the list: a comma, "and", "&" (and a comma before the first: "two PCs, Dale ...").
_LIST_GAP = re.compile(r"[ \t\u00a0]*,[ \t\u00a0]*(?:(?:and|&)[ \t\u00a0]+)?|[ \t\u00a0]+(?:and|&)[ \t\u00a0]+",
                       re.IGNORECASE)


def _plural_rank(fw: str, word: str) -> bool:
    if not fw.endswith("s") or len(fw) < 3:
        return False
    one = fw[:-1]
    if one in lexicon.CAPS_TITLES:  # "PCs", "DCs", "PCSOs", "DSs": the rank in capitals, a small "s"
        return word[:-1].isupper() and word[-1] == "s"
    return one in lexicon.TITLES and one not in _FAMILY and not word.isupper()


_OF_A_NAME = re.compile(r"[ \t\u00a0]+of[ \t\u00a0]+(?:the[ \t\u00a0]+)?[A-Z]")


def names_after_plural_ranks(toks: list, text: str) -> None:
    """The capitalised words listed after a plural rank ("PCs Dale and Okoro") are names."""
    n = len(toks)
    for i, t in enumerate(toks):
        if t.score < 0 or not _plural_rank(t.fw, t.word):
            continue
        t.score, t.edge_ok = 0.0, False  # the rank is not part of the first name
        k = i + 1
        first = True
        while k < n:
            u = toks[k]
            gap = text[toks[k - 1].end : u.start]
            if not (JOIN.match(gap) or (first and gap.strip() == ",") or not first and _LIST_GAP.fullmatch(gap)):
                break
            if u.score < 0 or u.fw in lexicon.FUNCTION_WORDS or u.fw in lexicon.TITLES or u.fw in lexicon.NOT_NAMES:
                break
            if _OF_A_NAME.match(text, u.end) and u.fw in lexicon.english_words() and u.fw not in surname_words():
                break  # "Attorneys, Department of Labor": a body's head word, no officer's name
            u.score, u.edge_ok, u.place = max(u.score, 0.9), True, False  # (a town's name too, as after "PC")
            first = False
            k += 1


# --- Lower-case given names after a cue -----------------------------------------------------------

# After these, the word is a verb or a modal, not a name ("my husband drew a knife", "my friend rose up").
_VERB_AFTER = re.compile(
    r"[ \t\u00a0]+(?:the|a|an|me|him|her|us|them|it|my|his|our|their|your|up|down|out|off|to|that|this|into|"
    r"onto|over|back|away|at|early|late|again|quickly|slowly|suddenly)\b", re.IGNORECASE)  # fmt: skip


@lru_cache(maxsize=1)
def _cue_last_words() -> frozenset[str]:
    return frozenset({c.split()[-1].lower() for c in lexicon.NAME_CUES} | set(lexicon.RELATIONS)
                     | {"called", "named"}) - {"is", "was"}  # fmt: skip


def _after_cue(cues: frozenset[str], text: str) -> list[tuple[int, int, int, int]]:
    """Where ``finditer`` of ``_AFTER_CUE``'s alternation of the statement's cue words (longest,
    escaped, first) finds a cue word and the lower-case word after it: ``(start, end, word start, word
    end)``. Without compiling that alternation for each set of cue words (most statements, 1-2 ms
    each): a cue word's own head is compiled once, the rest once for all, and the alternation's rule
    is kept (leftmost first; at one place the first cue in its order that matches there; no overlap).
    A head's end is fixed (its "'s" is taken exactly when one follows), so the rest matches there or
    the alternative fails at that place."""
    best: dict[int, tuple[int, tuple[int, int, int, int]]] = {}
    # Where a head can match, a cue word is in the text as ``ic_lower`` writes it (every character
    # that matches an ASCII letter case-insensitively written as that letter, offset for offset, each
    # character's \s and \w kept): so the head and the rest match the text case-insensitively exactly
    # where ``_cue_after`` matches ``low``, which starts with the cue word (``re`` skips ahead to it in
    # C; a head that starts with "\b" would be tried at every character). One search per place.
    low = ic_lower(text)
    for cue in cues:
        rank, rx = len(re.escape(cue)), _cue_after(cue)
        m = rx.search(low)
        while m:
            i = m.start()
            if i not in best or rank > best[i][0]:
                best[i] = (rank, (i, m.end(), m.start(1), m.end(1)))
            m = rx.search(low, i + 1)
    out: list[tuple[int, int, int, int]] = []
    last = 0
    for s in sorted(best):
        if s >= last:
            out.append(best[s][1])
            last = best[s][1][1]
    return out


@lru_cache(maxsize=1024)
def _cue_after(cue: str) -> re.Pattern[str]:
    """On ``ic_lower(text)``: the cue word (no word character before it, looked for behind it), its
    head's end and the rest, as ``r"\\b(?:CUE)" + _AFTER_CUE_HEAD_END + _AFTER_CUE_REST`` matches the
    text case-insensitively."""
    c = re.escape(cue)
    return re.compile(c + r"(?<!\w" + c + r")" + _AFTER_CUE_HEAD_END + _AFTER_CUE_REST.pattern)


# The statement's cue words, then a lower-case word (group 1), as the cue rule of ``names`` reads it:
# r"\b(?:CUE|CUE...)" + _AFTER_CUE_HEAD_END + _AFTER_CUE_REST.pattern, case-insensitive.
_AFTER_CUE_HEAD_END = r"(?:['’]s)?(?=[\s,:])"
_AFTER_CUE_REST = re.compile(
    r"\s*,?\s*"
    r"(?:(?:who\s+is\s+)?(?:called|named)\s+|(?:whose\s+)?name\s+(?:is|was)\s+|(?:is|was)\s+)?"
    r":?\s*"
    r"([a-z]+(?:-[a-z]+)?)(?![\w@'’\-]|\.\w)", re.IGNORECASE)  # fmt: skip


_LOWER_WORD = re.compile(r"[a-z]+(?:-[a-z]+)?")


@lru_cache(maxsize=1)
def _lower_word_names() -> frozenset[str]:
    """Given names that are English words and no relation, title or month ("faith", "joy", "penny")."""
    english = lexicon.english_words()
    return frozenset(n for n in given_names() & english if n not in lexicon.RELATIONS and n not in lexicon.TITLES
                     and n not in lexicon.NOT_NAMES and n not in lexicon.FULL_MONTHS
                     and n not in lexicon.FULL_DAYS and n not in lexicon.FUNCTION_WORDS)  # fmt: skip


def lower_case_word_names(text: str, before) -> list[Hit]:  # noqa: ANN001 - words.WordsBefore
    """A given name that is an English word, in lower case, straight after a relation or naming cue."""
    low_names = _lower_word_names()
    low = text.lower()
    words = statement_words(text).lower_words if len(low) == len(text) else frozenset()
    cues = frozenset(words & _cue_last_words()) if words & low_names else frozenset()
    if not cues:
        return []
    hits: list[Hit] = []
    for _, _, ws, we in _after_cue(cues, text):
        w = text[ws:we]
        if not w.islower() or w not in low_names or contraction(w):
            continue
        if _VERB_AFTER.match(text, we):
            continue
        w_before = before(ws)
        if w_before[-1:] in (["is"], ["was"]) and w_before[-2:-1] != ["name"]:
            continue  # "my boss is rich", "my sister was tiny": a word describing them ("name is joy" counts)
        if cue_in(w_before):
            hits.append((ws, we, "PERSON", 0.6))
    return hits


# --- Given names in capitals ----------------------------------------------------------------------

_PLACE_WORDS = frozenset("in at from near to into via outside across around between towards through of".split())
_DETERMINERS = frozenset("the a an this these those my your his her our their its every each no any some".split())


def _caps_candidate(t, names: frozenset[str]) -> bool:  # noqa: ANN001 - names._Tok
    return (
        t.score == 0 and not t.title and len(t.word) >= 3 and t.word.isupper() and t.fw in names
        and t.fw not in lexicon.NOT_NAMES and t.fw not in lexicon.FULL_MONTHS and t.fw not in lexicon.FULL_DAYS
        and t.fw not in lexicon.TITLES and t.fw not in lexicon.RELATIONS and t.fw not in lexicon.FUNCTION_WORDS
    )  # fmt: skip


def given_names_in_capitals(toks: list, text: str, before) -> None:  # noqa: ANN001 - words.WordsBefore
    """A given name written in capitals ("ROSE", "SHIRLEY") where the wording makes it someone: a
    person's act or speech after it, a relation or naming cue before it, a possessive before a
    relation or a belonging, or a list with another name found so."""
    names = given_names()
    places = lexicon.place_tokens()
    found: list[int] = []
    for i, t in enumerate(toks):
        if not _caps_candidate(t, names):
            continue
        words = _two_words_before(text, t.start)
        if words and words[-1] in _DETERMINERS:
            continue
        place = t.fw in places or t.place
        if words and words[-1] in _PLACE_WORDS and place:
            continue
        end = t.end
        if (cue_in(before(t.start)) or _RELATION_AFTER.match(text, end) or _BELONGING_AFTER.match(text, end)
                or _ACT_AFTER.match(text, end) or _SPEECH_TO_A_PERSON.match(text, end)
                or not place and (_SPEECH_AFTER.match(text, end) or _GOES_AFTER.match(text, end))):
            t.score, t.edge_ok, t.place = 0.5, True, False
            found.append(i)
    # Another capitalised given name listed with one ("GRACE AND PENNY CAME").
    found += [i for i, t in enumerate(toks) if t.score >= 0.4 and t.word.isupper() and len(t.word) > 2]
    for i in found:
        for k in (i - 2, i - 1, i + 1, i + 2):  # ("AND" is a capitalised word of its own)
            if 0 <= k < len(toks) and _caps_candidate(toks[k], names) and not toks[k].place:
                a, b = (toks[k], toks[i]) if k < i else (toks[i], toks[k])
                if _LIST_GAP.fullmatch(text, a.end, b.start):
                    toks[k].score, toks[k].edge_ok = 0.5, True


# --- "went to X", "back to X": someone, by what follows -------------------------------------------

_TO_VERBS = frozenset("went go goes going came come comes back ran run running returned walked drove".split())
_SP = r"[ \t\u00a0]+"
# What follows someone gone to, strong enough even for a town that is also a given name: their act
# on the speaker ("X and she hid me", "X and he gave us ..."), the speaker's on them ("X and told
# her"), "X, who ...". "We went back to Preston and he got a job there" stays a place.
_SOMEONE_AFTER = re.compile(
    r",?" + _SP + r"and" + _SP + r"(?:she|he)" + _SP + r"(?:[a-z]+" + _SP + r"){1,2}(?:me|us)\b"
    r"|,?" + _SP + r"and" + _SP + r"(?:told|asked|begged|showed|gave|paid|thanked)" + _SP + r"(?:her|him)\b"
    r"|[ \t\u00a0]*,[ \t\u00a0]*who\b")  # fmt: skip
# Weaker: enough for a word no gazetteer holds ("went to Imran for help", "back to Lorna and she").
_SOMEONE_AFTER_WEAK = re.compile(
    r"['’]s\b|,?" + _SP + r"and" + _SP + r"(?:she|he|they|told|asked|said|begged|explained|cried|showed)\b"
    r"|" + _SP + r"(?:for|with)" + _SP + r"(?:help|advice|money|support|protection|a" + _SP + r"loan|"
    r"somewhere" + _SP + r"to" + _SP + r"stay)\b|" + _SP + r"(?:told|said|asked|helped|gave|lent|took)\b")  # fmt: skip


def people_gone_to(toks: list, text: str) -> None:
    """Undo "went to X" as a place where X is someone: a word no gazetteer holds, or a given name
    that is also a town, when what follows is a person's ("and she hid me", ", who", "for help")."""
    names = given_names()
    places = lexicon.place_tokens()
    n = len(toks)
    for i, t in enumerate(toks):
        if not t.place or t.score != 0 or t.title or not t.word[0].isupper() or t.word.isupper():
            continue
        words = _two_words_before(text, t.start)
        if len(words) != 2 or words[1] != "to" or words[0] not in _TO_VERBS:
            continue
        j = i
        while j + 1 < n and toks[j + 1].place and toks[j].joins:
            j += 1
        run = toks[i : j + 1]
        strong = _SOMEONE_AFTER.match(text, toks[j].end)
        if j - i > 1 or not (strong or _SOMEONE_AFTER_WEAK.match(text, toks[j].end)):
            continue
        gazetteer = any(u.fw in places for u in run)
        if gazetteer and not (strong and t.fw in names and j == i):
            continue  # a real town stays a place ("back to Coventry and she ...", "went to Jordan for help")
        if any(u.fw in lexicon.english_words() and u.fw not in names for u in run):
            continue  # "went to Church and ...", "back to Work and"
        for u in run:
            u.place, u.score, u.edge_ok = False, max(u.score, 0.5), True


# --- "X and his brother": someone's relation makes X someone ----------------------------------------

_AND_RELATION = re.compile(
    r"[ \t\u00a0]+(?:and|&)[ \t\u00a0]+(?:his|her|their)[ \t\u00a0]+(?:(?:late|older|younger)[ \t\u00a0]+)?"
    r"(?:" + "|".join(sorted(map(re.escape, lexicon.RELATIONS), key=len, reverse=True)) + r")\b", re.IGNORECASE)


def people_with_relations(toks: list, text: str) -> None:
    """A capitalised word followed by "and his brother", "and her husband" is someone ("for Nicu
    and his brother"), even an English word, unless a place or a title."""
    for t in toks:
        if t.score == 0 and not t.title and not t.place and not t.word.isupper() and len(t.word) >= 2 \
                and t.fw not in lexicon.FUNCTION_WORDS and t.fw not in lexicon.NOT_NAMES \
                and t.fw not in lexicon.place_tokens() and not t.initial and _AND_RELATION.match(text, t.end):
            t.score, t.edge_ok = 0.5, True


# Made from the cue words of interviews: emptied when the vault locks (desktop.core.forgetting).
kept_until_lock(_cue_after.cache_clear)
