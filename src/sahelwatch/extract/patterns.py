"""A small token-pattern matcher for the region pack's trigger patterns.

The patterns are written as spaCy Matcher patterns (``LEMMA``, ``LOWER``, ``TEXT``, ``POS``,
``IS_ALPHA``, ``IS_PUNCT``; a value, ``{"IN": [...]}`` or ``{"NOT_IN": [...]}``; ``"OP": "?"`` or
``"*"``). With hundreds of patterns, spaCy's Matcher tests every pattern's first token on every
token; this one looks the candidate patterns up by the token's lemma or lower-case form first,
so the coder costs a fraction of parsing. A pattern whose first token is not indexed ("any word
but gold, then mine") is looked up by a later token, when every token before that one is a
single required token: the match then starts that many tokens earlier. For each pattern and
start it keeps the longest match (spaCy's ``greedy="LONGEST"``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from spacy.attrs import LEMMA, LOWER
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from sahelwatch.errors import DataPackError

__all__ = ["TokenPatterns"]

Predicate = Callable[[Token], bool]
_ATTRIBUTES: Mapping[str, Callable[[Token], object]] = {
    "LEMMA": lambda t: t.lemma_,
    "LOWER": lambda t: t.lower_,
    "TEXT": lambda t: t.text,
    "ORTH": lambda t: t.text,
    "POS": lambda t: t.pos_,
    "TAG": lambda t: t.tag_,
    "ENT_TYPE": lambda t: t.ent_type_,
    "IS_ALPHA": lambda t: t.is_alpha,
    "IS_PUNCT": lambda t: t.is_punct,
}
_MAX_WILDCARD = 6


@dataclass(frozen=True, slots=True)
class _Step:
    test: Predicate
    optional: bool
    repeat: bool


def _condition(attribute: str, value: object) -> Predicate:
    get = _ATTRIBUTES.get(attribute)
    if get is None:
        raise DataPackError(f"trigger patterns: unsupported token attribute {attribute!r}")
    if isinstance(value, dict):
        if "IN" in value:
            wanted = frozenset(value["IN"])
            return lambda token: get(token) in wanted
        if "NOT_IN" in value:
            unwanted = frozenset(value["NOT_IN"])
            return lambda token: get(token) not in unwanted
        raise DataPackError(f"trigger patterns: unsupported operator in {value!r}")
    return lambda token: get(token) == value


def _step(spec: Mapping[str, Any]) -> _Step:
    tests = [_condition(key, value) for key, value in spec.items() if key != "OP"]
    op = spec.get("OP")
    if op not in {None, "?", "*", "+"}:
        raise DataPackError(f"trigger patterns: unsupported OP {op!r}")
    return _Step(lambda token: all(test(token) for test in tests), op in {"?", "*"},
                 op in {"*", "+"})  # fmt: skip


def _keys(spec: Mapping[str, Any]) -> tuple[str, frozenset[str]] | None:
    """The index a token can be looked up by (lemma or lower-case words)."""
    if spec.get("OP") in {"?", "*"}:
        return None
    for attribute in ("LEMMA", "LOWER"):
        value = spec.get(attribute)
        if isinstance(value, str):
            return attribute, frozenset({value})
        if isinstance(value, dict) and "IN" in value:
            return attribute, frozenset(value["IN"])
    return None


def _anchor(pattern: Sequence[Mapping[str, Any]]) -> tuple[int, str, frozenset[str]] | None:
    """The first indexed token of a pattern and how many tokens come before it; only tokens
    that each match exactly one token may come before it (the start is then known)."""
    for offset, spec in enumerate(pattern):
        index = _keys(spec)
        if index is not None:
            return offset, *index
        if spec.get("OP") is not None:
            return None
    return None


class TokenPatterns:
    """Patterns by key; ``matches(doc)`` gives ``(key, start, end)`` like spaCy's Matcher."""

    def __init__(self) -> None:
        self._steps: dict[str, tuple[_Step, ...]] = {}
        # word -> (key, tokens before the indexed one)
        self._by_lemma: dict[str, list[tuple[str, int]]] = {}
        self._by_lower: dict[str, list[tuple[str, int]]] = {}
        self._anywhere: list[tuple[str, int]] = []
        self._ids: tuple[np.ndarray, np.ndarray] | None = None  # the indexed words' hashes

    def add(self, key: str, pattern: Sequence[Mapping[str, Any]]) -> None:
        self._steps[key] = tuple(_step(spec) for spec in pattern)
        anchor = _anchor(pattern)
        if anchor is None:
            self._anywhere.append((key, 0))
            return
        offset, attribute, words = anchor
        table = self._by_lemma if attribute == "LEMMA" else self._by_lower
        for word in words:
            table.setdefault(word, []).append((key, offset))
        self._ids = None

    def _starts(self, doc: Doc) -> Iterable[Token]:
        """The tokens some pattern is indexed by, found on the document's arrays of string
        hashes (reading each token's strings in Python costs more than the matching)."""
        if self._anywhere:
            return doc
        if self._ids is None:
            self._ids = (_hashes(self._by_lemma), _hashes(self._by_lower))
        lemmas, lowers = self._ids
        ids = doc.to_array([LEMMA, LOWER]).reshape(-1, 2)
        hits = np.isin(ids[:, 0], lemmas) | np.isin(ids[:, 1], lowers)
        return (doc[int(i)] for i in np.flatnonzero(hits))

    def matches(self, doc: Doc) -> Iterable[tuple[str, int, int]]:
        found: list[tuple[int, str, int]] = []
        for token in self._starts(doc):
            keys = {*self._by_lemma.get(token.lemma_, ()), *self._by_lower.get(token.lower_, ())}
            for key, offset in [*keys, *self._anywhere]:
                start = token.i - offset
                if start < 0:
                    continue
                end = _longest(self._steps[key], doc, start)
                if end is not None and end > start:
                    found.append((start, key, end))
        return [(key, start, end) for start, key, end in sorted(found)]


def _hashes(words: Iterable[str]) -> np.ndarray:
    return np.array(sorted({get_string_id(word) for word in words}), dtype=np.uint64)


def _longest(steps: Sequence[_Step], doc: Doc, start: int) -> int | None:
    """The end of the longest match of ``steps`` from ``start``, or None."""
    best: int | None = None
    states = [(0, start, 0)]  # (step, position, tokens taken by the current repeating step)
    while states:
        index, position, taken = states.pop()
        if index == len(steps):
            best = position if best is None or position > best else best
            continue
        step = steps[index]
        if step.optional or (step.repeat and taken):
            states.append((index + 1, position, 0))
        if position < len(doc) and step.test(doc[position]):
            if step.repeat and taken < _MAX_WILDCARD:
                states.append((index, position + 1, taken + 1))
            states.append((index + 1, position + 1, 0))
    return best
