"""The words of a clause that stand for the doer and the target, on parses built by hand."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc, Token

from sahelwatch.extract.arguments import event_arguments
from sahelwatch.extract.lang import LANGUAGES

Row = tuple[str, int, str, str, str]


def parse(language: str, rows: list[Row]) -> Doc:
    """A parsed doc from (word, head index, label, part of speech, lemma) rows."""
    words, heads, deps, pos, lemmas = (list(column) for column in zip(*rows, strict=True))
    vocab = spacy.blank(language).vocab
    return Doc(vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)


def texts(found: tuple[list[Token], list[Token]]) -> tuple[list[str], list[str]]:
    doers, targets = found
    return [t.text for t in doers], [t.text for t in targets]


def test_event_arguments_other_side_after_with() -> None:
    doc = parse("en", [
        ("Herders", 1, "nsubj", "NOUN", "herder"), ("clashed", 1, "ROOT", "VERB", "clash"),
        ("with", 1, "prep", "ADP", "with"), ("gendarmes", 2, "pobj", "NOUN", "gendarme"),
    ])  # fmt: skip
    found = event_arguments(doc[1], "Armed clash", LANGUAGES["en"])
    assert texts(found) == (["Herders"], ["gendarmes"])


def test_event_arguments_other_side_after_avec_in_french() -> None:
    doc = parse("fr", [
        ("Des", 1, "det", "DET", "un"), ("bergers", 2, "nsubj", "NOUN", "berger"),
        ("combattent", 2, "ROOT", "VERB", "combattre"), ("avec", 4, "case", "ADP", "avec"),
        ("gendarmes", 2, "obl:mod", "NOUN", "gendarme"),
    ])  # fmt: skip
    found = event_arguments(doc[2], "Armed clash", LANGUAGES["fr"])
    assert texts(found) == (["bergers"], ["gendarmes"])


def test_event_arguments_sides_of_fighting_between() -> None:
    doc = parse("fr", [
        ("combats", 0, "ROOT", "NOUN", "combat"), ("entre", 2, "case", "ADP", "entre"),
        ("bergers", 0, "nmod", "NOUN", "berger"), ("et", 4, "cc", "CCONJ", "et"),
        ("cultivateurs", 2, "conj", "NOUN", "cultivateur"),
    ])  # fmt: skip
    found = event_arguments(doc[0], "Armed clash", LANGUAGES["fr"])
    assert texts(found) == (["bergers"], ["cultivateurs"])
