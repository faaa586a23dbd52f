"""Interface strings: the same keys in English and French, and every key used exists."""

from __future__ import annotations

import json
import re

from sahelwatch.web._i18n import FOLDER, LANGUAGES
from sahelwatch.web._state import STATIC, TEMPLATES
from sahelwatch.web._views import EVENT_FIELDS, FAMILY_COLORS

KEY = re.compile(r"""\bt\(\s*['"]([a-z0-9_.]+)['"]""")


def strings() -> dict[str, dict[str, str]]:
    return {lang: json.loads((FOLDER / f"{lang}.json").read_text("utf-8")) for lang in LANGUAGES}


def test_english_and_french_have_the_same_keys() -> None:
    found = strings()
    assert set(found["en"]) == set(found["fr"])
    assert all(value.strip() for table in found.values() for value in table.values())


def test_every_key_the_pages_use_exists() -> None:
    used = set()
    for path in [*TEMPLATES.glob("*.html"), *(STATIC / "js").glob("*.js")]:
        used |= set(KEY.findall(path.read_text("utf-8")))
    used |= {f"field.{name}" for name in EVENT_FIELDS} | {f"family.{f}" for f in FAMILY_COLORS}
    known = set(strings()["en"])
    prefixes = {key for key in used if key.endswith(".")}  # t("family." + name) and the like
    assert sorted(used - prefixes - known) == []
    assert [p for p in prefixes if not any(key.startswith(p) for key in known)] == []


def test_placeholders_agree_between_languages() -> None:
    found = strings()
    for key, text in found["en"].items():
        assert set(re.findall(r"{\w+}", text)) == set(re.findall(r"{\w+}", found["fr"][key])), key
