"""Capitalised words that name a thing, not a person: a show or a shop after "a" ("a Broadway
show"), the words of a title after a capitalised "Our" or "For" ("Justice for Our Neighbors"), an
acronym defined in brackets ("Indian Ladies UK (ILUK)") or spelt from words written earlier ("...
Our Neighbors ... JFON"), wherever else it is written, and a body before the people who work for
it or use it ("a former Ayuda client", "Ashiana staff"), wherever else it is written.

Each marks the likely-name detector's words (``names._Tok``) as a place (a fact to keep).
"""

from __future__ import annotations

import re

from desktop.redaction import lexicon

_A_BEFORE = re.compile(r"(?:^|[^\w])(?:[Aa]n?)[ \t\u00a0]+$")
_LOWER_WORD_AFTER = re.compile(r"[ \t\u00a0]+([a-z]+)\b")
_TITLE_WORDS = frozenset("our for of the and your their my".split())
_SMALL = frozenset("of for and the on to in at a an".split())
# People who belong to a body or use it: "Ayuda client", "Kalayaan caseworkers".
_ROLES = frozenset("""client clients staff volunteer volunteers caseworker caseworkers adviser advisers advisor
advisors member members spokesperson spokesman spokeswoman officials representative representatives
trustee trustees""".split())
_ROLE_AFTER = re.compile(r"[ \t\u00a0]+([a-z]+)\b")


def defined_acronym(text: str, start: int, word: str) -> bool:
    """Is ``word`` an acronym in brackets after the words it stands for ("... concession (DDVC)",
    "Right to Rent (RtR)": its capitals are the words' initials)?"""
    caps = "".join(c for c in word if c.isupper())
    if not 2 <= len(caps) <= 8 or text[start - 1 : start] != "(" or not word[0].isupper():
        return False
    before = re.findall(r"[^\W\d_]+(?:['’]s\b)?", text[max(0, start - 120) : start - 1])  # "Majesty’s": one word
    for keep in ("all", "small", "short"):  # small words such as "of" and "for" may be left out
        got = ""  # a word in capitals gives all its letters ("Indian Ladies UK (ILUK)")
        for b in reversed([b for b in before if keep == "all" or keep == "small" and b.lower() not in _SMALL
                           or len(b) > 3 or b.isupper()]):
            got = (b if b.isupper() else b[0]) + got
            if len(got) >= len(caps):
                break
        if got.upper() == caps:
            return True
    return _syllable_acronym(word, before)


def _syllable_acronym(word: str, before: list[str]) -> bool:
    """Is the all-capital ``word`` spelt from the first letters of each of the last words before it
    ("Network for Labour and Equity (NELEQ)": NE-L-EQ)? Only a name with a small word among its
    words other than "and" ("for", "of", "the"): a person's names have none, and people listed
    with "and" are not one name."""
    if not (4 <= len(word) <= 8 and word.isalpha() and word.isupper()):
        return False
    for k in range(2, len(word)):  # the last k capitalised words, small words between them allowed
        ws: list[str] = []
        small = False
        for b in reversed(before):
            if b.lower() in _SMALL and ws:
                small = small or b.lower() != "and"  # ("Ama Obi and Kofi Mensah": people)
                continue
            if not b[:1].isupper() or b.isupper():
                break
            ws.insert(0, b.upper())
            if len(ws) == k:
                break
        if len(ws) < k:
            return False
        if small and _spelt(word, ws):
            return True
    return False


def _spelt(word: str, ws: list[str]) -> bool:
    """Can ``word`` be cut into len(ws) pieces, each the start of the word in ``ws`` at its place?"""
    if not ws:
        return not word
    head, rest = ws[0], ws[1:]
    return any(word[:n] == head[:n] and _spelt(word[n:], rest) for n in range(1, min(len(head), len(word)) + 1))


def _run_end(toks: list, i: int, text: str) -> int:
    j = i
    while j + 1 < len(toks) and toks[j + 1].score >= 0 and toks[j].joins:
        j += 1
    return j


def _joined_before(toks: list, i: int, text: str) -> bool:
    return bool(i) and toks[i - 1].score >= 0 and toks[i - 1].joins


# Things a body has, besides its people (``_ROLES``): "A Tesco store", "An Ocado van".
_BODY_THINGS = frozenset("""store stores shop branch office offices van vans lorry driver drivers worker workers
manager managers official officials source sources statement report website site contract contracts""".split())


def _opening_article(toks: list, i: int, text: str) -> bool:
    """Is ``toks[i]`` straight after a capitalised article opening a sentence ("A Travexo spokesman")?"""
    if not i:
        return False
    a = toks[i - 1]
    return a.word in ("A", "An") and text[a.end : toks[i].start] == " " and _initial(text, a.start)


def _initial(text: str, pos: int) -> bool:
    i = pos - 1
    while i >= 0 and text[i] in " \t\u00a0":
        i -= 1
    return i < 0 or text[i] in '.!?:;"“”([\n\r'


def _earlier_initials(text: str, t) -> bool:  # noqa: ANN001 - names._Tok
    """Are the letters of the all-capital ``t`` the initials of words written before it, each
    capitalised but for small ones ("Justice for Our Neighbors" ... "JFON")?"""
    n = len(t.word)
    window = text[max(0, t.start - 2000) : t.start]
    if t.word[0] not in window or t.word[-1] not in window:
        return False
    words = re.findall(r"[^\W\d_][\w’'\-]*", window)
    for k in range(len(words) - n + 1):
        if words[k][0] != t.word[0]:
            continue
        ws = words[k : k + n]
        if all(w[0].upper() == c for w, c in zip(ws, t.word, strict=True)) \
                and ws[0][0].isupper() and ws[-1][0].isupper() \
                and all(w[0].isupper() or w.lower() in _SMALL for w in ws) and not any(w.isupper() for w in ws):
            return True
    return False


def names_of_things(toks: list, text: str) -> None:
    # An acronym defined in brackets is one wherever else it is written ("(ILUK) ... member of ILUK").
    bodies = {t.fw for t in toks if t.word.isupper() and text[t.start - 1 : t.start] == "("
              and defined_acronym(text, t.start, t.word)}
    for i, t in enumerate(toks):
        if t.score < 0 or t.title:
            continue
        # "Justice for Our Neighbors": a capitalised "Our" or "For" in mid-sentence starts a title.
        if t.fw in _TITLE_WORDS and t.word[0].isupper() and not t.word.isupper() and not _initial(text, t.start):
            for u in toks[i + 1 : _run_end(toks, i, text) + 1]:
                if u.score == 0.5:
                    u.score, u.place = 0.0, True
        if t.score != 0.5:
            continue
        # "a Broadway show", "an El Paso courtroom": one or two capitalised words between "a" and a noun.
        # At a sentence's start the article is a capitalised word before the run ("A Travexo
        # spokesman said"), and "A" may be an initial ("A Okafor said"): only before a noun of a
        # body's people or things there.
        opening = _opening_article(toks, i, text)
        if (opening or _A_BEFORE.search(text, max(0, t.start - 4), t.start) and not _joined_before(toks, i, text)):
            j = _run_end(toks, i, text)
            noun = _LOWER_WORD_AFTER.match(text, toks[j].end)
            if j - i <= 1 and noun and noun.group(1) not in lexicon.FUNCTION_WORDS \
                    and (not opening or noun.group(1) in _ROLES or noun.group(1) in _BODY_THINGS) \
                    and all(u.score == 0.5 for u in toks[i : j + 1]):
                for u in toks[i : j + 1]:
                    u.score, u.place = 0.0, True
                continue
        # "IA JFON": an acronym of words written before it.
        if len(t.word) >= 3 and t.word.isupper() and t.word.isalpha() and _earlier_initials(text, t):
            t.score, t.place = 0.0, True
            for k in (i - 1, i + 1):
                if 0 <= k < len(toks) and len(toks[k].word) <= 2 and toks[k].word.isupper():
                    toks[k].score, toks[k].place = 0.0, True
            continue
        # "a former Ayuda client": a body before the people who work for it or use it.
        m = _ROLE_AFTER.match(text, t.end)
        if m and m.group(1) in _ROLES and not _joined_before(toks, i, text):
            bodies.add(t.fw)
    if bodies:
        for t in toks:  # and that body wherever else it is written ("with Ayuda's help")
            if t.fw in bodies and t.score >= 0 and not t.title and t.fw not in lexicon.WORD_NAMES:
                t.score, t.place = 0.0, True
