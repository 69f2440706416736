"""Checking an evidence pack: every file's SHA-256 against ``SHA256SUMS``, and the signature on it.

Needs no vault and no key of its own, so it runs on any computer with Witnessbox (and what it
checks can be checked without Witnessbox too, as the pack's README.txt explains):

1. ``SHA256SUMS`` is read strictly (``sha256sum``'s own form: 64 hex digits, two spaces, a path
   inside the pack), and ``SHA256SUMS.sig`` must be a valid Ed25519 signature over its exact bytes
   by the key in ``signing-key.pem``; ``signing-key.json`` (the key in Witnessbox's enrolment form,
   whose fingerprint is the one read aloud at enrolment) must hold the same key;
2. every file in the folder is hashed and compared: a file listed but not there is *missing*, a
   file there but not listed is *added*, a file whose SHA-256 differs is *changed*;
3. with an expected fingerprint (given by the coordinator in person, or on paper), the signing key
   must be that one: anyone can re-sign a changed pack with a key of their own, and only the
   fingerprint tells the two apart.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat, load_pem_public_key

from desktop.files import sha256_file
from desktop.services.errors import Refused
from desktop.transfer.errors import KeysRefused
from desktop.transfer.keys import PublicKeys, fingerprint_matches, normalise_fingerprint

SUMS = "SHA256SUMS"
SIGNATURE = "SHA256SUMS.sig"
KEY_PEM = "signing-key.pem"
KEY_JSON = "signing-key.json"
README = "README.txt"
UNLISTED = frozenset({SUMS, SIGNATURE})  # the manifest and its signature cannot list themselves
MAX_SUMS = 4 * 1024 * 1024
MAX_KEY = 4096
_LINE = re.compile(r"([0-9a-f]{64})  ([^\r\n]+)")


class PackUnreadable(Refused):
    """The folder is not an evidence pack Witnessbox can check (no manifest, a damaged one, no key)."""


@dataclass
class PackCheck:
    """What checking a pack found. ``ok`` only when nothing at all is wrong."""

    folder: Path
    files: int = 0
    signature_ok: bool = False
    fingerprint: str = ""  # the signing key's fingerprint, as Witnessbox shows it
    key_sha256: str = ""  # SHA-256 of signing-key.pem (what README.txt tells a reader without Witnessbox)
    expected_fingerprint: bool | None = None  # None when none was given
    missing: list[str] = field(default_factory=list)
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return (self.signature_ok and self.expected_fingerprint is not False and not self.missing
                and not self.added and not self.changed and not self.problems)

    def lines(self) -> list[str]:
        """What to tell the person checking, in plain words."""
        out = list(self.problems)
        if not self.signature_ok:
            out.append("The signature on SHA256SUMS is not valid for the key in the pack: the list of files was "
                       "changed or signed by another key. Do not rely on this pack; ask the coordinator for a new "
                       "copy.")
        if self.expected_fingerprint is False:
            out.append(f"The pack is signed by the key {self.fingerprint}, not by the key you expected. Do not rely "
                       "on this pack; ask the coordinator for a new copy.")
        out += [f"Missing (listed in SHA256SUMS but not in the folder): {p}" for p in self.missing]
        out += [f"Added (in the folder but not listed in SHA256SUMS): {p}" for p in self.added]
        out += [f"Changed (its SHA-256 differs from SHA256SUMS): {p}" for p in self.changed]
        if self.ok:
            out.append(f"The evidence pack is intact: {self.files} files match SHA256SUMS, and its signature is "
                       f"valid for the key with fingerprint {self.fingerprint}.")
            if self.expected_fingerprint is None:
                out.append("Compare that fingerprint with the one the coordinator gave you in person; if they "
                           "differ, do not rely on this pack.")
        return out


def safe_name(name: str) -> bool:
    """A path inside the pack as SHA256SUMS may list it: relative, forward slashes, no '..'."""
    p = PurePosixPath(name)
    return (bool(name) and not name.startswith("/") and "\\" not in name and "\x00" not in name
            and all(part not in ("", ".", "..") for part in p.parts) and name == p.as_posix())


def parse_sums(data: bytes) -> dict[str, str]:
    """``SHA256SUMS`` as {path: sha256}. Raises PackUnreadable for anything but the plain form."""
    bad = PackUnreadable("SHA256SUMS is damaged or not in the form sha256sum writes; ask for a new copy of the pack.")
    if len(data) > MAX_SUMS:
        raise bad
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise bad from None
    if not text.endswith("\n"):
        raise bad
    out: dict[str, str] = {}
    for line in text[:-1].split("\n"):
        m = _LINE.fullmatch(line)
        if m is None or not safe_name(m.group(2)) or m.group(2) in out or m.group(2) in UNLISTED:
            raise bad
        out[m.group(2)] = m.group(1)
    return out


def format_sums(entries: dict[str, str]) -> bytes:
    """The plain ``sha256sum`` form, sorted by path, that ``sha256sum -c SHA256SUMS`` reads."""
    return "".join(f"{digest}  {name}\n" for name, digest in sorted(entries.items())).encode("utf-8")


def _read_small(path: Path, limit: int, what: str) -> bytes:
    try:
        if path.is_symlink() or not path.is_file():
            raise PackUnreadable(f"{what} is missing from the pack; ask the coordinator for a new copy.")
        data = path.read_bytes()
    except OSError:
        raise PackUnreadable(f"{what} could not be read; check the folder and try again.") from None
    if len(data) > limit:
        raise PackUnreadable(f"{what} is damaged; ask the coordinator for a new copy.")
    return data


def pem_of(raw: bytes) -> bytes:
    """The Ed25519 public key ``raw`` (32 bytes) as PEM, the form openssl reads."""
    return Ed25519PublicKey.from_public_bytes(raw).public_bytes(Encoding.PEM, PublicFormat.SubjectPublicKeyInfo)


def _files(folder: Path) -> tuple[set[str], list[str]]:
    """Every file under ``folder`` as a pack path, and anything that is not a plain file or folder."""
    found: set[str] = set()
    odd: list[str] = []
    for p in sorted(folder.rglob("*")):
        rel = p.relative_to(folder).as_posix()
        if p.is_symlink() or not (p.is_file() or p.is_dir()):
            odd.append(rel)
        elif p.is_file():
            found.add(rel)
    return found, odd


def verify_pack(folder: Path, *, expected_fingerprint: str | None = None) -> PackCheck:
    """Check the pack in ``folder`` (see the module's docstring). Raises PackUnreadable when it is no pack at all."""
    folder = Path(folder).expanduser()
    if not folder.is_dir():
        raise PackUnreadable("That folder does not exist; give the folder of the evidence pack.")
    if expected_fingerprint is not None and not normalise_fingerprint(expected_fingerprint):
        raise PackUnreadable("The fingerprint given is not a Witnessbox fingerprint (four groups of four letters "
                             "and digits); check it and try again.")
    sums_bytes = _read_small(folder / SUMS, MAX_SUMS, "SHA256SUMS")
    listed = parse_sums(sums_bytes)
    check = PackCheck(folder.resolve(), files=len(listed))
    signature = _read_small(folder / SIGNATURE, 1024, "SHA256SUMS.sig")
    pem = _read_small(folder / KEY_PEM, MAX_KEY, KEY_PEM)
    check.key_sha256 = hashlib.sha256(pem).hexdigest()
    try:
        key = load_pem_public_key(pem)
    except ValueError:
        key = None
    if not isinstance(key, Ed25519PublicKey):
        raise PackUnreadable(f"{KEY_PEM} does not hold an Ed25519 public key; ask the coordinator for a new copy.")
    try:
        key.verify(signature, sums_bytes)
        check.signature_ok = True
    except InvalidSignature:
        check.signature_ok = False
    raw = key.public_bytes(Encoding.Raw, PublicFormat.Raw)
    try:
        pub = PublicKeys.from_json(_read_small(folder / KEY_JSON, MAX_KEY, KEY_JSON))
    except KeysRefused:
        raise PackUnreadable(f"{KEY_JSON} is damaged; ask the coordinator for a new copy.") from None
    if pub.sig_public_key != raw:
        check.problems.append(f"{KEY_JSON} and {KEY_PEM} hold different keys: the pack was altered.")
    check.fingerprint = pub.fingerprint
    if expected_fingerprint is not None:
        check.expected_fingerprint = fingerprint_matches(expected_fingerprint, pub)
    present, odd = _files(folder)
    check.problems += [f"Not an ordinary file (a link or a device): {p}" for p in odd]
    present -= UNLISTED
    check.missing = sorted(set(listed) - present)
    check.added = sorted(present - set(listed))
    check.changed = sorted(p for p in set(listed) & present if sha256_file(folder / p) != listed[p])
    return check
