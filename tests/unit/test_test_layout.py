"""The tests' own layout: helpers live in plain modules (tests/factories.py, tests/pdf_tools.py,
tests/ui/driving.py, ...), never in a test module or a conftest that another module imports.

Importing a test module from another one runs its definitions a second time under a new name, and
ties unrelated tests together; a conftest is pytest's, for fixtures and hooks.
"""

from __future__ import annotations

import ast
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]


def _module_name(path: Path) -> str:
    return ".".join(("tests", *path.relative_to(TESTS).with_suffix("").parts))


def _is_test_module(dotted: str) -> bool:
    last = dotted.rsplit(".", 1)[-1]
    return last.startswith("test_") or last == "conftest"


def forbidden_imports(source: str, module: str) -> list[str]:
    """The test modules and conftests that ``source`` (the module named ``module``) imports."""
    package = module.rsplit(".", 1)[0]
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [a.name for a in node.names if any(_is_test_module(p) for p in a.name.split("."))]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join([*parent, *([base] if base else [])])
            if any(_is_test_module(p) for p in base.split(".")):
                found.append(base)
            else:
                found += [f"{base}.{a.name}" for a in node.names if _is_test_module(a.name)]
    return found


def test_no_module_under_tests_imports_a_test_module_or_a_conftest():
    offenders = {}
    for path in sorted(TESTS.rglob("*.py")):
        bad = forbidden_imports(path.read_text(encoding="utf-8"), _module_name(path))
        if bad:
            offenders[str(path.relative_to(TESTS))] = bad
    assert not offenders, (f"these modules import helpers from test modules or conftests: {offenders}; "
                           "move the helpers to a plain module (tests/factories.py, tests/pdf_tools.py, "
                           "tests/vault_forensics.py, tests/cli_driver.py, tests/ui/driving.py)")


def test_conftests_hold_fixtures_and_hooks_only():
    offenders = []
    for path in sorted(TESTS.rglob("conftest.py")):
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.FunctionDef | ast.ClassDef):
                fixture = any("fixture" in ast.unparse(d) for d in getattr(node, "decorator_list", []))
                if not (fixture or node.name.startswith("pytest_")):
                    offenders.append(f"{path.relative_to(TESTS)}: {node.name}")
    assert not offenders, f"helpers defined in a conftest (move them to a plain module): {offenders}"


def test_the_check_sees_every_form_of_import():
    module = "tests.ui.test_new"
    for source in ("from tests.unit.test_vault_repos import make_interview",
                   "import tests.security.test_vault_encryption",
                   "from tests.ui.conftest import create_vault",
                   "from .test_workflow import select",
                   "from . import conftest",
                   "from ..unit import test_vault_cli",
                   "def f():\n    from tests.ui.test_lock import visible_texts\n"):
        assert forbidden_imports(source, module), source
    for source in ("from tests.factories import make_interview", "from tests.ui.driving import select",
                   "from . import driving", "import pytest"):
        assert not forbidden_imports(source, module), source
