"""Driving the ``witnessbox`` command in-process, through desktop.cli.run, exactly as the
installed command runs it; and two import lines (one per kind of interview) the CLI tests share."""

from __future__ import annotations

import io
import json
from pathlib import Path

from desktop.cli import Context, run

CLI_PASSPHRASE = "correct horse battery"

LINE_A = {
    "interviewed_on": "2026-01-05",
    "role": "victim",
    "crime_type": "domestic_abuse",
    "force": "metropolitan",
    "reported_on": "2025-12",
    "statement": "The officer asked for my visa and called the Home Office.",
    "people": [{"name": "Amina Khan", "role": "interviewee", "aliases": ["Ami"]}],
    "identifiers": [{"kind": "home_office_ref", "value": "K1234567"}, {"kind": "phone", "value": "07700 900123"}],
    "consent": {"complaint": True, "quotation": False, "contact": True},
}
LINE_B = {
    "interviewed_on": "2026-01-06",
    "role": "witness",
    "crime_type": "hate_crime",
    "force": "kent",
    "reported_on": "2025-11",
    "statement": "میں نے پولیس کو بتایا کہ مجھے دھمکی دی گئی",
    "people": [],
    "identifiers": [],
    "consent": {"complaint": False, "quotation": False, "contact": False},
}


class Cli:
    def __init__(self, app_paths, tmp_path: Path) -> None:
        self.paths = app_paths
        self.vault = tmp_path / "vault"
        self.pw = tmp_path / "pw.txt"
        self.pw.write_text(CLI_PASSPHRASE + "\n", encoding="utf-8")

    def __call__(self, *argv: str, vault: bool = True, passphrase: Path | None = None) -> tuple[int, str, str]:
        out, err = io.StringIO(), io.StringIO()
        ctx = Context(paths=self.paths, stdin=io.StringIO(), stdout=out, stderr=err)
        extra = ["--vault", str(self.vault), "--passphrase-file", str(passphrase or self.pw)] if vault else []
        code = run([*argv, *extra], ctx)
        return code, out.getvalue(), err.getvalue()

    def jsonl(self, path: Path, *lines: object) -> Path:
        path.write_text("\n".join(x if isinstance(x, str) else json.dumps(x, ensure_ascii=False) for x in lines)
                        + "\n", encoding="utf-8")
        return path
