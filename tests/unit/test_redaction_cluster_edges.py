"""Span edges snapped to whole letters without walking the clusters when both edges are already
between two clusters: the same result as the walk, for every kind of character."""

from __future__ import annotations

import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.redaction.graphemes import _certain_boundary, _walk, snap

_CLUSTER = regex.compile(r"\X")
# Every property UAX #29 segments by; a code point's kind is the set of these it has.
_PROPERTIES = [f"Grapheme_Cluster_Break={k}" for k in (
    "CR", "LF", "Control", "Extend", "ZWJ", "Regional_Indicator", "Prepend", "SpacingMark",
    "L", "V", "T", "LV", "LVT")] + ["InCB=Linker", "InCB=Extend", "InCB=Consonant",
                                    "Extended_Pictographic"]  # fmt: skip


def _kinds() -> dict[frozenset[str], list[str]]:
    """Every code point (surrogates aside) by its kind."""
    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)
    has = [set() for _ in every]
    for name in _PROPERTIES:
        for m in regex.finditer(r"\p{" + name + "}", every):
            has[m.start()].add(name)
    kinds: dict[frozenset[str], list[str]] = {}
    for ch, props in zip(every, has, strict=True):
        kinds.setdefault(frozenset(props), []).append(ch)
    return kinds


_KINDS = _kinds()
# Of each kind its first, middle and last code point; the letters and marks of the scripts the
# statements carry besides.
_SAMPLES = sorted(
    {ch for chars in _KINDS.values() for ch in (chars[0], chars[len(chars) // 2], chars[-1])}
    | set("aZ 1.\n\r\t\u200c\u200d\u0928\u094d\u093e\u0a38\u0a3f\u0a4d\u0628\u064e\u06cc\u0670"
          "\U0001f1ec\U0001f1e7\U0001f44d\U0001f3fd\u1100\u1161\u11a8\uac00\uac01\u0600\ufe0f")
)  # fmt: skip


def _boundaries(text: str) -> set[int]:
    return {m.end() for m in _CLUSTER.finditer(text)} | {0}


def test_every_kind_of_character_is_sampled():
    assert len(_KINDS) >= 17
    for chars in _KINDS.values():
        assert chars[0] in _SAMPLES


def test_a_certain_boundary_is_one_after_any_two_characters_before_it():
    """Every pair of sampled characters, after every sampled character and after none: where the
    quick check says the pair is split, the full segmentation splits it."""
    checked = 0
    for a in _SAMPLES:
        for b in _SAMPLES:
            pair = a + b
            if not _certain_boundary(pair, 1):
                continue
            assert 1 in _boundaries(pair), (hex(ord(a)), hex(ord(b)))
            for before in (*_SAMPLES, "\u0928\u094d", "\U0001f44d\u200d", "\U0001f1ec"):
                text = before + pair
                assert _certain_boundary(text, len(before) + 1)
                assert len(before) + 1 in _boundaries(text), (hex(ord(a)), hex(ord(b)), before)
            checked += 1
    assert checked > len(_SAMPLES)  # the quick check does say yes for most pairs


_ALPHABET = st.sampled_from(_SAMPLES)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_ALPHABET, min_size=1, max_size=14).map("".join), st.data())
def test_snap_is_the_walk(text, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert snap(text, start, end) == (_walk(text, start, end) if start < end else (start, end))


def test_snap_is_the_walk_on_every_edge_of_mixed_scripts():
    text = (
        "Name: \u0a38\u0a3f\u0a71\u0a17\u0a4d\u0a39 \u0928\u092e\u0938\u094d\u0924\u0947 "
        "\u0645\u064f\u062d\u064e\u0645\u0651\u064e\u062f \U0001f469\u200d\U0001f467 "
        "\U0001f1ec\U0001f1e7\U0001f1ec \ud55c\uad6d\u1100\u1161\u11a8 e\u0301\r\nx\ufe0f"
    )
    for start in range(len(text)):
        for end in range(start + 1, len(text) + 1):
            assert snap(text, start, end) == _walk(text, start, end), (start, end)
