"""The leak gate looks for all protected strings of a check in one pass per place and form
(``desktop.reports.leak_gate.index``): it must find exactly what looking for each string on its own
found (``tests/security/gate_oracle.py``), refusal for refusal, and still find the last of
thousands of strings in a real PDF."""

from __future__ import annotations

import dataclasses
import re
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.reports import leak_gate
from desktop.reports.export import build_content
from desktop.reports.leak_gate import CaseSensitive, LeakDetected
from desktop.reports.leak_gate.index import CASE_KEY, NeedleIndex, case_key
from desktop.reports.leak_gate.normalise import needles
from desktop.reports.leak_gate.search import Hay, search, search_bytes
from desktop.reports.statement import render_statement
from tests.factories import redact, sample_interview
from tests.security.gate_oracle import outcome, search_bytes_each, search_each

# Letters that fold, change length or match other letters in any case (the long s, the Kelvin sign,
# dotted and dotless i, sharp s, final sigma, a titlecase digraph, a ligature NFKC splits), accents
# as one code point and as combining marks, right-to-left letters, digits and the punctuation the
# number forms drop.
ALPHABET = ("abcdeklsiz ABCDEKLSIZ" "ſKİıßẞΣσςµμǅǄǆﬁﬀ" "éÉèçÇøØåÅ" "e\u0301\u0308" "ابپت" "0123456789"
            "-./'’ \u00a0\u200d\n")

words = st.text(alphabet=ALPHABET, min_size=1, max_size=9)


@st.composite
def cases(draw):
    items = draw(st.lists(words, min_size=1, max_size=7))
    items = [CaseSensitive(i) if draw(st.booleans()) and i.strip() else i for i in items]
    pieces = []
    for _ in range(draw(st.integers(0, 8))):
        if draw(st.integers(0, 2)) < 2:  # mostly the items themselves, in some case
            item = str(draw(st.sampled_from(items)))
            pieces.append(draw(st.sampled_from([item, item.upper(), item.lower(), item.title(), item.casefold(),
                                                item.swapcase()])))
        else:
            pieces.append(draw(words))
    seps = st.sampled_from(["", " ", "  ", "\n", "-", ".", "x"])
    hay = "".join(p + draw(seps) for p in pieces)
    literals = draw(st.lists(st.sampled_from(pieces), max_size=3)) if pieces else []
    return items, hay, literals


@settings(max_examples=600, deadline=None)
@given(case=cases())
def test_one_pass_finds_exactly_what_each_string_on_its_own_found(case):
    items, hay, literals = case
    found = needles(items, None)
    expected = outcome(search_each, found, Hay("a place", hay, literals))
    assert outcome(search, NeedleIndex(found), Hay("a place", hay, literals)) == expected
    assert outcome(search, found, Hay("a place", hay, literals)) == expected  # a plain list as before


@settings(max_examples=400, deadline=None)
@given(case=cases(), encoding=st.sampled_from(["utf-8", "utf-16-be", "latin-1"]))
def test_one_pass_finds_exactly_the_byte_forms_each_string_found(case, encoding):
    items, hay, _literals = case
    data = b"\x00\x01" + hay.encode(encoding, errors="ignore") + b"\x02"
    found = needles(items, None)
    assert outcome(search_bytes, NeedleIndex(found), "a stream", data) == outcome(search_bytes_each, found,
                                                                               "a stream", data)


def test_the_case_key_is_the_regular_expression_engines_own_idea_of_one_letter_in_any_case():
    # Every pair of letters the engine matches under IGNORECASE has one key, so a needle the engine
    # would find is never missed by the one-pass search (the key only has to be that coarse).
    assert CASE_KEY is not None, "this Python lacks the engine's case tables: capital needles go one by one"
    cased = "".join(chr(c) for c in range(sys.maxunicode + 1)
                    if not 0xD800 <= c <= 0xDFFF and (chr(c).lower() != chr(c) or chr(c).upper() != chr(c)))
    for p in cased:
        for h in re.findall(re.escape(p), cased, re.I):
            assert case_key(h) == case_key(p), (hex(ord(p)), hex(ord(h)))
    assert len(case_key("İstanbul ſ K")) == len("İstanbul ſ K")


def test_the_last_of_thousands_of_protected_strings_is_found_in_the_pdf_with_its_index():
    iv = sample_interview()
    content = dataclasses.replace(build_content(iv, redact(iv)),
                                  statement="On Tuesday Wojciechowska came to the door and shouted.")
    pdf = render_statement(content)
    items: list[str] = [f"Zofia{n} Kwiatkowska{n}" for n in range(5000)] + [CaseSensitive("Will"), "K5001234"]
    items.append("Wojciechowska")
    try:
        leak_gate.check(pdf, items)
    except LeakDetected as exc:
        assert exc.index == len(items) - 1
    else:
        raise AssertionError("the gate passed a PDF with a protected name in it")
    leak_gate.check(pdf, items[:-1])


def test_a_large_sets_index_is_kept_only_for_exactly_that_set():
    from desktop.reports.leak_gate import index as index_module
    from desktop.reports.leak_gate.normalise import statement_shaper

    items: list[str] = [f"Zofia{n} Kwiatkowska{n}" for n in range(2000)]
    first = NeedleIndex.for_items(items, None)
    assert NeedleIndex.for_items(list(items), None) is first  # the same strings, kinds and order: kept
    for other in ([*items[:-1], "Zofia1999 Kwiatkowska1998"], [CaseSensitive(items[0]), *items[1:]],
                  [items[1], items[0], *items[2:]], [*items, "Wojciechowska"]):
        made = NeedleIndex.for_items(other, None)
        assert made is not first and [n.levels[0] for n in made.needles] == [n.levels[0] for n in
                                                                            needles(other, None)]
        first = NeedleIndex.for_items(items, None)
    assert NeedleIndex.for_items(items, statement_shaper) is not first
    small = ["Wojciechowska"]
    assert NeedleIndex.for_items(small, None) is not NeedleIndex.for_items(small, None)  # a statement's: never kept
    index_module.forget_kept()
    assert NeedleIndex.for_items(items, None) is not first


def test_a_check_after_a_passing_one_finds_the_string_added_to_the_set():
    iv = sample_interview()
    content = dataclasses.replace(build_content(iv, redact(iv)),
                                  statement="On Tuesday Wojciechowska came to the door and shouted.")
    pdf = render_statement(content)
    items: list[str] = [f"Zofia{n} Kwiatkowska{n}" for n in range(3000)]
    leak_gate.check(pdf, items)
    leak_gate.check(pdf, items)  # passes again, with the index kept
    try:
        leak_gate.check(pdf, [*items, "Wojciechowska"])
    except LeakDetected as exc:
        assert exc.index == len(items)
    else:
        raise AssertionError("the gate passed a PDF with a protected name in it")


@settings(max_examples=800, deadline=None)
@given(text=st.text(alphabet=st.characters(max_codepoint=127), max_size=24))
def test_an_ascii_strings_forms_made_directly_are_those_of_the_general_normalisation(text):
    from desktop.reports.leak_gate.normalise import Levels, levels_of

    assert levels_of(text) == Levels(text).all()


def test_every_ascii_character_alone_and_between_letters_has_the_forms_of_the_general_normalisation():
    from desktop.reports.leak_gate.normalise import Levels, levels_of

    for cp in range(128):
        for text in (chr(cp), f"Ab{chr(cp)}cD", f" {chr(cp)}{chr(cp)} x1-2 "):
            assert levels_of(text) == Levels(text).all(), repr(text)
    assert levels_of("Łucja") == Levels("Łucja").all()  # not ASCII: the general path
