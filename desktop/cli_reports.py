"""``witnessbox export-statement`` and ``witnessbox export-statements``: redacted PDF statements.

Each statement is redacted by the redaction engine (with the reviewer's saved decisions), drawn,
checked by the leak gate and only then written, atomically, named by its reference code. An
interview without consent for use in the complaint is not exported; the command says so.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop.cli import Context, UserError, add_json_option, add_vault_options
from desktop.paths import synced_folder_name


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "export-statement",
        help="export one interview as a redacted PDF statement",
        description="Redacts the interview's statement, draws it as a PDF, checks the PDF for any trace of "
        "what was redacted, and only then writes it. Needs consent for use in the complaint.",
    )
    add_vault_options(p)
    add_json_option(p)
    p.add_argument("id", metavar="ID", help="the interview's id or its reference")
    p.add_argument("--out", metavar="FILE.pdf", required=True,
                   help="the PDF to write (a folder: the file is named by the reference)")
    p.set_defaults(handler=cmd_export_statement)

    p = subparsers.add_parser(
        "export-statements",
        help="export every consented interview as redacted PDF statements into a folder",
        description="Writes <reference>.pdf for each interview with consent for use in the complaint. "
        "Interviews without that consent are listed and skipped.",
    )
    add_vault_options(p)
    add_json_option(p)
    p.add_argument("--all", action="store_true", required=True, help="every interview in the vault")
    p.add_argument("--out", metavar="DIR", required=True, help="the folder to write into (created if missing)")
    p.set_defaults(handler=cmd_export_statements)


def _warn_synced(ctx: Context, path: Path) -> None:
    name = synced_folder_name(path)
    if name:
        ctx.stderr.write(f"witnessbox: note: the destination is in a cloud-synced folder ({name!r}); "
                         "the statements will be uploaded by that service.\n")


def cmd_export_statement(args: argparse.Namespace, ctx: Context) -> int:
    from desktop.cli_vault import _open, _resolve
    from desktop.reports.export import ExportRefused, export_statement, statement_file_name, statement_loader
    from desktop.reports.fonts import UncoveredCharacter
    from desktop.reports.leak_gate import LeakDetected
    from desktop.reports.statement import StatementLayoutError

    out = Path(args.out).expanduser()
    with _open(args, ctx) as vault:
        interview_id = _resolve(vault, args.id)
        try:
            content, forbidden = statement_loader(vault)(interview_id)
            target = out / statement_file_name(content.reference) if out.is_dir() else out
            if not target.parent.is_dir():
                raise UserError("The folder to write the statement into does not exist.")
            _warn_synced(ctx, target.parent)
            result = export_statement(content, forbidden, target)
        except (ExportRefused, LeakDetected, UncoveredCharacter, StatementLayoutError) as exc:
            raise UserError(str(exc)) from None
    if args.json:
        ctx.emit_json({"reference": result.reference, "path": str(result.path), "fingerprint": result.fingerprint,
                       "bytes": result.size, "gate": result.gate})
    else:
        ctx.say(f"Wrote {result.path} ({result.reference}, fingerprint {result.fingerprint[:16]}).")
        ctx.say(result.gate)
    return 0


def cmd_export_statements(args: argparse.Namespace, ctx: Context) -> int:
    from desktop.cli_vault import _open
    from desktop.paths import make_private_dir
    from desktop.reports.export import ConsentMissing, export_many, statement_loader

    out = Path(args.out).expanduser()
    if out.exists() and not out.is_dir():
        raise UserError("--out must be a folder.")
    make_private_dir(out)
    _warn_synced(ctx, out)
    with _open(args, ctx) as vault:
        ids = vault.interviews.ids()
        consent_refusals: list[str] = []  # skipped for want of consent: expected, not a failure
        load = statement_loader(vault)

        def load_noting_consent(interview_id: str):
            try:
                return load(interview_id)
            except ConsentMissing:
                consent_refusals.append(interview_id)
                raise

        def progress(done: int, total: int) -> None:
            if not args.json and sys.stderr.isatty():
                ctx.stderr.write(f"\r{done} of {total}")
                ctx.stderr.flush()

        result = export_many(ids, load_noting_consent, out, progress=progress)
    # Every refusal is listed in result.refused once; those not for want of consent are failures.
    failed = len(result.refused) > len(consent_refusals)
    if args.json:
        ctx.emit_json({
            "written": [{"reference": r.reference, "path": str(r.path), "fingerprint": r.fingerprint}
                        for r in result.written],
            "refused": [{"why": why} for _ref, why in result.refused],
        })
    else:
        for r in result.written:
            ctx.say(f"{r.reference}  {r.fingerprint[:16]}  {r.path.name}")
        for _ref, why in result.refused:
            ctx.say(f"not exported: {why}")
        ctx.say(f"{len(result.written)} written, {len(result.refused)} not exported.")
    return 1 if failed else 0
