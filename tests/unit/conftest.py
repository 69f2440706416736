"""Fixtures for the headless tests."""

from __future__ import annotations

import pytest

from desktop.vault import Vault
from tests.cli_driver import CLI_PASSPHRASE, Cli
from tests.factories import FAST_KDF


@pytest.fixture
def cli(app_paths, tmp_path) -> Cli:
    """The command, pointed at a new, locked vault whose passphrase is in a file."""
    c = Cli(app_paths, tmp_path)
    Vault.create(c.vault, CLI_PASSPHRASE, kdf=FAST_KDF).lock()
    return c
