"""poppler's pdftotext, the leak gate's independent extractor, fed through pipes: the whole PDF is
in its pipe before the gate goes on, a PDF larger than the pipe is written by a thread and read the
same, and a pdftotext that fails, or does not answer in time, refuses the PDF (the gate fails closed)."""

from __future__ import annotations

import shutil
import stat
import subprocess
from pathlib import Path

import pytest

from desktop import firewall
from desktop.reports import leak_gate
from desktop.reports.leak_gate import poppler
from desktop.reports.statement import draw_statement
from desktop.services.statements import statement_content
from tests.factories import sample_interview

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler is not installed")
posix = pytest.mark.skipif(poppler.fcntl is None, reason="the pipes are fed this way on Linux and macOS")


def _statement(repeat: int = 1):
    iv = sample_interview()
    iv.statement = "\n\n".join([iv.statement] * repeat)
    content, forbidden = statement_content(iv)
    return content, forbidden, draw_statement(content)


def _direct(data: bytes, tmp_path: Path) -> str:
    """pdftotext reading the PDF from a file, as anyone would run it."""
    pdf = tmp_path / "s.pdf"
    pdf.write_bytes(data)
    return subprocess.run(
        [shutil.which("pdftotext"), "-q", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, check=True
    ).stdout.decode("utf-8", errors="replace")


@needs_poppler
@posix
def test_a_statement_is_all_in_the_pipe_before_the_gate_goes_on(tmp_path):
    _content, _forbidden, drawn = _statement()
    reader = poppler.poppler_start(drawn.data, shutil.which("pdftotext"))
    try:
        assert reader.thread is None, "no thread is needed to feed it"
        assert reader.proc.stdin.closed, "pdftotext has the whole PDF and its end"
        assert poppler.poppler_finish(reader) == _direct(drawn.data, tmp_path)
    finally:
        poppler.poppler_stop(reader)
    assert reader.proc.returncode == 0 and reader.proc.stdout.closed


@needs_poppler
@posix
def test_a_pdf_larger_than_the_pipe_is_written_by_a_thread_and_read_the_same(tmp_path, monkeypatch):
    content, forbidden, drawn = _statement(repeat=40)
    assert len(drawn.data) > 1 << 16
    monkeypatch.setattr(poppler, "PIPE_BYTES", 1 << 16)  # the pipe cannot be made to hold it
    reader = poppler.poppler_start(drawn.data, shutil.which("pdftotext"))
    try:
        assert reader.thread is not None
        assert poppler.poppler_finish(reader) == _direct(drawn.data, tmp_path)
    finally:
        poppler.poppler_stop(reader)
    report = leak_gate.check(drawn.data, forbidden, expected_text=content.all_text(), literals=drawn.literals)
    assert report.extractors == ["ToUnicode", "pdftotext"]


def _fake_pdftotext(tmp_path: Path, monkeypatch, script: str) -> None:
    """A pdftotext on PATH that does what ``script`` says instead of reading the PDF."""
    folder = tmp_path / "bin"
    folder.mkdir()
    exe = folder / "pdftotext"
    exe.write_text("#!/bin/sh\n" + script + "\n")
    exe.chmod(exe.stat().st_mode | stat.S_IXUSR)
    firewall.install([str(exe)])  # the test's own program, as poppler's is
    monkeypatch.setenv("PATH", f"{folder}:/usr/bin:/bin")


@posix
@pytest.mark.parametrize(
    "script",
    ["exit 1", "cat >/dev/null; exit 3", "kill -9 $$", "cat >/dev/null"],
    ids=["fails-at-once", "fails-after-reading", "killed", "says-nothing-but-succeeds"],
)
def test_a_pdftotext_that_fails_refuses_the_pdf(tmp_path, monkeypatch, script):
    content, forbidden, drawn = _statement()
    _fake_pdftotext(tmp_path, monkeypatch, script)
    if script == "cat >/dev/null":  # exits 0 with no text: the page count does not match, the text is still read
        report = leak_gate.check(drawn.data, forbidden, expected_text=content.all_text(), literals=drawn.literals)
        assert report.extractors == ["ToUnicode", "pdftotext"]
        return
    with pytest.raises(leak_gate.LeakDetected, match="pdftotext could not read the PDF"):
        leak_gate.check(drawn.data, forbidden, expected_text=content.all_text(), literals=drawn.literals)


@posix
def test_a_pdftotext_that_does_not_answer_in_time_refuses_the_pdf(tmp_path, monkeypatch):
    content, forbidden, drawn = _statement()
    _fake_pdftotext(tmp_path, monkeypatch, "exec sleep 30")
    monkeypatch.setattr(poppler, "TIMEOUT_S", 1.0)
    with pytest.raises(leak_gate.LeakDetected, match="pdftotext could not read the PDF"):
        leak_gate.check(drawn.data, forbidden, expected_text=content.all_text(), literals=drawn.literals)


@posix
def test_a_name_pdftotext_reads_is_found(tmp_path, monkeypatch):
    """What pdftotext gives is searched: a protected name in its text refuses the PDF."""
    content, forbidden, drawn = _statement()
    name = next(s for s in forbidden if " " in s and s.replace(" ", "").isalpha())
    _fake_pdftotext(tmp_path, monkeypatch, f"cat >/dev/null; printf '%s\\f' '{name}'")
    with pytest.raises(leak_gate.LeakDetected) as caught:
        leak_gate.check(drawn.data, forbidden, expected_text=content.all_text(), literals=drawn.literals)
    assert "pdftotext" in caught.value.where
