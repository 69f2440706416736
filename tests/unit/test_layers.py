"""The layers: the core never imports Qt, the faces call services, reports know nothing of the
vault, and no package under desktop/ holds an import circle.

See docs/architecture.md for the rules of the house these tests hold the code to.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

import desktop

CORE = ("core", "vault", "redaction", "reports", "transfer", "services", "evidence")
PKG = Path(desktop.__file__).parent


def _imports(path: Path) -> set[str]:
    """Every module ``path`` imports, at the top or inside a function (``from a import b`` gives
    ``a`` and ``a.b``, since ``b`` may be a module)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{a.name}" for a in node.names)
    return names


def _faces() -> list[Path]:
    return [*sorted((PKG / "ui").rglob("*.py")), *sorted(PKG.glob("cli*.py")), PKG / "app.py"]


def test_the_faces_call_services_not_the_vaults_rooms_or_the_reports():
    """The desktop app and the command line reach the vault's insides and the PDF machinery only
    through desktop.services: the package ``desktop.vault`` (its Vault, its errors) is fine, its
    modules (repositories, key slots, backups, files) are not, and nothing of ``desktop.reports``."""
    offenders = []
    for path in _faces():
        bad = sorted(n for n in _imports(path)
                     if (n.startswith("desktop.vault.") and not _is_package_name(n))
                     or n == "desktop.reports" or n.startswith("desktop.reports."))
        if bad:
            offenders.append(f"{path.relative_to(PKG)}: {bad}")
    assert offenders == []


def _is_package_name(name: str) -> bool:
    """``desktop.vault.X`` where X is a name the package itself exports (``from desktop.vault import X``)."""
    import desktop.vault

    return name.count(".") == 2 and name.rsplit(".", 1)[1] in set(desktop.vault.__all__)


def test_reports_know_nothing_of_the_vault_or_the_services():
    offenders = []
    for path in sorted((PKG / "reports").rglob("*.py")):
        bad = sorted(n for n in _imports(path) if n.split(".")[:2] in (["desktop", "vault"], ["desktop", "services"]))
        if bad:
            offenders.append(f"{path.relative_to(PKG)}: {bad}")
    assert offenders == []


def test_the_evidence_maths_knows_nothing_of_the_vault_the_services_or_the_reports():
    """desktop.evidence is pure counting over plain records: the service reads the vault for it."""
    offenders = []
    for path in sorted((PKG / "evidence").rglob("*.py")):
        bad = sorted(n for n in _imports(path)
                     if n.split(".")[:2] in (["desktop", "vault"], ["desktop", "services"], ["desktop", "reports"]))
        if bad:
            offenders.append(f"{path.relative_to(PKG)}: {bad}")
    assert offenders == []


@pytest.mark.parametrize("layer", CORE)
def test_no_core_module_names_qt(layer):
    offenders = []
    for path in sorted((PKG / layer).rglob("*.py")):
        bad = {n for n in _imports(path) if n.split(".")[0] == "PySide6" or n.startswith("desktop.ui")}
        if bad:
            offenders.append(f"{path.relative_to(PKG)}: {sorted(bad)}")
    assert offenders == []


def test_importing_every_core_module_loads_no_qt():
    modules = [
        ".".join(p.relative_to(PKG.parent).with_suffix("").parts).removesuffix(".__init__")
        for layer in CORE
        for p in sorted((PKG / layer).rglob("*.py"))
    ]
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        "bad = [m for m in sys.modules if m.startswith('PySide6') or m.startswith('desktop.ui')]\n"
        "print(bad)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


# --- import circles -------------------------------------------------------------------------------


def _module_name(path: Path, root: Path) -> str:
    parts = path.relative_to(root.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _import_graph(root: Path) -> dict[str, set[str]]:
    """Module -> the modules of the same tree it imports, at module level or inside a function
    (``ast.walk`` sees both, and ``if TYPE_CHECKING:`` blocks too). ``from pkg import name`` is an
    edge to ``pkg.name`` when that is a module, else to ``pkg``; relative imports are resolved."""
    modules = {_module_name(p, root): p for p in sorted(root.rglob("*.py"))}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
        edges: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = package[: len(package) - (node.level - 1)]
                    module = ".".join(base + ([node.module] if node.module else []))
                else:
                    module = node.module or ""
                targets = [f"{module}.{a.name}" if f"{module}.{a.name}" in modules else module for a in node.names]
            else:
                continue
            edges.update(t for t in targets if t in modules and t != name)
        graph[name] = edges
    return graph


def _circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan, iteratively)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return sorted(found)


def test_no_package_under_desktop_holds_an_import_circle():
    assert _circles(_import_graph(PKG)) == []


def test_the_circle_check_finds_module_level_function_level_and_relative_circles(tmp_path):
    pkg = tmp_path / "pkg"
    (pkg / "sub").mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    (pkg / "sub" / "__init__.py").write_text("from pkg.sub.a import A\n")
    (pkg / "sub" / "a.py").write_text("from pkg.sub import b\nA = 1\n")
    (pkg / "sub" / "b.py").write_text("def f():\n    from pkg.sub.c import C\n    return C\n")
    (pkg / "sub" / "c.py").write_text("import pkg.sub.a\nC = 2\n")
    (pkg / "x.py").write_text("from . import y\n")
    (pkg / "y.py").write_text("from .x import *\n")
    (pkg / "z.py").write_text("from pkg.sub import a\nimport os\n")
    assert _circles(_import_graph(pkg)) == [["pkg.sub.a", "pkg.sub.b", "pkg.sub.c"], ["pkg.x", "pkg.y"]]
    (pkg / "sub" / "b.py").write_text("def f():\n    return 3\n")
    assert _circles(_import_graph(pkg)) == [["pkg.x", "pkg.y"]]
