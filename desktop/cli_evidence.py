"""``witnessbox report``: the evidence totals, protected against re-identification.

A thin caller of :mod:`desktop.services.evidence`, which the dashboard will call too: the same
consent rule, the same suppression, the same checks of where the CSV may be written.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.cli import Context, UsageError, add_json_option, add_vault_options, open_vault


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "report",
        help="the totals of interviews consented for the complaint, with small counts hidden",
        description="Counts the interviews with consent for use in the complaint by police force, crime, year, "
        "role, the questions about status and what happened next. Every count below the threshold shows as "
        "'fewer than N', and figures that could give one away are not shown.",
    )
    add_vault_options(p)
    add_json_option(p)
    p.add_argument("--out", metavar="FILE.pdf", help="also write the summary PDF (tables, charts, method and the "
                   "statements behind the figures) to this file")
    p.add_argument("--csv", metavar="FILE.csv", help="also write the tables to this CSV file")
    p.add_argument("--force", action="store_true", help="replace the PDF or CSV file if it already exists")
    p.add_argument("--threshold", metavar="N", type=int, default=None,
                   help="counts below N are hidden (at least 3; default: the vault's own, as set on the Totals "
                   "screen, or 5)")
    p.add_argument("--crime", metavar="CODE", help="only this crime (e.g. domestic_abuse)")
    p.add_argument("--police-force", metavar="CODE", help="only this police force (see 'witnessbox forces')")
    p.add_argument("--year", metavar="YYYY", help="only reports made in this year")
    p.set_defaults(handler=cmd_report)

    p = subparsers.add_parser(
        "evidence-pack",
        help="write the evidence pack (summary, tables, every consented statement), signed, into a new folder",
        description="Writes into a new folder the summary PDF, the tables as CSV, every redacted statement consented "
        "for the complaint, SHA256SUMS and its signature by this vault's key, and a README saying how to check it. "
        "The pack is complete or not there at all.",
    )
    add_vault_options(p)
    add_json_option(p)
    p.add_argument("--out", metavar="DIR", required=True, help="the new folder to make (it must not exist yet)")
    p.add_argument("--threshold", metavar="N", type=int, default=None,
                   help="counts below N are hidden (at least 3; default: the vault's own, as set on the Totals "
                   "screen, or 5)")
    p.set_defaults(handler=cmd_evidence_pack)

    p = subparsers.add_parser(
        "verify-pack",
        help="check an evidence pack's files and signature (no vault needed)",
        description="Checks every file of an evidence pack against its SHA256SUMS and the signature on it, and names "
        "any file added, missing or changed. Exit code 0 when the pack is intact, 1 when it is not.",
    )
    add_json_option(p)
    p.add_argument("folder", metavar="DIR", help="the evidence pack's folder")
    p.add_argument("--fingerprint", metavar="FP",
                   help="the signing key's fingerprint as the coordinator gave it to you (e.g. 'K7QF 2MXD JA3B 4TZP')")
    p.set_defaults(handler=cmd_verify_pack)


def cmd_report(args: argparse.Namespace, ctx: Context) -> int:
    from desktop.services import destinations, evidence

    if args.threshold is not None and args.threshold < evidence.MIN_THRESHOLD:
        raise UsageError(f"--threshold must be {evidence.MIN_THRESHOLD} or more")
    flt = evidence.Filter(force=args.police_force, crime=args.crime, year=args.year)
    csv_path = Path(args.csv).expanduser() if args.csv else None
    pdf_path = Path(args.out).expanduser() if args.out else None
    for path in (pdf_path, csv_path):  # both places checked before either file is made
        if path is not None:
            destinations.check_file(path, overwrite=args.force)
    with open_vault(args, ctx) as vault:
        release = evidence.summarise(vault, threshold=args.threshold or evidence.threshold(vault))
        view = evidence.summary(release, flt)
        pdf = (evidence.write_summary(vault, view, pdf_path, overwrite=args.force,
                                      statements=evidence.backing_statements(vault, flt)) if pdf_path else None)
    written = evidence.write_csv(view, csv_path, overwrite=args.force) if csv_path else None
    if args.json:
        data = evidence.as_json(view)
        if written:
            data["csv"] = str(written)
        if pdf:
            data["pdf"] = str(pdf)
        ctx.emit_json(data)
        return 0
    n = view.threshold
    ctx.say(f"Interviews counted: {view.total.text(n)}")
    for table in view.tables:
        ctx.say("")
        ctx.say(table.title)
        for row in table.rows:
            pct = f"  ({row.percent:.1f}%)" if row.percent is not None else ""
            ctx.say(f"  {row.label}: {row.text(n)}{pct}")
        if table.note:
            ctx.say(f"  ({table.note})")
    for title in view.unavailable:
        ctx.say(f"Not shown with a filter: {title}.")
    ctx.say("")
    ctx.say(view.method)
    for path in (pdf, written):
        if path:
            ctx.say(f"Wrote {path}.")
    return 0


def cmd_evidence_pack(args: argparse.Namespace, ctx: Context) -> int:
    import sys

    from desktop.services import evidence, evidence_pack

    if args.threshold is not None and args.threshold < evidence.MIN_THRESHOLD:
        raise UsageError(f"--threshold must be {evidence.MIN_THRESHOLD} or more")

    def progress(done: int, total: int) -> None:
        if not args.json and sys.stderr.isatty():
            ctx.stderr.write(f"\r{done} of {total} statements")
            ctx.stderr.flush()

    with open_vault(args, ctx) as vault:
        result = evidence_pack.build(vault, Path(args.out), threshold=args.threshold or evidence.threshold(vault),
                                     progress=progress)
    if args.json:
        ctx.emit_json({"folder": str(result.folder) if result.folder else None, "statements": result.statements,
                       "files": result.files, "fingerprint": result.fingerprint,
                       "refused": [{"reference": ref, "why": why} for ref, why in result.refused]})
    else:
        for line in result.lines():
            ctx.say(line)
    return 0 if result.folder is not None else 1


def cmd_verify_pack(args: argparse.Namespace, ctx: Context) -> int:
    from desktop.services import pack_verify

    check = pack_verify.verify_pack(Path(args.folder), expected_fingerprint=args.fingerprint)
    if args.json:
        ctx.emit_json({"ok": check.ok, "files": check.files, "signature_valid": check.signature_ok,
                       "fingerprint": check.fingerprint, "fingerprint_matches": check.expected_fingerprint,
                       "missing": check.missing, "added": check.added, "changed": check.changed,
                       "problems": check.problems})
    else:
        for line in check.lines():
            ctx.say(line)
    return 0 if check.ok else 1
