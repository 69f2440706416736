"""A role written before a name at the start of a sentence ("Campaigner Hope Ade said ...",
"Organiser Tom Lamb told us ...") is a cue, not part of the name.

News reports write a person's role straight before the name, with no article, as a title
("campaigner Hope Ade"); ``published.names_after_occupations`` takes the name after a role in lower
case. Opening a sentence the role takes a capital, and the likely-name pass joined it to the name
after it ("Campaigner Hope Ade", a span over the role, often weak). A title-case English word that
opens a sentence or a line, that the census lists neither as a given name nor as a surname, that
names what a person does (an occupation or a job title the pass knows, or a noun of an agent: an
English word and "-er", "-or", "-ist", "-eer", "-ian", or a word ending in "-man", "-woman",
"-wife"; not "Consider", whose "consid" is no word), before a word the pass already took for a
name, or before a census given name and a surname no rule took ("Organiser Tom Lamb", which had no
span at all), is the role: it stays outside the span, and the name after it is as sure as after a
role in lower case (0.85).
"""

from __future__ import annotations

import re

from desktop.redaction import lexicon
from desktop.redaction.family_names import _PERSON_NOUN_SET, _SPEAKERS
from desktop.redaction.given_names import given_names
from desktop.redaction.misses_places import surname_words
from desktop.redaction.news_names import _ROLE_LAST
from desktop.redaction.published import _OCCUPATIONS

SCORE = 0.85  # as after a role in lower case (published.names_after_occupations)
_AGENT = re.compile(r"(?P<stem>[a-z]{3,})(?P<suffix>er|or|ist|eer|ian|man|woman|wife)")
_ROLES = frozenset(_OCCUPATIONS) | _ROLE_LAST | frozenset(_SPEAKERS.split()) | _PERSON_NOUN_SET


def _opens(text: str, pos: int) -> bool:
    """Does ``pos`` open the text, a line or a sentence (after . ! ? : ; quotes or brackets)?"""
    i = pos - 1
    while i >= 0 and text[i] in " \t\u00a0":
        i -= 1
    return i < 0 or text[i] in '.!?:;"“”([\n\r'


def _an_agent(fw: str) -> bool:
    """A noun of an agent: an English word made of an English word and an agent's ending
    ("campaign-er", "organis(e)-er", "activ(e)-ist"), or ending in a noun of a person ("chairman",
    "midwife"). Not a verb that merely ends so ("consider", "remember": "consid" is no word)."""
    m = _AGENT.fullmatch(fw)
    if m is None or fw not in lexicon.english_words():
        return False
    if m.group("suffix") in ("man", "woman", "wife"):
        return True
    english = lexicon.english_words()
    stem = m.group("stem")
    return stem in english or stem + "e" in english


def _a_role(t) -> bool:  # noqa: ANN001 - names._Tok
    fw, w = t.fw, t.word
    return (
        t.score == 0
        and not t.title
        and len(w) > 3
        and w[0].isupper()
        and w[1:].islower()
        and (fw in _ROLES or _an_agent(fw))
        and fw not in lexicon.FUNCTION_WORDS
        and fw not in lexicon.NOT_NAMES
        and fw not in given_names()
        and fw not in surname_words()
    )


def _surname_after(toks: list, k: int, text: str) -> bool:
    """Is the word after ``toks[k]`` on the line a surname: a likely name ("Okafor" of "Tom Okafor"),
    or a title-case word no rule took back ("Lamb" of "Tom Lamb"), with no capitalised word after it
    (then the words are a body's: "Mark Hill Centre")?"""
    n = len(toks)
    if k + 1 >= n or text[toks[k].end : toks[k + 1].start] != " ":
        return False
    v = toks[k + 1]
    if k + 2 < n and text[v.end : toks[k + 2].start] == " ":
        return False
    plain = v.score == 0 and not v.title and not v.place and v.word[1:].islower() and v.fw not in lexicon.FUNCTION_WORDS
    return v.score > 0 or plain


def roles_before_names(toks: list, text: str) -> None:
    """Keep "Campaigner" of "Campaigner Hope Ade said" outside the name, and the name sure."""
    for i in range(len(toks) - 1):
        t, u = toks[i], toks[i + 1]
        if u.title or text[t.end : u.start] != " ":
            continue
        given = u.score == 0 and not u.place and u.fw in given_names() and u.fw not in lexicon.NOT_NAMES
        if u.score <= 0 and not (given and _surname_after(toks, i + 1, text)):
            continue  # (the cheapest test first: most words are before no likely name)
        if not _opens(text, t.start) or not _a_role(t):
            continue
        t.edge_ok = False
        u.score = max(u.score, SCORE)
        u.edge_ok = True
        if given:
            toks[i + 2].edge_ok = True  # "Lamb" of "Organiser Tom Lamb": the surname joins the name
