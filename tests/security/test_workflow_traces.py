"""What a full headless workflow leaves on disk (T1 for the command line, temp files, logs, file modes).

The commands run through ``desktop.cli.run`` exactly as the installed ``witnessbox`` runs them, with
the real key derivation (``init`` calibrates Argon2id here), the real SQLCipher and the real PDF
export. Every test gets its own data, log, cache and temp folders (tests/conftest.py), so after the
workflow everything that exists under them was made by Witnessbox or by the test itself.
"""

from __future__ import annotations

import io
import json
import logging
import os
import stat
import tempfile
import uuid
from pathlib import Path

from desktop import logging_setup
from desktop.cli import Context, run

PASS = "correct horse battery staple"


def _canary() -> str:
    # Letters only, capitalised like a name: the redaction engine must treat it as a person's name.
    return "Zq" + "".join(chr(ord("a") + int(c, 16) % 26) for c in uuid.uuid4().hex[:10])


class Workflow:
    """init, add, list, search, show, export-statement, a refused import and a missing id, then the files."""

    def __init__(self, tmp_path: Path, app_paths) -> None:
        self.tmp = tmp_path
        self.paths = app_paths
        self.vault = app_paths.default_vault_dir
        self.out = tmp_path / "exported"
        self.out.mkdir(mode=0o700)
        self.inputs = tmp_path / "inputs"
        self.inputs.mkdir(mode=0o700)
        self.pw = self.inputs / "pass.txt"
        self.pw.write_text(PASS + "\n", encoding="utf-8")
        self.name = _canary()
        self.ident = "HO" + uuid.uuid4().hex[:10].upper()
        self.stderr: list[str] = []

    def __call__(self, *argv: str) -> tuple[int, str]:
        out, err = io.StringIO(), io.StringIO()
        code = run([*argv, "--vault", str(self.vault), "--passphrase-file", str(self.pw)],
                   Context(paths=self.paths, stdin=io.StringIO(), stdout=out, stderr=err))
        self.stderr.append(err.getvalue())
        return code, out.getvalue()

    def line(self, **extra) -> dict:
        return {
            "interviewed_on": "2026-01-05", "role": "victim", "crime_type": "domestic_abuse",
            "force": "metropolitan", "reported_on": "2025-12",
            "statement": f"{self.name} told the officer about the landlord. The officer asked {self.name} for "
                         f"papers and wrote down {self.ident}.",
            "people": [{"name": self.name, "role": "interviewee", "aliases": []}],
            "identifiers": [{"kind": "home_office_ref", "value": self.ident}],
            "consent": {"complaint": True, "quotation": False, "contact": False},
            **extra,
        }

    def run_all(self) -> str:
        handler = logging_setup.configure(self.paths.log_dir)
        try:
            code, _ = self("init")
            assert code == 0, self.stderr[-1]
            good = self.inputs / "interviews.jsonl"
            good.write_text(json.dumps(self.line()) + "\n" + json.dumps(self.line(role="witness")) + "\n",
                            encoding="utf-8")
            code, out = self("add", "--from", str(good), "--json")
            assert code == 0, self.stderr[-1]
            first = json.loads(out)["added"][0]
            code, out = self("add", "--from", str(good))  # a second import: a backup is made first
            assert code == 0, self.stderr[-1]
            code, out = self("list", "--json")
            assert code == 0 and len(json.loads(out)) == 4
            code, out = self("search", self.name, "--json")
            assert code == 0 and len(json.loads(out)) == 4
            code, out = self("show", first, "--json")
            assert code == 0 and self.name in out  # the person asked for it, on standard output only
            code, out = self("export-statement", first, "--out", str(self.out), "--json")
            assert code == 0, self.stderr[-1]
            # Failures on the way must not write the canary anywhere either.
            bad = self.inputs / "bad.jsonl"
            bad.write_text(json.dumps(self.line(role=self.name)) + "\n", encoding="utf-8")
            code, _ = self("add", "--from", str(bad))
            assert code == 1
            code, _ = self("show", self.name)
            assert code == 1
            logging.getLogger("desktop.cli").warning("an argument that must be scrubbed: %s", self.name)
            handler.flush()
        finally:
            logging.getLogger().removeHandler(handler)
            handler.close()
        return first


def test_a_full_headless_workflow_leaves_no_trace_and_only_private_files(tmp_path, app_paths):
    """One run (init calibrates the real key derivation, so every command takes about a second),
    three checks: only the expected files, no trace of the interview in them, owner-only modes."""
    workflow = Workflow(tmp_path, app_paths)
    workflow.run_all()
    check_only_the_expected_files(tmp_path)
    check_no_trace_of_the_interview(workflow, tmp_path)
    check_modes_are_owner_only(workflow, tmp_path)


def _files(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*") if p.is_file() or p.is_symlink()}


def check_only_the_expected_files(tmp_path: Path) -> None:
    assert Path(tempfile.gettempdir()) == tmp_path / "tmp"
    assert list((tmp_path / "tmp").iterdir()) == [], "something was left in the temp folder"
    found = _files(tmp_path)
    backups = sorted(f for f in found if f.startswith("app/data/vault/backups/"))
    assert len(backups) == 2 and all(f.endswith(("/vault.db", "/keyslot.json")) for f in backups), backups
    pdfs = sorted(f for f in found if f.startswith("exported/"))
    assert len(pdfs) == 1 and pdfs[0].endswith(".pdf")
    expected = {
        "app/data/vault/vault.db", "app/data/vault/keyslot.json", "app/log/witnessbox.log",
        "inputs/pass.txt", "inputs/interviews.jsonl", "inputs/bad.jsonl", *backups, *pdfs,
    }
    assert found == expected, f"unexpected: {sorted(found - expected)}; missing: {sorted(expected - found)}"


def check_no_trace_of_the_interview(workflow: Workflow, tmp_path: Path) -> None:
    written = [p for p in tmp_path.rglob("*") if p.is_file() and "inputs" not in p.relative_to(tmp_path).parts]
    log = workflow.paths.log_dir / logging_setup.LOG_FILE_NAME
    assert log in written and log.stat().st_size > 0
    assert "<text:" in log.read_text(encoding="utf-8"), "the scrubbed argument did not reach the log"
    for p in written:
        raw = p.read_bytes()
        if p.suffix == ".db":
            assert not raw.startswith(b"SQLite format 3"), f"{p.name} is plain SQLite"
        for needle in (workflow.name, workflow.ident):
            for form in {needle.encode(), needle.lower().encode(), needle.upper().encode(),
                         needle.encode("utf-16-le"), needle.encode("utf-16-be")}:
                assert form not in raw, f"{needle!r} found in {p.relative_to(tmp_path)}"
    for err in workflow.stderr:
        assert workflow.name not in err and workflow.ident not in err, "an error message repeated interview data"
        assert "Traceback" not in err


def check_modes_are_owner_only(workflow: Workflow, tmp_path: Path) -> None:
    if os.name == "nt":  # pragma: no cover - POSIX permission bits
        return
    vault = workflow.vault
    dirs = [vault, vault / "backups", *(vault / "backups").iterdir(), workflow.paths.log_dir]
    files = [vault / "vault.db", vault / "keyslot.json", *(vault / "backups").rglob("*.db"),
             *(vault / "backups").rglob("keyslot.json"), workflow.paths.log_dir / logging_setup.LOG_FILE_NAME,
             *workflow.out.iterdir()]
    assert len(files) == 6  # live vault (2), one backup (2), the log, the statement
    wrong = {str(p.relative_to(tmp_path)): oct(stat.S_IMODE(p.stat().st_mode))
             for p in dirs if stat.S_IMODE(p.stat().st_mode) != 0o700}
    wrong |= {str(p.relative_to(tmp_path)): oct(stat.S_IMODE(p.stat().st_mode))
              for p in files if stat.S_IMODE(p.stat().st_mode) != 0o600}
    assert wrong == {}, f"readable by others: {wrong} (umask here {oct(_umask())})"


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current
