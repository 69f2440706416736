"""A statement's streams are compressed at zlib's fastest level, in that document only, and inflate to
exactly what reportlab's own compression holds: the same objects, the same text at the same places."""

from __future__ import annotations

import dataclasses
import io
import zlib

import pikepdf
import pytest
from reportlab.lib.pagesizes import A4
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

from desktop.reports import streams
from desktop.reports.export import build_content
from desktop.reports.layout import ScriptParagraph
from desktop.reports.pages import counted_pages
from desktop.reports.statement import draw_statement
from tests.factories import URDU_STATEMENT, redact, sample_interview

LEVEL_1, LEVEL_6 = b"\x78\x01", b"\x78\x9c"  # the zlib header of each level


@pytest.fixture(scope="module")
def content():
    iv = sample_interview(language="Urdu", original_text=URDU_STATEMENT)  # shaped subsets too
    return build_content(iv, redact(iv))


def _text(value) -> str:  # noqa: ANN001 - any pikepdf value
    return value.unparse().decode("latin-1") if isinstance(value, pikepdf.Object) else repr(value)


def _streams(data: bytes) -> list[tuple[dict[str, str], bytes, bytes]]:
    """Each stream as (its dictionary, its bytes as written, its bytes inflated)."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        return [({k: _text(obj.stream_dict[k]) for k in obj.stream_dict.keys()},
                 obj.read_raw_bytes(), obj.read_bytes()) for obj in pdf.objects if isinstance(obj, pikepdf.Stream)]


def _objects(data: bytes) -> list[tuple]:
    """Every object, with each stream's content inflated and its length left out."""
    out = []
    with pikepdf.open(io.BytesIO(data)) as pdf:
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Stream):
                keys = {k: _text(obj.stream_dict[k]) for k in obj.stream_dict.keys() if k != "/Length"}
                out.append(("stream", keys, obj.read_bytes()))
            else:
                out.append(("object", _text(obj)))
    return out


def test_every_stream_of_a_statement_is_compressed_at_the_fastest_level(content):
    data = draw_statement(content).data
    found = _streams(data)
    with pikepdf.open(io.BytesIO(data)) as pdf:
        pages = len(pdf.pages)
    kinds = ["font" if "/Length1" in d else "map" if b"beginbfchar" in inflated else "page"
             for d, _, inflated in found]
    assert kinds.count("font") >= 4 and kinds.count("map") == kinds.count("font") and kinds.count("page") == pages >= 2
    for d, raw, inflated in found:
        assert d["/Filter"] == "[ /FlateDecode ]"
        assert raw[:2] == LEVEL_1
        assert zlib.decompress(raw) == inflated


@pytest.mark.parametrize("variant", ["redacted", "signing", "demo"])
def test_a_statement_holds_the_same_objects_as_with_reportlabs_compression(content, variant, monkeypatch):
    c = {"redacted": content, "signing": dataclasses.replace(content, signing_copy=True),
         "demo": dataclasses.replace(content, demo=True)}[variant]
    ours = draw_statement(c)
    monkeypatch.setattr(streams, "compress_with", lambda doc, flate: None)  # reportlab's filter throughout
    theirs = draw_statement(c)
    assert {raw[:2] for _, raw, _ in _streams(theirs.data)} == {LEVEL_6}
    assert ours.data != theirs.data
    assert _objects(ours.data) == _objects(theirs.data)
    assert ours.literals == theirs.literals


def test_other_documents_keep_reportlabs_compression(content):
    draw_statement(content)  # the statement fonts have written a statement's subsets in this process
    buf = io.BytesIO()
    doc = BaseDocTemplate(buf, pagesize=A4, invariant=1, pageCompression=1)
    doc.addPageTemplates([PageTemplate(id="p", frames=[Frame(50, 50, 400, 700, id="f")])])
    doc.build([ScriptParagraph("Totals by police force: Kent Police"), ScriptParagraph(URDU_STATEMENT[:80])],
              canvasmaker=counted_pages([], lambda canvas, total: None))
    found = _streams(buf.getvalue())
    assert len(found) >= 5
    assert {raw[:2] for _, raw, _ in found} == {LEVEL_6}
