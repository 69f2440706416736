"""A given name before a surname that the never-a-name list holds because it is usually a thing, a
language or a body's kind ("Joy Church said", "Paul English told", "Faith Temple, a nurse,").

The never-a-name list keeps words such as "Church", "Crown", "English" or "Union" from ever being
taken for a name, and ``census_pairs`` refuses them as surnames. Yet a census given name followed
by such a word is a person where only a person can stand: before a verb of saying (``census_pairs``'s
test that a place or a body does not speak: no article before the pair anywhere, no body's kind after
it, no "it" or "they" after the verb), or with a noun of a person in apposition ("..., a nurse,",
"..., 52,"). A surname that is a body's kind ("Church", "Temple", "Union") names a body as often as
a person ("Hope Church said"): before a verb of saying it is taken only when the first pronoun after
the verb is a person's ("Joy Church said she ..."), or when the given name is no English word
("Hamza Church told me to wait", "Amina Temple said the job was safe"): a church or temple named with
a word is named after a virtue or a saint ("Hope Church", "St Mary's Church"), so the pair of a
foreign given name and a body's kind, speaking with no article anywhere before it, is someone. (A
church named with a foreign word, "Zion Church told us to wait", is read as a person too: a name
redacted by mistake is seen in review; one left is not.) The given name may already be a likely name
("Paul" of "Paul English said"): the surname is then added to it, which is what leaked before. A
given name that is also a word ("Will", "Grace", "Hope": the lexicon's word names) counts as one.

A body's kind that no one bears as a surname ("Mosque", "Centre", "Gurdwara", "Clinic") after a
given name, speaking in the same way ("Fatima Mosque said we could stay", "Bilal Centre told me to
come back"), is read by the same test (``given_before_kinds``), and then only the given name is
taken (0.4, marked unsure): in a statement a worker types, "Fatima Mosque said" is as likely Fatima
of the mosque as a mosque named Fatima, and a name redacted by mistake is seen in review where one
left is not, while the kind word stays as the fact it is (a mosque spoke, or someone of it). "the
Fatima Mosque said", "We prayed at Fatima Mosque", "Central Mosque said" and a pair with "it" or
"they" after the verb stay whole.
"""

from __future__ import annotations

import re

from desktop.redaction import lexicon
from desktop.redaction.census_pairs import _A_BODY, _PRONOUN, _SAID_AFTER, _a_person_speaks, _title_case
from desktop.redaction.context import _ORG_LAST
from desktop.redaction.family_names import _APPOSITION, _PERSON_NOUN_SET
from desktop.redaction.given_names import any_given_names
from desktop.redaction.misses_places import surname_words

SCORE = 0.5
_SAID = re.compile(
    r"(?:,[ \t\u00a0]*(?:aged[ \t\u00a0]+)?\d{1,3},)?[ \t\u00a0]+(?:said|says|told|tells|added|explained|"
    r"recalled|insisted|claimed|wrote)\b"
)
_A_PERSON = frozenset("he she his her him".split())


def _given(t) -> bool:  # noqa: ANN001 - names._Tok
    fw = t.fw
    return (
        t.score >= 0
        and not t.title
        and _title_case(t.word)
        and (fw in any_given_names() or fw in lexicon.WORD_NAMES)
        and fw not in lexicon.NOT_NAMES
        and (fw not in lexicon.FUNCTION_WORDS or fw in lexicon.WORD_NAMES)
        and fw not in lexicon.TITLES
        and fw not in lexicon.RELATIONS
        and fw not in lexicon.MONTHS
        and fw not in lexicon.DAYS
        and fw not in lexicon.place_tokens()
    )


def _thing_surname(t) -> bool:  # noqa: ANN001 - names._Tok
    fw = t.fw
    return (
        t.score == 0
        and not t.title
        and _title_case(t.word)
        and fw in lexicon.NOT_NAMES
        and fw in surname_words()
        and fw not in lexicon.FUNCTION_WORDS
        and fw not in lexicon.TITLES
    )


def _a_person_said(  # noqa: ANN001 - names._Tok
    text: str, a, b, of_a_body: frozenset[str] = _A_BODY, *, kinds: frozenset[str] = _ORG_LAST, word_names: bool = False
) -> bool:
    """``word_names``: only a word name ("Hope", "Grace") needs a person's pronoun after the verb, not
    every English word a given-name list holds ("Amir", "Peter")."""
    verbs = _SAID_OR_DID if word_names and b.fw in _SHOP_KINDS else _SAID_AFTER
    if not _a_person_speaks(text, a, b, of_a_body, verbs):
        return False
    english = a.fw in lexicon.WORD_NAMES if word_names else a.fw in lexicon.english_words()
    if b.fw not in kinds or not english and a.fw not in lexicon.WORD_NAMES:
        return True
    m = _SAID.match(text, b.end)
    p = _PRONOUN.search(text, m.end()) if m else None
    return p is not None and p.group("p") is not None and p.group("p").lower() in _A_PERSON


def _opener(p) -> bool:  # noqa: ANN001 - names._Tok
    """A capitalised word before the pair that leaves it a pair: a function word ("Later Joy ...")."""
    return p.fw in lexicon.FUNCTION_WORDS


def given_and_thing_surnames(toks: list, text: str) -> None:
    """Take "Joy Church said", "Paul English, 40," (see the note)."""
    n = len(toks)
    for i in range(n - 1):
        a, b = toks[i], toks[i + 1]
        if b.fw not in lexicon.NOT_NAMES or not a.on_line or text[a.end : b.start] != " ":
            continue  # (the cheapest test first: most words are on no list)
        if not (_thing_surname(b) and _given(a)):
            continue
        if i > 0 and text[toks[i - 1].end : a.start] in (" ", "-") and not _opener(toks[i - 1]):
            continue  # a capitalised word before: part of a longer name
        if i + 2 < n and text[b.end : toks[i + 2].start] in (" ", "-"):
            continue  # a capitalised word after: a body's or a heading's words
        app = _APPOSITION.match(text, b.end)
        apposition = app is not None and (app.group("noun") is None or app.group("noun") in _PERSON_NOUN_SET)
        if not (apposition or _a_person_said(text, a, b)):
            continue
        a.score = max(a.score, SCORE)
        b.score = SCORE
        a.edge_ok = b.edge_ok = True
        a.place = b.place = False


WEAK = 0.4
_OF_A_BODY = frozenset("it its they their them".split())
# A shop's kind after a given name that is no word ("Layla Salon said they owed me"): "they" is the
# shop or its owner, and either way the given name is redacted and the kind kept.
_NO_PRONOUNS: frozenset[str] = frozenset()
# Kinds of shop or workplace no one bears as a surname, besides the bodies' kinds: the employers and
# the places a statement's people deal with ("Fatima Pharmacy told us", "Layla Salon said").
_SHOP_KINDS = frozenset(
    "pharmacy chemist chemists salon garage cafe café restaurant takeaway bakery barbers barbershop "
    "supermarket minimarket launderette laundry carwash".split()
)
_KINDS = _ORG_LAST | _SHOP_KINDS
# After a shop's or a workplace's kind: a verb of saying, or an act its owner does to the one telling
# ("Yusuf Garage paid me", "Bilal Restaurant shouted at us"). A body's kind keeps the verbs of saying
# ("Olumide Trust paid for the bus fare" is the trust).
_SAID_OR_DID = re.compile(
    r"(?:,[ \t\u00a0]*(?:aged[ \t\u00a0]+)?\d{1,3},)?[ \t\u00a0]+(?:said|says|told|tells|added|explained|"
    r"recalled|insisted|claimed|wrote|(?:asked|paid|promised|shouted[ \t\u00a0]+at|threatened|gave|sent)"
    r"[ \t\u00a0]+(?:me|us|my|our)\b)"
)


def given_before_kinds(toks: list, text: str) -> None:
    """Take the given name of "Fatima Mosque said ..." and leave the body's kind (see the note)."""
    n = len(toks)
    surnames = None
    found: set[tuple[str, str]] = set()
    for i in range(n - 1):
        a, b = toks[i], toks[i + 1]
        if b.fw not in _KINDS or not a.on_line or text[a.end : b.start] != " ":
            continue  # (the cheapest test first: most words are no body's kind)
        if surnames is None:
            surnames = surname_words()
        if b.fw in surnames and b.fw not in _SHOP_KINDS or b.title or not _title_case(b.word):
            continue  # a kind that is a surname is ``given_and_thing_surnames``'s (a shop's kind is a shop's)
        if not 0 <= b.score <= 0.5:
            continue
        if not _given(a) or a.score > 0.5:
            continue
        key = lexicon.place_key([a.word])
        if key in lexicon.small_places("uk") or key in lexicon.small_places("world"):
            continue  # "Victoria Hospital": a town's name before the kind names the place it serves
        if i > 0 and text[toks[i - 1].end : a.start] in (" ", "-") and not _opener(toks[i - 1]):
            continue  # a capitalised word before: part of a longer name
        if i + 2 < n and text[b.end : toks[i + 2].start] in (" ", "-"):
            continue  # a capitalised word after: a body's or a heading's words
        of_a_body = _NO_PRONOUNS if b.fw in _SHOP_KINDS and a.fw not in lexicon.WORD_NAMES else _OF_A_BODY
        if not _a_person_said(text, a, b, of_a_body, kinds=_KINDS, word_names=True):
            continue  # "we" and "us" after the verb are the statement's family here ("said we could stay")
        found.add((a.fw, b.fw))
    if not found:
        return
    # The same pair elsewhere in the statement is the same name ("We went to Fatima Mosque. Fatima
    # Mosque said ..."): one redacted and one left would give the name away.
    for i in range(n - 1):
        a, b = toks[i], toks[i + 1]
        if (a.fw, b.fw) in found and text[a.end : b.start] == " " and a.score <= 0.5:
            a.score = max(a.score, WEAK)
            a.edge_ok, a.place = True, False
            b.score, b.edge_ok = 0.0, False
