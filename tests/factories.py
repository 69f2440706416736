"""What tests make again and again: cheap key derivation and a fresh vault.

Production code never takes a test-mode flag: tests pass these parameters in, as any caller may.
"""

from __future__ import annotations

from pathlib import Path

from desktop.vault import KdfParams, Vault

# Argon2id at its cheapest, so a test vault opens in milliseconds (production calibrates to ~1 s).
FAST_KDF = KdfParams(time_cost=1, memory_cost_kib=8, lanes=1)
PASSPHRASE = "correct horse battery staple"


def new_vault(directory: Path, passphrase: str = PASSPHRASE) -> Vault:
    """A new, empty vault in ``directory``, returned unlocked."""
    return Vault.create(Path(directory), passphrase, kdf=FAST_KDF)
