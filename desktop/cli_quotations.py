"""``witnessbox quotations``: the quotations PDF, passages marked as quotable, redacted, by theme.

A thin caller of :mod:`desktop.services.quotations`, which the desktop app calls too: the same
consent rule (anonymised quotation), the same redaction and gate, the same checks of where the PDF
may be written.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.cli import Context, UsageError, add_json_option, add_vault_options, open_vault


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "quotations",
        help="the passages marked as quotable, redacted, in one PDF by theme",
        description="Collects every passage marked as quotable in interviews with consent for anonymised "
        "quotation, redacts it as its statement is redacted, attributes it by role, crime and police force only "
        "where enough consented interviews share them, checks the PDF for any trace of a recorded identifier, "
        "and only then writes it.",
    )
    add_vault_options(p)
    add_json_option(p)
    p.add_argument("--out", metavar="FILE.pdf", required=True, help="the PDF to write")
    p.add_argument("--force", action="store_true", help="replace the file if it already exists")
    p.add_argument("--threshold", metavar="N", type=int, default=None,
                   help="attributes shared by fewer than N consented interviews are left out (at least 3; default: "
                   "the vault's own, as set on the Totals screen, or 5)")
    p.set_defaults(handler=cmd_quotations)


def cmd_quotations(args: argparse.Namespace, ctx: Context) -> int:
    from desktop.evidence.protect import MIN_THRESHOLD
    from desktop.services import evidence, quotations

    if args.threshold is not None and args.threshold < MIN_THRESHOLD:
        raise UsageError(f"--threshold must be {MIN_THRESHOLD} or more")
    with open_vault(args, ctx) as vault:
        threshold = args.threshold or evidence.threshold(vault)
        result = quotations.write_pdf(vault, Path(args.out), threshold=threshold, overwrite=args.force)
    if args.json:
        ctx.emit_json({"path": str(result.path), "quotations": result.quotations, "interviews": result.interviews,
                       "left_out": result.left_out, "bytes": result.size, "gate": result.gate})
        return 0
    ctx.say(f"Wrote {result.path}: {result.quotations} quotations from {result.interviews} interviews.")
    for why in result.left_out:
        ctx.say(f"left out: {why}")
    ctx.say(result.gate)
    return 0
