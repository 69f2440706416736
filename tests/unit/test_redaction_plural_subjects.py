"""A lone unexplained capitalised word before a verb in the plural at a sentence's start is a body
of people: still suggested, but weak (``desktop.redaction.plural_subjects``). Examples written here."""

from __future__ import annotations

from desktop.redaction import detect


def _on(text: str, word: str, nth: int = 0):  # noqa: ANN202
    s = -1
    for _ in range(nth + 1):
        s = text.index(word, s + 1)
    return [x for x in detect(text) if x.start <= s < x.end]


def test_a_plural_subject_is_suggested_weakly_everywhere_in_the_text() -> None:
    for text, word in [
        ("Carabinieri have arrested two men near the port. Carabinieri said little.", "Carabinieri"),
        ("Guardia were called to the farm at dawn.", "Guardia"),
        ("The boat came in at night.\nMarinheiros are still missing, the union says.", "Marinheiros"),
    ]:
        for nth in range(text.count(word)):
            spans = _on(text, word, nth)
            assert spans and all(x.weak for x in spans), (text, nth)


def test_a_name_before_a_singular_verb_or_with_a_cue_stays_a_suggestion() -> None:
    for text, word in [
        ("Okonjo have beaten me many times. Okonjo is my husband.", "Okonjo"),
        ("Okonjo has beaten me many times.", "Okonjo"),
        ("My husband Okonjo have beaten me.", "Okonjo"),
    ]:
        spans = _on(text, word)
        assert spans and not all(x.weak for x in spans), text
