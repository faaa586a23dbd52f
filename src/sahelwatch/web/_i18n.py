"""Interface strings in English and French, from ``web/i18n/<lang>.json``.

The language is the ``lang`` query parameter when given (and then remembered in a cookie),
else the cookie, else the browser's ``Accept-Language``, else English. Codes (event types,
ACLED names, actor names) are never translated: analysts exchange them as they are.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from fastapi import Request

LANGUAGES = ("en", "fr")
DEFAULT_LANGUAGE = "en"
LANG_COOKIE = "sahelwatch_lang"
FOLDER = Path(__file__).parent / "i18n"


@dataclass(frozen=True, slots=True)
class Translator:
    """The strings of one language; calling it formats one (a missing key shows as itself)."""

    lang: str
    strings: Mapping[str, str]

    def __call__(self, key: str, **values: object) -> str:
        text = self.strings.get(key, key)
        return text.format(**values) if values else text


def load_translators(folder: Path = FOLDER) -> dict[str, Translator]:
    return {
        lang: Translator(lang, json.loads((folder / f"{lang}.json").read_text("utf-8")))
        for lang in LANGUAGES
    }


def choose_language(request: Request) -> str:
    asked = request.query_params.get("lang")
    if asked in LANGUAGES:
        return asked
    cookie = request.cookies.get(LANG_COOKIE)
    if cookie in LANGUAGES:
        return cookie
    for part in request.headers.get("accept-language", "").split(","):
        code = part.split(";")[0].strip().lower()[:2]
        if code in LANGUAGES:
            return code
    return DEFAULT_LANGUAGE
