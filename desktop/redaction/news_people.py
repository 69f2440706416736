"""How news reports introduce the people they write about, in wordings the likely-name pass missed:

* *a first name in apposition to a noun of a person*: "said the woman, Nadia, who asked not to be
  named", "the worker, Rosa, aged 30": reports that may give only a first name write it so, and the
  name may be an ordinary word ("the mother, Faith, who ..."). One capitalised word between commas
  after an article (or a possessive) and a noun of a person, before "who", "whose", "aged", an age,
  "a", "an" or a verb of saying, is a name, and so is the same word elsewhere;
* *initials with full stops after "initials"*: "with the initials K.L.M.", "(K.L.M.) told the
  court": the letters stand for a person, wherever written (``initials_named`` reads them without
  full stops);
* *a nickname in quotation marks inside a name*: "Joaquin \u201cChapo\u201d Guzman": the quoted word
  between a given name and a surname is part of the name;
* *a surname that is a faith's or a people's word*: "Rafiqul Islam, 29,", "Ahmed Arab said" (Bangladeshi
  and Arab surnames): such a word straight after a likely name, before a clause's mark or a verb of
  saying, ends that name ("converted to Islam in 2010" has no name before it);
* *a person introduced by a role in a list*: "the captain and driver Budi Hartono were charged":
  a role noun before the words says a person, so "were" after them does not make them a firm (as
  ``published_bodies.bodies_with_plural_verbs`` reads "Berkeley Roe are recruiting").
"""

from __future__ import annotations

import re

from desktop.redaction import lexicon
from desktop.redaction.family_names import _PERSON_NOUN_SET, _SPEAKERS
from desktop.redaction.initials_named import _INITIALS_BEFORE, _PERSON_NOUNS
from desktop.redaction.news_names import _ROLE_LAST

SCORE = 0.6  # as a word the text's wording confirmed (initials_named)
DOTTED = 0.95  # as published.dotted_initials: letters with no two together need 0.9 to be kept (engine)
_SP = r"[ \t\u00a0]+"
# "the woman, ", "one of the workers, " is not read (a plural noun): one person, named once.
_NOUN_BEFORE = re.compile(
    rf"\b(?:the|a|an|one|another|this|that|his|her|their|our)(?:{_SP}[a-z][a-z\-]*){{0,2}}?{_SP}([a-z]+),{_SP}$",
    re.IGNORECASE,
)
_AFTER = re.compile(
    rf",{_SP}(?:who|whose|aged|a|an|[1-9][0-9]?|said|says|told|tells)\b|{_SP}(?:said|says|told|tells)\b"
)
_DOT_LETTER_DOT = re.compile(r"\.[A-Z]\.")  # (quick: every dotted initials' match holds one)
_DOTTED = re.compile(r"(?<![\w.])((?:[A-Z]\.){2,4})(?![\w])")
_QUOTED = re.compile(r"[ \t\u00a0]+[\"\u201c\u2018']([A-Z][^\W\d_]+)[\"\u201d\u2019'][ \t\u00a0]+")


def first_names_in_apposition(toks: list, text: str) -> None:
    """Score "Nadia" of "the woman, Nadia, who ..." (see the module's note) and the same word again."""
    found: set[str] = set()
    for t in toks:
        w = t.word
        if t.score < 0 or t.title or t.place or not w[0].isupper() or not w[1:].islower() or len(w) < 2:
            continue
        if text[t.start - 2 : t.start] != ", " or not _AFTER.match(text, t.end):
            continue
        m = _NOUN_BEFORE.search(text, max(0, t.start - 60), t.start)
        if m is None or not _a_person(m.group(1).lower()):
            continue
        if t.fw in lexicon.FUNCTION_WORDS or t.fw in lexicon.NOT_NAMES:
            continue
        found.add(w)
    if not found:
        return
    for t in toks:
        if t.word in found and t.score >= 0 and not t.title:
            t.score, t.edge_ok, t.place = max(t.score, SCORE), True, False


_PEOPLE_SUFFIXES = ("an", "ani", "ese", "ish", "i")
_FAITHS_AND_PEOPLES = frozenset("islam christian arab kurd".split())
_SURNAME_END = re.compile(
    r"[ \t\u00a0]*(?:[,;)]|\.(?![\w])|[ \t\u00a0]+(?:said|says|told|tells|was|were|is|are|had|has|who|and)\b)"
)


def faith_and_people_surnames(toks: list, text: str) -> None:
    """Score "Islam" of "Rafiqul Islam, 29," (see the module's note)."""
    for p, t in zip(toks, toks[1:], strict=False):
        fw = t.fw
        if fw not in lexicon.NOT_NAMES or not (fw in _FAITHS_AND_PEOPLES or fw.endswith(_PEOPLE_SUFFIXES)):
            continue
        if p.score < 0.5 or p.place or p.title or text[p.end : t.start] != " " or not t.word[1:].islower():
            continue
        if _SURNAME_END.match(text, t.end):
            t.score, t.edge_ok, t.place = max(t.score, p.score), True, False


def dotted_initials_named(text: str) -> list[tuple[int, int, str, float]]:
    """Initials with full stops after "initials" (or "identified ... as"), wherever written."""
    if ("nitials" not in text and " as " not in text) or not _DOT_LETTER_DOT.search(text):
        return []
    people = {
        m.group(1)
        for m in _DOTTED.finditer(text)
        if _INITIALS_BEFORE.search(text[max(0, m.start() - 40) : m.start()].rstrip("("))
    }
    return [(m.start(1), m.end(1), "PERSON", DOTTED) for m in _DOTTED.finditer(text) if m.group(1) in people]


def quoted_nicknames(text: str, hits: list[tuple[int, int, str, float]]) -> list[tuple[int, int, str, float]]:
    """A name over "Joaquin \u201cChapo\u201d Guzman" where a likely name stands on each side of
    the quoted word."""
    people = sorted((s, e, c) for s, e, typ, c in hits if typ == "PERSON")
    out = []
    for (s1, e1, c1), (s2, e2, c2) in zip(people, people[1:], strict=False):
        if 3 < s2 - e1 < 40 and _QUOTED.fullmatch(text, e1, s2):
            out.append((s1, e2, "PERSON", max(c1, c2)))
    return out


_ROLES = _ROLE_LAST | frozenset(_SPEAKERS.split()) | _PERSON_NOUN_SET
_FIRMS_TOO = frozenset("employer employers recruiter recruiters sponsor sponsors owner owners".split())


_AGENT = re.compile(r"(?P<stem>[a-z]{3,})(?P<suffix>er|or|ist|eer|ian|man|woman|wife)")


def _an_agent(w: str) -> bool:
    """An English noun of an agent: an English word and "-er", "-or", "-ist", "-eer", "-ian"
    ("campaign-er", "organis(e)-er"), or a word ending in "-man", "-woman", "-wife" (as
    ``roles_before_names`` reads one; not imported from there: it imports ``published``, which
    imports this module through ``published_bodies``)."""
    m = _AGENT.fullmatch(w)
    english = lexicon.english_words()
    if m is None or w not in english:
        return False
    stem = m.group("stem")
    return m.group("suffix") in ("man", "woman", "wife") or stem in english or stem + "e" in english


def _a_person(w: str) -> bool:
    """A noun of one person or of a person's role ("woman", "cleaner", "organiser"), not one a
    firm may be too ("her employer, Tesco, said")."""
    if w in _FIRMS_TOO or w in lexicon.FUNCTION_WORDS:
        return False
    return w in _PERSON_NOUNS or w in _ROLES or _an_agent(w)


def role_before(text: str, start: int) -> bool:
    """Is the word straight before ``start`` a lower-case noun of a person's role ("driver",
    "fisher", "worker")?"""
    m = re.search(r"(?<![\w\-])([a-z]{3,})[ \t\u00a0]+$", text[max(0, start - 30) : start])
    if m is None:
        return False
    return _a_person(m.group(1))
