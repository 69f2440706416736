"""The redaction engine and the leak gate fold case and accents the same way: a name the engine
takes for a recorded one, in whatever spelling, is found by the gate in the text and in the PDF.
And the gate's refusal says what kind of item leaked and where, never the item or its number."""

from __future__ import annotations

import dataclasses
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core import fold as core_fold
from desktop.redaction import KnownIdentifiers, detect
from desktop.redaction.fold import Folded, fold, fold_char
from desktop.reports import leak_gate
from desktop.reports.export import build_content
from desktop.reports.leak_gate import LeakDetected
from desktop.reports.statement import render_statement
from tests.factories import redact, sample_interview

# (recorded name, the same name as written in a statement): the engine folds both to one string.
SPELLINGS = [
    ("Wolfgang Strauß", "Wolfgang STRAUSS"),
    ("Søren Ørsted", "Soren Orsted"),
    ("Paweł Łukasiewicz", "PAWEL LUKASIEWICZ"),
    ("Đorđe Đukić", "Dorde Dukic"),
    ("Ægir Þórsson", "Aegir Thorsson"),
    ("Œdipe Cœurdroy", "Oedipe Coeurdroy"),
    ("Yıldız Işık", "Yildiz Isik"),
    ("İpek Şahin", "Ipek Sahin"),
    ("Aisling O’Brien", "Aisling O'Brien"),
    ("Anna\u2011Maria Kowalska", "Anna-Maria Kowalska"),
    ("Aĸisut Ħabib", "Akisut Habib"),
    ("مُحَمَّد عَلِي", "محمد علي"),  # Arabic with harakat, and without
    ("محمد علی", "ﻣﺤﻤﺪ ﻋﻠﯽ"),  # Urdu, and in Arabic presentation forms
    ("\u095bैनब ख़ान", "ज़ैनब ख़ान"),  # Devanagari nukta letters precomposed, and as letter + nukta
    ("ज़ैनब ख़ान", "जैनब खान"),  # with the nukta, and without
]

ALPHABET = ("aAzZ '-.ßẞłŁøØđĐðÐħĦıİiIŀĿŧŦæÆœŒþÞĸſ\u2019\u2018\u02bc\u00a0\u2011\u2014éÉçǅﬁŉΐ"
            "\u0301\u0308\u093cज\u095bक़ैبمُحَّدﻣﺤ\U0001e94a\U0001d165")


@given(st.text(alphabet=ALPHABET, max_size=30))
@settings(max_examples=300, deadline=None)
def test_the_fold_is_the_fold_of_each_character(text):
    # the engine maps a match in the folded text back to the original through fold_char
    assert fold(text) == "".join(fold_char(c) for c in text) == Folded(text).folded
    assert leak_gate.fold(text) == fold(text)
    assert fold(fold(text)) == fold(text)


def test_folding_twice_changes_nothing_for_any_character():
    # one round is enough: no character folds to a special letter, a mark, or upper case
    again = [hex(cp) for cp in range(0x80, core_fold.COMBINING_END)
             if not 0xD800 <= cp < 0xE000 and fold(fold(chr(cp))) != fold(chr(cp))]
    assert again == []


def test_no_combining_mark_lies_beyond_the_range_the_fold_scans():
    assert not any(unicodedata.combining(chr(cp)) for cp in range(core_fold.COMBINING_END, 0x110000))


@pytest.mark.parametrize(("recorded", "written"), SPELLINGS)
def test_a_spelling_the_engine_redacts_is_one_the_gate_finds(recorded, written):
    text = f"Yesterday {written} came to the door."
    assert fold(recorded) == fold(written), "the engine takes both for the same name"
    spans = detect(text, KnownIdentifiers(people=[(recorded, [])]))
    start = text.index(written)
    assert any(s.start <= start and start + len(written) <= s.end for s in spans), "the engine redacts it"
    with pytest.raises(LeakDetected) as err:
        leak_gate.check_text(text, ["Nobody Here", recorded])
    assert err.value.index == 1
    for word in (*recorded.split(), *written.split()):
        assert word not in str(err.value)


@pytest.fixture(scope="module")
def content():
    iv = sample_interview()
    return build_content(iv, redact(iv))


@pytest.mark.parametrize(("recorded", "written"), [SPELLINGS[i] for i in (0, 2, 3, 8, 10, 11, 14)])
def test_a_spelling_the_engine_redacts_is_found_in_the_pdf(recorded, written, content):
    placeholder = dataclasses.replace(content, statement="Yesterday Person E came to the door.")
    leak_gate.check(render_statement(placeholder), [recorded], expected_text=placeholder.all_text())
    leaky = dataclasses.replace(content, statement=f"Yesterday {written} came to the door.")
    with pytest.raises(LeakDetected) as err:
        leak_gate.check(render_statement(leaky), ["Nobody Here", recorded])
    assert err.value.index == 1


@pytest.mark.parametrize(("item", "kind"), [
    ("Paweł Łukasiewicz", "A redacted name or address"),
    (leak_gate.CaseSensitive("Grace"), "A redacted name"),
    ("HO-2021-448812", "A redacted number, reference or address"),
    ("pawel.l@example.org", "A redacted email address"),
])
def test_the_refusal_says_what_kind_of_item_was_found_and_where_without_it(item, kind, content):
    leaky = dataclasses.replace(content, statement=f"Yesterday {item} came to the door.")
    with pytest.raises(LeakDetected) as err:
        leak_gate.check(render_statement(leaky), ["Nobody Here", "Someone Else", item])
    msg = str(err.value)
    assert err.value.index == 2
    assert msg.startswith(kind + " was found in the PDF's ") and "Nothing was written." in msg
    assert "3" not in msg and "item" not in msg.casefold()
    parts = item.replace("@", " ").replace(".", " ").replace("-", " ").split()
    assert all(part not in msg for part in parts if len(part) >= 3)


def test_the_refusal_of_text_before_drawing_names_that_text():
    with pytest.raises(LeakDetected) as err:
        leak_gate.check_text("Yesterday Anna came.", ["Anna"], where="the statement's text before it was drawn")
    assert str(err.value).startswith("A redacted name or address was found in the statement's text before it "
                                     "was drawn. Nothing was written.")
    assert err.value.index == 0 and "Anna" not in str(err.value)
