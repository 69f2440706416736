"""Property: whatever a name is made of (Polish, Romanian, Urdu or Punjabi letters), a statement
drawn by the renderer with that name in it is refused by the gate, and the same statement with a
placeholder instead passes."""

from __future__ import annotations

import dataclasses
import re

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from desktop.reports import leak_gate
from desktop.reports.export import build_content
from desktop.reports.leak_gate import LeakDetected
from desktop.reports.statement import render_statement
from tests.factories import redact, sample_interview
from tests.pdf_tools import strip_accents

LATIN = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZąćęłńóśźżĄĆĘŁŃÓŚŹŻăâîșțĂÂÎȘȚşţ"
URDU = "ابپتٹثجچحخدڈذرڑزژسشصضطظعغفقکگلمنوہھءیے"
GURMUKHI_CONSONANTS = "ਕਖਗਘਚਛਜਝਟਠਡਢਣਤਥਦਧਨਪਫਬਭਮਯਰਲਵਸਹ"
GURMUKHI_SIGNS = ["", "ਾ", "ਿ", "ੀ", "ੁ", "ੂ", "ੇ", "ੈ", "ੋ", "ੌ", "ੰ"]

latin_word = st.text(alphabet=LATIN, min_size=3, max_size=10)
urdu_word = st.text(alphabet=URDU, min_size=3, max_size=8)
gurmukhi_word = st.lists(
    st.tuples(st.sampled_from(GURMUKHI_CONSONANTS), st.sampled_from(GURMUKHI_SIGNS)).map("".join),
    min_size=2, max_size=4).map("".join)
DEVANAGARI_CONSONANTS = "कखगघचछजझटठडढणतथदधनपफबभमयरलवशषसह"
DEVANAGARI_SIGNS = ["", "ा", "ि", "ी", "ु", "ू", "े", "ै", "ो", "ौ", "ं", "्र", "्य", "्"]
devanagari_word = st.lists(
    st.tuples(st.sampled_from(DEVANAGARI_CONSONANTS), st.sampled_from(DEVANAGARI_SIGNS)).map("".join),
    min_size=2, max_size=4).map("".join).filter(lambda w: not w.endswith("्"))
names = st.one_of(*(st.lists(w, min_size=1, max_size=2).map(" ".join)
                    for w in (latin_word, urdu_word, gurmukhi_word, devanagari_word)))


@pytest.fixture(scope="module")
def content():
    iv = sample_interview()
    return build_content(iv, redact(iv))


def _word_in(needle: str, hay: str) -> bool:
    return re.search(r"(?<!\w)" + re.escape(needle) + r"(?!\w)", hay) is not None


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=names)
def test_any_name_in_the_statement_is_refused_and_its_placeholder_passes(content, name):
    with_name = dataclasses.replace(content, statement=f"On Tuesday {name} came to the door and shouted.")
    placeholder = dataclasses.replace(content, statement="On Tuesday Person E came to the door and shouted.")
    # a name that is an ordinary word of the form itself ("Role", "Date") would be refused in both
    assume(not _word_in(strip_accents(name), strip_accents(placeholder.all_text())))
    with pytest.raises(LeakDetected) as err:
        leak_gate.check(render_statement(with_name), ["Nobody Here", name])
    assert err.value.index == 1
    leak_gate.check(render_statement(placeholder), ["Nobody Here", name], expected_text=placeholder.all_text())
