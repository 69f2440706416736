"""The product's actions, each written once: the desktop app and the command line both call these.

No Qt here. A service takes the vault (and any other dependency) as an argument, checks the rules
that give the action its meaning, writes its audit entry, and reports progress through plain
callbacks. A refusal is a :class:`desktop.services.errors.Refused` whose message is in the
worker's words. See docs/architecture.md.
"""
