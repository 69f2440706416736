"""How published testimony (news reports, charity case studies, inquiry reports) writes people and
things, beyond what an interviewee's statement does:

* a photo credit ("Picture: JANE ROE", "© Jane Roe/Agency", "JANE ROE/AFP via Getty Images"): the
  photographer is a person, even in capitals or with a surname that is a word; the agency stays;
* a capital letter standing for someone ("the story of V", "V’s flat", "Witness A was ..."),
  wherever else that letter is written alone;
* a byline: a line that is only a name ("By Jane Roe", "Jane Young");
* a police operation's code name ("Operation Cardinas") and a name written in CamelCase
  ("EuroPol"): things, not people;
* the words an acronym in brackets is spelt from ("Central Crime Team (CCT)"): a body, and a body
  named before an allow-listed one ("Blackfriars Crown Court", "Home-Start UK").

Places and named buildings are in ``published_places``.

Each function marks the likely-name detector's words (``names._Tok``: ``start``, ``end``, ``word``,
``fw``, ``score``, ``edge_ok``, ``title``, ``place``) in place, as the rules of ``context`` do.
"""

from __future__ import annotations

import re

from desktop.redaction import lexicon
from desktop.redaction.fold import fold
from desktop.redaction.name_lists import any_given_names
from desktop.redaction.published_bodies import published_bodies
from desktop.redaction.things import defined_acronym
from desktop.redaction.word_sets import statement_words

_SPACE = re.compile(r"^[ \t\u00a0]+$")
_PERSON = 0.95  # as sure as a name the text gives someone: looked for again wherever else written

# --- Photo credits ----------------------------------------------------------------------------

_CREDIT_CUE = re.compile(r"(?:©|\b(?:photo(?:graph)?s?|pictures?|images?|credits?)[ \t\u00a0]*:)[ \t\u00a0]*",
                         re.IGNORECASE)
_CAP_WORD = r"[A-Z](?:\.|[\w'’\-]*)"  # a capitalised word, or an initial with its full stop
_CAP_WORDS = _CAP_WORD + r"(?:[ \t\u00a0]+" + _CAP_WORD + r"){0,3}"
# "JANE ROE/AFP via Getty Images", "REUTERS/Jane Roe" at the end of a caption line.
_SLASH_CREDIT = re.compile(r"(" + _CAP_WORDS + r")[ \t\u00a0]*/[ \t\u00a0]*(" + _CAP_WORDS + r")"
                           r"(?:[ \t\u00a0]+via[ \t\u00a0]+(" + _CAP_WORDS + r"))?[ \t\u00a0]*$", re.MULTILINE)
# Every slash credit holds a slash with a capital after it ("JANE ROE/AFP"; not "12/03/2021"): looked for first.
_SLASH_CAPITAL = re.compile(r"/[ \t\u00a0]*[A-Z]")
# The last word of an agency's name: "Getty Images", "Press Association", "Shutterstock Editorial".
_AGENCY_LAST = frozenset("images pictures photo photos photography press news agency association editorial stock "
                         "features media wire".split())


def _in_range(toks: list, s: int, e: int) -> list:
    return [t for t in toks if s <= t.start and t.end <= e]


def _is_photographer(part: list) -> bool:
    """Two to four capitalised words, not ending in an agency's word ("Images") nor holding a body's,
    one of them a given name that is a word or no ordinary word at all, or the first a given name of
    the lists (both words English: "Bobby Hale"): a person ("Ed Roe")."""
    if not 2 <= len(part) <= 4 or part[-1].fw in _AGENCY_LAST:
        return False
    if any(t.score < 0 or t.title or t.place for t in part):
        return False
    return any(t.fw in lexicon.WORD_NAMES or not _ordinary(t) for t in part) or part[0].fw in any_given_names()


def _ordinary(t) -> bool:  # noqa: ANN001 - names._Tok
    """An ordinary word, a nationality, a place or a short acronym: not a word only a name is."""
    return t.fw in lexicon.english_words() or t.fw in lexicon.NOT_NAMES or t.fw in lexicon.place_tokens() \
        or t.word.isupper() and len(t.word) <= 3


def _trimmed(part: list) -> list:
    """The part from its first word that may be a name on ("Britain JANE ROE": the caption's end)."""
    while len(part) > 2 and _ordinary(part[0]) and part[0].fw not in lexicon.WORD_NAMES:
        part = part[1:]
    return part


def _credit(toks: list, parts: list[tuple[int, int]], agencies_only: bool = False) -> None:
    """Each part of a credit is the photographer or an agency. A credit of one word alone
    ("Photo: Amina") is taken for a person unless it is an ordinary word ("Picture: Supplied")."""
    for s, e in parts:
        part = _trimmed(_in_range(toks, s, e))
        if not part:
            continue
        alone = len(parts) == 1 and len(part) == 1 and not _ordinary(part[0]) and part[0].score >= 0
        if not agencies_only and (_is_photographer(part) or alone):
            for t in part:
                t.score, t.edge_ok, t.place, t.title = max(t.score, 0.9), True, False, False
        elif not any(t.score >= 0.9 for t in part):
            for t in part:
                if t.score >= 0:
                    t.score, t.place, t.edge_ok = 0.0, True, False


def photo_credits(toks: list, text: str) -> None:
    """The photographer of a credit is a person, the agency a thing to keep."""
    cue = ("©" in text or ":" in text) and _CREDIT_CUE.search(text)  # (every cue holds one of them)
    if "/" not in text and not cue:
        return
    for m in _CREDIT_CUE.finditer(text) if cue else ():
        end = text.find("\n", m.end())
        end = len(text) if end < 0 else end
        line = text[m.end() : end]
        slash = _SLASH_CREDIT.match(line)
        if slash:
            base = m.end()
            _credit(toks, [(base + slash.start(k), base + slash.end(k)) for k in (1, 2) if slash.group(k)])
            if slash.group(3):
                _credit(toks, [(base + slash.start(3), base + slash.end(3))], agencies_only=True)
        elif re.fullmatch(_CAP_WORDS + r"[ \t\u00a0]*", line):
            _credit(toks, [(m.end(), end)])
    for m in _SLASH_CREDIT.finditer(text) if _SLASH_CAPITAL.search(text) else ():
        if _CREDIT_CUE.search(text, max(0, text.rfind("\n", 0, m.start()) + 1), m.start()):
            continue  # done above
        sides = [_in_range(toks, m.start(k), m.end(k)) for k in (1, 2)]
        if not all(sides):
            continue
        # Without a cue: "... via X" says it is a credit, or a side ends in an agency's word, or one
        # side is one word in capitals (an agency) and the other a person.
        one_word = [len(side) == 1 and side[0].word.isupper() for side in sides]  # "REUTERS", "AFP"
        agency_side = any(side[-1].fw in _AGENCY_LAST for side in sides)  # "PA Images / Alamy Stock Photo"
        if m.group(3) or agency_side \
                or one_word.count(True) == 1 and _is_photographer(_trimmed(sides[one_word.index(False)])):
            _credit(toks, [m.span(1), m.span(2)])
            if m.group(3):
                _credit(toks, [m.span(3)], agencies_only=True)


# --- A capital letter standing for someone ------------------------------------------------------

# Words before a letter that stands for a person in reports and judgments ("Witness A", "Client B").
_LETTER_NOUNS = frozenset("""witness victim client survivor claimant applicant appellant respondent defendant
complainant patient resident detainee woman man girl boy child mother father worker person""".split())
_LABEL_BEFORE = frozenset("""plan grade type class category section option block wing unit flat room platform gate
size vitamin level stage band zone appendix annex annexe schedule part table figure exhibit model version
route division group team""".split())
_POSSESSIVE_WORD = re.compile(r"['’]s[ \t\u00a0]+[a-z]")


def letters_for_people(toks: list, text: str) -> None:
    """A capital letter written as someone's name: after "Witness", "Client" and the like, or in the
    possessive before a noun ("V’s flat"); then wherever else it stands alone ("the story of V")."""
    people: set[str] = set()
    for t in toks:
        if len(t.word) != 1 or not t.word.isupper() or t.word == "I" or t.title or t.score < 0:
            continue
        before = text[max(0, t.start - 20) : t.start].split()
        noun = before[-1] if before and _SPACE.match(text[t.start - 1 : t.start]) else ""
        if noun.lower() in _LETTER_NOUNS and (t.word != "A" or noun[0].isupper()):
            t.score, t.edge_ok, t.place = _PERSON, True, False
            people.add(t.word)
        elif t.word != "A" and _POSSESSIVE_WORD.match(text, t.end) and noun.lower() not in _LABEL_BEFORE:
            t.score, t.edge_ok, t.place = _PERSON, True, False
            people.add(t.word)
    people.discard("A")  # "A" alone is the article: only after "Witness" and the like
    if not people:
        return
    for t in toks:
        if t.word in people and t.score < _PERSON and not t.title and t.score >= 0:
            before = text[max(0, t.start - 20) : t.start].split()
            after = text[t.end : t.end + 2]
            if before and before[-1].lower() in _LABEL_BEFORE or after[:1] in "-." and after[1:].isalnum():
                continue  # "Plan V", "V-neck", "V.A.T."
            t.score, t.edge_ok, t.place = _PERSON, True, False


# "L.C. won her case", "the case of A.B. (who ...)": initials with full stops standing for someone.
_DOTTED = re.compile(r"(?<![\w.])((?:[A-Z]\.){2,3})(?![\w])")
_DOT_LETTER_DOT = re.compile(r"\.[A-Z]\.")
_DOTTED_AS_PERSON = re.compile(r"[ \t\u00a0]*(?:\((?:who|whose|not|her|his)\b|,[ \t\u00a0]+(?:a|an|aged|who)\b|"
                               r"['’]s[ \t\u00a0]+[a-z]|"
                               r"[ \t\u00a0]+(?:won|lost|said|says|told|tells|was|is|had|has|fled|came|went|left|"
                               r"applied|claimed|arrived|lived|worked|recalled|described|explained)\b)")
# In a heading written in title case every word has its capital, so the same words after the letters
# count whatever their case ("b. M.K.'s Work As A Nanny", "M.K. Was Taken To ...").
_DOTTED_AS_PERSON_ANY_CASE = re.compile(_DOTTED_AS_PERSON.pattern, re.IGNORECASE)
_LINE_WORD = re.compile(r"[^\W\d_]{4,}")
_CASE_OF = re.compile(r"\b(?:case|claim|appeal|story|daughter|son|husband|wife|partner)[ \t\u00a0]+of[ \t\u00a0]+$",
                      re.IGNORECASE)


def dotted_initials(text: str) -> list[tuple[int, int, str, float]]:
    """Initials with full stops standing for someone ("L.C. won her case"), wherever else written;
    not a country's or a body's ("the U.S. said", "U.K."): not after "the", nor a known acronym."""
    if not _DOT_LETTER_DOT.search(text):  # (quick: every match holds one, and most texts have none)
        return []
    people: set[str] = set()
    for m in _DOTTED.finditer(text):
        letters = m.group(1).replace(".", "").lower()
        if letters in lexicon.NOT_NAMES or letters in ("am", "pm"):
            continue
        if re.search(r"\b(?:the|The)[ \t\u00a0]+$", text[max(0, m.start() - 5) : m.start()]):
            continue
        if (
            _DOTTED_AS_PERSON.match(text, m.end())
            or _CASE_OF.search(text, max(0, m.start() - 30), m.start())
            or _DOTTED_AS_PERSON_ANY_CASE.match(text, m.end())
            and _title_case_line(text, m.start())
        ):
            people.add(m.group(1))
    return [(m.start(1), m.end(1), "PERSON", _PERSON) for m in _DOTTED.finditer(text) if m.group(1) in people]


def _title_case_line(text: str, pos: int) -> bool:
    """Is the line holding ``pos`` a heading in title case: four words of four letters or more, every
    one capitalised?"""
    a = text.rfind("\n", 0, pos) + 1
    b = text.find("\n", pos)
    words = _LINE_WORD.findall(text, a, len(text) if b < 0 else b)
    return len(words) >= 4 and all(w[0].isupper() for w in words)


# --- Bylines ------------------------------------------------------------------------------------

_BYLINE = re.compile(r"^[ \t\u00a0]*(?:[Bb]y[ \t\u00a0]+)?((?:[A-Z][\w'’\-]*[ \t\u00a0]+){1,2}[A-Z][\w'’\-]*)"
                     r"[ \t\u00a0]*$", re.MULTILINE)


def bylines(toks: list, text: str) -> None:
    """A line that is only two or three capitalised words, one of them a likely name, is a person's
    name whole ("David Young" under a headline: "Young" is a word, yet part of the name; "By Ann
    Blackburn": after "By", a place's name too)."""
    if "\n" not in text:
        return
    for m in _BYLINE.finditer(text):
        words = _in_range(toks, m.start(1), m.end(1))
        by = m.group(0).lstrip()[:2] in ("By", "by")
        if len(words) < 2 or any(t.score < 0 or t.title for t in words) \
                or any(t.place for t in words) and (not by or all(_ordinary(t) for t in words)):
            continue  # after "By", a surname may be a place's name ("By Ann Blackburn")
        best = max(t.score for t in words)
        if by and best < 0.5 and any(not _ordinary(t) for t in words):
            best = 0.5  # a word no dictionary holds, taken into a body on the next line ("... News Service")
        if best >= 0.5 and words[0].fw not in lexicon.FUNCTION_WORDS:
            for t in words:
                t.score, t.edge_ok, t.place = max(t.score, best), True, False
            after = [t for t in toks if t.start >= m.end(1)][:1]
            if after and after[0].score <= 0 and "\n" in text[m.end(1) : after[0].start]:
                after[0].edge_ok = False  # nor the line after
            prev = [t for t in toks if t.end <= m.start(1)][-1:]
            if prev and prev[0].score <= 0 and "\n" in text[prev[0].end : m.start(1)]:
                prev[0].edge_ok = False  # the line before is not part of the name


# --- Pseudonyms marked as such, and names after an occupation ------------------------------------

# An asterisk or a note's number straight after a word: "Eli* arrived", "Angel[1] and her children".
_MARK_AFTER = re.compile(r"(?:\*{1,3}|\[\d{1,2}\])(?=[\s,.;:!?’'”)]|$)")
_DETERMINER_BEFORE = re.compile(r"\b(?:the|a|an|this|that|our|their|its)[ \t\u00a0]+$", re.IGNORECASE)
_PERSON_AFTER_MARK = re.compile(r"[ \t\u00a0]*(?:,|[ \t\u00a0](?:and[ \t\u00a0]+(?:her|his|their)|was|is|has|had|"
                                r"said|says|told|tells|who|arrived|fled|came)\b)")


def marked_pseudonyms(toks: list, text: str) -> None:
    """A capitalised word alone with an asterisk or a note's number straight after it is a name the
    text has changed ("Eli* arrived", "Angel[1] and her children"), wherever else written; an
    ordinary word only when a person's words follow it, and not after a determiner ("the
    Government[3] has")."""
    english = lexicon.english_words()
    people: set[str] = set()
    for i, t in enumerate(toks):
        if t.score < 0 or t.title or t.word.isupper() or not _MARK_AFTER.match(text, t.end):
            continue
        if i and toks[i - 1].score >= 0 and _SPACE.match(text[toks[i - 1].end : t.start]):
            continue  # the last word of a longer name ("Refugee Council[2]")
        fw = t.fw
        if fw in lexicon.FUNCTION_WORDS or fw in lexicon.NOT_NAMES or fw in lexicon.FULL_MONTHS \
                or fw in lexicon.FULL_DAYS or _DETERMINER_BEFORE.search(text, max(0, t.start - 8), t.start):
            continue
        end = _MARK_AFTER.match(text, t.end).end()
        if fw in english and fw not in lexicon.WORD_NAMES and not _PERSON_AFTER_MARK.match(text, end):
            continue
        people.add(fw)
    for t in toks:
        if t.fw in people and 0 <= t.score < _PERSON and not t.title:
            t.score, t.edge_ok, t.place = _PERSON, True, False


# "singer Skin", "campaigner Hope Ade": a lower-case occupation straight before a capitalised word.
_OCCUPATIONS = ("singer", "actress", "actor", "artist", "author", "writer", "poet", "novelist", "playwright",
                "journalist", "reporter", "photographer", "broadcaster", "presenter", "comedian", "rapper", "musician",
                "footballer", "campaigner", "activist", "researcher", "academic", "economist", "filmmaker")
_OCCUPATION = re.compile(r"(?<![\w\-])(?:" + "|".join(_OCCUPATIONS) + r")[ \t\u00a0]+$")


_OCCUPATION_ANYWHERE = re.compile(_OCCUPATION.pattern.removesuffix("$") + r"[A-Z]")
# An occupation of a match stands between no letter, digit, "_" or "-" and a space: a run of ASCII
# letters of the text, so a word of the statement's ``letters`` (one set look-up per occupation,
# where ``w in text`` read the statement once per occupation).


def names_after_occupations(toks: list, text: str) -> None:
    """The capitalised word straight after an occupation written in lower case ("the singer Skin",
    "actress Romola Roe") is someone's name, even when it is a word or a place."""
    if statement_words(text).letters.isdisjoint(_OCCUPATIONS) or not _OCCUPATION_ANYWHERE.search(text):
        return  # (the words first: the pattern starts with no letter of its own and most texts have none)
    for t in toks:
        if t.score < 0 or t.score >= 0.85 or t.title or t.word.isupper() or t.initial \
                or t.fw in lexicon.FUNCTION_WORDS or t.fw in lexicon.NOT_NAMES or t.fw in lexicon.FULL_MONTHS \
                or t.fw in lexicon.FULL_DAYS or not _OCCUPATION.search(text, max(0, t.start - 16), t.start):
            continue
        t.score, t.edge_ok, t.place = 0.85, True, False


# --- Code names and CamelCase -------------------------------------------------------------------

_CAMEL = re.compile(r"([A-Z][a-z]{2,})([A-Z][a-z]+)")
_NAME_PREFIXES = frozenset("mac van von del della dela san fitz ter ten".split())


_PLURAL_ACRONYM = re.compile(r"[A-Z]{2,}s")


def plural_acronyms(toks: list, text: str) -> None:
    """An acronym in the plural ("IRCs", "NGOs") is a kind of thing, and a capitalised word joined
    before it says which ("Gatwick IRCs"): neither is a person."""
    for i, t in enumerate(toks):
        if not _PLURAL_ACRONYM.fullmatch(t.word) or t.score < 0:
            continue
        t.score, t.place, t.edge_ok = 0.0, True, False
        if i and 0 <= toks[i - 1].score < 0.8 and not toks[i - 1].title \
                and _SPACE.match(text[toks[i - 1].end : t.start]):
            p = toks[i - 1]
            p.score, p.place, p.edge_ok = 0.0, True, False


def code_names_and_brands(toks: list, text: str) -> None:
    """A police operation's code name ("Operation Cardinas") and a word in CamelCase made of two
    English words ("EuroPol", "HomeSafe"; not "MacLeod", "VanDyke", "LeeAnn", "RoseMary") are
    names of things."""
    english = lexicon.english_words()
    n = len(toks)
    for i, t in enumerate(toks):
        if t.score < 0 or t.title:
            continue
        if t.word == "Operation" and i + 1 < n and _SPACE.match(text[t.end : toks[i + 1].start]):
            k = i + 1
            while k < n and k <= i + 3 and toks[k].score >= 0 and not toks[k].title \
                    and _SPACE.match(text[toks[k - 1].end : toks[k].start]):
                toks[k].score, toks[k].place, toks[k].edge_ok = 0.0, True, False
                k += 1
            t.score, t.place, t.edge_ok = 0.0, True, False
            continue
        m = _CAMEL.fullmatch(t.word)
        if m and t.score < 0.8 and all(fold(g) in english for g in m.groups()) \
                and fold(m.group(1)) not in _NAME_PREFIXES and fold(m.group(1)) not in lexicon.WORD_NAMES:
            t.score, t.place, t.edge_ok = 0.0, True, False


# --- Words an acronym in brackets is spelt from -------------------------------------------------


# Between the words an acronym is spelt from: a space, or small words ("Gangmasters and Labour ...").
_SMALL_GAP = re.compile(r"[ \t\u00a0]+(?:(?:and|of|for|the|on|in|&)[ \t\u00a0]+){0,2}")


def bodies_spelt_out(toks: list, text: str) -> None:
    """"Central Crime Team (CCT)", "Gangmasters and Labour Abuse Authority (GLAA)": the capitalised
    words before an acronym in brackets whose initials it is are a body's name. Not a person's:
    every word but one of three or more is an ordinary word, none a given name that is a word
    ("Grace Hope Smith (GHS)" is someone)."""
    english = lexicon.english_words()
    for i, t in enumerate(toks):
        if not t.word.isupper() or len(t.word) < 2 or text[t.start - 1 : t.start] != "(" \
                or not defined_acronym(text, t.start, t.word):
            continue
        k = len(t.word)
        run = toks[max(0, i - k) : i]
        if len(run) != k or not re.fullmatch(r"[ \t\u00a0]*\(", text[run[-1].end : t.start]):
            continue
        if any(not _SMALL_GAP.fullmatch(text[a.end : b.start]) for a, b in zip(run, run[1:], strict=False)):
            continue
        plain = [u for u in run if u.fw in english or u.fw in lexicon.NOT_NAMES or u.place]
        if any(u.fw in lexicon.WORD_NAMES or u.score >= 0.8 or u.title for u in run):
            continue
        if len(plain) == k or k >= 3 and len(plain) == k - 1:
            for u in run:
                if u.score >= 0:
                    u.score, u.place, u.edge_ok = 0.0, True, False


# The last word of a body an allow-listed phrase names ("Crown Court", "Police"), and "UK" ending a
# body's name ("Home-Start UK", "Women Against Trafficking UK").
_BODY_END = frozenset("court police station tribunal service prison centre council uk".split())


def bodies_before_bodies(toks: list, text: str) -> None:
    """One or two capitalised words joined before an allow-listed body ending in a body's kind
    ("Blackfriars Crown Court"), or before "UK" when they are ordinary words ("Home-Start UK"),
    name that body: not a person."""
    english = lexicon.english_words()
    n = len(toks)
    for j, t in enumerate(toks):
        if j == 0 or t.fw not in _BODY_END and not (t.score < 0 and j + 1 < n and toks[j + 1].score < 0):
            continue
        if t.fw == "uk":
            run = []
            i = j - 1
            while i >= 0 and len(run) < 3 and toks[i].score >= 0 \
                    and _SPACE.match(text[toks[i].end : toks[i + 1].start]):
                run.insert(0, toks[i])
                i -= 1
            if run and all(all(p in english for p in u.fw.split("-")) and u.score < 0.8 and not u.title
                           and u.fw not in lexicon.WORD_NAMES for u in run):
                for u in run:
                    u.score, u.place, u.edge_ok = 0.0, True, False
            continue
        if t.score >= 0:
            continue
        # t starts a blocked phrase ("Crown" of "Crown Court"): find where it ends.
        k = j
        while k + 1 < n and toks[k + 1].score < 0 and _SPACE.match(text[toks[k].end : toks[k + 1].start]):
            k += 1
        if k == j or toks[k].fw not in _BODY_END or (j and toks[j - 1].score < 0):
            continue  # a phrase of two words or more ("Crown Court"): "Ade Police" may be someone's name
        i = j - 1
        if i >= 0 and 0 <= toks[i].score < 0.8 and not toks[i].title \
                and _SPACE.match(text[toks[i].end : t.start]) and toks[i].fw not in lexicon.FUNCTION_WORDS \
                and not (i and toks[i - 1].score > 0 and _SPACE.match(text[toks[i - 1].end : toks[i].start])):
            toks[i].score, toks[i].place, toks[i].edge_ok = 0.0, True, False  # not "Ade Okafor Crown Court"


def published_words(toks: list, text: str) -> None:
    """Every rule above that marks words, in order (after the other rules of the detector)."""
    bodies_before_bodies(toks, text)
    bodies_spelt_out(toks, text)
    plural_acronyms(toks, text)
    code_names_and_brands(toks, text)
    marked_pseudonyms(toks, text)
    names_after_occupations(toks, text)
    published_bodies(toks, text)
    letters_for_people(toks, text)
    bylines(toks, text)
    photo_credits(toks, text)
