"""``witnessbox export-statement`` and ``witnessbox export-statements``: redacted PDF statements;
``witnessbox organisation``: the organisation every statement says took it.

Thin callers of :mod:`desktop.services.statements`, which the desktop app calls too: the same
consent rule, the same checks of where a file may go, the same audit entry.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop.cli import Context, UserError, add_json_option, add_vault_options, open_vault, output_folder
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
    p.add_argument(
        "--out",
        metavar="FILE.pdf",
        required=True,
        help="the PDF to write (a folder: the file is named by the reference)",
    )
    p.add_argument("--force", action="store_true", help="replace the file if it already exists")
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
    p.add_argument("--force", action="store_true", help="replace statement files already in the folder")
    p.set_defaults(handler=cmd_export_statements)

    p = subparsers.add_parser(
        "organisation",
        help="show or set the organisation that statements say took them",
        description="Statements print this name as 'Statement taken by'. It is kept inside the encrypted "
        "vault. With no NAME, shows the name set now.",
    )
    add_vault_options(p)
    add_json_option(p)
    p.add_argument("name", metavar="NAME", nargs="?", help="the organisation's name, e.g. 'Northside Migrant Support'")
    p.add_argument("--clear", action="store_true", help="remove the name (statements then say 'Not recorded')")
    p.set_defaults(handler=cmd_organisation)


def _warn_synced(ctx: Context, path: Path) -> None:
    name = synced_folder_name(path)
    if name:
        ctx.stderr.write(
            f"witnessbox: note: the destination is in a cloud-synced folder ({name!r}); "
            "the statements will be uploaded by that service.\n"
        )


def _say_no_organisation(ctx: Context, note: str) -> None:
    """Once per command, when statements were written that say "Statement taken by: Not recorded" (a
    refused export has nothing to add to its refusal). Never a refusal: a volunteer may have no organisation."""
    if note:
        ctx.stderr.write(
            f"witnessbox: note: {note} To name it, set it with: witnessbox organisation NAME, then export "
            "again with --force.\n"
        )


def _statement_path():  # noqa: ANN202 - the module desktop.services.statements
    """Import the statement path with Ctrl-C held until the import ends. A Ctrl-C that comes while an
    extension module starts (HarfBuzz's, built with Cython) or inside the import system's own
    clean-up is printed as a warning and dropped there, and the export went on to the end as if it
    never came; held, it stops the command as soon as the import is done."""
    from desktop.core.interrupts import interrupts_held

    with interrupts_held():
        from desktop.services import statements
    return statements


def cmd_export_statement(args: argparse.Namespace, ctx: Context) -> int:
    statements = _statement_path()
    from desktop.services.organisation import missing_note
    from desktop.services.vaults import resolve

    out = Path(args.out).expanduser()
    with open_vault(args, ctx) as vault:
        _warn_synced(ctx, out if out.is_dir() else out.parent)
        note = missing_note(vault)  # read as the export reads the name
        result = statements.export_statement(vault, resolve(vault, args.id), out, overwrite=args.force)
    _say_no_organisation(ctx, note)
    if args.json:
        ctx.emit_json(
            {
                "reference": result.reference,
                "path": str(result.path),
                "fingerprint": result.fingerprint,
                "bytes": result.size,
                "gate": result.gate,
            }
        )
    else:
        ctx.say(f"Wrote {result.path} ({result.reference}, fingerprint {result.fingerprint[:16]}).")
        ctx.say(result.gate)
    return 0


def cmd_export_statements(args: argparse.Namespace, ctx: Context) -> int:
    from desktop.services import destinations, pool
    from desktop.services.organisation import missing_note

    out = Path(args.out).expanduser()
    if out.exists() and not out.is_dir():
        raise UserError("--out must be a folder.")
    if not out.exists():
        # Checked before the passphrase is asked for, made only once the vault is open: a wrong
        # passphrase (or any other refusal) left an empty folder behind on the worker's stick.
        destinations.check_folder(out.parent)  # never make a folder inside a vault
    _warn_synced(ctx, out)

    def progress(done: int, total: int) -> None:
        if not args.json and sys.stderr.isatty():
            ctx.stderr.write(f"\r{done} of {total}")
            ctx.stderr.flush()

    with open_vault(args, ctx) as vault:
        ids = vault.interviews.ids()
        if pool.used(len(ids)):
            # The passphrase was right and the workers will be used: their fork server imports the
            # statement path on another core while this process imports it below (the one import
            # of about half a second both need before the first statement). (The same as
            # statements.warm_workers, which needs the import this one goes beside.)
            pool.start_server()
        statements = _statement_path()

        note = missing_note(vault)
        with output_folder(out):
            result = statements.export_statements(vault, ids, out, overwrite=args.force, progress=progress)
    if result.written:
        _say_no_organisation(ctx, note)
    if args.json:
        ctx.emit_json(
            {
                "written": [
                    {"reference": r.reference, "path": str(r.path), "fingerprint": r.fingerprint}
                    for r in result.written
                ],
                "refused": [{"why": why} for _ref, why in result.refused],
            }
        )
    else:
        for r in result.written:
            ctx.say(f"{r.reference}  {r.fingerprint[:16]}  {r.path.name}")
        for _ref, why in result.refused:
            ctx.say(f"not exported: {why}")
        ctx.say(f"{len(result.written)} written, {len(result.refused)} not exported.")
    # Refusals for want of consent are expected; any other is a failure.
    return 1 if result.failures else 0


def cmd_organisation(args: argparse.Namespace, ctx: Context) -> int:
    from desktop.services.organisation import organisation, set_organisation

    if args.clear and args.name is not None:
        raise UserError("Give a NAME or --clear, not both.")
    with open_vault(args, ctx) as vault:
        if args.clear or args.name is not None:
            name = set_organisation(vault, "" if args.clear else args.name)
            said = (
                f"Statements now say they were taken by {name}."
                if name
                else "The organisation is cleared; statements say 'Not recorded' until you set it."
            )
        else:
            name = organisation(vault)
            said = name or "No organisation is set. Set it with: witnessbox organisation NAME"
    if args.json:
        ctx.emit_json({"organisation": name})
    else:
        ctx.say(said)
    return 0
