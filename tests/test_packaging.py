"""The install is reproducible: requirements.lock pins every dependency pyproject names, with
hashes, and pyproject names every third-party package the product imports."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PRODUCT = ("core", "extractors", "subscriptions", "feeds", "bot", "devtools")
"""Every installed package: the product and the development tooling `mou-alert run` starts."""
_NAME = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)")


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _declared() -> set[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    specs = [*project["dependencies"], *project["optional-dependencies"]["dev"]]
    return {_norm(m.group(1)) for s in specs if (m := _NAME.match(s))}


def _locked() -> dict[str, str]:
    pins: dict[str, str] = {}
    for line in (ROOT / "requirements.lock").read_text("utf-8").splitlines():
        if line and not line[0].isspace() and not line.startswith("#"):
            name, _, version = line.split(" ", 1)[0].partition("==")
            pins[_norm(name.split("[")[0])] = version
    return pins


def test_every_declared_dependency_is_pinned_with_hashes() -> None:
    locked = _locked()
    assert _declared() <= set(locked), _declared() - set(locked)
    text = (ROOT / "requirements.lock").read_text("utf-8")
    assert all(re.fullmatch(r"\d[\w.+!]*", v) for v in locked.values()), locked
    requirements = [ln for ln in text.splitlines() if ln and not ln[0].isspace() and ln[0] != "#"]
    assert all("==" in ln for ln in requirements), "an unpinned line in requirements.lock"
    assert text.count("--hash=sha256:") >= len(requirements)


def _third_party_imports() -> set[str]:
    found: set[str] = set()
    for package in PRODUCT:
        for path in (ROOT / package).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text("utf-8"))):
                if isinstance(node, ast.Import):
                    found |= {a.name.split(".")[0] for a in node.names}
                elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                    found.add(node.module.split(".")[0])
    local = {p.name for p in ROOT.iterdir() if p.is_dir()}
    return {m for m in found if m not in sys.stdlib_module_names and m not in local}


def test_pyproject_names_every_package_the_product_imports() -> None:
    distributions = packages_distributions()
    declared = _declared()
    for module in sorted(_third_party_imports()):
        owners = {_norm(d) for d in distributions.get(module, [])}
        assert owners & declared, (
            f"{module} (from {owners or 'nothing installed'}) not in pyproject"
        )
