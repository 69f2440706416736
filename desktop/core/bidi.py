"""The invisible characters that set the direction of the text after them until closed: embeddings,
overrides and isolates (LRE, RLE, PDF, LRO, RLO, LRI, RLI, FSI, PDI). An override left open in a
name or a value shows what follows it reversed: a laptop's fingerprint beside its name, on screen
or on a terminal. Urdu and Arabic text needs none of them: its direction comes from its letters
(the plain marks LRM and RLM are not among them)."""

from __future__ import annotations

# As a regular expression's character class body: "[" + DIRECTION_CONTROLS + "]".
DIRECTION_CONTROLS = "\u202a-\u202e\u2066-\u2069"
