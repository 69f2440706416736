"""A line of plain left-to-right words in one font is placed as one segment without the run-by-run
loop (desktop/reports/layout.py, ``ScriptParagraph._segments``): held to that loop on made-up lines
of every kind (plain, shaped, right to left, two fonts, words broken across lines, every alignment)."""

from __future__ import annotations

import random

import pytest

from desktop.reports import layout
from desktop.reports.fonts import FontSet
from desktop.reports.layout import ScriptParagraph

WORDS = [
    "Statement",
    "of",
    "Person",
    "A",
    "[PHONE 1]",
    "Łukasz",
    "café",
    "2024",
    "-",
    "(a)",
    "back\\slash",
    "عمران",
    "خان",
    "ਹਰਪ੍ਰੀਤ",
    "ਕੌਰ",
    "পুলিশ",
    "क्षेत्र",
    "ہرپریت",
    "«»",
    "12:30",
    "Ştefan",
    "Supercalifragilisticexpialidociousness-and-more-of-it",
]


def _paragraphs(seed: int) -> list[ScriptParagraph]:
    rng = random.Random(seed)
    out = []
    for _ in range(60):
        n = rng.randint(1, 14)
        pool = WORDS[:10] if rng.random() < 0.5 else WORDS  # half of them plain Latin only
        text = " ".join(rng.choice(pool) for _ in range(n))
        if rng.random() < 0.3:
            text += "\n" + " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 6)))
        out.append(
            ScriptParagraph(
                text,
                size=rng.choice((8.5, 10.5, 12)),
                bold=rng.random() < 0.3,
                indent=rng.choice((0, 12)),
                align=rng.choice(("start", "left", "right", "center")),
                line_breaks=True,
                number=rng.choice((None, "3.")),
            )
        )
    return out


@pytest.mark.parametrize("seed", range(4))
def test_each_line_is_placed_as_the_run_by_run_loop_places_it(seed):
    FontSet.load()
    for p in _paragraphs(seed):
        width = 120 + 40 * (seed % 3)
        p.wrap(width, 1000)
        space = p._space()
        for line in p._lines:
            for left in (0, 7.5):
                assert p._segments(line, left, width, space) == p._segments_each(line, left, width, space)


def test_a_line_of_english_in_one_font_is_placed_without_the_loop(monkeypatch):
    FontSet.load()
    p = ScriptParagraph("The officer asked [PHONE 1] about my visa on 2 May 2024 (a) back\\slash.", size=10.5)
    p.wrap(500, 100)
    expected = [p._segments_each(line, 0, 500, p._space()) for line in p._lines]
    calls = []
    monkeypatch.setattr(ScriptParagraph, "_segments_each", lambda *a: calls.append(a) or [])
    assert [p._segments(line, 0, 500, p._space()) for line in p._lines] == expected
    assert not calls
    # a right-to-left word in the line, or a second font, is left to the loop
    for text in ("The officer عمران asked", "The officer ਕੌਰ asked"):
        q = ScriptParagraph(text, size=10.5)
        q.wrap(500, 100)
        q._segments(q._lines[0], 0, 500, q._space())
    assert len(calls) == 2


def test_a_word_knows_whether_it_is_one_plain_run():
    FontSet.load()
    assert layout._word("officer", 10.5, False).plain is not None
    assert layout._word("عمران", 10.5, False).plain is None  # right to left
    assert layout._word("ਕੌਰ", 10.5, False).plain is None  # shaped
