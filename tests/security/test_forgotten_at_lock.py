"""What detection and the gate keep from a vault's interviews goes when the vault locks.

Recorded names' patterns, phone numbers already validated, words already measured for the PDF and
a summary's index of protected strings are kept while a vault is open so that the next statement
does not make them again; after the lock, none of it is still held by the program."""

from __future__ import annotations

import gc

from reportlab.pdfbase.ttfonts import ShapedStr

from desktop.core import forgetting
from desktop.redaction import detectors, engine, known, names, recorded, scanning, sequence, variants
from desktop.reports import fonts, layout, subsets, textops
from desktop.reports.leak_gate import index, normalise
from desktop.services import statements
from desktop.vault import Vault
from tests.factories import PASSPHRASE, URDU_STATEMENT, new_vault, sample_interview
from tests.pdf_tools import pdftotext

CACHES = [known._folded_words, known._tok_pattern, known._split_tok, known._trigger, detectors._phone_valid,
          variants.name_key, sequence.parse, engine._allow_regex, names._place_regex, scanning.ic_lower, fonts._runs,
          layout._word, normalise.byte_pattern]
STORES = [known._COMPILED, recorded._PEOPLE, recorded._IDENTIFIERS, recorded._LISTS]
# the pattern pieces of recorded names' runs of words
CACHES += [known._joined_run, known._triggers_of, known._pieces_of]


def _held() -> dict[str, int]:
    held = {f.__qualname__: f.cache_info().currsize for f in CACHES}
    held |= {f"store {i}": len(s.data) for i, s in enumerate(STORES)}
    held["gate index"] = len(index._kept)
    held["glyphs read for font subsets"] = sum(len(m._glyphs) for m in subsets._MAKERS)
    return held


def test_a_lock_empties_what_detection_drawing_and_the_gate_kept(tmp_path):
    vault = new_vault(tmp_path / "vault")
    iv = sample_interview()
    vault.interviews.add(iv)
    statements.export_statement(vault, iv.id, tmp_path / "s.pdf")
    # a summary-sized set of protected strings is kept by the gate's index
    index.NeedleIndex.for_items([f"Person{n:05d} Surname" for n in range(index._KEEP_FROM)], None)
    # a protected name's byte pattern, made when its bytes are met in a PDF
    (found,) = normalise.needles(["Harpreet Kaur"], None)
    assert found.in_bytes(b"(Harpreet Kaur) Tj", b"(harpreet kaur) tj") is not None
    held = _held()
    assert held["_folded_words"] and held["_runs"] and held["_word"] and held["gate index"] and held["ic_lower"], held
    assert held["glyphs read for font subsets"], held
    assert held["byte_pattern"], held
    assert any(held[f"store {i}"] for i in range(len(STORES))), held
    vault.lock()
    assert set(_held().values()) == {0}, _held()


def _shaped_runs_with_positions() -> int:
    """Shaped runs (HarfBuzz glyphs of an interview's words) still carrying the positions the
    statement's text writer worked out for them (desktop/reports/textops.py)."""
    gc.collect()
    return sum(1 for o in gc.get_objects() if isinstance(o, ShapedStr) and textops._OPS in o.__dict__)


def test_a_lock_leaves_no_shaped_word_of_an_annex_behind(tmp_path):
    vault = new_vault(tmp_path / "vault")
    iv = sample_interview(language="Urdu", original_text=URDU_STATEMENT)
    vault.interviews.add(iv)
    statements.export_statement(vault, iv.id, tmp_path / "s.pdf")
    assert _shaped_runs_with_positions()
    vault.lock()
    assert _shaped_runs_with_positions() == 0


def test_a_lock_empties_the_letters_recorded_for_glyphs_and_the_next_statement_still_reads(tmp_path):
    """The text each private-use glyph was shaped from (an Urdu ligature, a conjunct: letters of an
    interview's names) is kept for the PDF's ToUnicode map; it goes at lock like everything else
    made from statements, and is recorded again when a statement is next drawn."""
    vault = new_vault(tmp_path / "vault")
    iv = sample_interview(language="Urdu", original_text=URDU_STATEMENT)
    vault.interviews.add(iv)
    statements.export_statement(vault, iv.id, tmp_path / "s.pdf")
    assert fonts._glyph_text
    vault.lock()
    assert fonts._glyph_text == {}
    vault = Vault.unlock(tmp_path / "vault", PASSPHRASE)
    statements.export_statement(vault, iv.id, tmp_path / "again.pdf")
    assert fonts._glyph_text
    first, again = ((tmp_path / n).read_bytes() for n in ("s.pdf", "again.pdf"))
    assert pdftotext(again) == pdftotext(first)


def test_every_store_registered_is_emptied_even_if_one_fails():
    emptied = []

    def broken() -> None:
        raise RuntimeError("a store that cannot be emptied")

    forgetting.kept_until_lock(broken)
    forgetting.kept_until_lock(lambda: emptied.append(True))
    try:
        forgetting.forget_kept()
    finally:
        forgetting._forgetters[-2:] = []
    assert emptied == [True]
