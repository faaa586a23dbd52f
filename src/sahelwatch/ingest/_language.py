"""The language of a document: the one its source declares, else detected with lingua.

Detection chooses among ``settings.languages`` plus English, French, Arabic and a few
languages easily taken for them (Spanish, Portuguese, Italian, German, Dutch): without those
a Spanish article would be "detected" as French. A text is only refused when such a language
clearly wins, so English notes dense with Sahelian place names are not lost.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from lingua import IsoCode639_1, IsoCode639_3, Language, LanguageDetectorBuilder

from sahelwatch.errors import SettingsError

_ALWAYS_CONSIDERED = ("en", "fr", "ar", "es", "pt", "it", "de", "nl")
# An allowed language with at least this confidence wins over another language ahead of it.
_MIN_ALLOWED_CONFIDENCE = 0.2
# Detection reads the beginning of a text; an article's language does not change midway.
_DETECTION_CHARS = 3000
_NATIVE_NAMES = {
    "français": "fr",
    "francais": "fr",
    "anglais": "en",
    "arabe": "ar",
    "العربية": "ar",
}


@dataclass(frozen=True, slots=True)
class Refusal:
    """Why a text's language is not acceptable, as one sentence."""

    detail: str


def normalise_language(value: str | None) -> str | None:
    """``"English"``, ``"en-US"``, ``"fra"`` -> ISO 639-1 (``"en"``, ``"fr"``); unknown -> None."""
    if value is None or not value.strip():
        return None
    name = value.strip().lower()
    if name in _NATIVE_NAMES:
        return _NATIVE_NAMES[name]
    code = name.replace("_", "-").split("-")[0]
    language = _lookup(code)
    return language.iso_code_639_1.name.lower() if language is not None else None


def _lookup(name: str) -> Any:
    """The lingua ``Language`` for an ISO 639-1/639-3 code or an English name, else None."""
    try:
        if len(name) == 2:
            return Language.from_iso_code_639_1(IsoCode639_1.from_str(name))
        if len(name) == 3:
            return Language.from_iso_code_639_3(IsoCode639_3.from_str(name))
        return Language.from_str(name)
    except ValueError:
        return None


@dataclass(slots=True)
class LanguageResolver:
    """Settles each document's language; the detector is built on first need, once."""

    allowed: tuple[str, ...]
    _detector: Any = field(default=None, init=False, repr=False)

    def __post_init__(self) -> None:
        codes = [normalise_language(code) for code in self.allowed]
        unknown = [code for code, known in zip(self.allowed, codes, strict=True) if known is None]
        if unknown or not codes:
            raise SettingsError(
                f"ingest.languages must list languages lingua knows, not {unknown or '[]'}"
            )
        self.allowed = tuple(dict.fromkeys(code for code in codes if code is not None))

    def resolve(self, text: str, declared: str | None) -> str | Refusal:
        """The ISO 639-1 code of ``text``'s language, or why it cannot be accepted."""
        code = normalise_language(declared)
        if code is not None:
            if code in self.allowed:
                return code
            return Refusal(f"declared language {declared!r} is not one of {self._allowed_text()}")
        return self._detect(text[:_DETECTION_CHARS])

    def _detect(self, text: str) -> str | Refusal:
        values = self._build().compute_language_confidence_values(text)
        if not values or values[0].value <= 0:
            return Refusal(f"could not detect the language; expected one of {self._allowed_text()}")
        top = values[0].language.iso_code_639_1.name.lower()
        if top in self.allowed:
            return str(top)
        for value in values:
            code = value.language.iso_code_639_1.name.lower()
            if code in self.allowed and value.value >= _MIN_ALLOWED_CONFIDENCE:
                return str(code)
        name = values[0].language.name.title()
        return Refusal(f"text is in {name}, not in one of {self._allowed_text()}")

    def _build(self) -> Any:
        if self._detector is None:
            codes = dict.fromkeys((*self.allowed, *_ALWAYS_CONSIDERED))
            isos = [IsoCode639_1.from_str(code) for code in codes]
            self._detector = LanguageDetectorBuilder.from_iso_codes_639_1(*isos).build()
        return self._detector

    def _allowed_text(self) -> str:
        return "ingest.languages (" + ", ".join(self.allowed) + ")"
