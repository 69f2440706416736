"""The likely-name pass looks at each statement's words once: every short cut it takes finds exactly
what the step it replaces found (the words before a position worked out once per position, the words
that introduce a name found once per statement, a one-space gap taken as a join, ...)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.redaction import context, names, scripts, words
from desktop.redaction.context import JOIN, _IntroWords, _two_words_before, introduced
from desktop.redaction.names import _AFTER_TITLE, _CAP, _CONTRACTION, _names_in_run, _Tok, detect_names
from desktop.redaction.words import WordsBefore, _words_before, cue_in, people_word_in

# Letters that lower-case to two characters ("İ") or by context ("Σ"), spaces of every kind, the
# words of cues and introductions, capitals, apostrophes, marks and another script.
_ODD = "aAcClLsSnNmMeEdD İΣσ\u00a0\t\n.,:;'’-*(—–\"“‘Kſ" + "अमइ"
_TEXT = st.text(_ODD, max_size=90)
_CUE_TEXTS = st.lists(st.sampled_from(
    ["my", "husband", "wife", "called", "named", "name", "is", "was", "known", "as", "who", "whose", ",", ":",
     "met", "with", "Tariq", "tariq", "her", "friend's", "the", "Mrs", "Mrs.", "late", "ex", "ਹਰਪ੍ਰੀਤ", "سارا",
     "we'll", "call", "Sofia", "(not", "real", "name)", "pseudonym", "'K',", "a", "woman", "Σ", "İ"]),
    max_size=14).map(" ".join)


@settings(max_examples=300)
@given(text=_TEXT | _CUE_TEXTS)
def test_the_words_before_a_position_are_worked_out_once_and_are_the_same(text):
    before = WordsBefore(text)
    for pos in [*range(len(text) + 1), *range(len(text) + 1)]:  # each position twice: the second from memory
        assert before(pos) == _words_before(text, pos)
        assert cue_in(before(pos)) == names._cue_before(text, pos)
        assert people_word_in(before(pos)) == names._people_word_before(text, pos)


@settings(max_examples=300)
@given(text=_TEXT | _CUE_TEXTS)
def test_the_last_two_words_before_a_position_are_those_of_split(text):
    for pos in range(len(text) + 1):
        spaced = pos > 0 and text[pos - 1] in " \t\u00a0"
        expected = text[max(0, pos - 40) : pos].lower().split()[-2:] if spaced else []
        assert _two_words_before(text, pos) == expected


_LEADER_TEXTS = st.lists(st.sampled_from(["the", "The", "Bush", "Obama", "administration", "presidency",
                                          "Administration", "presidencyx", "a", "THE"]),
                         max_size=10).flatmap(lambda ws: st.sampled_from([" ", "  ", "\t", "\u00a0", ", "]).map(
                             lambda sep: sep.join(ws)))


@settings(max_examples=300)
@given(text=_LEADER_TEXTS | _TEXT)
def test_leaders_looked_for_only_where_their_words_are_give_what_every_word_gives(text):
    fast = [_Tok(m.start(), m.end(), m.group()) for m in _CAP.finditer(text)]
    slow = [_Tok(m.start(), m.end(), m.group()) for m in _CAP.finditer(text)]
    context.names_of_leaders(fast, text)
    context._leaders(slow, text)  # every word tried, as before
    assert [(t.score, t.edge_ok, t.place) for t in fast] == [(t.score, t.edge_ok, t.place) for t in slow]


_INTRO_WORDS = ("call", " as", "named", "pseudonym", "given the name")


@settings(max_examples=300)
@given(text=_TEXT | _CUE_TEXTS)
def test_the_words_that_introduce_a_name_found_once_are_those_of_each_window(text):
    found = _IntroWords(text)
    for b in range(len(text) + 1):
        for a in range(max(0, b - 70), b + 1):
            window = text[a:b].lower()
            assert found.in_window(a, b) == any(w in window for w in _INTRO_WORDS)


@settings(max_examples=200)
@given(text=_CUE_TEXTS)
def test_a_name_introduced_is_found_the_same_with_the_words_found_once(text):
    found = _IntroWords(text)
    for m in _CAP.finditer(text):
        t = _Tok(m.start(), m.end(), m.group())
        assert introduced(text, t, found) == introduced(text, t)


_ALTERNATION = re.compile(r"call|\sas\b|named|pseudonym|given the name|real name|changed|[‘'\"“][A-Z][’'\"”]|"
                          r"\w\*", re.IGNORECASE)


@settings(max_examples=300)
@given(text=_TEXT | _CUE_TEXTS)
def test_the_introductions_looked_for_one_by_one_are_found_as_their_alternation_finds_them(text):
    assert any(rx.search(text) for rx in context._INTRO_ANYWHERE) == bool(_ALTERNATION.search(text))


@settings(max_examples=300)
@given(gap=st.text(". \t\u00a01234567\n", max_size=12), pad=st.text("ab", max_size=3))
def test_the_gap_after_a_title_is_read_in_place(gap, pad):
    text = pad + gap + pad
    a, b = len(pad), len(pad) + len(gap)
    expected = re.fullmatch(r"\.?[ \t\u00a0]+(?:\d{1,6}[ \t\u00a0]+)?", text[a:b])
    assert bool(_AFTER_TITLE.fullmatch(text, a, b)) == bool(expected)


def test_one_space_joins_two_words_of_a_name():
    assert JOIN.match(" ")  # the join loop takes a one-space gap without asking the pattern


@settings(max_examples=300)
@given(word=st.text("aBcD'’-sdlvrem", min_size=1, max_size=10))
def test_a_word_without_an_apostrophe_is_never_a_contraction(word):
    if "'" not in word and "’" not in word:
        assert _CONTRACTION.search(word) is None


def test_one_word_that_is_not_a_likely_name_makes_no_name():
    for score in (0.0, -1.0):
        t = _Tok(0, 3, "The")
        t.score = score
        assert _names_in_run([t]) == []


def test_a_word_folded_once_is_folded_as_before():
    text = "Łucja met ŁUCJA and Łucja’s friend Zoë at the ZOË café; Straße, STRASSE."
    toks = [m.group() for m in _CAP.finditer(text)]
    folds: dict[str, str] = {}
    for w in toks:
        folds.setdefault(w, names.fold(w))
    assert [_Tok(0, len(w), w, folds[w]).fw for w in toks] == [_Tok(0, len(w), w).fw for w in toks]


@settings(max_examples=150, deadline=None)
@given(text=_CUE_TEXTS)
def test_names_in_other_scripts_are_the_same_with_the_words_before_shared(text):
    assert scripts._other_script_names(text, WordsBefore(text)) == scripts._other_script_names(text)


def test_the_shared_look_ups_do_not_change_what_is_found():
    text = ("My husband Tariq met Mrs Hope at the Home Office. whom we'll call Sofia came; 'K', a woman, said "
            "her friend's name is ਹਰਪ੍ਰੀਤ ਸਿੰਘ. my son tariq and PC 4512 Smith.")
    hits = detect_names(text, [])
    found = {text[s:e] for s, e, _, _ in hits}
    assert {"Tariq", "Hope", "Sofia", "K", "Smith", "tariq"} <= found
    assert words.WordsBefore(text)(len(text)) == _words_before(text, len(text))
