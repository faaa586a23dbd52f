"""The trigger-pattern matcher, on documents built by hand (no model)."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from sahelwatch.extract.patterns import TokenPatterns


def doc_of(words: list[str], lemmas: list[str], pos: list[str]) -> Doc:
    return Doc(spacy.blank("en").vocab, words=words, lemmas=lemmas, pos=pos)


def mine_patterns() -> TokenPatterns:
    patterns = TokenPatterns()
    patterns.add("mine", [{"LOWER": {"NOT_IN": ["gold"]}}, {"LEMMA": "mine", "POS": "NOUN"}])
    patterns.add("attack", [{"LEMMA": "attack"}, {"LOWER": "on", "OP": "?"}])
    return patterns


def test_matches_first_token_indexed_longest() -> None:
    doc = doc_of(["they", "attacked", "on", "foot"], ["they", "attack", "on", "foot"],
                 ["PRON", "VERB", "ADP", "NOUN"])  # fmt: skip
    assert list(mine_patterns().matches(doc)) == [("attack", 1, 3)]


def test_matches_pattern_indexed_by_later_token_starts_before_it() -> None:
    doc = doc_of(["a", "mine", "exploded"], ["a", "mine", "explode"], ["DET", "NOUN", "VERB"])
    assert list(mine_patterns().matches(doc)) == [("mine", 0, 2)]


def test_matches_excluded_first_word_blocks_later_index() -> None:
    doc = doc_of(["the", "gold", "mine", "closed"], ["the", "gold", "mine", "close"],
                 ["DET", "NOUN", "NOUN", "VERB"])  # fmt: skip
    assert list(mine_patterns().matches(doc)) == []


def test_matches_optional_first_token_tried_everywhere_in_text_order() -> None:
    doc = doc_of(["huge", "blast", "then", "attack"], ["huge", "blast", "then", "attack"],
                 ["ADJ", "NOUN", "ADV", "NOUN"])  # fmt: skip
    patterns = mine_patterns()
    patterns.add("maybe-blast", [{"LOWER": "huge", "OP": "?"}, {"LEMMA": "blast"}])
    assert list(patterns.matches(doc)) == [
        ("maybe-blast", 0, 2),
        ("maybe-blast", 1, 2),
        ("attack", 3, 4),
    ]
