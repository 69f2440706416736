"""The pattern detectors' anchors found more quickly than by a regex tried at every character (the
runs of digits from one ``translate`` and a few ``find``s, the inner dots and underscores one pattern a
mark, no search for "/" or "dot" in a statement without them): each must find what the regex finds."""

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from desktop.redaction import detectors, engine, published_places, scanning

_ASCII_PIECES = st.sampled_from(
    ["0", "1", "9", "12", "345", " ", "\t", "\n", "a", "Z", "x", ".", "-", "/", "_", "www.", "~", "\x7f", "\x00"]
)
_MARK_PIECES = st.sampled_from(
    [
        ".",
        "_",
        "a",
        "Z",
        "7",
        " ",
        "é",
        "İ",
        "\u212a",  # the Kelvin sign: "k" under IGNORECASE, and in ``ic_lower``
        "dot",
        "DoT",
        "d",
        "o",
        "t",
        "/",
        "www.",
        "ww",
        "w.",
        "\n",
        "x" * 70,
    ]
)


def _runs_by_regex(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(r"[0-9]+", text)]


@settings(max_examples=800, deadline=None)
@example(pieces=["12"])
@example(pieces=["a", "345"])
@example(pieces=["9", " ", "x"])
@given(pieces=st.lists(_ASCII_PIECES, max_size=20))
def test_the_runs_of_digits_of_ascii_text_as_the_regex_finds_them(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert scanning.ascii_digit_runs(text) == _runs_by_regex(text)
    assert scanning.Digits(text).runs == [m.span() for m in re.finditer(r"\d+", text)]


def test_the_runs_of_digits_examples() -> None:
    assert scanning.ascii_digit_runs("") == []
    assert scanning.ascii_digit_runs("no digits here") == []
    assert scanning.ascii_digit_runs("Flat 12, 3-45 Mill Lane 7") == [(5, 7), (9, 10), (11, 13), (24, 25)]
    assert scanning.ascii_digit_runs("2019") == [(0, 4)]


@settings(max_examples=800, deadline=None)
@example(pieces=["a", ".", "b", "x" * 70, "_", "7"])
@example(pieces=["a", "_", " ", ".", "Z"])
@given(pieces=st.lists(_MARK_PIECES, max_size=16))
def test_the_anchor_windows_as_the_regex_tried_everywhere_finds_them(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert detectors._inner_marks(text, 50) == scanning.windows(text, detectors._INNER_MARK, 50)
    assert detectors._slashes(text) == scanning.windows(text, detectors._SLASH, 80)
    assert detectors._dot_words(text) == scanning.windows(text, detectors._DOT_WORD)
    spans = [m.span() for m in detectors._INNER_MARK.finditer(text)]
    assert scanning.windows_around(spans, len(text), 7) == scanning.windows(text, detectors._INNER_MARK, 7)


def test_the_anchor_windows_examples() -> None:
    text = "my snapchat is amina_k.92 and my email is at gmail dot com, see www.example.org"
    assert detectors._inner_marks(text, 50) == scanning.windows(text, detectors._INNER_MARK, 50) != []
    assert detectors._slashes(text) == scanning.windows(text, detectors._SLASH, 80) != []
    assert detectors._dot_words(text) == scanning.windows(text, detectors._DOT_WORD) != []
    plain = "We met at the centre. Nothing here has a mark between letters."
    assert detectors._inner_marks(plain, 50) == detectors._slashes(plain) == detectors._dot_words(plain) == []


# --- allow-listed phrases: searched for only where the statement holds their later words ---------

_PHRASE_PIECES = st.sampled_from(
    [
        "the ",
        "The Met",
        "met",
        "Met_",
        "police",
        "Police Scotland",
        " scotland",
        "Women's",
        " Aid",
        "women",
        "s aid",
        "Devon & Cornwall",
        " Police",
        "Dyfed-Powys",
        "First-tier Tribunal",
        "first",
        "tier",
        " ",
        "  ",
        "\u00a0",
        "\n",
        "_",
        "-",
        "'",
        "x",
        "7",
        "Refuge",
        "refuge",
        "Ünited",
        "the met police",
    ]
)
_EXTRA_ALLOW = ("(UK) Co. Ltd", "a_b c", "x- y", "Police  Met", "7 x")


def _allowed_searching_every_phrase(text: str, allow: tuple[str, ...]) -> list[tuple[int, int]]:
    """``engine._allowed_ranges`` as it was: every phrase with a first word the statement holds."""
    folded = engine.Folded(text)
    words = set(engine._WORD.findall(folded.folded))
    by_first = engine._allow_phrases(allow)
    ff = folded.folded
    phrases = {p for w in words & by_first.keys() for p in by_first[w]}
    out = []
    for m in engine.alternation_matches(ff, [(len(p), engine._allow_regex(p)) for p in phrases]):
        fs, fe = m.span()
        if fs > 0 and (ff[fs - 1].isalnum() or ff[fs - 1] == "_"):
            continue
        s, e = folded.span(fs, fe)
        if text[s].isupper() or not text[s].isalpha() or engine.fold(text[s:e]) in engine.lexicon.CRIME_TYPES:
            out.append((s, e))
    return out


@settings(max_examples=600, deadline=None)
@example(pieces=["The Met", " ", "police"], extra=False)
@example(pieces=["Women's", " Aid"], extra=True)
@example(pieces=["x", "Police Scotland"], extra=False)  # a match refused for its start still hides the one inside it
@given(pieces=st.lists(_PHRASE_PIECES, max_size=12), extra=st.booleans())
def test_the_allowed_phrases_as_when_every_phrase_was_searched_for(pieces: list[str], extra: bool) -> None:
    text = "".join(pieces)
    allow = _EXTRA_ALLOW if extra else ()
    folded = engine.Folded(text)
    words = set(engine._WORD.findall(folded.folded))
    assert engine._allowed_ranges(text, folded, allow, words) == _allowed_searching_every_phrase(text, allow)


def test_the_allowed_phrases_examples() -> None:
    text = "She went to the Met Police and then to Women's Aid; the police were kind."
    folded = engine.Folded(text)
    words = set(engine._WORD.findall(folded.folded))
    got = engine._allowed_ranges(text, folded, (), words)
    assert got == _allowed_searching_every_phrase(text, ())
    assert (text.index("Women's Aid"), text.index("Women's Aid") + len("Women's Aid")) in got
    runs = {"american", "women", "s", "rights", "service"}
    assert engine._later_runs("latin american women's rights service") == runs


# --- the word before a capitalised word, for a wider place: a quick look at its last character -----

_BEFORE_PIECES = st.sampled_from(
    [
        "in",
        "south",
        "city's",
        "town’s",
        "boys'",
        "to",
        "my",
        "of",
        "the",
        "outside",
        "MID",
        "IN",
        "Σ",
        "İ",
        " ",
        "\t",
        "\u00a0",
        "\n",
        "\u2003",
        ",",
        "x" * 30,
        "7",
    ]
)


def _last_word_counts(text: str, k: int) -> bool:
    """``places_by_wider_context``'s own test of the word before: one it looks for, or a possessive."""
    w1 = text[max(0, k - 24) : k].rsplit(None, 1)[-1:] if k else []
    last = w1[0].lower() if w1 else ""
    possessive = last[-2:] in ("'s", "’s") or last[-1:] in ("'", "’")
    return (
        last in published_places._SMALL_PLACE_BEFORE
        or last in published_places._PLACE_PREPOSITIONS
        or last == "to"
        or last in published_places._COMPASS
        or possessive
    )


@settings(max_examples=800, deadline=None)
@example(pieces=["in", "\n"])  # a line break: the word before it is read
@example(pieces=["x" * 30, "in"])  # more than 24 characters: the last 24 are read
@given(pieces=st.lists(_BEFORE_PIECES, max_size=10))
def test_a_word_before_turned_down_by_its_last_character_never_counts(pieces: list[str]) -> None:
    text = "".join(pieces)
    for k in range(len(text) + 1):
        if not published_places._may_be_before(text, k):
            assert not _last_word_counts(text, k), (text, k)


def test_the_word_before_examples() -> None:
    text = "We lived in south Leeds, near my cousin Amal and the city's Mayor"
    # (the word before; may it count by its last character; does it count)
    for word, may, counts in (
        ("south", True, True),  # "in"
        ("Leeds", True, True),  # "south"
        ("my", True, True),  # "near"
        ("cousin", False, False),  # "my": no word looked for ends with "y"
        ("Amal", True, False),  # "cousin": ends with "n", as "in" does, but is not one
        ("Mayor", True, True),  # "city's"
    ):
        k = text.index(word) - 1
        assert published_places._may_be_before(text, k) == may
        assert _last_word_counts(text, k) == counts


# --- patterns tried only where one of their words starts (``scanning.needs_first``) ---------------

_FIRST_PIECES = st.sampled_from(
    [
        "PC",
        "pc",
        "wPc",
        "PCSO",
        "DCI",
        "dı",  # a dotless "ı": an "i" to IGNORECASE
        "ſgt",  # a long "ſ": an "s" to IGNORECASE
        "İnsp",
        "Officer",
        "collar",
        " number",
        "no.",
        "Flat",
        "fLAT",
        "Apartment",
        "Rm",
        "arm",
        "born",
        "BORN in",
        "GWF",
        "NFRC",
        "12",
        "1990",
        "12345678",
        " ",
        "  ",
        "\n",
        ".",
        "-",
        "x",
        "W",
        "wAB",
        "RA9 C8D",
        "S12",
        "3FG",
        "X7Z",
        "living",
        "Lived at",
        "stayed ",
        "kept",
        "to",
        "from",
        "at",
        "43 ",
        "Kingsway",
        "Mill Lane",
        "May",
    ]
)


def _searched_plainly(pattern, text: str, windows: list[tuple[int, int]]) -> list:  # noqa: ANN001 - a pattern
    out = []
    for ws, we in windows:
        pos = ws
        while pos <= we and (m := pattern.search(text, pos, we)) is not None:
            if not scanning.starts_ok(pattern, text, m.start()):
                pos = m.start() + 1
                continue
            out.append((m.span(), m.groups()))
            pos = m.end() if m.end() > m.start() else m.start() + 1
    return out


@settings(max_examples=500, deadline=None)
@example(pieces=["PCSO", " ", "12"], cut=0)
@example(pieces=["x", "dı", ".", "12", " ", "Flat", " ", "12"], cut=5)
@given(pieces=st.lists(_FIRST_PIECES, max_size=14), cut=st.integers(0, 40))
def test_a_pattern_tried_where_its_words_start_finds_what_a_search_finds(pieces: list[str], cut: int) -> None:
    text = "".join(pieces)
    hint = scanning.ic_lower(text)
    windows = [(0, len(text))] if cut >= len(text) else [(0, cut), (cut + 1, len(text))]
    windows = [(a, b) for a, b in windows if a < b] or [(0, len(text))]
    for pattern, (words, any_case) in scanning._FIRSTS.items():
        # every match starts with one of its first words (in any case, or as written)
        for m in pattern.finditer(text):
            where = hint if any_case else text
            assert any(where.startswith(w, m.start()) for w in words), (pattern.pattern, m.group())
        got = [(m.span(), m.groups()) for m in scanning.found_in(pattern, text, windows)]
        assert got == _searched_plainly(pattern, text, windows), pattern.pattern


def test_the_patterns_tried_where_their_words_start() -> None:
    assert {detectors._OFFICER, detectors._FLAT, detectors._BORN_YEAR} <= scanning._NEEDS_FIRST
    assert detectors._SHARE_CODE in scanning._FIRSTS
    text = "PC 4411 and WPC 1234 came; collar number 77; she lived in Flat 3 (room 12); born in 1990, code W7X 4ZD 9KQ"
    text += "; living at 43 Kingsway, then from 12 Mill Lane"
    for pattern in scanning._FIRSTS:
        got = [(m.span(), m.groups()) for m in scanning.found_in(pattern, text, [(0, len(text))])]
        assert got == _searched_plainly(pattern, text, [(0, len(text))])
    officers = [m.group(1) for m in scanning.found_in(detectors._OFFICER, text, [(0, len(text))])]
    assert officers == ["4411", "1234", "77"]
    codes = [m.group() for m in scanning.found_in(detectors._SHARE_CODE, text, [(0, len(text))])]
    assert codes == ["W7X 4ZD 9KQ"]
    places = [m.group(1) for m in scanning.found_in(detectors._NUMBERED_PLACE, text, [(0, len(text))])]
    assert places == ["43 Kingsway", "12 Mill Lane"]


# --- a driving licence number tried only where the runs of digits say it can start ---------------

_LICENCE_PIECES = st.sampled_from(
    ["MORGA", "M9RGA", "99999", "ſmith", "İ", "657054", "901011", "610101", "SM9IJ", "AB123", "35", " ", "-", ".",
     "\u2013", "9", "x", "\n"]
)  # fmt: skip


@settings(max_examples=500, deadline=None)
@example(pieces=["MORGA", "657054", "SM9IJ"])
@example(pieces=["x", " ", "M9RGA", ".", "657054", "SM9IJ", " ", "35"])
@example(pieces=["ſmith", "610101", "AB123"])
@given(pieces=st.lists(_LICENCE_PIECES, max_size=10))
def test_a_licence_number_tried_where_the_runs_of_digits_say_finds_what_a_search_finds(pieces: list[str]) -> None:
    text = "".join(pieces)
    windows = [(0, len(text))]
    starts = scanning.Digits(text).starts(detectors._DRIVING)
    got = [(m.span(), m.groups()) for m in scanning.found_in(detectors._DRIVING, text, windows, starts)]
    assert got == _searched_plainly(detectors._DRIVING, text, windows)


def test_a_licence_number_example() -> None:
    text = "licence MORGA 657054 SM9IJ 35 and M9RGA657054SM9IJ"
    starts = scanning.Digits(text).starts(detectors._DRIVING)
    got = [m.group() for m in scanning.found_in(detectors._DRIVING, text, [(0, len(text))], starts)]
    assert got == ["MORGA 657054 SM9IJ 35", "M9RGA657054SM9IJ"]
