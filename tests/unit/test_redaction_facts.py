"""The facts of the complaint survive a recorded name that shares a word with them.

An interviewee recorded as "Amy Police" must not turn "Greater Manchester Police" into "Greater
Person B": a word of a recorded name (or the given name inferred before a recorded surname) that is
only a piece of a must-keep phrase (a police force, the Home Office, Immigration Enforcement, a
helping organisation) leaves the phrase whole. The recorded name itself, and the word used as a
name on its own ("Ms Police", "Police told me"), are still redacted.
"""

from __future__ import annotations

import pytest

from desktop.core.forces import all_force_names
from desktop.redaction import KnownIdentifiers, apply, detect, lexicon
from desktop.redaction.fold import fold


def _phrases() -> list[str]:
    """Every must-keep phrase of two or more words that is written with capitals."""
    out = []
    for p in (*all_force_names(), *lexicon.PUBLIC_BODIES, *lexicon.HELPING_ORGANISATIONS):
        if len(p.split()) >= 2 and p[:1].isupper() and p not in out:
            out.append(p)
    return out


def _name_words(phrase: str) -> list[str]:
    """The capitalised words of ``phrase`` a person could be recorded with as a surname."""
    skip = lexicon.FUNCTION_WORDS | lexicon.TITLES | lexicon.PARTICLES
    return [w for w in phrase.split() if w[:1].isupper() and w.isalpha() and len(w) >= 3 and fold(w) not in skip]


CASES = [(p, w) for p in _phrases() for w in _name_words(p)]


def test_every_force_and_public_body_is_checked():
    phrases = {p for p, _ in CASES}
    assert "Greater Manchester Police" in phrases and "Home Office" in phrases
    assert "Immigration Enforcement" in phrases and "Kent Police" in phrases and "Essex Police" in phrases
    assert len(phrases) >= 45


def _untouched(text: str, spans, piece: str) -> bool:
    s = text.index(piece)
    return not any(sp.start < s + len(piece) and s < sp.end for sp in spans)


def _redacted(text: str, spans, start: int, end: int) -> bool:
    return all(any(sp.start <= i < sp.end for sp in spans) for i in range(start, end) if not text[i].isspace())


@pytest.mark.parametrize(("phrase", "word"), CASES, ids=[f"{p}|{w}" for p, w in CASES])
def test_a_surname_that_is_a_word_of_a_fact_leaves_the_fact_whole(phrase, word):
    name = f"Amy {word}"
    text = f"My name is {name}. Then {phrase} wrote to me. Ms {word} said it was true. {phrase} again."
    spans = detect(text, KnownIdentifiers(people=[(name, [])]))
    red = apply(text, spans).text
    assert red.count(phrase) == 2, red
    assert _untouched(text, spans, f"Then {phrase} wrote")
    assert name not in red and _redacted(text, spans, text.index(name), text.index(name) + len(name))
    ms = text.index(f"Ms {word}") + 3
    assert _redacted(text, spans, ms, ms + len(word)), red  # the word used as a name, after a title


@pytest.mark.parametrize(("phrase", "word"), CASES[::7], ids=[f"{p}|{w}" for p, w in CASES[::7]])
def test_a_given_name_or_one_word_alias_that_is_a_word_of_a_fact_leaves_it_whole(phrase, word):
    # as the given name of a recorded person, and as a recorded one-word alias
    for known in (KnownIdentifiers(people=[(f"{word} Nowak", [])]),
                  KnownIdentifiers(people=[("Tomasz Nowak", [word])])):
        text = f"{phrase} came. Later {word} told me {phrase} had called."
        spans = detect(text, known)
        red = apply(text, spans).text
        assert red.count(phrase) == 2, (known, red)
        later = text.index(f"Later {word}") + 6
        assert _redacted(text, spans, later, later + len(word)), red


def test_amy_police():
    text = ("I am Amy Police. Greater Manchester Police came in March 2018, then Kent Police and Essex Police. "
            "Ms Police was frightened. Police told me to wait. The Home Office and Immigration Enforcement "
            "were told. AMY POLICE's phone was taken.")
    red = apply(text, detect(text, KnownIdentifiers(people=[("Amy Police", [])]))).text
    assert red == ("I am Person A. Greater Manchester Police came in March 2018, then Kent Police and Essex Police. "
                   "Ms Person A was frightened. Person A told me to wait. The Home Office and Immigration "
                   "Enforcement were told. Person A's phone was taken.")


@pytest.mark.parametrize(
    ("name", "text", "stays", "goes"),
    [
        ("Amy Office", "The Home Office wrote to Amy Office. Ms Office replied.", ["Home Office"],
         ["Amy Office", "Ms Office"]),
        ("Tom Home", "Then Home told me. The Home Office wrote. Mr Home said so.", ["Home Office"],
         ["Then Home", "Mr Home"]),
        ("Grace Enforcement", "Immigration Enforcement took Grace. Grace Enforcement left.",
         ["Immigration Enforcement"], ["took Grace", "Grace Enforcement"]),
        ("John Kent", "Kent Police arrested John Kent. Mr Kent said nothing.", ["Kent Police"],
         ["John Kent", "Mr Kent"]),
        ("Sara Essex", "Essex Police came for Sara Essex.", ["Essex Police"], ["Sara Essex"]),
        ("Grace Midlands", "West Midlands Police saw Grace Midlands and Grace.", ["West Midlands Police"],
         ["Grace Midlands", "and Grace"]),
    ],
)
def test_names_sharing_words_with_facts(name, text, stays, goes):
    spans = detect(text, KnownIdentifiers(people=[(name, [])]))
    red = apply(text, spans).text
    for piece in stays:
        assert piece in red, red
    for piece in goes:  # the last word of each piece is redacted
        word = piece.split()[-1]
        s = text.index(piece) + len(piece) - len(word)
        assert _redacted(text, spans, s, s + len(word)), (piece, red)
    assert name not in red
