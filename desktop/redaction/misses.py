"""The rules for known kinds of miss (``misses_people``, ``misses_places``, ``misses_bodies``), in the order the
likely-name detector runs them: after its own word rules, before neighbouring words are joined."""

from __future__ import annotations

from desktop.redaction.misses_bodies import bodies_by_wording
from desktop.redaction.misses_people import (
    given_names_in_capitals,
    lower_case_word_names,
    names_after_plural_ranks,
    people_gone_to,
    people_with_relations,
)
from desktop.redaction.misses_places import currencies, travel_places, venues, words_after_speech

Hit = tuple[int, int, str, float]


def mark_by_wording(toks: list, text: str, before) -> None:  # noqa: ANN001 - words.WordsBefore
    """Mark the detector's words (``names._Tok``): officers listed after a rank, places and things, people."""
    names_after_plural_ranks(toks, text)  # first: "PCs Wood and Hall" is no venue
    venues(toks, text)
    currencies(toks, text)
    travel_places(toks, text)
    words_after_speech(toks, text)
    bodies_by_wording(toks, text)
    people_gone_to(toks, text)
    given_names_in_capitals(toks, text, before)
    people_with_relations(toks, text)


def hits_by_wording(text: str, before) -> list[Hit]:  # noqa: ANN001 - words.WordsBefore
    """Names found outside the capitalised words: a lower-case given name after a cue."""
    return lower_case_word_names(text, before)
