"""Python's own caches forget protected strings when the vault locks.

``re`` keeps the last few hundred compiled patterns, keyed by their source; the leak gate compiles
patterns from protected strings (a name at word boundaries, its bytes in a PDF), and
``statement.is_form_literal`` keeps each declared literal with its answer. After a lock, neither
holds anything made from an interview."""

from __future__ import annotations

import re

import pytest

from desktop.reports import leak_gate
from desktop.reports.leak_gate import normalise
from desktop.reports.statement import is_form_literal
from tests.factories import new_vault

NAME = "Harpreet Kaur"


def _patterns_holding(word: str) -> list[object]:
    """The sources of the patterns in ``re``'s caches that hold ``word``, as text or bytes."""
    caches = [getattr(re, name) for name in ("_cache", "_cache2") if isinstance(getattr(re, name, None), dict)]
    assert caches, "this Python keeps its pattern cache elsewhere: the test must be told where"
    out = []
    for cache in caches:
        for key in list(cache):
            source = key[1] if isinstance(key, tuple) and len(key) > 1 else key
            text = source.decode("latin-1") if isinstance(source, bytes) else str(source)
            if word in text.replace("\\", ""):
                out.append(source)
    return out


def test_a_lock_empties_pythons_pattern_cache_of_protected_strings(tmp_path):
    vault = new_vault(tmp_path / "vault")
    with pytest.raises(leak_gate.LeakDetected):
        leak_gate.check_text(f"On Tuesday {NAME} came to the door.", [NAME])
    (found,) = normalise.needles([NAME], None)
    assert found.in_bytes(b"(Harpreet Kaur) Tj", b"(harpreet kaur) tj") is not None
    assert _patterns_holding("Harpreet"), "the gate compiled no pattern from the name: nothing to test"
    vault.lock()
    assert _patterns_holding("Harpreet") == []


def test_a_lock_empties_what_is_form_literal_kept(tmp_path):
    vault = new_vault(tmp_path / "vault")
    assert is_form_literal(f"{NAME} was declared by a broken renderer") is False
    assert is_form_literal("Police force") is True
    assert is_form_literal.cache_info().currsize >= 2
    vault.lock()
    assert is_form_literal.cache_info().currsize == 0
    assert _patterns_holding("Harpreet") == []
