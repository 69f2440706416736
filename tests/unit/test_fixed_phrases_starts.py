"""``wording.fixed_phrases`` tries its alternatives only where one of them can start (a look-ahead
for their first characters): it must find exactly what the pattern without that look-ahead finds.
What it finds is glued into one word when a statement is laid out, recorded as the form's literals
for the leak gate, and excused in the text checked before drawing; a phrase missed here would
change the pages or the gate's verdict. Held to the pattern as first written, on the statement's
kinds of text (placeholders, forces and public bodies, dates, words) and on made-up extras."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.reports import wording

MONTHS = wording._MONTHS.split("|")


def written_out(extra: tuple[str, ...] = ()) -> re.Pattern[str]:
    """The pattern without the look-ahead, as fixed_phrases made it before."""
    alts = [re.escape(t) for t in sorted(set(extra), key=lambda t: (-len(t), t)) if t]
    alts += [re.escape(n) for n in wording._force_names()]
    return re.compile(r"(?<!\w)(?:" + "|".join([*alts, wording._DATE_IN_TEXT]) + r")(?!\w)")


def spans(rx: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in rx.finditer(text)]


_PIECES = st.one_of(
    st.sampled_from(wording._force_names()),
    st.sampled_from(MONTHS),
    st.integers(0, 40).map(str),
    st.sampled_from(["st", "nd", "th", "2024", "1999", "Person A", "Person AB", "[PHONE 1]", "[ADDRESS 12]"]),
    st.sampled_from([" ", ", ", ".", "\n", "-", "(", "the ", "a", "é", "ß", "ı", "İ", "١", "٣", "_", "x"]),
    st.text(alphabet="abcJFMASONDPx[]-^\\ 0123456789é", max_size=6),
)
_TEXT = st.lists(_PIECES, max_size=30).map("".join)
_EXTRA = st.lists(
    st.one_of(
        st.sampled_from(["Person A", "[PHONE 1]", "Statement of", "-x", "^a", "]b", "\\c", "éa", "1st", "ıb"]),
        st.text(alphabet="abcJP[]-^\\ é0", min_size=1, max_size=5),
    ),
    max_size=5,
).map(tuple)


@settings(max_examples=1500, deadline=None)
@given(_TEXT, _EXTRA)
def test_the_same_phrases_as_the_written_out_pattern(text, extra):
    text = text + " " + " ".join(extra)  # each extra at least once
    assert spans(wording.fixed_phrases(extra), text) == spans(written_out(extra), text)


@pytest.mark.parametrize("extra", [(), ("Person A", "Person B", "[PHONE 1]")])
def test_every_force_body_and_date_is_found_where_it_stands(extra):
    names = [
        *wording._force_names(),
        *extra,
        *(f"{d} {m} 2024" for d in (1, 9, 12, 31) for m in MONTHS),
        *(f"{m} {d}" for d in (3, 21) for m in MONTHS),
        *(f"{d}th {m}" for d in (4, 30) for m in MONTHS),
    ]
    text = " and ".join(names) + ". (" + ", ".join(names) + ")"
    found = spans(wording.fixed_phrases(extra), text)
    assert found == spans(written_out(extra), text)
    assert len(found) == 2 * len(names)


def test_statement_like_text_the_same():
    text = (
        "On 3 May 2024 Person A called West Yorkshire Police and the Home Office. In June I saw "
        "[PHONE 1] at 12 Mill Lane; 21st March, March 2023, Greater Manchester Police's officer. "
    ) * 20
    for extra in ((), ("Person A", "[PHONE 1]", "Statement of")):
        assert spans(wording.fixed_phrases(extra), text) == spans(written_out(extra), text)
