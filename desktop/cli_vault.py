"""Vault commands: init, passwd, add, list, show, search, check, delete, backup (to a stick), restore-copy.

They call the same :class:`desktop.vault.Vault` the desktop app uses. Messages name what went
wrong and what to do, never interview content; ``show`` and ``search`` print content only to
standard output, where the person asked for it.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.cli import (
    Context,
    UserError,
    add_json_option,
    add_vault_options,
    open_vault,
    printable,
    read_passphrase,
    read_small_file,
)
from desktop.core.forces import FORCES, force_by_code
from desktop.core.model import CRIME_LABELS, NOT_CHOSEN, Interview
from desktop.services import vaults
from desktop.vault import InterviewSummary, Vault

# The import format (with the attachments' image checks), the transfer keys made at 'init' and
# deletion are imported by the commands that use them: every command builds this parser.

MAX_IMPORT_BYTES = 200 * 1024 * 1024
MAX_KEY_BACKUP = 16 * 1024


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("init", help="create a new encrypted vault")
    add_vault_options(p)
    p.add_argument("--role", choices=("field", "coordinator"), default=None,
                   help="field (a worker's laptop, the default) or coordinator (gathers the workers' bundles)")
    p.add_argument("--restore-keys", metavar="FILE",
                   help="coordinator: take the keys from a key backup ('witnessbox keys --backup'), so this "
                   "vault reads every bundle made for the old one")
    p.add_argument("--recovery-passphrase-file", metavar="FILE",
                   help="read the key backup's recovery passphrase from the first line of FILE")
    p.set_defaults(handler=cmd_init)

    p = sub.add_parser("passwd", help="change the vault's passphrase")
    add_vault_options(p)
    p.add_argument("--new-passphrase-file", metavar="FILE", help="read the new passphrase from the first line of FILE")
    p.set_defaults(handler=cmd_passwd)

    p = sub.add_parser("add", help="add interviews from a JSON Lines file (all or nothing)")
    add_vault_options(p)
    add_json_option(p)
    p.add_argument("--from", dest="source", metavar="FILE", required=True,
                   help="one interview per line; see docs/import-format.md")
    p.set_defaults(handler=cmd_add)

    p = sub.add_parser("list", help="list the interviews (no statement text)")
    add_vault_options(p)
    add_json_option(p)
    p.set_defaults(handler=cmd_list)

    p = sub.add_parser("show", help="show one interview in full")
    add_vault_options(p)
    add_json_option(p)
    p.add_argument("id", metavar="ID", help="the interview's id or its reference (WB-XXXX-XXXX)")
    p.add_argument("--history", action="store_true",
                   help="also list its earlier saved versions and which laptop each came from")
    p.set_defaults(handler=cmd_show)

    p = sub.add_parser(
        "search", help="find interviews by words in them (any text is fine)",
        description="Find the interviews that hold every word given, whole. Any text is fine: quotes, "
        "AND, OR and NOT are just words. End a word with * to find every word that starts with it.",
    )
    add_vault_options(p)
    add_json_option(p)
    p.add_argument("query", metavar="QUERY", nargs="+", help="words to look for (end a word with * for its start)")
    p.set_defaults(handler=cmd_search)

    p = sub.add_parser("restore-backup", help="put a verified backup back in place of a damaged vault")
    add_vault_options(p)
    p.add_argument("backup", metavar="NAME", nargs="?", help="the backup folder's name (default: the newest)")
    p.add_argument("--force", action="store_true",
                   help="restore even though the vault opens normally (every change since the backup is undone)")
    p.set_defaults(handler=cmd_restore_backup)

    p = sub.add_parser("backup", help="write a verified, encrypted copy of the vault into a folder (a USB stick)")
    add_vault_options(p)
    p.add_argument("--to", dest="folder", metavar="FOLDER", required=True,
                   help="the folder to write the copy into (not one a cloud service synchronises)")
    p.add_argument("--keep-older", action="store_true",
                   help="keep the older copies of this vault in FOLDER (by default they are deleted once the new "
                        "copy reads back, with the interviews deleted since they were made)")
    p.set_defaults(handler=cmd_backup)

    p = sub.add_parser("restore-copy", help="make a new vault (--vault DIR) from a backup copy on a stick")
    add_vault_options(p)
    p.add_argument("copy", metavar="FOLDER",
                   help="the backup copy (Witnessbox-backup-...), or the folder holding it (the newest is used)")
    p.set_defaults(handler=cmd_restore_copy)

    p = sub.add_parser("check", help="check every page of the vault for damage (exit 0: none found; 1: damaged)")
    add_vault_options(p)
    p.set_defaults(handler=cmd_check)

    p = sub.add_parser("forces", help="list the police force codes used in imports")
    add_json_option(p)
    p.set_defaults(handler=cmd_forces)

    p = sub.add_parser("delete", help="delete an interview so that nothing of it is left")
    add_vault_options(p)
    p.add_argument("id", metavar="ID", help="the interview's id or its reference")
    p.set_defaults(handler=cmd_delete)


# --- helpers ------------------------------------------------------------------------------------


def _summary_json(s: InterviewSummary) -> dict:
    return {
        "id": s.id,
        "reference": s.reference,
        "interviewed_on": s.interviewed_on.isoformat(),
        "role": s.role.value,
        "crime_type": s.crime_type.value if s.crime_type is not None else None,
        "force": s.force,
        "status": s.status.value,
        "consent_complaint": s.consent_complaint,
        "people_count": s.people_count,
        "updated_at": s.updated_at.isoformat(),
    }


def _force_name(code: str) -> str:
    try:
        return force_by_code(code).name
    except ValueError:
        return code


def _report_summaries(args: argparse.Namespace, ctx: Context, rows: list[InterviewSummary]) -> None:
    """The rows as JSON with ``--json``, else one line each (what ``list`` and ``search`` print)."""
    if args.json:
        ctx.emit_json([_summary_json(s) for s in rows])
        return
    if not rows:
        ctx.say("No interviews.")
        return
    for s in rows:
        consent = "consent" if s.consent_complaint else "no consent"
        crime = CRIME_LABELS.get(s.crime_type, NOT_CHOSEN) if s.crime_type is not None else NOT_CHOSEN
        ctx.say(printable(  # one line per interview, whatever an older import stored
            f"{s.reference}  {s.interviewed_on.isoformat()}  {s.role.value:<7}  "
            f"{crime:<28}  {_force_name(s.force):<36}  {consent:<10}  {s.status.value:<8}  {s.id}"
        ))


def _all_summaries(vault: Vault) -> list[InterviewSummary]:
    out: list[InterviewSummary] = []
    while True:
        page = vault.interviews.list_summaries(offset=len(out), limit=500, sort="interviewed_on", descending=False)
        out.extend(page)
        if len(page) < 500:
            return out


def _warn_if_weak(ctx: Context, passphrase: str) -> None:
    warning = vaults.passphrase_warning(passphrase)
    if warning:
        ctx.stderr.write(f"witnessbox: warning: {warning}\n")


# --- commands -----------------------------------------------------------------------------------


def cmd_init(args: argparse.Namespace, ctx: Context) -> int:
    from desktop.services import transfer

    directory = ctx.vault_dir(args)
    if Vault.exists(directory):
        raise UserError(f"A vault already exists in {directory}.")
    role = args.role or ("coordinator" if args.restore_keys else "field")
    backup = None
    if args.restore_keys:
        if role != "coordinator":
            raise UserError("Only a coordinator's keys are restored from a backup; use --role coordinator.")
        backup = read_small_file(Path(args.restore_keys), limit=MAX_KEY_BACKUP, what="The key backup",
                                 too_large="This is not a Witnessbox key backup (it is too large).")
    passphrase = ctx.passphrase(args, prompt="New passphrase: ", confirm=True)
    recovery = (read_passphrase(args.recovery_passphrase_file, prompt="The key backup's recovery passphrase: ")
                if backup is not None else None)
    transfer.create_vault(directory, passphrase, role, key_backup=backup, recovery_passphrase=recovery).lock()
    _warn_if_weak(ctx, passphrase)
    ctx.say(f"Created an encrypted {role} vault in {directory}.")
    if backup is not None:
        ctx.say("It holds the coordinator's keys from the backup: it can import every bundle made for them.")
    ctx.say("Keep the passphrase safe: without it (or the organisation's recovery key) nobody can open the vault.")
    return 0


def cmd_passwd(args: argparse.Namespace, ctx: Context) -> int:
    vaults.require_vault(ctx.vault_dir(args))
    old = ctx.passphrase(args, prompt="Current passphrase: ")
    with open_vault(args, ctx, old) as vault:
        new = read_passphrase(args.new_passphrase_file, prompt="New passphrase: ", confirm=True)
        vaults.change_passphrase(vault, old, new)
    _warn_if_weak(ctx, new)
    ctx.say("The passphrase is changed. Backups of this vault now open with the new one too.")
    return 0


def cmd_add(args: argparse.Namespace, ctx: Context) -> int:
    from desktop.core.jsonl import ImportProblems, parse_jsonl
    from desktop.services.imports import import_interviews

    data = read_small_file(
        Path(args.source), limit=MAX_IMPORT_BYTES, what="The file to import",
        too_large="The file is too large to import at once; split it into smaller files.",
    )
    try:  # the whole file is checked before the vault is unlocked or backed up
        interviews: list[Interview] = parse_jsonl(data)
    except ImportProblems as exc:
        if len(exc.problems) == 1:
            raise UserError(f"{exc.problems[0]}; nothing was added.") from None
        for problem in exc.problems[:50]:
            ctx.stderr.write(f"witnessbox: {problem}\n")
        raise UserError(f"{len(exc.problems)} lines have problems; nothing was added.") from None
    with open_vault(args, ctx) as vault:
        ids = import_interviews(vault, interviews)
    if args.json:
        ctx.emit_json({"added": ids})
    else:
        ctx.say(f"Added {len(ids)} interview{'s' if len(ids) != 1 else ''}.")
    return 0


def cmd_list(args: argparse.Namespace, ctx: Context) -> int:
    with open_vault(args, ctx) as vault:
        rows = _all_summaries(vault)
    _report_summaries(args, ctx, rows)
    return 0


def cmd_check(args: argparse.Namespace, ctx: Context) -> int:
    """Unlocking proves the key and the header only; this reads and checks every page and b-tree.
    Damage comes out as the vault's own error (exit 1), naming the newest backup."""
    with open_vault(args, ctx) as vault:
        vaults.check(vault)
    ctx.say("The vault passed every check: no damaged pages were found.")
    return 0


def cmd_show(args: argparse.Namespace, ctx: Context) -> int:
    with open_vault(args, ctx) as vault:
        iv = vault.interviews.get(vaults.resolve(vault, args.id))
        if args.history:
            from desktop.services import statement_history

            history = [statement_history.describe(v) for v in statement_history.versions(vault, iv.id)]
    if args.json:
        ctx.emit_json(iv.to_dict())
        return 0
    d = iv.to_dict()
    ctx.say(f"Reference:       {printable(iv.reference)}")
    ctx.say(f"Id:              {printable(iv.id)}")
    ctx.say(f"Interviewed on:  {d['interviewed_on']}")
    ctx.say(f"Role:            {iv.role.value}")
    ctx.say(f"Crime reported:  {CRIME_LABELS[iv.crime_type] if iv.crime_type is not None else NOT_CHOSEN}")
    ctx.say(f"Police force:    {_force_name(iv.force)}")
    ctx.say(f"Reported:        {d['reported_on'] or 'not known'}")
    ctx.say(f"Status:          {iv.status.value}")
    for use in ("complaint", "quotation", "contact"):
        c = d["consent"].get(use)
        state = "not given" if not c or not c["given"] else ("withdrawn" if c["withdrawn_on"] else "given")
        ctx.say(f"Consent ({use}): {state}")
    # One line per field whatever a name holds (say() keeps newlines, for the statement below).
    for p in iv.people:
        aka = f" (also: {', '.join(printable(a) for a in p.aliases)})" if p.aliases else ""
        ctx.say(f"Person:          {printable(p.name)} [{p.role.value}]{aka}")
    for i in iv.identifiers:
        ctx.say(f"Identifier:      {i.kind.value}: {printable(i.value)}")
    if iv.interviewer_role:
        ctx.say(f"Interviewer's role: {printable(iv.interviewer_role)}")
    ctx.say("")
    ctx.say(iv.statement)
    for title, text in (("What was shared with Immigration Enforcement:", iv.what_was_shared),
                        ("In the interviewee's own words:", iv.original_text)):
        if text.strip():
            ctx.say("")
            ctx.say(title)
            ctx.say(text)
    if args.history:
        ctx.say("")
        ctx.say("Saved versions (earlier, oldest first):" if history else "Saved versions: none kept.")
        for line in history:
            ctx.say(f"  {line}")
    return 0


def cmd_search(args: argparse.Namespace, ctx: Context) -> int:
    query = " ".join(args.query)
    with open_vault(args, ctx) as vault:
        rows = vault.interviews.search(query)
    _report_summaries(args, ctx, rows)
    return 0


def cmd_delete(args: argparse.Namespace, ctx: Context) -> int:
    from desktop.services import backups
    from desktop.services.interviews import delete_interview

    with open_vault(args, ctx) as vault:
        delete_interview(vault, vaults.resolve(vault, args.id))
        on_stick = backups.last_backup(vault) is not None
    ctx.say("Deleted. Nothing of the interview is left in the vault, its search index, its backups or its "
            "damaged copies.")
    if on_stick:
        ctx.say("A backup copy on a stick made before now still holds it: run 'witnessbox backup --to FOLDER' "
                "with the stick's folder to replace that copy.")
    return 0


def cmd_forces(args: argparse.Namespace, ctx: Context) -> int:
    if args.json:
        ctx.emit_json([{"code": f.code, "name": f.name} for f in FORCES])
    else:
        for f in FORCES:
            ctx.say(f"{f.code:<22} {f.name}")
    return 0


def cmd_backup(args: argparse.Namespace, ctx: Context) -> int:
    from desktop.services import backups

    with open_vault(args, ctx) as vault:
        made = backups.backup_to_folder(vault, Path(args.folder).expanduser(), replace=not args.keep_older)
        kept = backups.older_copies(made.folder.parent, backups.copy_vault_id(made.folder), besides=made.folder)
    ctx.say(f"Wrote a verified, encrypted copy of the vault to {made.folder}. It opens with the passphrase the "
            "vault has today. Keep the stick safe: it will still hold interviews deleted from the vault later, "
            "until a new backup replaces it.")
    if made.replaced:
        ctx.say(f"Deleted {_copies(made.replaced)} of this vault from that folder.")
    if made.left:
        ctx.say(f"{_copies(made.left).capitalize()} of this vault could not be deleted (the stick may have been "
                "removed) and may hold interviews deleted since: put the stick back and run this command again.")
    elif kept:
        one = len(kept) == 1
        ctx.say(f"{_copies(len(kept)).capitalize()} of this vault {'stays' if one else 'stay'} in that folder "
                f"(--keep-older), holding what the vault held when {'it was' if one else 'they were'} made, "
                "interviews deleted since included.")
    return 0


def _copies(n: int) -> str:
    return "the older copy" if n == 1 else f"{n} older copies"


def cmd_restore_copy(args: argparse.Namespace, ctx: Context) -> int:
    from desktop.services import backups

    directory = ctx.vault_dir(args)
    copy = backups.find_copy(Path(args.copy).expanduser())
    restored = backups.restore_copy(copy, directory, ctx.passphrase(args, prompt="The backup's passphrase: "))
    ctx.say(f"Made a new vault in {directory} from the backup {copy.name}. Unlock it with the backup's passphrase.")
    if restored.hands_over:
        ctx.say(backups.HANDS_OVER)
    return 0


def cmd_restore_backup(args: argparse.Namespace, ctx: Context) -> int:
    directory = ctx.vault_dir(args)
    if not Vault.backups(directory):
        raise UserError("This vault has no backups.")
    restored = vaults.restore_backup(directory, ctx.passphrase(args), args.backup, force=args.force)
    ctx.say(f"Restored the backup {restored.backup.name}. The vault's files as they were are in its 'damaged' folder "
            "(deleting an interview also deletes it there).")
    if restored.hands_over:
        from desktop.services import backups

        ctx.say(backups.ROLLED_BACK_HANDS_OVER)
    return 0
