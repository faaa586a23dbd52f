"""Context: what the words in and around a place mention say about the place meant.

- a demonym or country word next to the name gives a country ("the *Algerian* town of
  Tinzaouaten", "*Malian* Tinzaouaten", "Kidal, *Mali*", "*Algeria's* Tinzaouaten");
- a feature word names the kind of place ("Menaka *region*", "*cercle de* Gao", "*la ville
  de*"): a GeoNames feature code;
- a near phrase says the event is only near the place ("*outskirts of*", "*près de*",
  "*30 km north of*"), with the distance when the text gives one;
- "*between* X *and* Y" / "*entre* X *et* Y" pairs two mentions (:func:`find_pairs`).

Every cue word comes from the data files :mod:`sahelwatch.geo.cues` loads.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from sahelwatch.geo.cues import Cues, TextWords, Word
from sahelwatch.geo.fold import fold
from sahelwatch.model import Span

__all__ = [
    "MentionContext",
    "TextWords",
    "demonym_countries",
    "find_near",
    "find_pairs",
    "read_context",
]

_MILE_KM = 1.609344
_APOSTROPHES = frozenset("'’")
_LETTERS = re.compile(r"\w+")
_UNITS = {
    "km": 1.0, "kms": 1.0, "kilometres": 1.0, "kilometers": 1.0, "kilometre": 1.0,
    "kilometer": 1.0, "kilometr": 1.0, "miles": _MILE_KM, "mile": _MILE_KM,
}  # fmt: skip

# Punctuation that ends the stretch of text a context word may come from.
_BOUNDARIES = frozenset('.;:!?()[]{}"“”«»—–')
_BEFORE_WORDS = 12
# At most this many words between a place and the one a near phrase places it by.
_NEAR_GAP = 8
_AFTER_WORDS = 5


@dataclass(frozen=True, slots=True)
class MentionContext:
    """What the words in and around a place mention say.

    ``name`` is the mention's text without the demonyms and feature words it may include
    ("Menaka region" -> "Menaka"); ``country`` the ISO2 code a demonym or country word next
    to it gives; ``level`` the feature code a feature word names (``PPL``, ``ADM1``...);
    ``near`` whether the text places the event only near the place ("outskirts of", "près
    de"), ``offset_km`` how far when it says ("30 km north of"); ``names_country`` the ISO2
    code when the mention itself is a country name or demonym ("U.S.", "Malian").
    """

    name: str
    country: str | None = None
    level: str | None = None
    near: bool = False
    offset_km: float | None = None
    names_country: str | None = None


def read_context(
    text: str,
    span: Span,
    cues: Cues,
    others: Sequence[Span] = (),
    words: TextWords | None = None,
) -> MentionContext:
    """Read the context words of the mention at ``span`` (``others``: the other mentions;
    ``words``: the text's words, when the caller split them already)."""
    words = words or TextWords.of(text)
    inner = words.inside(text, span.start, span.end)
    name, country, level = _strip_inner(text, span, inner, cues)
    before = _words_before(words, span.start)
    near, offset = _near(before, cues, others)
    names_country = cues.country_of(name) or cues.country_of(text[span.start : span.end])
    if names_country:
        return MentionContext(name, None, level, near, offset, names_country)
    back_country, back_level = _scan_back(before, cues, others)
    if _in_admin_parentheses(text, span, others):
        back_level = "ADM"
    after = words.window(span.end, span.end + 80)[:_AFTER_WORDS]
    after_level = cues.features.get(after[0].key) if after else None
    return MentionContext(
        name=name,
        country=country or back_country or _country_after(after, cues),
        level=level or after_level or back_level,
        near=near,
        offset_km=offset,
    )


def find_pairs(
    text: str, spans: Sequence[Span], cues: Cues, words: TextWords | None = None
) -> dict[int, int]:
    """Mentions paired by "between X and Y" / "entre X et Y": index -> the other's index."""
    words = words or TextWords.of(text)
    pairs: dict[int, int] = {}
    for index, (first, second) in enumerate(itertools.pairwise(spans)):
        before = [w for w in _words_before(words, first.start) if w.key not in cues.fillers]
        middle = words.window(first.end, second.start)
        if not before or before[-1].key not in cues.between:
            continue
        if middle and all(w.key in cues.fillers or w.key in cues.features for w in middle):
            pairs[index], pairs[index + 1] = index + 1, index
    return pairs


def find_qualifiers(text: str, spans: Sequence[Span]) -> dict[int, int]:
    """Mentions followed by the unit they lie in: "Parkland, Florida", "Kouri (Tillaberi)":
    index -> the next mention's index (only a comma or an opening bracket between them)."""
    found: dict[int, int] = {}
    for index, (first, second) in enumerate(itertools.pairwise(spans)):
        if text[first.end : second.start].strip() in {",", "("}:
            found[index] = index + 1
    return found


def find_near(
    text: str, spans: Sequence[Span], cues: Cues, words: TextWords | None = None
) -> dict[int, int]:
    """Mentions the text places near the next one: "Tama near Wakara", "Djouhane, 30 km
    from Kidal", "le village de Tama, près de Wakara": index -> the next mention's index."""
    words = words or TextWords.of(text)
    found: dict[int, int] = {}
    for index, (first, second) in enumerate(itertools.pairwise(spans)):
        middle = words.window(first.end, second.start)
        if not middle or len(middle) > _NEAR_GAP or any(w.text in _BOUNDARIES for w in middle):
            continue
        if _near(middle, cues, ())[0]:
            found[index] = index + 1
    return found


def _strip_inner(
    text: str, span: Span, inner: list[Word], cues: Cues
) -> tuple[str, str | None, str | None]:
    """Drop demonyms, fillers and feature words at the edges of the mention itself."""
    country: str | None = None
    level: str | None = None
    while len(inner) > 1:
        head = inner[0]
        head_country = cues.country_of(head.text) if len(inner) > 1 else None
        if head_country and not country:
            country = head_country
        elif head.key in cues.features:
            level = level or cues.features[head.key]
        elif head.key not in cues.fillers:
            break
        inner = inner[1:]
    while len(inner) > 1 and inner[-1].key in cues.features:
        level = level or cues.features[inner[-1].key]
        inner = inner[:-1]
    if not inner:
        return text[span.start : span.end], country, level
    return text[inner[0].start : inner[-1].end], country, level


def _words_before(text_words: TextWords, start: int) -> list[Word]:
    words = text_words.window(max(0, start - 160), start)
    for index in range(len(words) - 1, -1, -1):
        if words[index].text in _BOUNDARIES:
            words = words[index + 1 :]
            break
    return words[-_BEFORE_WORDS:]


def _skippable(word: Word, cues: Cues, others: Sequence[Span]) -> bool:
    return (
        not word.key
        or word.key in cues.fillers
        or word.key in cues.directions
        or word.key in cues.features
        or any(s.start <= word.start and word.end <= s.end for s in others)
    )


def _scan_back(
    before: list[Word], cues: Cues, others: Sequence[Span]
) -> tuple[str | None, str | None]:
    """Walk back over fillers to the nearest demonym, noting feature words on the way.

    Only a lower-case feature word with no comma before the name names its kind ("the
    *town* of Tinzaouaten", not "Islamic *State* in the Greater Sahara").

    A country name counts only in the possessive ("Algeria's Tinzaouaten"): "between
    Algeria and Mali" says nothing about where Mali is.
    """
    level: str | None = None
    crossed_comma = False
    index = len(before)
    while index > 0:
        sizes = range(min(cues.max_country_words, index), 0, -1)
        if before[index - 1].key not in cues.country_ends:
            sizes = range(0)
        for size in sizes:
            phrase = before[index - size : index]
            country = cues.country(phrase)
            if country and (_is_demonym(phrase, cues) or _possessive(before[index:])):
                return country, level
        word = before[index - 1]
        if not _skippable(word, cues, others):
            break
        crossed_comma = crossed_comma or word.text == ","
        names_kind = word.key in cues.features and word.text.islower() and not crossed_comma
        if level is None and names_kind:
            level = cues.features[word.key]
        index -= 1
    return None, level


def _is_demonym(phrase: list[Word], cues: Cues) -> bool:
    return len(phrase) == 1 and phrase[0].key in cues.demonyms


def _possessive(following: list[Word]) -> bool:
    return len(following) >= 2 and following[0].text in {"'", "’"} and following[1].key == "s"


def _country_after(after: list[Word], cues: Cues) -> str | None:
    """The country of "Kidal, Mali" or "Kidal (Mali)"."""
    if len(after) < 2 or after[0].text not in {",", "("}:
        return None
    rest = after[1:]
    for size in range(min(cues.max_country_words, len(rest)), 0, -1):
        country = cues.country(rest[:size])
        if country and not _is_demonym(rest[:size], cues):
            return country
    return None


def _near(before: list[Word], cues: Cues, others: Sequence[Span]) -> tuple[bool, float | None]:
    """Whether a near cue precedes the mention (only skippable words between), and how far."""
    before = [w for w in before if w.text not in _APOSTROPHES]
    keys = [w.key for w in before]
    tail = len(before)
    while tail > 0 and (
        _skippable(before[tail - 1], cues, others) or before[tail - 1].key in cues.countries
    ):
        tail -= 1
    for end in range(len(keys), max(tail, 1) - 1, -1):
        for phrase in cues.near_by_end.get(keys[end - 1], ()):
            start = end - len(phrase)
            if start >= 0 and tuple(keys[start:end]) == phrase:
                return True, _offset_km(before[:start], phrase[0])
    return False, None


def _offset_km(before: list[Word], unit: str) -> float | None:
    """The distance of "30 km north of" (the number before a unit word), or None."""
    factor = _UNITS.get(unit)
    if factor is None or not before:
        return None
    number = before[-1].text.replace(",", ".")
    try:
        return float(number) * factor
    except ValueError:
        return None


def _in_admin_parentheses(text: str, span: Span, others: Sequence[Span]) -> bool:
    """True inside "Dioura (Tenenkou, Mopti)": a list of names in brackets after a toponym.

    Reports name a place and then, in brackets, the admin units it lies in; those names are
    units ("ADM"), not towns.
    """
    # Offsets, not slices: ``_stripped_end(text, i)`` is ``len(text[:i].rstrip())``; most
    # mentions follow neither "(" nor ",", and need no more.
    cursor = _stripped_end(text, span.start)
    if not text.endswith(("(", ","), 0, cursor):
        return False
    ends = {other.end: other for other in others}
    starts = {other.start: other for other in others}
    while True:
        if text.endswith("(", 0, cursor):
            return _stripped_end(text, cursor - 1) in ends
        if not text.endswith(",", 0, cursor):
            return False
        other = ends.get(_stripped_end(text, cursor - 1))
        if other is None or other.start not in starts:
            return False
        cursor = _stripped_end(text, other.start)


def _stripped_end(text: str, end: int) -> int:
    """Where ``text[:end]`` ends once stripped of its trailing white space."""
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end


def demonym_countries(text: str, cues: Cues, words: TextWords | None = None) -> Counter[str]:
    """The countries the demonyms of a text point at ("Malian soldiers", "forces nigériennes"),
    the groups that live in one country ("Mossi") and the region's actors that belong to one
    country ("FAMa"), with how often: country context for every toponym of the document."""
    found: Counter[str] = Counter()
    tokens = [w.text for w in words.words] if words else _LETTERS.findall(text)
    # Each distinct token once, in order of first occurrence (the order countries are
    # first counted in, which breaks ties downstream), with how often it occurs.
    forms = cues.context_forms
    for token, count in Counter(tokens).items():
        if forms and token.isascii() and token.isalnum() and token.lower() not in forms:
            continue  # cannot fold to a demonym or a group (most words of a text)
        key = fold(token)
        if key in cues.demonyms:
            country = cues.country_of(token)
            if country:
                found[country] += count
        elif key in cues.group_countries:
            found[cues.group_countries[key]] += count
    found.update(cues.actor_countries(text, tokens if words is None else None))
    return found
