"""Every file Witnessbox writes goes through the one atomic writer (T15).

An AST check over the product code (``desktop/``): opening a file for writing, ``Path.write_text`` /
``write_bytes``, ``shutil.copy*``/``move`` and ``os.open`` with write flags are allowed only in
``desktop/files.py`` and in the few places listed below with the reason. A write anywhere
else could leave a torn or half-written file after a crash, a full disk or a pulled USB stick.
"""

from __future__ import annotations

import ast
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
PRODUCT = REPO / "desktop"

# (file relative to the repository, enclosing function) -> why it may write directly.
ALLOWED: dict[tuple[str, str], str] = {
    ("desktop/files.py", "*"): "the atomic writer itself",
    ("desktop/cli.py", "output_closed"): "points a stdout whose reader went away at the null device "
    "(Python's recipe for SIGPIPE); no file is written",
}
# Not seen by this check, on purpose: the log (logging's rotating handler; a torn last line is
# harmless) and reportlab/PIL, which write into memory buffers that atomic_write then stores.

_WRITE_MODES = set("wax+")
_WRITE_FLAGS = {"O_WRONLY", "O_RDWR", "O_CREAT", "O_APPEND", "O_TRUNC"}


def _mode_of(call: ast.Call, position: int) -> str | None:
    for kw in call.keywords:
        if kw.arg == "mode" and isinstance(kw.value, ast.Constant) and isinstance(kw.value.value, str):
            return kw.value.value
    if len(call.args) > position and isinstance(call.args[position], ast.Constant):
        value = call.args[position].value
        return value if isinstance(value, str) else None
    return None


def _names(node: ast.AST) -> set[str]:
    return {n.attr for n in ast.walk(node) if isinstance(n, ast.Attribute)} | {
        n.id for n in ast.walk(node) if isinstance(n, ast.Name)}


def _what_it_writes(call: ast.Call) -> str | None:
    f = call.func
    if isinstance(f, ast.Name) and f.id == "open" or isinstance(f, ast.Attribute) and f.attr == "open" and not (
            isinstance(f.value, ast.Name) and f.value.id == "os"):
        # open(path, mode) / io.open(path, mode) / Path.open(mode)
        mode = _mode_of(call, 1 if isinstance(f, ast.Name) or (
            isinstance(f.value, ast.Name) and f.value.id in ("io", "builtins", "codecs")) else 0)
        if mode is not None and _WRITE_MODES & set(mode):
            return f"open(..., {mode!r})"
        return None
    if isinstance(f, ast.Attribute):
        if f.attr in ("write_text", "write_bytes"):
            return f".{f.attr}()"
        if isinstance(f.value, ast.Name) and f.value.id == "shutil" and (
                f.attr.startswith("copy") and f.attr != "copyfileobj" or f.attr == "move"):
            return f"shutil.{f.attr}()"
        if isinstance(f.value, ast.Name) and f.value.id == "os" and f.attr == "open" and len(call.args) > 1:
            if _WRITE_FLAGS & _names(call.args[1]):
                return "os.open(..., write flags)"
        if isinstance(f.value, ast.Name) and f.value.id == "os" and f.attr == "fdopen":
            mode = _mode_of(call, 1)
            if mode is not None and _WRITE_MODES & set(mode):
                return f"os.fdopen(..., {mode!r})"
    return None


def direct_writes(source: str, filename: str) -> list[tuple[str, int, str, str]]:
    """(file, line, enclosing function, what) for every direct file write in ``source``."""
    tree = ast.parse(source, filename)
    found = []

    def visit(node: ast.AST, function: str) -> None:
        for child in ast.iter_child_nodes(node):
            inner = child.name if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)) else function
            if isinstance(child, ast.Call):
                what = _what_it_writes(child)
                if what:
                    found.append((filename, child.lineno, function, what))
            visit(child, inner)

    visit(tree, "<module>")
    return found


def test_the_check_finds_every_kind_of_direct_write():
    source = (
        "import os, shutil, io\n"
        "from pathlib import Path\n"
        "def a(p):\n    open(p, 'w').write('x')\n"
        "def b(p):\n    with open(p, mode='ab') as fh: pass\n"
        "def c(p):\n    Path(p).write_text('x')\n"
        "def d(p):\n    p.write_bytes(b'x')\n"
        "def e(p, q):\n    shutil.copyfile(p, q)\n"
        "def f(p, q):\n    shutil.move(p, q)\n"
        "def g(p):\n    os.open(p, os.O_WRONLY | os.O_CREAT)\n"
        "def h(p):\n    Path(p).open('w')\n"
        "def i(p):\n    io.open(p, 'r+b')\n"
        "def ok(p):\n    open(p).read(); open(p, 'rb'); Path(p).open(); os.open(p, os.O_RDONLY)\n"
    )
    found = direct_writes(source, "sample.py")
    assert [fn for _f, _l, fn, _w in found] == list("abcdefghi"), found


def test_product_code_writes_files_only_through_the_atomic_writer():
    offending = []
    for path in sorted(PRODUCT.rglob("*.py")):
        rel = str(path.relative_to(REPO))
        for _file, line, function, what in direct_writes(path.read_text(encoding="utf-8"), rel):
            if (rel, "*") in ALLOWED or (rel, function) in ALLOWED:
                continue
            offending.append(f"{rel}:{line} in {function}: {what}")
    assert offending == [], "write these through desktop.files (or list them with a reason):\n" + "\n".join(
        offending)
