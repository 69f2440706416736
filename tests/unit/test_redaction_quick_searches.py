"""Two whole-text searches of the likely-name pass written so that ``re`` finds them quickly, each
held to the search it replaced (kept here as it was): whether a space particle stands before a
capital (``names._PARTICLE_CAPITAL``), and whether the text holds any wording that introduces a
name (``context._may_introduce`` against ``context._INTRO_ANYWHERE``), case-insensitive as
re.IGNORECASE is, with the letters other scripts write that match an ASCII one ("ſ", "K", "ı", "İ")."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from desktop.redaction import context, names

_PARTICLE_CAPITAL_BEFORE = re.compile(names._SPACE_PARTICLES + r"\s[" + names._UP + r"]")

_PIECES = ["abu", "bin", "binti", "bint", "ibn", "dela", "van", "von", "der", "den", "del", "Bin", "garden", " ",
           "\t", "\n", "\u00a0", "A", "Ö", "x", "-", "as", "AS", "aſ", "was", "has", "call", "CALL", "caſe", "\u212a",
           "named", "NAMED", "pseudonym", "given the name", "Given The Name", "real name", "changed", "chanGed",
           "'K'", "“A”", "‘b’", "*", "Flora*", " *", "ı", "İ", "_", "é"]  # fmt: skip
_TEXTS = st.lists(st.sampled_from(_PIECES) | st.text(max_size=3), max_size=24).map("".join)


@settings(max_examples=500, deadline=None)
@given(_TEXTS)
@example("Hamad bin Khalid")
@example("Aisha binti Osman")
@example("Maria dela\u00a0Cruz")
@example("she was van\tÖzil")
def test_particle_before_a_capital_as_before(text: str) -> None:
    assert bool(names._PARTICLE_CAPITAL.search(text)) == bool(_PARTICLE_CAPITAL_BEFORE.search(text))


@settings(max_examples=500, deadline=None)
@given(_TEXTS)
@example("known\nas Tariq")
@example("known aſ Tariq")
@example("we CALL her")
@example("a cal\u212a")
@example("Names marked * are changed")
@example("'K' said")
def test_wording_that_introduces_a_name_as_before(text: str) -> None:
    assert context._may_introduce(text) == any(rx.search(text) for rx in context._INTRO_ANYWHERE)
