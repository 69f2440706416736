"""The needles a check is made with (``leak_gate.needle_index``, the index a statement's export
makes once for the text before drawing and for the PDF) hold each of an item's needles once: the
reversed and shaped variants of a right-to-left or Indic name often come to needles made already
for it. Each check answers exactly as with every variant's needle, refusal for refusal."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.reports import leak_gate
from desktop.reports.leak_gate import CaseSensitive
from desktop.reports.leak_gate.index import NeedleIndex
from desktop.reports.leak_gate.normalise import needles, statement_shaper
from desktop.reports.leak_gate.search import Hay, search, search_bytes
from tests.security.gate_oracle import outcome

# Names in the scripts statements hold (Urdu, Punjabi, Bengali, Hindi, Polish, Romanian), an Arabic
# name in presentation forms, and numbers and words of the Latin script.
NAMES = [
    "عمران خان",
    "ہرپریت کور",
    "ਹਰਪ੍ਰੀਤ ਕੌਰ",
    "পুলিশ ক্ষেত্রে",
    "क्षेत्र पुलिस",
    "Małgorzata Wiśniewska-O’Brien",
    "Ştefan Ţăranu",
    "ﻋﻤﺮﺍﻥ",
    "07700 900123",
    "Flat 2, 14 Station Road",
]
ITEMS = [*NAMES, CaseSensitive("Łucja"), CaseSensitive("Will")]


def _first_of_each(made):
    """The needles with each repeat of an earlier needle of the same item left out, in order."""
    seen, out = set(), []
    for n in made:
        key = (n.index, n.levels, n.capital, n.kind)
        if key not in seen:
            seen.add(key)
            out.append(n)
    return out


def test_the_index_of_a_statements_items_holds_each_needle_of_an_item_once():
    every = needles(ITEMS, statement_shaper)
    index = leak_gate.needle_index(ITEMS)
    assert len(_first_of_each(every)) < len(every)  # the shaped and reversed variants do repeat
    assert index.needles == _first_of_each(every)


# Letters of the right-to-left and Indic scripts (with their marks and joiners), presentation forms,
# Latin letters with and without accents, digits and the punctuation the forms drop.
ALPHABET = "".join(
    ["ابپتخانہرکو", "ﻋﻤﺮﺍﻥ", "ਹਰਪ੍ਰੀਤ", "क्षेत्र", "পুলিশ", "aeilsAEILS", "łŁéß", "0123456789", " -.'’\u200c\u200d"]
)
words = st.text(alphabet=ALPHABET, min_size=1, max_size=10)


@st.composite
def cases(draw):
    items = draw(st.lists(words, min_size=1, max_size=5))
    items = [CaseSensitive(i) if draw(st.booleans()) and i.strip() else i for i in items]
    pieces = []
    for _ in range(draw(st.integers(0, 6))):
        if draw(st.integers(0, 2)) < 2:  # mostly the items themselves, or one of their variants
            item = str(draw(st.sampled_from(items)))
            shaped = statement_shaper(item)
            pieces.append(draw(st.sampled_from([item, item[::-1], item.upper(), *shaped, *(s[::-1] for s in shaped)])))
        else:
            pieces.append(draw(words))
    hay = "".join(p + draw(st.sampled_from(["", " ", "\n", "-", "x"])) for p in pieces)
    literals = draw(st.lists(st.sampled_from(pieces), max_size=2)) if pieces else []
    return items, hay, literals


@settings(max_examples=300, deadline=None)
@given(case=cases())
def test_a_check_answers_as_with_every_variants_needle(case):
    items, hay, literals = case
    every = NeedleIndex(needles(items, statement_shaper))
    index = leak_gate.needle_index(items)
    place = Hay("a place", hay, literals)
    assert outcome(search, index, place) == outcome(search, every, place)
    for encoding in ("utf-8", "utf-16-be"):
        data = b"\x00\x01" + hay.encode(encoding, errors="ignore") + b"\x02"
        assert outcome(search_bytes, index, "a stream", data) == outcome(search_bytes, every, "a stream", data)
