"""The transfer package's errors: each carries one sentence for the person at the screen.

Every message says what is wrong and what to do, in plain words. None holds a Python or crypto
error text, a number from inside a file, or anything from an interview, so a caller may show
``str(error)`` as it is and write it to the audit log.

* :class:`BundleRefused` is the only exception :func:`desktop.transfer.bundle.read_bundle` lets out
  (besides the caller's own exceptions raised from its callbacks).
* :class:`KeysRefused` for an enrolment file, a stored secret key or a key backup that cannot be used.
* :class:`ReceiptRefused` for a receipt that cannot be trusted.
* :class:`StickWriteFailed` when a file could not be written onto a stick and verified there; no
  file is then left under the final name.
* :class:`BundleWriteFailed` when a bundle could not be made from the items given.
"""

from __future__ import annotations


class TransferError(Exception):
    """Base of every transfer error; ``str(error)`` is the plain message."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class BundleRefused(TransferError):
    """A bundle that must not be imported, with the reason in plain words."""


class BundleWriteFailed(TransferError):
    """A bundle could not be made (an item changed while it was written, or the items break a limit)."""


class KeysRefused(TransferError):
    """Device keys (enrolment file, stored secret or backup) that cannot be used."""


class ReceiptRefused(TransferError):
    """A receipt that is damaged, forged or from a device not enrolled here."""


class StickWriteFailed(TransferError):
    """A file could not be written onto the stick and verified; nothing is left under its final name."""


# The reasons a bundle is refused. Callers and tests compare against these, so keep them stable.
CHANGED = "This bundle was changed or damaged after it was made. Ask the worker to send it again."
NOT_A_BUNDLE = "This file is not a Witnessbox bundle, or it is badly damaged. Ask the worker to send it again."
NOT_ENROLLED = ("This bundle comes from a device that is not enrolled here. Enrol the device in person "
                "(compare fingerprints), then import the bundle again.")
WRONG_SIGNER = ("This bundle is not signed by the enrolled device it claims to come from. It may be forged: "
                "do not import it, and tell the coordinator.")
OTHER_RECIPIENT = ("This bundle was made for another coordinator. It can only be imported on the computer "
                   "it was made for.")
TOO_LARGE = ("This bundle is larger or more complex than Witnessbox accepts. It may be damaged or forged; "
             "ask the worker to send it again in smaller parts.")
UNREADABLE = ("The bundle file could not be read to the end (the stick may have been removed). "
              "Put the stick back and try again.")
NEWER_FORMAT = "This bundle was made by a newer version of Witnessbox. Update Witnessbox here, then import it again."
