"""The documents a person follows: the README's Debian packages are exactly .ci/run's, given once,
and every picture and page the README and the guides point to exists."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GUIDES = ("README.md", "docs/guide-worker.md", "docs/guide-coordinator.md", "docs/architecture.md",
          "docs/packaging.md")


def _ci_packages() -> list[str]:
    text = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    block = re.search(r"DEBIAN_PACKAGES=\((.*?)\)", text, re.S)
    assert block, ".ci/run no longer lists DEBIAN_PACKAGES"
    return block.group(1).split()


def _readme_packages(readme: str) -> list[str]:
    block = re.search(r"<!-- debian-packages -->\s*```sh\n(.*?)```", readme, re.S)
    assert block, "the README's Debian package block is missing"
    words = block.group(1).replace("\\\n", " ").split()
    assert words[:2] == ["apt-get", "install"]
    return [w for w in words[2:] if not w.startswith("-")]


def test_the_readme_gives_ci_debian_packages_once_before_the_first_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert _readme_packages(readme) == _ci_packages()
    assert readme.count("apt-get install") == 1
    assert readme.index("<!-- debian-packages -->") < readme.index("<!-- app-command -->")


def test_every_picture_and_page_the_guides_point_to_exists():
    missing = []
    for name in GUIDES:
        path = ROOT / name
        text = path.read_text(encoding="utf-8")
        for target in re.findall(r"\]\(([^)#\s]+)\)", text):
            if "://" in target:
                continue
            if not (path.parent / target).exists():
                missing.append(f"{name}: {target}")
    assert missing == []


def test_each_screenshot_has_a_number_of_its_own():
    tool = (ROOT / "tools" / "screenshots.py").read_text(encoding="utf-8")
    names = re.findall(r"\"(\d\d)-([a-z][a-z0-9-]*)\"", tool)  # grab("NN-name") and the form tabs
    numbers = [n for n, _name in names]
    assert len(names) >= 15 and len(set(numbers)) == len(numbers), sorted(names)
    pictures = {p.name for p in (ROOT / "docs" / "screenshots").glob("[0-9][0-9]-*.png")}
    for n, name in names:  # and the pictures in docs/ are the ones the tool makes
        assert f"{n}-{name}-100.png" in pictures and f"{n}-{name}-window-150.png" in pictures, name
    assert {p.split("-", 1)[0] for p in pictures} == set(numbers)
