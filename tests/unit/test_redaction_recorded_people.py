"""Many recorded people on one statement (issue 11): what a statement's list of people costs does
not grow with names it does not hold, and finding them gives exactly what looking for every pattern
of every person gave."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from desktop.redaction import known, recorded
from desktop.redaction.engine import _variants_of_known_people
from desktop.redaction.fold import Folded
from desktop.redaction.spans import Span

# Name words that people share, that are English words ("rose", "may"), that glue into a word
# ("sun" + "day"), that end in "s", or that are a particle or one letter; and aliases in other scripts.
_WORDS = st.sampled_from(
    [
        "amina",
        "okafor",
        "rose",
        "may",
        "sun",
        "day",
        "ali",
        "al",
        "hassan",
        "james",
        "de",
        "a",
        "li",
        "nguyen",
        "ana",
        "anas",
    ]
)
_NAME = st.lists(_WORDS, min_size=1, max_size=4).map(lambda ws: " ".join(w.title() for w in ws))
_PERSON = st.tuples(
    st.one_of(
        _NAME,
        _NAME.map(lambda n: n.upper()),
        _NAME.map(lambda n: " " + n + "  "),
        st.sampled_from(["", "  ", "Zoë Ali", "Mary-Jane Rose", "O'Neil Day", "Ali\tHassan", "Ana2"]),
    ),
    st.one_of(st.just([]), st.lists(st.sampled_from(["Ana", "Рози", "Amina Sun"]), max_size=2)),
)
_PIECES = st.sampled_from(
    [
        "Amina",
        "Okafor",
        "Rose",
        "rose",
        "May",
        "may",
        "Sun",
        "Day",
        "Sunday",
        "Ali",
        "Al",
        "Hassan",
        "Alhassan",
        "James",
        "Jameson",
        "de",
        "A.",
        "Li",
        "Nguyen",
        "Ana",
        "Anas",
        "ANA",
        " ",
        ", ",
        ". ",
        "\n",
        "-",
        "'s",
        "in May 2020",
        "Mrs ",
        "calls me ",
        "my friend ",
    ]
)


def _every_pattern(monkeypatch) -> None:  # noqa: ANN001 - pytest's monkeypatch
    """The code before patterns of one kind were made once: every kept pattern of every person."""
    monkeypatch.setattr(recorded, "_new", lambda made, kind: True)


@settings(max_examples=400, deadline=None)
@example(
    people=[("Amina Okafor", []), ("Amina Rose", []), ("Ana Okafor", [])],
    pieces=["Amina", " ", "Okafor", ", ", "Mrs ", "Okafor", " ", "Rose"],
)
@example(
    people=[("Rose Okafor", []), ("Okafor", [])], pieces=["Mrs ", "Okafor", " ", "rose", " ", "Rose", " ", "Okafor"]
)
# (the same word, a surname only of the second: "James" before it is taken for a given name)
@example(people=[("Okafor Amina", []), ("Rose Okafor", [])], pieces=["James", " ", "Okafor"])
@example(people=[("O'Neil Day", []), ("Mary-Jane Rose", [])], pieces=["Day", " ", "Rose"])  # (not plain names)
# (the second is chosen by a word the first looks for, but its whole name is there by its initial)
@example(people=[("Rose Okafor", []), ("Amina Okafor", [])], pieces=["A.", " ", "Okafor"])
@example(people=[("Sun Ali Day Rose", []), ("Sun Day Okafor", [])], pieces=["Sun", " ", "Day"])  # (two of its words)
@example(people=[("Okafor Amina", []), ("Rose Ali Okafor", [])], pieces=["James", " ", "Okafor"])  # (its surname)
@given(people=st.lists(_PERSON, min_size=1, max_size=8), pieces=st.lists(_PIECES, max_size=30))
def test_people_who_share_words_are_found_as_when_every_pattern_of_each_was_searched(people, pieces):
    # A pattern of the same kind as one already chosen for a statement (a word two people share) is
    # neither made nor searched: the hits are those of searching every pattern of every person, in
    # the same order, each with the same person.
    import pytest

    text = "".join(pieces)
    folded = Folded(text)
    rec = recorded._build(known.KnownIdentifiers(people=people))
    got = recorded.find_known(text, folded, rec)
    with pytest.MonkeyPatch.context() as mp:
        _every_pattern(mp)
        assert recorded.find_known(text, folded, recorded._build(known.KnownIdentifiers(people=people))) == got


@settings(max_examples=300, deadline=None)
@given(people=st.lists(_PERSON, max_size=8))
def test_a_list_of_plain_names_is_read_as_one_person_at_a_time_reads_it(people):
    # The quick way for a list whose every name is plain (recorded._build) gives what reading the
    # names one by one gives: a person who is not plain at the end sends the list the slow way.
    rec = recorded._build(known.KnownIdentifiers(people=people))
    slow = recorded._build(known.KnownIdentifiers(people=[*people, ("Zoë", [])]))
    n, last = len(people), len(slow.entries) - 1  # (Zoë's entry is the last)
    assert rec.names == slow.names[:n]
    assert rec.entries == slow.entries[:last]
    assert (rec.plain, rec.plain_names, rec.always) == (slow.plain, slow.plain_names, slow.always)
    assert rec.by_key == {k: v for k, v in ((k, [i for i in v if i != last]) for k, v in slow.by_key.items()) if v}
    assert rec.other_tokens == {i: t for i, t in slow.other_tokens.items() if i < n}
    for name in rec.names:
        assert rec.tokens_of(name) == slow.tokens_of(name)


@settings(max_examples=300, deadline=None)
@given(people=st.lists(_PERSON, max_size=6), spans=st.lists(st.tuples(_NAME, st.booleans()), max_size=6))
def test_the_owner_of_a_spelling_is_the_one_recorded_person_with_its_words(people, spans):
    # Who owns a name by spelling (``Recorded.owners``), made once per statement: a name's owners are
    # the recorded people with a word of each of its words' spelling keys, and a span gets the one.
    from desktop.redaction.variants import name_key, name_keys

    rec = recorded._build(known.KnownIdentifiers(people=people))
    text = " ".join(n for n, _ in spans)
    got, at = [], 0
    for name, is_known in spans:
        got.append(Span(at, at + len(name), "PERSON", "known" if is_known else "detector", 1.0, None))
        at += len(name) + 1
    out = _variants_of_known_people(text, got, rec)
    words = {}  # person -> the keys of their words (the last recorded with that name)
    for name, aliases in people:
        toks = set()
        for v in [name, *aliases]:
            toks.update(known._tokens(v))
        words[name.strip()] = {name_key(t) for t in toks}
    for sp in out:
        keys = name_keys(text[sp.start : sp.end])
        owners = {p for p, ks in words.items() if keys and all(k in ks for k in keys)}
        assert sp.person == (next(iter(owners)) if len(owners) == 1 else None)


@settings(max_examples=300)
@given(
    a=st.lists(_PERSON, min_size=1, max_size=5),
    other=st.lists(_PERSON, max_size=5),
    at=st.integers(0, 4),
    changed=_PERSON,
    ids=st.lists(st.tuples(st.sampled_from(["phone", "email"]), st.sampled_from(["1", "2"])), max_size=2),
)
def test_two_lists_of_people_share_a_key_only_when_they_are_the_same(a, other, at, changed, ids):
    # (the lists' store, recorded._LISTS, is keyed by it) Another list, and the same list with one
    # person's name or aliases changed.
    for b in (
        other,
        [*a[: at % len(a)], (a[at % len(a)][0], changed[1]), *a[at % len(a) + 1 :]],
        [*a[: at % len(a)], (changed[0], a[at % len(a)][1]), *a[at % len(a) + 1 :]],
    ):
        _same_key_only_when_the_same(a, b, ids)


def _same_key_only_when_the_same(a, b, ids) -> None:  # noqa: ANN001 - lists of people and identifiers
    ka = known.KnownIdentifiers(people=a, identifiers=ids)._key()
    kb = known.KnownIdentifiers(people=b, identifiers=ids)._key()
    same = [(n, tuple(x)) for n, x in a] == [(n, tuple(x)) for n, x in b]
    assert (ka == kb) == same
    hash(ka)
