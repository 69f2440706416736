"""People named as parties in court and tribunal text, told by how a case is written.

A judgment, a tribunal's decision or a note about one names its parties in a case title: "X v Y"
("v" or "v." between them, or "-v-"), where the Crown or the state stands on one side ("R v AB",
"AB v Secretary of State for the Home Department", "R (on the application of AB) v ...") and a
person often only by letters that hide her name. Read here, only where a title's "v" is written:

* letters standing as a party: one to four capitals, or initials with full stops ("K.L.M."),
  straight before or after the "v" when the other side is the Crown or the state ("R", "Regina",
  "SSHD", "Secretary of State", "Home Office", "Minister", "Public Prosecutor", "HM Advocate",
  "United States"...); in brackets after "R" or after "on the application of" ("R (AB) v",
  "R (on the application of AB) v"); or before a bracketed country or description and then the
  "v" or a neutral citation ("AB (Afghanistan) v SSHD", "AB (Trafficking - no decision) Ruritania
  [2018] UKUT 200 (IAC)"), the way a reported tribunal decision is named; or straight before a
  neutral citation ("the decision in AB [2019] UKUT 210");
* the same letters in brackets, or between commas, after a party's noun that ``initials_named``
  does not read: "the appellant (PK)", "another person (XY)", "the complainer (AB)", "The
  appellant, ODX, born in 1985";
* a judgment's heading: letters alone on a line ("MK", "O D A", "DL + 2", "GS (Albania)") with
  the anonymity order or the party's label ("Appellant", "Respondent") on the next line;
* a lone word as one side of a title ("R v Fisher", "Baker v Harrow Holdings Ltd", "R v Fisher
  & Others"): a surname, even an English word; not a place ("X v Ruritania"), nor the Crown's.

Letters of two to four found so are a name wherever they stand alone as a word again ("The
headnote to AB:"); a single letter only where the title or the bracket holds it (it is a word,
"A", everywhere else). Never letters a rule took for a body (a score below zero), an office in
capitals, a function word, or the Crown's and the state's own letters ("SSHD", "DPP", "PP").
"""

from __future__ import annotations

import re

from desktop.redaction import lexicon
from desktop.redaction.name_lists import given_names, surname_words

SCORE = 0.6  # as letters the text's wording gave a person (initials_named): found again
ONE_LETTER = 0.9  # one letter is kept as a name only from 0.9 (engine: "Ms T"); the title says it is one
_STATE_FIRST = frozenset(
    "r r. regina rex crown state people commonwealth sshd dpp pp secretary minister minister's ministry "
    "attorney-general attorney procurator united public hm his her home the".split()
)
_STATE_LETTERS = frozenset("SSHD DPP PP HMA CPS USA US UK HM HMRC DWP NHS ECO SSWP".split())
_STATE_AFTER_THE = frozenset("queen king crown state people commonwealth secretary minister home".split())
_APPLICATION = re.compile(r"\bR[ \t\u00a0]+\((?:on[ \t\u00a0]+the[ \t\u00a0]+application[ \t\u00a0]+of[ \t\u00a0]+)?\Z")
_BRACKETED_AFTER = re.compile(
    r"[ \t\u00a0]+\([^()\n]{2,80}\)(?:[ \t\u00a0]+[A-Z][\w\-]*){0,3}[ \t\u00a0]*"
    r"(?:\[(?:1[89]|20)\d\d\]|v\.?[ \t\u00a0])"
)
_CITED_AFTER = re.compile(
    r"[ \t\u00a0]+\[(?:1[89]|20)\d\d\][ \t\u00a0]+[A-Z][A-Za-z]*[ \t\u00a0]+(?:[A-Z][a-z]+[ \t\u00a0]+)?\d"
)
_PARTY_NOUN = re.compile(
    r"\b(?:appellant|appellants|person|complainer|accused|offender|pursuer|minuter|reclaimer)[ \t\u00a0]+\(\Z",
    re.IGNORECASE,
)
_PARTY_NOUN_COMMA = re.compile(
    r"\b(?:appellant|appellants|complainer|accused|offender|pursuer|minuter|reclaimer),[ \t\u00a0]+\Z", re.IGNORECASE
)
_COMMA_AFTER = re.compile(r"[ \t\u00a0]*,")
# A judgment's heading: a party's letters alone on a line ("MK", "O D A", "DL + 2", "GS (Albania)"),
# the next line an anonymity order or the party's label.
_HEADING_LETTERS = re.compile(
    r"^[ \t\u00a0]*([A-Z]{1,4}(?:[ \t\u00a0][A-Z]{1,4}){0,3})(?:[ \t\u00a0]*\+[ \t\u00a0]*\d+"
    r"|[ \t\u00a0]+\([A-Z][\w ]{2,30}\))?[ \t\u00a0]*\n\s*"
    r"(?:\((?:ANONYMITY|Anonymity|anonymity)\b|\(?(?:Appellants?|Respondents?|Claimants?|Applicants?|Petitioners?"
    r"|APPELLANTS?|RESPONDENTS?|CLAIMANTS?|APPLICANTS?)\b)",
    re.MULTILINE,
)
_CLOSE = re.compile(r"\.?\)")
_TAIL = re.compile(r"[ \t\u00a0]+(?:&|and)[ \t\u00a0]+(?:Ors|Others|others|Anor|Another|another)\b\.?")
# A side of a title ends at a bracket, a stop of the clause, the line's end, or a year written bare
# after the party, as a neutral citation ("R v Fisher 2016 ONSC 4410") or as a case is spoken of
# ("R v Fisher 2019 was heard"): a year is no word of a company's or a place's name.
_SIDE_END = re.compile(r"[ \t\u00a0]*(?:[\[(,;:\n]|$|\Z)|[ \t\u00a0]+(?:1[89]|20)\d\d(?![\w])")
_DOTTED = re.compile(r"(?<![\w.])((?:[A-Z]\.){2,4})(?![\w])")
_DOTTED_AFTER_V = re.compile(r"\b(?:R|Regina|Rex)\.?[ \t\u00a0]+v\.?[ \t\u00a0]+\Z")
_DOTTED_BEFORE_V = re.compile(r"[ \t\u00a0]+v\.?[ \t\u00a0]+(?:R\b|Regina\b|Rex\b|The[ \t\u00a0]+(?:Queen|King)\b)")
_PERSON_DOTTED = 0.95  # as published.dotted_initials: letters with no two together need 0.9 to be kept (engine)
_DOT_LETTER_DOT = re.compile(r"\.[A-Z]\.")
_CO_PARTY = re.compile(r"(?:,|[ \t\u00a0]+(?:and|&))[ \t\u00a0]+\Z")


def _letters(w: str) -> bool:
    return 1 <= len(w) <= 4 and w.isalpha() and w.isupper()


def _eligible(t, *, slot: bool = False) -> bool:  # noqa: ANN001 - names._Tok
    """May the letters ``t`` be a party's? In a title's slot ("R v AS,") even a function word's
    letters are initials; elsewhere ("the appellant (IT)") they are not."""
    return (
        t.score >= 0
        and not t.title
        and t.word not in _STATE_LETTERS
        and t.fw not in lexicon.CAPS_TITLES
        and (slot or len(t.word) == 1 or t.fw not in lexicon.FUNCTION_WORDS)
        and t.word not in ("I", "R")
    )


def _state(text: str, pos: int) -> bool:
    """Does the other side of a title, starting at ``pos``, name the Crown or the state?"""
    m = re.match(r"[\w.'’\-]+", text[pos : pos + 40])
    if not m:
        return False
    w = m.group().lower()
    if w in ("the", "her", "his", "hm") or w == "public":
        nxt = re.match(r"[\w.'’\-]+[ \t\u00a0]+([\w'’\-]+)", text[pos : pos + 60])
        return bool(nxt) and (
            nxt.group(1).lower() in _STATE_AFTER_THE | {"majesty's", "majesty’s", "advocate", "prosecutor", "office"}
        )
    return w in _STATE_FIRST or m.group() in _STATE_LETTERS


def _side_before(toks: list, k: int, text: str) -> int:
    """The first word of the title's side that ends with ``toks[k]``."""
    i = k
    while (
        i
        and toks[i - 1].joins
        and toks[i - 1].on_line
        and toks[i - 1].score >= 0
        and toks[i - 1].fw not in lexicon.FUNCTION_WORDS
        and text[toks[i - 1].end : toks[i].start] == " "
    ):
        i -= 1
    return i


def court_parties(toks: list, text: str) -> None:
    """Score the people a case title or a party's bracket names (see the module's note)."""
    vs = _title_vs(text)
    candidates = _letters_in_brackets_or_lists(text)
    has_heading = "\n" in text and (
        "nonymity" in text or "NONYMITY" in text or "ppellant" in text or "PPELLANT" in text
    )
    if not vs and not candidates and not has_heading:
        return
    starts = {t.start: k for k, t in enumerate(toks)}
    ends = {t.end: k for k, t in enumerate(toks)}
    found: set[str] = set()
    marked: set[int] = set()

    def take(k: int) -> None:
        t = toks[k]
        score = SCORE if len(t.word) > 1 else ONE_LETTER
        t.score, t.edge_ok, t.place, t.title = max(t.score, score), True, False, False
        marked.add(k)
        if len(t.word) > 1:
            found.add(t.word)

    if vs:
        for a, b in vs:
            left, right = ends.get(a), starts.get(b)
            if left is None:  # "R v X & Others": the tail is no party
                tail = _TAIL.search(text, max(0, a - 12), a)
                left = ends.get(tail.start()) if tail and tail.end() == a else None
            if left is not None:
                i = _side_before(toks, left, text)
                t = toks[left]
                if i == left and _eligible(t, slot=True) and _letters(t.word) and _state(text, b):
                    take(left)  # "AB v Secretary of State"
                elif i == left and _lone_party(
                    toks, left, text, before=True, opposite=_state(text, b) or _FIRM_AFTER_V.match(text, b) is not None
                ):
                    take(left)  # "Baker v Harrow Holdings Ltd"
            if right is not None:
                t = toks[right]
                j = right
                while (
                    j + 1 < len(toks)
                    and toks[j].joins
                    and toks[j].on_line
                    and text[toks[j].end : toks[j + 1].start] == " "
                    and toks[j + 1].fw not in lexicon.FUNCTION_WORDS
                ):
                    j += 1
                left_state = _STATE_BEFORE_V.search(text, max(0, a - 60), b) is not None
                if (
                    j == right
                    and _eligible(t, slot=True)
                    and _letters(t.word)
                    and left_state
                    and _SIDE_END.match(text, t.end)
                ):
                    take(right)  # "R v AB", "SSHD v AB (Pakistan)"
                    while (
                        j + 1 < len(toks)
                        and _CO_PARTY.match(text[toks[j].end : toks[j + 1].start])
                        and _eligible(toks[j + 1], slot=True)
                        and _letters(toks[j + 1].word)
                        and len(toks[j + 1].word) > 1
                    ):
                        j += 1
                        take(j)  # "R v AB, CD and EF": the co-appellants
                elif j == right and _lone_party(
                    toks, right, text, before=False, opposite=left_state,
                    firm=_FIRM_BEFORE_V.search(text, max(0, a - 16), b),
                ):
                    take(right)  # "R v Fisher & Others", "Harbour Inn Pty Ltd v Baker [2008]"
    for pos in candidates:
        k = starts.get(pos)
        if k is None:
            continue
        t = toks[k]
        if not _letters(t.word) or k in marked:
            continue
        if text[t.start - 1 : t.start] == "(" and _CLOSE.match(text, t.end):
            before = text[max(0, t.start - 50) : t.start]
            if _APPLICATION.search(before) and _eligible(t, slot=True):
                take(k)  # "R (AB) v"
            elif len(t.word) > 1 and _PARTY_NOUN.search(before) and _eligible(t):
                take(k)  # "the appellant (PK)", "another person (KDW)"
        elif (
            len(t.word) > 1
            and _COMMA_AFTER.match(text, t.end)
            and _PARTY_NOUN_COMMA.search(text, max(0, t.start - 20), t.start)
            and _eligible(t)
        ):
            take(k)  # "The appellant, ODX, born in 1985"
        elif (
            _CLOSE.match(text, t.end)
            and _APPLICATION.search(text, max(0, t.start - 50), t.start)
            and _eligible(t, slot=True)
        ):
            take(k)  # "R (on the application of AB)"
        elif len(t.word) > 1 and _CITED_AFTER.match(text, t.end) and _eligible(t, slot=True):
            take(k)  # "the decision in AB [2019] UKUT 210": a case named by its party
        elif (
            len(t.word) > 1
            and _BRACKETED_AFTER.match(text, t.end)
            and _title_start(text, t.start)
            and _eligible(t, slot=True)
        ):
            take(k)  # "AB (Afghanistan) v SSHD", "AB (description) [2018] UKUT 200"
    if has_heading:
        for m in _HEADING_LETTERS.finditer(text):
            a, b = m.span(1)
            k = starts.get(a)
            while k is not None and k < len(toks) and toks[k].end <= b:
                if _eligible(toks[k], slot=True):
                    take(k)  # "Between / MK / (ANONYMITY ORDER MADE) / Appellant"
                k += 1
    if not found:
        return
    for k, t in enumerate(toks):
        if k not in marked and t.word in found and t.score == 0 and not t.title:
            t.score, t.edge_ok = SCORE, True


_S = r"[ \t\u00a0]+"
# A company's side of a title: its suffix, then the "v" (``_FIRM_BEFORE_V``), or after the "v" the
# company's words and its suffix before the citation (``_FIRM_AFTER_V``).
_FIRM_SUFFIX = r"(?:Ltd|Limited|Pty|plc|PLC|Inc|LLP|LLC|Corp|Corporation|Co|GmbH|BV|NV|AG|SA)\.?"
_FIRM_BEFORE_V = re.compile(r"\b" + _FIRM_SUFFIX + r"[ \t\u00a0]+v\.?[ \t\u00a0]+\Z")
_FIRM_AFTER_V = re.compile(r"(?:[A-Z][\w&'’\-]*[ \t\u00a0]+){1,5}" + _FIRM_SUFFIX + r"(?![\w])")
# Courts before which a state is a side ("X v France"): a country named there stays a country.
_STATE_COURTS = re.compile(r"\b(?:ECHR|EHRR|ECtHR|ICSID|European Court of Human Rights|App(?:lication)?\.? [Nn]o)\b")
_STATE_BEFORE_V = re.compile(
    r"(?:^|[\s(\[;,.])(?:R|R\.|Regina|Rex|SSHD|DPP|PP|Crown|State|People|Commonwealth|Public" + _S + "Prosecutor"
    r"|(?:HM|Her" + _S + r"Majesty['’]s|His" + _S + r"Majesty['’]s)" + _S + "Advocate"
    r"|Secretary" + _S + "of" + _S + "State(?:" + _S + "for" + _S + "the" + _S + "Home" + _S + "Department)?"
    r"|(?:[Tt]he" + _S + ")?Home" + _S + "Office|United" + _S + "States(?:" + _S + "of" + _S + "America)?)"
    r"\s+(?:v\.?|-v-)\s+\Z"
)
_TITLE_START = re.compile(r"(?:^|[\n(\[;:\"“]|\b(?:[Ii]n|[Ss]ee|[Tt]o|[Oo]f|and|v\.?)[ \t\u00a0]+)\Z")


_V_SPACE = re.compile(r" v\.?(?=[ \t\u00a0\n])")  # (each with a literal start: found fast)
_V_LINE = re.compile(r"\nv\.?(?=[ \t\u00a0]*\n)")
_V_DASH = re.compile(r" -v- ")
_WS = " \t\u00a0\n"
_BEFORE_V = re.compile(r"[\w.)\]]")
_AFTER_V = re.compile(r"[\w(\[]")
_IN_BRACKETS = re.compile(r"\(([A-Z]{1,4})\.?\)")
_APPLICATION_OF = re.compile(r"application[ \t\u00a0]+of[ \t\u00a0]+([A-Z]{1,4})\.?\)")
_BETWEEN_COMMAS = re.compile(r",[ \t\u00a0]+([A-Z]{2,4})[ \t\u00a0]*,")
_COMMA_NOUNS = ("ppellant", "omplainer", "ccused", "ffender", "ursuer", "inuter", "eclaimer")
_OPENING = re.compile(r"[\[(]")
_LETTERS_BEFORE = re.compile(r"(?<![\w.])([A-Z]{2,4})[ \t\u00a0]+\Z")


def _title_vs(text: str) -> list[tuple[int, int]]:
    """Where a case title's "v" stands: (the end of the side before, the start of the side after)."""
    out = []
    for pattern in (_V_SPACE, _V_LINE, _V_DASH):
        for m in pattern.finditer(text):
            a, b = m.start(), m.end()
            while a and text[a - 1] in _WS:
                a -= 1
            while b < len(text) and text[b] in _WS:
                b += 1
            if a and b < len(text) and _BEFORE_V.match(text, a - 1) and _AFTER_V.match(text, b):
                out.append((a, b))
    return sorted(out)


def _letters_in_brackets_or_lists(text: str) -> list[int]:
    """Where letters that may stand for a party start: in brackets, after "application of",
    between commas after a party's noun, or before a bracket or a citation's year."""
    out: list[int] = []
    if "(" in text or "[" in text:
        out += [m.start(1) for m in _IN_BRACKETS.finditer(text)]
        if "application" in text:
            out += [m.start(1) for m in _APPLICATION_OF.finditer(text)]
        for m in _OPENING.finditer(text):
            b = _LETTERS_BEFORE.search(text, max(0, m.start() - 8), m.start())
            if b:
                out.append(b.start(1))
    if "," in text and any(n in text for n in _COMMA_NOUNS):
        out += [m.start(1) for m in _BETWEEN_COMMAS.finditer(text)]
    return sorted(set(out))


def _title_start(text: str, pos: int) -> bool:
    """Does a case's name start at ``pos``: a line's start, after "In", "see", "and" or a bracket?"""
    return bool(_TITLE_START.search(text[max(0, pos - 6) : pos]))


def _lone_party(toks: list, k: int, text: str, *, before: bool, opposite: bool = False, firm: object = None) -> bool:
    """Is ``toks[k]`` one word standing alone as a side of a title ("Baker v ...", "R v Fisher")?
    ``opposite``: the other side is the Crown, the state or a company. The Crown prosecutes and a
    company sues a person, not a country, so there a place's name that the census gives people is
    a person ("R v Chad", "Harbour Inn Pty Ltd v Chad"); not where the text cites the European
    Court of Human Rights or an investment tribunal, before which a state is a side ("X SA v France").
    ``firm``: the side before is a company's (the side after is read then only with ``opposite``
    or a company before it): the word is a party where it is no English word or the surname list
    holds it ("Harbour Inn Pty Ltd v Baker"; not "v Sunrise", a company named in one word)."""
    t = toks[k]
    w = t.word
    if t.score < 0 or len(w) < 3 or w.isupper() or w[0].islower():
        return False  # (a word read as a place only by "in" before it is a party here: "in Abara v Spain")
    fw = t.fw
    opposite = opposite or firm is not None
    if fw in lexicon.place_tokens() and not (
        opposite and fw in given_names() and not _STATE_COURTS.search(text) and fw not in lexicon.NOT_NAMES
    ):
        return False
    if not before and firm is not None and fw in lexicon.english_words() and fw not in surname_words():
        return False
    if not before and not opposite:
        return False
    if fw in lexicon.FUNCTION_WORDS or fw in lexicon.NOT_NAMES:
        return False
    if fw in _STATE_FIRST or fw in lexicon.FULL_MONTHS or fw in lexicon.FULL_DAYS:
        return False
    if before:
        return _title_start(text, t.start)
    after = text[t.end : t.end + 14]
    return bool(_SIDE_END.match(after) or _TAIL.match(after))


def dotted_parties(text: str) -> list[tuple[int, int, str, float]]:
    """Initials with full stops standing as a party opposite the Crown ("R. v. K.L.M.", "K.L.M. v R"),
    wherever the text writes them again."""
    if not _DOT_LETTER_DOT.search(text) or " v" not in text:
        return []
    people: set[str] = set()
    for m in _DOTTED.finditer(text):
        if _DOTTED_AFTER_V.search(text, max(0, m.start() - 16), m.start()) or _DOTTED_BEFORE_V.match(text, m.end()):
            letters = m.group(1).replace(".", "").lower()
            if letters not in lexicon.NOT_NAMES and letters not in ("us", "uk", "usa"):
                people.add(m.group(1))
    if not people:
        return []
    return [(m.start(1), m.end(1), "PERSON", _PERSON_DOTTED) for m in _DOTTED.finditer(text) if m.group(1) in people]
