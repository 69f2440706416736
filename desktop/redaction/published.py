"""How published testimony (news reports, charity case studies, inquiry reports) writes people and
things, beyond what an interviewee's statement does:

* a photo credit ("Picture: JANE ROE", "© Jane Roe/Agency", "JANE ROE/AFP via Getty Images"): the
  photographer is a person, even in capitals or with a surname that is a word; the agency stays;
* a capital letter standing for someone ("the story of V", "V’s flat", "Witness A was ..."),
  wherever else that letter is written alone;
* a byline: a line that is only a name ("By Jane Roe", "Jane Young");
* a police operation's code name ("Operation Cardinas") and a name written in CamelCase
  ("EuroPol"): things, not people;
* a place after a compass word or a town's possessive ("in south Armagh", "the city's Govanhill");
* the words an acronym in brackets is spelt from ("Central Crime Team (CCT)"): a body;
* a named building without a number ("London's Lunar House") and a court named after its district
  ("Blackfriars Crown Court"): facts, not addresses.

Each function marks the likely-name detector's words (``names._Tok``: ``start``, ``end``, ``word``,
``fw``, ``score``, ``edge_ok``, ``title``, ``place``) in place, as the rules of ``context`` do.
"""

from __future__ import annotations

import re

from desktop.redaction import lexicon
from desktop.redaction.fold import fold
from desktop.redaction.things import defined_acronym

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
# The last word of an agency's name: "Getty Images", "Press Association", "Shutterstock Editorial".
_AGENCY_LAST = frozenset("images pictures photo photos photography press news agency association editorial stock "
                         "features media wire".split())


def _in_range(toks: list, s: int, e: int) -> list:
    return [t for t in toks if s <= t.start and t.end <= e]


def _is_photographer(part: list) -> bool:
    """Two to four capitalised words, not ending in an agency's word ("Images") nor holding a body's,
    one of them a given name that is a word or no ordinary word at all: a person ("Ed Roe")."""
    if not 2 <= len(part) <= 4 or part[-1].fw in _AGENCY_LAST:
        return False
    if any(t.score < 0 or t.title or t.place for t in part):
        return False
    return any(t.fw in lexicon.WORD_NAMES or not _ordinary(t) for t in part)


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
    if "/" not in text and not _CREDIT_CUE.search(text):
        return
    for m in _CREDIT_CUE.finditer(text):
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
    for m in _SLASH_CREDIT.finditer(text):
        if _CREDIT_CUE.search(text, max(0, text.rfind("\n", 0, m.start()) + 1), m.start()):
            continue  # done above
        sides = [_in_range(toks, m.start(k), m.end(k)) for k in (1, 2)]
        if not all(sides):
            continue
        # Without a cue: "... via X" says it is a credit, or one side is one word in capitals (an
        # agency) and the other a person.
        one_word = [len(side) == 1 and side[0].word.isupper() for side in sides]  # "REUTERS", "AFP"
        if m.group(3) or one_word.count(True) == 1 and _is_photographer(_trimmed(sides[one_word.index(False)])):
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
_DOTTED_AS_PERSON = re.compile(r"[ \t\u00a0]*(?:\((?:who|whose|not|her|his)\b|,[ \t\u00a0]+(?:a|an|aged|who)\b|"
                               r"['’]s[ \t\u00a0]+[a-z]|"
                               r"[ \t\u00a0]+(?:won|lost|said|says|told|tells|was|is|had|has|fled|came|went|left|"
                               r"applied|claimed|arrived|lived|worked|recalled|described|explained)\b)")
_CASE_OF = re.compile(r"\b(?:case|claim|appeal|story|daughter|son|husband|wife|partner)[ \t\u00a0]+of[ \t\u00a0]+$",
                      re.IGNORECASE)


def dotted_initials(text: str) -> list[tuple[int, int, str, float]]:
    """Initials with full stops standing for someone ("L.C. won her case"), wherever else written;
    not a country's or a body's ("the U.S. said", "U.K."): not after "the", nor a known acronym."""
    if "." not in text:
        return []
    people: set[str] = set()
    for m in _DOTTED.finditer(text):
        letters = m.group(1).replace(".", "").lower()
        if letters in lexicon.NOT_NAMES or letters in ("am", "pm"):
            continue
        if re.search(r"\b(?:the|The)[ \t\u00a0]+$", text[max(0, m.start() - 5) : m.start()]):
            continue
        if _DOTTED_AS_PERSON.match(text, m.end()) or _CASE_OF.search(text, max(0, m.start() - 30), m.start()):
            people.add(m.group(1))
    return [(m.start(1), m.end(1), "PERSON", _PERSON) for m in _DOTTED.finditer(text) if m.group(1) in people]


# --- Bylines ------------------------------------------------------------------------------------

_BYLINE = re.compile(r"^[ \t\u00a0]*(?:[Bb]y[ \t\u00a0]+)?((?:[A-Z][\w'’\-]*[ \t\u00a0]+){1,2}[A-Z][\w'’\-]*)"
                     r"[ \t\u00a0]*$", re.MULTILINE)


def bylines(toks: list, text: str) -> None:
    """A line that is only two or three capitalised words, one of them a likely name, is a person's
    name whole ("David Young" under a headline: "Young" is a word, yet part of the name)."""
    if "\n" not in text:
        return
    for m in _BYLINE.finditer(text):
        words = _in_range(toks, m.start(1), m.end(1))
        if len(words) < 2 or any(t.score < 0 or t.place or t.title for t in words):
            continue
        best = max(t.score for t in words)
        if best >= 0.5 and words[0].fw not in lexicon.FUNCTION_WORDS:
            for t in words:
                t.score, t.edge_ok = max(t.score, best), True
            prev = [t for t in toks if t.end <= m.start(1)][-1:]
            if prev and prev[0].score <= 0 and "\n" in text[prev[0].end : m.start(1)]:
                prev[0].edge_ok = False  # the line before is not part of the name


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


# --- Places by wider context --------------------------------------------------------------------

_COMPASS = frozenset("""north south east west northern southern eastern western central inner outer greater
north-east north-west south-east south-west north-eastern north-western south-eastern south-western
northeast northwest southeast southwest mid upper lower""".split())
_PLACE_PREPOSITIONS = frozenset("in near outside around from across throughout".split())
_PLACE_OWNERS = re.compile(r"\b(?:city|town|capital|borough|county|village|district|island)['’]s"
                           r"[ \t\u00a0]+$", re.IGNORECASE)
_POSSESSIVE_AFTER = re.compile(r"['’]s?\b")
# "Leeds's Corran House", "London's Oxford Street": a town's landmark or district.
_TOWN_OWNS = re.compile(r"\b([A-Z][\w\-]*)['’]s?[ \t\u00a0]+$")
_LANDMARK_LAST = frozenset("""house tower towers hall centre center street road lane park green end hill market
station airport square bridge gate common cross estate quarter""".split())


# Before a place that a gazetteer of small places holds: "at Calais", "from Kilbarchan", "moved to Leith".
_SMALL_PLACE_BEFORE = frozenset("at via near outside".split())  # not "from": "a call from Ashton" may be someone
_WORLD_PLACE_BEFORE = frozenset(["at"])  # not "via": "I paid via Hassan"
# "shouted at Farah", "looked at Victoria": "at" after these is someone, not somewhere.
_AT_SOMEONE = re.compile(r"(?:shout|yell|scream|look|stare|glanc|laugh|smil|wav|point|swor|swear|curs|throw|threw|"
                         r"lash|snapp|snap|bark|grinn|grin|wink|nodd|frown|gestur|aim|fir|spat|spit|lung|swung|swing|"
                         r"angry|furious|mad|cross|upset|annoyed|jump|came|go|went|get|got)(?:e|ed|ing|s)?$")
_MOVED = frozenset("""moved move moving relocated transferred sent went came back taken brought drove driven flew
travelled traveled returned""".split())
_DISTRICT_LAST = _LANDMARK_LAST | frozenset("side town heath wood vale fields village".split())


def _small_place_run(toks: list, i: int, text: str, world: bool) -> int:
    """The last index of a run from ``toks[i]`` that a small-places gazetteer holds, or -1."""
    run = [toks[i]]
    while len(run) < 4 and i + len(run) < len(toks) and toks[i + len(run)].score >= 0 \
            and re.fullmatch(r"[ \t\u00a0\-]+", text[run[-1].end : toks[i + len(run)].start]):
        run.append(toks[i + len(run)])
    for k in range(len(run), 0, -1):
        key = lexicon.place_key([t.word for t in run[:k]])
        if key in lexicon.small_places("uk") or world and key in lexicon.small_places("world"):
            return i + k - 1
    return -1


def _is_place_run(toks: list, i: int, j: int) -> bool:
    key = lexicon.place_key([t.word for t in toks[i : j + 1]])
    return all(t.place for t in toks[i : j + 1]) or key in lexicon.place_tokens() \
        or key in lexicon.small_places("uk") or key in lexicon.small_places("world") \
        or tuple(key.split()) in lexicon.multiword_places().get(key.split()[0], ())


def places_between(toks: list, text: str) -> set[str]:
    """"from X to Y": when one is a known place and the other a district's name ("... Park",
    "... Green"), that is a place too ("from Finsbury Park to Croydon"; not "from Tariq to Leeds").
    Returns the folded words marked."""
    marked: set[str] = set()
    for m in re.finditer(r"\bfrom[ \t\u00a0]+((?:[A-Z][\w'’\-]*[ \t\u00a0]+){1,3}?)to"
                         r"[ \t\u00a0]+((?:[A-Z][\w'’\-]*)(?:[ \t\u00a0]+[A-Z][\w'’\-]*){0,2})", text):
        sides = []
        for k in (1, 2):
            idx = [n for n, t in enumerate(toks) if m.start(k) <= t.start and t.end <= m.end(k)]
            if not idx or any(toks[n].score < 0 or toks[n].title for n in idx):
                break
            sides.append((idx[0], idx[-1]))
        if len(sides) != 2:
            continue
        known = [_is_place_run(toks, a, b) for a, b in sides]
        if any(known) and not all(known):
            a, b = sides[known.index(False)]
            if _POSSESSIVE_AFTER.match(text, toks[b].end) or any(t.score >= 0.8 for t in toks[a : b + 1]) \
                    or a == b or toks[b].fw not in _DISTRICT_LAST:
                continue  # "money from Tariq to Leeds": only a district's name ("... Park") is taken
            for t in toks[a : b + 1]:
                t.place = True
                marked.add(t.fw)
    return marked


# "his factory, Kozee Beds, in Leeds", "its subsidiary Layzee Beds": a business named after its kind.
_BUSINESS = re.compile(r"\b(?:factory|firm|company|subsidiary|brand|chain|supplier|retailer|manufacturer),?"
                       r"[ \t\u00a0]+$")  # not "employer", "contractor": "my employer Tom Baker" is someone
_AFTER_BUSINESS = re.compile(r"[ \t\u00a0]*(?:,|\(|[ \t\u00a0]and\b|[ \t\u00a0]in\b|[ \t\u00a0]of\b|\.)")


def businesses(toks: list, text: str) -> set[str]:
    """Two or three capitalised words after a kind of business, the last an ordinary word, then a
    comma, "and", "in" or "of" ("his firm Kozee Sleep and ..."; not "the company Tariq Baker ran"),
    or joined by "&" ("the firm Kirkland & Ellis"), name a business wherever else written.
    Returns their folded words."""
    marked: set[str] = set()
    english = lexicon.english_words()
    for i, t in enumerate(toks):
        if t.score < 0 or t.title or not _BUSINESS.search(text, max(0, t.start - 30), t.start):
            continue
        j = i
        while j + 1 < len(toks) and j < i + 2 and toks[j + 1].score >= 0 and not toks[j + 1].title \
                and re.fullmatch(r"[ \t\u00a0]+(?:&[ \t\u00a0]+)?", text[toks[j].end : toks[j + 1].start]):
            j += 1
        run = toks[i : j + 1]
        amp = "&" in text[t.start : toks[j].start]
        if len(run) < 2 or not amp and (run[-1].fw not in english or run[-1].fw in lexicon.WORD_NAMES) \
                or any(u.score >= 0.8 for u in run) or _POSSESSIVE_AFTER.match(text, toks[j].end) \
                or not amp and not _AFTER_BUSINESS.match(text, toks[j].end):
            continue
        for u in run:
            u.place = True
            marked.add(u.fw)
    return marked


def names_after_places(toks: list, text: str, marked: set[str]) -> set[str]:
    """"the District of Georgia David Estes": in a run of words taken for one place, a known place
    followed by two or more words that are neither ordinary words nor places is that place, then
    someone's name. Returns ``marked`` without the name's words."""
    n = len(toks)
    i = 0
    while i < n:
        if not toks[i].place:
            i += 1
            continue
        j = i
        while j + 1 < n and toks[j + 1].place and _SPACE.match(text[toks[j].end : toks[j + 1].start]):
            j += 1
        for k in range(i, j - 1):
            rest = toks[k + 1 : j + 1]
            if _is_place_run(toks, i, k) and len(rest) >= 2 and not any(
                    _ordinary(t) or t.word.isupper() or t.fw in lexicon.FUNCTION_WORDS for t in rest):
                for t in rest:
                    t.place = False
                    marked.discard(t.fw)
                break
        i = j + 1
    return marked


def places_by_wider_context(toks: list, text: str) -> set[str]:
    """The capitalised words after "in south ...", "from western ..." or "the city's ..." are a
    place (a fact to keep), not someone. Returns their folded words: a place named once is a place
    wherever else it is written."""
    marked: set[str] = set()
    n = len(toks)
    for i, t in enumerate(toks):
        if t.score < 0 or t.title or t.start < 2 or text[t.start - 1] not in " \t\u00a0":
            continue
        k = t.start - 1
        while k > 0 and text[k - 1] in " \t\u00a0":
            k -= 1
        w1 = text[max(0, k - 24) : k].rsplit(None, 1)[-1:] if k else []
        last = w1[0].lower() if w1 else ""
        if not (last in _SMALL_PLACE_BEFORE or last in _PLACE_PREPOSITIONS or last == "to" or last in _COMPASS
                or last[-2:] in ("'s", "’s")
                or last[-1:] in "'’" and last):
            continue  # a quick look at the word before: most words have none of these before them
        before = text[max(0, t.start - 40) : t.start].lower().split()
        if before and before[-1] in _PLACE_PREPOSITIONS and t.fw in lexicon.FUNCTION_WORDS and i + 1 < n \
                and toks[i + 1].score >= 0 and _SPACE.match(text[t.end : toks[i + 1].start]) \
                and not _POSSESSIVE_AFTER.match(text, toks[i + 1].end):
            t.place = toks[i + 1].place = True  # "in Little Horton", "near Old Trafford"
            marked.add(toks[i + 1].fw)
            continue
        if before and (before[-1] in _SMALL_PLACE_BEFORE or before[-1] == "to" and len(before) > 1
                       and before[-2] in _MOVED) and (i == 0 or not _SPACE.match(text[toks[i - 1].end : t.start])) \
                and not (before[-1] == "at" and len(before) > 1 and _AT_SOMEONE.search(before[-2])):
            j = _small_place_run(toks, i, text, before[-1] in _WORLD_PLACE_BEFORE)
            if j >= 0 and not _POSSESSIVE_AFTER.match(text, toks[j].end):
                for u in toks[i : j + 1]:
                    u.place = True
                    marked.add(u.fw)
                continue
        owner = _TOWN_OWNS.search(text, max(0, t.start - 40), t.start)
        if not (len(before) >= 2 and before[-1] in _COMPASS and before[-2] in _PLACE_PREPOSITIONS
                or _PLACE_OWNERS.search(text, max(0, t.start - 40), t.start)
                or owner and fold(owner.group(1)) in lexicon.place_tokens()):
            continue
        j = i
        while j + 1 < n and j < i + 2 and toks[j + 1].score >= 0 and not toks[j + 1].title \
                and _SPACE.match(text[toks[j].end : toks[j + 1].start]):
            j += 1
        if owner and toks[j].fw not in _LANDMARK_LAST:
            continue  # "London's Sadiq Khan": a town's person is still a person
        if _POSSESSIVE_AFTER.match(text, toks[j].end):
            continue  # "in south Tariq's flat": someone's
        for u in toks[i : j + 1]:
            u.place = True
            marked.add(u.fw)
    return marked | places_between(toks, text) | _districts_before_nouns(toks, text) | businesses(toks, text)


# "the Finsbury Park mosque", "a Tufnell Park flat" (not "the Sarah Green case").
_PLACE_NOUN_AFTER = re.compile(r"[ \t\u00a0]+(?:mosque|church|temple|gurdwara|station|area|estate|flats?|house|"
                               r"market|road|street|hostel|hotel|school|college|hospital|centre|center|office|"
                               r"branch|shop|stop|depot|camp|barracks)\b")
_VESSELS = re.compile(r"[ \t\u00a0]+(?:barge|ship|vessel|boat|ferry|trawler|tanker|yacht|liner)s?\b")


def _districts_before_nouns(toks: list, text: str) -> set[str]:
    """"the Finsbury Park mosque", "a Tufnell Park flat": two capitalised words ending in a
    district's word, between a determiner and a lower-case noun, name a district; "the Bibby
    Stockholm barge": one or two before a vessel's kind name a vessel, wherever else written."""
    marked: set[str] = set()
    for i in range(len(toks) - 1):
        a, b = toks[i], toks[i + 1]
        if a.score < 0 or b.score < 0 or a.title or not _SPACE.match(text[a.end : b.start]):
            continue
        if not re.search(r"\b(?:the|a|an)[ \t\u00a0]+$", text[max(0, a.start - 5) : a.start], re.IGNORECASE):
            continue
        if _VESSELS.match(text, b.end) and b.score < 0.8 and a.score < 0.8:
            a.place = b.place = True
            marked.update((a.fw, b.fw))
        elif b.fw in _DISTRICT_LAST and _PLACE_NOUN_AFTER.match(text, b.end):
            a.place = b.place = True
            marked.update((a.fw, b.fw))
    return marked | _places_listed(toks, text)


# "the following districts: Tattnall, Bacon, Atkinson and Ware": a list after a plural kind of place.
_LIST_OF_PLACES = re.compile(r"\b(?:districts|counties|towns|cities|boroughs|states|countries|regions|villages|"
                             r"provinces|areas)[ \t\u00a0]*(?::|including|such[ \t\u00a0]+as|like)[ \t\u00a0]+")


def _places_listed(toks: list, text: str) -> set[str]:
    marked: set[str] = set()
    for m in _LIST_OF_PLACES.finditer(text):
        end = re.search(r"[.;!?\n]", text[m.end() :])
        stop = m.end() + (end.start() if end else len(text) - m.end())
        prev_end = m.end()
        for t in toks:
            if t.start < m.end() or t.start >= stop:
                continue
            if not _LIST_GAP.fullmatch(text[prev_end : t.start]) or t.score < 0 or t.title or t.score >= 0.8:
                break  # only a plain list: "A, B and C", nothing else between the names
            t.place = True
            marked.add(t.fw)
            prev_end = t.end
    return marked


_LIST_GAP = re.compile(r"(?:[ \t\u00a0]*,[ \t\u00a0]*(?:(?:and|or)[ \t\u00a0]+)?"
                       r"|[ \t\u00a0]+(?:(?:and|or)[ \t\u00a0]+)?)?")


# --- Words an acronym in brackets is spelt from -------------------------------------------------


def bodies_spelt_out(toks: list, text: str) -> None:
    """"Central Crime Team (CCT)": the capitalised words before an acronym in brackets whose initials
    it is are a body's name. Not a person's: every word but one of three or more is an ordinary
    word, none a given name that is a word ("Grace Hope Smith (GHS)" is someone)."""
    english = lexicon.english_words()
    for i, t in enumerate(toks):
        if not t.word.isupper() or len(t.word) < 2 or text[t.start - 1 : t.start] != "(" \
                or not defined_acronym(text, t.start, t.word):
            continue
        k = len(t.word)
        run = toks[max(0, i - k) : i]
        if len(run) != k or not re.fullmatch(r"[ \t\u00a0]*\(", text[run[-1].end : t.start]):
            continue
        if any(not _SPACE.match(text[a.end : b.start]) for a, b in zip(run, run[1:], strict=False)):
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
    letters_for_people(toks, text)
    bylines(toks, text)
    photo_credits(toks, text)


# --- Named buildings and courts (the address detector's suggestions) ---------------------------

# A court of law by its kind ("Dublin Circuit Criminal Court"), buildings in the plural ("Home Office
# Hotels": a kind, not one address) and a company ("Stay Belvedere Hotels Ltd").
_COURT = re.compile(r"\b(?:Criminal|Circuit|Crown|County|Family|High|Supreme|District|Magistrates['’]?|Appeals?|"
                    r"Youth|Coroners['’]?|Coroner['’]s|Federal|Superior|Immigration|Juvenile)[ \t\u00a0]+Court$")
_PLURAL_BUILDING = re.compile(r"\b(?:Hotels|Houses|Hostels)$")
_COMPANY_AFTER = re.compile(r"[ \t\u00a0]+(?:Ltd|Limited|Plc|PLC|LLP|Inc|Group|Holdings)\b")
_BUILDING_LAST = re.compile(r"(?:House|Tower|Towers|Hall|Buildings)$")
_PLACE_POSSESSIVE = re.compile(r"([A-Z][\w\-]*)['’]s[ \t\u00a0]+$")
_IN_PLACE_AFTER = re.compile(r"[ \t\u00a0]+in[ \t\u00a0]+([A-Z][\w\-]*)")


def named_building(text: str, s: int, e: int, allowed_end: bool) -> bool:
    """Is the "address" at ``[s, e)`` a named building or court, a fact of the complaint: no number,
    and either ending in an allow-listed body ("Blackfriars Crown Court", ``allowed_end``) or a
    building named as a town's landmark ("London's Lunar House", "Lunar House in Croydon")?"""
    span = text[s:e]
    if any(c.isdigit() for c in span):
        return False
    if allowed_end or _COURT.search(span) or _PLURAL_BUILDING.search(span) or _COMPANY_AFTER.match(text, e):
        return True
    if not _BUILDING_LAST.search(span):
        return False
    places = lexicon.place_tokens()
    m = _PLACE_POSSESSIVE.search(text, max(0, s - 30), s)
    if m and fold(m.group(1)) in places:
        return True
    m = _IN_PLACE_AFTER.match(text, e)
    return bool(m and fold(m.group(1)) in places)
