"""``witnessbox self-test``: checks the installation itself, one line per check."""

from __future__ import annotations

import secrets
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from desktop import firewall


@dataclass(frozen=True)
class Check:
    name: str
    ok: bool
    detail: str


def _firewall() -> str:
    if not firewall.check_active():
        raise RuntimeError("the offline guard is not refusing network sockets")
    return "network sockets and name lookups are refused"


def _sqlcipher() -> str:
    import sqlcipher3

    con = sqlcipher3.connect(":memory:")
    try:
        con.execute("PRAGMA key = \"x'" + "00" * 32 + "'\"")
        row = con.execute("PRAGMA cipher_version").fetchone()
        if not row or not row[0]:
            raise RuntimeError("the SQLite library loaded is not SQLCipher")
        return f"SQLCipher {row[0]}"
    finally:
        con.close()


def _fts5() -> str:
    import sqlcipher3

    con = sqlcipher3.connect(":memory:")
    try:
        con.execute("CREATE VIRTUAL TABLE t USING fts5(body)")
        con.execute("INSERT INTO t(t, rank) VALUES('secure-delete', 1)")
        con.execute("INSERT INTO t(body) VALUES ('offline check')")
        if con.execute("SELECT count(*) FROM t WHERE t MATCH 'offline'").fetchone()[0] != 1:
            raise RuntimeError("FTS5 search returned a wrong result")
        return "FTS5 with secure-delete"
    finally:
        con.close()


def _fonts() -> str:
    from desktop.reports.fonts import FontSet

    loaded = FontSet.load()  # the statement renderer's own fonts, so the check cannot drift from it
    return f"{2 * len(loaded)} statement fonts load ({', '.join(loaded)})"


# Invented words in the two scripts the statements most often need shaped: joined Urdu letters
# (Arabic script, right to left) and a Punjabi conjunct with a vowel sign (Gurmukhi).
_SHAPING_SAMPLES = (("Urdu", "Arabic", "عمران خان"), ("Punjabi", "Gurmukhi", "ਹਰਪ੍ਰੀਤ ਕੌਰ"))


def _shaping() -> str:
    import uharfbuzz

    from desktop.reports.fonts import font_file

    for language, script, text in _SHAPING_SAMPLES:
        font = uharfbuzz.Font(uharfbuzz.Face(uharfbuzz.Blob.from_file_path(str(font_file(script)))))
        buf = uharfbuzz.Buffer()
        buf.add_str(text)
        buf.guess_segment_properties()
        uharfbuzz.shape(font, buf, {})
        shaped = [g.codepoint for g in buf.glyph_infos]
        if 0 in shaped:
            raise RuntimeError(f"the {language} font has no letter for part of the sample")
        unshaped = [font.get_nominal_glyph(ord(c)) or 0 for c in text]
        if shaped in (unshaped, unshaped[::-1]):
            raise RuntimeError(f"{language} letters are not joined: text shaping does not work")
    return "Urdu and Punjabi letters join as they should"


def _statement() -> str:
    """One redacted statement, end to end, in a throw-away vault in a temporary folder: an
    interview saved through the services, redacted, drawn, checked by the leak gate and written."""
    from desktop.core.model import (
        Consent,
        ConsentUse,
        CrimeType,
        Identifier,
        IdentifierKind,
        Interview,
        Person,
        PersonRole,
        Role,
        YearMonth,
    )
    from desktop.services import interviews, statements, vaults
    from desktop.vault import KdfParams

    name, ref, today = "Zorawar Quillfeather", "Q7654321", date.today()
    with tempfile.TemporaryDirectory(prefix="witnessbox-self-test-") as tmp:
        # The vault is deleted a moment later and never holds a real interview: the cheapest key
        # derivation is enough, so the check takes a second, not the calibrated one.
        vault = vaults.create(Path(tmp) / "vault", secrets.token_urlsafe(24),
                              kdf=KdfParams(time_cost=1, memory_cost_kib=8, lanes=1))
        try:
            iv = Interview(
                interviewed_on=today, role=Role.VICTIM, crime_type=CrimeType.OTHER, force="unknown",
                reported_on=YearMonth(today.year, today.month),
                statement=f"My name is {name}, reference {ref}. عمران نے کہا۔ ਹਰਪ੍ਰੀਤ ਨੇ ਕਿਹਾ।",
                people=[Person(name, PersonRole.INTERVIEWEE)],
                identifiers=[Identifier(IdentifierKind.HOME_OFFICE_REF, ref)],
                consent={ConsentUse.COMPLAINT: Consent(ConsentUse.COMPLAINT, True, today, "self-test")},
            )
            saved = interviews.save_interview(vault, iv)
            out = Path(tmp) / "statement.pdf"
            statements.export_statement(vault, saved.id, out)
            data = out.read_bytes()
        finally:
            vault.lock()
    if not data.startswith(b"%PDF-") or name.encode() in data or ref.encode() in data:
        raise RuntimeError("the statement written is not a clean PDF")
    return f"one redacted statement made, checked and written ({len(data) // 1024} KB)"


CHECKS: tuple[tuple[str, Callable[[], str]], ...] = (
    ("offline guard", _firewall),
    ("SQLCipher", _sqlcipher),
    ("full-text search", _fts5),
    ("fonts", _fonts),
    ("text shaping", _shaping),
    ("statement", _statement),
)


def run_checks() -> Iterator[Check]:
    for name, fn in CHECKS:
        try:
            yield Check(name, True, fn())
        except Exception as exc:  # each failure is reported, the others still run
            yield Check(name, False, str(exc) or type(exc).__name__)
