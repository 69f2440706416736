"""The pattern detectors' fast paths find exactly what the slower searches they replace found: the
windows made from one pass over a statement's runs of digits, and the identifier patterns tried only
where a run of digits says a match can start (``scanning.Digits``), instead of searched for in every
window; ``phonenumbers`` is not asked about a stretch with too few digits for what it finds to count."""

from __future__ import annotations

import re

import phonenumbers
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.redaction import detectors, scanning

_PIECES = st.sampled_from([
    "QQ 12 34 56 C", "AB123456C", "ab 12-34-56 d", "12 A 12345", "12-A-12345", "943 476 5919", "943\n476\n5919",
    "12-34-56", "12–34–56", "4111 1111 1111 1111", "4111111111111111", "21/123456X", "1990/12A", "GB82 WEST 1234 5698",
    "GB82WEST12345698765432", "A1234567", "A1234567/12", "ZU1234567", "ZUX123456", "K 123 4567", "ZU 123 4567",
    "AB-12-34", "CAD4411/07JUN21", "URN 47/1234/21", "AB12/34CD56", "-AB123456", "ab/-12-34", "ſK 12 34 56",
    "ıK12 34 56", "123456", "1234567890", "2019", "12", "1", "9", "0", "07700 900123", "+44 (0)20 7946 0958", "x",
    "a", "B", "/", "-", ".", " ", " ", "  ", "\n", "(", ")", "_", "é", "١٢٣", "+", ",", "\t", "\u00a0", "–",
    "AB12 CDE", "A123 BCD", "ABC 123D", "ABC 1 D", "LS9 2AB", "EC1A 1BB", "W1 2AB", "GIR 0AA", "GIR0AA", "BFPO 12",
    "ASCN 1ZZ", "GX11 1AA", "+44 7700 900123", "(+44) 20 7946", "(+ 44 20", "0044 7700", "(07700) 900 123",
    "+ 1 212 555 0100", "+(1) 212", "00 33 1 23 45", "+\u00a05", "(0", "(00",
])  # fmt: skip


def _text(pieces: list[str]) -> str:
    return "".join(pieces)


@settings(max_examples=400, deadline=None)
@given(pieces=st.lists(_PIECES, max_size=30), margin=st.sampled_from([1, 3, 60]))
def test_the_windows_around_the_runs_of_digits_are_those_a_search_for_digits_made(pieces, margin):
    text = _text(pieces)
    runs = scanning.Digits(text)
    assert runs.windows(margin) == scanning.windows(text, re.compile(r"\d+"), margin)


@settings(max_examples=400, deadline=None)
@given(pieces=st.lists(_PIECES, max_size=30), cuts=st.lists(st.integers(0, 300), max_size=8))
def test_digits_counted_from_the_runs_are_those_counted_in_each_window(pieces, cuts):
    text = _text(pieces)
    bounds = sorted({min(c, len(text)) for c in cuts})
    windows = [(a, b) for a, b in zip(bounds[::2], bounds[1::2], strict=False) if a < b]
    assert scanning.Digits(text).counted(windows) == scanning.with_digits(text, windows)


@settings(max_examples=400, deadline=None)
@given(pieces=st.lists(_PIECES, max_size=30))
def test_the_strong_windows_found_inside_the_digit_windows_are_those_of_the_whole_text(pieces):
    text = _text(pieces)
    dw = scanning.Digits(text).windows()
    assert detectors._strong_windows(text, dw) == scanning.windows(text, detectors._STRONG)


def test_every_pattern_told_by_the_runs_of_digits_is_one_expected():
    assert set(scanning._AT) == {
        detectors._NINO_STRICT, detectors._NINO_LOOSE, detectors._TRN, detectors._NHS, detectors._SORT_CODE,
        detectors._CARD, detectors._PNC, detectors._IBAN, detectors._HO_REF, detectors._BRP, detectors._SPACED_REF,
        detectors._REF_TOKEN, detectors._LONG_NUMBER, detectors._VRM, detectors._POSTCODE, detectors._UK_PHONE,
        detectors._INTL_PHONE, detectors._PHONE_CANDIDATE, detectors._DRIVING,
    }  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(pieces=st.lists(_PIECES, max_size=25), cut=st.tuples(st.integers(0, 60), st.integers(0, 400)))
def test_a_pattern_tried_where_the_runs_of_digits_say_finds_what_searching_its_window_finds(pieces, cut):
    text = _text(pieces)
    ws = min(cut[0], len(text))
    we = min(max(ws, cut[1]), len(text))
    runs = scanning.Digits(text)
    for pattern in scanning._AT:
        slow = [(m.span(), m.groups()) for m in scanning.found(pattern, text, ws, we)]
        fast = [(m.span(), m.groups()) for m in scanning.found(pattern, text, ws, we, runs.starts(pattern))]
        assert fast == slow, pattern.pattern


def test_the_places_tried_are_few():
    text = "On 12 March 2019 my NI number was QQ 12 34 56 C and the crime reference CAD4411/07JUN21."
    runs = scanning.Digits(text)
    assert len(runs.starts(detectors._NINO_STRICT)) <= 2 * len(runs.runs)
    assert runs.starts(detectors._REF_TOKEN) == sorted(set(runs.starts(detectors._REF_TOKEN)))
    ref = text.index("CAD4411")
    assert ref in runs.starts(detectors._REF_TOKEN)
    found = [m.group() for m in scanning.found(detectors._REF_TOKEN, text, 0, len(text),
                                               runs.starts(detectors._REF_TOKEN))]
    assert "CAD4411/07JUN21" in found


@settings(max_examples=300, deadline=None)
@given(pieces=st.lists(st.sampled_from(["a", "İ", "ı", "ſ", "K", "K", "x", " ", "É", "1"]), max_size=20))
def test_the_lower_case_ignorecase_sees_is_made_only_when_needed_and_the_same(pieces):
    text = _text(pieces)
    scanning.ic_lower.cache_clear()
    expected = scanning.lower_same_length(text).translate(scanning.IC_ASCII)
    assert scanning.ic_lower(text) == expected


@settings(max_examples=200, deadline=None)
@given(pieces=st.lists(st.sampled_from(["07700", "900", "12", "3", " ", "-", "(0)", "44", ".", "/", "x"]),
                       max_size=12))
def test_phonenumbers_finds_nothing_that_counts_in_a_stretch_with_fewer_than_nine_digits_and_no_plus(pieces):
    window = _text(pieces)
    if "+" in window or sum(c.isdigit() for c in window) >= 9:
        return
    for pm in phonenumbers.PhoneNumberMatcher(window, "GB", leniency=phonenumbers.Leniency.POSSIBLE):
        assert not (sum(c.isdigit() for c in pm.raw_string) >= 9 or pm.raw_string.startswith("+"))


def test_the_detectors_find_the_same_with_the_fast_paths_as_without(monkeypatch):
    text = ("My NI number is QQ 12 34 56 C, NHS 943 476 5919, sort code 12-34-56, account 12345678, card "
            "4111 1111 1111 1111. Crime ref CAD4411/07JUN21 and 21/123456X; Home Office ref A1234567/12, "
            "BRP ZUX123456, IBAN GB82 WEST 1234 5698 7654 32. Call 07700 900123 or +44 (0)20 7946 0958, "
            "born 12/03/1990, lived at 43 Kingsway, Flat 4, reg AB12 CDE, passport 123456789.")
    fast = sorted(detectors.detect_patterns(text))
    monkeypatch.setattr(scanning, "_AT", {})
    monkeypatch.setattr(detectors, "_strong_windows", lambda t, dw: scanning.windows(t, detectors._STRONG))
    slow = sorted(detectors.detect_patterns(text))
    assert fast == slow
    assert {typ for _, _, typ, _ in fast} >= {"NI_NUMBER", "NHS_NUMBER", "BANK", "CRIME_REF", "HOME_OFFICE_REF",
                                               "BRP", "PHONE", "DATE_OF_BIRTH", "ADDRESS", "VEHICLE", "PASSPORT"}


@settings(max_examples=400, deadline=None)
@given(name=st.text("AbZéx -'\t", max_size=20), alias=st.booleans())
def test_a_plain_name_is_made_into_a_person_as_any_name_is(name, alias):
    from desktop.redaction import recorded

    aliases = ("Ally",) if alias else ()
    fast, slow = recorded._person(name, aliases), recorded._any_person(name, aliases)
    assert (fast.tokens, fast.keys, set(fast.firsts or ())) == (slow.tokens, slow.keys, set(slow.firsts or ()))
    assert (fast.firsts is None) == (slow.firsts is None)


def test_plain_names_take_the_quick_way():
    from desktop.redaction import recorded

    for name in ("Amina Okafor", "TOMASZ  ioana Oduya", "Li"):
        p = recorded._person(name, ())
        assert p == recorded._any_person(name, ()) or (p.tokens, p.keys) == (
            recorded._any_person(name, ()).tokens, recorded._any_person(name, ()).keys)
    assert recorded._person("Amina Okafor", ()).keys == ("amin", "okaf")


def test_the_bounded_store_of_people_keeps_the_latest_makes_each_once_and_empties_at_lock():
    from desktop.core import forgetting
    from desktop.redaction.known import LRU

    store = LRU(2)
    made = []

    def make(v):
        return lambda: made.append(v) or v.upper()

    assert store.get("a", make("a")) == "A" and store.get("b", make("b")) == "B"
    assert store.get("a", make("a")) == "A"  # used again: now the latest
    store.get("c", make("c"))  # "b", the least recently used, goes
    assert list(store.data) == ["a", "c"] and made == ["a", "b", "c"]
    store.get("b", make("b"))
    assert made == ["a", "b", "c", "b"] and len(store.data) == 2
    forgetting.forget_kept()
    assert not store.data
