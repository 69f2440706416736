"""How published testimony names bodies (charities, companies, broadcasters, agencies) so that they
read like people, and what says they are not:

* a word in capitals alone among lower-case words ("a probe by ITV and ...", "other BME
  backgrounds", "Jane Roe, CEO of ..."): an acronym, not a name written in capitals;
* the body someone leads or works for ("chief executive of Hestia", "staff at Brightwater"),
  wherever else it is written;
* two capitalised ordinary words joined by "and" in mid-sentence, one of them no given name
  ("supported by Shelter and Care"): one body's name, not two people;
* a name followed by a plural verb ("Northgate Lewis are recruiting"): a firm, not a person;
* a doctrine or faith ("converting to Catholicism", "Christianity"): a word, not a name;
* a name in a list of companies ("Next Plc, the John Lewis Partnership and Dunelm Mill"): a company;
* an ordinary word straight after an allow-listed body ("Modern Slavery Response"): that body's.

Each function marks the likely-name detector's words (``names._Tok``) as a thing to keep, after the
detector's other rules (from ``published.published_words``).
"""

from __future__ import annotations

import re

from desktop.redaction import lexicon
from desktop.redaction.bodies_by_evidence import person_shaped
from desktop.redaction.news_people import role_before
from desktop.redaction.words import word_before_space

_GAP = re.compile(r"[ \t\u00a0]+")


def _thing(t) -> None:  # noqa: ANN001 - names._Tok
    t.score, t.place, t.edge_ok = 0.0, True, False


def _joined(text: str, a, b) -> bool:  # noqa: ANN001 - names._Tok
    return bool(_GAP.fullmatch(text[a.end : b.start]))


# --- Acronyms among lower-case words ------------------------------------------------------------

_LOWER_WORD = re.compile(r"(?<![\w'’])[a-z][a-z'’\-]+\b")
# A verb after the word, or a verb of meeting before it: someone ("(TARIQ) came", "I told KHAN").
_VERB_AFTER = re.compile(
    r"[)’'”\"]*,?[ \t\u00a0]+(?:was|is|has|had|said|says|told|tells|came|comes|went|goes|left|"
    r"took|takes|kept|keeps|hit|hits|asked|wanted|wants|did|does|would|will|could|can|lived|"
    r"worked|arrived|fled|called|paid|sent|gave|got|made|saw|met|knew|stayed|who|whose|[a-z]+ed)\b"
)
_MET_BEFORE = re.compile(
    r"\b(?:(?:with|told|asked|met|saw|called|gave|tell|ask|meet|visit|visited|married|marry)|"
    r"(?:spoke|talked|wrote|lied|said|gave|sent|paid|lent|sold|married|engaged|ran)[ \t\u00a0]+to|"
    r"(?:[a-z]+(?:ed|en)|hit|sent|paid|kept|held|taken|brought|run|led)[ \t\u00a0]+by)"
    r"[ \t\u00a0(“\"]+$"
)
# Someone's kin or home after the word: initials standing for a person ("JMB’s husband").
_KIN_AFTER = re.compile(
    r"['’]s[ \t\u00a0]+(?:husband|wife|partner|children|child|son|daughter|mother|father|"
    r"family|brother|sister|baby|abuser|employer|home|flat|case)\b"
)


def acronyms_among_words(toks: list, text: str) -> None:
    """A word of three to six capitals, alone (no other word in capitals beside it) on a line of
    ordinary lower-case words, is an acronym ("ITV", "BME", "CEO", "(WSAV)"). Not when the text
    writes the same word as a name elsewhere ("Amina ... AMINA"), gives it kin ("JMB’s husband":
    initials standing for someone), a verb after it ("(TARIQ) came") or a verb of meeting before it
    ("I told KHAN"), and not on a line in capitals (a heading or a
    byline: "JANE ROE"). Two letters are left to the rules for initials ("AM from Pakistan")."""
    written_as_names = {t.fw for t in toks if not t.word.isupper() and t.score > 0}
    maybe = {
        t.fw
        for t in toks
        if t.score == 0.5
        and not t.title
        and t.word.isupper()
        and 3 <= len(t.word) <= 6
        and t.fw not in written_as_names
    }
    if not maybe:
        return  # (most statements: no word in capitals is a likely name, and "I" never is one)
    kin = {
        t.fw
        for t in toks
        if t.fw in maybe
        and t.word.isupper()
        and (
            _KIN_AFTER.match(text, t.end)
            or _VERB_AFTER.match(text, t.end)
            or _MET_BEFORE.search(text, max(0, t.start - 30), t.start)
        )
    }  # only for the words it can rule out
    n = len(toks)
    for i, t in enumerate(toks):
        if (
            t.score != 0.5
            or t.title
            or not t.word.isupper()
            or not 3 <= len(t.word) <= 6
            or t.fw in written_as_names
            or t.fw in kin
        ):
            continue
        if any(
            0 <= k < n
            and len(toks[k].word) > 1
            and toks[k].word.isupper()
            and toks[k].score >= 0
            and _joined(text, *((toks[k], t) if k < i else (t, toks[k])))
            for k in (i - 1, i + 1)
        ):
            continue  # "HAYDEE CARO": a name in capitals
        start = text.rfind("\n", 0, t.start) + 1
        end = text.find("\n", t.end)
        line = text[start : len(text) if end < 0 else end]
        if len(_LOWER_WORD.findall(line)) >= 3:
            _thing(t)


# --- The body someone leads or works for --------------------------------------------------------

_ROLE_OF = re.compile(
    r"(?:\b(?:C[A-Z]O|chief[ \t\u00a0]+executive|director|chair|chairman|chairwoman|chairperson|"
    r"founder|co-founder|head|president|trustees?|spokes(?:person|man|woman)|staff|volunteers?|"
    r"members?|caseworkers?|advisers?|advocates?)[ \t\u00a0]+(?:of|at|for)[ \t\u00a0]+)$",
    re.IGNORECASE,
)
_ROLE_ANYWHERE = re.compile(_ROLE_OF.pattern.removesuffix(")$") + r")[A-Z]", re.IGNORECASE)
_POSSESSIVE_AFTER = re.compile(r"['’]s?\b")


def _role_before(text: str, t) -> bool:  # noqa: ANN001 - names._Tok
    """``_ROLE_OF`` before ``t``: after a quick look for "of", "at" or "for" ending the word before."""
    return word_before_space(text, t.start).endswith(("of", "at", "for")) and bool(
        _ROLE_OF.search(text, max(0, t.start - 24), t.start)
    )


def bodies_by_roles(toks: list, text: str) -> None:
    """The capitalised words after "chief executive of", "director of", "staff at" and the like name
    a body ("Patrick Roe, CEO of Hestia"); a body of one word is that body wherever else written.
    Not someone's ("head of Tariq's family")."""
    roles = [t.score >= 0 and not t.title and t.score < 0.8 and _role_before(text, t) for t in toks]
    # (the words are looked at first: the search of the whole text only where a role is before one)
    if not any(roles) or not _ROLE_ANYWHERE.search(text):
        return
    bodies: set[str] = set()
    n = len(toks)
    for i, t in enumerate(toks):
        if not roles[i]:
            continue
        j = i
        while (
            j + 1 < n
            and j < i + 5
            and toks[j + 1].score >= 0
            and not toks[j + 1].title
            and toks[j + 1].score < 0.8
            and _joined(text, toks[j], toks[j + 1])
        ):
            j += 1
        if _POSSESSIVE_AFTER.match(text, toks[j].end):
            continue
        if j > i and person_shaped([u.fw for u in toks[i : j + 1]]):
            continue  # "a spokesperson for Amir Khan", "a lawyer for Will Smith": someone has one too
        for u in toks[i : j + 1]:
            _thing(u)
        if i == j and t.fw not in lexicon.WORD_NAMES:
            bodies.add(t.fw)
    if bodies:
        for t in toks:
            if t.fw in bodies and 0 <= t.score < 0.8 and not t.title:
                _thing(t)


# --- Two ordinary words joined by "and" ---------------------------------------------------------

_AND = re.compile(r"[ \t\u00a0]+(?:and|&)[ \t\u00a0]+")
_SENTENCE_END = re.compile(r"(?:^|[.!?:;\"“”(\[\n])[ \t\u00a0]*$")
_PEOPLE_BEFORE = re.compile(
    r"\b(?:told|asked|met|saw|with|called|tell|ask|meet|and|PCs|DCs|officers|Messrs|Mr|Mrs|Ms|"
    r"Dr)[ \t\u00a0]+$"
)


def ordinary_pairs(toks: list, text: str) -> None:
    """ "at Justice and Care": two capitalised ordinary words joined by "and" in mid-sentence, both
    alone (no capitalised word joined before or after), one of them no given name, name one body."""
    english = lexicon.english_words()
    n = len(toks)
    for i in range(n - 1):
        a, b = toks[i], toks[i + 1]
        if not _AND.fullmatch(text[a.end : b.start]) or a.title or b.title or a.word.isupper() or b.word.isupper():
            continue
        if not all(0 <= t.score < 0.8 and t.fw in english and t.fw not in lexicon.FUNCTION_WORDS for t in (a, b)):
            continue
        if a.fw in lexicon.WORD_NAMES and b.fw in lexicon.WORD_NAMES:
            continue  # "Grace and Hope came": two people
        if _SENTENCE_END.search(text, max(0, a.start - 4), a.start) or _PEOPLE_BEFORE.search(
            text, max(0, a.start - 12), a.start
        ):
            continue  # "I told Brown and Green", "PCs Wood and Hill": two people
        if (
            i
            and _joined(text, toks[i - 1], a)
            or i + 2 < n
            and _joined(text, b, toks[i + 2])
            or _POSSESSIVE_AFTER.match(text, b.end)
        ):
            continue
        _thing(a)
        _thing(b)


# --- A name before a plural verb ----------------------------------------------------------------

_PLURAL_VERB = re.compile(r"[ \t\u00a0]+(?:are|were)\b")
_LIST_BEFORE = re.compile(r"(?:\band|&|,|\bboth|\bor|\bnor)[ \t\u00a0]*$", re.IGNORECASE)


def bodies_with_plural_verbs(toks: list, text: str) -> None:
    """ "Berkeley Roe are recruiting": one to three capitalised words, none of them certainly a
    name, followed by "are" or "were" and not the last of a list ("Tariq and Amina were") name a
    firm, as British English writes one."""
    n = len(toks)
    for j, t in enumerate(toks):
        if not _PLURAL_VERB.match(text, t.end) or t.score < 0 or t.title:
            continue
        i = j
        while (
            i > 0
            and i > j - 2
            and toks[i - 1].score >= 0
            and not toks[i - 1].title
            and _joined(text, toks[i - 1], toks[i])
        ):
            i -= 1
        run = toks[i : j + 1]
        if (
            len(run) < 2
            or j + 1 < n
            and _joined(text, t, toks[j + 1])
            or any(u.score >= 0.8 or u.score <= 0 and not u.place for u in run)
            or _LIST_BEFORE.search(text, max(0, run[0].start - 8), run[0].start)
            or role_before(text, run[0].start)
        ):  # "and driver Budi Hartono were": a person
            continue
        for u in run:
            _thing(u)


# --- Doctrines and faiths -----------------------------------------------------------------------

_DOCTRINE = re.compile(r"[a-z]{3,}(?:ism|ianity)")


def doctrines(toks: list) -> None:
    """ "Christianity", "Catholicism", "Zoroastrianism": a faith or a doctrine, not a name."""
    for t in toks:
        if 0 < t.score < 0.8 and not t.title and _DOCTRINE.fullmatch(t.fw):
            _thing(t)


# --- Ordinary words continuing an allow-listed body ---------------------------------------------


def bodies_after_bodies(toks: list, text: str) -> None:
    """ "Hestia’s Modern Slavery Response", "the Home Office Hotels": a capitalised ordinary word (no
    given name) straight after an allow-listed phrase continues that body's name, not a person's."""
    english = lexicon.english_words()
    for p, t in zip(toks, toks[1:], strict=False):
        if (
            p.score < 0
            and 0 < t.score < 0.8
            and not t.title
            and not t.word.isupper()
            and t.fw in english
            and t.fw not in lexicon.WORD_NAMES
            and _joined(text, p, t)
        ):
            _thing(t)


# --- A name in a list of companies --------------------------------------------------------------

_COMPANY_LAST = frozenset("plc ltd limited llp inc partnership group holdings".split())
_LIST_SEP = re.compile(
    r"[ \t\u00a0]*(?:,[ \t\u00a0]*(?:(?:and|or)[ \t\u00a0]+)?|[ \t\u00a0]+(?:and|or)[ \t\u00a0]+)"
    r"(?:the[ \t\u00a0]+)?"
)


def companies_listed(toks: list, text: str) -> None:
    """ "Next Plc, the John Lewis Partnership and Dunelm Mill": in a list where an item ends in a
    company's word ("Plc", "Partnership"), the other items of capitalised words are companies too,
    unless one of their words is certainly a name."""
    n = len(toks)
    if not any(t.fw in _COMPANY_LAST for t in toks):
        return
    items: list[list] = []
    i = 0
    while i < n:  # runs of joined capitalised words
        j = i
        while j + 1 < n and _joined(text, toks[j], toks[j + 1]):
            j += 1
        items.append(toks[i : j + 1])
        i = j + 1
    k = 0
    while k < len(items):
        m = k
        while m + 1 < len(items) and _LIST_SEP.fullmatch(text[items[m][-1].end : items[m + 1][0].start]):
            m += 1
        group = items[k : m + 1]
        if len(group) >= 3 and any(g[-1].fw in _COMPANY_LAST for g in group):
            for g in group:
                if g[-1].fw not in _COMPANY_LAST and all(u.score < 0.8 and not u.title for u in g):
                    for u in g:
                        if u.score >= 0:
                            _thing(u)
        k = m + 1


def published_bodies(toks: list, text: str) -> None:
    """Every rule above, in order."""
    acronyms_among_words(toks, text)
    bodies_by_roles(toks, text)
    ordinary_pairs(toks, text)
    bodies_with_plural_verbs(toks, text)
    doctrines(toks)
    companies_listed(toks, text)
    bodies_after_bodies(toks, text)
