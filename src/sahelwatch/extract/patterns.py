"""A small token-pattern matcher for the region pack's trigger patterns.

The patterns are written as spaCy Matcher patterns (``LEMMA``, ``LOWER``, ``TEXT``, ``POS``,
``IS_ALPHA``, ``IS_PUNCT``; a value, ``{"IN": [...]}`` or ``{"NOT_IN": [...]}``; ``"OP": "?"`` or
``"*"``). With hundreds of patterns, spaCy's Matcher tests every pattern's first token on every
token; this one looks the candidate patterns up by the token's lemma or lower-case form first,
so the coder costs a fraction of parsing. For each pattern and start it keeps the longest match
(spaCy's ``greedy="LONGEST"``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

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
    """The index a pattern's first token can be looked up by (lemma or lower-case words)."""
    if spec.get("OP") in {"?", "*"}:
        return None
    for attribute in ("LEMMA", "LOWER"):
        value = spec.get(attribute)
        if isinstance(value, str):
            return attribute, frozenset({value})
        if isinstance(value, dict) and "IN" in value:
            return attribute, frozenset(value["IN"])
    return None


class TokenPatterns:
    """Patterns by key; ``matches(doc)`` gives ``(key, start, end)`` like spaCy's Matcher."""

    def __init__(self) -> None:
        self._steps: dict[str, tuple[_Step, ...]] = {}
        self._by_lemma: dict[str, list[str]] = {}
        self._by_lower: dict[str, list[str]] = {}
        self._anywhere: list[str] = []

    def add(self, key: str, pattern: Sequence[Mapping[str, Any]]) -> None:
        self._steps[key] = tuple(_step(spec) for spec in pattern)
        index = _keys(pattern[0]) if pattern else None
        if index is None:
            self._anywhere.append(key)
            return
        attribute, words = index
        table = self._by_lemma if attribute == "LEMMA" else self._by_lower
        for word in words:
            table.setdefault(word, []).append(key)

    def matches(self, doc: Doc) -> Iterable[tuple[str, int, int]]:
        for token in doc:
            keys = {*self._by_lemma.get(token.lemma_, ()), *self._by_lower.get(token.lower_, ())}
            for key in sorted(keys) + self._anywhere:
                end = _longest(self._steps[key], doc, token.i)
                if end is not None and end > token.i:
                    yield key, token.i, end


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
