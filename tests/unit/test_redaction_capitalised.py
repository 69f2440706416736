"""The likely-name pass finds the capitalised words of a statement with a pattern that starts with
the capital (``names._CAP_PLAIN``) wherever no name particle can stand before one ("al-Sayed",
"bin Hamad"), and with ``names._CAP`` elsewhere: the words found are exactly ``_CAP``'s."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.redaction.names import _CAP, _capitalised

# Capitals of other scripts and title-case letters, particles with and without their hyphen or
# space, and every character _CAP's look-behinds look at.
_PIECES = ["Grace", "OKAFOR", "al", "al-", "el-Sayed", "bin", "bin ", "binti", "van", "der", "den", "del", "dela",
           "abu", "Abu", "ibn", "de", "la", "Hamad", "Tariq's", "O'Neil", "O’Neil", "d'Arc", "x", "ab",
           "Stoke-on-Trent", "U-Visa", "COVID-19", "e-mail", "@Amina", "user@Mail", ".Com", "3Km", "Ǆemal",
           "Ǆ", "ǅ", "Łódź", "Élodie", "İ", "ß",
           "Σ", "Ω", "Ꭰ", "'", "’", "-", "@", ".", "_", "9", "Ꮖ", "Ⅻ", "ⓐ", "Ⓐ"]  # fmt: skip
_SEPARATORS = ["", "", " ", "  ", "\t", "\u00a0", "\n", "-", "'", "’", ", ", ".", "@", "_", "1", "\u2028"]
_TEXTS = st.lists(st.tuples(st.sampled_from(_PIECES), st.sampled_from(_SEPARATORS)), max_size=24).map(
    lambda pairs: "".join(w + s for w, s in pairs)
)


def _spans(matches) -> list[tuple[int, int, str]]:  # noqa: ANN001 - an iterator of re.Match
    return [(m.start(), m.end(), m.group()) for m in matches]


@settings(max_examples=1500, deadline=None)
@given(_TEXTS)
def test_the_capitalised_words_are_those_of_the_one_pattern(text):
    assert _spans(_capitalised(text)) == _spans(_CAP.finditer(text))


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40))
def test_on_any_text_too(text):
    assert _spans(_capitalised(text)) == _spans(_CAP.finditer(text))


def test_particles_and_look_behinds():
    for text in ["Abdullah bin Hamad and al-Sayed", "Ana de la Cruz", "O'Neil, e-mail Amina@Mail.Com", "x'Amy",
                 "Jean-Luc met d'Arc", "Ali van\u00a0Berg", "ab'Cd", "a-Bc", "Stoke-on-Trent",
                 "Ǆemal and ǅ"]:  # fmt: skip
        assert _spans(_capitalised(text)) == _spans(_CAP.finditer(text)), text
