"""Detection scans each statement without compiling patterns for it, and finds exactly what the
per-statement patterns found: the allow-listed phrases and lower-case cue words (one alternation
per statement before, emulated by ``alternation``), and the context words that gate the weak
identifier patterns (one alternation of the words a statement held, before)."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from desktop.redaction import context_words, detectors, engine, known, recorded, scanning
from desktop.redaction.alternation import alternation_matches
from desktop.redaction.engine import _allow_regex
from desktop.redaction.fold import Folded
from desktop.redaction.names import _lower_after_cue_regex

_PHRASES = st.lists(st.sampled_from(["home office", "home", "office", "kent police", "police", "a b", "a",
                                     "b a", "kent", "st mungo's", "mungo"]), min_size=1, max_size=6, unique=True)
_TEXT = "abeghiklmnopst '’_-\u00a0\n1"


@settings(max_examples=300)
@given(phrases=_PHRASES, text=st.text(_TEXT, max_size=60))
def test_allow_listed_phrases_are_found_as_their_alternation_finds_them(phrases, text):
    alternation = re.compile(
        "(?:" + "|".join(r"[\s\u00a0]+".join(re.escape(w) for w in p.split())
                         for p in sorted(phrases, key=len, reverse=True)) + r")(?![^\W_])"
    )
    expected = [m.span() for m in alternation.finditer(text)]
    got = [m.span() for m in alternation_matches(text, [(len(p), _allow_regex(p)) for p in phrases])]
    assert got == expected


_CUES = st.lists(st.sampled_from(["wife", "husband", "son", "sons", "friend", "boyfriend", "called", "named",
                                  "me", "sister", "as"]), min_size=1, max_size=6, unique=True)


@settings(max_examples=300)
@given(cues=_CUES, text=st.text("abdefhimnorstuwy ,:'’-@.", max_size=60))
def test_lower_case_names_after_cues_are_found_as_the_alternation_finds_them(cues, text):
    tail = _lower_after_cue_regex("x").pattern[1:]  # the pattern after the cue word
    alternation = re.compile("(?:" + "|".join(re.escape(c) for c in sorted(cues, key=len, reverse=True)) + ")"
                             + tail)
    expected = [(m.span(), m.span(1)) for m in alternation.finditer(text)]
    got = [(m.span(), m.span(1)) for m in alternation_matches(text, [(len(c), _lower_after_cue_regex(c))
                                                                      for c in cues])]
    assert got == expected


_MISS_CUES = st.lists(st.sampled_from(["wife", "ex-wife", "ex", "husband", "ex-husband", "son", "friend", "friends",
                                       "fiance", "fiancee", "called", "named", "as", "co-wife", "for", "by"]),
                     min_size=1, max_size=7, unique=True)  # fmt: skip


@settings(max_examples=400)
@example(
    cues=["son", "ex-wife", "ex", "friends", "friend"], text="My Son Tariq, EX-WIFE: joy; ex x, ex-wife's y, friend's z"
)
@example(cues=["son", "wife"], text="my ſon joy, my wıfe ivy, my \u212aid kim")
@example(cues=["son", "wife", "ex-wife"], text="a reason joy, xwife ivy, myex-wife kim, _son amy, ex-wife's sue")
@given(cues=_MISS_CUES, text=st.text("abcdefhimnorstuwxyKſı\u212a ,:'’-@.\nS", max_size=70))
def test_lower_case_word_names_after_cues_are_found_as_their_alternation_finds_them(cues, text):
    # The statement's own alternation of cue words was compiled for most statements (2 ms each).
    from desktop.redaction.misses_people import _AFTER_CUE_HEAD_END, _AFTER_CUE_REST, _after_cue

    alternation = re.compile(r"\b(?:" + "|".join(sorted((re.escape(c) for c in cues), key=len, reverse=True)) + ")"
                             + _AFTER_CUE_HEAD_END + _AFTER_CUE_REST.pattern, re.IGNORECASE)  # fmt: skip
    expected = [(*m.span(), *m.span(1)) for m in alternation.finditer(text)]
    assert _after_cue(frozenset(cues), text) == expected


def _context_words_before(text: str) -> dict[str, list[tuple[int, int]]]:
    """The context-word pass as it was: an alternation of the first words the statement holds."""
    pos: dict[str, list[tuple[int, int]]] = {k: [] for k in context_words._CTX}
    low = scanning.lower_same_length(text)
    present = set(re.findall(r"[a-z0-9]+", low)) & context_words._CTX_FIRST
    if not present:
        return pos
    starts = re.compile("(?:" + "|".join(re.escape(w) for w in sorted(present, key=len, reverse=True))
                        + r")(?![a-z0-9])")
    for m in starts.finditer(low):
        s = m.start()
        if s > 0 and (low[s - 1].isalnum() or low[s - 1] == "_"):
            continue
        for kind, pattern in context_words._CTX.items():
            km = pattern.match(text, s)
            if km:
                pos[kind].append((s, km.end()))
    return pos


_CTX_PIECES = ["passport", "no", "number", "crime", "ref", "reference", "bank", "card", "born", "d", "o", "b",
               "nino", "ni", "h", "&", "c", "is96", "car", "x", "é", "É", "1", " ", ".", "/", "_", "-", "\n", "a",
               "a/c", "ſ", "sylum", "pp", "id"]


@settings(max_examples=400)
@given(pieces=st.lists(st.sampled_from(_CTX_PIECES), max_size=30))
def test_context_words_are_where_the_alternation_of_the_statements_words_put_them(pieces):
    text = "".join(pieces)
    assert context_words._Context(text)._pos == _context_words_before(text)


@settings(max_examples=400)
@given(pieces=st.lists(st.sampled_from([*_CTX_PIECES, "ı", "İ", "K", "ß"]), max_size=30))
def test_context_words_from_the_runs_detection_made_already_are_the_same(pieces):
    # detect() hands the pattern detectors the runs of letters and digits it made of the folded text
    # where they are the runs the context words are found from; elsewhere they make their own.
    text = "".join(pieces)
    runs = engine._lower_runs(text, set(engine._WORD.findall(Folded(text).folded)))
    assert context_words._Context(text, runs)._pos == _context_words_before(text)


def test_a_context_word_that_is_a_whole_run_is_tried_only_for_the_kinds_that_can_start_there():
    # Every first word followed by the rest of every longer alternative it begins, its next letter
    # written as a character re.IGNORECASE takes for it without being it ("ı", "İ", "ſ"), as itself,
    # in capitals and as a space: where the word is a whole run only kinds beginning it are tried.
    like = {"i": ["ı", "İ"], "s": ["ſ"], "k": ["\u212a"]}
    alternatives = {p for pattern in context_words._CTX.values() for p in scanning.first_letters(pattern)}
    for w in sorted(context_words._CTX_FIRST):
        for p in sorted(alternatives):
            if len(p) > len(w) and p.startswith(w):
                nxt, rest = p[len(w)], p[len(w) + 1 :]
                for x in [*like.get(nxt, []), nxt, nxt.upper(), " "]:
                    for text in (w + x + rest + " 12", "x " + w.upper() + x + rest + "/c. b.", w + x):
                        assert context_words._Context(text)._pos == _context_words_before(text), text


def test_context_words_in_a_sentence():
    text = "My passport no. is in the car; the crime ref was on my NI number card. Sécrime, born in May"
    pos = context_words._Context(text)._pos
    assert pos == _context_words_before(text)
    assert pos["passport"] and pos["vehicle"] and pos["police"] and pos["nino"] and pos["bank"] and pos["dob"]


_NAME_WORDS = st.text("abns", min_size=1, max_size=4)


@settings(max_examples=400)
@given(word=_NAME_WORDS, plural=st.booleans(), text=st.text("abns _-'é1\u093e", max_size=40))
def test_a_one_word_recorded_pattern_is_found_as_its_regex_finds_it(word, plural, text):
    source = re.escape(word) + ("s?" if plural else "") + known._B1
    lit = recorded._LITERAL.fullmatch(source)
    assert lit and lit.group(1) == word and bool(lit.group(2)) == plural
    expected = [m.span() for m in re.finditer(source, text)]
    assert recorded._literal_matches(text, word, plural) == expected


def test_only_one_word_patterns_are_taken_for_literals():
    for source in (r"grace[\s\-']*obi" + known._B1, "obi" + known._B1 + "x", "c\\.?obi" + known._B1, "obi"):
        assert not recorded._LITERAL.fullmatch(source)


# --- a window without a word every match holds is not searched -----------------------------------


def test_the_letters_ignorecase_matches_beyond_ascii_are_all_known():
    ascii_letter = re.compile("[a-z]", re.IGNORECASE)
    beyond = {c for c in range(128, 0x110000) if ascii_letter.match(chr(c))}
    assert beyond == set(scanning.IC_ASCII)
    for c, letter in scanning.IC_ASCII.items():
        assert re.fullmatch(letter, chr(c), re.IGNORECASE)


_GATED = [p for p in vars(detectors).values() if isinstance(p, re.Pattern) and p in scanning._NEEDS]
_GATE_TEXT = "flatpartmensudiobxrnwgfcm.:/ FLATBORNGWFNFRCOX İıſK0123456789-"


def test_the_gated_patterns_are_the_expected_ones():
    assert {p for p in _GATED} >= {detectors._FLAT, detectors._BORN_YEAR, detectors._PO_BOX, detectors._URL}


@settings(max_examples=500)
@given(text=st.text(_GATE_TEXT, max_size=40), word=st.sampled_from(
    ["Flat", "APARTMENT", "Apt", "Studio", "unit", "Room", "Rm", "P.O. Box", "born in", "GWF", "NFRC", "https://",
     "facebook.com/", "t.me/", "ſtudio", "İnsta", "BORN"]))
def test_every_match_of_a_gated_pattern_holds_one_of_its_words(text, word):
    text = word + " " + text
    hint = scanning.ic_lower(text)
    assert len(hint) == len(text)
    for p in _GATED:
        for m in p.finditer(text):
            assert any(w in hint[m.start() : m.end()] for w in scanning._NEEDS[p]), (p.pattern, m.group())


@settings(max_examples=300)
@given(words=st.sets(st.text("abn", min_size=1, max_size=6), max_size=8), key=st.text("abn", max_size=5))
def test_word_beginnings_are_looked_up_as_the_full_set_of_them(words, key):
    full = {w[:k] for w in words for k in range(1, min(len(w), known._KEY_LEN) + 1)}
    begins = recorded._Begins(words)
    assert (key in begins) == (key in full)
    assert begins.all() == full


# --- a pattern with a start rule is searched for after a character the rule allows ---------------


def _found_by_trying_every_place(pattern, text, ws, we):
    """``scanning.found`` as it was: search on, and a match the start rule refuses is tried one on."""
    out = []
    pos = ws
    while pos <= we:
        m = pattern.search(text, pos, we)
        if m is None:
            break
        if not scanning.starts_ok(pattern, text, m.start()):
            pos = m.start() + 1
            continue
        out.append((m.span(), m.groups()))
        pos = m.end() if m.end() > m.start() else m.start() + 1
    return out


_AFTER_PATTERNS = [p for p in vars(detectors).values() if isinstance(p, re.Pattern) and p in scanning._AFTER]
_SAMPLES = [
    "QQ 12 34 56 C", "AB123456C", "LS9 2AB", "GIR 0AA", "BFPO 12", "GB82 WEST 1234 5698 7654 32", "GWF012345678",
    "SAB 12C 456", "ab123456", "MORGA753116SM9IJ 35", "AB12 CDE", "A123 BCD", "ABC 123D", "XIZ 1234", "123 AB",
    "K 123 4567", "ab12cde", "21/123456X", "NFRC12345678", "PC 1234", "collar number 77", "12/03/1990",
    "3rd of May 1990", "born in 1990", "Flat 4", "P.O. Box 12", "07700 900123", "+44 (0)20 7946 0958",
    "943 476 5919", "12-34-56", "12345678", "4111 1111 1111 1111", "123456789", "@amina_k", "AB1234/5678/21",
    "https://facebook.com/x", "http://a.b", "2018 999 07700 900123", ".amina at mail dot com", "é1", "_", "x", "-",
    "/", "+", "\n",
]  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(pieces=st.lists(st.sampled_from(_SAMPLES + [" ", " ", ", ", "a", "9"]), max_size=12), cut=st.tuples(
    st.integers(0, 40), st.integers(0, 400)))
def test_searching_after_an_allowed_character_finds_what_trying_every_place_finds(pieces, cut):
    text = "".join(pieces)
    ws = min(cut[0], len(text))
    we = min(max(ws, cut[1]), len(text))
    for p in _AFTER_PATTERNS:
        got = [(m.span(), m.groups()) for m in scanning.found(p, text, ws, we)]
        assert got == _found_by_trying_every_place(p, text, ws, we), p.pattern


@settings(max_examples=150, deadline=None)
@given(pieces=st.lists(st.sampled_from(_SAMPLES + [" ", "(", "'", "a", "9"]), max_size=10))
def test_word_start_patterns_only_ever_match_from_a_letter_or_digit(pieces):
    text = "".join(pieces)
    for p, after in scanning._AFTER.items():
        if scanning._BEFORE_NOT.get(p) is None and after.pattern.startswith("\\W"):
            for i in range(len(text)):
                m = p.match(text, i)
                assert m is None or text[i].isalnum() or text[i] == "_", (p.pattern, text[i:])


def test_the_start_rules_searched_after_are_the_ones_expected():
    assert detectors._POSTCODE in scanning._AFTER and detectors._OFFICER in scanning._AFTER
    assert detectors._LONG_NUMBER in scanning._AFTER and detectors._UK_PHONE in scanning._AFTER
    assert scanning._AFTER[detectors._LONG_NUMBER].pattern.startswith("[^\\w/](?:")


_NAME_WORDS = st.sampled_from(["amina", "al", "o'neil", "ab", "a", "okafor-bello", "b", "nguyen", "ba", "jr.",
                               "王伟", "2nd", "ana-"])
_PIECES = st.sampled_from(["amina", "al", "o", "neil", "ab", "a", "okafor", "bello", "b", "nguyen", "ba", "jr",
                           "王伟", "2nd", "ana", " ", "  ", "-", "'", ",", ", ", ".", ". ", "\n", "-\n", "-\r\n",
                           "\u00a0", "s", "x", "_", "é"])


@settings(max_examples=400)
@given(name=st.lists(_NAME_WORDS, min_size=1, max_size=4), alias=st.lists(_NAME_WORDS, max_size=2),
       pieces=st.lists(_PIECES, max_size=25))
def test_a_recorded_names_pattern_is_found_as_its_regex_finds_it(name, alias, pieces):
    from desktop.redaction import sequence

    text = "".join(pieces)
    for pat in known._name_patterns(" ".join(name), [" ".join(alias)] if alias else []):
        parsed = sequence.parse(pat.source)
        if parsed is None:
            continue
        assert sequence.finditer(text, parsed) == [m.span() for m in re.finditer(pat.source, text)], pat.source


def test_the_usual_name_patterns_are_matched_without_compiling():
    from desktop.redaction import sequence

    for name in ("Amina Okafor-Bello", "Nguyen Thi Hoa", "R Sandhu", "Sean O'Neil", "Abu-Bakr Al Hassan"):
        for pat in known._name_patterns(name, ["Mama " + name.split()[-1]]):
            if not recorded._LITERAL.fullmatch(pat.source):
                assert sequence.parse(pat.source) is not None, pat.source
    assert sequence.parse(r"(?:\d+)(?![^\W_])") is None
    assert sequence.parse(r"a[\s\-']*\.b(?![^\W_])") is None  # a separator could take the "."


def test_each_context_word_is_tried_for_every_kind_that_can_start_with_it():
    tails = ["", " ", "s ", " no ", " number", ". ", ".o.b.", " & c", "/c", "erence ", " doc", "code", " ref",
             " insurance", " of birth", "ence", "se", " name", "day", "istration", " plate", "chat", "gram"]
    for word in context_words._CTX_FIRST:
        for kind, pattern in context_words._CTX.items():
            if any(pattern.match(word + t) or pattern.match(word.upper() + t) for t in tails):
                assert kind in context_words._KINDS_BY_FIRST[word], (word, kind)
    assert scanning.first_letters(context_words._CTX["passport"]) == ("passport", "travel", "pp")


_ID_PIECES = st.sampled_from(["0", "1", "2", "5", "9", "12", "07", "44", "123", "2019", "١٢", " ", "-", ".", "/", "(",
                              ")", "+", "\n", "A", "B", "X", "AB", "QQ", "GWF", "NFRC", "PC ", "born ", "in ", "MORGA",
                              "ZU", "W", "x", "ab", " 0AA", "JUN"])


@settings(max_examples=600)
@given(pieces=st.lists(_ID_PIECES, max_size=25))
def test_a_window_with_fewer_digits_than_a_pattern_needs_holds_no_match_of_it(pieces):
    text = "".join(pieces)
    (_, _, count, run), = scanning.with_digits(text, [(0, len(text))])
    for pattern, (digits, in_a_row) in detectors._DIGITS_NEEDED.items():
        if count >= digits and run >= in_a_row:
            continue
        # (an IBAN or a phone candidate counts only with that many digits: shorter matches are left out)
        counts = pattern in (detectors._IBAN, detectors._PHONE_CANDIDATE)
        for m in scanning.found(pattern, text, 0, len(text)):
            assert counts and sum(c.isdigit() for c in m.group()) < digits, pattern.pattern


@settings(max_examples=300, deadline=None)  # (a new name's patterns are made on its first statement)
@given(names=st.lists(st.lists(_NAME_WORDS, min_size=1, max_size=3), min_size=1, max_size=4),
       pieces=st.lists(_PIECES, max_size=25))
def test_a_person_none_of_whose_words_is_in_the_text_is_not_searched_for(names, pieces):
    import dataclasses

    from desktop.redaction.fold import Folded

    text = "".join(pieces)
    text = text[:1].upper() + text[1:]
    rec = recorded._build(known.KnownIdentifiers(people=[(" ".join(n).title(), []) for n in names]))
    people = [recorded._person(e, ()) if isinstance(e, str) else e for e in rec.entries]  # (a plain name is its own)
    every = dataclasses.replace(rec, entries=[dataclasses.replace(e, firsts=None, _pats=None) for e in people])
    assert recorded.find_known(text, Folded(text), rec) == recorded.find_known(text, Folded(text), every)


@settings(max_examples=300, deadline=None)
@example(names=[["al"], ["amina", "ba"]], pieces=["ba", " ", "al"])  # plain names chosen by a short word
@given(
    names=st.lists(st.lists(_NAME_WORDS, min_size=1, max_size=3), min_size=1, max_size=6),
    pieces=st.lists(_PIECES, max_size=25),
)
def test_the_people_chosen_by_their_word_beginnings_are_everyone_who_can_be_found(names, pieces):
    # The recorded word beginnings of a statement are found by one set intersection per length of
    # beginning: searching for every recorded person instead finds the same.
    import dataclasses

    from desktop.redaction.fold import Folded

    text = "".join(pieces)
    text = text[:1].upper() + text[1:]
    rec = recorded._build(known.KnownIdentifiers(people=[(" ".join(n).title(), []) for n in names]))
    everyone = dataclasses.replace(rec, always=list(range(len(rec.entries))), _key_lengths=None)
    assert recorded.find_known(text, Folded(text), rec) == recorded.find_known(text, Folded(text), everyone)
