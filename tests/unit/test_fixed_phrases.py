"""The fixed phrases' pattern, written as a tree of first letters, matches exactly what the phrases
written out in turn match (the form the statement used before, kept here as the reference)."""

from __future__ import annotations

import random
import re

import pytest

from desktop.reports import wording
from desktop.reports.alternation import first_letter_alternatives
from desktop.reports.export import build_content
from desktop.reports.statement import placeholders
from tests.benchmarks.bench_statements import five_page_interview
from tests.factories import PUNJABI_STATEMENT, URDU_STATEMENT, redact, sample_interview


def written_out(extra: tuple[str, ...] = ()) -> re.Pattern[str]:
    alts = [re.escape(t) for t in sorted(set(extra), key=lambda t: (-len(t), t)) if t]
    alts += [re.escape(n) for n in wording._force_names()]
    return re.compile(r"(?<!\w)(?:" + "|".join([*alts, wording._DATE_IN_TEXT]) + r")(?!\w)")


EXTRAS = [(), ("Person A", "Person B", "Person AB", "[PHONE 1]", "[PHONE 12]", "[HOME OFFICE REF 1]"),
          ("Statement of", "Addendum dated", "Language:", "Reference", "Kent", "Kent Police Station", "Met", "-", "I,",
           "and sealed. Any later change appears above as a dated addendum.", "May", "1", "Person", "[", "]")]
PIECES = ["Kent Police", "Kent", "Police", "Metropolitan Police Service", "Metropolitan Police", "the Met", "Met",
          "Home Office", "Home", "Devon & Cornwall Police", "First-tier Tribunal", "Magistrates' Court",
          "Magistrates Court", "Person A", "Person AB", "Person", "[PHONE 1]", "[PHONE 12]", "[HOME OFFICE REF 1]",
          "1", "3", "9", "10", "12", "29", "30", "31", "32", "40", "0", "1st", "2nd", "3rd", "4th", "21st", "31st",
          "May", "March", "June", "July", "December", "Janu", "2024", "1999", "2100", "19", "20", "Statement of",
          "Addendum dated", "Language:", "Reference", "-", "I,", "x", "_", "é", "Ö", "م", "ਪ", ".", ",", "'", "&",
          "(", ")", "[", "]", "\n", "  ", "Police Scotland", "Police Station", "Immigration Enforcement",
          "British Transport Police", "West Midlands Police", "Avon and Somerset Police"]


def texts() -> list[str]:
    iv = five_page_interview()
    sample = sample_interview(language="Urdu", original_text=URDU_STATEMENT)
    out = [iv.statement, iv.original_text or "", sample.statement, URDU_STATEMENT, PUNJABI_STATEMENT,
           redact(sample).text]
    rng = random.Random(23)
    for _ in range(3000):
        out.append("".join(rng.choice(PIECES) + rng.choice(["", " ", " ", "", "\n", ",", "x"])
                           for _ in range(rng.randint(1, 12))))
    return out


@pytest.mark.parametrize("extra", EXTRAS)
def test_the_tree_matches_what_the_phrases_written_out_match(extra):
    ours, theirs = wording.fixed_phrases(extra), written_out(extra)
    found = 0
    for text in texts():
        expected = [m.span() for m in theirs.finditer(text)]
        assert [m.span() for m in ours.finditer(text)] == expected, text
        assert (ours.fullmatch(text) is None) == (theirs.fullmatch(text) is None), text
        found += len(expected)
    assert found > 1500  # the texts hold phrases of every kind


def test_a_statement_finds_the_same_phrases():
    iv = sample_interview()
    extra = placeholders(build_content(iv, redact(iv)))
    assert extra
    for text in texts()[:6]:
        assert ([m.span() for m in wording.fixed_phrases(extra).finditer(text)]
                == [m.span() for m in written_out(extra).finditer(text)])


def test_one_alternative_per_first_letter_longest_first():
    alts = first_letter_alternatives(["Kent", "Kent Police", "Kent Police Station", "Met", ""])
    assert len(alts) == 2 and alts[0].startswith("K") and alts[1].startswith("M")
    rx = re.compile("(?:" + "|".join(alts) + r")(?!\w)")
    assert [m.group() for m in rx.finditer("Kent Police Stationx Kent Police Station, Kent Policeman xMet Met")] == [
        "Kent Police", "Kent Police Station", "Kent", "Met"]
