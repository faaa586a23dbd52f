"""Name folding: the key under which the gazetteer files and looks up every name.

Two spellings of a place share a key when they differ only in case, accents, spacing,
hyphens, apostrophes or other punctuation, or in a silent final *e* (French ``-ène`` against
English ``-en``)::

    >>> fold("Tinzaouaten") == fold("Tin-Zaouatene") == fold("Tin Zaouâtene")
    True

Arabic names lose their vowel marks and the spelling variants of alef, yeh and teh marbuta.
The key is for matching only: it is never shown to a user.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from types import MappingProxyType

__all__ = ["fold"]

# Letters NFKD does not decompose into a base letter plus marks.
_LETTERS = MappingProxyType(
    str.maketrans(
        {
            "æ": "ae",
            "œ": "oe",
            "ø": "o",
            "đ": "d",
            "ð": "d",
            "ł": "l",
            "þ": "th",
            "ı": "i",
            "ɛ": "e",
            "ɔ": "o",
            "ŋ": "ng",
            "ɣ": "g",
            "ɲ": "ny",
            "ɓ": "b",
            "ɗ": "d",
            "ƴ": "y",
            "ٱ": "ا",
            "ى": "ي",
            "ی": "ي",
            "ة": "ه",
            "ک": "ك",
        }
    )
)
_KEPT_CATEGORIES = frozenset({"Ll", "Lu", "Lt", "Lo", "Nd"})
_VOWELS = frozenset("aeiouy")
# In ASCII, the kept categories are the letters and digits.
_NOT_ASCII_KEPT = re.compile(r"[^a-z0-9]+")


@functools.lru_cache(maxsize=1 << 16)
def fold(name: str) -> str:
    """Return the matching key of ``name`` (an empty string when nothing is left).

    Keys are remembered (a pure function of the name; texts and gazetteers repeat names).
    """
    if name.isascii():
        key = name.lower() if name.isalnum() else _NOT_ASCII_KEPT.sub("", name.lower())
    else:
        decomposed = unicodedata.normalize("NFKD", name.casefold()).translate(_LETTERS)
        key = "".join(ch for ch in decomposed if unicodedata.category(ch) in _KEPT_CATEGORIES)
    if len(key) > 4 and key[-1] == "e" and key[-2].isascii() and key[-2] not in _VOWELS:
        key = key[:-1]
    return key
