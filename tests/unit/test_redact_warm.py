"""`witnessbox redact` in one process (``--jobs 1``) reads every word list before the first line: a
list read on first use would land in the time of the first statement whose wording needs it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# Run in a fresh process: the tables are built once per process, and this test process has built
# some of them already. Prints the tables still unbuilt after the batch's first line, then the files
# opened while detecting on statements with wordings that reach the rarer lists.
_PROBE = r"""
import functools, importlib, inspect, io, json, pkgutil, sys

import desktop.redaction as redaction
from desktop.redaction import KnownIdentifiers, detect
from desktop.services.redact_batch import redact_stream

def tables():
    for info in pkgutil.iter_modules(redaction.__path__):
        module = importlib.import_module("desktop.redaction." + info.name)
        for name, fn in vars(module).items():
            if isinstance(fn, functools._lru_cache_wrapper) and fn.__module__ == module.__name__:
                yield module.__name__ + "." + name, fn

out = []
redact_stream(io.StringIO(json.dumps({"id": 1, "text": "Hello."}) + "\n"), out.extend, workers=1)
unbuilt = [name for name, fn in tables()
           if not inspect.signature(fn.__wrapped__).parameters and fn.cache_info().currsize == 0]
unbuilt += [f"lexicon.small_places({which!r})" for which in ("uk", "world")
            if not redaction.lexicon.small_places.cache_info().currsize == 2]
opened = []
sys.addaudithook(lambda event, args: opened.append(str(args[0])) if event == "open" and watching else None)
watching = True
for text in json.loads(sys.argv[1]):
    detect(text, KnownIdentifiers(people=[("Ann Bee", [])], identifiers=[]))
watching = False
print(json.dumps({"unbuilt": unbuilt, "opened": opened}))
"""

# Made up here: wordings that reach the small places, the surname words, the given names, the
# spelling variants and the lower-case names after a cue.
_TEXTS = [
    "We took the coach from Kilbarchan to Calais. My friend faith met us at Little Snoring.",
    "Mohamed and Yousef worked for Nicu and his brother. Grace Preston, a volunteer, rang.",
    "ROSE told me that my husband tariq went to Imran for help, back to Beverley and she hid me.",
    "The farmer, Bob Field, paid us nothing. Penny rang from Bradford; a man called blessing came.",
]


def test_one_process_reads_every_word_list_before_the_first_line():
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    done = subprocess.run([sys.executable, "-c", _PROBE, json.dumps(_TEXTS)], env=env, cwd=ROOT,
                          capture_output=True, text=True, check=True, timeout=300)  # fmt: skip
    got = json.loads(done.stdout.strip().splitlines()[-1])
    assert got["unbuilt"] == []
    assert got["opened"] == []


_FROZEN_PROBE = r"""
import gc, json
from desktop.services.redact_batch import warm

warm()
print(json.dumps({"frozen": gc.get_freeze_count(), "walked": len(gc.get_objects())}))
"""


def test_what_the_warm_up_built_is_left_out_of_every_collection():
    """The word lists and patterns live as long as the process: after the warm-up the garbage
    collector no longer walks them at each collection during the lines (nor, in a fork server's
    workers, writes to the pages holding them)."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    done = subprocess.run([sys.executable, "-c", _FROZEN_PROBE], env=env, cwd=ROOT,
                          capture_output=True, text=True, check=True, timeout=300)  # fmt: skip
    got = json.loads(done.stdout.strip().splitlines()[-1])
    assert got["frozen"] > 1000
    assert got["walked"] < got["frozen"] / 10
