"""Likely personal names that nobody recorded.

No statistical model: names from every background must be found equally, and NER models are known
to miss migrant and all-caps names. Instead, a capitalised word is a likely name when

* it follows a title or rank ("Mrs Hope", "PC Smith", "Auntie Grace"): even an English word;
* it follows a relation or a naming cue ("my husband Tariq", "a man called Blessing");
* it is not an English word, a place, a nationality, language or faith, a month or a day, or an
  allow-listed organisation (the "unknown capitalised word" backstop, after Philter);
* it is a given name that is also an English word ("Patience", "Hope") in mid-sentence.

Neighbouring capitalised words join the name ("Grace Okafor", "TARIQ MAHMOOD", "Abdullah bin Hamad").
"""

from __future__ import annotations

import re
from functools import lru_cache

from desktop.core.forgetting import kept_until_lock
from desktop.redaction import lexicon
from desktop.redaction.alternation import alternation_matches
from desktop.redaction.context import JOIN as _JOIN
from desktop.redaction.context import (
    demonym,
    in_a_title_of_a_thing,
    initials_and_places_after_names,
    introduced_names,
    letters_as_names,
    lone_acronyms,
    mark_organisations,
    mark_places_by_context,
    months_in_full_names,
    names_of_leaders,
    next_to_digits,
    ordinary_compound,
    places_before_names,
    surnames_as_subjects,
    weak_names_again,
    word_names_in_titles,
)
from desktop.redaction.fold import fold
from desktop.redaction.published import dotted_initials, names_after_places, places_by_wider_context, published_words
from desktop.redaction.things import defined_acronym, names_of_things

Hit = tuple[int, int, str, float]


def _upper_class() -> str:
    chars = [chr(c) for c in range(0x10000) if chr(c).isupper() or chr(c).istitle()]
    return "".join(re.escape(c) for c in chars)


_UP = _upper_class()
# A capitalised word (letters, inner hyphens and apostrophes), without a trailing possessive.
_PREFIX = (
    r"(?:(?:al|el|ul|ud|ad|ar|as|at|az|abu|abd|bin|ibn|ben|de|da|dela|del|di|du|le|la|van|von|der|den)-|"
    r"(?:abu|bin|binti|bint|ibn|dela|van|von|der|den|del)\s)?"
)
_CAP = re.compile(r"(?<![\w\-@.])(?<!\w['’])" + _PREFIX + r"[" + _UP + r"][^\W\d_]*(?:['’\-][^\W\d_]+)*")
# A capitalised ordinary word straight after one of these is most likely someone ("I stayed with Aster").
_PEOPLE_BEFORE = re.compile(
    r"\b(?:with|and|told|asked|met|saw|called|gave|tell|ask|meet|visit|visited|married|marry|than|&)\s+$"
)
_VERB_AFTER = re.compile(
    r"[ \t]+(?:told|said|came|went|took|called|asked|helped|saw|was|is|had|has|gave|left|stayed|drove|lived|"
    r"works|worked|knew|hit|shouted|threatened|rang|phoned|texted|sent|kept|met|brought|says|tells|wanted|"
    r"would|will|could|did|and|also|never|always|then|still|became|found|paid|lent|owed|used|made)\b"
)
_OTHER_LETTERS = (r"\u0590-\u08ff\u0900-\u0dff\u0e00-\u0fff\u1000-\u109f\u1200-\u137f\u3040-\u30ff"
                  r"\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\u200c\u200d")  # fmt: skip
# A stretch of words in another script (Arabic, Devanagari, Ethiopic, CJK...), spaces and commas between.
_OTHER_SCRIPT = re.compile(r"[" + _OTHER_LETTERS + r"]+(?:[ \t\u00a0,\u060c]+[" + _OTHER_LETTERS + r"]+)*")
# Scripts the interviewees write their own words in (Arabic and Urdu; Devanagari, Bengali, Gurmukhi and
# the other Indic scripts): a stretch in one of them is what was said, not a name, unless a cue says so.
_STATEMENT_SCRIPT = re.compile(r"[\u0600-\u08ff\u0900-\u0dff\ufb50-\ufdff\ufe70-\ufeff]")
# Inside such a stretch: words, and what separates them (a comma, a danda or a full stop ends a name).
_SCRIPT_WORD = re.compile(r"[^\s\u00a0,\u060c\u061b\u061f\u06d4\u0964\u0965.!?;:()\"“”]+")
_CUE_TAIL = r"\s*,?\s*(?:(?:who\s+is\s+|whose\s+name\s+is\s+)?(?:called|named)\s+|(?:is|was|name\s+is|name\s+was)\s+)?$"


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_RELATION_CUE = re.compile(
    r"\b(?:" + _alternation(sorted(lexicon.POSSESSIVES)) + r")\s+(?:late\s+|ex[-\s]|former\s+|older\s+|younger\s+|"
    r"little\s+|big\s+|elder\s+|best\s+|new\s+|old\s+)?(?:" + _alternation(sorted(lexicon.RELATIONS)) + r")"
    r"(?:['’]s)?" + _CUE_TAIL,
    re.IGNORECASE,
)
_NAME_CUE = re.compile(r"\b(?:" + _alternation(list(lexicon.NAME_CUES)) + r")\s*:?\s*$", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?:^|[.!?:;\"“”(\[\n])\s*$")
_PARTICLE_JOIN = re.compile(
    r"^[ \t\u00a0]+(?:(?:" + _alternation(sorted(lexicon.PARTICLES)) + r")[ \t\u00a0\-]+){1,2}$"
)


_ASCII_WORD = re.compile(r"[a-z]+")
_CONTRACTION = re.compile(r"['’](?:d|ll|ve|re|m)$")
# One capital letter with a full stop, then a space: an initial before a surname ("R. Adeyemi").
_INITIAL_BEFORE = re.compile(r"(?<![\w.\-])[A-Z]\.[ \t\u00a0]+$")
_LATIN_LETTERS = re.compile(r"[A-Za-z\u00c0-\u024f]")
# The last word of every cue: a lower-case name can only follow one of these.
_CUE_LAST_WORDS = frozenset(
    {c.split()[-1] for c in lexicon.NAME_CUES} | set(lexicon.RELATIONS) | {"called", "named", "is", "was"}
) - {"is", "was"}


@lru_cache(maxsize=1024)
def _lower_after_cue_regex(cue: str) -> re.Pattern[str]:
    """On the lower-cased text: a cue word, then the word after it (group 1). One per cue word, as
    the alternatives of one alternation of the cue words a statement holds (``alternation``)."""
    return re.compile(
        re.escape(cue) + r"(?:['’]s)?(?=[\s,:])\s*,?\s*(?:(?:who\s+is\s+)?(?:called|named|is|was)\s+)?:?\s*"
        r"([a-z\u00df-\u00ff\u0101-\u017f]+(?:['’\-][a-z]+)*)(?![\w@]|\.\w)"
    )


_WORD_OR_MARK = re.compile(r"[\w'’\-]+|[^\w\s]")
_NAME_CUE_SET = frozenset(c.lower() for c in lexicon.NAME_CUES)
_MODIFIERS = frozenset("late ex former older younger little big elder best new old".split())
_PEOPLE_WORDS = frozenset(
    "with and told asked met saw called gave tell ask meet visit visited married marry than &".split()
)


def _words_before(text: str, pos: int) -> list[str]:
    return _WORD_OR_MARK.findall(text[max(0, pos - 60) : pos].lower())


def _cue_before(text: str, pos: int) -> bool:
    """Is ``pos`` just after a relation ("my husband", "her friend, called") or a naming cue ("known as")?"""
    w = _words_before(text, pos)
    if w and w[-1] == ":":
        w = w[:-1]
    for n in (3, 2, 1):
        if len(w) >= n and " ".join(w[-n:]).replace(" ' s", "'s") in _NAME_CUE_SET:
            return True
    # Optional tail: "called"/"named" (after "who is"/"whose name is"), "is", "was", "name is".
    if w and w[-1] in ("called", "named"):
        w = w[:-1]
        if w[-2:] == ["who", "is"]:
            w = w[:-2]
        elif w[-3:] == ["whose", "name", "is"]:
            w = w[:-3]
    elif w[-2:] in (["name", "is"], ["name", "was"]):
        w = w[:-2]
    elif w and w[-1] in ("is", "was"):
        w = w[:-1]
    if w and w[-1] == ",":
        w = w[:-1]
    if not w:
        return False
    rel = w[-1]
    for suffix in ("'s", "’s"):
        rel = rel.removesuffix(suffix)
    if rel not in lexicon.RELATIONS:
        return False
    if len(w) >= 2 and w[-2] in _MODIFIERS:
        w = w[:-1]
    return len(w) >= 2 and w[-2] in lexicon.POSSESSIVES


def _people_word_before(text: str, pos: int) -> bool:
    w = _words_before(text, pos)
    return bool(w) and w[-1] in _PEOPLE_WORDS


@lru_cache(maxsize=1)
def _function_only() -> frozenset[str]:
    return frozenset(lexicon.FUNCTION_WORDS - lexicon.WORD_NAMES)


def _nearest_letter(text: str, i: int, step: int, limit: int = 40) -> str:
    """The first letter from ``i`` going in direction ``step`` (within ``limit`` characters), or ""."""
    for _ in range(limit):
        if not 0 <= i < len(text):
            return ""
        if text[i].isalpha():
            return text[i]
        i += step
    return ""


def _sentence_initial(text: str, pos: int) -> bool:
    """Is ``pos`` the start of the text, a line or a sentence (after . ! ? : ; quotes or brackets)?"""
    i = pos - 1
    while i >= 0 and text[i] in " \t\u00a0":
        i -= 1
    return i < 0 or text[i] in '.!?:;"“”([\n\r'


class _Tok:
    __slots__ = ("start", "end", "word", "fw", "score", "edge_ok", "initial", "title", "place")

    def __init__(self, start: int, end: int, word: str) -> None:
        self.start, self.end, self.word = start, end, word
        self.fw = fold(word)
        self.score = 0.0
        self.edge_ok = True  # may stand at the edge of a name
        self.initial = False
        self.title = False
        self.place = False


def detect_names(text: str, blocked: list[tuple[int, int]]) -> list[Hit]:
    """Likely names in ``text``. ``blocked``: sorted ranges (allow-listed phrases) never flagged."""
    english = lexicon.english_words()
    places = lexicon.place_tokens()
    toks: list[_Tok] = []
    bi = 0
    for m in _CAP.finditer(text):
        s, e = m.span()
        word = m.group()
        if word[-2:] in ("'s", "’s") or word[-1:] in ("'", "’"):
            e -= 2 if word[-1] == "s" else 1
        elif (c := _CONTRACTION.search(word)) and word[: c.start()].lower() in lexicon.FUNCTION_WORDS:
            e -= len(c.group())  # "She’d", "They’ll": a pronoun, not a name
        if e - s < 1:
            continue
        while bi < len(blocked) and blocked[bi][1] <= s:
            bi += 1
        if bi < len(blocked) and blocked[bi][0] < e:
            toks.append(_blocked(s, e, text[s:e]))
            continue
        toks.append(_Tok(s, e, text[s:e]))

    _mark_places(toks, text)
    named_places = names_after_places(toks, text, mark_places_by_context(toks, text, _function_only())) \
        | places_by_wider_context(toks, text)
    mark_organisations(toks, text)
    function_only = _function_only()
    for i, t in enumerate(toks):
        if t.score < 0:
            continue
        if t.fw in function_only:  # "The", "He", "When": never a name, never part of one
            t.edge_ok = False
            continue
        w, fw = t.word, t.fw
        initial = _sentence_initial(text, t.start)
        t.initial = initial
        all_caps = len(w) > 1 and w.isupper()
        common = fw in english or fw in lexicon.FUNCTION_WORDS
        not_name = (
            fw in lexicon.NOT_NAMES
            or fw in lexicon.FULL_MONTHS
            or fw in lexicon.FULL_DAYS
            or fw.endswith("s")
            and fw[:-1] in lexicon.FULL_DAYS  # "on Fridays"
            or text[t.start - 1 : t.start] == "(" and defined_acronym(text, t.start, w)
            or (fw in lexicon.MONTHS or fw in lexicon.DAYS) and next_to_digits(text, t)  # "09 Nov 2023"
            or ordinary_compound(text, t, english)  # "Twenty-seven", "U-Visa", "COVID-19"
            or demonym(fw)  # "Argentinian"
        )
        place = fw in places or t.place or fw in named_places  # a place named once is one everywhere
        if fw in lexicon.TITLES and not all_caps or fw in lexicon.CAPS_TITLES:
            t.title = True
        if fw in lexicon.FUNCTION_WORDS or not_name or place or t.title:
            t.edge_ok = False

        # A cue in front: title, relation, or "called"/"named".
        prev = toks[i - 1] if i else None
        cue = 0.0
        if (
            prev is not None
            and prev.title
            and prev.score >= 0
            and re.fullmatch(r"\.?[ \t\u00a0]+(?:\d{1,6}[ \t\u00a0]+)?", text[prev.end : t.start])
        ):
            cue = 0.9
        elif (
            (common or fw in lexicon.FULL_DAYS or fw in lexicon.FULL_MONTHS)
            and fw not in lexicon.FUNCTION_WORDS
            and not place
            and fw not in lexicon.NOT_NAMES
            and _cue_before(text, t.start)
        ):
            cue = 0.85  # (only an ordinary word needs the cue to count as a name)
        elif _INITIAL_BEFORE.search(text, max(0, t.start - 4), t.start) and not t.title and fw not in function_only:
            cue = 0.8  # "R. Adeyemi", "J. Smith": an initial with a full stop before a surname
        # After a title or rank, a place's name is a surname ("Inspector Crewe", "Mrs Bolton"), unless
        # the place goes on past it ("Officer Milton Keynes" is not read; multi-word places stay).
        title_place = cue == 0.9 and place and not t.place
        if (
            cue
            and not t.title
            and (title_place or not (fw in lexicon.FUNCTION_WORDS or fw in lexicon.MONTHS or place
                                     or fw in lexicon.NOT_NAMES))
        ):
            t.score = cue
            t.edge_ok = True
            continue
        if t.title or not_name or place:
            continue
        if all_caps and len(w) <= 2:
            continue
        if not common and len(w) >= 2:
            t.score = 0.5
        elif (
            not initial
            and not all_caps
            and fw not in lexicon.FUNCTION_WORDS
            and _people_word_before(text, t.start)
            and not in_a_title_of_a_thing(toks, i, text)
            and fw not in lexicon.FULL_MONTHS
            and fw not in lexicon.FULL_DAYS
        ):
            t.score = 0.3
        elif fw in lexicon.WORD_NAMES and fw not in lexicon.FULL_MONTHS and fw not in lexicon.FULL_DAYS:
            if not initial:
                t.score = 0.4
            elif _VERB_AFTER.match(text, t.end):
                t.score = 0.35

    introduced_names(toks, text, function_only)
    names_of_leaders(toks, text)
    initials_and_places_after_names(toks, text, places, named_places)
    places_before_names(toks, text, places, named_places)
    surnames_as_subjects(toks, text, english)
    weak_names_again(toks, text)
    months_in_full_names(toks, text)
    word_names_in_titles(toks, text, english)
    lone_acronyms(toks, text)
    names_of_things(toks, text)
    letters_as_names(toks, text)  # after the acronym rules: "KB" has no vowel, yet stands for someone
    published_words(toks, text)  # credits, letters and bylines standing for people, code names
    hits: list[Hit] = []
    # Join neighbouring capitalised words into one name when one of them is a likely name.
    i = 0
    n = len(toks)
    while i < n:
        j = i
        while j + 1 < n and toks[j + 1].score >= 0 and toks[j].score >= 0:
            gap = text[toks[j].end : toks[j + 1].start]
            if not (_JOIN.match(gap) or _PARTICLE_JOIN.match(gap)):
                break
            if toks[j + 1].title:
                break
            j += 1
        run = toks[i : j + 1]
        for a, b, best in _names_in_run(run):
            hits.append((run[a].start, run[b].end, "PERSON", best))
        i = j + 1

    # The initial belongs to the name it stands before ("D. Okonkwo" is redacted whole).
    for k, (hs, he, typ, conf) in enumerate(hits):
        m = _INITIAL_BEFORE.search(text, max(0, hs - 4), hs)
        if m:
            hits[k] = (m.start(), he, typ, conf)
    hits.extend(_other_script_names(text))
    hits.extend(dotted_initials(text))  # "L.C. won her case"

    # A word that is not English, in lower case, straight after a relation or naming cue
    # ("my husband tariq"; "a man called blessing" is not caught: "blessing" is English).
    low = text.lower()
    cues = set(_ASCII_WORD.findall(low)) & _CUE_LAST_WORDS if len(low) == len(text) else set()
    if cues:
        english = lexicon.english_words()
        for m in alternation_matches(low, [(len(c), _lower_after_cue_regex(c)) for c in cues]):
            if not text[m.start(1)].islower():
                continue  # capitalised words are handled above
            w = m.group(1)
            if w in english or w in lexicon.FUNCTION_WORDS or w in lexicon.NOT_NAMES or w in lexicon.PARTICLES:
                continue
            if len(w) >= 2 and _cue_before(text, m.start(1)):
                hits.append((m.start(1), m.end(1), "PERSON", 0.6))
    return hits


def _other_script_names(text: str) -> list[Hit]:
    """Names in a script without capitals.

    In Arabic, Urdu, Hindi, Punjabi, Bengali and the other Indic scripts, a stretch is taken for a
    name only after a cue: an English one just before it ("my husband ਹਰਪ੍ਰੀਤ ਸਿੰਘ", "Mrs ...")
    or one in the stretch itself ("ਮੇਰਾ ਪਤੀ ...", "میرا شوہر ...", "मेरे पति ...", "আমার স্বামী ...",
    "زوجي ...", "... का नाम ..."). The name is the words after the cue up to a postposition, an
    auxiliary or punctuation (at most three; two when nothing ends it). Everything else in those
    scripts is the interviewee's own words and stays; names there come from the record and the
    reviewer.

    In other scripts without capitals (Chinese, Korean, Japanese, Ethiopic, Hebrew...), which the
    interviewees rarely write statements in, a short stretch (up to three words) with English on
    both sides is most likely a name written the person's way ("王伟 came").
    """
    hits: list[Hit] = []
    prev_speech: tuple[int, int] | None = None  # the last stretch taken for the interviewee's words
    for m in _OTHER_SCRIPT.finditer(text):
        s, e = m.start(), m.end()
        while e > s and text[e - 1] in " ,\u060c\t\u00a0":
            e -= 1
        if _STATEMENT_SCRIPT.search(text, s, e):
            words = [(w.start(), w.end(), fold(w.group())) for w in _SCRIPT_WORD.finditer(text, s, e)]
            if not words:
                continue
            if _cue_before(text, s) or _title_before(text, s):
                hits.extend(_name_after(text, words, -1))
            elif _short_stretch_is_name(text, s, e, words, prev_speech):
                hits.append((s, e, "PERSON", 0.3))
            else:
                prev_speech = (s, e)
            for i, (_, _, fw) in enumerate(words):
                if fw in lexicon.SCRIPT_CUES or (
                    fw in lexicon.SCRIPT_RELATIONS and i > 0 and words[i - 1][2] in lexicon.SCRIPT_POSSESSIVES
                ):
                    hits.extend(_name_after(text, words, i))
            continue
        words = re.split(r"[ \t\u00a0,\u060c]+", text[s:e])
        if len(words) > 3 or e - s > 30:
            continue
        before = _nearest_letter(text, s - 1, -1)
        after = _nearest_letter(text, e, 1)
        sides = [c for c in (before, after) if c]
        if sides and all(_LATIN_LETTERS.match(c) for c in sides):
            hits.append((s, e, "PERSON", 0.3))
    return hits


# Before a stretch in another script: a word that makes it speech or writing quoted ("he said ...",
# "the officer wrote ..."), or a determiner that makes it a thing ("the ...", "my ..."), not a person.
_SPEECH_BEFORE = frozenset(
    "said say shouted shout wrote write told tell asked ask replied whispered screamed yelled repeated "
    "kept saying swore cursed called out".split()
)
_DETERMINERS = frozenset("the a an my his her their our your this that these those some any no".split())
_SCRIPT_NAME_JOINS = frozenset(fold(w) for w in "بن بنت بنو ابن أبو ابو آل ذي".split())
_COORDINATORS = frozenset("and or then also".split())
# A document that "said" something holds it written: a name as often as words ("The letter said ...").
_DOCUMENTS = frozenset("letter form card note paper papers document documents envelope certificate passport "
                       "contract label sign receipt payslip screen page file".split())
_READS = frozenset("said says say read reads".split())


def _short_stretch_is_name(text: str, s: int, e: int, words: list[tuple[int, int, str]],
                           prev_speech: tuple[int, int] | None) -> bool:
    """A short stretch in another script inside an English sentence, introduced by any wording
    ("the tenancy was signed ...", "spelt ... on the card"), is most likely a name written the
    person's way, unless it reads as the interviewee's own words: it holds one of that language's
    common function words, it is in quotation marks, it comes after a word of speech or writing
    ("he said ...", "the officer wrote ..."), after a determiner ("the ... came late": a thing),
    or after "and"/"or" joined to such a stretch earlier in the same sentence."""
    # Joining words of an Arabic name's lineage ("son of", "tribe of") do not count towards its length.
    joins = sum(1 for _, _, fw in words if fw in _SCRIPT_NAME_JOINS)
    if not 1 <= len(words) - joins <= 3 + joins or e - s > 40 + 12 * joins:
        return False
    if any(fw in lexicon.SCRIPT_STOP_WORDS for _, _, fw in words):
        return False
    before = _nearest_letter(text, s - 1, -1)
    after = _nearest_letter(text, e, 1)
    if not (before and _LATIN_LETTERS.match(before)) or (after and not _LATIN_LETTERS.match(after)):
        return False
    j = s - 1
    while j >= 0 and text[j] in " \t\u00a0":
        j -= 1
    if j >= 0 and text[j] in "\"“‘'«(":
        return False
    w = _words_before(text, s)
    if w and w[-1] in (",", ":"):
        w = w[:-1]
    if not w:
        return False
    written = len(w) > 1 and w[-1] in _READS and w[-2] in _DOCUMENTS  # "the letter said ...": what is on it
    if (w[-1] in _SPEECH_BEFORE and not written) or w[-1] in _DETERMINERS or w[-2:] == ["called", "out"]:
        return False
    if w[-1] in _COORDINATORS and prev_speech is not None:
        between = text[prev_speech[1] : s]
        if not re.search(r"[.!?\n]", between):
            return False
    return True


def _title_before(text: str, pos: int) -> bool:
    w = _words_before(text, pos)
    if w and w[-1] == ".":
        w = w[:-1]
    return bool(w) and w[-1] in lexicon.TITLES


def _name_after(text: str, words: list[tuple[int, int, str]], cue: int) -> list[Hit]:
    """The name in ``words`` after the cue at index ``cue`` (-1: a cue before the first word)."""
    taken: list[tuple[int, int, str]] = []
    ended = False
    prev_end = words[cue][1] if cue >= 0 else None
    for k in range(cue + 1, len(words)):
        ws, we, fw = words[k]
        if prev_end is not None and not re.fullmatch(r"[ \t\u00a0]+", text[prev_end:ws]):
            ended = True  # punctuation between: the name (or the cue) ended
            break
        prev_end = we
        if fw in lexicon.SCRIPT_STOP_WORDS or fw.isdigit() or not any(c.isalpha() for c in fw):
            ended = True
            break
        if len(taken) == 3:
            break
        taken.append(words[k])
    else:
        ended = True
    conf = 0.5
    if not ended and len(taken) == 3:
        taken = taken[:2]  # nothing marks where it ends: the given name and one more word
        conf = 0.4  # less sure: not looked for again elsewhere in the statement
    if not taken:
        return []
    return [(taken[0][0], taken[-1][1], "PERSON", conf)]


def _extendable(t: _Tok, anchor: _Tok, left: bool = False) -> bool:
    """May an unscored word next to a likely name join it ("Grace" in "Grace Okafor")?"""
    if t.score < 0 or not t.edge_ok:
        return False
    if t.word.isupper() and len(t.word) > 1 and not anchor.word.isupper():
        return left and len(t.word) == 2 and t.word.isalpha()  # two initials before a surname: "RJ Vogt"
    if t.word.isupper():
        if left and t.fw not in lexicon.FUNCTION_WORDS and t.fw not in lexicon.NOT_NAMES:
            return True
        return t.fw in lexicon.WORD_NAMES or (t.fw not in lexicon.english_words() and t.fw not in lexicon.NOT_NAMES)
    if t.initial:
        return t.fw in lexicon.WORD_NAMES or not t.fw.endswith("ly")
    return True


def _names_in_run(run: list[_Tok]) -> list[tuple[int, int, float]]:
    out: list[tuple[int, int, float]] = []
    k = 0
    while k < len(run):
        if run[k].score <= 0:
            k += 1
            continue
        a = b = k
        best = run[k].score
        # Take in further likely names, and ordinary words or particles between them ("Tran Van Long").
        m = k + 1
        while m < len(run):
            if run[m].score > 0:
                b = m
                best = max(best, run[m].score)
                m += 1
            elif run[m].fw in lexicon.PARTICLES and m + 1 < len(run) and run[m + 1].score >= 0:
                b = m + 1
                best = max(best, run[m + 1].score)
                m += 2
            elif _extendable(run[m], run[b]) and m + 1 < len(run) and run[m + 1].score > 0:
                m += 1
            else:
                break
        if a > 0 and _extendable(run[a - 1], run[a], left=True):
            a -= 1
        if b + 1 < len(run) and _extendable(run[b + 1], run[b]) and not run[b + 1].initial:
            b += 1
        out.append((a, b, best))
        k = b + 1
    return out


def _mark_places(toks: list[_Tok], text: str) -> None:
    """Words that make up a multi-word place ("Milton Keynes", "Stoke-on-Trent") are places."""
    firsts = lexicon.multiword_places()
    for i, t in enumerate(toks):
        options = firsts.get(t.fw) or "-" in t.fw and firsts.get(t.fw.split("-", 1)[0])  # "Burton-upon-Trent"
        if not options:
            continue
        for phrase in options:
            # phrase: folded words of the place; match against the text after this token.
            rest = text[t.start : t.start + len(" ".join(phrase)) + 8]
            if _place_regex(phrase).match(fold(rest)):
                end = t.start + len(" ".join(phrase))
                for u in toks[i:]:
                    if u.start >= end:
                        break
                    u.place = True
                break


@lru_cache(maxsize=8192)
def _place_regex(phrase: tuple[str, ...]) -> re.Pattern[str]:
    """A multi-word place's folded words, apart by spaces or hyphens (compiled once per session)."""
    return re.compile(r"[\s\-]+".join(re.escape(w) for w in phrase) + r"(?![^\W_])")


def _blocked(s: int, e: int, w: str) -> _Tok:
    t = _Tok(s, e, w)
    t.score = -1.0
    t.edge_ok = False
    return t


# Made from the words of interviews: emptied when the vault locks (desktop.core.forgetting).
kept_until_lock(_place_regex.cache_clear)
