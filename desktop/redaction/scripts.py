"""Names written in a script without capitals (Arabic, Urdu, the Indic scripts, CJK, Ethiopic...)."""

from __future__ import annotations

import re

from desktop.redaction import lexicon
from desktop.redaction.fold import fold
from desktop.redaction.script_cues import written_cue
from desktop.redaction.words import _LATIN_LETTERS, WordsBefore, _nearest_letter, cue_in

Hit = tuple[int, int, str, float]

_OTHER_LETTERS = (r"\u0590-\u08ff\u0900-\u0dff\u0e00-\u0fff\u1000-\u109f\u1200-\u137f\u3040-\u30ff"
                  r"\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\u200c\u200d")  # fmt: skip
# A stretch of words in another script (Arabic, Devanagari, Ethiopic, CJK...), spaces and commas between.
# An apostrophe, a hyphen or a semicolon with a letter of the script straight on both sides is inside a
# word ("தணி;சேரன்" as some name lists spell it): English punctuation is followed by a space.
_OTHER_SCRIPT = re.compile(r"[" + _OTHER_LETTERS + r"]+(?:(?:[ \t\u00a0,\u060c]+|['’\-;])[" + _OTHER_LETTERS + r"]+)*")
# Scripts the interviewees write their own words in (Arabic and Urdu; Devanagari, Bengali, Gurmukhi and
# the other Indic scripts): a stretch in one of them is what was said, not a name, unless a cue says so.
_STATEMENT_SCRIPT = re.compile(r"[\u0600-\u08ff\u0900-\u0dff\ufb50-\ufdff\ufe70-\ufeff]")
# Inside such a stretch: words, and what separates them (a comma, a danda or a full stop ends a name).
_SCRIPT_WORD = re.compile(
    r"[^\s\u00a0,\u060c\u061b\u061f\u06d4\u0964\u0965.!?;:()\"“”]+"
    r"(?:;(?=[" + _OTHER_LETTERS + r"])[^\s\u00a0,\u060c\u061b\u061f\u06d4\u0964\u0965.!?;:()\"“”]+)*"
)


def _other_script_names(text: str, words_before: WordsBefore | None = None) -> list[Hit]:
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
    if text.isascii():
        return []  # (every letter of those scripts is beyond ASCII: no scan of the text for one)
    words_before = words_before or WordsBefore(text)
    folds: dict[str, str] = {}  # each distinct word folded once
    hits: list[Hit] = []
    prev_speech: tuple[int, int] | None = None  # the last stretch taken for the interviewee's words
    for m in _OTHER_SCRIPT.finditer(text):
        s, e = m.start(), m.end()
        while e > s and text[e - 1] in " ,\u060c\t\u00a0":
            e -= 1
        if _STATEMENT_SCRIPT.search(text, s, e):
            words = [
                (w.start(), w.end(), folds.get(g) or folds.setdefault(g, fold(g)))
                for w in _SCRIPT_WORD.finditer(text, s, e)
                for g in (w.group(),)
            ]
            if not words:
                continue
            if cue_in(words_before(s)) or _title_in(words_before(s)):
                hits.extend(_name_after(text, words, -1))
            elif _short_stretch_is_name(text, s, e, words, prev_speech, words_before(s)):
                hits.append((s, e, "PERSON", 0.5 if written_cue(words_before(s)) else 0.3))
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
            hits.append((s, e, "PERSON", 0.5 if written_cue(words_before(s)) else 0.3))
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
_DOCUMENTS = frozenset(
    "letter form card note paper papers document documents envelope certificate passport "
    "contract label sign receipt payslip screen page file".split()
)
_READS = frozenset("said says say read reads".split())


def _short_stretch_is_name(
    text: str, s: int, e: int, words: list[tuple[int, int, str]], prev_speech: tuple[int, int] | None, w: list[str]
) -> bool:
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
    # ``w``: the words before the stretch (``words._words_before``)
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


def _title_in(w: list[str]) -> bool:
    """Do the words before a position (``words._words_before``) end with a title ("Mrs", "Dr.")?"""
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
