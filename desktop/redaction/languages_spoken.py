"""Languages, faiths and peoples told by the wording around them: facts of a statement, never names.

A statement says what its speaker speaks and who they are ("I speak Akan", "we are Shia", "a
Hazara woman"): a fact the complaint may rest on. A few dozen such words are never names
(``lexicon.NOT_NAMES``: "Amharic", "Somali"); the rest are read here, from the wording only: the
words of the CLDR's names of languages (``lexicon.LANGUAGES``: "Kikuyu", "Saho", and those a list
of the engine also gives people, "Akan", "Shona", "Luo"), many of which are also surnames no list
holds ("Kamba", "Meru"), and the peoples and faiths no list holds ("Baloch", "Yazidi", "Sunni"):

* after a verb of speaking, with at most a few small words between ("I speak Akan", "she speaks
  only broken Saho", "he spoke a little Luo"), after "language is" or "languages are", "mother
  tongue is", "translated into", or straight before "speaker(s)", "-speaking", "language(s)",
  "dialect", "interpreter", "translator", "translation" ("a Shona interpreter", "Tigre speakers");
* straight before a faith's or a people's word in small letters ("church", "mosque", "community",
  "tribe", "clan", "people", "minority", "militia") after a word that opens such a phrase ("is",
  "are", "a", "the", "as", "of"...), or a faith's follower in capitals ("Muslim", "Christians")
  there or opening a clause: "she is Shia Muslim", "the Coptic church", "the Ahmadi community",
  "Sunni Muslims were ..."; not a place's noun ("Chidi village people" may be Chidi's);
* before a person's noun in small letters ("woman", "men", "girl") after "a", "an" or a number
  ("a Rohingya woman", "two Baloch men"): a name takes no article there ("the Okafor men" may be a
  family's, so "the" does not count, nor "family");
* alone after "we are", "they are", "we were", "they were", ending the clause ("We are Shia.",
  "they were Kikuyu and they hated us"); and a language's name that no list gives anyone
  (``lexicon.LANGUAGES_NO_NAME``) after "is a", "was an", "are", "were", "in", or a verb of
  reading, learning or knowing, before a clause's end ("He was a Kikuyu from", "the men were
  Kikuyu and", "I can read Malayalam but"; not any word: "he is a Mensah" says which family he is
  of). Not after "I am", "he is" or "she is", where a name is as likely ("I am Amina");
* the next word of a list that one of these opened, or that a language's name the engine
  already leaves opened ("speaks Lingala and Kikongo", "Sunni and Shia Muslims", "in Bilen and
  English"), where no person's act follows ("She speaks Akan and Efua translates").

Only a single word scored as an unexplained capitalised word (0.5 or less) is taken back: not one
joined to another likely name ("spoke Tesfaye Haile" is read as it was), not after a title, and
never a word some rule scored higher (a name given, a cue). A language's name used of a person ("the
boss, Luo, shouted") has none of this wording and stays redacted.
"""

from __future__ import annotations

import re

from desktop.redaction import lexicon
from desktop.redaction.name_lists import any_given_names

_SP = r"[ \t\u00a0]+"
# Small words between a verb of speaking and the language ("speaks only broken Saho", "a bit of
# Luo"): not "and" ("she spoke and Amina listened") nor "of" alone ("I speak of Amina").
_SMALL = (
    r"(?:only|fluent|fluently|some|a[ \t\u00a0]+little|little|a[ \t\u00a0]+bit[ \t\u00a0]+of|good|broken|basic"
    r"|mainly|mostly|also|just|in|both|even)"
)
# What stands before a language's name
_LANGUAGE_BEFORE = re.compile(
    r"(?:\b(?:speak|speaks|speaking|spoke|spoken)(?:" + _SP + _SMALL + r")*"
    r"|\blanguages?" + _SP + r"(?:is|are|was|were)(?:" + _SP + r"(?:only|mainly|mostly))?"
    r"|\b(?:mother|native)" + _SP + r"tongue" + _SP + r"(?:is|was)"
    r"|\b(?:translated|translate|translating|interpreted|interpreting)" + _SP + r"(?:it" + _SP + r")?into"
    r"|\blanguages?[ \t\u00a0]*:)" + _SP + r"\Z",
    re.IGNORECASE,
)
_LANGUAGE_AFTER = re.compile(
    r"(?:-speaking\b|" + _SP + r"(?:speakers?|language|languages|dialect|dialects|interpreters?"
    r"|translators?|translation|translations|words?|accent)\b)"
)
# A faith's follower after the word kept ("Shia Muslim", "Sunni Muslims were ..."), and a faith's or
# a people's word in small letters ("the Coptic church", "the Ahmadi community"). Not a place's noun:
# "Chidi village people" may be Chidi's (``facts_in_wording`` reads those, with its guards).
_FOLLOWERS_AFTER = re.compile(_SP + r"(?:Muslims?|Christians?|Jews?|Hindus?|Buddhists?|Sikhs?|Catholics?)\b")
_FAITH_AFTER = re.compile(
    _SP + r"(?:(?:Muslims?|Christians?|Jews?|Hindus?|Buddhists?|Sikhs?|Catholics?)\b"
    r"|(?:church|churches|mosque|mosques|temple|temples|shrine|community|communities|tribe|tribes|clan|clans"
    r"|people|peoples|minority|minorities|militia|militias|faith|sect|sects|ethnicity|elders|rebels"
    r"|fighters|refugees)\b)"
)
_FAITH_OPENING = frozenset(
    """is are am was were be been being a an the as of our their my his her your and or by from among
    for with to many some other all most two three four several both""".split()
)
_PERSON_AFTER = re.compile(
    _SP + r"(?:man|men|woman|women|boy|boys|girl|girls|person|persons|child|children"
    r"|lady|ladies|guy|guys|friend|friends|worker|workers)\b"
)
_PERSON_OPENING = frozenset("a an two three four five six several some many other few".split())
_WE_ARE = re.compile(
    r"\b(?:we|they)" + _SP + r"(?:are|were)(?:" + _SP + r"(?:all|both|also))?" + _SP + r"\Z", re.IGNORECASE
)
_A_PREDICATE = re.compile(r"\b(?:is|was|am|are|were|being|as)" + _SP + r"(?:an?)" + _SP + r"\Z", re.IGNORECASE)
# The clause ends after the word: not a comma before another capitalised word, nor "and" before
# anything but a new clause ("we were Amina, Kofi and me", "we were Kofi and me" are people).
_CLAUSE_END = re.compile(
    r"[ \t\u00a0]*(?:[.;!?)]|\Z|,[ \t\u00a0]+(?![A-Z])|(?:,[ \t\u00a0]*)?(?:and|but)"
    + _SP
    + r"(?:we|they|he|she|it|so|then|were|are|was|have|had|our|their)\b)|"
    + _SP
    + r"(?:but|too|from|who)\b"
)
_LIST_GAP = re.compile(
    r"(?:[ \t\u00a0]*,)?" + _SP + r"(?:and|or)" + _SP + r"|[ \t\u00a0]*," + _SP + r"|[ \t\u00a0]*/[ \t\u00a0]*"
)
_WORD_BEFORE = re.compile(r"([A-Za-z]+)[ \t\u00a0]+\Z")
_UNEXPLAINED = 0.5
# Before the first of a list closed by a faith's or a language's word ("are Sunni and Shia Muslims",
# "the Akan and Twi speakers"): a word that opens a description, not "with" or "met" ("I met Amina
# and Shia Muslims").
_LIST_OPENING = frozenset(
    "is are am was were being as the both many some all most speak speaks spoke in learned learnt learning".split()
)
_LIST_END = re.compile(r"[ \t\u00a0]*(?:[.;!?]|\Z)")
# Before a language's name that no list gives anyone ("Saho", "Kikuyu"; ``lexicon.LANGUAGES_NO_NAME``),
# wording that a language or a people's name also takes: "I can read Malayalam but", "I understand
# Tigre.", "the men were Kikuyu and", "written in Tigre." (not "he is Kamba": someone may be).
_NO_NAME_BEFORE = re.compile(
    r"\b(?:read|reads|write|writes|wrote|written|learn|learns|learned|learnt|learning|understand|understands"
    r"|understood|know|knows|knew|teach|teaches|taught|are|were|in)(?:" + _SP + _SMALL + r")*" + _SP + r"\Z",
    re.IGNORECASE,
)
# A person's act straight after a word: it is someone's name, whatever list holds it ("Saho took").
_PERSON_ACT = re.compile(
    r"(?:['’]s?\b|[ \t\u00a0]+(?:told|said|came|went|took|called|asked|helped|saw|gave|left|stayed|drove|lived"
    r"|worked|knew|hit|shouted|threatened|rang|phoned|texted|sent|kept|met|brought|says|tells|wanted|paid"
    r"|lent|owed|made|found|was|is|has|had|who|would|will|could|did)\b)"
)


def _OPENS(text: str, start: int) -> bool:  # noqa: N802 - read as a test of the wording
    """Does a sentence, a clause or a bracket open at ``start`` ("Sunni Muslims were ...", ", Shia
    Muslims")?"""
    before = text[max(0, start - 3) : start].rstrip(" \t\u00a0")
    return not before or before[-1] in '.!?\n(,;:"“'


def _takeable(toks: list, i: int, text: str) -> bool:
    """A single word scored no more than an unexplained word, joined to no likely name, after no title."""
    t = toks[i]
    if not 0 < t.score <= _UNEXPLAINED or t.title or t.place or len(t.word) < 2 or t.word.isupper():
        return False
    prev = toks[i - 1] if i else None
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if prev is not None and (prev.title or prev.score > 0) and text[prev.end : t.start] == " ":
        return False
    return nxt is None or text[t.end : nxt.start] != " " or nxt.score <= 0 and nxt.fw in lexicon.NOT_NAMES


def _said_of_language(text: str, t) -> bool:  # noqa: ANN001 - names._Tok
    if _LANGUAGE_AFTER.match(text, t.end):
        return True
    # "he spoke in Amina's ear", "she spoke, in English, to Amina who said": someone's act or thing
    return bool(_LANGUAGE_BEFORE.search(text, max(0, t.start - 60), t.start)) and not _PERSON_ACT.match(text, t.end)


def _said_of_faith_or_people(text: str, t) -> bool:  # noqa: ANN001 - names._Tok
    a = max(0, t.start - 40)
    before = _WORD_BEFORE.search(text, a, t.start)
    word = before.group(1).lower() if before else ""
    if (
        word in _FAITH_OPENING
        and _FAITH_AFTER.match(text, t.end)
        or (_OPENS(text, t.start) and _FOLLOWERS_AFTER.match(text, t.end))
    ):
        return True
    if _PERSON_AFTER.match(text, t.end) and word in _PERSON_OPENING:
        return True
    return bool(
        _CLAUSE_END.match(text, t.end)
        and (
            _WE_ARE.search(text, a, t.start)
            or t.fw in lexicon.LANGUAGES_NO_NAME  # "he is a Mensah" may say which family he is of
            and (_A_PREDICATE.search(text, a, t.start) or _NO_NAME_BEFORE.search(text, a, t.start))
        )
    )


def _take_back(t) -> None:  # noqa: ANN001 - names._Tok
    t.score, t.place, t.edge_ok = 0.0, True, False


def languages_spoken(toks: list, text: str) -> None:
    """Take back, as facts, the languages, faiths and peoples the wording names (the module's note)."""
    cands = [i for i, t in enumerate(toks) if 0 < t.score <= _UNEXPLAINED]
    if not cands:
        return  # (most words are no likely name: the rest is asked of these and their neighbours)
    kept: list[int] = []
    spoken: set[int] = set()  # the kept words a verb of speaking, reading or learning is before
    languages = lexicon.LANGUAGES_NO_NAME
    n = len(toks)
    for i in sorted({j for c in cands for j in (c - 1, c + 1) if 0 <= j < n}):
        t = toks[i]
        if t.score == 0 and t.fw in languages and not t.title and not (i and toks[i - 1].title):
            kept.append(i)  # a language's name the engine already leaves: "in Arabic and Bilen"
            if _NO_NAME_BEFORE.search(text, max(0, t.start - 40), t.start) or _said_of_language(text, t):
                spoken.add(i)
    for i in cands:
        t = toks[i]
        if _takeable(toks, i, text) and (_said_of_language(text, t) or _said_of_faith_or_people(text, t)):
            _take_back(t)
            kept.append(i)
            spoken.add(i)
    if not kept:
        return
    # The rest of a list one of them (or a language's name) opened or closed: "Lingala and Kikongo",
    # "Sunni and Shia Muslims", "in Akan and English".
    # A word after the kept one is itself a language's that no list gives anyone, or a word a
    # language's or a faith's word follows, or (after a word the wording kept) ends the sentence and
    # is on no given-name list, and no person's act follows it; a word before the kept one follows
    # a word that opens a description ("She speaks Akan and Efua translates" leaves Efua, "Mr
    # French and Efua." too).
    done = set(kept)
    todo = list(kept)
    while todo:
        k = todo.pop()
        for j in (k - 1, k + 1):
            if j < 0 or j >= len(toks) or j in done:
                continue
            a, b = (toks[j], toks[k]) if j < k else (toks[k], toks[j])
            if not _LIST_GAP.fullmatch(text, a.end, b.start) or not _takeable(toks, j, text):
                continue
            u = toks[j]
            if j > k:
                ok = not _PERSON_ACT.match(text, u.end) and (
                    u.fw in languages
                    or k in spoken
                    and bool(_LIST_END.match(text, u.end))
                    and u.fw not in any_given_names()  # "I speak English and Amina."
                    or bool(_LANGUAGE_AFTER.match(text, u.end) or _FAITH_AFTER.match(text, u.end))
                )
            else:
                w = _WORD_BEFORE.search(text, max(0, u.start - 30), u.start)
                ok = u.fw in languages or bool(w) and w.group(1).lower() in _LIST_OPENING
            if ok:
                _take_back(u)
                done.add(j)
                todo.append(j)
                if k in spoken:
                    spoken.add(j)
