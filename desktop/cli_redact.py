"""``witnessbox redact``: find what to redact in a batch of texts, without a vault.

Reads JSON Lines on stdin, one ``{"id", "text", "known_names", "known_identifiers"}`` per line
(``known_names``: full names as recorded; ``known_identifiers``: ``[{"kind", "value"}]`` with the
import format's kinds, such as "address", "phone" or "crime_ref"; both optional), and writes JSON
Lines on stdout, one ``{"id", "spans": [{"start", "end", "type"}]}`` per line, offsets in Unicode
code points of ``text``. A span of a recorded identifier has its kind's type ("PHONE"; the pieces of
a recorded address "ADDRESS" and its postcode "POSTCODE"). A coordinator uses it to check a batch
of texts; nothing is stored and nothing from the texts is logged. The lines are spread over every
core (``--jobs``), read as they come and answered in order (:mod:`desktop.services.redact_batch`).
"""

from __future__ import annotations

import argparse

from desktop.cli import Context, UserError


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "redact",
        help="find what to redact in texts (JSON Lines in on stdin, JSON Lines out on stdout)",
        description='Reads one {"id", "text", "known_names", "known_identifiers"} per line on stdin '
        '(known_identifiers: [{"kind", "value"}], kinds as in import) and writes one '
        '{"id", "spans": [{"start", "end", "type"}]} per line on stdout. Offsets are Unicode code '
        "points of text. No vault is needed.",
    )
    p.add_argument(
        "--allow",
        action="append",
        default=[],
        metavar="NAME",
        help="a name that stays, such as a helping organisation (may be repeated)",
    )
    p.add_argument(
        "--jobs",
        type=_jobs,
        default=None,
        metavar="N",
        help="how many processes find spans at once (default: one per core; 1: all in this one). "
        "The output is the same, in the input's order",
    )
    p.set_defaults(handler=_cmd_redact)


def _cmd_redact(args: argparse.Namespace, ctx: Context) -> int:
    from desktop.services import pool
    from desktop.services.redact_batch import LineError, redact_stream

    def emit(lines: list[str]) -> None:
        for line in lines:
            ctx.stdout.write(line)
        ctx.stdout.flush()

    workers = pool.cores() if args.jobs is None else args.jobs
    try:
        redact_stream(ctx.stdin, emit, allow=args.allow, workers=workers)
    except LineError as exc:
        raise UserError(str(exc)) from None
    return 0


def _jobs(value: str) -> int:
    try:
        jobs = int(value)
    except ValueError:
        jobs = 0
    if jobs < 1:
        raise argparse.ArgumentTypeError("must be a whole number, 1 or more")
    return jobs
