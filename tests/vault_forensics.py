"""Reading a vault's files as an attacker with the key would: every page of the database and
of the WAL decrypted (AES-256-CBC with the data key, SQLCipher 4's page layout), free pages and
index blocks included, so a deleted word is looked for everywhere, not only through SQL.
"""

from __future__ import annotations

from pathlib import Path

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from desktop.vault.keyslot import KeySlot

PAGE = 4096
RESERVE = 80  # SQLCipher 4: 16-byte IV + 64-byte HMAC-SHA512 at the end of every page


def data_key(directory: Path, passphrase: str) -> bytes:
    """The vault's data key, read from its key slot with ``passphrase``."""
    return bytes(KeySlot.from_bytes((directory / "keyslot.json").read_bytes()).open(passphrase))


def _decrypt_page(key: bytes, page: bytes, first: bool) -> bytes:
    body_start = 16 if first else 0
    iv = page[PAGE - RESERVE : PAGE - RESERVE + 16]
    dec = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
    return dec.update(page[body_start : PAGE - RESERVE]) + dec.finalize()


def decrypted_pages(db_file: Path, key: bytes) -> list[bytes]:
    """Every page of an SQLCipher 4 database file, decrypted (free pages included)."""
    raw = db_file.read_bytes()
    return [_decrypt_page(key, raw[i : i + PAGE], i == 0) for i in range(0, len(raw) - PAGE + 1, PAGE)]


def decrypted_wal_frames(wal_file: Path, key: bytes) -> list[bytes]:
    if not wal_file.exists():
        return []
    raw = wal_file.read_bytes()
    out = []
    pos = 32
    while pos + 24 + PAGE <= len(raw):
        pgno = int.from_bytes(raw[pos : pos + 4], "big")
        out.append(_decrypt_page(key, raw[pos + 24 : pos + 24 + PAGE], pgno == 1))
        pos += 24 + PAGE
    return out


def contains(blobs: list[bytes], needle: str) -> bool:
    forms = {needle.encode("utf-8"), needle.lower().encode("utf-8")}
    return any(f in b for b in blobs for f in forms)
