"""A command pays only for what it uses: building the command line (which every command does, to
parse its arguments) loads no PDF, detection, image or transfer library. Each loads when the
command that needs it runs (issue #13, the cold ``export-statement``)."""

from __future__ import annotations

import json
import subprocess
import sys

# Loaded only by the commands that draw, check, redact, import or move interviews.
HEAVY = ("reportlab", "pikepdf", "pypdf", "pdfminer", "uharfbuzz", "regex", "phonenumbers", "pyrage", "PIL",
         "desktop.redaction", "desktop.reports", "desktop.services.transfer", "desktop.services.statements",
         "desktop.core.jsonl")

_PROBE = """
import json, sys
{before}
from desktop.cli import build_parser
build_parser().parse_args(["export-statement", "X", "--out", "x.pdf"])
print(json.dumps(sorted(sys.modules)))
"""


def _loaded(before: str = "") -> set[str]:
    done = subprocess.run([sys.executable, "-c", _PROBE.format(before=before)], capture_output=True, text=True,
                          check=True, timeout=120)
    modules = json.loads(done.stdout.strip().splitlines()[-1])
    return {h for h in HEAVY if any(m == h or m.startswith(h + ".") for m in modules)}


def test_building_the_command_line_loads_nothing_heavy():
    assert _loaded() == set()


def test_the_probe_sees_a_heavy_module_when_one_is_loaded():
    """The check above can fail: a command module importing the transfer service at the top shows."""
    assert _loaded("import desktop.services.transfer") >= {"pyrage", "desktop.services.transfer"}
