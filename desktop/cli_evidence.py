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
    p.add_argument("--csv", metavar="FILE.csv", help="also write the tables to this CSV file")
    p.add_argument("--force", action="store_true", help="replace the CSV file if it already exists")
    p.add_argument("--threshold", metavar="N", type=int, default=5,
                   help="counts below N are hidden (default 5, at least 3)")
    p.add_argument("--crime", metavar="CODE", help="only this crime (e.g. domestic_abuse)")
    p.add_argument("--police-force", metavar="CODE", help="only this police force (see 'witnessbox forces')")
    p.add_argument("--year", metavar="YYYY", help="only reports made in this year")
    p.set_defaults(handler=cmd_report)


def cmd_report(args: argparse.Namespace, ctx: Context) -> int:
    from desktop.services import evidence

    if args.threshold < evidence.MIN_THRESHOLD:
        raise UsageError(f"--threshold must be {evidence.MIN_THRESHOLD} or more")
    flt = evidence.Filter(force=args.police_force, crime=args.crime, year=args.year)
    csv_path = Path(args.csv).expanduser() if args.csv else None
    with open_vault(args, ctx) as vault:
        release = evidence.summarise(vault, threshold=args.threshold)
    view = evidence.summary(release, flt)
    written = evidence.write_csv(view, csv_path, overwrite=args.force) if csv_path else None
    if args.json:
        data = evidence.as_json(view)
        if written:
            data["csv"] = str(written)
        ctx.emit_json(data)
        return 0
    n = view.threshold
    ctx.say(f"Interviews counted: {view.total.text(n)}")
    for table in view.tables:
        ctx.say("")
        ctx.say(table.title)
        for row in table.rows:
            pct = f"  ({row.percent:g}%)" if row.percent is not None else ""
            ctx.say(f"  {row.label}: {row.text(n)}{pct}")
        if table.note:
            ctx.say(f"  ({table.note})")
    for title in view.unavailable:
        ctx.say(f"Not shown with a filter: {title}.")
    ctx.say("")
    ctx.say(view.method)
    if written:
        ctx.say(f"Wrote {written}.")
    return 0
