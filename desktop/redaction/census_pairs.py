"""A given name and a surname, both also English words, that no rule looked at ("Peter Cross",
"Mark Hill").

The likely-name pass takes a capitalised word no English list holds, and an English word only
with a cue (a title, "called", "met", a verb of saying...). A person whose given name and surname
are both English words ("Peter" and "cross", "Rose" and "hill") and who is named without a cue
("The court heard that Peter Cross had threatened her.", "Peter Cross, 44, was jailed.") had no
span at all. English names people given name first: two title-case words on one line, the first a
given name the census lists (``given_names.txt``), the second a surname it lists
(``surname_words.txt``), followed by what only a person does or has (an age in commas, "who", a
verb of the courtroom or of violence: "denied", "pleaded", "was jailed", "had threatened"), are
taken for a person (0.5), unless

* either word is a function word, a title, a relation, a month or a day, a word of the
  never-a-name list (nationalities, "Church", "Court"...), a place's name or a street's ending, or
  the pass marked it as part of a place or a body ("Victoria Station", "Grace Church");
* a capitalised word stands straight before or after the pair (then it is part of a longer name,
  a body's or a heading's: "Peter Hill Academy"), except before it a function word or a role
  ("Then Peter Cross ...", "Recorder Peter Smith");
* the line is a title-case heading, with no word in lower case that is not a function word.

A surname that is also a place's word or a street's ending ("Hill", "Green", "Park") is refused
above, but not before "said" or "told" (``_a_person_speaks``: "Mark Hill said", "Bill Green told
the BBC"): a place does not speak, and a body named with such words is told from a person by the
text, which writes the pair after "the", "a" or "an" or before a body's kind ("the Kingsley Hall
said", "Kingsley Hall Trust"), or gives it a pronoun of a body or a group after the verb ("said
it", "told us they").
"""

from __future__ import annotations

import re

from desktop.redaction import lexicon
from desktop.redaction.context import _ORG_LAST
from desktop.redaction.given_names import given_names, given_names_for_wording
from desktop.redaction.misses_places import surname_words

SCORE = 0.5
# After the pair, what only a person does or has: an age in commas, "who", or a verb of the
# courtroom or of violence ("denied", "pleaded", "was jailed"). Not "said" or "told": a body with a
# name made of such words speaks too ("Hope Rising said"), and not "was" alone ("Golden Dragon was").
_PERSON_AFTER = re.compile(
    r"(?:,[ \t\u00a0]*(?:aged[ \t\u00a0]+)?\d{1,3},"
    r"|,?[ \t\u00a0]+(?:who|whose|denied|denies|admitted|admits|pleaded|pleads|testified|wept|cried|died|"
    r"confessed|punched|kicked|raped|assaulted|threatened|stabbed|strangled|hit|"
    r"(?:was|is|had been|has been)[ \t\u00a0]+(?:jailed|sentenced|convicted|arrested|charged|accused|"
    r"found guilty|born|killed|murdered|deported|detained|remanded)|had[ \t\u00a0]+(?:threatened|hit|beaten|raped|"
    r"assaulted|attacked|told|said))\b)"
)
_SAID_AFTER = re.compile(
    r"(?:,[ \t\u00a0]*(?:aged[ \t\u00a0]+)?\d{1,3},)?[ \t\u00a0]+(?:said|says|told|tells|added|explained|"
    r"recalled|insisted|claimed|wrote)\b"
)
# The first pronoun after the verb, before the sentence ends.
_PRONOUN = re.compile(r"[.!?\n]|\b(?P<p>he|she|his|her|him|it|its|they|their|them|we|our|us)\b", re.I)
_HEARD = re.compile(r"[ \t\u00a0]+(?:us|them|him|her|me)\b")
_A_BODY = frozenset("it its they their them we our us".split())
_ARTICLE_BEFORE = re.compile(r"\b(?:[Tt]he|[Aa]n?)[ \t\u00a0]+$")
_NEXT_WORD = re.compile(r"[ \t\u00a0]+([A-Za-z]+)")
_LOWER_WORD = re.compile(r"\b[a-z][a-z'’\-]*\b")
_STREETS = frozenset(w.lower() for w in lexicon.STREET_SUFFIXES)


def _title_case(w: str) -> bool:
    return len(w) > 1 and w[0].isupper() and w[1:].islower()


def _plain(t, places: frozenset[str]) -> bool:  # noqa: ANN001 - names._Tok
    fw = t.fw
    return not (
        t.score != 0
        or t.title
        or t.place
        or not _title_case(t.word)
        or fw in lexicon.FUNCTION_WORDS
        or fw in lexicon.TITLES
        or fw in lexicon.RELATIONS
        or fw in lexicon.MONTHS
        or fw in lexicon.DAYS
        or fw in lexicon.NOT_NAMES
        or fw in places
        or fw in _STREETS
    )


def _opener_or_role(p, english: frozenset[str]) -> bool:  # noqa: ANN001 - names._Tok
    """A capitalised word before the pair that does not make it part of a longer name: a function
    word opening the sentence ("Then Peter Cross ...") or a person's role written before the name
    as news reports write it ("Prosecutor Mark Hill", "Recorder Peter Smith"): an English word the
    census does not list as a name, that the pass left alone."""
    if p.fw in lexicon.FUNCTION_WORDS:
        return True
    return (
        p.score == 0
        and not p.place
        and _title_case(p.word)
        and p.fw in english
        and p.fw not in given_names()
        and p.fw not in surname_words()
        and p.fw not in lexicon.NOT_NAMES
    )


def _place_word(t, places: frozenset[str]) -> bool:  # noqa: ANN001 - names._Tok
    """A plain surname but for being a place's word or a street's ending ("Hill", "Green")."""
    fw = t.fw
    return (
        (fw in places or fw in _STREETS)
        and t.score == 0
        and not t.title
        and _title_case(t.word)
        and fw not in lexicon.FUNCTION_WORDS
        and fw not in lexicon.TITLES
        and fw not in lexicon.NOT_NAMES
    )


def _a_person_speaks(
    text: str, a, b, of_a_body: frozenset[str] = _A_BODY, verbs: re.Pattern[str] = _SAID_AFTER  # noqa: ANN001
) -> bool:
    """Is "Mark Hill said ..." a person speaking? A verb of saying after the pair (``verbs``), no pronoun of a body or a
    group after it in the sentence (``of_a_body``), and the pair nowhere after an article or before a body's kind. The
    one told ("told us", "told them") is who heard it, not who spoke: the search starts after them."""
    m = verbs.match(text, b.end)
    if not m:
        return False
    heard = _HEARD.match(text, m.end()) if m.group().rstrip().endswith(("told", "tells")) else None
    p = _PRONOUN.search(text, heard.end() if heard else m.end())
    if p and p.group("p") is not None and p.group("p").lower() in of_a_body:
        return False
    pair = text[a.start : b.end]
    for o in re.finditer(r"(?<![\w\-])" + re.escape(pair) + r"(?![\w\-])", text):
        if _ARTICLE_BEFORE.search(text, max(0, o.start() - 5), o.start()):
            return False
        k = _NEXT_WORD.match(text, o.end())
        if k and k.group(1).lower() in _ORG_LAST:
            return False
    return True


def given_and_surname_pairs(toks: list, text: str) -> None:
    """Take "Peter Cross": a census given name, then a census surname, with nothing around them."""
    n = len(toks)
    if n < 2:
        return
    given = surnames = places = english = None
    for i in range(n - 1):
        a, b = toks[i], toks[i + 1]
        if a.score != 0 or b.score != 0 or not a.on_line:
            continue
        if given is None:
            given, surnames, places = given_names_for_wording(), surname_words(), lexicon.place_tokens()
            english = lexicon.english_words()
        if a.fw not in given or b.fw not in surnames or text[a.end : b.start] != " ":
            continue
        if not _plain(a, places):
            continue
        speaks = False
        if not _plain(b, places):
            if not (_place_word(b, places) and _a_person_speaks(text, a, b)):
                continue
            speaks = True  # "Mark Hill said": a place does not speak
        role = i > 0 and text[toks[i - 1].end : a.start] in (" ", "-")
        if role and not _opener_or_role(toks[i - 1], english):
            continue  # a capitalised word before: part of a longer name
        if i + 2 < n and text[b.end : toks[i + 2].start] in (" ", "-"):
            continue  # a capitalised word after: a body's or a heading's words
        if not speaks and not _PERSON_AFTER.match(text, b.end):
            continue
        line_start = text.rfind("\n", 0, a.start) + 1
        line_end = text.find("\n", b.end)
        line = text[line_start : len(text) if line_end < 0 else line_end]
        if not any(m.group().lower() not in lexicon.FUNCTION_WORDS for m in _LOWER_WORD.finditer(line)):
            continue  # a title-case heading
        a.score = b.score = SCORE
        a.edge_ok = b.edge_ok = True
        if role:
            toks[i - 1].edge_ok = False  # "Defendant" of "Defendant Peter Cross" stays outside the name
