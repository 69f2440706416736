"""``witnessbox demo``: a vault of invented interviews, to learn Witnessbox or to train others on it.

The demo vault always goes into a folder of its own (``--vault DIR`` is required and may not be the
usual vault's folder), so invented interviews are never mixed with real ones. See
:mod:`desktop.services.demo` for what it holds and how it is marked.
"""

from __future__ import annotations

import argparse

from desktop.cli import Context, UsageError, UserError, add_json_option, add_vault_options


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("demo", help="make a vault of about 30 invented interviews (marked DEMO) in a folder of its own")
    add_vault_options(p)
    add_json_option(p)
    p.set_defaults(handler=cmd_demo)


def cmd_demo(args: argparse.Namespace, ctx: Context) -> int:
    from desktop.services import demo
    from desktop.vault import Vault

    if not args.vault:
        raise UsageError("demo needs --vault DIR, a folder of its own for the invented interviews")
    directory = ctx.vault_dir(args)
    if directory.expanduser().resolve() == ctx.paths.default_vault_dir.expanduser().resolve():
        raise UserError("That is the usual vault's folder, which is for real interviews; "
                        "give the demo vault a folder of its own.")
    if Vault.exists(directory):
        raise UserError(f"A vault already exists in {directory}; give the demo vault an empty folder.")
    passphrase = ctx.passphrase(args, prompt="New passphrase for the demo vault: ", confirm=True)
    vault = demo.create_demo_vault(directory, passphrase)
    try:
        count = vault.interviews.count()
    finally:
        vault.lock()
    if args.json:
        ctx.emit_json({"vault": str(directory), "interviews": count, "demo": True})
        return 0
    ctx.say(f"Made a demo vault of {count} invented interviews in {directory}.")
    ctx.say("Every reference starts WB-DEMO-, and every screen and PDF made from this vault says DEMO.")
    ctx.say(f"Open it with: witnessbox --vault {directory}")
    return 0
