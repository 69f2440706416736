"""USB transfer, pure: bytes and streams in, bytes and verdicts out. No vault, no Qt, no services.

Modules (each docstring gives its API):

* ``keys``      device keys (age X25519 to receive, Ed25519 to sign), the enrolment file,
                fingerprints read aloud, and the passphrase key backup
* ``manifest``  the signed manifest of a bundle, its strict parser, and the reader's ``Limits``
* ``bundle``    ``write_bundle`` / ``read_bundle``: streaming, sign-then-encrypt USB bundles
* ``stick``     writing a file onto a USB stick, verified, or nothing; listing a stick
* ``receipt``   the coordinator's signed receipt
* ``canonical`` the one byte form of every JSON document above
* ``errors``    the plain-worded errors: ``BundleRefused`` and friends

The vault and services layers wire these to storage (keys in the vault, sequence numbers,
quarantine, marking interviews sent and delivered); nothing here knows of them.
"""
