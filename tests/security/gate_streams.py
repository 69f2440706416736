"""Content streams made up from the tokens Witnessbox's statements use, and now and then one they
never hold: the hypothesis strategies the lean reading's tests share
(tests/security/test_gate_lean_reading.py, tests/security/test_gate_lean_shapes.py)."""

from __future__ import annotations

from hypothesis import strategies as st

# Streams made up from the tokens statements use, and now and then one they never hold.
# codes a statement's font subsets map (the first few dozen), and the bytes that need escaping
_SAFE_BYTES = st.lists(st.one_of(st.integers(0, 60), st.sampled_from(list(b"()\\\r\n\t"))),
                       max_size=12).map(bytes)


def _literal(raw: bytes, octal: bool) -> bytes:
    out = bytearray(b"(")
    for b in raw:
        if b in b"()\\":
            out += b"\\" + bytes((b,))
        elif octal and (b < 32 or b > 126):
            out += b"\\%03o" % b
        elif b == 13:
            out += b"\\r"
        else:
            out.append(b)
    return bytes(out + b")")


@st.composite
def _strings(draw) -> bytes:
    return _literal(draw(_SAFE_BYTES), draw(st.booleans()))


_NUMBERS = st.sampled_from([b"0", b"1", b"12", b"-195", b"3.8", b".5", b"56.69291", b"+2"])


@st.composite
def _instruction(draw) -> bytes:
    kind = draw(st.integers(0, 60))
    if kind < 60:  # one in 61 is something the lean reading does not know
        kind %= 8
    num = draw(_NUMBERS)
    if kind == 0:
        return b"BT"
    if kind == 1:
        return b"ET"
    if kind == 2:
        return b"/" + draw(st.sampled_from([b"F1+0", b"F2+0", b"F3+0", b"F9"])) + b" " + num + b" Tf"
    if kind == 3:
        return draw(_strings()) + draw(st.sampled_from([b" Tj", b"Tj", b" '", b"\n'"]))
    if kind == 4:
        return b"1 2 " + draw(_strings()) + b' "'
    if kind == 5:
        items = draw(st.lists(st.one_of(_strings(), _NUMBERS), max_size=5))
        return b"[" + b" ".join(items) + b"] TJ"
    if kind == 6:
        return draw(st.sampled_from([b"1 0 0 1 0 6.8 Tm", b"0 -12 Td", b"0 -12 TD", b"T*", b"14.4 TL"]))
    if kind == 7:
        return draw(st.sampled_from([b"q", b"Q", b"1 0 0 1 56.69 753.17 cm", b".2 .2 .2 rg", b"0 0 0 RG", b"1 w",
                                     b"0 J", b"0 j", b"0 0 m", b"10 10 l", b"S", b"n", b"0 0 10 10 re f", b"f*"]))
    # now and then, something the lean reading does not know
    return draw(st.sampled_from([b"q", b"T*", b"(x) Tj", b"%c\n", b"<4142> Tj", b"/P <<>> BDC", b"EMC", b"(a(b)c) Tj",
                                 b"(a\\\nb) Tj", b"[] TJ", b"[1 2] 0 d", b"Tj", b"]", b"[", b"/F1+0 Tf", b"12 Tx",
                                 b"(q\\x) Tj", b"(\\777) Tj", b"\x00", b"{", b")"]))


_SEPARATORS = st.sampled_from([b" ", b"\n", b"\r\n", b"  ", b"\t"])
