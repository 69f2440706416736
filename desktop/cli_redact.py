"""``witnessbox redact``: find what to redact in a batch of texts, without a vault.

Reads JSON Lines on stdin, one ``{"id", "text", "known_names", "known_identifiers"}`` per line
(``known_names``: full names as recorded; ``known_identifiers``: ``[{"kind", "value"}]`` with the
import format's kinds, such as "address", "phone" or "crime_ref"; both optional), and writes JSON
Lines on stdout, one ``{"id", "spans": [{"start", "end", "type"}]}`` per line, offsets in Unicode
code points of ``text``. A span of a recorded identifier has its kind's type ("PHONE"; the pieces of
a recorded address "ADDRESS" and its postcode "POSTCODE"). A coordinator uses it to check a batch
of texts; nothing is stored and nothing from the texts is logged.
"""

from __future__ import annotations

import argparse
import json

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
    p.set_defaults(handler=_cmd_redact)


def _cmd_redact(args: argparse.Namespace, ctx: Context) -> int:
    from desktop.redaction import KnownIdentifiers, detect

    for lineno, line in enumerate(ctx.stdin, 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError:
            raise UserError(f"line {lineno} is not valid JSON") from None
        if not isinstance(item, dict):
            raise UserError(f"line {lineno} is not a JSON object")
        text = item.get("text")
        if not isinstance(text, str):
            raise UserError(f"line {lineno} needs 'text' as a string")
        names = item.get("known_names", [])
        if names is None:
            names = []
        if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
            raise UserError(f"line {lineno}: 'known_names' must be a list of strings")
        if "id" not in item:
            raise UserError(f"line {lineno} needs an 'id'")
        known = KnownIdentifiers(people=[(n, []) for n in names if n.strip()],
                                 identifiers=_identifiers(item.get("known_identifiers"), lineno))
        spans = detect(text, known, allow=args.allow)
        out = {"id": item["id"], "spans": [{"start": s.start, "end": s.end, "type": s.type} for s in spans]}
        ctx.stdout.write(json.dumps(out, ensure_ascii=False) + "\n")
        ctx.stdout.flush()
    return 0


def _identifiers(value: object, lineno: int) -> list[tuple[str, str]]:
    """``known_identifiers`` of one line as ``(kind, value)``; a user error (without the values) if malformed."""
    from desktop.core.model import IdentifierKind

    if value is None:
        return []
    kinds = [k.value for k in IdentifierKind]
    if not isinstance(value, list) or not all(
        isinstance(x, dict) and isinstance(x.get("kind"), str) and isinstance(x.get("value"), str) for x in value
    ):
        raise UserError(f'line {lineno}: \'known_identifiers\' must be a list of {{"kind": ..., "value": ...}} '
                        "with both as strings")
    for x in value:
        if x["kind"] not in kinds:
            raise UserError(f"line {lineno}: an identifier's 'kind' must be one of {', '.join(kinds)}")
    return [(x["kind"], x["value"]) for x in value if x["value"].strip()]
