"""constraints.txt pins every dependency pyproject.toml names, inside its range.

`make install` and CI install through constraints.txt; a dependency added to
pyproject.toml without `make constraints` would install unpinned, and a range tightened
past its pin would make the install fail on a fresh machine.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from django.conf import settings
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(settings.BASE_DIR)


def _requirements() -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    names = [*project["dependencies"], *project["optional-dependencies"]["dev"]]
    return [Requirement(name) for name in names]


def _pins() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, version = line.split("==")
            pins[canonicalize_name(name)] = version
    return pins


@pytest.mark.parametrize("requirement", _requirements(), ids=str)
def test_dependency_is_pinned_inside_its_range(requirement):
    pinned = _pins().get(canonicalize_name(requirement.name))
    assert pinned, f"{requirement.name} is not in constraints.txt: run `make constraints`"
    assert requirement.specifier.contains(pinned, prereleases=True), (
        f"{requirement.name}=={pinned} is outside {requirement.specifier}: run `make constraints`"
    )
