"""Context words the geo stage reads around a place name, loaded from data files.

Three files, all JSON lines:

- the region pack's ``demonyms.jsonl`` and the world's ``data/gazetteer/demonyms.jsonl``:
  demonyms and country names, English and French, every gender and number, each with the
  ISO 3166 alpha-2 code of its country
  (``{"word": "algériennes", "country": "DZ", "lang": "fr", "kind": "demonym"}``); a word in
  capitals (``US``, ``UAE``) is an abbreviation and only matches as written;
- ``data/gazetteer/cues.jsonl``: words that say what kind of place follows (``town``,
  ``région``: a feature code), that a place is only approximately located (``outskirts
  of``, ``près de``: ``near``), that may stand between a context word and the name
  (``the``, ``of``, ``side``: ``filler``), that pair two places (``between``, ``entre``:
  ``between``), that point within a country ("*northern* Mali": ``direction``, read past
  before a name but never stripped from one), and gazetteer names too ambiguous to match
  without the statistical NER (``ambiguous``); ``locative`` words ("in", "near", "à")
  let the place ruler take a capitalised name after them when the gazetteer knows it;
  ``generic`` words ("South", "University", "Airport") never stand for a place on their own
  inside a longer name; ``group`` names are peoples, communities and faiths ("Fulani",
  "Dogon", "Islam") that villages also bear but a report means as people, never as a place;
  a group living in one country of the region names it (``country``), as a demonym does;
  ``institution`` words ("University", "Hospital", "Prison", "Université") name a body that
  stands at a place: an organisation named only by such words and a place ("the University
  of Niamey", "Zinder Hospital") puts the event at the place.

All words are compared as :func:`~sahelwatch.geo.fold.fold` keys, word by word.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Literal, NamedTuple, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from sahelwatch.errors import DataPackError
from sahelwatch.geo.fold import fold

__all__ = ["Cues", "TextWords", "Word", "load_cues", "split_words"]

# A word (letters/digits, hyphenated compounds kept whole) or one punctuation mark.
_WORD = re.compile(r"\w+(?:[-‐‑]\w+)*|[^\w\s]")
_Line = TypeVar("_Line", bound=BaseModel)
_HEAD = re.compile(r"\w+")


class Word(NamedTuple):
    """A word of a text with its character offsets and fold key (a tuple: texts hold many)."""

    text: str
    start: int
    end: int
    key: str


@dataclass(frozen=True, slots=True)
class Cues:
    """Context words, as fold keys (see the module docstring)."""

    countries: Mapping[str, str]
    demonyms: frozenset[str]
    fillers: frozenset[str]
    features: Mapping[str, str]
    near: tuple[tuple[str, ...], ...]
    ambiguous: frozenset[str]
    near_by_end: Mapping[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict)
    between: frozenset[str] = frozenset()
    directions: frozenset[str] = frozenset()
    locatives: frozenset[str] = frozenset()
    generic: frozenset[str] = frozenset()
    institutions: frozenset[str] = frozenset()
    max_country_words: int = 3
    abbreviations: frozenset[str] = frozenset()
    abbreviation_keys: frozenset[str] = frozenset()
    country_ends: frozenset[str] = frozenset()
    actors: Mapping[str, str] = field(default_factory=dict)
    groups: frozenset[str] = frozenset()
    group_countries: Mapping[str, str] = field(default_factory=dict)
    actor_heads: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    # Derived: every key of ``demonyms`` and ``group_countries``, bare and with a final "e";
    # a plain ASCII word whose lower case is none of these folds to none of those keys.
    context_forms: frozenset[str] = frozenset()

    def names_group(self, text: str) -> bool:
        """True when ``text`` names a people, community or faith ("Fulani", "Dogon"): never
        a place on its own, whatever the gazetteer holds under that name."""
        return fold(text) in self.groups

    def actor_countries(self, text: str, tokens: Iterable[str] | None = None) -> list[str]:
        """The countries of the region's actors named in ``text``, one per mention.

        ``tokens``: the text's ``\\w+`` words, when the caller split them already; only
        names whose first word is among them are searched (see :func:`index_actors`).
        """
        found = []
        names: Iterable[str] = self.actors
        if self.actor_heads:
            present = set(_HEAD.findall(text) if tokens is None else tokens)
            present.add("")
            # Sorted: a set's order varies with the hash seed, and the order of the countries
            # found breaks ties in the document's country.
            heads = sorted(present & self.actor_heads.keys())
            names = [name for head in heads for name in self.actor_heads[head]]
        for name in names:
            country = self.actors[name]
            start = text.find(name)
            while start >= 0:
                end = start + len(name)
                if _whole_word(text, start, end):
                    found.append(country)
                start = text.find(name, end)
        return found

    def country(self, words: list[Word]) -> str | None:
        """The ISO2 code if ``words`` together spell a demonym or country name."""
        if not words or words[-1].key not in self.country_ends:
            return None
        return self.country_of(" ".join(w.text for w in words))

    def country_of(self, text: str) -> str | None:
        """The ISO2 code if ``text`` is a demonym or country name (abbreviations as written)."""
        key = fold(text)
        if key in self.abbreviation_keys and text.replace(" ", "") not in self.abbreviations:
            return None
        return self.countries.get(key)

    def is_demonym(self, text: str) -> bool:
        """True when ``text`` is a demonym ("Malian", "algériennes"), not a country name."""
        return fold(text) in self.demonyms and self.country_of(text) is not None


class _DemonymLine(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    word: str = Field(min_length=1)
    country: str = Field(pattern=r"^[A-Z]{2}$")
    lang: str = Field(min_length=2)
    kind: Literal["demonym", "country"]


class _ActorLine(BaseModel):
    """The fields of a region pack's ``actors.jsonl`` line that give country context."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    name: str
    country: str | None = None
    aliases: dict[str, list[str]] = Field(default_factory=dict)


class _CueLine(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    kind: Literal[
        "filler",
        "direction",
        "feature",
        "near",
        "between",
        "locative",
        "generic",
        "ambiguous",
        "group",
        "institution",
    ]
    lang: str = Field(min_length=2)
    phrase: str = Field(min_length=1)
    feature_code: str | None = None
    country: str | None = Field(default=None, pattern=r"^[A-Z]{2}$")


@dataclass(frozen=True, slots=True)
class TextWords:
    """The words of a whole text, split once and read by character windows.

    ``covered``: the ``(start, end)`` stretches of the text that were split, in order.
    """

    words: tuple[Word, ...]
    starts: tuple[int, ...]
    covered: tuple[tuple[int, int], ...]

    @classmethod
    def of(cls, text: str) -> TextWords:
        words = tuple(split_words(text))
        return cls(words, tuple(w.start for w in words), ((0, len(text)),))

    @classmethod
    def around(
        cls, text: str, spans: Iterable[tuple[int, int]], before: int = 160, after: int = 80
    ) -> TextWords:
        """Only the words from ``before`` characters before each span to ``after`` after it
        (the context words read around names; a long text may hold few names)."""
        windows: list[tuple[int, int]] = []
        for start, end in sorted(spans):
            low, high = max(0, start - before), min(len(text), end + after)
            if windows and low <= windows[-1][1]:
                windows[-1] = (windows[-1][0], max(windows[-1][1], high))
            else:
                windows.append((low, high))
        keys: dict[str, str] = {}
        words = tuple(w for low, high in windows for w in split_words(text[low:high], low, keys))
        return cls(words, tuple(w.start for w in words), tuple(windows))

    def window(self, start: int, end: int) -> list[Word]:
        """The words lying wholly within ``[start, end)``."""
        words = self.words
        first = bisect.bisect_left(self.starts, start)
        last = bisect.bisect_left(self.starts, end)
        # Words do not overlap: only the last one may run past ``end``.
        while last > first and words[last - 1].end > end:
            last -= 1
        return list(words[first:last])

    def inside(self, text: str, start: int, end: int) -> list[Word]:
        """The words of ``text[start:end]`` exactly as :func:`split_words` splits that slice
        alone: taken from the words split already when a split stretch holds the slice and
        no word crosses its edges (then both splits agree), else split again."""
        stretch = bisect.bisect_right(self.covered, (start, len(text))) - 1
        if stretch >= 0 and end <= self.covered[stretch][1]:
            first = bisect.bisect_left(self.starts, start)
            last = bisect.bisect_left(self.starts, end)
            clean_start = first == 0 or self.words[first - 1].end <= start
            if clean_start and (first == last or self.words[last - 1].end <= end):
                return list(self.words[first:last])
        return split_words(text[start:end], start)


def split_words(text: str, offset: int = 0, keys: dict[str, str] | None = None) -> list[Word]:
    """The words and punctuation marks of ``text``, offsets shifted by ``offset``.

    ``keys`` remembers fold keys across calls on the same text (words repeat).
    """
    keys = {} if keys is None else keys
    known = keys.get
    # tuple.__new__ skips the named tuple's Python-level __new__ (texts hold many words).
    new = tuple.__new__
    words: list[Word] = []
    add = words.append
    for match in _WORD.finditer(text):
        token = match.group()
        key = known(token)
        if key is None:
            key = keys[token] = fold(token)
        start, end = match.span()
        add(new(Word, (token, start + offset, end + offset, key)))
    return words


def load_cues(
    region: str = "sahel",
    *,
    demonyms_file: Path | None = None,
    cues_file: Path | None = None,
    world_file: Path | None = None,
    actors_file: Path | None = None,
) -> Cues:
    """Load the demonyms of a region pack and of the world, the region's actors that belong
    to a country, and the shipped cue words.

    ``demonyms_file``, ``cues_file``, ``world_file`` and ``actors_file`` replace the shipped
    files (a missing actors file means no actor context).
    """
    package = resources.files("sahelwatch")
    region_folder = Path(str(package.joinpath(f"data/regions/{region}")))
    demonyms_path = demonyms_file or region_folder / "demonyms.jsonl"
    world_path = world_file or Path(str(package.joinpath("data/gazetteer/demonyms.jsonl")))
    cues_path = cues_file or Path(str(package.joinpath("data/gazetteer/cues.jsonl")))
    words = _country_words((demonyms_path, world_path))
    actors = _actor_countries(actors_file or region_folder / "actors.jsonl", words)
    cues = _cues(dict(words.countries), _read(cues_path, _CueLine), cues_path)
    return replace(
        cues,
        demonyms=words.demonyms,
        max_country_words=words.longest,
        abbreviations=words.abbreviations,
        abbreviation_keys=words.abbreviation_keys,
        country_ends=words.ends,
        actors=actors,
        actor_heads=index_actors(actors),
        context_forms=_with_final_e(words.demonyms | cues.group_countries.keys()),
    )


def _with_final_e(keys: Iterable[str]) -> frozenset[str]:
    """The keys, and each with an "e" added: the lower-case forms a plain ASCII word folding
    to one of them can have (:func:`~sahelwatch.geo.fold.fold` drops a final "e")."""
    return frozenset(form for key in keys for form in (key, key + "e"))


def index_actors(actors: Iterable[str]) -> Mapping[str, tuple[str, ...]]:
    """Actor names by their first word ("" for a name not starting with one), so a text
    is searched only for the names whose first word it holds."""
    heads: dict[str, list[str]] = {}
    for name in actors:
        head = _HEAD.match(name)
        heads.setdefault(head.group() if head else "", []).append(name)
    return MappingProxyType({head: tuple(names) for head, names in heads.items()})


@dataclass(frozen=True, slots=True)
class _CountryWords:
    countries: Mapping[str, str]
    demonyms: frozenset[str]
    abbreviations: frozenset[str]
    abbreviation_keys: frozenset[str]
    ends: frozenset[str]
    longest: int


def _country_words(paths: Iterable[Path]) -> _CountryWords:
    """Demonyms and country names (fold key -> ISO2) of the demonym files."""
    countries: dict[str, str] = {}
    demonyms: set[str] = set()
    abbreviations: set[str] = set()
    abbreviation_keys: set[str] = set()
    ends: set[str] = set()
    longest = 1
    for path in paths:
        for number, line in _read(path, _DemonymLine):
            words = split_words(line.word)
            longest = max(longest, len(words))
            ends.update(w.key for w in words[-1:])
            key = fold(line.word)
            if countries.get(key, line.country) != line.country:
                raise DataPackError(
                    f"{path.name}:{number}: {line.word!r} names both "
                    f"{countries[key]} and {line.country}"
                )
            countries[key] = line.country
            if line.kind == "demonym":
                demonyms.add(key)
            if line.word.replace(".", "").isupper():
                abbreviations.add(line.word.replace(" ", ""))
                abbreviation_keys.add(key)
    return _CountryWords(
        MappingProxyType(countries),
        frozenset(demonyms),
        frozenset(abbreviations),
        frozenset(abbreviation_keys),
        frozenset(ends),
        longest,
    )


def _whole_word(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` is not part of a longer word."""
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    return not before.isalnum() and not after.isalnum()


def _actor_countries(path: Path, words: _CountryWords) -> Mapping[str, str]:
    """Names of the region's actors that belong to one country ("FAMa" -> ML), as written.

    Names holding a country name or demonym ("Malian army") are left to the demonym files;
    names with a placeholder (``Military Forces of {country}``) are templates, not actors.
    """
    if not path.is_file():
        return MappingProxyType({})
    found: dict[str, str] = {}
    for _, line in _read(path, _ActorLine):
        if not line.country:
            continue
        names = [line.name, *(n for group in line.aliases.values() for n in group)]
        for name in names:
            keys = {w.key for w in split_words(name)}
            if "{" in name or len(name) <= 2 or keys & words.countries.keys():
                continue
            found[name] = line.country
    return MappingProxyType(found)


def _cues(countries: dict[str, str], lines: list[tuple[int, _CueLine]], path: Path) -> Cues:
    fillers: set[str] = set()
    features: dict[str, str] = {}
    near: set[tuple[str, ...]] = set()
    ambiguous: set[str] = set()
    between: set[str] = set()
    directions: set[str] = set()
    locatives: set[str] = set()
    generic: set[str] = set()
    institutions: set[str] = set()
    groups: dict[str, str | None] = {}
    for number, line in lines:
        keys = tuple(w.key for w in split_words(line.phrase) if w.key)
        if line.kind == "filler":
            fillers.update(keys)
        elif line.kind == "feature":
            if line.feature_code is None or len(keys) != 1:
                raise DataPackError(f"{path.name}:{number}: a feature cue is one word with a code")
            features[keys[0]] = line.feature_code
        elif line.kind == "near":
            near.add(keys)
        elif line.kind == "between":
            between.update(keys)
        elif line.kind == "direction":
            directions.update(keys)
        elif line.kind == "locative":
            locatives.update(keys)
        elif line.kind == "generic":
            generic.update(keys)
        elif line.kind == "institution":
            institutions.update(keys)
        elif line.kind == "group":
            groups[fold(line.phrase)] = line.country
        else:
            ambiguous.add(line.phrase)
    return Cues(
        countries=MappingProxyType(countries),
        demonyms=frozenset(),
        fillers=frozenset(fillers),
        features=MappingProxyType(features),
        near=tuple(sorted(near, key=lambda phrase: (-len(phrase), phrase))),
        near_by_end=_by_end(near),
        ambiguous=frozenset(ambiguous),
        between=frozenset(between),
        directions=frozenset(directions),
        locatives=frozenset(locatives),
        generic=frozenset(generic),
        institutions=frozenset(institutions),
        groups=frozenset(groups),
        group_countries=MappingProxyType({k: c for k, c in groups.items() if c}),
    )


def _by_end(phrases: set[tuple[str, ...]]) -> Mapping[str, tuple[tuple[str, ...], ...]]:
    """Near phrases by their last word, longest first."""
    groups: dict[str, list[tuple[str, ...]]] = {}
    for phrase in sorted(phrases, key=lambda p: (-len(p), p)):
        groups.setdefault(phrase[-1], []).append(phrase)
    return MappingProxyType({end: tuple(group) for end, group in groups.items()})


def _read(path: Path, model: type[_Line]) -> list[tuple[int, _Line]]:
    try:
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataPackError(f"cannot read {path}: {exc}") from exc
    lines: list[tuple[int, _Line]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            lines.append((number, model.model_validate_json(line)))
        except ValidationError as exc:
            raise DataPackError(f"{path.name}:{number}: {exc}") from exc
    return lines
