"""Recorded identifiers and names: found whole however they are written, read as one identifier,
and looked for at the same speed however many people are recorded (issues 11 and 13)."""

from __future__ import annotations

import io
import json
import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from desktop.cli import Context, run
from desktop.redaction import KnownIdentifiers, apply, detect
from desktop.redaction import known as known_module
from desktop.redaction.engine import _MARK, _NAME_WORD, _occurrences, _whole_words_in
from desktop.redaction.graphemes import MARKS

ADDRESS = "Flat 3, 27 Larchfield Crescent, Walsall WS2 8QN"


def _redact(text: str, known: KnownIdentifiers) -> str:
    return apply(text, detect(text, known)).text


# --- a recorded address reads as one address ------------------------------------------------------


def test_a_recorded_address_is_one_address_with_its_postcode_and_the_town_stays():
    known = KnownIdentifiers(identifiers=[("address", ADDRESS)])
    text = ("We rented Flat 3, 27 Larchfield Crescent, Walsall WS2 8QN from him. "
            "Later I saw his van on Larchfield Crescent again.")  # fmt: skip
    red = apply(text, detect(text, known))
    assert red.text == ("We rented [ADDRESS 1], Walsall [POSTCODE 1] from him. "
                        "Later I saw his van on [ADDRESS 1] again.")  # fmt: skip
    assert "[ADDRESS 2]" not in red.text
    types = {text[s.start : s.end]: s.type for s in detect(text, known)}
    assert types["WS2 8QN"] == "POSTCODE"
    # One legend entry per placeholder, and it says which placeholders are one recorded address.
    legend = {e.placeholder: e.description for e in red.legend}
    assert set(legend) == {"[ADDRESS 1]", "[POSTCODE 1]"}
    assert "[POSTCODE 1]" in legend["[ADDRESS 1]"] and "one recorded address" in legend["[ADDRESS 1]"]
    assert "[ADDRESS 1]" in legend["[POSTCODE 1]"]
    assert not any(w in d for d in legend.values() for w in ("Larchfield", "WS2", "Walsall"))


def test_two_recorded_addresses_are_two_and_a_postcode_of_nobody_stays_alone():
    known = KnownIdentifiers(identifiers=[("address", "9 Tanner Row, Leeds LS1 4BB"),
                                          ("address", "41 Quarry Lane, Luton LU3 2PD")])  # fmt: skip
    text = "First 9 Tanner Row, Leeds LS1 4BB, then 41 Quarry Lane, Luton LU3 2PD."
    red = apply(text, detect(text, known))
    assert red.text == "First [ADDRESS 1], Leeds [POSTCODE 1], then [ADDRESS 2], Luton [POSTCODE 2]."
    legend = {e.placeholder: e.description for e in red.legend}
    assert "[POSTCODE 1]" in legend["[ADDRESS 1]"] and "[POSTCODE 2]" not in legend["[ADDRESS 1]"]
    # An unrecorded postcode is a postcode of its own, with no recorded address to belong to.
    other = apply("It was sent to BD7 1DP.", detect("It was sent to BD7 1DP.", known))
    assert other.text == "It was sent to [POSTCODE 1]." and other.legend[0].description == "a postcode"


# --- references, phones and names however they are written ------------------------------------


@pytest.mark.parametrize("writing", ["CAD 2290/14MAR22", "CAD: 2290 / 14MAR22", "cad-2290-14mar22",
                                     "CAD2290/14MAR22", "CAD #2290/14MAR22"])  # fmt: skip
def test_a_recorded_reference_keeps_its_prefix(writing):
    known = KnownIdentifiers(identifiers=[("crime_ref", "CAD 2290/14MAR22")])
    text = f"The call was logged as {writing} that night."
    assert _redact(text, known) == "The call was logged as [CRIME REF 1] that night."


def test_a_recorded_reference_written_without_its_prefix_is_found_too():
    known = KnownIdentifiers(identifiers=[("crime_ref", "CAD 2290/14MAR22")])
    assert _redact("Quote 2290/14MAR22 to them.", known) == "Quote [CRIME REF 1] to them."


@pytest.mark.parametrize("writing", ["07911 204 386", "+44 (0)7911 204386", "0044 7911 204386", "+447911204386",
                                     "07911-204-386", "07911.204.386", "7911 204386", "079 112 043 86"])  # fmt: skip
def test_a_recorded_phone_number_however_written_is_one_number(writing):
    known = KnownIdentifiers(identifiers=[("phone", "07911 204386")])
    text = f"He rang from {writing} and from 07911204386 again."
    spans = detect(text, known)
    assert any(s.source == "known" and (s.start, s.end) == (13, 13 + len(writing)) for s in spans)
    assert _redact(text, known) == "He rang from [PHONE 1] and from [PHONE 1] again."


@pytest.mark.parametrize(
    ("recorded", "writing"),
    [
        ("Oluwaseun Ade Bakare", "OLUWASEUN ADE-BAKARE"),
        ("Oluwaseun Ade Bakare", "Oluwaseun Adebakare"),
        ("Oluwaseun Ade Bakare", "Bakare,Oluwaseun Ade"),
        ("Oluwaseun Ade Bakare", "Ade Bakare"),
        ("Oluwaseun Ade Bakare", "Oluwaseun-Ade"),
        ("Siew Ling Tan", "Siew-Ling Tan"),
        ("Siew Ling Tan", "SiewLing TAN"),
        ("Siew Ling Tan", "Siew  Ling\nTan"),
        ("Anne-Marie D'Souza", "Anne Marie DSouza"),
        ("Anne-Marie D'Souza", "Annemarie D’Souza"),
    ],
)
def test_every_part_of_a_recorded_name_however_joined_reads_as_one_person(recorded, writing):
    known = KnownIdentifiers(people=[(recorded, [])])
    text = f"Later {writing} came to the flat."
    assert _redact(text, known) == "Later Person A came to the flat."


def test_words_of_a_name_glued_into_an_english_word_stay_a_word():
    known = KnownIdentifiers(people=[("Will Power", [])])
    text = "I had no willpower left. Will Power shouted. Will-Power came back."
    assert _redact(text, known) == "I had no willpower left. Person A shouted. Person A came back."


# --- witnessbox redact takes recorded identifiers ----------------------------------------------


def _cli(lines: str, app_paths) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(["redact"], Context(paths=app_paths, stdin=io.StringIO(lines), stdout=out, stderr=err))
    return code, out.getvalue(), err.getvalue()


def test_cli_redact_with_known_identifiers_types_each_piece(app_paths):
    text = "Post went to 27 Larchfield Crescent, Walsall WS2 8QN; he rang 07911 204386 and Grace Obi answered."
    line = {"id": "x", "text": text, "known_names": ["Grace Obi"],
            "known_identifiers": [{"kind": "address", "value": ADDRESS}, {"kind": "phone", "value": "+44 7911 204386"}]}
    code, out, err = _cli(json.dumps(line) + "\n", app_paths)
    assert code == 0, err
    got = {text[s["start"] : s["end"]]: s["type"] for s in json.loads(out)["spans"]}
    assert got == {"27 Larchfield Crescent": "ADDRESS", "WS2 8QN": "POSTCODE", "07911 204386": "PHONE",
                   "Grace Obi": "PERSON"}  # fmt: skip
    # The town is a fact: it stays.
    assert "Walsall" not in got


def test_cli_redact_input_without_known_identifiers_is_still_valid(app_paths):
    line = {"id": 1, "text": "Grace Obi came.", "known_names": ["Grace Obi"]}
    code, out, _ = _cli(json.dumps(line) + "\n" + json.dumps({"id": 2, "text": "Nothing.",
                                                              "known_identifiers": None}) + "\n", app_paths)
    rows = [json.loads(x) for x in out.splitlines()]
    assert code == 0 and rows[0]["spans"] == [{"start": 0, "end": 9, "type": "PERSON"}] and rows[1]["spans"] == []


@pytest.mark.parametrize(
    "identifiers",
    ['"27 Larchfield Crescent"', '[{"kind": "postcode", "value": "WS2 8QN"}]', '[{"kind": "phone"}]',
     '[["phone", "07911 204386"]]', '[{"kind": "phone", "value": 7911204386}]'],
)
def test_cli_redact_bad_known_identifiers_say_what_to_fix_without_the_values(identifiers, app_paths):
    line = '{"id": 1, "text": "Larchfield Crescent", "known_identifiers": ' + identifiers + "}\n"
    code, out, err = _cli(line, app_paths)
    assert code == 1 and out == "" and len(err.strip().splitlines()) == 1
    assert "line 1" in err and "known_identifiers" in err or "kind" in err
    assert not any(w in err for w in ("Larchfield", "WS2", "7911", "Traceback"))


# --- patterns made once, looked for only where they can be --------------------------------------


def test_recorded_people_nobody_mentions_are_never_compiled():
    compiled = known_module._COMPILED.data
    people = [(f"Zorvath{i} Quellin{i}", [f"Zq{i}"]) for i in range(1000)]
    people.append(("Grace Obi", []))
    text = "Grace Obi told the officer. Then Grace left for Walsall."
    detect(text, KnownIdentifiers(people=people))
    before = len(compiled)
    # A second statement with its own list (the same people in another order): nothing new compiled.
    spans = detect(text, KnownIdentifiers(people=people[::-1]))
    assert len(compiled) == before
    assert not any("zorvath" in src or "quellin" in src for src, _ in compiled)
    expected = "Person A told the officer. Then Person A left for Walsall."
    assert _redact(text, KnownIdentifiers(people=people)) == expected
    assert {s.person for s in spans} == {"Grace Obi"}


def test_a_recorded_person_shared_by_two_lists_is_found_the_same_in_both():
    a = KnownIdentifiers(people=[("Grace Obi", []), ("Tomasz Wrobel", [])])
    b = KnownIdentifiers(people=[("Tomasz Wrobel", []), ("Grace Obi", []), ("Aster Haile", [])])
    text = "Mr Wrobel and Grace Obi met Aster at the bus stop."
    assert _redact(text, a) == _redact(text, b) == "Mr Person A and Person B met Person C at the bus stop."


# --- a name found once is found again: the same as a regex alternation, without compiling one ----

_WORDS = st.lists(st.text("abn-'é", min_size=1, max_size=5), min_size=1, max_size=6, unique=True)


@given(words=_WORDS, text=st.text("abn -'é_1\u0301\u093e", max_size=40))
def test_occurrences_are_what_the_alternation_finds(words, text):
    alternation = re.compile(
        "(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")(?![\w\-" + MARKS + "])"
    )
    expected = [(m.start(), m.end(), m.group()) for m in alternation.finditer(text)]
    assert _occurrences(text, set(words)) == expected


@settings(max_examples=500)
@example(words=["ab", "ab's"], text="x ab's")  # "ab's" is a name's word of its own: "ab" is not found
@example(words=["ab"], text="b-ab ab-b n'ab ab’b ab's")
@example(words=["ab"], text="ab² ab²b ²ab ab")
@given(words=st.lists(st.sampled_from(["ab", "abs", "ab's", "b-a", "ba", "n'ab", "n’ab", "bab", "aab", "a-b's", "Ab",
                                       "é", "éb", "ab²"]), min_size=1, max_size=6, unique=True),
       text=st.lists(st.sampled_from(["ab", "abs", "ba", "b", "a", "n", "'s", "'", "’", "-", " ", "1", "_", "A", "s",
                                      "é", "²", "ß", "ـ"]), max_size=14).map("".join))
def test_the_words_of_names_found_again_are_those_of_every_word_of_the_statement(words, text):
    """``_whole_words_in`` (``str.find`` of the few words of the names found) gives what taking every
    word of the statement with ``_NAME_WORD`` (text without marks) and keeping the names' words gave."""
    assert not _MARK.search(text)
    every = {w for w in set(_NAME_WORD.findall(text)) if w in words or w[-2:] == "'s" and w[:-2] in words}
    assert _whole_words_in(text, set(words)) == {w if w in words else w[:-2] for w in every}


def test_a_name_with_vowel_signs_is_found_again_as_a_name_found_once():
    # Text with marks (here Devanagari vowel signs) takes the words of the statement one by one, as
    # before: the name found once is found again wherever it is written, as surely as the first time.
    text = "My friend कुमार came to the shop. Later कुमार left, and कुमार rang."
    again = [(sp.start, sp.end) for sp in detect(text) if sp.source == "detector" and sp.confidence == 0.6]
    first = text.index("कुमार")
    assert again == [(text.index("कुमार", first + 1), text.index("कुमार", first + 1) + 5),
                     (text.rindex("कुमार"), text.rindex("कुमार") + 5)]


@pytest.mark.parametrize("recorded", ["Ifeoma -- Adeyemi", "Ifeoma - Adeyemi", "Ifeoma ' Adeyemi"])
def test_punctuation_typed_as_a_word_of_a_name_matches_nothing_on_its_own(recorded):
    # A lone dash or apostrophe between the words of a recorded name is no word of it: the lone
    # "s" of "it's" or "Jones' s" is left alone, while the name itself is still found.
    known = KnownIdentifiers(people=[(recorded, [])])
    text = "The landlord said s and s again. Ifeoma Adeyemi paid the rent; Adeyemi kept the receipts."
    red = _redact(text, known)
    assert red.startswith("The landlord said s and s again. ")
    assert "Ifeoma" not in red and "Adeyemi" not in red


_NAME_PARTS = st.sampled_from(["amina", "okafor", "al", "hassan", "jean-paul", "o'neil", "will", "power", "hope",
                               "mohammed", "s", "ngozi", "张伟", "Łucja"])  # fmt: skip


@settings(max_examples=300)
@example(people=[(["amina", "okafor"], []), (["okafor", "amina"], [])])
@example(people=[(["will", "power"], [["al", "hassan"]]), (["jean-paul", "will", "power"], [])])
@given(people=st.lists(st.tuples(st.lists(_NAME_PARTS, min_size=1, max_size=4),
                                 st.lists(st.lists(_NAME_PARTS, min_size=1, max_size=3), max_size=2)),
                       min_size=1, max_size=6))  # fmt: skip
def test_a_persons_patterns_are_the_same_whoever_was_recorded_before(people):
    # The pattern pieces of a run of words are kept per run and shared by every name that holds it:
    # a person's patterns made after others' are those made with nothing kept.
    names = [(" ".join(n), [" ".join(a) for a in aliases]) for n, aliases in people]
    after_others = [known_module._name_patterns(n, a) for n, a in names]
    for (name, aliases), got in zip(names, after_others, strict=True):
        for kept in (known_module._joined_run, known_module._triggers_of, known_module._pieces_of):
            kept.cache_clear()
        assert known_module._name_patterns(name, aliases) == got


# Plain name words (ASCII letters) of every kind the patterns treat apart: English words, a
# particle, a month, one letter, a word ending in "s", a word that glued to another makes a word.
_PLAIN_WORDS = st.sampled_from(["amina", "okafor", "al", "hassan", "will", "power", "hope", "may", "de", "van", "s",
                                "a", "thomas", "jess", "mohammed", "to", "get", "her", "ngozi", "li", "x"])  # fmt: skip


@settings(max_examples=400)
@example(words=["li"], cases="lower", spaces=" ")
@example(words=["anna", "maria", "anna", "maria"], cases="title", spaces=" ")
@example(words=["to", "get", "her"], cases="upper", spaces="  ")
@given(
    words=st.lists(_PLAIN_WORDS, min_size=1, max_size=5),
    cases=st.sampled_from(["lower", "title", "upper"]),
    spaces=st.sampled_from([" ", "  "]),
)
def test_a_plain_names_patterns_are_made_as_any_names_are(words, cases, spaces):
    # A name of ASCII letters and spaces has its patterns made from pieces kept per word and per run
    # of words (recorded._plain_patterns): the same patterns, in the same order, as _name_patterns.
    from desktop.redaction import recorded

    name = " " + spaces.join(getattr(w, cases)() for w in words) + " "
    person = recorded._person(name, ())
    assert recorded._plain(name, ())  # (the quick way)
    assert person.pats() == known_module._name_patterns(name, [])


@settings(max_examples=400, deadline=None)
@example(names=[["hope"], ["amina", "okafor"]], pieces=["Hope", " ", "okafor"])
@example(names=[["anna", "maria", "anna", "maria"]], pieces=["Maria", " ", "anna"])
@example(names=[["thomas", "hassan"]], pieces=["Thomson", " ", "hassle"])  # beginnings, no word
@given(
    names=st.lists(st.lists(_PLAIN_WORDS, min_size=1, max_size=4), min_size=1, max_size=6),
    pieces=st.lists(
        st.sampled_from(
            [*_PLAIN_WORDS.elements, "Amina", "HOPE", "A.", " ", ", ", "-", "'", "s", "okafors", "Thomson", "hassle"]
        ),
        max_size=20,
    ),
)
def test_a_plain_names_patterns_made_for_a_statement_are_those_it_keeps_of_all_of_them(names, pieces):
    # A plain name is recorded as itself, and only the patterns a statement may hold are made
    # (recorded._plain_patterns with `kept`): the same patterns, in the same order, as making all of
    # them and keeping those.
    import dataclasses

    from desktop.redaction import recorded
    from desktop.redaction.fold import Folded

    text = "".join(pieces)
    rec = recorded._build(KnownIdentifiers(people=[(" ".join(n).title(), []) for n in names]))
    assert all(isinstance(e, str) for e in rec.entries)  # (the quick way)
    made = dataclasses.replace(rec, entries=[recorded._person(e, ()) for e in rec.entries])
    folded = Folded(text).folded
    words = set(re.findall(r"[^\W_]+", folded))
    assert rec.wanted(folded, words) == made.wanted(folded, words)
