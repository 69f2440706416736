"""USB transfer commands: keys, enrol, name-laptop, recover-vault, export-bundle, verify-bundle, import-bundle,
import-receipt, purge-delivered. Each reads its arguments and calls :mod:`desktop.services.transfer`
(or :mod:`desktop.services.retention`); the rules live there.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.cli import (
    Context,
    UserError,
    add_json_option,
    add_vault_options,
    open_vault,
    read_passphrase,
    read_small_file,
)

if TYPE_CHECKING:
    from desktop.services import transfer

# desktop.services.transfer (age, the device keys, the bundle format) is imported by the commands
# that use it: every command builds this parser, and 'export-statement' should not pay for pyrage.

MAX_ENROLMENT_FILE = 4096
MAX_RECEIPT_FILE = 64 * 1024  # desktop.transfer.receipt.MAX_RECEIPT: a refused bundle's receipt names interviews


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("keys", help="show this vault's fingerprint; export its enrolment file or back up its keys")
    add_vault_options(p)
    add_json_option(p)
    p.add_argument("--export", metavar="FILE", help="write this vault's public keys (the enrolment file) to FILE")
    p.add_argument(
        "--backup",
        metavar="FILE",
        help="coordinator: write its private keys to FILE, encrypted under a separate recovery passphrase",
    )
    p.add_argument(
        "--recovery-passphrase-file",
        metavar="FILE",
        help="read the key backup's recovery passphrase from the first line of FILE",
    )
    p.add_argument("--force", action="store_true", help="replace FILE if it exists")
    p.set_defaults(handler=cmd_keys)

    p = sub.add_parser("enrol", help="pin another device's keys, after comparing fingerprints in person")
    add_vault_options(p)
    p.add_argument("file", metavar="FILE", help="the other device's enrolment file ('witnessbox keys --export')")
    p.add_argument(
        "--fingerprint",
        metavar="FP",
        required=True,
        help="the fingerprint shown on the other device's screen, as read off it",
    )
    p.add_argument(
        "--allow-recovery",
        action="store_true",
        help="field vault: let this coordinator open the vault if its passphrase is forgotten",
    )
    p.add_argument(
        "--name",
        metavar="NAME",
        default="",
        help="coordinator: your own name for the laptop ('Leeds office'), kept in this vault only;"
        " '-' reads it from the standard input (a prompt at a terminal), so it is not shown in the process list",
    )
    p.set_defaults(handler=cmd_enrol)

    p = sub.add_parser("name-laptop", help="coordinator: give an enrolled laptop your own name, or take it away")
    add_vault_options(p)
    p.add_argument("fingerprint", metavar="FP", help="the laptop's fingerprint, at least its first two groups")
    p.add_argument(
        "name",
        metavar="NAME",
        help="the name ('Outreach laptop 3'); '' takes it away; '-' reads it from the standard input"
        " (a prompt at a terminal), so it is not shown in the process list",
    )
    p.set_defaults(handler=cmd_name_laptop)

    p = sub.add_parser("recover-vault", help="coordinator: open a field vault whose passphrase was forgotten")
    add_vault_options(p)
    p.add_argument("field_vault", metavar="DIR", help="the field vault's folder")
    p.add_argument("--new-passphrase-file", metavar="FILE", help="read its new passphrase from the first line of FILE")
    p.set_defaults(handler=cmd_recover_vault)

    p = sub.add_parser("export-bundle", help="field vault: write everything not yet delivered to a stick folder")
    add_vault_options(p)
    add_json_option(p)
    p.add_argument("--out", metavar="DIR", required=True, help="the stick's folder")
    p.add_argument(
        "--send-held-back",
        action="store_true",
        help="also send, unchanged, the interviews the coordinator could not accept (after an update)",
    )
    p.set_defaults(handler=cmd_export_bundle)

    p = sub.add_parser("verify-bundle", help="coordinator: check whether a bundle would import (nothing changes)")
    add_vault_options(p)
    add_json_option(p)
    p.add_argument("file", metavar="FILE", help="the bundle file (WBB1-....age)")
    p.set_defaults(handler=cmd_verify_bundle)

    p = sub.add_parser("import-bundle", help="coordinator: import a bundle, or every bundle in a stick folder")
    add_vault_options(p)
    add_json_option(p)
    p.add_argument("source", metavar="FILE|DIR", help="a bundle file or the stick's folder")
    p.add_argument("--no-receipts", action="store_true", help="do not write receipts onto the stick")
    p.set_defaults(handler=cmd_import_bundle)

    p = sub.add_parser("import-receipt", help="field vault: mark what the coordinator received as delivered")
    add_vault_options(p)
    add_json_option(p)
    p.add_argument("file", metavar="FILE", help="the receipt file (WBR1-....json)")
    p.set_defaults(handler=cmd_import_receipt)

    p = sub.add_parser(
        "purge-delivered",
        help="field vault: remove interviews delivered more than the retention period ago (lists them unless --yes)",
    )
    add_vault_options(p)
    add_json_option(p)
    p.add_argument(
        "--older-than",
        metavar="DAYS",
        type=int,
        help="delivered more than DAYS days ago (default: the vault's retention period, 30 days)",
    )
    p.add_argument("--yes", action="store_true", help="remove them; without it nothing changes")
    p.set_defaults(handler=cmd_purge_delivered)


def cmd_keys(args: argparse.Namespace, ctx: Context) -> int:
    from desktop.services import transfer

    with open_vault(args, ctx) as vault:
        pub = transfer.public_keys(vault)
        exported = transfer.export_enrolment(vault, Path(args.export), overwrite=args.force) if args.export else None
        backup = None
        if args.backup:
            recovery = read_passphrase(
                args.recovery_passphrase_file, prompt="Recovery passphrase for the key backup: ", confirm=True
            )
            backup = transfer.write_key_backup(vault, Path(args.backup), recovery, overwrite=args.force)
    if args.json:
        ctx.emit_json(
            {
                "fingerprint": pub.fingerprint,
                "role": pub.role,
                "device_id": pub.device_id,
                "exported": str(exported) if exported else None,
                "backup": str(backup) if backup else None,
            }
        )
        return 0
    ctx.say(f"This is a {pub.role} vault. Its fingerprint: {pub.fingerprint}")
    ctx.say("Read it aloud to the other person, in person, when they enrol this device.")
    if exported:
        ctx.say(f"Enrolment file written to {exported}.")
    if backup:
        ctx.say(f"Key backup written to {backup}. Keep it, and its recovery passphrase, apart from this computer.")
    return 0


def cmd_enrol(args: argparse.Namespace, ctx: Context) -> int:
    from desktop.services import transfer
    from desktop.services.transfer_screens import device_labels

    data = read_small_file(
        Path(args.file),
        limit=MAX_ENROLMENT_FILE,
        what="The enrolment file",
        too_large="This is not a Witnessbox enrolment file (it is too large).",
    )
    with open_vault(args, ctx) as vault:
        name = _laptop_name(args.name, ctx, renaming=False)
        other = transfer.enrol(vault, data, args.fingerprint, allow_recovery=args.allow_recovery, name=name)
        label = device_labels(vault).get(other.device_id, "")
    ctx.say(f"Enrolled the {other.role} device with fingerprint {other.fingerprint}.")
    if other.role == "field":
        ctx.say(f"Its interviews will show as from {label}.")
    if args.allow_recovery:
        ctx.say("This coordinator can now open this vault if its passphrase is forgotten.")
    return 0


# A name is one line; a longer first line than this is no laptop's name (the service refuses
# anything over 40 characters with its own message, so this only bounds what is read).
_MAX_NAME_LINE = 4096


def _laptop_name(given: str, ctx: Context, *, renaming: bool = True) -> str:
    """The laptop's name as given, or, for ``-``, the first line of the standard input: a name
    typed at a prompt (or piped in) is not shown to other users in the process list, as an
    argument is. Asked for after the passphrase, so the prompts come in the order they are used."""
    if given != "-":
        return given
    if ctx.stdin.isatty():
        ctx.stderr.write(
            "The laptop's name in your list (empty takes it away): "
            if renaming
            else "The laptop's name in your list (empty for none): "
        )
        ctx.stderr.flush()
    line = ctx.stdin.readline(_MAX_NAME_LINE)
    if not line:  # the input ended before a line: no answer (an empty line is one, and takes the name away)
        raise UserError(
            "The standard input ended before a name was given, so no name was read and nothing changed."
            " Type the name on a line of its own (an empty line takes the name away)."
        )
    return line.rstrip("\r\n")


def cmd_name_laptop(args: argparse.Namespace, ctx: Context) -> int:
    from desktop.services import transfer
    from desktop.services.transfer_screens import device_labels

    with open_vault(args, ctx) as vault:
        device = transfer.enrolled_by_fingerprint(vault, args.fingerprint)
        name = transfer.name_device(vault, device, _laptop_name(args.name, ctx))
        label = device_labels(vault)[device]
    ctx.say(f"It is now {label}; the name stays in this vault." if name else f"Its name was taken away: {label}.")
    return 0


def cmd_recover_vault(args: argparse.Namespace, ctx: Context) -> int:
    from desktop.services import transfer

    with open_vault(args, ctx) as vault:
        new = read_passphrase(args.new_passphrase_file, prompt="New passphrase for the field vault: ", confirm=True)
        transfer.recover_vault(vault, ctx.vault_dir(argparse.Namespace(vault=args.field_vault)), new)
    ctx.say("The field vault opens with its new passphrase now. Give it back to its worker in person.")
    return 0


def cmd_export_bundle(args: argparse.Namespace, ctx: Context) -> int:
    from desktop.services import transfer

    with open_vault(args, ctx) as vault:
        result = transfer.export_bundle(vault, Path(args.out), send_held_back=args.send_held_back)
        held = len(vault.transfer.held_back()) if result is None else result.held_back
    if args.json:
        ctx.emit_json(
            None
            if result is None
            else {
                "path": str(result.path),
                "bundle_id": result.bundle_id,
                "seq": result.seq,
                "interviews": result.interviews,
                "deletions": result.deletions,
                "size": result.size,
                "sent_again": result.resent,
                "deletions_sent_again": result.resent_deletions,
                "note": result.note,
                "held_back": result.held_back,
            }
        )
        return 0
    if result is None:
        ctx.say(
            "Nothing to send: everything here has been sent already."
            if not held
            else f"Nothing to send: everything here has been sent already, except {held} interview"
            f"{'s' if held != 1 else ''} the coordinator could not accept, held back until changed "
            "(--send-held-back sends them anyway, once Witnessbox is updated on the older laptop)."
        )
        return 0
    from desktop.services.transfer_export import size_words

    ctx.say(
        f"Wrote {result.path.name} ({size_words(result.size)}) to the stick ({result.interviews} interview"
        f"{'s' if result.interviews != 1 else ''}, {result.deletions} deletion"
        f"{'s' if result.deletions != 1 else ''}). They are sent, awaiting the coordinator's receipt."
    )
    if result.note:
        ctx.say(result.note)
    return 0


def _outcome_json(o: transfer.BundleOutcome, labels: dict[str, str]) -> dict:
    """One bundle's outcome for ``--json``; ``laptop`` is how the lines name it ("Leeds office (Laptop
    K7QF 2MXD)"), or null for a laptop not enrolled here or a bundle that could not be read."""
    return {
        "file": o.file,
        "laptop": labels.get(o.device_id or ""),
        "status": o.status,
        "reason": o.reason,
        "alert": o.alert,
        "device_id": o.device_id,
        "seq": o.seq,
        "sent_utc": o.sent_utc,
        "interviews": o.interviews,
        "deletions": o.deletions,
        "withdrawals": o.withdrawals,
        "receipt": o.receipt,
        "no_receipt": o.no_receipt,
        "receipt_there": o.receipt_there,
        "note": o.note,
    }


def _lead(o: transfer.BundleOutcome, labels: dict[str, str]) -> str:
    """What a line about a bundle leads with, as in the import window: which laptop, and when it was sent."""
    from desktop.services.transfer_screens import sent_text
    from desktop.transfer import errors as bundle_errors

    if o.device_id in labels:
        who = labels[o.device_id]
    elif o.reason == bundle_errors.NOT_ENROLLED:
        who = "A laptop not enrolled here"
    elif o.reason in (bundle_errors.CHANGED, bundle_errors.NOT_A_BUNDLE):
        who = "A laptop that cannot be told from the damaged file"
    else:
        who = "An unknown laptop"
    return f"{who}, sent {sent_text(o.sent_utc)}" if o.sent_utc else who


def _say_outcome(ctx: Context, o: transfer.BundleOutcome, labels: dict[str, str]) -> None:
    lead = _lead(o, labels)
    if o.status == "refused":  # the file's name too, to find it on the stick
        ctx.say(f"{lead}: refused. {o.reason} (File {o.file}.)")
    elif o.status == "already there":
        ctx.say(f"{lead}: already imported; nothing changed. (File {o.file}.)")
    else:
        ctx.say(
            f"{lead}: imported, {o.interviews} interview{'s' if o.interviews != 1 else ''} new or changed, "
            f"{o.deletions} deleted, {o.withdrawals} consent withdrawal{'s' if o.withdrawals != 1 else ''}. "
            f"(File {o.file}.)"
        )
    if o.note:
        ctx.say(f"{lead}: {o.note}")


def cmd_verify_bundle(args: argparse.Namespace, ctx: Context) -> int:
    from desktop.services import transfer
    from desktop.services.transfer_screens import device_labels

    with open_vault(args, ctx) as vault:
        outcome = transfer.verify_bundle(vault, Path(args.file))
        labels = device_labels(vault)
    if args.json:
        ctx.emit_json(_outcome_json(outcome, labels))
    elif outcome.status == "refused":
        ctx.say(f"It would be refused. {outcome.reason}")
    elif outcome.status == "already there":
        ctx.say("It was imported already; importing it again changes nothing.")
    else:
        ctx.say("It would import. Nothing was changed.")
        if outcome.note:
            ctx.say(outcome.note)
    return 1 if outcome.status == "refused" else 0


def cmd_import_bundle(args: argparse.Namespace, ctx: Context) -> int:
    from desktop.services import transfer
    from desktop.services.transfer_screens import device_labels

    with open_vault(args, ctx) as vault:
        report = transfer.import_bundles(vault, Path(args.source), receipts=not args.no_receipts)
        fingerprints = {d: k.fingerprint for d, k in transfer.pinned(vault, "field").items()}
        labels = device_labels(vault)  # read after the import: a restored laptop is enrolled by its hand-over
    if args.json:
        ctx.emit_json(
            {
                "bundles": [_outcome_json(o, labels) for o in report.bundles],
                "gaps": {fingerprints.get(d, d): seqs for d, seqs in report.gaps.items()},
                "imported": report.count("imported"),
                "already_there": report.count("already there"),
                "refused": report.count("refused"),
            }
        )
    else:
        # As in the import window: refusals first, then each laptop's bundles in the order they were sent.
        for o in sorted(
            report.bundles,
            key=lambda o: (o.status != "refused", labels.get(o.device_id or "", "~"), o.seq or 0, o.sent_utc or ""),
        ):
            _say_outcome(ctx, o, labels)
        ctx.say(
            f"Arrived: {report.count('imported')}; already there: {report.count('already there')}; "
            f"refused: {report.count('refused')}."
        )
        for device, seqs in report.gaps.items():
            ctx.say(
                f"Still missing from {labels.get(device) or fingerprints.get(device, device)}: bundle"
                f"{'s' if len(seqs) != 1 else ''} number {', '.join(map(str, seqs))}."
            )
        if any(o.receipt and not o.receipt_there for o in report.bundles):
            ctx.say("Receipts were written onto the stick: give it back to the worker.")
        elif any(o.receipt for o in report.bundles):  # imported again: the receipts written then are still there
            ctx.say("Their receipts are on the stick already: give it back to the worker.")
        if note := report.receipt_note():
            ctx.say(note)
    return 1 if report.count("refused") else 0


def cmd_import_receipt(args: argparse.Namespace, ctx: Context) -> int:
    from desktop.services import transfer

    data = read_small_file(
        Path(args.file),
        limit=MAX_RECEIPT_FILE,
        what="The receipt file",
        too_large="This is not a Witnessbox receipt (it is too large).",
    )
    with open_vault(args, ctx) as vault:
        try:
            marked = transfer.import_receipt(vault, data)
        except transfer.HeldBack as held:  # applied: the coordinator refused that bundle for some interviews
            if args.json:
                ctx.emit_json(
                    {"delivered": 0, "held_back": held.references, "sent_again": held.again, "note": str(held)}
                )
            else:
                ctx.say(str(held))
            return 1
    if args.json:
        ctx.emit_json({"delivered": marked})
    else:
        ctx.say(f"Marked {marked} interview{'s' if marked != 1 else ''} as delivered to the coordinator.")
    return 0


def cmd_purge_delivered(args: argparse.Namespace, ctx: Context) -> int:
    from desktop.services import retention

    with open_vault(args, ctx) as vault:
        due = retention.due_for_removal(vault, args.older_than)
        removed = retention.remove_due(vault, due.days) if args.yes and due.ids else 0
    if args.json:
        ctx.emit_json(
            {
                "days": due.days,
                "due": due.ids,
                "removed": removed,
                "changed": due.changed,
                "waiting": due.waiting,
                "dry_run": not args.yes,
            }
        )
        return 0
    n = len(due.ids)
    if args.yes:
        ctx.say(
            f"Removed {removed} delivered interview{'s' if removed != 1 else ''} from this vault; "
            "the coordinator keeps them."
        )
    elif n:
        ctx.say(f"{n} interview{'s' if n != 1 else ''} delivered more than {due.days} days ago would be removed:")
        for interview_id in due.ids:
            ctx.say(f"  {interview_id}")
        ctx.say("Nothing was removed. Run again with --yes to remove them.")
    else:
        ctx.say(f"Nothing to remove: no interview was delivered more than {due.days} days ago.")
    if due.changed:
        ctx.say(
            f"{due.changed} delivered interview{'s were' if due.changed != 1 else ' was'} changed since "
            "sent and stay until they are sent again."
        )
    return 0
