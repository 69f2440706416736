"""Passphrase rules, in plain Python: one normal form and one strength rule for every face.

:func:`normalise` is applied before every key derivation (creating a vault, unlocking it, changing
its passphrase, checking a backup's key file, organisation recovery), so the same passphrase typed
on two systems, one composing "é" as one character and one as "e" + accent, opens the vault.

:func:`strength` is the app's strength meter; :func:`too_short` and :func:`too_weak` are the
refusal and the warning the command line and the app both give when a new passphrase is chosen.
"""

from __future__ import annotations

import math
import unicodedata

MIN_LENGTH = 10
"""Fewest characters a new passphrase may have (counted after :func:`normalise`)."""

WEAK_BELOW = 2
"""A strength below this is "too easy to guess" (the meter's "Weak" or "Too short")."""


def normalise(passphrase: str) -> str:
    """The form that reaches the key derivation: Unicode NFC."""
    return unicodedata.normalize("NFC", passphrase)


def strength(text: str) -> int:
    """0 (too short) .. 4 (strong), from a rough estimate of guessing entropy."""
    text = normalise(text)
    if len(text) < MIN_LENGTH:
        return 0
    pool = 0
    if any(c.islower() for c in text):
        pool += 26
    if any(c.isupper() for c in text):
        pool += 26
    if any(c.isdigit() for c in text):
        pool += 10
    if any(not c.isalnum() for c in text):
        pool += 20
    if any(ord(c) > 127 for c in text):
        pool += 50
    distinct = len(set(text))
    bits = min(len(text), distinct * 2) * math.log2(max(pool, 2))
    words = len([w for w in text.replace("-", " ").split() if len(w) >= 3])
    bits = max(bits, words * 11.0)  # unrelated words: about 11 bits each even from a small list
    if bits < 40:
        return 1
    if bits < 60:
        return 2
    if bits < 80:
        return 3
    return 4


def too_short(passphrase: str) -> str | None:
    """Why a new passphrase is refused (too short), or None."""
    if len(normalise(passphrase)) < MIN_LENGTH:
        return (f"The passphrase is too short: use at least {MIN_LENGTH} characters "
                "(four or five unrelated words are best).")
    return None


def too_weak(passphrase: str) -> str | None:
    """A warning for a passphrase long enough but easy to guess, or None."""
    if too_short(passphrase) is None and strength(passphrase) < WEAK_BELOW:
        return "The passphrase is easy to guess: add another word or two."
    return None
