"""Documentation stays true: every setting and every command is in the README."""

from __future__ import annotations

import tomllib
from importlib import resources
from pathlib import Path
from typing import Any

README = (Path(__file__).parent.parent / "README.md").read_text("utf-8")


def _keys(tree: dict[str, Any], prefix: str = "") -> list[str]:
    keys: list[str] = []
    for key, value in tree.items():
        if isinstance(value, dict) and key != "models":
            keys.extend(_keys(value, f"{prefix}{key}."))
        else:
            keys.append(f"{prefix}{key}")
    return keys


def test_readme_documents_every_setting() -> None:
    text = resources.files("sahelwatch").joinpath("defaults.toml").read_text("utf-8")
    missing = [key for key in _keys(tomllib.loads(text)) if f"`{key}`" not in README]
    assert missing == []


def test_readme_documents_every_environment_variable() -> None:
    from sahelwatch.settings import ENVIRONMENT

    assert [name for name in ENVIRONMENT if name not in README] == []


def test_readme_opens_with_the_two_commands() -> None:
    head = README[:1500]
    assert "make demo" in head
    assert "make test" in head
